// The entities stage: countries, persons, organizations and locations, each
// linked to a code. Tables load once (lexicon.cc); per document one pass finds
// phrase hits (hits.cc) and the resolver turns them into entities. Then the
// NER tagger (tagger.cc) adds uncoded person/organization/location names
// where the rules found nothing overlapping.
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/norm_hash.h"
#include "core/stage.h"
#include "entities/lexicon.h"
#include "entities/organizations.h"
#include "entities/person_filters.h"
#include "entities/person_names.h"
#include "entities/places.h"
#include "entities/resolver.h"
#include "entities/tagger.h"

namespace communique::internal {
namespace {

constexpr EntityType kNerTypes[] = {EntityType::kPerson, EntityType::kOrganization,
                                    EntityType::kLocation};

std::string_view LastWord(std::string_view name) {
  size_t sp = name.rfind(' ');
  return sp == std::string_view::npos ? name : name.substr(sp + 1);
}

std::string_view FirstWord(std::string_view name) { return name.substr(0, name.find(' ')); }

// Where a tagger name goes: an existing entity written the same way ("Ukraine"
// tagged where the rules did not fire), a person known by that surname, or a
// new entity. Built from the rule-based entities of one document.
class NameIndex {
 public:
  explicit NameIndex(const std::vector<Entity>& entities) {
    for (uint32_t i = 0; i < entities.size(); ++i) Add(entities[i], i);
  }
  /// The entity a tagger name of `type` refers to, or -1; `via` says how.
  int32_t Find(std::string_view text, EntityType type, const std::vector<Entity>& entities,
               const Lexicon& lex, MentionVia* via) const {
    const uint64_t key = HashLowerWord(text);
    const bool one_word = text.find(' ') == std::string_view::npos;
    if (const uint32_t* found = by_text_.Find(key)) {
      const uint32_t i = *found - 1;
      const Entity& e = entities[i];
      // A tagged name written like a country or place of the document is
      // that country or place, even when tagged a person ("talking with Turkey").
      bool place_like = e.type == EntityType::kCountry ||
                        ((type == EntityType::kLocation || type == EntityType::kOrganization) &&
                         e.type == EntityType::kLocation);
      // A one-word name already known as a person, and listed as a given name
      // or surname, stays that person ("Gloria"; not "Coron").
      const bool person = e.type == EntityType::kPerson && one_word &&
                          (lex.WordBits(text) & (kGazGiven | kGazSurname)) != 0;
      if (e.type == type || place_like || person) {
        *via = MentionVia::kName;
        return static_cast<int32_t>(i);
      }
    }
    if (type == EntityType::kPerson && one_word) {
      if (const uint32_t* found = by_surname_.Find(key)) {
        *via = MentionVia::kSurname;
        return static_cast<int32_t>(*found - 1);
      }
    }
    return -1;
  }
  void Add(const Entity& e, uint32_t i) {
    // The first entity of a key keeps it. Values are index + 1 (0: absent).
    if (uint32_t& slot = by_text_[HashLowerWord(e.name)]; slot == 0) slot = i + 1;
    if (e.type == EntityType::kPerson && e.name.find(' ') != std::string::npos)
      if (uint32_t& slot = by_surname_[HashLowerWord(LastWord(e.name))]; slot == 0) slot = i + 1;
  }

