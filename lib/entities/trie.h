// Internal: a token-level phrase trie. Phrases are sequences of lower-cased
// word keys; each word carries a case rule checked against the text's word
// shape. Lookup is one hash probe per word, longest match first.
#ifndef COMMUNIQUE_LIB_ENTITIES_TRIE_H_
#define COMMUNIQUE_LIB_ENTITIES_TRIE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <vector>

#include "core/hash_filter.h"
#include "entities/hash.h"
#include "entities/words.h"

namespace communique::internal {

/// How a phrase word constrains the case of the text word.
enum class CaseRule : uint8_t {
  kAny,      ///< written in lower case in the table: any case matches
  kCapital,  ///< Capitalized: a capitalized or all-upper word
  kUpper,    ///< ALL UPPER (US, NATO, U.S.): an all-upper word
};

/// Splits a table phrase into word keys (lower case, hyphens as own words)
/// and case rules. `ignore_case` makes every rule kAny.
void SplitPhrase(std::string_view phrase, bool ignore_case, std::vector<std::string>* keys,
                 std::vector<CaseRule>* rules);

class PhraseTrie {
 public:
  struct Match {
    uint32_t length = 0;                  ///< words matched; 0 = no match
    const std::vector<uint32_t>* values = nullptr;  ///< payloads whose case rules hold
  };

  /// Adds a phrase with a payload. Phrases longer than 16 words are ignored.
  void Add(const std::vector<std::string>& keys, const std::vector<CaseRule>& rules,
           uint32_t value);

  static constexpr uint32_t kUnknown = 0xFFFFFFFFu;

  static constexpr uint32_t kNotLooked = 0xFFFFFFFEu;
  static constexpr size_t kMaxPhraseWords = 16;
  /// The word ids Longest looked up for the last kMaxPhraseWords word
  /// indices: a match reads only words [i, i + kMaxPhraseWords) and i never
  /// decreases, so a ring of that size replaces a per-document array.
  class IdCache {
   public:
    /// The cached id of word k (kNotLooked if none), to read and set.
    uint32_t& At(size_t k) {
      Slot& s = slots_[k % kMaxPhraseWords];
      if (s.word != k) s = Slot{k, kNotLooked};
      return s.id;
    }

   private:
    struct Slot { size_t word = SIZE_MAX; uint32_t id = kNotLooked; };
    Slot slots_[kMaxPhraseWords];
  };
  /// The longest phrase starting at words[i] whose case rules hold, stopping
  /// at `limit` (exclusive). `ids` caches word ids across calls with
  /// non-decreasing i. `scratch` receives the payloads.
  Match Longest(const std::vector<Word>& words, IdCache* ids, size_t i, size_t limit,
                std::vector<uint32_t>* scratch) const;
  /// True when Longest at a word surely finds nothing and changes nothing
  /// (whatever its cached id): a lower-case word no lower-case phrase starts
  /// with (the common case, tested inline before the call).
  bool CannotStart(const Word& w) const {
    return w.shape == Shape::kLower && !MaybeLowerStart(w.hash);
  }

  /// True when Longest at words[i] (within `limit`) surely finds nothing:
  /// CannotStart, or a word that is no one-word phrase and does not start a
  /// longer one with the word after it (two filter tests; "the", and most
  /// capitalized words the vocabulary knows). Not for SkipCannotStart:
  /// capitalized words start name runs.
  bool StartsNothing(const std::vector<Word>& words, size_t i, size_t limit) const {
    const Word& w = words[i];
    if (CannotStart(w)) return true;
    if (single_filter_.MayContain(w.hash)) return false;
    return i + 1 >= limit || !pair_filter_.MayContain(PairHash(w.hash, words[i + 1].hash));
  }

  /// The first index in [i, limit) where CannotStart does not hold (a word
  /// that may start a phrase, or is not lower case), or `limit`: the words
  /// skipped are lower case and start nothing.
  size_t SkipCannotStart(const std::vector<Word>& words, size_t i, size_t limit) const {
    // The filter's address in a local: the compiler reloaded the member in
    // this loop, which runs on most words of a document.
    const Word* w = words.data();
    const uint64_t* lower_filter = lower_filter_.data();
    while (i < limit && w[i].shape == Shape::kLower && !InLowerFilter(lower_filter, w[i].hash)) ++i;
    return i;
  }

  /// Makes SkipCannotStart stop at a lower-case word (HashWord of its key)
  /// that starts no phrase, for a caller that looks at such words
  /// (FindHits: the list nouns). Lookups are not changed.
  void MarkLowerStop(uint64_t hash) {
    const size_t bit = LowerStartBit(hash);
    lower_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  }

  /// Sets bits on a word (HashWord of its key), whether or not a phrase has it.
  void MarkWord(uint64_t hash, uint8_t bits);
  /// The bits of a word hash (0 if none).
  uint8_t WordBits(uint64_t hash) const {
    if (!filter_.MayContain(hash)) return 0;
    const VocabEntry* e = vocab_.Find(hash);
    return e ? e->bits : 0;
  }

