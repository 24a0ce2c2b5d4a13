// The NER tagger: model loading, Viterbi decoding and BIO-to-span conversion.
#include "entities/tagger.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstring>
#include <memory>

#include "core/tables.h"

namespace communique::internal {

void NerTagger::Insert(uint64_t key, const std::array<float, kNerLabels>& w) {
  const uint32_t fp = Fingerprint(key);
  for (size_t s = key & mask_;; s = (s + 1) & mask_) {
    if (slots_[s].fp == fp) {  // a duplicate row (or a fingerprint clash): last wins
      std::copy(w.begin(), w.end(), weights_[slots_[s].index].begin());
      return;
    }
    if (slots_[s].fp == 0) {
      filter_.AddHash(key);
      slots_[s] = {fp, static_cast<uint32_t>(weights_.size())};
      Row8& row = weights_.emplace_back();
      std::copy(w.begin(), w.end(), row.begin());
      ++count_;
      return;
    }
  }
}

namespace {

// A decimal weight as std::from_chars reads it. Most weights are short
// ("-0.5911"): up to seven digits m with k decimals give m / 10^k in
// float division, m and 10^k both exact in a float, so the quotient is the
// correctly rounded value from_chars gives too, at a fraction of its cost.
// Other shapes go to from_chars.
bool ParseWeight(std::string_view v, float* out) {
  static constexpr float kPow10[] = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f};
  const bool negative = !v.empty() && v[0] == '-';
  size_t i = negative ? 1 : 0;
  uint32_t m = 0;
  auto digits = [&] {  // the number of digits read
    const size_t start = i;
    for (; i < v.size() && v[i] >= '0' && v[i] <= '9' && i - start < 8; ++i)
      m = m * 10 + static_cast<uint32_t>(v[i] - '0');
    return i - start;
  };
  const size_t whole = digits();
  size_t decimals = 0;
  if (whole > 0 && i + 1 < v.size() && v[i] == '.') {
    ++i;
    decimals = digits();
  }
  if (whole > 0 && i == v.size() && whole + decimals <= 7) {
    const float x = static_cast<float>(m) / kPow10[decimals];
    *out = negative ? -x : x;
    return true;
  }
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
  return ec == std::errc() && p == v.data() + v.size();
}

}  // namespace

