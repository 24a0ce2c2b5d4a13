// The NER tagger's decoders (lib/entities/tagger.cc): the greedy decoder of
// the shipped model, the Viterbi decoder of models with a viterbi row, and
// the table of word types both read (hits, misses, a full table).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "communique/communique.h"
#include "entities/lexicon.h"
#include "entities/tagger.h"

using namespace communique;
using namespace communique::internal;

namespace {

struct Tagged {
  std::vector<std::vector<uint8_t>> labels;  // per sentence
  std::vector<std::vector<NerSpan>> spans;
  std::vector<std::string> words;            // of the whole text, by sentence
};

// Tags every sentence of `text` with nothing skipped; `types` is kept
// between calls, as a Session keeps it between documents.
Tagged TagAll(const NerTagger& tagger, const std::string& text, ScratchSlot* types) {
  static const auto analyzer = Analyzer::Create({}).value();
  const Analysis a = analyzer->Analyze(text, {}).value();
  Tagged out;
  for (const Sentence& s : a.sentences) {
    std::vector<uint8_t> skip(s.token_count, 0);
    const NerSentence words{a.tokens.data() + s.first_token, s.token_count, text.data(), skip.data(),
                            a.norm_hashes.size() == a.tokens.size() ? a.norm_hashes.data() + s.first_token
                                                                   : nullptr};
    out.labels.emplace_back();
    out.spans.emplace_back();
    tagger.Tag(words, types, &out.labels.back(), &out.spans.back());
    for (size_t i = 0; i < words.size(); ++i) out.words.emplace_back(words[i]);
  }
  return out;
}

struct Loaded {
  Lexicon lex;
  NerTagger tagger;
  Loaded() {
    REQUIRE(lex.Load().ok());
    REQUIRE(tagger.Load(lex).ok());
  }
};

const std::string kPerson = "The report was written by Marguerite Okonkwo, who spent two years on it.";

// The greedy labels of one sentence from the features as FeatureKeys makes
// them, summed in its order (bias and previous label first), for every word:
// what the decoder's cached rows and windows must give.
std::vector<uint8_t> ReferenceGreedy(const NerTagger& tagger, const Lexicon& lex, const NerSentence& s) {
  const size_t n = s.size();
  std::vector<ner::Atoms> atoms;
  for (size_t i = 0; i < n; ++i) atoms.push_back(ner::AtomsOf(s[i], lex));
  std::vector<uint8_t> labels(n, kNerO);
  uint8_t prev = kNerO;
  for (size_t i = 0; i < n; ++i) {
    if (s.skip[i] || (prev == kNerO && !ner::CanStart(s[i]))) {
      prev = kNerO;
      continue;
    }
    float score[kNerLabels] = {};
    auto add = [&](uint64_t key) {
      if (const float* w = tagger.Find(key))
        for (size_t l = 0; l < kNerLabels; ++l) score[l] += w[l];
    };
    add(ner::Key(ner::kBias, 0));
    add(ner::Key(ner::kPl, ner::LabelHash(prev)));
    uint64_t keys[ner::kMaxFeatures];
    const size_t k = ner::FeatureKeys(atoms.data(), n, i, ner::SentenceFirst(s[0], i), prev, keys);
    for (size_t j = 0; j < k; ++j) add(keys[j]);
    uint8_t best = 0;
    for (uint8_t l = 1; l < kNerLabels; ++l)
      if (score[l] > score[best]) best = l;
    labels[i] = prev = best;
  }
  return labels;
}

}  // namespace

