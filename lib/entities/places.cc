// Place rules that read a wider context than one hit: lists of place names
// after (or before) a plural division noun ("the counties of A, B, and C",
// "provinces A and B", "A and B counties"), and a demonym that names a US
// county or parish ("Canadian County"). They run before the hit-by-hit pass
// and mark the hits they take as used.
#include <algorithm>
#include <array>
#include <string>

#include "entities/list_nouns.h"
#include "entities/places.h"
#include "entities/resolver.h"

namespace communique::internal {
namespace {

// The list nouns and what they take. Divisions name their members right
// after them, with or without "of": "counties Canadian, Carter", "the
// parishes of Caddo and Sabine"; place nouns only after "of": "the cities of
// Selma, Montgomery, and Birmingham", "the states of Arizona and Utah".
// PlaceLists reads no word shorter than six letters ("towns" included).
struct ListNoun {
  std::string_view key;
  uint8_t kinds;
};
constexpr ListNoun kListNounTable[] = {
    {"counties", kListDivision | kListTrailing}, {"parishes", kListDivision | kListTrailing},
    {"provinces", kListDivision}, {"oblasts", kListDivision}, {"governorates", kListDivision},
    {"prefectures", kListDivision}, {"municipalities", kListDivision}, {"boroughs", kListDivision},
    {"townships", kListDivision}, {"districts", kListDivision}, {"regions", kListDivision},
    {"cities", kListPlaceOf}, {"towns", kListPlaceOf}, {"villages", kListPlaceOf},
    {"states", kListPlaceOf}, {"islands", kListPlaceOf}, {"republics", kListPlaceOf},
    {"territories", kListPlaceOf}, {"communities", kListPlaceOf}, {"settlements", kListPlaceOf},
};
constexpr size_t kListNounCount = std::size(kListNounTable);

// Capitalized adjectives that come before "counties" without naming any.
bool IsListAdjective(std::string_view k) {
  return k == "democratic" || k == "republican" || k == "rural" || k == "urban" || k == "northern" ||
         k == "southern" || k == "eastern" || k == "western" || k == "central" || k == "coastal" ||
         k == "border" || k == "blue" || k == "red" || k == "swing" || k == "neighboring";
}

constexpr uint32_t kMaxListItems = 80;  // declarations list up to ~70 counties
constexpr uint32_t kMaxItemWords = 4;

}  // namespace

uint8_t ListNounKindsOfPlural(std::string_view key) {
  for (const ListNoun& n : kListNounTable)
    if (n.key == key) return n.kinds;
  return 0;
}

std::span<const std::string_view> ListNouns() {
  static constexpr auto kKeys = [] {
    std::array<std::string_view, kListNounCount> keys{};
    for (size_t i = 0; i < kListNounCount; ++i) keys[i] = kListNounTable[i].key;
    return keys;
  }();
  return kKeys;
}

// A hit that can be one member of a place list; `first` says whether it is
// the first member (a country there owns the list: "the regions of Ukraine").
bool Resolver::ListItem(size_t hi, bool first) const {
  const Hit& h = hits_[hi];
  if (used_[hi] || h.last - h.first > kMaxItemWords || words_[h.first].shape == Shape::kLower) return false;
  for (uint32_t w = h.first; w < h.last; ++w)
    if (BitsAt(w) & kWordTitle) return false;  // "Governor Abbott"
  const Entry* e = EntryOf(h);
  if (e == nullptr) return true;
  switch (e->kind) {
    case EntryKind::kPlace: case EntryKind::kRegion: case EntryKind::kCapital: case EntryKind::kSeat:
    case EntryKind::kDemonym: case EntryKind::kPerson: return true;
    case EntryKind::kCountry: return !first;
    default: return false;
  }
}

// Where the separator after word `w` ends (", ", ", and ", " and ", " or "),
// or 0 when there is none.
uint32_t Resolver::ListSeparatorEnd(uint32_t w) const {
  if (w >= words_.size()) return 0;
  const std::string_view k = words_[w].key;
  if (k == "and" || k == "or" || k == "&") return w + 1;
  if (k != ",") return 0;
  if (w + 1 < words_.size() && (words_[w + 1].key == "and" || words_[w + 1].key == "or")) return w + 2;
  return w + 1;
}

// Adds one list member, hits [hi, hj], as a location (a country hit alone
// stays a country; adjacent hits are one name: "East" + "Baton Rouge").
void Resolver::ListPlace(const ListMember& m) {
  for (size_t k = m.hi; k <= m.hj; ++k) used_[k] = true;
  const Hit& h = hits_[m.hi];
  const uint32_t last = m.last;
  const Entry* e = m.hi == m.hj && last == h.last ? EntryOf(h) : nullptr;
  if (e != nullptr && e->kind == EntryKind::kCountry) {
    Country(h, *e);
    return;
  }
  if (e != nullptr && e->kind != EntryKind::kDemonym && e->kind != EntryKind::kPerson) {
    const PlaceInfo& p = lex_.place(e->ref);
    reg_.AddMention(reg_.Named(p.key, EntityType::kLocation, p.name, CountryCode(p.country)),
                    SpanOf(h.first, last), MentionVia::kName);
    return;
  }
  const std::string_view name = Surface(h.first, last);
  const int32_t town = e == nullptr ? TownAt(h.first, last) : -1;
  reg_.AddMention(reg_.Named(HashJoined("l:", name), EntityType::kLocation, name, CountryCode(town)),
                  SpanOf(h.first, last), MentionVia::kName);
}

// The list member that starts at hit `hi`: adjacent hits of at most
// kMaxItemWords words, and a capitalized word no hit starts ("May" of "Cape
// May"); m.last == 0 when there is none.
Resolver::ListMember Resolver::ListItemAt(size_t hi, bool first) const {
  ListMember m{hi, hi, 0};
  size_t hj = hi;
  while (hj < hits_.size() && ListItem(hj, first && hj == hi) &&
         hits_[hj].last - hits_[hi].first <= kMaxItemWords &&
         words_[hits_[hj].first].sentence == words_[hits_[hi].first].sentence) {
    m.hj = hj;
    m.last = hits_[hj].last;
    if (hj + 1 >= hits_.size() || hits_[hj + 1].first != hits_[hj].last) break;
    ++hj;
  }
  while (m.last != 0 && m.last < words_.size() && m.last - hits_[hi].first < kMaxItemWords &&
         hit_at_[m.last] < 0 && words_[m.last].is_word && words_[m.last].shape == Shape::kCapital &&
         words_[m.last].sentence == words_[hits_[hi].first].sentence)
    ++m.last;
  return m;
}

// "the counties of A, B, and C", "provinces A and B", "cities such as A and
// B": the members after a plural division noun at word `w`.
void Resolver::ListAfter(uint32_t w) {
  uint32_t at = w + 1;
  const std::string_view next = at < words_.size() ? words_[at].key : std::string_view();
  // After "like", "including", "such as" the members must be known places or
  // towns ("communities like Black and Latino" names none).
  bool loose = false;
  if (next == "of") {
    ++at;  // "the cities of"
  } else if (next == "like" || next == "including") {
    ++at;  // "towns like", "regions including"
    loose = true;
  } else if (next == "such" && at + 1 < words_.size() && words_[at + 1].key == "as") {
    at += 2;  // "cities such as"
    loose = true;
  } else if (!(ListNounKinds(words_[w].key) & kListDivision)) {
    return;
  }
  std::vector<ListMember> items;
  while (at < words_.size() && items.size() < kMaxListItems && words_[at].sentence == words_[w].sentence) {
    if (hit_at_[at] < 0) break;
    const ListMember m = ListItemAt(static_cast<size_t>(hit_at_[at]), items.empty());
    if (m.last == 0) break;
    items.push_back(m);
    at = ListSeparatorEnd(m.last);
    if (at == 0) break;
  }
  if (items.size() < 2) return;
  if (loose)
    for (const ListMember& m : items) {
      const Entry* e = m.hi == m.hj && m.last == hits_[m.hi].last ? EntryOf(hits_[m.hi]) : nullptr;
      const bool known = e != nullptr ? e->kind == EntryKind::kPlace || e->kind == EntryKind::kRegion ||
                                            e->kind == EntryKind::kCapital || e->kind == EntryKind::kSeat ||
                                            e->kind == EntryKind::kCountry
                                      : TownAt(hits_[m.hi].first, m.last) >= 0;
      if (!known) return;
    }
  for (const ListMember& m : items) ListPlace(m);
}

// "Bexar, Travis and Hays counties": the members before a plural noun at
// word `w`, nearest first; the list needs an "and"/"or" before its last member.
void Resolver::ListBefore(uint32_t w) {
  auto it = std::lower_bound(hits_.begin(), hits_.end(), w,
                             [](const Hit& h, uint32_t x) { return h.last < x; });
  std::vector<ListMember> items;
  bool joined = false;
  while (it != hits_.end() && it->last == w && items.size() < kMaxListItems) {
    const size_t hj = static_cast<size_t>(it - hits_.begin());
    if (words_[it->first].sentence != words_[w].sentence || !ListItem(hj, false)) break;
    size_t hi = hj;  // adjacent hits before it belong to the member
    while (hi > 0 && hits_[hi - 1].last == hits_[hi].first && ListItem(hi - 1, false) &&
           hits_[hj].last - hits_[hi - 1].first <= kMaxItemWords)
      --hi;
    // Without "of", one-word members must look like names: no common words,
    // demonyms or political adjectives ("Democratic and Republican counties").
    const std::string_view one = words_[hits_[hi].first].key;
    if (hits_[hj].last - hits_[hi].first == 1 &&
        (lex_.IsCommonWord(one) || (lex_.WordBits(one) & kGazDemonym) || IsListAdjective(one)))
      break;
    items.push_back({hi, hj, hits_[hj].last});
    // The separator before this member.
    const uint32_t s = hits_[hi].first;
    if (s == 0 || hi == 0) break;
    const std::string_view k = words_[s - 1].key;
    if (k == "and" || k == "or") {
      joined = true;
      w = s - 1;
      if (w > 0 && words_[w - 1].key == ",") --w;
    } else if (k == "," && joined) {
      w = s - 1;
    } else {
      break;
    }
    it = hits_.begin() + static_cast<std::ptrdiff_t>(hi - 1);
  }
  if (items.size() < 2 || !joined) return;
  for (const ListMember& m : items) ListPlace(m);
}

// "Canadian County", "Cherokee Parish": a demonym before the head of a US
// county or parish is that county's name, one place.
void Resolver::DemonymCounty(size_t hi) {
  const Hit& h = hits_[hi];
  if (hi + 1 >= hits_.size() || used_[hi] || used_[hi + 1]) return;
  const Hit& next = hits_[hi + 1];
  const Entry* e = EntryOf(h);
  if (e == nullptr || e->kind != EntryKind::kDemonym || next.first != h.last || next.entry >= 0 ||
      next.last - next.first != 1 || words_[h.first].shape != Shape::kCapital ||
      words_[h.first].sentence != words_[next.first].sentence || words_[h.first].possessive)
    return;
  const std::string_view head = words_[next.first].key;
  if (head != "county" && head != "parish") return;
  used_[hi] = used_[hi + 1] = true;
  const std::string_view name = Surface(h.first, next.last);
  reg_.AddMention(reg_.Named(HashJoined("l:", name), EntityType::kLocation, name),
                  SpanOf(h.first, next.last), MentionVia::kName);
}

// The country of the town (entity_towns.tsv) written as words [first, last), or -1.
int32_t Resolver::TownAt(uint32_t first, uint32_t last) const {
  uint64_t h = 0;
  for (uint32_t w = first; w < last; ++w) h = Lexicon::PhraseHash(h, words_[w].hash);
  const int32_t* c = lex_.Town(h);
  return c == nullptr ? -1 : *c;
}

namespace {

// What the word before a run of capitalized words says of it.
enum class RunContext : uint8_t {
  kNone,
  kStrong,     ///< a name after it is a place whatever else it may be: in, near, outside, inside, across
  kWeak,       ///< a place unless it is also a person's name: at, from, via, toward(s), into
  kThe,        ///< "the Kyle area"
  kSeparator,  ///< and, or, ",": a list of places (AfterListedPlace)
};

// One switch on the length instead of comparing each word of the lists
// (TownRun asks this of every run).
RunContext ContextOf(std::string_view k) {
  switch (k.size()) {
    case 1: return k == "," ? RunContext::kSeparator : RunContext::kNone;
    case 2:
      return k == "in" ? RunContext::kStrong
             : k == "at" ? RunContext::kWeak
             : k == "or" ? RunContext::kSeparator : RunContext::kNone;
    case 3:
      return k == "the" ? RunContext::kThe
             : k == "and" ? RunContext::kSeparator
             : k == "via" ? RunContext::kWeak : RunContext::kNone;
    case 4:
      return k == "near" ? RunContext::kStrong
             : k == "from" || k == "into" ? RunContext::kWeak : RunContext::kNone;
    case 6:
      return k == "inside" || k == "across" ? RunContext::kStrong
             : k == "toward" ? RunContext::kWeak : RunContext::kNone;
    case 7:
      return k == "outside" ? RunContext::kStrong
             : k == "towards" ? RunContext::kWeak : RunContext::kNone;
    default: return RunContext::kNone;
  }
}

std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (!start && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    start = c == ' ' || c == '-';
  }
  return out;
}

}  // namespace