Status NerTagger::Load(const Lexicon& lex) {
  lex_ = &lex;
  Tsv tsv;
  if (Status s = LoadTable("ner_model.tsv", 2 + kNerLabels, &tsv); !s.ok()) return s;
  size_t slots = 16;
  while (slots < tsv.rows.size() * 2 + 2) slots *= 2;
  slots_.assign(slots, Slot{});
  filter_.Clear();
  vocabulary_.Clear();
  pair_vocabulary_.Clear();
  weights_.clear();
  weights_.reserve(tsv.rows.size());
  mask_ = slots - 1;
  count_ = 0;
  viterbi_ = false;
  templates_ = 0;
  std::vector<uint64_t> shapes;  // the value hashes of the shape templates
  // (TripleKey, feature key) of sh-1,0,+1 and (AffixKey, feature key) of p3, s3, s2.
  std::vector<std::pair<uint64_t, uint64_t>> triples, affixes;
  for (const TsvRow& row : tsv.rows) {
    if (row.fields[0] == "viterbi") {  // the model was trained for Viterbi decoding
      viterbi_ = true;
      continue;
    }
    auto bad = [&](const char* what) {
      return Status(ErrorCode::kDataLoadFailed,
                    "ner_model.tsv:" + std::to_string(row.line) + ": " + what);
    };
    ner::FeatureText f{ner::kBias, {}, 0};
    size_t t = 0;
    while (t < ner::kTemplates && ner::kTemplateNames[t] != row.fields[0]) ++t;
    if (t == ner::kTemplates) return bad("unknown template");
    f.t = static_cast<ner::Template>(t);
    std::string_view values = row.fields[1];
    while (f.t != ner::kBias && f.arity < 3) {
      size_t sp = values.find(' ');
      f.values[f.arity++] = std::string(values.substr(0, sp));
      if (sp == std::string_view::npos) break;
      values.remove_prefix(sp + 1);
    }
    std::array<float, kNerLabels> w{};
    for (size_t l = 0; l < kNerLabels; ++l) {
      std::string_view v = row.fields[2 + l];
      if (!ParseWeight(v, &w[l])) return bad("bad weight");
    }
    Insert(f.key(), w);
    templates_ |= uint32_t{1} << f.t;
    using namespace ner;
    const bool word_template = f.t == kW || f.t == kSurf || f.t == kWm1 || f.t == kWp1 || f.t == kWm2 || f.t == kWp2;
    if (word_template || (f.t == kPlW && f.arity == 2)) {
      const uint64_t h = HashValue(f.values[word_template ? 0 : 1]);
      vocabulary_.AddHash(h);
    }
    if (f.t == kSh || f.t == kShm1 || f.t == kShp1 || (f.t == kPlSh && f.arity == 2))
      shapes.push_back(HashValue(f.values[f.t == kPlSh ? 1 : 0]));
    if ((f.t == kP3 || f.t == kS3 || f.t == kS2) && !f.values[0].empty() && f.values[0].size() <= 3)
      affixes.emplace_back(AffixKey(f.t, f.values[0]), f.key());
    if (f.t == kSh3 && f.arity == 3)
      triples.emplace_back(TripleKey(HashValue(f.values[0]), HashValue(f.values[1]), HashValue(f.values[2])), f.key());
    if ((f.t == kWm1W || f.t == kWWp1) && f.arity == 2) {
      const bool wm1w = f.t == kWm1W;
      for (size_t v = 0; v < 2; ++v) {
        const uint8_t side = wm1w ? (v == 0 ? kAsWm1OfW : kAsWOfWm1) : (v == 0 ? kAsWOfWp1 : kAsWp1OfW);
        const uint64_t h = PairSideHash(HashValue(f.values[v]), side);
        pair_vocabulary_.AddHash(h);
      }
    }
  }
  using namespace ner;
  lex_needs_ = {Has(kGaz) || Has(kGazm1) || Has(kGazp1), Has(kCw) || Has(kCwp1),
                Has(kHd) || Has(kHdp1) || Has(kHdp2)};
  for (uint8_t prev = 0; prev < kNerLabels; ++prev) {
    Row8& pw = prev_weights_[prev];
    pw = {};
    for (uint64_t key : {ner::Key(ner::kBias, 0), ner::Key(ner::kPl, ner::LabelHash(prev))})
      if (const float* w = Find(key))
        for (size_t l = 0; l < kNerLabels; ++l) pw[l] += w[l];
  }
  static std::atomic<uint64_t> generations{0};
  generation_ = ++generations;
  edge_rows_ = {Row(Key(kWm1, StartHash())), Row(Key(kWp1, EndHash())),
                Row(Key(kWm2, StartHash())), Row(Key(kWp2, EndHash())),
                Row(Key(kShm1, NoShapeHash())), Row(Key(kShp1, NoShapeHash()))};
  for (uint8_t prev = 0; prev < kNerLabels; ++prev) {
    plsh_start_[prev] = KeyStart(kPlSh, LabelHash(prev));
    plw_start_[prev] = KeyStart(kPlW, LabelHash(prev));
  }
  MakeShapeRows(shapes);
  no_shape_ = NoShapeHash();
  sh3_rows_ = {};
  sh3_rows_.Reserve(triples.size());
  for (const auto& [key, feature] : triples) sh3_rows_[key] = Row(feature);
  affix_rows_ = {};
  affix_rows_.Reserve(affixes.size());
  for (const auto& [key, feature] : affixes) affix_rows_[key] = Row(feature);
  return Status();
}

