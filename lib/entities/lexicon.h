// Internal: the entity tables (lib/data/entity_*.tsv), loaded once into one
// phrase trie plus side tables. Immutable after Load; shared by threads.
#ifndef COMMUNIQUE_LIB_ENTITIES_LEXICON_H_
#define COMMUNIQUE_LIB_ENTITIES_LEXICON_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "communique/entity.h"
#include "communique/status.h"
#include "entities/hash.h"
#include "entities/trie.h"

namespace communique::internal {

/// What a trie phrase is. The order is the priority when one phrase has
/// several readings ("Georgia": country before region).
enum class EntryKind : uint8_t {
  kCountry, kOrganization, kPerson, kSeat, kCapital, kRegion, kTitle, kDemonym, kPlace,
};

struct Entry {
  EntryKind kind;
  MentionVia via;
  uint32_t ref;  ///< index into the table of its kind
};

struct CountryInfo {
  std::string code, name;
  uint64_t key = 0;  ///< registry key hash of "c:" + code (set at the end of Load)
};

struct PlaceInfo {
  std::string name;
  int32_t country = -1;  ///< index into countries, or -1
  uint64_t key = 0, key_m = 0;  ///< registry key hashes of "l:" + name (+ ":m")
};

struct OrgInfo {
  std::string code;      ///< "IGO:NATO", "GOV:*:MFA" (* = the country found in text)
  std::string name;
  std::string kind;      ///< igo, agency, govt, media, party, company, group, ngo
  int32_t country = -1;  ///< default country
  uint64_t key = 0;      ///< registry key hash of "o:" + code
};

enum class TitleClass : uint8_t {
  kHead, kMinister, kEnvoy, kSpokes, kOfficial, kLegislator, kMilitary, kRoyal, kHonorific, kRole,
};

struct TitleInfo {
  std::string title;     ///< normalized ("Ambassador"); empty for honorifics
  TitleClass cls = TitleClass::kOfficial;
  uint32_t role_of = 0;  ///< for role nouns: bit set of TitleClass values they refer to
};

struct Term { int32_t begin = 0, end = 0; };  ///< yyyymmdd; 0 = open

struct PersonInfo {
  std::string name;
  int32_t country = -1;     ///< index into countries, or -1
  std::string org;          ///< "IGO:UN" when the affiliation is an organization
  std::string title;
  std::vector<Term> terms;
  uint64_t key = 0;          ///< registry key hash of "p:" + name
  std::string surname_key;   ///< last word of the name, ASCII lower case ("" for one word)
  uint64_t surname_hash = 0;  ///< HashWord(surname_key); 0 for one word
};

struct HeadInfo { EntityType type = EntityType::kOrganization; bool first = false, last = false; };

/// Gazetteer classes of a single word, features of the name tagger.
/// kGazSurname: the surname of a listed official; kGazFamily: a common
/// family name (entity_surnames.tsv, US census).
enum GazBit : uint8_t {
  kGazGiven = 1, kGazPlace = 2, kGazOrg = 4, kGazSurname = 8, kGazDemonym = 16, kGazFamily = 128,
};
inline constexpr uint8_t kGazListBits = 31;      ///< name, place, organization and demonym lists
/// The bits the tagger sees (kGazFamily lowered its 3-fold CV F1 on GUM train).
inline constexpr uint8_t kGazFeatureBits = kGazListBits;
inline constexpr uint8_t kWordTitle = 32;        ///< a one-word title ("President"), not a feature
inline constexpr uint8_t kWordInTitle = 64;      ///< a word of a title phrase ("prime", "of"), not a feature


class Lexicon {
 public:
  Status Load();

  const PhraseTrie& trie() const { return trie_; }
  const Entry& entry(uint32_t i) const { return entries_[i]; }
  const CountryInfo& country(int32_t i) const { return countries_[static_cast<size_t>(i)]; }
  const PlaceInfo& place(uint32_t i) const { return places_[i]; }
  const OrgInfo& org(uint32_t i) const { return orgs_[i]; }
  const TitleInfo& title(uint32_t i) const { return titles_[i]; }
  const PersonInfo& person(uint32_t i) const { return persons_[i]; }
  int32_t CountryIndex(std::string_view code) const;

