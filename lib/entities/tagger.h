// Internal: an averaged-perceptron BIO tagger for person, organization and
// place names, decoded by Viterbi over the allowed label transitions (older
// models greedily). Model lib/data/ner_model.tsv, trained on GUM train
// documents by tools/train-ner. Features are 64-bit hashes of a template and
// up to three value strings; the trainer builds them from strings
// (FeatureStrings), the library from per-word hashes (Atoms, FeatureKeys),
// and both give the same keys (the trainer checks every sentence). Only words that can
// start a name (capital, digit, non-ASCII) or continue one are scored; the
// rest are O.
#ifndef COMMUNIQUE_LIB_ENTITIES_TAGGER_H_
#define COMMUNIQUE_LIB_ENTITIES_TAGGER_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "communique/status.h"
#include "communique/token.h"
#include "core/hash_filter.h"
#include "core/scratch.h"
#include "entities/hash.h"
#include "entities/lexicon.h"
#include "tokenize/token_starts.h"

namespace communique::internal {

/// BIO labels; the order is the column order of the model file.
enum NerLabel : uint8_t { kNerO, kNerBPer, kNerIPer, kNerBOrg, kNerIOrg, kNerBLoc, kNerILoc };
inline constexpr size_t kNerLabels = 7;
inline constexpr std::array<std::string_view, kNerLabels> kNerLabelNames = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};

namespace ner {

/// Feature templates; the names are the first column of the model file.
enum Template : uint8_t {
  kBias, kW, kSurf, kP3, kS3, kS2, kSh, kWm1, kWp1, kWm2, kWp2, kShm1, kShp1, kSh3, kWm1W,
  kWWp1, kPl, kPlSh, kPlW, kGaz, kGazm1, kGazp1, kCw, kCwp1, kHd, kHdp1, kHdp2, kTemplates,
};
inline constexpr std::array<std::string_view, kTemplates> kTemplateNames = {
    "b", "w", "W", "p3", "s3", "s2", "sh", "w-1", "w+1", "w-2", "w+2", "sh-1", "sh+1",
    "sh-1,0,+1", "w-1,w", "w,w+1", "pl", "pl,sh", "pl,w", "gz", "gz-1", "gz+1",
    "cw", "cw+1", "hd", "hd+1", "hd+2"};

inline uint64_t Mix(uint64_t x) { return MixHash(x); }
inline char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Hash of one value string.
inline uint64_t HashValue(std::string_view s) { return HashWord(s); }

/// Key of a feature: template plus up to three value hashes (0 = absent;
/// value hashes are never 0). One mix per value present.
inline uint64_t KeyStart(Template t, uint64_t a) { return Mix(static_cast<uint64_t>(t) * 0x9e3779b97f4a7c15ULL ^ a); }
inline uint64_t KeyEnd(uint64_t k) { return k == 0 ? 1 : k; }
inline uint64_t Key(Template t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t k = KeyStart(t, a);
  if (b != 0) k = Mix(k ^ b);
  if (c != 0) k = Mix(k ^ c);
  return KeyEnd(k);
}

/// A word that can start a name: first byte an ASCII capital or the lead
/// byte of a two-byte UTF-8 letter (Latin, Greek, Cyrillic, ...; not the
/// three-byte quotes and dashes).
inline bool CanStart(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c < 0xE0);
}

inline std::string Lower(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = LowerAscii(c);
  return s;
}

/// Shape code of one byte, by table (a word's shape is made byte by byte).
inline constexpr std::array<char, 256> kShapeChars = [] {
  std::array<char, 256> t{};
  for (size_t b = 0; b < t.size(); ++b) {
    const char c = static_cast<char>(b);
    t[b] = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd'
         : b >= 0x80 ? 'u' : c;
  }
  return t;
}();
inline char ShapeChar(char c) { return kShapeChars[static_cast<unsigned char>(c)]; }

