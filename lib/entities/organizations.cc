// Organization names built from several hits: a listed body or a chamber
// word followed by more capitalized words that end in an organization head
// ("Senate Armed Services Committee", "House Foreign Affairs Committee",
// "United Nations Secretariat", "State Department Press Office").
#include "entities/organizations.h"
#include "entities/resolver.h"

namespace communique::internal {
namespace {

// Capitalized words for a chamber of a legislature that no table lists alone.
bool IsChamberWord(std::string_view k) { return k == "house"; }

}  // namespace

// An organization named by words first..last (one entity per surface form),
// of `country` (an index into the country table, or -1).
void Resolver::AddNamedOrganization(uint32_t first, uint32_t last, int32_t country) {
  const std::string_view name = Surface(first, last);
  bool created;
  const uint32_t id = reg_.Get(HashJoined("o:", name), &created);
  if (created) {
    Entity& n = reg_.entity(id);
    n.type = EntityType::kOrganization;
    n.name = std::string(name);
    n.affiliation = CountryCode(country);
  }
  reg_.AddMention(id, SpanOf(first, last), MentionVia::kName);
}

bool Resolver::OrgCompound(size_t hi) {
  const Hit& start = hits_[hi];
  const Entry* se = EntryOf(start);
  const bool listed = se != nullptr && se->kind == EntryKind::kOrganization;
  // "The House ..." at a sentence start: the run holds "The".
  const uint32_t own_first = se == nullptr && start.last - start.first == 2 && words_[start.first].key == "the"
                                 ? start.first + 1
                                 : start.first;
  const bool chamber = se == nullptr && start.last - own_first == 1 &&
                       words_[own_first].shape == Shape::kCapital && IsChamberWord(words_[own_first].key);
  if (!listed && !chamber) return false;
  if (words_[start.last - 1].possessive) return false;
  const uint32_t sentence = words_[start.first].sentence;
  // Up to three more hits, each right after the one before; the last taken
  // is a run that no table knows ending in an organization head.
  size_t end_hi = hi;
  for (size_t j = hi + 1; j < hits_.size() && j <= hi + 3; ++j) {
    const Hit& h = hits_[j];
    if (h.first != hits_[j - 1].last || words_[h.first].sentence != sentence || used_[j] ||
        words_[h.first].shape == Shape::kLower)
      break;
    const Entry* e = EntryOf(h);
    if (e == nullptr) {
      const HeadInfo* head = lex_.Head(words_[h.last - 1].key);
      if (head != nullptr && head->last && head->type == EntityType::kOrganization) {
        end_hi = j;
        break;
      }
      if (head != nullptr) break;
    } else if (e->kind != EntryKind::kOrganization && e->kind != EntryKind::kDemonym &&
               e->kind != EntryKind::kCountry) {
      break;
    }
    if (words_[h.last - 1].possessive) break;
  }
  if (end_hi == hi) return false;
  // "ASEAN Committee of Permanent Representatives": a head with its own
  // of/on/for phrase is a name of its own (NamedRunPart takes it).
  if (const uint32_t after = hits_[end_hi].last; after + 1 < words_.size()) {
    const std::string_view k = words_[after].key;
    if ((k == "of" || k == "on" || k == "for") && words_[after + 1].shape != Shape::kLower) return false;
  }
  // A title inside starts a person's name ("... Committee Chairman").
  for (uint32_t w = own_first; w < hits_[end_hi].last; ++w)
    if (lex_.WordBits(words_[w].key) & kWordTitle) return false;
  uint32_t first = own_first;
  int32_t country = listed ? lex_.org(se->ref).country : -1;
  // "U.S. Senate Armed Services Committee": a country or demonym right
  // before belongs to the name (it has its own mention already).
  if (hi > 0 && hits_[hi - 1].last == first && !words_[first - 1].possessive &&
      words_[hits_[hi - 1].first].sentence == sentence &&
      words_[hits_[hi - 1].first].shape != Shape::kLower) {
    const Entry* pe = EntryOf(hits_[hi - 1]);
    if (pe && (pe->kind == EntryKind::kDemonym || pe->kind == EntryKind::kCountry)) {
      first = hits_[hi - 1].first;
      country = static_cast<int32_t>(pe->ref);
    }
  }
  // Countries and demonyms inside keep their own mentions.
  for (size_t j = hi + 1; j <= end_hi; ++j) {
    used_[j] = true;
    const Entry* e = EntryOf(hits_[j]);
    if (e && (e->kind == EntryKind::kDemonym || e->kind == EntryKind::kCountry)) {
      Country(hits_[j], *e);
      if (country < 0) country = static_cast<int32_t>(e->ref);
    }
  }
  AddNamedOrganization(first, hits_[end_hi].last, country);
  return true;
}

}  // namespace communique::internal

namespace communique::internal {

// "Russian Security Council", "Iranian Human Rights Council": the short form
// of an intergovernmental body's name ("Security Council" for the UN's)
// right after a demonym or country is that country's own body.
bool Resolver::NationalBody(size_t hi, const OrgInfo& o) {
  const Hit& h = hits_[hi];
  const std::string_view phrase = Surface(h.first, h.last);
  if (o.name.size() <= phrase.size() ||
      std::string_view(o.name).substr(o.name.size() - phrase.size()) != phrase)
    return false;
  uint32_t first = h.first;
  const int32_t country = CountryBefore(hi, &first);
  if (country < 0 || words_[h.first - 1].possessive || words_[first].shape == Shape::kLower ||
      words_[first].sentence != words_[h.first].sentence)
    return false;
  AddNamedOrganization(first, h.last, country);
  return true;
}

}  // namespace communique::internal

namespace communique::internal {

bool NotAnOrganization(const Lexicon& lex, const NerSentence& words, const NerSpan& ns) {
  const size_t n = ns.end_word - ns.first_word;
  const std::string_view last = words[ns.end_word - 1];
  if (n >= 2) {
    if (lex.IsWorkHead(last) && !(lex.WordBits(last) & kGazOrg)) return true;
    // "Harris Administration" (of "Biden-Harris Administration"): a
    // president's term named by a person, no body of its own.
    if (n == 2 && ner::Lower(last) == "administration") {
      const std::string_view who = words[ns.first_word];
      return (lex.WordBits(who) & (kGazSurname | kGazFamily | kGazGiven)) != 0 && !lex.IsCommonWord(who);
    }
    return false;
  }
  if (last.size() < 2 || last[1] < 'a' || last[1] > 'z') return false;  // "EU", "NATO"
  return lex.IsCommonWord(last) && lex.Head(ner::Lower(last)) == nullptr;
}

}  // namespace communique::internal
