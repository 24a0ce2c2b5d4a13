// The figures stage's word lists, loaded once from lib/data/figure_*.tsv,
// currencies.tsv and number_words.tsv, and a matcher of multi-token phrases.
#ifndef COMMUNIQUE_LIB_FIGURES_LEXICON_H_
#define COMMUNIQUE_LIB_FIGURES_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "communique/figure.h"
#include "communique/status.h"
#include "core/hash.h"
#include "core/hash_filter.h"
#include "core/word_filter.h"

namespace communique::internal {

enum class NumberWordKind : uint8_t { kUnit, kTen, kScale, kOrdinal, kOrdinalTen, kOrdinalScale };

struct NumberWord {
  uint64_t value = 0;
  NumberWordKind kind = NumberWordKind::kUnit;
};

/// Roles of a word around numbers (figure_words.tsv), as bits.
enum WordRole : uint16_t {
  kRoleIdPrefix = 1, kRoleStop = 2, kRoleTimeUnit = 4, kRoleClock = 8, kRoleRise = 16,
  kRoleFall = 32, kRoleNegative = 64, kRolePronoun = 128, kRolePartitive = 256,
  kRoleClause = 512, kRoleNoOne = 1024, kRoleIdCode = 2048,
};

/// Hash for maps keyed by std::string and looked up by string_view without
/// building a string: HashWord, inline (std::hash calls _Hash_bytes, which
/// cost more than the short words it hashes).
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return static_cast<size_t>(HashWord(s)); }
};
template <typename V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;

/// A phrase of normalized tokens and what it stands for.
struct PhraseEntry {
  std::vector<std::string> tokens;
  std::string a, b;   // payload: currency code / unit / bound / low ...
  std::string c;      // payload: where / dimension / high
  bool exact_case = false;
};

/// Phrases keyed by their first token, for longest-match lookups.
class PhraseTable {
 public:
  void Add(PhraseEntry e);
  /// Whether some entry starts with `word`.
  bool Starts(std::string_view word) const { return first_filter_.MayContain(word) && by_first_.count(word) != 0; }
  /// Cheap tests by norm hash (core/norm_hash.h), no false negatives: most
  /// words before a number end no phrase, and most words after a phrase's
  /// first word are no second word.
  /// Whether some entry may start with the word of HashWord `first`.
  bool MayStartWith(uint64_t first) const { return first_hashes_.MayContain(first); }
  /// Whether some entry may end with the word of HashWord `last`.
  bool MayEndWith(uint64_t last) const { return last_hashes_.MayContain(last); }
  /// Whether an entry may match at a word of hash `first` followed by a word
  /// of hash `*next` (null: no word follows).
  bool MayMatchAt(uint64_t first, const uint64_t* next) const {
    return single_hashes_.MayContain(first) || (next && second_hashes_.MayContain(*next));
  }
  template <typename F>
  void ForEachFirst(F f) const { for (const auto& [w, e] : by_first_) f(w); }
  template <typename F>
  void ForEachEntry(F f) const {
    for (const auto& [w, entries] : by_first_)
      for (const PhraseEntry& e : entries) f(e);
  }
  /// Calls f(second token) for every entry of two or more tokens starting with `first`.
  template <typename F>
  void ForEachSecond(std::string_view first, F f) const {
    auto it = by_first_.find(first);
    if (it == by_first_.end()) return;
    for (const PhraseEntry& e : it->second)
      if (e.tokens.size() > 1) f(e.tokens[1]);
  }
  /// Longest entry whose tokens equal words[i..]; nullptr if none.
  /// `words(k)` gives the normalized token k, or "" past the end.
  template <typename WordAt>
  const PhraseEntry* LongestAt(size_t i, size_t n, WordAt words, size_t* len) const {
    std::string_view first = words(i);
    if (!first_filter_.MayContain(first)) return nullptr;
    auto it = by_first_.find(first);
    if (it == by_first_.end()) return nullptr;
    const PhraseEntry* best = nullptr;
    for (const PhraseEntry& e : it->second) {
      if (i + e.tokens.size() > n) continue;
      bool ok = true;
      for (size_t k = 1; ok && k < e.tokens.size(); ++k) ok = words(i + k) == e.tokens[k];
      if (ok && (!best || e.tokens.size() > best->tokens.size())) best = &e;
    }
    if (best) *len = best->tokens.size();
    return best;
  }
  /// Longest entry whose tokens end at words[end-1] (start >= lo).
  template <typename WordAt>
  const PhraseEntry* LongestEndingAt(size_t end, size_t lo, WordAt words, size_t* len) const {
    const PhraseEntry* best = nullptr;
    for (size_t k = 1; k <= max_len_ && k <= end - lo; ++k) {
      size_t l = 0;
      const PhraseEntry* e = LongestAt(end - k, end, words, &l);
      if (e && l == k) best = e, *len = k;
    }
    return best;
  }

