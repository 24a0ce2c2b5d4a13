// Internal: turns one document's hits into entities. Countries, places and
// organizations are resolved here (resolver.cc); persons, titles and their
// later mentions in persons.cc.
#ifndef COMMUNIQUE_LIB_ENTITIES_RESOLVER_H_
#define COMMUNIQUE_LIB_ENTITIES_RESOLVER_H_

#include <string_view>
#include <vector>

#include "communique/analysis.h"
#include "entities/hits.h"
#include "entities/lexicon.h"
#include "entities/registry.h"
#include "entities/words.h"

namespace communique::internal {

/// The per-document arrays, kept by the Session between documents: no
/// allocation (and no fresh pages) for them per document.
struct ResolverScratch {
  std::vector<Word> words;
  std::vector<uint32_t> starts;
  std::vector<Hit> hits;
  std::vector<int32_t> hit_at;
  std::vector<uint32_t> list_nouns;
};

class Resolver {
 public:
  Resolver(const Lexicon& lex, std::string_view text, const Analysis& a);
  /// Resolves every hit; returns the entities (sorted, ids = indices).
  /// Borrows the arrays of *scratch and gives them back.
  std::vector<Entity> Run(ResolverScratch* scratch);

 private:
  // resolver.cc
  void Resolve();  // every hit, after BuildWords and FindHits
  void Country(const Hit& h, const Entry& e);
  void Place(size_t hi, const Entry& e);
  void Organization(size_t hi, const Entry& e);
  void NamedRun(size_t hi);
  void NamedRunPart(size_t hi, Hit h);
  void PersonRun(const Hit& h);
  int32_t NameRunAt(uint32_t w) const;
  void TakeRuns(uint32_t at, Hit* h);
  int32_t CountryBefore(size_t hi, uint32_t* begin) const;
  int32_t CountryAfterOf(uint32_t w, uint32_t* end) const;
  bool IsPlaceUse(const Hit& h) const;
  bool PlacePairIsPerson(size_t hi) const;
  // organizations.cc
  bool OrgCompound(size_t hi);
  bool NationalBody(size_t hi, const OrgInfo& o);
  void AddNamedOrganization(uint32_t first, uint32_t last, int32_t country);
  // places.cc
  void PlaceLists();
  void ListAfter(uint32_t w);
  void ListBefore(uint32_t w);
  bool ListItem(size_t hi, bool first) const;
  uint32_t ListSeparatorEnd(uint32_t w) const;
  struct ListMember { size_t hi, hj; uint32_t last; };  ///< hits [hi, hj], words up to `last`
  ListMember ListItemAt(size_t hi, bool first) const;
  void ListPlace(const ListMember& m);
  void DemonymCounty(size_t hi);
  void CapitalDivision(size_t hi);
  void TownRun(size_t hi);
  bool AfterListedPlace(size_t hi) const;
  int32_t TownAt(uint32_t first, uint32_t last) const;
  // persons.cc
  void TitleHit(size_t hi, const Entry& e);
  void KnownPerson(size_t hi, const Entry& e, const TitleInfo* title, int32_t affiliation,
                   std::string_view posted_to);
  bool NameAfterTitle(size_t hi, const TitleInfo& title, int32_t affiliation,
                      std::string_view posted_to);
  void NoteFamilyFirst(uint32_t id, const Hit& name);
  void TitleSpan(size_t ni, uint32_t title_first);
  void PluralTitleSecond(size_t hi, size_t ni, const TitleInfo& title, int32_t affiliation);
  /// The new or known person's id; kNoPerson when the words are a title
  /// phrase with no name (see NameLast).
  static constexpr uint32_t kNoPerson = UINT32_MAX;
  uint32_t AddPerson(const Hit& name, std::string_view canonical, MentionVia via);
  /// Where a person's name in words [first, last) ends (PersonNameEnd);
  /// `first` when there is no name.
  uint32_t NameLast(uint32_t first, uint32_t last) const;
  uint32_t NameWordsEnd(uint32_t first, uint32_t last) const;
  bool SurnameMention(const Hit& h);
  void TitleAlone(size_t hi, const TitleInfo& title);
  bool TermValid(const PersonInfo& p, const Term** term) const;

  std::string_view Surface(uint32_t first, uint32_t last) const;
  // Inline: called for most hits from the three rule files.
  Span SpanOf(uint32_t first, uint32_t last) const { return Span{words_[first].begin, words_[last - 1].end}; }
  const Entry* EntryOf(const Hit& h) const {
    return h.entry < 0 ? nullptr : &lex_.entry(static_cast<uint32_t>(h.entry));
  }
  // Lookups of word w by its hash (keys are case-folded: HashWord(key) is
  // also the hash of the lower-cased key).
  const HeadInfo* HeadAt(uint32_t w) const { return lex_.HeadOfHashed(words_[w].key, words_[w].hash); }
  uint8_t BitsAt(uint32_t w) const { return lex_.WordBitsOfLower(words_[w].hash); }
  bool CommonAt(uint32_t w) const { return lex_.IsCommonLower(words_[w].hash); }
  bool GivenAt(uint32_t w) const { return (BitsAt(w) & kGazGiven) != 0; }
  /// Word w as a surname for Registry::NotePerson (its hash; 0 for an empty key).
  uint64_t SurnameHashAt(uint32_t w) const { return words_[w].key.empty() ? 0 : words_[w].hash; }
  std::string CountryCode(int32_t c) const;

  const Lexicon& lex_;
  std::string_view text_;
  const Analysis& a_;
  std::vector<Word> words_;
  std::vector<Hit> hits_;
  std::vector<int32_t> hit_at_;
  std::vector<uint32_t> list_nouns_;  // the words PlaceLists starts at (FindHits)
  std::vector<uint8_t> used_;  // hits consumed by an earlier pattern (bytes: cheaper to index than bits)
  Registry reg_;
  int32_t date_ = 0;        // document date yyyymmdd, 0 unknown
  uint32_t last_person_ = 0;  // the person entity most recently given a mention
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_RESOLVER_H_