// "Bucha, Mariupol": hit `hi` follows ", " or "and" after a place (a table
// place or country, or a town found before).
bool Resolver::AfterListedPlace(size_t hi) const {
  uint32_t w = hits_[hi].first;
  if (w < 2 || hi == 0) return false;
  const std::string_view sep = words_[w - 1].key;
  if (sep == "and" || sep == "or") w -= words_[w - 2].key == "," ? 2 : 1;
  else if (sep == ",") w -= 1;
  else return false;
  const Hit& prev = hits_[hi - 1];
  if (prev.last != w || words_[prev.first].sentence != words_[hits_[hi].first].sentence) return false;
  const Entry* e = EntryOf(prev);
  if (e == nullptr) return used_[hi - 1] && TownAt(prev.first, prev.last) >= 0;
  return e->kind == EntryKind::kPlace || e->kind == EntryKind::kCapital || e->kind == EntryKind::kCountry;
}

// A run of capitalized words that no table knows: a place when it is in the
// dateline, or when it is a town of entity_towns.tsv in a place context:
// after "in"/"near" ("in Pearland"), before a comma and a state or country
// ("Kyle, Texas"), or between "the" and "area" ("the Kyle area"). Given names,
// family names and common words need the stronger contexts.
// PlaceLists calls it for an unused run of at most kMaxItemWords words with
// no hit right before or after it.
void Resolver::TownRun(size_t hi) {
  const Hit& h = hits_[hi];
  const Span s = SpanOf(h.first, h.last);
  const Span& dateline = a_.header.place_span;
  // The whole dateline place, or its part before a comma ("SEVEROMORSK, Murmansk Region").
  const bool in_dateline = !dateline.empty() && s.begin >= dateline.begin && s.end <= dateline.end &&
                           (s.end == dateline.end || (h.last < words_.size() && words_[h.last].key == ","));
  int32_t country = -1;
  bool state_after = false, strong = false;
  if (!in_dateline) {
    if (words_[h.last - 1].possessive) return;
    // The context before the town table: most runs have none, and a probe
    // of the large table is a cache miss.
    const uint32_t sentence = words_[h.first].sentence;
    const std::string_view before = h.first > 0 ? words_[h.first - 1].key : std::string_view();
    if (h.last + 1 < words_.size() && words_[h.last].key == "," && hit_at_[h.last + 1] >= 0 &&
        words_[h.last + 1].sentence == sentence) {
      const Entry* e = EntryOf(hits_[static_cast<size_t>(hit_at_[h.last + 1])]);
      state_after = e != nullptr && (e->kind == EntryKind::kPlace || e->kind == EntryKind::kCountry ||
                                     e->kind == EntryKind::kCapital);
    }
    const RunContext context = ContextOf(before);
    const bool area = context == RunContext::kThe && h.last < words_.size() &&
                      (words_[h.last].key == "area" || words_[h.last].key == "region");
    strong = context == RunContext::kStrong;
    // AfterListedPlace needs a separator before the run.
    const bool weak = context == RunContext::kWeak ||
                      (context == RunContext::kSeparator && AfterListedPlace(hi));
    if (!state_after && !area && !strong && !weak) return;
    country = TownAt(h.first, h.last);
    if (country < 0) return;
  }
  for (uint32_t w = h.first; w < h.last; ++w)  // keys are case-folded: Word::hash serves both
    if (lex_.HeadOfHashed(words_[w].key, words_[w].hash) != nullptr ||
        (lex_.WordBitsOfLower(words_[w].hash) & kWordTitle))
      return;
  if (!in_dateline && h.last - h.first == 1) {
    const std::string_view k = words_[h.first].key;
    const uint8_t bits = lex_.WordBitsOfLower(words_[h.first].hash);
    const bool common = lex_.IsCommonLower(words_[h.first].hash);
    const bool named = (bits & (kGazGiven | kGazFamily | kGazSurname | kGazDemonym | kGazOrg)) != 0;
    if ((common || k.size() < 4) && !state_after) return;
    if (named && !state_after && !strong) return;
    if (words_[h.first].shape == Shape::kUpper && !state_after) return;  // an acronym
  }
  used_[hi] = true;
  const std::string_view surface = Surface(h.first, h.last);
  const std::string name = words_[h.first].shape == Shape::kUpper ? TitleCase(surface) : std::string(surface);
  reg_.AddMention(reg_.Named(HashJoined("l:", name), EntityType::kLocation, name, CountryCode(country)), s,
                  MentionVia::kName);
}