/// Word shape with runs collapsed: "McCain" -> "XxXx", "U.S." -> "X.X.", "1990" -> "d".
inline std::string Shape(std::string_view w) {
  std::string s;
  for (char c : w) {
    char k = ShapeChar(c);
    if (s.empty() || s.back() != k) s.push_back(k);
    if (s.size() > 6) break;
  }
  return s;
}

/// Gazetteer bits of a word (GazBit, lexicon.h) as a value string of digits.
inline std::string GazValue(uint8_t bits) { return std::to_string(bits); }
inline uint64_t GazHash(uint8_t bits) {
  static const auto hs = [] {
    std::array<uint64_t, 256> a{};
    for (size_t i = 0; i < a.size(); ++i) a[i] = HashValue(GazValue(static_cast<uint8_t>(i)));
    return a;
  }();
  return hs[bits];
}

/// What the tables say of one word: gazetteer bits (GazBit), common-word
/// level (0 no, 1 common, 2 almost always lower case) and head word (0
/// none; 1 + its EntityType for a name head: "university", "river"; 9 a
/// head of names of works, events, rooms: "Treaty", "Room"; 10 a group noun).
struct WordLex {
  uint8_t gaz = 0, common = 0, head = 0;
};
/// Which WordLex values a caller reads (a model without their templates
/// needs none; the trainer all); the others stay 0.
struct LexNeeds {
  bool gaz = true, common = true, head = true;
};
inline WordLex WordLexOf(std::string_view w, uint64_t lower_hash, const Lexicon& lex, LexNeeds need = {}) {
  // Every table is asked by lower_hash (== HashWord of the lowered word): one hash per word.
  WordLex x;
  if (need.gaz) x.gaz = lex.GazBitsOfLower(lower_hash);
  if (need.common) x.common = lex.CommonLevelLower(lower_hash);
  if (!need.head) return x;
  if (w.size() <= 64) {
    char buf[64];
    for (size_t i = 0; i < w.size(); ++i) buf[i] = LowerAscii(w[i]);
    if (const HeadInfo* h = lex.HeadOfHashed(std::string_view(buf, w.size()), lower_hash))
      x.head = static_cast<uint8_t>(1 + static_cast<int>(h->type));
  }
  if (x.head == 0) {
    const uint8_t bits = lex.WorkHeadBitsLower(lower_hash);
    x.head = (bits & 1) ? 9 : (bits & 2) ? 10 : 0;
  }
  return x;
}
inline WordLex WordLexOf(std::string_view w, const Lexicon& lex) { return WordLexOf(w, HashLowerWord(w), lex); }

/// Hash of a small number as a value string ("0", "1", ...).
inline uint64_t SmallHash(uint8_t v) {
  static const auto hs = [] {
    std::array<uint64_t, 16> a{};
    for (size_t i = 0; i < a.size(); ++i) a[i] = HashValue(std::to_string(i));
    return a;
  }();
  return hs[v & 15];
}
/// Position values of the cw feature: the sentence's first word ("f", also
/// after an opening quote or bracket) or any other ("m").
inline uint64_t PosHash(bool first) {
  static const uint64_t f = HashValue("f"), m = HashValue("m");
  return first ? f : m;
}
/// Whether word i is the first word of its sentence (after at most one
/// opening mark, `w0` being word 0).
inline bool SentenceFirst(std::string_view w0, size_t i) {
  if (i == 0) return true;
  if (i > 1 || w0.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w0[0]);
  const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return !alnum && !CanStart(w0);
}

/// The hashes of one word's feature values.
struct Atoms {  // trivial: arrays of it are not zeroed
  uint64_t lower, surface, p3, s3, s2, shape, gaz, common, head;  // gaz, head: 0 = none
};

/// Lower-cases `w` into `buf` (64 bytes) or, if longer, into `big`.
inline std::string_view LowerInto(std::string_view w, char* buf, std::string* big) {
  if (w.size() > 64) {
    *big = Lower(w);
    return *big;
  }
  for (size_t i = 0; i < w.size(); ++i) buf[i] = LowerAscii(w[i]);
  return std::string_view(buf, w.size());
}