void NerTagger::MakeShapeRows(const std::vector<uint64_t>& shapes) {
  using namespace ner;
  shape_rows_ = {};
  shape_rows_.Reserve(shapes.size());
  for (const uint64_t h : shapes)  // a shape of several templates comes again: same rows
    shape_rows_[h] = {RowIf(kSh, h), RowIf(kShm1, h), RowIf(kShp1, h),
                      Has(kPlSh) ? Row(KeyEnd(Mix(plsh_start_[kNerO] ^ h))) : kNoRow};
}

// A score in two 4-float vectors (GCC/Clang vector extension): the same
// per-label float additions, kept in registers.
using F4 = float __attribute__((vector_size(16)));

void NerTagger::DescribeContext(std::string_view w, ner::WordInfo* d) const {
  using namespace ner;
  Atoms a;
  ContextAtomsOf(w, *lex_, &a, lex_needs_);
  d->lower = a.lower;
  d->shape = a.shape;
  d->wm1w_as_prev = KeyStart(kWm1W, a.lower);
  d->wwp1_as_self = KeyStart(kWWp1, a.lower);
  d->pair_sides = PairSides(a.lower);
  const bool known = InVocabulary(a.lower);
  d->own[0] = known ? RowIf(kW, a.lower) : kNoRow;
  const ShapeRows& by_shape = ShapeRowsOf(a.shape);
  d->own[5] = by_shape.sh;
  d->own[6] = RowIf(kGaz, a.gaz);
  d->ctx[0] = known ? RowIf(kWm1, a.lower) : kNoRow;
  d->ctx[1] = known ? RowIf(kWp1, a.lower) : kNoRow;
  d->ctx[2] = known ? RowIf(kWm2, a.lower) : kNoRow;
  d->ctx[3] = known ? RowIf(kWp2, a.lower) : kNoRow;
  d->ctx[4] = by_shape.shm1;
  d->ctx[5] = by_shape.shp1;
  d->ctx[6] = RowIf(kGazm1, a.gaz);
  d->ctx[7] = RowIf(kGazp1, a.gaz);
  d->common = a.common;
  d->hd = RowIf(kHd, a.head);
  d->lex_ctx[0] = RowIf(kCwp1, a.common, a.shape);
  d->lex_ctx[1] = RowIf(kHdp1, a.head, a.shape);
  d->lex_ctx[2] = RowIf(kHdp2, a.head, a.shape);
}

void NerTagger::DescribeOwn(std::string_view w, ner::WordInfo* d) const {
  using namespace ner;
  const uint64_t surface = HashWord(w);
  d->own[1] = InVocabulary(surface) ? RowIf(kSurf, surface) : kNoRow;
  // The affixes of the lower-cased word, as OwnAtomsOf takes them.
  char first[3], last[3];
  const size_t n = w.size(), head = std::min<size_t>(n, 3);
  for (size_t i = 0; i < head; ++i) first[i] = LowerAscii(w[i]);
  for (size_t i = 0; i < 3 && i < n; ++i) last[i] = LowerAscii(w[n - std::min<size_t>(n, 3) + i]);
  auto affix_row = [&](Template t, std::string_view affix) { return RowIn(affix_rows_, AffixKey(t, affix)); };
  d->own[2] = head > 0 ? affix_row(kP3, std::string_view(first, head)) : kNoRow;
  d->own[3] = n > 3 ? affix_row(kS3, std::string_view(last, 3)) : kNoRow;
  d->own[4] = n > 2 ? affix_row(kS2, std::string_view(last + 1, 2)) : kNoRow;
  d->pl_o[0] = ShapeRowsOf(d->shape).plsh_o;
  d->pl_o[1] = Has(kPlW) && InVocabulary(d->lower) ? Row(KeyEnd(Mix(plw_start_[kNerO] ^ d->lower))) : kNoRow;
  d->cw[0] = RowIf(kCw, d->common, PosHash(false), d->shape);
  d->cw[1] = RowIf(kCw, d->common, PosHash(true), d->shape);
  F4 lo, hi;
  std::memcpy(&lo, prev_weights_[kNerO].data(), sizeof lo);
  std::memcpy(&hi, prev_weights_[kNerO].data() + 4, sizeof hi);
  AddOwnRows(*d, &lo, &hi);
  std::memcpy(d->after_o, &lo, sizeof lo);
  std::memcpy(d->after_o + 4, &hi, sizeof hi);
}