 private:
  WordMap<std::vector<PhraseEntry>> by_first_;
  WordFilter first_filter_;  // in front of by_first_
  HashFilter first_hashes_;   // every entry's first word
  HashFilter last_hashes_;    // every entry's last word
  HashFilter single_hashes_;  // the words of one-word entries
  HashFilter second_hashes_;  // the second words of longer entries
  size_t max_len_ = 0;
};

struct FigureLexicon {
  WordMap<NumberWord> number_words;
  WordMap<uint16_t> roles;
  WordMap<std::string> plurals;  // plural -> lemma
  WordMap<bool> iso_codes;       // "USD"
  /// Words a figure can start with (number words, first words of vague,
  /// currency and percent phrases, "a", "minus"); other words are skipped fast.
  WordMap<bool> starters;
  // In front of starters, roles and number_words: most words are in none.
  WordFilter starter_filter, role_filter, number_filter;
  /// The starters again, and the words with kRoleClause, tested by a
  /// token's norm hash (core/norm_hash.h).
  HashFilter starter_hashes, clause_hashes;
  /// Starters that are nothing but the first word of a currency phrase
  /// ("us", "can", "u.s."): no number, sign, vague, percent or
  /// number-parser word.
  WordMap<bool> currency_only_starters;
  /// Second words of phrases that start with "a"/"an" ("a few", "a couple").
  WordMap<bool> after_article;
  WordFilter after_article_filter;
  /// The starters and after_article words, by norm hash.
  HashFilter article_next_hashes;
  /// The starters by HashWord of the word (the word kept to verify it):
  /// kStarterWord, plus kCurrencyOnlyWord for currency_only_starters.
  static constexpr uint8_t kStarterWord = 1, kCurrencyOnlyWord = 2;
  std::unordered_map<uint64_t, std::pair<std::string, uint8_t>> starter_bits;
  /// starter_bits of a word with HashWord h; 0 if it is no starter.
  uint8_t StarterBits(uint64_t h, std::string_view word) const {
    if (!starter_hashes.MayContain(h)) return 0;
    auto it = starter_bits.find(h);
    return it != starter_bits.end() && it->second.first == word ? it->second.second : 0;
  }
  PhraseTable currencies;  // a=code, b=unit, c=where
  PhraseTable units;       // a=unit, b=dimension
  PhraseTable qualifiers;  // a=bound
  PhraseTable vague;       // a=low, b=high

  // Role and Number are inline: most words fail the filter.
  uint16_t Role(std::string_view word) const { return role_filter.MayContain(word) ? RoleSlow(word) : 0; }
  /// Whether the word has any of the roles in `any_of` (WordRole bits).
  bool Has(std::string_view word, uint16_t any_of) const { return (Role(word) & any_of) != 0; }
  const NumberWord* Number(std::string_view word) const {
    return number_filter.MayContain(word) ? NumberSlow(word) : nullptr;
  }
  uint16_t RoleSlow(std::string_view word) const;
  const NumberWord* NumberSlow(std::string_view word) const;
  /// Lemma of a (possibly plural) noun: irregular table, then suffix rules.
  std::string Lemma(std::string_view word) const;
  /// Whether a noun looks plural (requests, people; not "press", "status").
  bool LooksPlural(std::string_view word) const;

  static Status Load(FigureLexicon* out);
};

FigureBound ParseBound(std::string_view name);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_FIGURES_LEXICON_H_