/// The atoms a word's neighbours use (lower, shape, gaz, common, head; of
/// these three only the `need`ed ones); the rest of `a` is left as it is.
inline void ContextAtomsOf(std::string_view w, const Lexicon& lex, Atoms* a, LexNeeds need = {}) {
  char shape[8];
  size_t shape_len = 0;
  for (size_t i = 0; i < w.size() && shape_len < 7; ++i) {
    char k = ShapeChar(w[i]);
    if (shape_len == 0 || shape[shape_len - 1] != k) shape[shape_len++] = k;
  }
  a->lower = HashLowerWord(w);
  a->shape = HashWord(std::string_view(shape, shape_len));
  const WordLex x = WordLexOf(w, a->lower, lex, need);
  a->gaz = x.gaz ? GazHash(x.gaz) : 0;
  a->common = SmallHash(x.common);
  a->head = x.head ? SmallHash(x.head) : 0;
}

/// The atoms only the word itself uses (surface, p3, s3, s2).
inline void OwnAtomsOf(std::string_view w, Atoms* a) {
  char buf[64];
  std::string big;
  const std::string_view low = LowerInto(w, buf, &big);
  a->surface = HashWord(w);
  a->p3 = HashWord(low.substr(0, 3));
  a->s3 = w.size() > 3 ? HashWord(low.substr(w.size() - 3)) : 0;
  a->s2 = w.size() > 2 ? HashWord(low.substr(w.size() - 2)) : 0;
}

/// Atoms of a word (surface form, clitic removed); `lex` gives the gazetteer bits.
inline Atoms AtomsOf(std::string_view w, const Lexicon& lex) {
  Atoms a{};
  ContextAtomsOf(w, lex, &a);
  OwnAtomsOf(w, &a);
  return a;
}

/// Hashes of the out-of-sentence values.
inline uint64_t StartHash() { static const uint64_t h = HashValue("<s>"); return h; }
inline uint64_t EndHash() { static const uint64_t h = HashValue("</s>"); return h; }
inline uint64_t NoShapeHash() { static const uint64_t h = HashValue("_"); return h; }
inline uint64_t LabelHash(uint8_t l) {
  static const auto hs = [] {
    std::array<uint64_t, kNerLabels> a{};
    for (size_t i = 0; i < kNerLabels; ++i) a[i] = HashValue(kNerLabelNames[i]);
    return a;
  }();
  return hs[l];
}

inline constexpr size_t kMaxFeatures = 29;