namespace {

constexpr size_t kCachedLen = 22, kMaxTypes = 8192, kTypeSlots = 2 * kMaxTypes;
struct TypeEntry {
  ner::WordInfo info;
  uint64_t hash;  // the slot hash (NerSentence::SlotHash), to place the entry again
  uint8_t len;
  uint8_t hits;  // since it was made or last kept (halved), at most 255
  char text[kCachedLen];
};

// The slot of a slot hash, and the high bits its slot value keeps.
size_t HomeSlot(uint64_t h) { return (h ^ (h >> 29)) & (kTypeSlots - 1); }
uint64_t SlotCheck(uint64_t h) { return (h >> 32 | 1) << 32; }

}  // namespace

// A Session's table of WordInfo by word (bounded: kMaxTypes words of up to
// kCachedLen bytes, about 1.7 MB). When full, at a sentence start, it keeps
// the words hit most (at most half the table) and drops the rest; emptied
// for another tagger Load. Entries neither move nor leave during a
// sentence, so the sentence points at them instead of copying them; an
// entry is a pure function of the word and the model, so hits and misses
// give the same scores.
struct NerWordTypes : StageScratch {
  uint64_t generation = 0;
  size_t count = 0;
  // Open addressing by the slot hash, load <= 1/2: (high 32 bits | 1) << 32
  // | entry index; 0 = empty.
  std::unique_ptr<uint64_t[]> slots;
  std::unique_ptr<TypeEntry[]> entries;
  // The sentence's words without an entry (too long, or the table full);
  // reserved for every word of the sentence, so they never move.
  std::vector<ner::WordInfo> overflow;
  // Per word of the sentence: its info, set for the words before `fetched`
  // that a window covered (the rest are left as they were: never read).
  std::vector<ner::WordInfo*> at;
  // The end of the last window fetched: decoders move left to right, so a
  // window's words before it were fetched by an earlier window.
  size_t fetched = 0;
};

namespace {

// Places entry k by its hash (not yet in the slots).
void PlaceEntry(NerWordTypes* t, uint32_t k) {
  const uint64_t h = t->entries[k].hash;
  size_t slot = HomeSlot(h);
  while (t->slots[slot] != 0) slot = (slot + 1) & (kTypeSlots - 1);
  t->slots[slot] = SlotCheck(h) | k;
}

// A full table keeps the entries hit most since the last time (those with
// at least `least` hits: the least, at least 1, that keeps at most half the
// table), their hits halved, and drops the others. Frequent words ("the", "said",
// "President") are not described again after every kMaxTypes new words:
// on a long run of White House texts about half the descriptions of emptying it all.
void KeepFrequent(NerWordTypes* t) {
  std::array<size_t, 256> by_hits{};
  for (size_t k = 0; k < t->count; ++k) ++by_hits[t->entries[k].hits];
  size_t least = by_hits.size(), kept = 0;
  while (least > 1 && kept + by_hits[least - 1] <= kMaxTypes / 2) kept += by_hits[--least];
  std::fill_n(t->slots.get(), kTypeSlots, 0);
  uint32_t to = 0;
  for (size_t k = 0; k < t->count; ++k) {
    if (t->entries[k].hits < least) continue;
    if (to != k) t->entries[to] = t->entries[k];
    t->entries[to].hits = static_cast<uint8_t>(t->entries[to].hits / 2);
    PlaceEntry(t, to++);
  }
  t->count = to;
}

// The table in *slot, ready for a sentence of n words.
NerWordTypes& SentenceTypes(ScratchSlot* slot, uint64_t generation, size_t n) {
  NerWordTypes& t = ScratchOf<NerWordTypes>(slot);
  if (!t.slots) {
    t.slots.reset(new uint64_t[kTypeSlots]());
    t.entries.reset(new TypeEntry[kMaxTypes]);  // not zeroed: filled on insert
  }
  if (t.generation != generation) {
    std::fill_n(t.slots.get(), kTypeSlots, 0);
    t.count = 0;
    t.generation = generation;
  } else if (t.count == kMaxTypes) {
    KeepFrequent(&t);
  }
  t.overflow.clear();
  t.overflow.reserve(n);
  if (t.at.size() < n) t.at.resize(n);  // not cleared: see `fetched`
  t.fetched = 0;
  return t;
}

}  // namespace