// "Moscow Region", "Kyiv Oblast": a capital or seat before a division head
// is one place (a city before one is handled by NamedRunPart).
void Resolver::CapitalDivision(size_t hi) {
  const Hit& h = hits_[hi];
  if (hi + 1 >= hits_.size() || used_[hi] || used_[hi + 1]) return;
  const Hit& next = hits_[hi + 1];
  const Entry* e = EntryOf(h);
  if (e == nullptr || (e->kind != EntryKind::kCapital && e->kind != EntryKind::kSeat) || next.first != h.last ||
      next.entry >= 0 || next.last - next.first != 1 || words_[h.last - 1].possessive ||
      words_[h.first].sentence != words_[next.first].sentence)
    return;
  const std::string_view head = words_[next.first].key;
  if (head != "region" && head != "oblast" && head != "province" && head != "governorate" &&
      head != "prefecture" && head != "krai" && head != "district")
    return;
  used_[hi] = used_[hi + 1] = true;
  const std::string_view name = Surface(h.first, next.last);
  const PlaceInfo& p = lex_.place(e->ref);
  reg_.AddMention(reg_.Named(HashJoined("l:", name), EntityType::kLocation, name, CountryCode(p.country)),
                  SpanOf(h.first, next.last), MentionVia::kName);
}