/// Feature keys of word i of n (atoms `at`; `first`: SentenceFirst) given
/// the previous label; returns the count. The bias and previous-label
/// features are not included: they depend on `prev` alone.
inline size_t FeatureKeys(const Atoms* at, size_t n, size_t i, bool first, uint8_t prev, uint64_t* out) {
  size_t k = 0;
  const Atoms& a = at[i];
  const uint64_t wm1 = i >= 1 ? at[i - 1].lower : StartHash();
  const uint64_t wm2 = i >= 2 ? at[i - 2].lower : StartHash();
  const uint64_t wp1 = i + 1 < n ? at[i + 1].lower : EndHash();
  const uint64_t wp2 = i + 2 < n ? at[i + 2].lower : EndHash();
  const uint64_t shm1 = i >= 1 ? at[i - 1].shape : NoShapeHash();
  const uint64_t shp1 = i + 1 < n ? at[i + 1].shape : NoShapeHash();
  const uint64_t pl = LabelHash(prev);
  out[k++] = Key(kW, a.lower);
  out[k++] = Key(kSurf, a.surface);
  out[k++] = Key(kP3, a.p3);
  if (a.s3) out[k++] = Key(kS3, a.s3);
  if (a.s2) out[k++] = Key(kS2, a.s2);
  out[k++] = Key(kSh, a.shape);
  out[k++] = Key(kWm1, wm1);
  out[k++] = Key(kWp1, wp1);
  out[k++] = Key(kWm2, wm2);
  out[k++] = Key(kWp2, wp2);
  out[k++] = Key(kShm1, shm1);
  out[k++] = Key(kShp1, shp1);
  out[k++] = Key(kSh3, shm1, a.shape, shp1);
  out[k++] = Key(kWm1W, wm1, a.lower);
  out[k++] = Key(kWWp1, a.lower, wp1);
  out[k++] = Key(kPlSh, pl, a.shape);
  out[k++] = Key(kPlW, pl, a.lower);
  if (a.gaz) out[k++] = Key(kGaz, a.gaz);
  if (i >= 1 && at[i - 1].gaz) out[k++] = Key(kGazm1, at[i - 1].gaz);
  if (i + 1 < n && at[i + 1].gaz) out[k++] = Key(kGazp1, at[i + 1].gaz);
  out[k++] = Key(kCw, a.common, PosHash(first), a.shape);
  if (i + 1 < n) out[k++] = Key(kCwp1, at[i + 1].common, at[i + 1].shape);
  if (a.head) out[k++] = Key(kHd, a.head);
  if (i + 1 < n && at[i + 1].head) out[k++] = Key(kHdp1, at[i + 1].head, at[i + 1].shape);
  if (i + 2 < n && at[i + 2].head) out[k++] = Key(kHdp2, at[i + 2].head, at[i + 2].shape);
  return k;
}

/// What the tagger keeps of one word (a pure function of the word and the
/// model): the model rows (NerTagger::kNoRow = none) of the features that
/// depend on this word alone, and the partial keys of the pair features.
struct WordInfo {
  uint64_t lower, shape;
  uint64_t wm1w_as_prev;   // KeyStart(kWm1W, lower): the word as w-1
  uint64_t wwp1_as_self;   // KeyStart(kWWp1, lower): the word as w
  uint32_t own[7];  // w, W, p3, s3, s2, sh, gz of the word itself (w, sh, gz: context part)
  uint32_t ctx[8];  // the word as w-1, w+1, w-2, w+2, sh-1, sh+1, gz-1, gz+1
  uint32_t pl_o[2];  // pl,sh and pl,w of the word after an O (the common case)
  uint32_t cw[2];    // cw of the word not first / first in its sentence
  uint32_t hd;       // hd of the word
  uint32_t lex_ctx[3];  // the word as cw+1, hd+1, hd+2
  bool has_own;         // own, pl_o, cw and after_o are filled
  uint8_t pair_sides;   // PairSide bits: where the word occurs in the rows of w-1,w and w,w+1
  uint64_t common;      // value hash of the common-word level
  // The score after an O up to the rows of own[0..5] (bias and pl O, then
  // those rows, the same float additions as in order): a pure function of the word.
  float after_o[8];
};

/// The places of a word in the pair templates' values (WordInfo::pair_sides).
enum PairSide : uint8_t { kAsWm1OfW = 1, kAsWOfWm1 = 2, kAsWOfWp1 = 4, kAsWp1OfW = 8 };

/// One feature as strings (for the trainer and the model file).
struct FeatureText {
  Template t;
  std::array<std::string, 3> values;
  size_t arity;
  uint64_t key() const {
    uint64_t h[3] = {0, 0, 0};
    for (size_t j = 0; j < arity; ++j) h[j] = HashValue(values[j]);
    return Key(t, t == kBias ? 0 : h[0], h[1], h[2]);
  }
};