  bool IsGivenName(std::string_view key) const { return (trie_.WordBits(HashWord(key)) & kGazGiven) != 0; }
  /// Gazetteer bits (GazBit) of one word in any case: given name, single-word
  /// place/country/capital, organization, surname of a listed person, demonym.
  uint8_t GazBits(std::string_view word) const;
  /// GazBits plus kWordTitle.
  uint8_t WordBits(std::string_view word) const;
  /// The same from HashWord of the ASCII-lower-cased word.
  uint8_t GazBitsOfLower(uint64_t lower_hash) const {
    return trie_.WordBits(lower_hash) & kGazFeatureBits;
  }
  /// A common word ("nation", "meeting"; entity_common_words.tsv), any case.
  bool IsCommonWord(std::string_view word) const;
  /// The same from HashWord of the ASCII-lower-cased word.
  bool IsCommonLower(uint64_t lower_hash) const {
    return common_.Find(lower_hash) != nullptr;
  }
  /// A common word written in lower case at least 50 times as often as
  /// capitalized inside a sentence ("in", "long", "land"), any case.
  bool IsStrongCommonWord(std::string_view word) const;
  /// A head word of names of laws, events, awards or buildings ("Order",
  /// "Treaty", "Day", "Room"; entity_work_heads.tsv), any case.
  bool IsWorkHead(std::string_view word) const;
  /// IsWorkHead from HashWord of the ASCII-lower-cased word (Word::hash).
  bool IsWorkHeadLower(uint64_t lower_hash) const {
    const uint8_t* v = work_heads_.Find(lower_hash);
    return v != nullptr && (*v & 1);
  }
  /// A noun for a group of people ("Muslims", "Slavs"; entity_groups.tsv), any case.
  bool IsGroupNoun(std::string_view word) const;
  /// From HashWord of the ASCII-lower-cased word: its common-word level (0
  /// none, 1 common, 2 strong) and its head bits (1 work head, 2 group noun),
  /// one probe each.
  uint8_t CommonLevelLower(uint64_t lower_hash) const {
    const uint8_t* v = common_.Find(lower_hash);
    return v == nullptr ? 0 : *v == 2 ? 2 : 1;
  }
  uint8_t WorkHeadBitsLower(uint64_t lower_hash) const {
    const uint8_t* v = work_heads_.Find(lower_hash);
    return v == nullptr ? 0 : *v;
  }
  /// Name head word ("university"), or nullptr.
  const HeadInfo* Head(std::string_view key) const;
  /// The same for a case-folded key and its HashWord (Word::key, Word::hash):
  /// no hashing, and most words are rejected by the shape filter.
  const HeadInfo* HeadOfHashed(std::string_view key, uint64_t key_hash) const {
    if (!key.empty()) {
      const size_t b = ShapeBit(key);
      if (!((head_filter_[b / 64] >> (b % 64)) & 1)) return nullptr;
    }
    return heads_.Find(key_hash);
  }
  /// WordBits from HashWord of the ASCII-lower-cased word (Word::hash).
  uint8_t WordBitsOfLower(uint64_t lower_hash) const { return trie_.WordBits(lower_hash); }
  /// The hash of a phrase's words: PhraseHash(PhraseHash(0, HashWord(w1)), HashWord(w2))...
  /// over the normalized words (a hyphen is a word, as in BuildWords).
  static uint64_t PhraseHash(uint64_t h, uint64_t word_hash) {
    const uint64_t x = MixHash((h + 0x9E3779B97F4A7C15ULL) ^ word_hash);
    return x == 0 ? 1 : x;
  }
  /// The country index of a town of entity_towns.tsv (below the place
  /// table's population cut) by the PhraseHash of its words, or nullptr.
  const int32_t* Town(uint64_t phrase_hash) const { return towns_.Find(phrase_hash); }

 private:
  void AddPhrase(std::string_view phrase, bool ignore_case, Entry e);
  Status LoadCountries();
  Status LoadPlaces();
  Status LoadTowns();
  Status LoadOrganizations();
  Status LoadTitles();
  Status LoadPersons();
  Status LoadNames();
  Status LoadCommonWords();
  void MakeKeys();

  PhraseTrie trie_;
  std::vector<Entry> entries_;
  std::vector<CountryInfo> countries_;
  HashMap64<int32_t> country_by_code_;  // HashWord(code) -> index (a flat map: no string per lookup)
  std::vector<PlaceInfo> places_;
  std::vector<OrgInfo> orgs_;
  std::vector<TitleInfo> titles_;
  std::vector<PersonInfo> persons_;
  HashMap64<uint8_t> common_;  // HashWord of the common words
  HashMap64<uint8_t> work_heads_;  // lower-case word -> 1: work head, 2: group noun
  HashMap64<HeadInfo> heads_;  // HashWord(lower-case word) -> head
  HashMap64<int32_t> towns_;   // PhraseHash of a town's words -> country index
  // Bits by first byte, last byte and length of the head words: most words
  // asked about are rejected before hashing.
  static size_t ShapeBit(std::string_view k) {
    return ((static_cast<size_t>(k.front()) & 31) * 32 + (static_cast<size_t>(k.back()) & 31)) * 16 +
           std::min<size_t>(k.size(), 15);
  }
  std::vector<uint64_t> head_filter_ = std::vector<uint64_t>(32 * 32 * 16 / 64, 0);
  std::vector<std::string> keys_scratch_;
  std::vector<CaseRule> rules_scratch_;
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_LEXICON_H_