  /// Pre-sizes the tables for about `phrases` phrases and `words` distinct
  /// words (phrase words and MarkWord words).
  void Reserve(size_t phrases, size_t words);

  size_t node_count() const { return parent_.size(); }

 private:
  struct Terminal {
    uint64_t rules;  ///< 2 bits per word
    uint32_t value;
    uint32_t next;   ///< next terminal of the same node, or kUnknown
  };
  // A node as a step reaches it: its index (0: none), `info` (its first
  // terminal + 1; 0: none) and `next_words`, one bit (NextBit) per word of
  // its edges (0: a leaf). It is kept where the step lands (the root entry
  // of a first word, the edge of a later word): a step reads one slot, not
  // per-node arrays, and most next words are rejected with no memory access.
  struct Reach {
    uint32_t node = 0;
    uint32_t info = 0;
    uint64_t next_words = 0;
  };
  static constexpr uint32_t kStartsAny = 0x80000000u;  ///< root entries: a phrase starts with the word in any case
  static constexpr uint32_t kTerminalMask = 0x7FFFFFFFu;
  static uint32_t FirstTerminal(uint32_t info) {
    return (info & kTerminalMask) == 0 ? kUnknown : (info & kTerminalMask) - 1;
  }
  static uint64_t NextBit(uint64_t word_hash) { return uint64_t{1} << ((word_hash >> 8) & 63); }
  // Open-addressing table of edges: key (node << 32 | word id) + 1; 0 = empty.
  struct Edge { uint64_t key = 0; Reach to; };
  Reach Child(uint32_t node, uint32_t word) const;
  uint32_t AddChild(uint32_t node, uint32_t word);
  size_t EdgeSlot(uint64_t key) const;  // the slot of `key`, or the empty slot where it goes
  Reach& ReachOf(uint32_t node);        // the Reach that leads to a node
  void Grow();

  struct VocabEntry {
    Reach root;        ///< a copy of root_[id]: a first word's step reads this one slot
    uint32_t id = 0;   ///< word id + 1; 0: a word in no phrase (bits only)
    uint8_t bits = 0;  ///< MarkWord bits
  };
  // 64 KB bit filters (bits 40..58 of the hash) of the vocabulary (most
  // text words are rejected without touching the large table), of the
  // one-word phrases and of the first two words of longer phrases
  // (StartsNothing).
  using WordFilter = BitFilter<19, 40>;
  static uint64_t PairHash(uint64_t first, uint64_t second) { return first * 0x9E3779B97F4A7C15ull ^ second; }
  HashMap64<VocabEntry> vocab_;  // HashWord(word key) -> entry
  WordFilter filter_, single_filter_, pair_filter_;
  std::vector<Reach> root_;           // per word id: the node its phrases start at (words looked up before)
  HashMap64<uint32_t> lower_starts_;  // the kStartsAny words (a few hundred): hash -> id + 1
  // A 64 Kbit filter of the lower_starts_ hashes (bits 24..39): most
  // lower-case text words are rejected with one bit test.
  static constexpr size_t kLowerStartBits = size_t{1} << 16;
  static size_t LowerStartBit(uint64_t h) { return static_cast<size_t>(h >> 24) & (kLowerStartBits - 1); }
  static bool InLowerFilter(const uint64_t* filter, uint64_t h) {
    const size_t b = LowerStartBit(h);
    return (filter[b / 64] >> (b % 64)) & 1;
  }
  bool MaybeLowerStart(uint64_t h) const { return InLowerFilter(lower_filter_.data(), h); }
  std::vector<uint64_t> lower_filter_ = std::vector<uint64_t>(kLowerStartBits / 64, 0);
  // Bits by (node, next word's hash) of every edge below the root: after a
  // node with many edges (next_words all ones), most words are still
  // rejected without a probe of the vocabulary.
  static constexpr size_t kEdgeFilterBits = size_t{1} << 19;
  static size_t EdgeBit(uint32_t node, uint64_t next_hash) {
    return (static_cast<size_t>(node) * 0x9E3779B1u + static_cast<size_t>(next_hash >> 8)) &
           (kEdgeFilterBits - 1);
  }
  bool MaybeEdge(uint32_t node, uint64_t next_hash) const {
    const size_t b = EdgeBit(node, next_hash);
    return (edge_filter_[b / 64] >> (b % 64)) & 1;
  }
  std::vector<uint64_t> edge_filter_ = std::vector<uint64_t>(kEdgeFilterBits / 64, 0);
  const VocabEntry* Find(const Word& w) const;  // the word's entry if it is in a phrase
  uint32_t Id(const Word& w) const;
  uint32_t word_count_ = 0;
  std::vector<Edge> edges_ = std::vector<Edge>(1024);
  size_t edge_count_ = 0;
  // Build only: per node (node 0 = root), its parent and word id, to find
  // the Reach that leads to it.
  std::vector<std::pair<uint32_t, uint32_t>> parent_{{0, 0}};
  std::vector<Terminal> terminals_;
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_TRIE_H_