/// The same features as FeatureKeys plus bias and previous label, from
/// strings (slow; for the trainer).
inline void FeatureStrings(const std::vector<std::string_view>& words, const std::vector<WordLex>& lex,
                           size_t i, uint8_t prev, std::vector<FeatureText>* out) {
  out->clear();
  const ptrdiff_t n = static_cast<ptrdiff_t>(words.size()), k = static_cast<ptrdiff_t>(i);
  auto word = [&](ptrdiff_t j) -> std::string {
    if (j < 0) return "<s>";
    if (j >= n) return "</s>";
    return Lower(words[static_cast<size_t>(j)]);
  };
  auto shape = [&](ptrdiff_t j) -> std::string {
    if (j < 0 || j >= n) return "_";
    return Shape(words[static_cast<size_t>(j)]);
  };
  auto add = [&](Template t, std::string a = {}, std::string b = {}, std::string c = {},
                 size_t arity = 1) { out->push_back({t, {std::move(a), std::move(b), std::move(c)}, arity}); };
  const std::string w = word(k), sh = shape(k), pl(kNerLabelNames[prev]);
  add(kBias, "", "", "", 0);
  add(kW, w);
  add(kSurf, std::string(words[i]));
  add(kP3, w.substr(0, 3));
  if (w.size() > 3) add(kS3, w.substr(w.size() - 3));
  if (w.size() > 2) add(kS2, w.substr(w.size() - 2));
  add(kSh, sh);
  add(kWm1, word(k - 1));
  add(kWp1, word(k + 1));
  add(kWm2, word(k - 2));
  add(kWp2, word(k + 2));
  add(kShm1, shape(k - 1));
  add(kShp1, shape(k + 1));
  add(kSh3, shape(k - 1), sh, shape(k + 1), 3);
  add(kWm1W, word(k - 1), w, "", 2);
  add(kWWp1, w, word(k + 1), "", 2);
  add(kPl, pl);
  add(kPlSh, pl, sh, "", 2);
  add(kPlW, pl, w, "", 2);
  if (lex[i].gaz) add(kGaz, GazValue(lex[i].gaz));
  if (k >= 1 && lex[i - 1].gaz) add(kGazm1, GazValue(lex[i - 1].gaz));
  if (k + 1 < n && lex[i + 1].gaz) add(kGazp1, GazValue(lex[i + 1].gaz));
  auto num = [](uint8_t v) { return std::to_string(v); };
  add(kCw, num(lex[i].common), SentenceFirst(words[0], i) ? "f" : "m", sh, 3);
  if (k + 1 < n) add(kCwp1, num(lex[i + 1].common), shape(k + 1), "", 2);
  if (lex[i].head) add(kHd, num(lex[i].head));
  if (k + 1 < n && lex[i + 1].head) add(kHdp1, num(lex[i + 1].head), shape(k + 1), "", 2);
  if (k + 2 < n && lex[i + 2].head) add(kHdp2, num(lex[i + 2].head), shape(k + 2), "", 2);
}

/// Whether label `l` may follow `prev` on a word that can (`can_start`) or
/// cannot start a name: I-X only after B-X or I-X; B-X only on a word that
/// can start a name.
inline bool Allowed(uint8_t prev, uint8_t l, bool can_start) {
  if (l == kNerO) return true;
  if (l % 2 == 1) return can_start;
  return prev == l || prev + 1 == l;
}

}  // namespace ner

struct NerSpan {
  size_t first_word = 0, end_word = 0;  ///< [first, end) into the words
  uint8_t type = 0;                     ///< kNerBPer, kNerBOrg or kNerBLoc
};