 private:
  // Keyed by HashLowerWord of the name (tables keyed by the hash: entities/hash.h).
  HashMap64<uint32_t> by_text_, by_surname_;
};

// "in", "at", "from", ... before a place name (case as written).
bool IsPlacePreposition(std::string_view w) {
  return w == "in" || w == "at" || w == "from" || w == "near" || w == "to" || w == "into" ||
         w == "In" || w == "At" || w == "From" || w == "Near";
}

// A short lower-case syllable ("te", "keung").
bool IsSyllable(std::string_view w) {
  if (w.empty() || w.size() > 6) return false;
  for (char c : w)
    if (c < 'a' || c > 'z') return false;
  return true;
}

// Possessive determiners before a capitalized common noun ("our Motherland").
bool IsPossessiveDeterminer(std::string_view word) {
  if (word.size() > 5) return false;
  const std::string w = ner::Lower(word);
  return w == "our" || w == "their" || w == "his" || w == "her" || w == "its" || w == "my" || w == "your";
}

// A tagger "location" that is no place name: one word no gazetteer knows
// that is a head word alone ("the Council", "the Republic"), that sits right
// before another capitalized word ("Executive Order", "Federal Aviation"), or
// after a possessive determiner ("our Motherland"); or several words ending
// in an organization head, or all common words, none a gazetteer word or
// location head ("Digital Assets", "Foreign States"; not "West Side").
bool NotAPlace(const Lexicon& lex, const NerSentence& words, const NerSpan& ns) {
  const size_t n = ns.end_word - ns.first_word;
  if (n == 1) {
    const std::string_view w = words[ns.first_word];
    if (lex.WordBits(w) & kGazListBits) return false;
    if (lex.Head(ner::Lower(w)) != nullptr) return true;
    if (ns.end_word < words.size() && ner::CanStart(words[ns.end_word]) &&
        words[ns.end_word].data() > w.data() + w.size())
      return true;
    return ns.first_word > 0 && IsPossessiveDeterminer(words[ns.first_word - 1]);
  }
  if (PlaceOfCommonHead(lex, words, ns)) return true;
  // "Ministerial Council": an organization's head word ends it.
  if (const HeadInfo* last = lex.Head(ner::Lower(words[ns.end_word - 1]));
      last != nullptr && last->last && last->type == EntityType::kOrganization)
    return true;
  for (size_t i = ns.first_word; i < ns.end_word; ++i) {
    const HeadInfo* head = lex.Head(ner::Lower(words[i]));
    if ((lex.WordBits(words[i]) & kGazListBits) || !lex.IsCommonWord(words[i]) ||
        (head != nullptr && head->type == EntityType::kLocation))
      return false;
  }
  return true;
}

// The first token that ends after byte `at` (std::lower_bound's answer),
// found from a guess by the byte offset (tokens are spread about evenly),
// then by galloping: a few token reads instead of a binary search's cache
// misses across the whole array.
size_t FirstTokenEndingAfter(const std::vector<Token>& toks, uint32_t at) {
  const size_t n = toks.size();
  if (n == 0) return 0;
  auto before = [&](size_t i) { return toks[i].span.end <= at; };
  const uint64_t last_end = toks.back().span.end;
  const size_t guess =
      last_end == 0 ? 0 : std::min<size_t>(n - 1, static_cast<size_t>(uint64_t{at} * n / last_end));
  size_t lo = 0, hi = guess;  // the answer is in [lo, hi]
  if (before(guess)) {
    lo = guess + 1;
    hi = std::min(n, lo);
    for (size_t step = 1; hi < n && before(hi); step *= 2) {
      lo = hi + 1;
      hi = std::min(n, lo + step);
    }
  } else {
    for (size_t step = 1; hi > 0; step *= 2) {
      const size_t probe = hi > step ? hi - step : 0;
      if (before(probe)) { lo = probe + 1; break; }
      hi = probe;
    }
  }
  const auto it = std::lower_bound(toks.begin() + static_cast<std::ptrdiff_t>(lo),
                                   toks.begin() + static_cast<std::ptrdiff_t>(hi), at,
                                   [](const Token& t, uint32_t b) { return t.span.end <= b; });
  return static_cast<size_t>(it - toks.begin());
}

// Marks the tokens a mention (with its title) touches.
void Cover(const std::vector<Token>& toks, const Mention& m, std::vector<uint8_t>* covered) {
  Span s = m.with_title.empty() ? m.span : m.with_title;
  const uint32_t end = std::max(s.end, m.span.end);
  // Locals: a byte store may alias the vectors' members, which the loop would reload.
  const Token* const t = toks.data();
  uint8_t* const c = covered->data();
  const size_t n = toks.size();
  for (size_t i = FirstTokenEndingAfter(toks, s.begin); i < n && t[i].span.begin < end; ++i) c[i] = 1;
}

// A tagged "person" that is the name of a law, event, award or building, or
// of an organization or place by its last word: it ends in such a head word
// ("Executive Order", "Valentine's Day", "Benjamin Franklin Room", "Harris
// Administration", "Army Airfield") or stands right before a work head
// ("Executive" of "Executive Order 14033"). A family name as head keeps a
// two-word name that starts with a given name ("Doris Day", "Mark Hall").
bool NotPersonHead(const Lexicon& lex, const Token* st, const NerSentence& words, const uint8_t* skip,
                   const NerSpan& ns) {
  const size_t n = ns.end_word - ns.first_word;
  const std::string_view last = words[ns.end_word - 1];
  const uint8_t bits = lex.WordBits(last);
  const bool given_first = n == 2 && (lex.WordBits(words[ns.first_word]) & kGazGiven) &&
                           st[ns.first_word].clitic == 0;
  const bool family = (bits & (kGazFamily | kGazSurname)) != 0;
  if (n >= 2 && !(bits & kGazGiven) && (!family || !given_first)) {
    if (lex.IsWorkHead(last) || (bits & kGazOrg)) return true;
    const HeadInfo* head = lex.Head(ner::Lower(last));
    if (head && head->last && !family) return true;
  }
  const size_t next = ns.end_word;
  if (next < words.size() && !skip[next] && ner::CanStart(words[next]) && lex.IsWorkHead(words[next]) &&
      !(lex.WordBits(words[next]) & kGazGiven) && (n == 1 || !(lex.WordBits(words[next]) & kGazFamily)))
    return true;
  return n == 1 && lex.IsWorkHead(last) && !(bits & (kGazGiven | kGazFamily | kGazSurname));
}

// Whether hashes[0, n) holds `want` at an index `ok` accepts: eight hashes
// compared at a time without branches (vectorized), `ok` asked at a match.
template <typename Ok>
bool FindHashWhere(const uint64_t* hashes, size_t n, uint64_t want, Ok ok) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    bool any = false;
    for (size_t j = i; j < i + 8; ++j) any |= hashes[j] == want;
    if (any)
      for (size_t j = i; j < i + 8; ++j)
        if (hashes[j] == want && ok(j)) return true;
  }
  for (; i < n; ++i)
    if (hashes[i] == want && ok(i)) return true;
  return false;
}

// The entity stage's buffers, kept by the Session between documents.
struct EntityScratch : StageScratch {
  ResolverScratch resolver;
  ScratchSlot word_types;  // the tagger's
  std::vector<uint8_t> labels;  // a sentence's worth
  std::vector<NerSpan> spans;
};