// Inlined: the hit path runs about three times per scored word.
[[gnu::always_inline]] inline ner::WordInfo* NerTagger::Fetch(const NerSentence& s, size_t j, NerWordTypes* t) const {
  const std::string_view w = s[j];
  if (w.size() > kCachedLen) return Describe(w, &t->overflow.emplace_back());
  // Any hash that is a function of the word picks the slot; the entries are
  // checked by their bytes.
  const uint64_t h = s.SlotHash(j);
  const uint64_t check = SlotCheck(h);
  size_t slot = HomeSlot(h);
  for (uint64_t v; (v = t->slots[slot]) != 0; slot = (slot + 1) & (kTypeSlots - 1)) {
    if ((v >> 32 << 32) != check) continue;
    TypeEntry& e = t->entries[static_cast<uint32_t>(v)];
    if (e.len == w.size() && SameShortBytes(e.text, w.data(), w.size())) {
      e.hits = static_cast<uint8_t>(e.hits + (e.hits < 255));
      return &e.info;
    }
  }
  if (t->count == kMaxTypes) return Describe(w, &t->overflow.emplace_back());
  TypeEntry& e = t->entries[t->count];
  t->slots[slot] = check | t->count;
  ++t->count;
  e.hash = h;
  e.hits = 0;
  e.len = static_cast<uint8_t>(w.size());
  std::memcpy(e.text, w.data(), w.size());
  return Describe(w, &e.info);
}

ner::WordInfo* NerTagger::Describe(std::string_view w, ner::WordInfo* info) const {
  DescribeContext(w, info);
  info->has_own = false;
  return info;
}

// The rows of word i's features that do not depend on the previous label,
// in the order of FeatureKeys (the float additions of both decoders).
template <typename Vec>
void NerTagger::AddOwnRows(const ner::WordInfo& a, Vec* lo, Vec* hi) const {
  for (size_t k = 0; k < 6; ++k) AddRow(a.own[k], lo, hi);  // w, W, p3, s3, s2, sh
}

template <typename Vec>
[[gnu::always_inline]] inline void NerTagger::AddContextRows(const ner::WordInfo* const* info, size_t i, size_t n, Vec* lo, Vec* hi) const {
  using namespace ner;
  const ner::WordInfo& a = *info[i];
  const ner::WordInfo* before = i >= 1 ? info[i - 1] : nullptr;
  const ner::WordInfo* after = i + 1 < n ? info[i + 1] : nullptr;
  auto add_row = [&](uint32_t r) { AddRow(r, lo, hi); };
  auto add_key = [&](uint64_t key) { add_row(Row(key)); };
  add_row(before ? before->ctx[0] : edge_rows_[0]);
  add_row(after ? after->ctx[1] : edge_rows_[1]);
  add_row(i >= 2 ? info[i - 2]->ctx[2] : edge_rows_[2]);
  add_row(i + 2 < n ? info[i + 2]->ctx[3] : edge_rows_[3]);
  add_row(before ? before->ctx[4] : edge_rows_[4]);
  add_row(after ? after->ctx[5] : edge_rows_[5]);
  const uint64_t shm1 = before ? before->shape : no_shape_, shp1 = after ? after->shape : no_shape_;
  add_row(RowIn(sh3_rows_, TripleKey(shm1, a.shape, shp1)));
  // A pair key only where both words have their place in the template's
  // rows (WordInfo::pair_sides); the sentence edges always.
  if (!before || ((before->pair_sides & kAsWm1OfW) && (a.pair_sides & kAsWOfWm1))) {
    const uint64_t wm1w = before ? before->wm1w_as_prev : KeyStart(kWm1W, StartHash());
    add_key(KeyEnd(Mix(wm1w ^ a.lower)));
  }
  if (!after || ((a.pair_sides & kAsWOfWp1) && (after->pair_sides & kAsWp1OfW)))
    add_key(KeyEnd(Mix(a.wwp1_as_self ^ (after ? after->lower : EndHash()))));
}