/// The words of one sentence as the tagger reads them: each token's surface
/// without its clitic ("Byron's" -> "Byron"), made on demand (most words are
/// never read). `skip` marks words not to score (O).
struct NerSentence {
  const Token* tokens = nullptr;
  size_t n = 0;
  const char* text = nullptr;  ///< the document text the token spans index
  const uint8_t* skip = nullptr;
  const uint64_t* norm_hashes = nullptr;  ///< the tokens' norm hashes, or nullptr
  /// The tokens' starts (Analysis::token_starts), or nullptr; `starts_size`
  /// bytes are readable from it (to the document's end).
  const uint8_t* starts = nullptr;
  size_t starts_size = 0;
  std::string_view operator[](size_t i) const {
    const Token& t = tokens[i];
    const uint32_t end = t.span.end - std::min<uint32_t>(t.clitic, t.span.size() - 1);
    return std::string_view(text + t.span.begin, end - t.span.begin);
  }
  size_t size() const { return n; }
  /// A hash of word i for the tagger's word cache: the token's norm hash
  /// (case-folded) with its case flags, or the word's own bytes' hash.
  uint64_t SlotHash(size_t i) const {
    if (norm_hashes == nullptr) return HashWord((*this)[i]);
    return norm_hashes[i] ^ (static_cast<uint64_t>(tokens[i].flags & 3) * 0x9E3779B97F4A7C15ULL);
  }
  /// The first Candidate at or after word i, or n.
  size_t NextCandidate(size_t i) const {
    if (starts) {  // kStartName is CanStart's byte test
      while ((i = NextStart<kStartName>(starts, starts_size, i, n)) < n && skip[i]) ++i;
      return i;
    }
    // The members in locals: this loop runs on every token of the document,
    // and the compiler reloads members it cannot prove unchanged.
    const Token* const t = tokens;
    const char* const bytes = text;
    const uint8_t* const skipped = skip;
    // The byte first: most tokens fail it.
    while (i < n && (!kCanStartByte[static_cast<unsigned char>(bytes[t[i].span.begin])] || skipped[i])) ++i;
    return i;
  }
  /// ner::CanStart of word i (its first byte) and not skipped.
  bool Candidate(size_t i) const {
    return !skip[i] && kCanStartByte[static_cast<unsigned char>(text[tokens[i].span.begin])];
  }
  /// ner::CanStart of a word by its first byte, as a table.
  static constexpr std::array<bool, 256> kCanStartByte = [] {
    std::array<bool, 256> t{};
    for (size_t c = 0; c < t.size(); ++c) t[c] = (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c < 0xE0);
    return t;
  }();
};

struct NerWordTypes;  // tagger.cc: a Session's table of word infos

/// The tagger; immutable after Load, shared by threads.
class NerTagger {
 public:
  /// Loads ner_model.tsv (columns: template, values separated by spaces,
  /// then one weight per label). `lex` gives the gazetteer bits and must outlive the tagger.
  Status Load(const Lexicon& lex);
  bool empty() const { return count_ == 0; }
  /// Decodes by Viterbi whatever the model says (tests: the shipped model is greedy).
  void set_viterbi(bool on) { viterbi_ = on; }
  /// The labels of one sentence and their spans (as Spans(labels) gives
  /// them). Words with `skip` set are O and not scored. A model with a
  /// `viterbi` row is decoded by Viterbi under the BIO constraints (an I-
  /// only after a B- or I- of its type; a word that cannot start a name
  /// starts none); older models greedily, left to right. `word_types`: a
  /// slot for the caller's table of word infos, kept between calls (one
  /// thread at a time; made on first use).
  void Tag(const NerSentence& sentence, ScratchSlot* word_types, std::vector<uint8_t>* labels,
           std::vector<NerSpan>* spans) const;
  /// Label runs B I* as spans (an I without B starts a span).
  static std::vector<NerSpan> Spans(const std::vector<uint8_t>& labels) {
    std::vector<NerSpan> spans;
    Spans(labels, &spans);
    return spans;
  }
  /// The same into `spans` (cleared first; its storage is reused).
  static void Spans(const std::vector<uint8_t>& labels, std::vector<NerSpan>* spans);

  /// Weights of a feature key, or nullptr.
  const float* Find(uint64_t key) const {
    const uint32_t r = Row(key);
    return r == kNoRow ? nullptr : weights_[r].data();
  }
  /// Row of a feature key in the weights, or kNoRow.
  static constexpr uint32_t kNoRow = ~uint32_t{0};
  uint32_t Row(uint64_t key) const {
    if (!filter_.MayContain(key)) return kNoRow;
    const uint32_t fp = Fingerprint(key);
    for (size_t s = key & mask_;; s = (s + 1) & mask_) {
      if (slots_[s].fp == fp) return slots_[s].index;
      if (slots_[s].fp == 0) return kNoRow;
    }
  }