// Adds tagger names on tokens no rule-based mention touches; `covered` is
// updated with the tagger's mentions.
void AddTaggerEntities(const NerTagger& tagger, const Lexicon& lex, std::string_view text,
                       EntityScratch* scratch, Analysis* a, std::vector<uint8_t>* covered_out) {
  const std::vector<Token>& toks = a->tokens;
  std::vector<uint8_t>& covered = *covered_out;
  covered.assign(toks.size(), 0);
  for (const Entity& e : a->entities)
    for (const Mention& m : e.mentions) Cover(toks, m, &covered);
  // Words of a time expression name no one ("12:22 P.M. EDT", "June 2025").
  for (const TimeExpression& t : a->times) Cover(toks, Mention{t.span, MentionVia::kName, t.span}, &covered);
  std::vector<Mention> added;
  std::optional<NameIndex> index;  // built at the first tagger name
  const uint64_t* norm_hashes = NormHashes(*a);
  const uint8_t* token_starts = TokenStarts(*a);  // null for hand-built tokens
  // HashWord of the norms of the document's lower-case words (value 1),
  // built after lower_scan_limit questions answered by a scan of the tokens
  // (a scan of the norm hashes costs about a hundredth of the table).
  std::optional<HashMap64<uint8_t>> lower_words;
  constexpr size_t kMaxLowerScans = 32;
  const size_t lower_scan_limit = norm_hashes ? kMaxLowerScans : 4;
  size_t lower_scans = 0;
  struct LowerAnswer {
    uint64_t word;
    bool seen;
  };
  std::array<LowerAnswer, kMaxLowerScans> lower_answers;  // the scans' answers, lower_scans of them
  std::vector<uint8_t>& labels = scratch->labels;
  std::vector<NerSpan>& spans = scratch->spans;
  for (const Sentence& sent : a->sentences) {
    // words[i]: the surface of token i of the sentence without its clitic;
    // skip[i]: a rule-based mention covers it.
    const NerSentence words{toks.data() + sent.first_token, sent.token_count, text.data(),
                            covered.data() + sent.first_token,
                            norm_hashes ? norm_hashes + sent.first_token : nullptr,
                            token_starts ? token_starts + sent.first_token : nullptr,
                            token_starts ? toks.size() - sent.first_token : 0};
    const uint8_t* skip = words.skip;
    tagger.Tag(words, &scratch->word_types, &labels, &spans);
    for (size_t si = 0; si < spans.size(); ++si) {  // SplitPersonPair may append
      NerSpan ns = spans[si];
      if (kNerTypes[(ns.type - 1) / 2] == EntityType::kPerson) SplitPersonPair(words, &ns, &spans);
      const size_t tagged_first = ns.first_word;  // before a title is cut off
      // An I- label right after a rule-based mention continues that mention.
      if (labels[ns.first_word] % 2 == 0 && ns.first_word > 0 && skip[ns.first_word - 1]) continue;
      // Names end in a name word ("Emperor of the" before a covered "United States").
      while (ns.end_word > ns.first_word && !ner::CanStart(words[ns.end_word - 1])) --ns.end_word;
      if (ns.end_word == ns.first_word) continue;
      if (kNerTypes[(ns.type - 1) / 2] == EntityType::kPerson) {
        // "Al" of "Al-Sabah" where a rule-based mention took "Sabah": a
        // word cut at a hyphen ends no name.
        const size_t e = ns.end_word;
        if (e + 1 < words.size() && e > ns.first_word + 1 && words[e] == "-" && skip[e + 1] &&
            words[e].data() == words[e - 1].data() + words[e - 1].size() &&
            words[e + 1].data() == words[e].data() + 1)
          --ns.end_word;
        // "Secretary of Agriculture Tom Vilsack": the name follows the title.
        ns.first_word = PersonNameStart(lex, words, ns.first_word, ns.end_word);
        if (ns.end_word == ns.first_word) continue;
        // "the President's Budget": a possessive title names no one after it.
        bool possessive = false;
        for (size_t i = tagged_first; i < ns.first_word && !possessive; ++i)
          possessive = toks[sent.first_token + i].clitic != 0;
        if (possessive) continue;
        ns.end_word = PersonNameEnd(lex, words, ns.first_word, ns.end_word);
        if (ns.end_word == ns.first_word) continue;
        // A plural acronym ("NGOs"), or one ALL-CAPS word that is a known
        // organization or a common word ("COVID"), names no person.
        bool acronym = false;
        for (size_t i = ns.first_word; i < ns.end_word && !acronym; ++i) acronym = PluralAcronym(words[i]);
        const std::string_view one = words[ns.first_word];
        if (ns.end_word - ns.first_word == 1) acronym = acronym || CapsCommonWord(lex, one);
        if (acronym) continue;
        if (NotPersonHead(lex, toks.data() + sent.first_token, words, skip, ns)) continue;
        // "the Board", "FDA Commissioner", "Will he": the context says no person.
        const PersonContext context =
            TaggedPersonContext(lex, toks.data() + sent.first_token, words, ns.first_word, ns.end_word);
        if (context == PersonContext::kReject) continue;
        if (context == PersonContext::kAfterThe) {
          // Only a name the document gives a person elsewhere ("the Biden administration").
          const std::string_view name(words[ns.first_word].data(),
                                      static_cast<size_t>(words[ns.end_word - 1].data() +
                                                          words[ns.end_word - 1].size() -
                                                          words[ns.first_word].data()));
          if (!index) index.emplace(a->entities);
          MentionVia via_the = MentionVia::kName;
          int32_t known = index->Find(name, EntityType::kPerson, a->entities, lex, &via_the);
          if (known < 0 && name.size() > 3 && name.back() == 's')  // "the Sams": a family
            known = index->Find(name.substr(0, name.size() - 1), EntityType::kPerson, a->entities, lex, &via_the);
          if (known < 0 || a->entities[static_cast<size_t>(known)].type != EntityType::kPerson) continue;
        }
      }
      // A bare title ("President", "Mr. Prime Minister"), or a one-word name
      // no gazetteer knows at a sentence start or that is a common word
      // ("our Nation"): a capitalized common word.
      bool all_title = true;
      for (size_t i = ns.first_word; i < ns.end_word && all_title; ++i)
        all_title = (lex.WordBits(words[i]) & (kWordTitle | kWordInTitle)) != 0;
      if (all_title) continue;
      // ALL-CAPS headings ("SECRETARY FOR MANAGEMENT AND RESOURCES"): a span
      // with an all-upper title or common word is no name.
      bool heading = false;
      for (size_t i = ns.first_word; i < ns.end_word && !heading; ++i) {
        if (!(toks[sent.first_token + i].flags & kTokenAllUpper) || words[i].size() < 3) continue;
        const uint8_t bits = lex.WordBits(words[i]);
        heading = (bits & kWordTitle) != 0 ||
                  ((bits & (kGazGiven | kGazSurname | kGazPlace)) == 0 && lex.IsCommonWord(words[i]));
      }
      if (heading) continue;
      // A "person" made only of common words and titles, none a listed given
      // name or surname, is a phrase ("Begin Text", "Meeting ID").
      if (kNerTypes[(ns.type - 1) / 2] == EntityType::kPerson) {
        bool phrase = true;
        for (size_t i = ns.first_word; i < ns.end_word && phrase; ++i) {
          const uint8_t bits = lex.WordBits(words[i]);
          const bool short_caps = words[i].size() <= 2 && (toks[sent.first_token + i].flags & kTokenAllUpper);
          phrase = !(bits & (kGazGiven | kGazSurname)) &&
                   ((bits & kWordTitle) || short_caps || lex.IsCommonWord(words[i]));
        }
        if (phrase) continue;
        // Ending in, or before, a capitalized plural common word, a name is
        // an award or event ("Tony Awards", "Kennedy Center Honors").
        auto common_plural = [&](size_t i) {
          return i < words.size() && !skip[i] && ner::CanStart(words[i]) && words[i].size() > 3 &&
                 words[i].back() == 's' && lex.IsCommonWord(words[i]) &&
                 !(lex.WordBits(words[i]) & (kGazSurname | kGazFamily | kGazGiven));
        };
        if (common_plural(ns.end_word) || (ns.end_word - ns.first_word >= 2 && common_plural(ns.end_word - 1)))
          continue;
      }
      if (ns.end_word - ns.first_word == 1) {
        const Token& t = toks[sent.first_token + ns.first_word];
        bool starts = true;  // only punctuation before it: "(Laughter.)"
        for (size_t i = 0; i < ns.first_word && starts; ++i)
          starts = toks[sent.first_token + i].kind == TokenKind::kPunctuation ||
                   toks[sent.first_token + i].kind == TokenKind::kSymbol;
        const uint8_t bits = lex.WordBits(words[ns.first_word]);
        const bool unknown = (bits & kGazListBits) == 0;
        if (unknown && !(t.flags & kTokenAllUpper) &&
            (starts || lex.IsCommonWord(words[ns.first_word])))
          continue;
        // A word almost always written in lower case and no given name
        // ("In" after a bullet, "Long", "Land") names no one alone.
        if (kNerTypes[(ns.type - 1) / 2] == EntityType::kPerson && !(bits & kGazGiven) &&
            !(t.flags & kTokenAllUpper) && lex.IsStrongCommonWord(words[ns.first_word]))
          continue;
        // "Muslims", "Slavs": a group of people, no one's name.
        if (kNerTypes[(ns.type - 1) / 2] == EntityType::kPerson && lex.IsGroupNoun(words[ns.first_word]))
          continue;
      }
      EntityType type = kNerTypes[(ns.type - 1) / 2];
      if (type == EntityType::kLocation && NotAPlace(lex, words, ns)) continue;
      if (type == EntityType::kOrganization && NotAnOrganization(lex, words, ns)) continue;
      // A one-word "location" no gazetteer knows that the document also
      // writes in lower case is a common word ("Federal lands" ... "federal").
      if (type == EntityType::kLocation && ns.end_word - ns.first_word == 1 &&
          !(lex.WordBits(words[ns.first_word]) & kGazListBits)) {
        auto lower_word = [&](size_t i) {
          const Token& t = toks[i];
          return t.kind == TokenKind::kWord && !(t.flags & (kTokenCapitalized | kTokenAllUpper));
        };
        auto hash_at = [&](size_t i) { return norm_hashes ? norm_hashes[i] : HashWord(a->Norm(toks[i])); };
        const uint64_t want = HashLowerWord(words[ns.first_word]);
        bool seen_lower = false;
        // A word asked again (names recur) takes the answer of its scan.
        const LowerAnswer* asked = nullptr;
        for (size_t q = 0; q < lower_scans && asked == nullptr; ++q)
          if (lower_answers[q].word == want) asked = &lower_answers[q];
        if (asked != nullptr) {
          seen_lower = asked->seen;
        } else if (!lower_words && lower_scans < lower_scan_limit) {
          // The first few questions scan the tokens: cheaper than the table.
          if (norm_hashes)
            seen_lower = FindHashWhere(norm_hashes, toks.size(), want, lower_word);
          else
            for (size_t i = 0; i < toks.size() && !seen_lower; ++i) seen_lower = hash_at(i) == want && lower_word(i);
          lower_answers[lower_scans++] = {want, seen_lower};
        } else {
          if (!lower_words) {
            lower_words.emplace();
            lower_words->Reserve(toks.size());
            for (size_t i = 0; i < toks.size(); ++i)
              if (lower_word(i)) (*lower_words)[hash_at(i)] = 1;
          }
          seen_lower = lower_words->Find(want) != nullptr;
        }
        if (seen_lower) continue;
      }
      // A one-word "person" that the gazetteers know as a place and not as a
      // name is a place after a place preposition ("born in Heidelberg");
      // elsewhere the tagger's context decides ("Chita said").
      if (type == EntityType::kPerson && ns.end_word - ns.first_word == 1 && ns.first_word > 0 &&
          IsPlacePreposition(words[ns.first_word - 1])) {
        const uint8_t bits = lex.WordBits(words[ns.first_word]);
        const std::string_view prep = words[ns.first_word - 1];
        const bool in_at = prep == "in" || prep == "at" || prep == "near" || prep == "In" ||
                           prep == "At" || prep == "Near";
        const bool possessive = toks[sent.first_token + ns.first_word].clitic != 0;
        // "in Sydney": after in/at/near any one-word name is a place (not a
        // demonym or common word: "in Africans transiting").
        if (((bits & kGazPlace) && !(bits & (kGazGiven | kGazSurname | kGazFamily))) ||
            (in_at && !possessive && !(bits & kGazDemonym) && !lex.IsCommonWord(words[ns.first_word]) &&
             words[ns.first_word].back() != 's'))
          type = EntityType::kLocation;
      }
      // "Sydney, Australia": a one-word name, a comma and a country is a
      // place; the country keeps its own mention (as the resolver does).
      if (type == EntityType::kPerson && ns.end_word - ns.first_word == 1 &&
          ns.end_word + 1 < words.size() && words[ns.end_word] == "," && skip[ns.end_word + 1]) {
        const uint32_t at = toks[sent.first_token + ns.end_word + 1].span.begin;
        const Mention* country = nullptr;
        for (const Entity& e : a->entities)
          for (const Mention& m : e.mentions)
            if (e.type == EntityType::kCountry && m.span.begin == at && m.via != MentionVia::kDemonym)
              country = &m;
        // The country ends a clause ("from Sydney, Australia, are", "...
        // Australia."), not a list ("..., Australia, New Zealand", ", and"),
        // a possessive ("Smith, Russia's envoy") or a vocative ("George,
        // Iran is").
        bool ends_clause = false;
        if (country != nullptr) {
          const size_t end = country->span.end;
          const char c = end < text.size() ? text[end] : '.';
          if (c == '.' || c == ';' || c == ')' || c == '\n') ends_clause = true;
          if (c == ',' && end + 2 < text.size() && text[end + 1] == ' ') {
            const std::string_view next = text.substr(end + 2, 4);
            ends_clause = next[0] >= 'a' && next[0] <= 'z' && next.substr(0, 4) != "and " &&
                          next.substr(0, 3) != "or ";
          }
        }
        const bool after_list = ns.first_word > 0 &&
                                (words[ns.first_word - 1] == "," || words[ns.first_word - 1] == "and");
        const bool list = !ends_clause || after_list || lex.IsCommonWord(words[ns.first_word]) ||
                          (lex.WordBits(words[ns.first_word]) & kGazDemonym);
        if (country != nullptr && !list) type = EntityType::kLocation;
      }
      // "Kwok Wai-keung": a lower-case second syllable joined by a hyphen.
      if (type == EntityType::kPerson && ns.end_word - ns.first_word >= 2 &&
          ns.end_word + 1 < words.size() && words[ns.end_word] == "-" &&
          words[ns.end_word].data() == words[ns.end_word - 1].data() + words[ns.end_word - 1].size() &&
          words[ns.end_word + 1].data() == words[ns.end_word].data() + 1 &&
          IsSyllable(words[ns.end_word + 1]) && !skip[ns.end_word] && !skip[ns.end_word + 1])
        ns.end_word += 2;
      const Token& first = toks[sent.first_token + ns.first_word];
      Span span{first.span.begin, static_cast<uint32_t>(
          words[ns.end_word - 1].data() + words[ns.end_word - 1].size() - text.data())};
      std::string_view surface = text.substr(span.begin, span.size());
      Span with_title = span;
      with_title.begin = toks[sent.first_token + tagged_first].span.begin;
      MentionVia via = MentionVia::kName;
      if (!index) index.emplace(a->entities);
      int32_t known = index->Find(surface, type, a->entities, lex, &via);
      added.push_back({span, via, with_title});
      if (known >= 0) {
        a->entities[static_cast<size_t>(known)].mentions.push_back({span, via, with_title});
        continue;
      }
      Entity e;
      e.id = static_cast<uint32_t>(a->entities.size());
      e.type = type;
      e.name = std::string(surface);
      if (type == EntityType::kPerson) e.title = CutTitle(lex, words, tagged_first, ns.first_word);
      e.mentions.push_back({span, MentionVia::kName, with_title});
      a->entities.push_back(std::move(e));
      index->Add(a->entities.back(), a->entities.back().id);
    }
  }
  for (const Mention& m : added) Cover(toks, m, &covered);
}

