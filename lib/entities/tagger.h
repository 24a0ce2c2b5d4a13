// Internal: a greedy averaged-perceptron BIO tagger for person, organization
// and place names (model lib/data/ner_model.tsv, trained on GUM train
// documents by tools/train-ner). The feature function is inline here so the
// trainer and the library compute exactly the same features.
#ifndef COMMUNIQUE_LIB_ENTITIES_TAGGER_H_
#define COMMUNIQUE_LIB_ENTITIES_TAGGER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "communique/status.h"

namespace communique::internal {

/// BIO labels; the order is the column order of the model file.
enum NerLabel : uint8_t { kNerO, kNerBPer, kNerIPer, kNerBOrg, kNerIOrg, kNerBLoc, kNerILoc };
inline constexpr size_t kNerLabels = 7;
inline constexpr std::array<std::string_view, kNerLabels> kNerLabelNames = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};

namespace ner {

inline std::string Lower(std::string_view w) {
  std::string s(w);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

/// Word shape with runs collapsed: "McCain" -> "XxXx", "U.S." -> "X.X.", "1990" -> "d".
inline std::string Shape(std::string_view w) {
  std::string s;
  for (char c : w) {
    char k = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x'
           : (c >= '0' && c <= '9') ? 'd' : (static_cast<unsigned char>(c) >= 0x80) ? 'u' : c;
    if (s.empty() || s.back() != k) s.push_back(k);
    if (s.size() > 6) break;
  }
  return s;
}

/// Features of word i (surface forms, clitic removed) given the previous label.
inline void Features(const std::vector<std::string_view>& words, size_t i, uint8_t prev,
                     std::vector<std::string>* out) {
  out->clear();
  auto word = [&](ptrdiff_t j) -> std::string {
    if (j < 0) return "<s>";
    if (static_cast<size_t>(j) >= words.size()) return "</s>";
    return Lower(words[static_cast<size_t>(j)]);
  };
  auto shape = [&](ptrdiff_t j) -> std::string {
    if (j < 0 || static_cast<size_t>(j) >= words.size()) return "_";
    return Shape(words[static_cast<size_t>(j)]);
  };
  const ptrdiff_t k = static_cast<ptrdiff_t>(i);
  const std::string w = word(k), sh = shape(k);
  const std::string pl(kNerLabelNames[prev]);
  out->push_back("b");
  out->push_back("w=" + w);
  out->push_back("W=" + std::string(words[i]));
  out->push_back("p3=" + w.substr(0, 3));
  if (w.size() > 3) out->push_back("s3=" + w.substr(w.size() - 3));
  if (w.size() > 2) out->push_back("s2=" + w.substr(w.size() - 2));
  out->push_back("sh=" + sh);
  out->push_back("w-1=" + word(k - 1));
  out->push_back("w+1=" + word(k + 1));
  out->push_back("w-2=" + word(k - 2));
  out->push_back("w+2=" + word(k + 2));
  out->push_back("sh-1=" + shape(k - 1));
  out->push_back("sh+1=" + shape(k + 1));
  out->push_back("sh-1,0,+1=" + shape(k - 1) + "," + sh + "," + shape(k + 1));
  out->push_back("w-1,w=" + word(k - 1) + "," + w);
  out->push_back("w,w+1=" + w + "," + word(k + 1));
  out->push_back("pl=" + pl);
  out->push_back("pl,sh=" + pl + "," + sh);
  out->push_back("pl,w=" + pl + "," + w);
}

}  // namespace ner

struct NerSpan {
  size_t first_word = 0, end_word = 0;  ///< [first, end) into the words
  uint8_t type = 0;                     ///< kNerBPer, kNerBOrg or kNerBLoc
};

/// The tagger; immutable after Load, shared by threads.
class NerTagger {
 public:
  /// Loads ner_model.tsv (columns: feature, then one weight per label).
  Status Load();
  bool empty() const { return weights_.empty(); }
  /// Greedy left-to-right labels of one sentence.
  std::vector<uint8_t> Tag(const std::vector<std::string_view>& words) const;
  /// Label runs B I* as spans (an I without B starts a span).
  static std::vector<NerSpan> Spans(const std::vector<uint8_t>& labels);

 private:
  std::unordered_map<std::string, std::array<float, kNerLabels>> weights_;
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_TAGGER_H_