// Adds weight row r (none: kNoRow) to the score held in two 4-float vectors.
template <typename Vec>
void NerTagger::AddRow(uint32_t r, Vec* lo, Vec* hi) const {
  if (r == kNoRow) return;
  Vec x, y;
  std::memcpy(&x, weights_[r].data(), sizeof x);
  std::memcpy(&y, weights_[r].data() + 4, sizeof y);
  *lo += x;
  *hi += y;
}

// Inlined: both run for every scored word of both decoders.
template <typename Vec>
[[gnu::always_inline]] inline void NerTagger::AddTableRows(const ner::WordInfo* const* info, size_t i, size_t n,
                                                          bool first_opens, Vec* lo, Vec* hi) const {
  const ner::WordInfo& a = *info[i];
  const ner::WordInfo* before = i >= 1 ? info[i - 1] : nullptr;
  const ner::WordInfo* after = i + 1 < n ? info[i + 1] : nullptr;
  auto add_row = [&](uint32_t r) { AddRow(r, lo, hi); };
  add_row(a.own[6]);  // gz
  if (before) add_row(before->ctx[6]);
  if (after) add_row(after->ctx[7]);
  // A model without the common-word and head templates (the shipped one) has none of the rest.
  if (!lex_needs_.common && !lex_needs_.head) return;
  add_row(a.cw[i == 0 || (i == 1 && first_opens)]);
  if (after) add_row(after->lex_ctx[0]);
  add_row(a.hd);
  if (after) add_row(after->lex_ctx[1]);
  if (i + 2 < n) add_row(info[i + 2]->lex_ctx[2]);
}

[[gnu::always_inline]] inline void NerTagger::FetchWindow(const NerSentence& s, size_t i, NerWordTypes* t) const {
  ner::WordInfo** at = t->at.data();
  const size_t hi = std::min(s.n, i + 3);
  for (size_t j = std::max(i >= 2 ? i - 2 : 0, t->fetched); j < hi; ++j) at[j] = Fetch(s, j, t);
  t->fetched = std::max(t->fetched, hi);
  if (!at[i]->has_own) {
    DescribeOwn(s[i], at[i]);
    at[i]->has_own = true;
  }
}