// Lower-case ASCII hash of a token's surface without its clitic ("Byron's" -> byron).
uint64_t TokenKey(std::string_view text, const Token& t) {
  uint32_t end = t.span.end - std::min<uint32_t>(t.clitic, t.span.size() - 1);
  std::string_view w = text.substr(t.span.begin, end - t.span.begin);
  if (w.size() > 64) return 0;
  return HashLowerWord(w);
}

bool AllUpper(std::string_view s) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return false;
  return true;
}

// Whether only white space, quotes or brackets separate `at` from the text
// start or a sentence-final mark.
bool SentenceInitial(std::string_view text, uint32_t at) {
  for (uint32_t i = at, steps = 0; i > 0 && steps < 8; --i, ++steps) {
    char c = text[i - 1];
    if (c == ' ' || c == '"' || c == '(' || c == '\'' || static_cast<unsigned char>(c) >= 0x80)
      continue;
    return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n';
  }
  return true;
}

// Document-level propagation: where neither rules nor tagger found a name, a
// capitalized word that is the surname of a person named in full elsewhere
// in the document ("Joshua Norton" ... "Norton"), or a one-word person name
// found elsewhere ("Gloria"), is that person.
// The uncovered word tokens written with a capital (kTokenCapitalized or
// kTokenAllUpper), listed at first use: the only tokens PropagateNames and
// NameCapsPersons look at (one scan of the document instead of two).
class CapitalTokens {
 public:
  /// `starts`: the tokens' TokenStarts, or nullptr.
  CapitalTokens(const std::vector<Token>& toks, const std::vector<uint8_t>& covered, const uint8_t* starts)
      : toks_(toks), covered_(covered), starts_(starts) {}
  const std::vector<uint32_t>& Get() {
    if (!built_) {
      built_ = true;
      const Token* t = toks_.data();
      const uint8_t* c = covered_.data();
      const uint32_t n = static_cast<uint32_t>(toks_.size());
      if (starts_) {  // kStartCapital is the test below but `covered`
        for (size_t i = NextStart<kStartCapital>(starts_, n, 0, n); i < n;
             i = NextStart<kStartCapital>(starts_, n, i + 1, n))
          if (!c[i]) list_.push_back(static_cast<uint32_t>(i));
        return list_;
      }
      for (uint32_t i = 0; i < n; ++i)
        if ((t[i].flags & (kTokenCapitalized | kTokenAllUpper)) && !c[i] && t[i].kind == TokenKind::kWord)
          list_.push_back(i);
    }
    return list_;
  }