 private:
  // Open addressing, load <= 1/2, on the key's low bits; slots keep a 32-bit
  // fingerprint of the high bits (0 = empty) so that a miss, the common case,
  // touches only this small array.
  struct Slot { uint32_t fp = 0, index = 0; };
  static uint32_t Fingerprint(uint64_t key) { return static_cast<uint32_t>(key >> 32) | 1u; }
  void Insert(uint64_t key, const std::array<float, kNerLabels>& w);
  std::vector<Slot> slots_ = std::vector<Slot>(1);
  // 8 KB bit filters (bits 14..29 of the hash). Of the keys: most absent
  // features cost one L1 probe.
  using KeyFilter = BitFilter<16, 14>;
  KeyFilter filter_;
  // Of the value hashes of the word templates (w, W, w-1, w+1, w-2, w+2 and
  // the word of pl,w): a word outside it has none of their rows, so
  // describing it makes none of their keys (most words of a document).
  KeyFilter vocabulary_;
  bool InVocabulary(uint64_t value_hash) const { return vocabulary_.MayContain(value_hash); }
  // The same for the values of w-1,w and w,w+1 per place (ner::PairSide): a
  // pair key is made only where both words have their place.
  KeyFilter pair_vocabulary_;
  static uint64_t PairSideHash(uint64_t value_hash, uint8_t side) {
    return value_hash ^ (uint64_t{side} * 0x9E3779B97F4A7C15ULL);
  }
  uint8_t PairSides(uint64_t value_hash) const {
    uint8_t sides = 0;
    for (const uint8_t side : {ner::kAsWm1OfW, ner::kAsWOfWm1, ner::kAsWOfWp1, ner::kAsWp1OfW}) {
      const uint64_t h = PairSideHash(value_hash, side);
      if (pair_vocabulary_.MayContain(h)) sides |= side;
    }
    return sides;
  }
  // Rows padded to 8 floats (the last 0) so that scoring adds whole vectors;
  // each label's sum is the same float additions as unpadded.
  static constexpr size_t kRowWidth = 8;
  using Row8 = std::array<float, kRowWidth>;
  std::vector<Row8> weights_;
  size_t mask_ = 0, count_ = 0;
  bool viterbi_ = false;
  // A bit per template (ner::Template) the model has rows of: the others'
  // keys are not made nor looked up, and their lexicon values not read.
  uint32_t templates_ = 0;
  ner::LexNeeds lex_needs_;
  bool Has(ner::Template t) const { return (templates_ >> t) & 1; }
  // Row(Key(t, a, b, c)) if the model has template t and value a (0 = absent), else kNoRow.
  uint32_t RowIf(ner::Template t, uint64_t a, uint64_t b = 0, uint64_t c = 0) const {
    return Has(t) && a != 0 ? Row(ner::Key(t, a, b, c)) : kNoRow;
  }
  void TagGreedy(const NerSentence& s, ScratchSlot* word_types, std::vector<uint8_t>* labels,
                 std::vector<NerSpan>* spans) const;
  // `info[j]`: word j's info (FetchWindow fills those around a scored word).
  // The rows of word i's features that do not depend on the previous label:
  // its own rows (w, W, p3, s3, s2, sh), then those of its neighbours and pairs.
  template <typename Vec>
  void AddOwnRows(const ner::WordInfo& a, Vec* lo, Vec* hi) const;
  template <typename Vec>
  void AddContextRows(const ner::WordInfo* const* info, size_t i, size_t n, Vec* lo, Vec* hi) const;
  template <typename Vec>
  void AddRow(uint32_t r, Vec* lo, Vec* hi) const;
  // The rows of word i's table features (gazetteer, common-word level, head
  // words); `first_opens`: SentenceFirst(s[0], 1).
  template <typename Vec>
  void AddTableRows(const ner::WordInfo* const* info, size_t i, size_t n, bool first_opens, Vec* lo,
                    Vec* hi) const;
  // Fetches the infos of the words around word i not yet fetched, and word
  // i's own part. Within a sentence, i never decreases.
  void FetchWindow(const NerSentence& s, size_t i, NerWordTypes* types) const;
  // Word j's info from the caller's table (described on a miss).
  ner::WordInfo* Fetch(const NerSentence& s, size_t j, NerWordTypes* types) const;
  // `info` with the context part of word `w` (no own part); returns it.
  [[gnu::noinline]] ner::WordInfo* Describe(std::string_view w, ner::WordInfo* info) const;
  // Bias plus previous-label weights, per previous label.
  std::array<Row8, kNerLabels> prev_weights_{};
  const Lexicon* lex_ = nullptr;
  // Unique per Load (never 0): tags the entries of a table of word infos.
  uint64_t generation_ = 0;
  // Rows of the out-of-sentence neighbour features: w-1, w+1, w-2, w+2, sh-1, sh+1.
  std::array<uint32_t, 6> edge_rows_{};
  // Made at Load from the model's rows, so that a word type is described
  // in a few probes instead of a key and a row lookup per template; a value
  // the model has no row of is not in these maps.
  // The rows of the shape templates (sh, sh-1, sh+1, pl,sh after an O) by
  // shape value hash.
  struct ShapeRows {
    uint32_t sh = kNoRow, shm1 = kNoRow, shp1 = kNoRow, plsh_o = kNoRow;
  };
  HashMap64<ShapeRows> shape_rows_;
  const ShapeRows& ShapeRowsOf(uint64_t shape) const {
    static constexpr ShapeRows kNone{};
    const ShapeRows* r = shape_rows_.Find(shape);
    return r ? *r : kNone;
  }
  void MakeShapeRows(const std::vector<uint64_t>& shapes);
  // The rows of sh-1,0,+1 by TripleKey of the three shape value hashes
  // (64 bits, as the model's own keys: a collision is as unlikely).
  HashMap64<uint32_t> sh3_rows_;
  static uint64_t TripleKey(uint64_t prev, uint64_t shape, uint64_t next) {
    return (MixHash(prev ^ std::rotl(shape, 21)) ^ std::rotl(next, 42)) | 1;  // 0 is HashMap64's empty key
  }
  uint64_t no_shape_ = 0;  // ner::NoShapeHash()
  // The rows of p3, s3 and s2 by AffixKey of the affix's bytes, so that a
  // scored word type reads them without hashing its affixes.
  HashMap64<uint32_t> affix_rows_;
  static uint64_t AffixKey(ner::Template t, std::string_view affix) {  // affix: 1 to 3 bytes
    uint64_t k = uint64_t{t} << 26 | uint64_t{affix.size()} << 24;
    for (size_t i = 0; i < affix.size(); ++i) k |= uint64_t{static_cast<unsigned char>(affix[i])} << (8 * i);
    return MixHash(k);  // a bijection: distinct affixes keep distinct keys, never 0
  }
  static uint32_t RowIn(const HashMap64<uint32_t>& rows, uint64_t key) {
    const uint32_t* r = rows.Find(key);
    return r ? *r : kNoRow;
  }
  // KeyStart(kPlSh / kPlW, label hash) per previous label.
  std::array<uint64_t, kNerLabels> plsh_start_{}, plw_start_{};
  // WordInfo in two parts: what the word's neighbours use, and (own) what
  // only a scored word uses: surface and affix rows, pl,sh and pl,w after O.
  void DescribeContext(std::string_view w, ner::WordInfo* out) const;
  void DescribeOwn(std::string_view w, ner::WordInfo* out) const;
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_TAGGER_H_
