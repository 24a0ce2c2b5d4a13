// The NER tagger: model loading, greedy decoding and BIO-to-span conversion.
#include "entities/tagger.h"

#include <charconv>

#include "core/tables.h"

namespace communique::internal {

Status NerTagger::Load() {
  Tsv tsv;
  if (Status s = LoadTable("ner_model.tsv", 1 + kNerLabels, &tsv); !s.ok()) return s;
  weights_.reserve(tsv.rows.size());
  for (const TsvRow& row : tsv.rows) {
    std::array<float, kNerLabels> w{};
    for (size_t l = 0; l < kNerLabels; ++l) {
      std::string_view f = row.fields[1 + l];
      auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), w[l]);
      if (ec != std::errc() || p != f.data() + f.size())
        return Status(ErrorCode::kDataLoadFailed,
                      "ner_model.tsv:" + std::to_string(row.line) + ": bad weight");
    }
    weights_.emplace(std::string(row.fields[0]), w);
  }
  return Status();
}

std::vector<uint8_t> NerTagger::Tag(const std::vector<std::string_view>& words) const {
  std::vector<uint8_t> labels(words.size(), kNerO);
  std::vector<std::string> feats;
  uint8_t prev = kNerO;
  for (size_t i = 0; i < words.size(); ++i) {
    ner::Features(words, i, prev, &feats);
    std::array<float, kNerLabels> score{};
    for (const std::string& f : feats) {
      auto it = weights_.find(f);
      if (it == weights_.end()) continue;
      for (size_t l = 0; l < kNerLabels; ++l) score[l] += it->second[l];
    }
    uint8_t best = 0;
    for (uint8_t l = 1; l < kNerLabels; ++l)
      if (score[l] > score[best]) best = l;
    labels[i] = prev = best;
  }
  return labels;
}

std::vector<NerSpan> NerTagger::Spans(const std::vector<uint8_t>& labels) {
  std::vector<NerSpan> spans;
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
  return spans;
}

}  // namespace communique::internal