 private:
  const std::vector<Token>& toks_;
  const std::vector<uint8_t>& covered_;
  const uint8_t* starts_;
  bool built_ = false;
  std::vector<uint32_t> list_;
};

void PropagateNames(const Lexicon& lex, std::string_view text, CapitalTokens* capitals, Analysis* a) {
  struct Target {
    uint64_t word;   // HashWord of the lower-case word
    int32_t entity;  // -1: two persons share the word
    MentionVia via;
  };
  std::vector<Target> by_word;  // sorted by word below
  // Bits by length and first letter of the words: most tokens are rejected
  // without hashing.
  uint64_t filter[16] = {};
  auto bit = [](size_t len, char first) {
    return (std::min<size_t>(len, 31) << 5) | static_cast<size_t>(ner::LowerAscii(first) & 31);
  };
  for (uint32_t i = 0; i < a->entities.size(); ++i) {
    const Entity& e = a->entities[i];
    if (e.type != EntityType::kPerson) continue;
    for (const Mention& m : e.mentions) {
      if (m.via != MentionVia::kName || m.span.size() > 80) continue;
      std::string_view s = text.substr(m.span.begin, m.span.size());
      std::string_view last = s.substr(s.rfind(' ') + 1);
      const bool one_word = last.size() == s.size();
      if (last.size() < 2 || last.back() == '.' || !ner::CanStart(last)) continue;
      const uint8_t last_bits = lex.WordBits(last);
      if (one_word) {
        // Only a one-word name found inside a sentence (sentence-initial
        // capitals are often other words: "In", "Senators"), not an acronym,
        // and known as a given name or surname ("Gloria", "Byron"; not "Phailin").
        if (AllUpper(s) || SentenceInitial(text, m.span.begin) ||
            (last_bits & (kGazGiven | kGazSurname)) == 0 || (last_bits & kWordTitle) != 0)
          continue;
      } else if (std::string_view before = s.substr(0, s.size() - last.size() - 1);
                 (last_bits & (kGazGiven | kGazSurname | kGazFamily)) == 0 &&
                 (lex.IsCommonWord(last) || lex.Head(ner::Lower(last)) != nullptr ||
                  !ner::CanStart(LastWord(before)))) {
        // A last word that is a common word or a name head and no listed
        // name ("Fawn Image", "Katy Trail"), or a name after a dash
        // ("Laura – She"), says nothing about other mentions.
        continue;
      } else if (lex.IsWorkHead(last) && !(last_bits & kGazSurname) && e.title.empty()) {
        // "Rose Garden", "Doris Day": a last word that heads names of
        // buildings or events says nothing about the other "Garden"s.
        continue;
      } else if (e.title.empty() && e.affiliation.empty()) {
        // A tagged full name must look like a person's: a given name first and
        // no plural noun last ("Summer Olympic Games" does not make "Games" a person).
        std::string first = ner::Lower(s.substr(0, s.find(' ')));
        if (!lex.IsGivenName(first) || (last.back() == 's' && (last_bits & kGazSurname) == 0))
          continue;
      }
      std::string key = ner::Lower(last);
      const size_t b = bit(key.size(), key[0]);
      filter[b >> 6] |= uint64_t{1} << (b & 63);
      by_word.push_back({HashWord(key), static_cast<int32_t>(i),
                         one_word ? MentionVia::kName : MentionVia::kSurname});
    }
  }
  if (by_word.empty()) return;
  std::sort(by_word.begin(), by_word.end(),
            [](const Target& x, const Target& y) { return x.word < y.word; });
  size_t n = 0;  // one row per word; -1 where two persons share it
  for (const Target& t : by_word) {
    if (n > 0 && by_word[n - 1].word == t.word) {
      if (by_word[n - 1].entity != t.entity) by_word[n - 1].entity = -1;
      continue;
    }
    by_word[n++] = t;
  }
  by_word.resize(n);
  const std::vector<Token>& toks = a->tokens;
  for (const uint32_t i : capitals->Get()) {
    const Token& t = toks[i];
    if (!(t.flags & kTokenCapitalized) || !ner::CanStart(text.substr(t.span.begin, 1))) continue;
    const uint32_t len = t.span.size() - std::min<uint32_t>(t.clitic, t.span.size() - 1);
    const size_t b = bit(len, text[t.span.begin]);
    if (!((filter[b >> 6] >> (b & 63)) & 1)) continue;
    const uint64_t key = TokenKey(text, t);
    auto it = std::lower_bound(by_word.begin(), by_word.end(), key,
                               [](const Target& x, uint64_t k) { return x.word < k; });
    if (it == by_word.end() || it->word != key || it->entity < 0) continue;
    Span span{t.span.begin, t.span.end - std::min<uint32_t>(t.clitic, t.span.size() - 1)};
    a->entities[static_cast<size_t>(it->entity)].mentions.push_back({span, it->via, span});
  }
}