void Resolver::PlaceLists() {
  // Both need a table hit followed right away by a run of capitalized words.
  for (size_t hi = 0; hi + 1 < hits_.size(); ++hi) {
    if (hits_[hi].entry < 0 || hits_[hi + 1].entry >= 0 || hits_[hi + 1].first != hits_[hi].last) continue;
    DemonymCounty(hi);
    CapitalDivision(hi);
  }
  // The lower-case list nouns, in text order (FindHits).
  for (const uint32_t w : list_nouns_) {
    const uint8_t kinds = ListNounKinds(words_[w].key);
    if (kinds & (kListDivision | kListPlaceOf)) ListAfter(w);
    if (kinds & kListTrailing) ListBefore(w);
  }
  // The runs TownRun reads, found here (most runs are not: no call for them).
  for (size_t hi = 0; hi < hits_.size(); ++hi) {
    const Hit& h = hits_[hi];
    if (h.entry >= 0 || used_[hi] || h.last - h.first > kMaxItemWords) continue;
    // Part of a longer name ("Durham University"): no town of its own.
    if ((hi > 0 && hits_[hi - 1].last == h.first) || (hi + 1 < hits_.size() && hits_[hi + 1].first == h.last))
      continue;
    TownRun(hi);
  }
}

}  // namespace communique::internal

