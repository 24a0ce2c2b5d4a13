// The NER tagger: model loading, greedy decoding and BIO-to-span conversion.
#include "entities/tagger.h"

#include <algorithm>
#include <charconv>

#include "core/tables.h"

namespace communique::internal {

void NerTagger::Insert(uint64_t key, const std::array<float, kNerLabels>& w) {
  const uint32_t fp = Fingerprint(key);
  for (size_t s = key & mask_;; s = (s + 1) & mask_) {
    if (slots_[s].fp == fp) {  // a duplicate row (or a fingerprint clash): last wins
      weights_[slots_[s].index] = w;
      return;
    }
    if (slots_[s].fp == 0) {
      filter_[(key >> 20) & (kFilterBits / 64 - 1)] |= uint64_t{1} << ((key >> 14) & 63);
      slots_[s] = {fp, static_cast<uint32_t>(weights_.size())};
      weights_.push_back(w);
      ++count_;
      return;
    }
  }
}

Status NerTagger::Load(const Lexicon& lex) {
  lex_ = &lex;
  Tsv tsv;
  if (Status s = LoadTable("ner_model.tsv", 2 + kNerLabels, &tsv); !s.ok()) return s;
  size_t slots = 16;
  while (slots < tsv.rows.size() * 2 + 2) slots *= 2;
  slots_.assign(slots, Slot{});
  filter_.assign(kFilterBits / 64, 0);
  weights_.clear();
  weights_.reserve(tsv.rows.size());
  mask_ = slots - 1;
  count_ = 0;
  for (const TsvRow& row : tsv.rows) {
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
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), w[l]);
      if (ec != std::errc() || p != v.data() + v.size()) return bad("bad weight");
    }
    Insert(f.key(), w);
  }
  for (uint8_t prev = 0; prev < kNerLabels; ++prev) {
    std::array<float, kNerLabels>& pw = prev_weights_[prev];
    pw = {};
    for (uint64_t key : {ner::Key(ner::kBias, 0), ner::Key(ner::kPl, ner::LabelHash(prev))})
      if (const float* w = Find(key))
        for (size_t l = 0; l < kNerLabels; ++l) pw[l] += w[l];
  }
  return Status();
}

void NerTagger::Tag(const std::vector<std::string_view>& words, const std::vector<uint8_t>& skip,
                    std::vector<uint8_t>* labels) const {
  const size_t n = words.size();
  labels->assign(n, kNerO);
  // Atoms are computed on first use: most words are never scored.
  // done: kNone, kContext (what neighbours use) or kAll atoms computed; not a
  // char type, so that its stores do not make the compiler reload pointers.
  enum class Done : uint8_t { kNone, kContext, kAll };
  ner::Atoms atoms_buf[64];
  Done done_buf[64] = {};
  std::vector<ner::Atoms> atoms_heap;
  std::vector<Done> done_heap;
  ner::Atoms* atoms = atoms_buf;
  Done* done = done_buf;
  if (n > 64) {
    atoms_heap.resize(n);
    done_heap.assign(n, Done::kNone);
    atoms = atoms_heap.data();
    done = done_heap.data();
  }
  uint64_t keys[ner::kMaxFeatures];
  uint8_t prev = kNerO;
  const std::string_view* wd = words.data();
  const uint8_t* sk = skip.data();
  for (size_t i = 0; i < n; ++i) {
    if (sk[i] || (prev == kNerO && !ner::CanStart(wd[i]))) {
      prev = kNerO;
      continue;
    }
    for (size_t j = i >= 2 ? i - 2 : 0, hi = std::min(n, i + 3); j < hi; ++j) {
      if (done[j] != Done::kNone) continue;
      ner::ContextAtomsOf(wd[j], *lex_, &atoms[j]);
      done[j] = Done::kContext;
    }
    if (done[i] == Done::kContext) {
      ner::OwnAtomsOf(wd[i], &atoms[i]);
      done[i] = Done::kAll;
    }
    size_t nk = ner::FeatureKeys(atoms, n, i, prev, keys);
    std::array<float, kNerLabels> score = prev_weights_[prev];
    for (size_t k = 0; k < nk; ++k) {
      const float* w = Find(keys[k]);
      if (w == nullptr) continue;
      for (size_t l = 0; l < kNerLabels; ++l) score[l] += w[l];
    }
    uint8_t best = 0;
    for (uint8_t l = 1; l < kNerLabels; ++l)
      if (score[l] > score[best]) best = l;
    (*labels)[i] = prev = best;
  }
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