// Greedy left-to-right decoding (models without the viterbi row).
void NerTagger::TagGreedy(const NerSentence& s, ScratchSlot* word_types, std::vector<uint8_t>* labels,
                          std::vector<NerSpan>* spans) const {
  using namespace ner;
  const size_t n = s.n;
  labels->assign(n, kNerO);
  spans->clear();
  // Most sentences have no word that can start a name outside the
  // rule-based mentions: nothing to score.
  size_t i = s.NextCandidate(0);
  if (i == n) return;
  NerWordTypes& types = SentenceTypes(word_types, generation_, n);
  const WordInfo* const* info = types.at.data();
  const bool first_opens = SentenceFirst(s[0], 1);
  uint8_t prev = kNerO;
  for (; i < n; ++i) {
    // After an O only a candidate is scored; after a name word any word
    // not skipped (it may continue the name).
    if (prev == kNerO) {
      i = s.NextCandidate(i);
      if (i == n) break;
    } else if (s.skip[i]) {
      prev = kNerO;
      continue;
    }
    FetchWindow(s, i, &types);
    // The same features, in the same order of float additions, as
    // FeatureKeys: rows cached per word, pair keys finished here.
    const WordInfo& a = *info[i];
    // Bias and previous label, then the word's own rows: after an O (most
    // words) summed once per word (WordInfo::after_o).
    F4 lo, hi;
    if (prev == kNerO) {
      std::memcpy(&lo, a.after_o, sizeof lo);
      std::memcpy(&hi, a.after_o + 4, sizeof hi);
    } else {
      std::memcpy(&lo, prev_weights_[prev].data(), sizeof lo);
      std::memcpy(&hi, prev_weights_[prev].data() + 4, sizeof hi);
      AddOwnRows(a, &lo, &hi);
    }
    auto add_row = [&](uint32_t r) { AddRow(r, &lo, &hi); };
    auto add_key = [&](uint64_t key) { add_row(Row(key)); };
    AddContextRows(info, i, n, &lo, &hi);
    if (prev == kNerO) {
      add_row(a.pl_o[0]);
      add_row(a.pl_o[1]);
    } else {
      add_key(KeyEnd(Mix(plsh_start_[prev] ^ a.shape)));
      add_key(KeyEnd(Mix(plw_start_[prev] ^ a.lower)));
    }
    AddTableRows(info, i, n, first_opens, &lo, &hi);
    float score[kRowWidth];
    std::memcpy(score, &lo, sizeof lo);
    std::memcpy(score + 4, &hi, sizeof hi);
    uint8_t best = 0;
    for (uint8_t l = 1; l < kNerLabels; ++l)
      if (score[l] > score[best]) best = l;
    (*labels)[i] = prev = best;
    if (best == kNerO) continue;
    // Spans as Spans(labels) makes them: an I- of the same type right
    // after a span continues it.
    const uint8_t begin = (best % 2 == 1) ? best : static_cast<uint8_t>(best - 1);
    if (best % 2 == 0 && !spans->empty() && spans->back().end_word == i && spans->back().type == begin)
      spans->back().end_word = i + 1;
    else
      spans->push_back({i, i + 1, begin});
  }
}