TEST_SUITE("tagger") {

TEST_CASE("greedy: an unlisted full name is one person span, as Spans(labels) gives it") {
  Loaded m;
  ScratchSlot types;
  const Tagged t = TagAll(m.tagger, kPerson, &types);
  REQUIRE(t.spans.size() == 1);
  REQUIRE(t.spans[0].size() == 1);
  const NerSpan& s = t.spans[0][0];
  CHECK(s.type == kNerBPer);
  CHECK(t.words[s.first_word] == "Marguerite");
  CHECK(t.words[s.first_word + 1] == "Okonkwo");  // unskipped words after it may continue it
  CHECK(s.end_word >= s.first_word + 2);
  const std::vector<NerSpan> again = NerTagger::Spans(t.labels[0]);
  REQUIRE(again.size() == 1);
  CHECK(again[0].first_word == s.first_word);
  CHECK(again[0].end_word == s.end_word);
}

TEST_CASE("greedy: the labels of every sentence are those of the features summed word by word") {
  Loaded m;
  ScratchSlot types;
  // Names at sentence starts and ends, next to each other and far apart,
  // one- and two-word sentences, skipped words: windows that overlap, touch
  // and leave gaps.
  const std::string text =
      "Anna. Boris Kagarlitsky met Chen Wei. Paris and Rome and Lagos said nothing of Quito. "
      "In Dhaka, Foreign Minister Abul Kalam Abdul Momen told Reuters that Bangladesh "
      "would not return to Myanmar; Aung San Suu Kyi was silent. \"We will,\" said "
      "O'Neill. Then (Ms. Ruiz) left for São Paulo, Kyiv and Zürich on Tuesday. "
      "The United Nations Development Programme, the UNDP, opened an office in Addis Ababa. Thanks. "
      "At the G20, McDonald-Smith of the WHO's COVID-19 team met 3M and eBay in Reykjavík.";
  static const auto analyzer = Analyzer::Create({}).value();
  const Analysis a = analyzer->Analyze(text, {}).value();
  // Sentences of distinct words, more than the table holds: it keeps its
  // frequent words (moved to the front) and drops the rest, at a sentence start.
  std::string filler;
  for (int i = 0; i < 9000; ++i) filler += "Wz" + std::to_string(i) + (i % 8 == 7 ? "q. " : "q ");
  size_t scored_sentences = 0;
  for (int pass = 0; pass < 3; ++pass) {  // the table filled, then hits, then after the filler
    if (pass == 2) TagAll(m.tagger, filler, &types);
    for (const Sentence& st : a.sentences) {
      std::vector<uint8_t> skip(st.token_count, 0);
      for (size_t i = 3; i < skip.size(); i += 7) skip[i] = 1;
      const NerSentence words{a.tokens.data() + st.first_token, st.token_count, text.data(), skip.data(),
                              a.norm_hashes.data() + st.first_token};
      std::vector<uint8_t> labels;
      std::vector<NerSpan> spans;
      m.tagger.Tag(words, &types, &labels, &spans);
      CHECK(labels == ReferenceGreedy(m.tagger, m.lex, words));
      scored_sentences += spans.empty() ? 0 : 1;
    }
  }
  CHECK(scored_sentences > 4);
}

TEST_CASE("Viterbi: the same name, labels that obey the BIO constraints, and lower case all O") {
  Loaded m;
  ScratchSlot types;
  m.tagger.set_viterbi(true);
  const Tagged t =
      TagAll(m.tagger, kPerson + " It came out in May and was read by Nicolas Ferreira in Lisbon.", &types);
  REQUIRE(!t.spans.empty());
  bool marguerite = false, nicolas = false, lisbon = false;
  size_t offset = 0;
  for (size_t k = 0; k < t.labels.size(); ++k) {
    const std::vector<uint8_t>& labels = t.labels[k];
    for (size_t i = 0; i < labels.size(); ++i) {
      const uint8_t prev = i == 0 ? uint8_t{kNerO} : labels[i - 1];
      CHECK(ner::Allowed(prev, labels[i], ner::CanStart(t.words[offset + i])));
    }
    for (const NerSpan& s : t.spans[k]) {
      const std::string& first = t.words[offset + s.first_word];
      const size_t size = s.end_word - s.first_word;
      marguerite = marguerite || (s.type == kNerBPer && first == "Marguerite" && size >= 2);
      nicolas = nicolas || (s.type == kNerBPer && first == "Nicolas" && size == 2);
      lisbon = lisbon || (s.type == kNerBLoc && first == "Lisbon" && size == 1);
    }
    CHECK(t.spans[k].size() == NerTagger::Spans(labels).size());
    offset += labels.size();
  }
  CHECK(marguerite);
  CHECK(nicolas);
  CHECK(lisbon);
  const Tagged lower = TagAll(m.tagger, "the meeting ended early and everyone went home after lunch.", &types);
  for (const std::vector<NerSpan>& spans : lower.spans) CHECK(spans.empty());
}

TEST_CASE("the word-type table: hits, misses and a sentence longer than the table tag alike") {
  Loaded m;
  ScratchSlot types;
  const Tagged first = TagAll(m.tagger, kPerson, &types);
  // More distinct capitalized words than the table holds, in one sentence
  // (the rest go to the sentence's overflow) and then many (the table fills
  // and is emptied at a sentence start).
  std::string many;
  for (int i = 0; i < 9000; ++i) many += "Qx" + std::to_string(i) + "zed ";
  many += "went home.";
  for (int round = 0; round < 2; ++round) {
    const Tagged filler = TagAll(m.tagger, round == 0 ? many : many + " " + many, &types);
    CHECK(!filler.labels.empty());
    const Tagged again = TagAll(m.tagger, kPerson, &types);
    CHECK(again.labels == first.labels);
  }
  for (int viterbi = 0; viterbi < 2; ++viterbi) {
    m.tagger.set_viterbi(viterbi == 1);
    const Tagged a = TagAll(m.tagger, kPerson, &types), b = TagAll(m.tagger, kPerson, &types);
    CHECK(a.labels == b.labels);
  }
}

}  // TEST_SUITE
