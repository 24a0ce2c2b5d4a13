// Countries, places, organizations and untitled names.
#include "entities/resolver.h"

#include "entities/person_names.h"

namespace communique::internal {
namespace {

// Words before a capital or seat that make it a place, not its government:
// "in Washington", "arrived at the Kremlin".
bool IsPlacePreposition(std::string_view k) {
  return k == "in" || k == "at" || k == "from" || k == "to" || k == "near" || k == "into" ||
         k == "outside" || k == "across" || k == "around" || k == "via" || k == "through" ||
         k == "inside" || k == "toward" || k == "towards" || k == "visit" || k == "visited" ||
         k == "visiting" || k == "of" || k == "between" || k == "and" || k == "leave" || k == "left";
}

// Verbs of speech right after a name: "X said", "X told".
bool IsSpeechVerb(std::string_view k) {
  return k == "said" || k == "says" || k == "told" || k == "added" || k == "stated" ||
         k == "wrote" || k == "explained" || k == "recalled" || k == "noted" || k == "argued";
}

// Lower-case nouns before "of" and a place's name: "the city of Palmyra".
bool IsPlaceNoun(std::string_view k) {
  return k == "city" || k == "town" || k == "village" || k == "state" || k == "province" ||
         k == "region" || k == "county" || k == "district" || k == "municipality" || k == "island" ||
         k == "port" || k == "oblast" || k == "governorate" || k == "prefecture";
}

// Head words of administrative divisions: "Kharkiv Oblast" is one place, while
// "Atlanta International Airport" holds a city of its own.
bool IsDivisionHead(std::string_view k) {
  return k == "region" || k == "oblast" || k == "krai" || k == "okrug" || k == "governorate" ||
         k == "prefecture" || k == "territory" || k == "province" || k == "county" ||
         k == "district" || k == "parish" || k == "borough" || k == "township" ||
         k == "municipality" || k == "state" || k == "city";
}

bool IsDeterminer(std::string_view k) {
  return k == "the" || k == "a" || k == "an" || k == "this" || k == "that" || k == "these" ||
         k == "those";
}

}  // namespace

Resolver::Resolver(const Lexicon& lex, std::string_view text, const Analysis& a)
    : lex_(lex), text_(text), a_(a) {
  if (a.header.date) {
    const CivilDate& d = *a.header.date;
    date_ = d.year * 10000 + d.month * 100 + d.day;
  }
}

std::string_view Resolver::Surface(uint32_t first, uint32_t last) const {
  Span s = SpanOf(first, last);
  return text_.substr(s.begin, s.size());
}

std::string Resolver::CountryCode(int32_t c) const {
  return c < 0 ? std::string() : lex_.country(c).code;
}

namespace {

// Arrays that grew past kMaxKeptWords words are freed, which bounds what a
// Session keeps.
constexpr size_t kMaxKeptWords = size_t{1} << 17;

template <typename T>
void Keep(std::vector<T>* from, std::vector<T>* to) {
  if (from->capacity() <= kMaxKeptWords) to->swap(*from);
}

}  // namespace

std::vector<Entity> Resolver::Run(ResolverScratch* scratch) {
  std::vector<uint32_t> sentence_starts;
  words_.swap(scratch->words);
  sentence_starts.swap(scratch->starts);
  hits_.swap(scratch->hits);
  hit_at_.swap(scratch->hit_at);
  list_nouns_.swap(scratch->list_nouns);
  BuildWords(text_, a_, &words_, &sentence_starts);
  FindHits(lex_, words_, sentence_starts, &hits_, &hit_at_, &list_nouns_);
  used_.assign(hits_.size(), false);
  Resolve();
  ClearHitAt(hits_, &hit_at_);
  Keep(&words_, &scratch->words);
  Keep(&sentence_starts, &scratch->starts);
  Keep(&hits_, &scratch->hits);
  Keep(&hit_at_, &scratch->hit_at);
  Keep(&list_nouns_, &scratch->list_nouns);
  return reg_.Finish();
}

void Resolver::Resolve() {
  PlaceLists();
  for (size_t hi = 0; hi < hits_.size(); ++hi) {
    if (used_[hi]) continue;
    // OrgCompound takes the hits right after this one: most hits have none.
    if (hi + 1 < hits_.size() && hits_[hi + 1].first == hits_[hi].last && OrgCompound(hi)) continue;
    const Entry* e = EntryOf(hits_[hi]);
    if (e == nullptr) {
      NamedRun(hi);
      continue;
    }
    switch (e->kind) {
      case EntryKind::kCountry:
      case EntryKind::kDemonym: Country(hits_[hi], *e); break;
      case EntryKind::kSeat:
      case EntryKind::kCapital:
      case EntryKind::kRegion:
      case EntryKind::kPlace: Place(hi, *e); break;
      case EntryKind::kOrganization: Organization(hi, *e); break;
      case EntryKind::kTitle: TitleHit(hi, *e); break;
      case EntryKind::kPerson: KnownPerson(hi, *e, nullptr, -1, ""); break;
    }
  }
}

void Resolver::Country(const Hit& h, const Entry& e) {
  const CountryInfo& c = lex_.country(static_cast<int32_t>(e.ref));
  uint32_t id = reg_.Named(c.key, EntityType::kCountry, c.name, c.code);
  reg_.AddMention(id, SpanOf(h.first, h.last), e.via);
}

bool Resolver::IsPlaceUse(const Hit& h) const {
  Span s = SpanOf(h.first, h.last);
  const Span& place = a_.header.place_span;
  if (!place.empty() && s.begin >= place.begin && s.end <= place.end) return true;
  uint32_t w = h.first;
  if (w > 0 && words_[w - 1].key == "the") --w;
  return w > 0 && IsPlacePreposition(words_[w - 1].key);
}

// "Chita Rivera", "Douglas Babstock": a one-word ordinary place right before
// a family name (a listed surname that is a place too and no common word), or
// a place or capital that is a given name before an unknown capitalized word,
// is a person's name.
bool Resolver::PlacePairIsPerson(size_t hi) const {
  const Hit& h = hits_[hi];
  if (h.last - h.first != 1 || hi + 1 >= hits_.size()) return false;
  const Hit& next = hits_[hi + 1];
  if (next.first != h.last || next.last - next.first > 2 ||
      words_[next.first].sentence != words_[h.first].sentence ||
      words_[next.first].shape != words_[h.first].shape)
    return false;
  const uint32_t last = next.last - 1;
  if (HeadAt(last) != nullptr) return false;  // "Atlantic Lottery Corporation"
  // A third capitalized word or phrase makes a longer name ("... Brandenburg Airport").
  if (hi + 2 < hits_.size() && hits_[hi + 2].first == next.last) return false;
  const Entry* ne = EntryOf(next);
  if (ne == nullptr)  // an unknown run
    return GivenAt(h.first) && !CommonAt(last) &&
           words_[next.last - 1].shape != Shape::kUpper;
  if (EntryOf(h)->kind != EntryKind::kPlace || CommonAt(h.first)) return false;
  const bool family = (BitsAt(last) & (kGazFamily | kGazSurname)) != 0;
  return next.last - next.first == 1 && ne->kind == EntryKind::kPlace && family && !CommonAt(last);
}

void Resolver::Place(size_t hi, const Entry& e) {
  const Hit& h = hits_[hi];
  const PlaceInfo& p = lex_.place(e.ref);
  if ((e.kind == EntryKind::kPlace || e.kind == EntryKind::kCapital) && PlacePairIsPerson(hi)) {
    const Hit& next = hits_[hi + 1];
    used_[hi + 1] = true;
    AddPerson(Hit{h.first, next.last, -1}, Surface(h.first, next.last), MentionVia::kName);
    return;
  }
  // A one-word ordinary place that is the first or last name of a person
  // named before ("Chita" after "Chita Rivera") is that person.
  if (e.kind == EntryKind::kPlace && h.last - h.first == 1 && SurnameMention(h)) return;
  // A one-word ordinary city or division that speaks ("Tambov said") is a
  // person's name (capitals and seats speak for governments: metonymy).
  if (e.kind == EntryKind::kPlace && h.last - h.first == 1 && h.last < words_.size() &&
      IsSpeechVerb(words_[h.last].key) && !IsPlaceUse(h) &&
      words_[h.first].shape == Shape::kCapital) {
    AddPerson(h, Surface(h.first, h.last), MentionVia::kName);
    return;
  }
  // A place name next to other capitalized words is part of a longer name
  // ("Hollywood Magic", "Ross Ice Shelf").
  if (e.kind == EntryKind::kPlace || e.kind == EntryKind::kRegion) {
    if (hi > 0 && hits_[hi - 1].entry < 0 && hits_[hi - 1].last == h.first) return;
    if (hi + 1 < hits_.size() && hits_[hi + 1].entry < 0 && hits_[hi + 1].first == h.last) return;
  }
  bool seat = e.kind == EntryKind::kSeat || e.kind == EntryKind::kCapital;
  // Single-word ordinary places at a sentence start are often other words
  // ("Reading", "Split"); keep them only when all-upper (datelines), or when
  // no common word and no person's name ("Kharkiv was shelled").
  if (e.kind == EntryKind::kPlace && h.last - h.first == 1 && words_[h.first].sentence_start &&
      words_[h.first].shape != Shape::kUpper &&
      (CommonAt(h.first) ||
       (BitsAt(h.first) & (kGazGiven | kGazFamily | kGazSurname))))
    return;
  // "Washington, D.C.", "Washington D.C.": the district joins the city, a place.
  uint32_t last = h.last;
  {
    uint32_t d = last < words_.size() && words_[last].key == "," ? last + 1 : last;
    if (d < words_.size() && words_[d].key == "d.c." && words_[d].sentence == words_[h.first].sentence &&
        hit_at_[d] >= 0 && hits_[static_cast<size_t>(hit_at_[d])].last == d + 1) {
      used_[static_cast<size_t>(hit_at_[d])] = true;
      last = d + 1;
    }
  }
  bool metonymy = seat && last == h.last && !IsPlaceUse(h);
  bool created;
  uint32_t id = reg_.Named(metonymy ? p.key_m : p.key, EntityType::kLocation, p.name, CountryCode(p.country),
                           &created);
  if (created) reg_.entity(id).metonymy = metonymy;
  // "Sydney, Australia", "Portland, Oregon": the place and its country or
  // region after a comma are two mentions (as the gold sets mark them).
  reg_.AddMention(id, SpanOf(h.first, last), metonymy ? MentionVia::kSeat : MentionVia::kName);
}

int32_t Resolver::CountryBefore(size_t hi, uint32_t* begin) const {
  if (hi == 0) return -1;
  const Hit& prev = hits_[hi - 1];
  if (prev.last != hits_[hi].first) return -1;
  const Entry* e = EntryOf(prev);
  if (e == nullptr) return -1;
  if (e->kind == EntryKind::kCountry || e->kind == EntryKind::kDemonym) {
    *begin = prev.first;
    return static_cast<int32_t>(e->ref);
  }
  return -1;
}

int32_t Resolver::CountryAfterOf(uint32_t w, uint32_t* end) const {
  if (w >= words_.size() || words_[w].key != "of") return -1;
  uint32_t q = w + 1;
  if (q < words_.size() && words_[q].key == "the") ++q;
  if (q >= words_.size() || hit_at_[q] < 0) return -1;
  const Hit& h = hits_[static_cast<size_t>(hit_at_[q])];
  const Entry* e = EntryOf(h);
  if (e == nullptr || e->kind != EntryKind::kCountry) return -1;
  *end = h.last;
  return static_cast<int32_t>(e->ref);
}

void Resolver::Organization(size_t hi, const Entry& e) {
  const Hit& h = hits_[hi];
  const OrgInfo& o = lex_.org(e.ref);
  uint32_t first = h.first, last = h.last;
  std::string code = o.code;
  int32_t country = o.country;
  bool needs_country = code.find('*') != std::string::npos;
  if (o.kind == "igo" && NationalBody(hi, o)) return;
  if (needs_country) {
    uint32_t b = first, end = last;
    int32_t c = CountryBefore(hi, &b);
    if (c < 0) c = CountryAfterOf(last, &end);
    if (c >= 0) {
      country = c;
      first = b;
      last = end;
    }
    if (o.kind == "govt" && c < 0) return;  // "the government" of whom?
    if (country < 0) return;                // an agency without a country
    code.replace(code.find('*'), 1, lex_.country(country).code);
  }
  bool created;
  uint32_t id = reg_.Get(needs_country ? HashJoined("o:", code) : o.key, &created);
  if (created) {
    Entity& n = reg_.entity(id);
    n.type = EntityType::kOrganization;
    n.code = code;
    n.affiliation = CountryCode(country);
    n.name = needs_country ? o.name + " of " + lex_.country(country).name : o.name;
  }
  reg_.AddMention(id, SpanOf(first, last), MentionVia::kName);
}

// The run of capitalized words that no table knows starting at word `w`,
// or right after a place or demonym there ("Maritime Boundaries", "European
// Studies"; a demonym keeps its own mention); -1 if none.
int32_t Resolver::NameRunAt(uint32_t w) const {
  if (w >= words_.size() || hit_at_[w] < 0) return -1;
  size_t ri = static_cast<size_t>(hit_at_[w]);
  if (const Entry* pe = EntryOf(hits_[ri]);
      pe && (pe->kind == EntryKind::kPlace || pe->kind == EntryKind::kRegion ||
             pe->kind == EntryKind::kDemonym) &&
      ri + 1 < hits_.size() && hits_[ri + 1].first == hits_[ri].last)
    ++ri;
  return hits_[ri].entry < 0 ? static_cast<int32_t>(ri) : -1;
}

// Takes the runs of capitalized words (NameRunAt) from word `at` into `h`,
// joined by "and" or "of" ("Welfare and Protection of Animals"); at most
// three, within h's sentence.
void Resolver::TakeRuns(uint32_t at, Hit* h) {
  for (int parts = 0; parts < 3 && at < words_.size(); ++parts) {
    const int32_t found = NameRunAt(at);
    if (found < 0) break;
    const size_t ri = static_cast<size_t>(found);
    const Hit& run = hits_[ri];
    if (words_[run.first].sentence != words_[h->first].sentence ||
        words_[run.first].shape == Shape::kLower)
      break;
    // After "and", a run starting with a head word is another name
    // ("... and Human Services and Centers for ...").
    const std::string_view first = words_[run.first].key;
    const HeadInfo* fh = lex_.Head(first);
    if (fh == nullptr && first.size() > 3 && first.back() == 's')
      fh = lex_.Head(first.substr(0, first.size() - 1));
    if (parts > 0 && fh != nullptr && fh->type == EntityType::kOrganization) break;
    // So is a run of two or more words ending in one ("American Federation
    // of Teachers and National Education Association").
    if (const HeadInfo* lh = HeadAt(run.last - 1);
        parts > 0 && run.last - run.first >= 2 && lh != nullptr && lh->last &&
        lh->type == EntityType::kOrganization && words_[run.first - 1].key == "and")
      break;
    // A title inside starts a person's name ("... Reconciliation Chairperson X").
    bool titled = false;
    for (uint32_t w = run.first; w < run.last && !titled; ++w)
      titled = (BitsAt(w) & kWordTitle) != 0;
    if (titled) break;
    h->last = run.last;
    used_[ri] = true;
    if (run.last + 1 >= words_.size() ||
        (words_[run.last].key != "and" && words_[run.last].key != "of"))
      break;
    at = run.last + 1;
  }
}

// A run of capitalized words that no table knows: a titled or untitled
// person, a surname seen before, or a name with an organization/place head.
void Resolver::NamedRun(size_t hi) {
  Hit h = hits_[hi];
  while (h.last - h.first > 1 && (words_[h.first].sentence_start || IsDeterminer(words_[h.first].key)) &&
         !GivenAt(h.first) &&
         !IsNameParticleKey(words_[h.first].key) &&
         HeadAt(h.first) == nullptr)
    ++h.first;  // "The Guardian", sentence-initial "Yesterday Smith"
  if (h.first >= h.last) return;
  // "the city of Palmyra", "the town of Vysne Nemecke": a place.
  if (h.first >= 2 && h.last - h.first <= 3 && words_[h.first - 1].key == "of" &&
      words_[h.first - 2].shape == Shape::kLower && IsPlaceNoun(words_[h.first - 2].key) &&
      words_[h.first].sentence == words_[h.first - 2].sentence) {
    bool titled = false;
    for (uint32_t w = h.first; w < h.last && !titled; ++w)
      titled = (BitsAt(w) & kWordTitle) != 0 || HeadAt(w) != nullptr;
    if (!titled) {
      Entity proto;
      proto.type = EntityType::kLocation;
      proto.name = std::string(Surface(h.first, h.last));
      uint32_t id = reg_.Get("l:" + proto.name, proto);
      reg_.AddMention(id, SpanOf(h.first, h.last), MentionVia::kName);
      return;
    }
  }
  // "(Governor of Nizhny Novgorod) Region Valery Shantsev": a name-final head
  // word, then a given name and a surname: two names.
  // "(Secretary for Management and) Resources Brian P. McKeon": the same
  // after a capitalized common word that is no name.
  for (uint32_t k = h.first; k + 2 < h.last; ++k) {
    const HeadInfo* head = HeadAt(k);
    const bool common = head == nullptr && CommonAt(k) &&
                        !(BitsAt(k) & (kGazListBits | kGazFamily | kWordTitle)) &&
                        !CommonAt(h.last - 1);
    if (((head && head->last) || common) && GivenAt(k + 1) && h.last - k - 1 <= 4 &&
        HeadAt(h.last - 1) == nullptr) {
      Hit person{k + 1, h.last, -1};
      h.last = k + 1;
      NamedRunPart(hi, h);
      AddPerson(person, Surface(person.first, person.last), MentionVia::kName);
      return;
    }
  }
  NamedRunPart(hi, h);
}

void Resolver::NamedRunPart(size_t hi, Hit h) {
  // "National Aeronautics and Space Administration": a run, "and", and a run
  // that ends in an organization head are one name.
  // Head words are looked up once per word: the last word's again only when
  // the name grows, the first word's only when it is another word.
  const HeadInfo* head_last = HeadAt(h.last - 1);
  if ((head_last == nullptr || !head_last->last) && h.last - h.first >= 2 && h.last + 1 < words_.size() &&
      words_[h.last].key == "and") {
    const int32_t ri = hit_at_[h.last + 1];
    if (ri >= 0 && hits_[static_cast<size_t>(ri)].entry < 0 && !used_[static_cast<size_t>(ri)]) {
      const Hit& run = hits_[static_cast<size_t>(ri)];
      const HeadInfo* head = HeadAt(run.last - 1);
      if (head && head->last && head->type == EntityType::kOrganization && run.last - run.first >= 2 &&
          words_[run.first].sentence == words_[h.first].sentence) {
        used_[static_cast<size_t>(ri)] = true;
        h.last = run.last;
        head_last = head;
      }
    }
  }
  uint32_t len = h.last - h.first;
  const HeadInfo* head_first = len == 1 ? head_last : HeadAt(h.first);
  // Most runs have no head word: every head rule below needs one.
  if (head_last == nullptr && head_first == nullptr) {
    PersonRun(h);
    return;
  }
  // "University of Kent", "Museum of the World Ocean": the capitalized
  // of-phrase after a first head word.
  uint32_t of_at = h.last + 1;
  if (of_at + 1 < words_.size() && words_[of_at].key == "the" && hit_at_[of_at + 1] >= 0 &&
      words_[of_at + 1].shape != Shape::kLower)
    ++of_at;
  // "Nizhny Novgorod Region": a head word right after a place name.
  bool after_place = false, after_nation = false;
  if (hi > 0 && hits_[hi - 1].last == h.first &&
      words_[hits_[hi - 1].first].sentence == words_[h.first].sentence) {
    const Entry* pe = EntryOf(hits_[hi - 1]);
    after_place = pe && (pe->kind == EntryKind::kPlace || pe->kind == EntryKind::kRegion);
    // "Taiwan Strait": a country before a location head word.
    const HeadInfo* lh = head_last;
    if (pe && pe->kind == EntryKind::kCountry && len == 1 && lh && lh->last &&
        lh->type == EntityType::kLocation && !words_[h.first - 1].possessive)
      after_place = true;
    // "Syrian Army", "Russian Navy": a demonym or country before a one-word
    // organization head (the later rule below joins it to the name).
    after_nation = pe && (pe->kind == EntryKind::kDemonym || pe->kind == EntryKind::kCountry) &&
                   len == 1 && lh && lh->last && lh->type == EntityType::kOrganization &&
                   !words_[h.first - 1].possessive && words_[hits_[hi - 1].first].shape != Shape::kLower &&
                   (hits_[hi - 1].first == 0 || words_[hits_[hi - 1].first - 1].key != "-");  // "NATO-Russia"
  }
  const bool by_last = head_last && head_last->last && (len >= 2 || after_place || after_nation);
  // "Department Press Briefing": a first head word does not make an event a name.
  const bool by_first = !by_last && head_first && head_first->first && len >= 2 &&
                        !lex_.IsWorkHeadLower(words_[h.last - 1].hash);
  const bool of_phrase = !by_last && !by_first && head_first && head_first->first && len == 1 &&
                         h.last < words_.size() && words_[h.last].key == "of" &&
                         of_at < words_.size() && hit_at_[of_at] >= 0;
  // "Committee on Foreign Relations": a one-word organization head, "on" or
  // "for", then a capitalized run that no table knows.
  uint32_t on_for_at = h.last + 1;
  if (on_for_at + 1 < words_.size() && words_[on_for_at].key == "the") ++on_for_at;
  const bool on_for = !by_last && !by_first && !of_phrase && head_last && head_last->last &&
                      head_last->type == EntityType::kOrganization && h.last < words_.size() &&
                      (words_[h.last].key == "on" || words_[h.last].key == "for") &&
                      on_for_at < words_.size() && words_[on_for_at].shape != Shape::kLower &&
                      NameRunAt(on_for_at) >= 0;
  if (by_last || by_first || of_phrase || on_for) {
    const HeadInfo* head = by_last || on_for ? head_last : head_first;
    // A place name just before belongs to the name ("Gorky Automobile Plant",
    // "Moscow State University"); Place() left it alone.
    if (by_last && after_place) {
      const Entry* pe = EntryOf(hits_[hi - 1]);
      if (pe->kind == EntryKind::kCountry) {
        h.first = hits_[hi - 1].first;  // the country has its mention already
      } else if (IsDivisionHead(words_[h.last - 1].key)) {
        h.first = hits_[hi - 1].first;  // "Kharkiv Oblast": one place, no nested mention
      } else {
        // The place keeps its own (nested) mention in an organization's name.
        const PlaceInfo& p = lex_.place(pe->ref);
        uint32_t pid = reg_.Named(p.key, EntityType::kLocation, p.name, CountryCode(p.country));
        reg_.AddMention(pid, SpanOf(hits_[hi - 1].first, hits_[hi - 1].last), MentionVia::kName);
        h.first = hits_[hi - 1].first;
      }
    }
    // "Medical Journal of Australia", "Central Bank of Russia": a country or
    // place after "of" completes a name whose head ends it (the country keeps
    // its own mention).
    if (by_last && of_at < words_.size() && words_[h.last].key == "of" &&
        words_[of_at].sentence == words_[h.first].sentence && hit_at_[of_at] >= 0) {
      const Entry* oe = EntryOf(hits_[static_cast<size_t>(hit_at_[of_at])]);
      if (oe && (oe->kind == EntryKind::kCountry || oe->kind == EntryKind::kPlace ||
                 oe->kind == EntryKind::kCapital || oe->kind == EntryKind::kRegion))
        h.last = hits_[static_cast<size_t>(hit_at_[of_at])].last;
    }
    // "Advisory Committee on Postal Services", "Center for Strategic and
    // International Studies": an organization head, "on"/"for", then runs of
    // capitalized words that no table knows, joined by "and".
    if ((by_last || on_for) && head->type == EntityType::kOrganization && h.last + 1 < words_.size() &&
        (words_[h.last].key == "on" || words_[h.last].key == "for"))
      TakeRuns(on_for_at, &h);
    // "Royal Academy of Painting and Sculpture": the same after "of".
    if (by_last && head->type == EntityType::kOrganization && h.last + 1 < words_.size() &&
        words_[h.last].key == "of")
      TakeRuns(of_at, &h);
    // "Atlantic Lottery Corporation, Inc.": a company suffix after a comma.
    if (by_last && head->type == EntityType::kOrganization && h.last + 1 < words_.size() &&
        words_[h.last].key == "," && hit_at_[h.last + 1] >= 0) {
      const size_t si = static_cast<size_t>(hit_at_[h.last + 1]);
      const Hit& sh = hits_[si];
      const Word& sw = words_[sh.first];
      const HeadInfo* suffix = lex_.Head(sw.key);
      if (sh.entry < 0 && sh.last - sh.first == 1 && suffix && suffix->last &&
          suffix->type == EntityType::kOrganization && sw.sentence == words_[h.first].sentence &&
          (text_[sw.end - 1] == '.' || sw.shape == Shape::kUpper)) {
        h.last = sh.last;
        used_[si] = true;
      }
    }
    if (of_phrase) {  // "University of Kent": take the of-phrase
      size_t next = static_cast<size_t>(hit_at_[of_at]);
      const Entry* ne = EntryOf(hits_[next]);
      if (ne && ne->kind == EntryKind::kTitle) return;
      // "Institute of History and Philology": runs joined by "and"/"of".
      if (ne == nullptr && head->type == EntityType::kOrganization) {
        TakeRuns(of_at, &h);
      } else {
        h.last = hits_[next].last;
        if (ne == nullptr) used_[next] = true;
      }
    }
    // "American Academy of Pediatrics", "U.S. Navy Band": a demonym or
    // country right before an organization's name is part of it (it keeps
    // its own mention).
    if (head->type == EntityType::kOrganization && hi > 0 && hits_[hi - 1].last == h.first &&
        !words_[h.first - 1].possessive &&
        words_[hits_[hi - 1].first].sentence == words_[h.first].sentence) {
      const Entry* pe = EntryOf(hits_[hi - 1]);
      if (pe && (pe->kind == EntryKind::kDemonym || pe->kind == EntryKind::kCountry) &&
          words_[hits_[hi - 1].first].shape != Shape::kLower)
        h.first = hits_[hi - 1].first;
    }
    const std::string_view name = Surface(h.first, h.last);
    bool created;
    uint32_t id = reg_.Get(HashJoined(head->type == EntityType::kLocation ? "l:" : "o:", name), &created);
    if (created) {
      Entity& n = reg_.entity(id);
      n.type = head->type;
      n.name = std::string(name);
    }
    reg_.AddMention(id, SpanOf(h.first, h.last), MentionVia::kName);
    return;
  }
  PersonRun(h);
}

// A run with no name head: a surname seen before, or a person's name.
void Resolver::PersonRun(const Hit& h) {
  if (SurnameMention(h)) return;
  // A given name first makes a person, unless the last word is a common
  // word and no family name ("Tony Awards", "Rose Garden"; not "Mark Green").
  const uint32_t len = h.last - h.first;
  if (len < 2 || len > 4 || !GivenAt(h.first)) return;
  const uint32_t last = h.last - 1;
  // Nor when it ends in the head of a law, event or building ("Abraham
  // Accords", "Benjamin Franklin Room"; a family name only after two words).
  const uint8_t last_bits = BitsAt(last);
  const bool work = lex_.IsWorkHeadLower(words_[last].hash) && !(last_bits & kGazGiven) &&
                    (len >= 3 || !(last_bits & (kGazFamily | kGazSurname)));
  if (!work && !(CommonAt(last) && !(last_bits & (kGazSurname | kGazFamily | kGazGiven))))
    AddPerson(h, Surface(h.first, h.last), MentionVia::kName);
}

}  // namespace communique::internal