namespace communique::internal {
namespace {

// Common words that name a kind of site: "McMurdo Station", "Fairway Market".
bool IsSiteWord(std::string_view k) {
  return k == "station" || k == "stadium" || k == "market" || k == "quarter" || k == "cemetery" ||
         k == "mall" || k == "hotel" || k == "palace" || k == "cathedral" || k == "church" ||
         k == "mosque" || k == "temple" || k == "camp" || k == "base" || k == "port" || k == "memorial" ||
         k == "monument" || k == "garden" || k == "gardens" || k == "zoo" || k == "terminal" ||
         k == "center" || k == "centre" || k == "hospital" || k == "museum" || k == "library" ||
         k == "tower" || k == "castle" || k == "hall" || k == "arena" || k == "plaza" || k == "reserve" ||
         k == "farm" || k == "ranch" || k == "village" || k == "town" || k == "heights" || k == "hills";
}

}  // namespace

bool PlaceOfCommonHead(const Lexicon& lex, const NerSentence& words, const NerSpan& ns) {
  if (ns.end_word - ns.first_word < 2) return false;
  const std::string last = ner::Lower(words[ns.end_word - 1]);
  if (!lex.IsCommonWord(last) || IsSiteWord(last)) return false;
  for (size_t i = ns.first_word; i < ns.end_word; ++i) {
    if (lex.WordBits(words[i]) & (kGazListBits | kGazFamily)) return false;
    const HeadInfo* head = lex.Head(ner::Lower(words[i]));
    if (head != nullptr && head->type == EntityType::kLocation) return false;
  }
  return true;
}

}  // namespace communique::internal