// "Uzra" -> "Uzra" from "UZRA": first letter kept, the rest lower-cased.
std::string TitleCaseWord(std::string_view w) {
  std::string out(w);
  for (size_t i = 1; i < out.size(); ++i) out[i] = ner::LowerAscii(out[i]);
  return out;
}

bool IsMixedCase(std::string_view w) { return !AllUpper(w) && ner::CanStart(w); }

// ALL-CAPS names in headings ("... HUMAN RIGHTS UZRA ZEYA") whose last word is
// a one-word person of the document ("Under Secretary Zeya") join that
// person, and ALL-CAPS person names get a canonical name from a mixed-case
// surname mention ("BRIAN P. MCKEON" ... "McKeon" -> "Brian McKeon").
void NameCapsPersons(const Lexicon& lex, std::string_view text, const std::vector<uint8_t>& covered,
                     CapitalTokens* capitals, Analysis* a) {
  // HashLowerWord of the name -> person index + 1 (0: none, or taken below).
  HashMap64<uint32_t> one_word;
  size_t left = 0;  // persons in one_word not taken yet
  for (uint32_t i = 0; i < a->entities.size(); ++i) {
    const Entity& e = a->entities[i];
    if (e.type == EntityType::kPerson && e.name.find(' ') == std::string::npos && IsMixedCase(e.name))
      if (uint32_t& slot = one_word[HashLowerWord(e.name)]; slot == 0) {
        slot = i + 1;
        ++left;
      }
  }
  const std::vector<Token>& toks = a->tokens;
  auto caps_word = [&](size_t i) {
    const Token& t = toks[i];
    return !covered[i] && t.kind == TokenKind::kWord && (t.flags & kTokenAllUpper) && t.clitic == 0;
  };
  const std::vector<uint32_t> none;
  for (const uint32_t i : left > 0 ? capitals->Get() : none) {
    if (left == 0) break;
    if (i < 1 || !(toks[i].flags & kTokenAllUpper) || toks[i].clitic != 0) continue;
    const uint64_t key = HashLowerWord(text.substr(toks[i].span.begin, toks[i].span.size()));
    const uint32_t* found = one_word.Find(key);
    if (found == nullptr || *found == 0) continue;
    // Given names before it on the same line: listed given names, or words
    // that are neither common words nor titles.
    size_t first = i;
    while (first > 0 && i - first < 2 && caps_word(first - 1)) {
      const Token& t = toks[first - 1];
      std::string_view w = text.substr(t.span.begin, t.span.size());
      if (text.substr(t.span.end, toks[first].span.begin - t.span.end).find('\n') != std::string_view::npos)
        break;
      const uint8_t bits = lex.WordBits(w);
      if ((bits & kWordTitle) || (!(bits & kGazGiven) && lex.IsCommonWord(w))) break;
      --first;
    }
    if (first == i) continue;
    Entity& e = a->entities[*found - 1];
    Span span{toks[first].span.begin, toks[i].span.end};
    e.mentions.push_back({span, MentionVia::kName, span});
    std::string name;
    for (size_t k = first; k < i; ++k)
      name += TitleCaseWord(text.substr(toks[k].span.begin, toks[k].span.size())) + " ";
    e.name = name + e.name;
    one_word[key] = 0;
    --left;
  }
  for (Entity& e : a->entities) {
    if (e.type != EntityType::kPerson || e.name.find(' ') == std::string::npos || !AllUpper(e.name))
      continue;
    for (const Mention& m : e.mentions) {
      std::string_view w = text.substr(m.span.begin, m.span.size());
      if (m.via != MentionVia::kSurname || w.find(' ') != std::string_view::npos || !IsMixedCase(w))
        continue;
      // Every word but the surname, initials left out ("JULIETA VALLS NOYES").
      std::string name;
      std::string_view rest(e.name);
      rest = rest.substr(0, rest.rfind(' '));
      while (!rest.empty()) {
        std::string_view word = FirstWord(rest);
        if (word.size() >= 2 && word.back() != '.') name += TitleCaseWord(word) + " ";
        rest.remove_prefix(std::min(rest.size(), word.size() + 1));
      }
      if (!name.empty()) e.name = name + std::string(w);
      break;
    }
  }
}