void NerTagger::Tag(const NerSentence& s, ScratchSlot* word_types, std::vector<uint8_t>* labels,
                    std::vector<NerSpan>* spans) const {
  if (!viterbi_) return TagGreedy(s, word_types, labels, spans);
  using namespace ner;
  const size_t n = s.n;
  labels->assign(n, kNerO);
  spans->clear();
  // Most sentences have no word that can start a name outside the
  // rule-based mentions: nothing to score.
  const size_t start = s.NextCandidate(0);
  if (start == n) return;
  NerWordTypes& types = SentenceTypes(word_types, generation_, n);
  const WordInfo* const* info = types.at.data();
  // back[i * kNerLabels + l]: the best previous label of label l at word i.
  std::vector<uint8_t> back(n * kNerLabels);
  const bool first_opens = SentenceFirst(s[0], 1);
  // best[l]: the best score of a labelling of the words so far ending in l,
  // for the labels in `live` (a bit per label).
  std::array<float, kNerLabels> best{};
  uint8_t live = 1u << kNerO;
  for (size_t i = start; i < n; ++i) {
    std::array<float, kNerLabels> next;
    next.fill(0);
    uint8_t next_live = 0;
    uint8_t* bk = back.data() + i * kNerLabels;
    auto offer = [&](uint8_t prev, uint8_t l, float v) {
      if (!(next_live >> l & 1) || v > next[l]) {
        next[l] = v;
        bk[l] = prev;
        next_live = static_cast<uint8_t>(next_live | 1u << l);
      }
    };
    const bool can_start = s.Candidate(i);
    // Greedy decoding keeps only the best label of each word, scored from 0.
    auto advance = [&] {
      best = next;
      live = next_live;
      if (viterbi_) return;
      uint8_t top = kNerLabels;
      for (uint8_t k = 0; k < kNerLabels; ++k)
        if ((live >> k & 1) && (top == kNerLabels || best[k] > best[top])) top = k;
      live = static_cast<uint8_t>(1u << top);
      best[top] = 0;
    };
    // A skipped word is O; after an O a word that cannot start a name is O
    // (neither is scored).
    if (s.skip[i] || (live == 1u << kNerO && !can_start)) {
      for (uint8_t prev = 0; prev < kNerLabels; ++prev)
        if (live >> prev & 1) offer(prev, kNerO, best[prev]);
      advance();
      continue;
    }
    FetchWindow(s, i, &types);
    // The features that do not depend on the previous label, in the order
    // of FeatureKeys: rows cached per word, pair keys finished here; the
    // score in two 4-float vectors (GCC/Clang vector extension).
    const WordInfo& a = *info[i];
    F4 lo{}, hi{};
    AddOwnRows(a, &lo, &hi);
    AddContextRows(info, i, n, &lo, &hi);
    AddTableRows(info, i, n, first_opens, &lo, &hi);
    // Then per live previous label: bias and previous label, pl,sh and pl,w.
    for (uint8_t prev = 0; prev < kNerLabels; ++prev) {
      if (!(live >> prev & 1)) continue;
      if (prev == kNerO && !can_start) {
        offer(prev, kNerO, best[prev]);
        continue;
      }
      F4 plo, phi;
      std::memcpy(&plo, prev_weights_[prev].data(), sizeof plo);
      std::memcpy(&phi, prev_weights_[prev].data() + 4, sizeof phi);
      plo += lo;
      phi += hi;
      auto add_prev_row = [&](uint32_t r) {
        if (r == kNoRow) return;
        F4 x, y;
        std::memcpy(&x, weights_[r].data(), sizeof x);
        std::memcpy(&y, weights_[r].data() + 4, sizeof y);
        plo += x;
        phi += y;
      };
      if (prev == kNerO) {
        add_prev_row(a.pl_o[0]);
        add_prev_row(a.pl_o[1]);
      } else {
        add_prev_row(Row(KeyEnd(Mix(plsh_start_[prev] ^ a.shape))));
        add_prev_row(Row(KeyEnd(Mix(plw_start_[prev] ^ a.lower))));
      }
      float score[kRowWidth];
      std::memcpy(score, &plo, sizeof plo);
      std::memcpy(score + 4, &phi, sizeof phi);
      for (uint8_t l = 0; l < kNerLabels; ++l)
        if (!viterbi_ || Allowed(prev, l, can_start)) offer(prev, l, best[prev] + score[l]);
    }
    advance();
  }
  uint8_t l = kNerLabels;
  for (uint8_t k = 0; k < kNerLabels; ++k)
    if ((live >> k & 1) && (l == kNerLabels || best[k] > best[l])) l = k;
  for (size_t i = n; i-- > start;) {
    (*labels)[i] = l;
    l = back[i * kNerLabels + l];
  }
  Spans(*labels, spans);
}

void NerTagger::Spans(const std::vector<uint8_t>& labels, std::vector<NerSpan>* out) {
  std::vector<NerSpan>& spans = *out;
  spans.clear();
  for (size_t i = 0; i < labels.size(); ++i) {
    const uint8_t l = labels[i];
    if (l == kNerO) continue;
    const uint8_t begin = (l % 2 == 1) ? l : static_cast<uint8_t>(l - 1);  // B of the type
    const bool continues = l % 2 == 0 && !spans.empty() && spans.back().end_word == i &&
                           spans.back().type == begin;
    if (continues)
      spans.back().end_word = i + 1;
    else
      spans.push_back({i, i + 1, begin});
  }
}

}  // namespace communique::internal