// A one-word person ("Mr. Price" -> "Price") joins the person whose full
// name ends (or, family name first, begins) with that word ("Ned Price",
// "Hu Jintao"), when exactly one does.
void MergeSurnamePersons(std::vector<Entity>* entities) {
  // HashLowerWord of a surname -> entity index + 1; 0: none, -1: ambiguous.
  HashMap64<int32_t> full;
  for (size_t i = 0; i < entities->size(); ++i) {
    const Entity& e = (*entities)[i];
    if (e.type != EntityType::kPerson || e.name.find(' ') == std::string::npos) continue;
    for (std::string_view w : {LastWord(e.name), FirstWord(e.name)}) {
      int32_t& slot = full[HashLowerWord(w)];
      if (slot == 0) slot = static_cast<int32_t>(i) + 1;
      else if (slot != static_cast<int32_t>(i) + 1) slot = -1;
    }
  }
  bool merged = false;
  for (Entity& e : *entities) {
    if (e.type != EntityType::kPerson || e.name.find(' ') != std::string::npos) continue;
    const int32_t* found = full.Find(HashLowerWord(e.name));
    if (found == nullptr || *found <= 0) continue;
    Entity& to = (*entities)[static_cast<size_t>(*found - 1)];
    for (Mention m : e.mentions) {
      if (m.via == MentionVia::kName) m.via = MentionVia::kSurname;
      to.mentions.push_back(m);
    }
    if (to.title.empty()) to.title = e.title;
    if (to.affiliation.empty()) to.affiliation = e.affiliation;
    if (to.posted_to.empty()) to.posted_to = e.posted_to;
    e.mentions.clear();
    merged = true;
  }
  (void)merged;
}

// A generational suffix: "Jr.", "SR.", "Jr" (no Roman numerals: "II" is a
// name word the tagger keeps).
bool NameSuffix(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w == "Jr" || w == "JR" || w == "Sr" || w == "SR";
}

// Person mentions take a suffix written right after them ("JOSEPH R. BIDEN
// JR."; not after a comma), and a mention that is only a suffix ("Jr." of
// "Biden, Jr.") goes.
void NameSuffixes(std::string_view text, std::vector<Entity>* entities) {
  for (Entity& e : *entities) {
    if (e.type != EntityType::kPerson) continue;
    for (Mention& m : e.mentions) {
      size_t end = m.span.end + 1;  // after one space: two letters, an optional '.'
      if (end + 2 > text.size() || text[m.span.end] != ' ') continue;
      end += 2;
      if (end < text.size() && text[end] == '.') ++end;
      if (end < text.size() && ((text[end] | 0x20) >= 'a' && (text[end] | 0x20) <= 'z')) continue;
      if (!NameSuffix(text.substr(m.span.end + 1, end - m.span.end - 1))) continue;
      if (m.with_title.end == m.span.end) m.with_title.end = static_cast<uint32_t>(end);
      m.span.end = static_cast<uint32_t>(end);
    }
    e.mentions.erase(std::remove_if(e.mentions.begin(), e.mentions.end(),
                                    [&](const Mention& m) {
                                      return NameSuffix(text.substr(m.span.begin, m.span.size()));
                                    }),
                     e.mentions.end());
  }
}

// Sorts mentions and entities by first mention, drops empty entities, renumbers ids.
void Finish(std::vector<Entity>* entities) {
  for (Entity& e : *entities) SortMentions(&e.mentions);
  // The same order as a stable sort of the entities, found on (begin, index)
  // pairs: each entity is moved once, not through a merge buffer, and none
  // when all are in order already.
  std::vector<std::pair<uint32_t, uint32_t>> order;
  order.reserve(entities->size());
  for (uint32_t i = 0; i < entities->size(); ++i)
    if (!(*entities)[i].mentions.empty()) order.push_back({(*entities)[i].mentions.front().span.begin, i});
  if (!std::is_sorted(order.begin(), order.end())) std::sort(order.begin(), order.end());
  bool in_place = order.size() == entities->size();
  for (uint32_t i = 0; i < order.size() && in_place; ++i) in_place = order[i].second == i;
  if (in_place) {
    for (uint32_t i = 0; i < entities->size(); ++i) (*entities)[i].id = i;
    return;
  }
  std::vector<Entity> out;
  out.reserve(order.size());
  for (const auto& [begin, i] : order) {
    out.push_back(std::move((*entities)[i]));
    out.back().id = static_cast<uint32_t>(out.size() - 1);
  }
  *entities = std::move(out);
}

class EntityStage final : public Stage {
 public:
  EntityStage(std::unique_ptr<Lexicon> lex, std::unique_ptr<NerTagger> tagger)
      : lex_(std::move(lex)), tagger_(std::move(tagger)) {}
  void Run(std::string_view text, Analysis* a, ScratchSlot* slot) const override {
    EntityScratch& scratch = ScratchOf<EntityScratch>(slot);
    Resolver resolver(*lex_, text, *a);
    a->entities = resolver.Run(&scratch.resolver);
    std::vector<uint8_t> covered;
    AddTaggerEntities(*tagger_, *lex_, text, &scratch, a, &covered);
    CapitalTokens capitals(a->tokens, covered, TokenStarts(*a));
    PropagateNames(*lex_, text, &capitals, a);
    NameCapsPersons(*lex_, text, covered, &capitals, a);
    MergeSurnamePersons(&a->entities);
    NameSuffixes(text, &a->entities);
    Finish(&a->entities);
  }

 private:
  std::unique_ptr<Lexicon> lex_;
  std::unique_ptr<NerTagger> tagger_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateEntityStage(const Options&) {
  auto lex = std::make_unique<Lexicon>();
  if (Status s = lex->Load(); !s.ok()) return s;
  auto tagger = std::make_unique<NerTagger>();
  if (Status s = tagger->Load(*lex); !s.ok()) return s;
  return std::unique_ptr<Stage>(new EntityStage(std::move(lex), std::move(tagger)));
}

}  // namespace communique::internal
