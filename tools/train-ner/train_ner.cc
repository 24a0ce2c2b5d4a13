// Trains the averaged-perceptron NER tagger of lib/entities/tagger.h as a
// structured perceptron: each sentence is decoded by Viterbi (as the library
// does) and, where it differs from the gold labels, the features of the gold
// path gain and those of the decoded path lose.
// Input: a file of "word<TAB>label" lines, blank line between sentences.
// Output: the model TSV (template, values, one weight per label), weights
// rounded to 4 significant digits, features whose weights are all below
// --prune dropped. Gazetteer bits come from the library's own tables, so the
// trainer links the library (scripts/train-ner builds it).
// With TEST.txt (same format), the pruned averaged model is scored there:
// exact span precision/recall/F1 per type (cross-validation on train folds,
// gum_to_bio.py K/N; the dev documents stay unseen).
// With --greedy: per-word perceptron updates and greedy decoding (a model
// without the viterbi row, decoded greedily by the library).
//   train_ner [--greedy] TRAIN.txt OUT.tsv [epochs] [prune] [TEST.txt]
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "entities/lexicon.h"
#include "entities/tagger.h"

using namespace communique::internal;

namespace {

struct Sentence {
  std::vector<std::string> words;
  std::vector<uint8_t> labels;
  std::vector<ner::WordLex> lex;
};

struct Weight {
  std::array<double, kNerLabels> w{}, total{};
  std::array<long, kNerLabels> stamp{};
};

uint8_t LabelIndex(const std::string& s) {
  for (size_t i = 0; i < kNerLabels; ++i)
    if (kNerLabelNames[i] == s) return static_cast<uint8_t>(i);
  return kNerO;
}

std::string Rounded(double a) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", a);
  return buf;
}

std::vector<Sentence> Read(const char* path, const Lexicon& lex) {
  std::ifstream in(path);
  std::vector<Sentence> data(1);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!data.back().words.empty()) data.emplace_back();
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    data.back().words.push_back(line.substr(0, tab));
    data.back().labels.push_back(LabelIndex(line.substr(tab + 1)));
    data.back().lex.push_back(ner::WordLexOf(data.back().words.back(), lex));
  }
  if (data.back().words.empty()) data.pop_back();
  return data;
}

// Greedy left-to-right decoding instead of Viterbi (--greedy).
bool greedy = false;

// Viterbi (or greedy) decoding as the library does it (NerTagger::Tag);
// `weights(key)` gives a feature's weights or nullptr.
template <class Weights>
std::vector<uint8_t> Decode(const Sentence& s, Weights weights) {
  std::vector<std::string_view> words(s.words.begin(), s.words.end());
  const size_t n = words.size();
  std::vector<std::array<double, kNerLabels>> best(n);
  std::vector<std::array<uint8_t, kNerLabels>> back(n);
  std::vector<ner::FeatureText> feats;
  std::array<bool, kNerLabels> live{};
  for (size_t i = 0; i < n; ++i) {
    const bool can_start = ner::CanStart(words[i]);
    std::array<bool, kNerLabels> set{};
    auto offer = [&](uint8_t prev, uint8_t l, double v) {
      if (!set[l] || v > best[i][l]) best[i][l] = v, back[i][l] = prev, set[l] = true;
    };
    for (uint8_t prev = 0; prev < kNerLabels; ++prev) {
      if (i == 0 ? prev != kNerO : !live[prev]) continue;
      const double base = i == 0 ? 0 : best[i - 1][prev];
      if (prev == kNerO && !can_start) {  // not scored
        offer(prev, kNerO, base);
        continue;
      }
      ner::FeatureStrings(words, s.lex, i, prev, &feats);
      std::array<double, kNerLabels> score{};
      for (const ner::FeatureText& f : feats)
        if (const double* w = weights(f.key()))
          for (size_t l = 0; l < kNerLabels; ++l) score[l] += w[l];
      for (uint8_t l = 0; l < kNerLabels; ++l)
        if (greedy || ner::Allowed(prev, l, can_start)) offer(prev, l, base + score[l]);
    }
    live = set;
    if (greedy) {  // keep the best label only, scored from 0
      uint8_t top = kNerLabels;
      for (uint8_t k = 0; k < kNerLabels; ++k)
        if (live[k] && (top == kNerLabels || best[i][k] > best[i][top])) top = k;
      live = {};
      live[top] = true;
      best[i][top] = 0;
    }
  }
  std::vector<uint8_t> out(n, kNerO);
  if (n == 0) return out;
  uint8_t l = kNerLabels;
  for (uint8_t k = 0; k < kNerLabels; ++k)
    if (live[k] && (l == kNerLabels || best[n - 1][k] > best[n - 1][l])) l = k;
  for (size_t i = n; i-- > 0;) {
    out[i] = l;
    l = back[i][l];
  }
  return out;
}

// Exact-span scores per type on `test`.
void Score(const std::vector<Sentence>& test,
           const std::unordered_map<uint64_t, std::array<double, kNerLabels>>& weights) {
  long tp[kNerLabels] = {}, ng[kNerLabels] = {}, ns[kNerLabels] = {};
  for (const Sentence& s : test) {
    auto key = [](const std::vector<uint8_t>& labels) {
      std::vector<std::array<size_t, 3>> v;
      for (const NerSpan& sp : NerTagger::Spans(labels)) v.push_back({sp.first_word, sp.end_word, sp.type});
      return v;
    };
    auto gold = key(s.labels), sys = key(Decode(s, [&](uint64_t k) -> const double* {
      auto it = weights.find(k);
      return it == weights.end() ? nullptr : it->second.data();
    }));
    for (auto& g : gold) ++ng[g[2]];
    for (auto& y : sys) {
      ++ns[y[2]];
      if (std::find(gold.begin(), gold.end(), y) != gold.end()) ++tp[y[2]];
    }
  }
  for (uint8_t t : {kNerBPer, kNerBOrg, kNerBLoc}) {
    double p = ns[t] ? double(tp[t]) / double(ns[t]) : 0, r = ng[t] ? double(tp[t]) / double(ng[t]) : 0;
    std::fprintf(stderr, "%s gold %ld sys %ld P %.4f R %.4f F1 %.4f\n", kNerLabelNames[t].data() + 2,
                 ng[t], ns[t], p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--greedy") {
    greedy = true;
    --argc;
    ++argv;
  }
  if (argc < 3) {
    std::cerr << "usage: train_ner [--greedy] TRAIN.txt OUT.tsv [epochs] [prune] [TEST.txt]\n";
    return 2;
  }
  const int epochs = argc > 3 ? std::atoi(argv[3]) : 8;
  const double prune = argc > 4 ? std::atof(argv[4]) : 2.0;
  Lexicon lex;
  if (auto s = lex.Load(); !s.ok()) {
    std::cerr << "lexicon: " << s.message() << "\n";
    return 1;
  }
  std::vector<Sentence> data = Read(argv[1], lex);
  std::cerr << data.size() << " sentences\n";
  // The library computes the same keys from hashes: check on every sentence.
  for (const Sentence& s : data) {
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    std::vector<ner::Atoms> atoms;
    for (std::string_view w : words) atoms.push_back(ner::AtomsOf(w, lex));
    if (words.empty()) continue;
    std::vector<ner::FeatureText> fs;
    uint64_t keys[ner::kMaxFeatures];
    for (size_t i = 0; i < words.size(); ++i) {
      for (uint8_t prev = 0; prev < kNerLabels; ++prev) {
        ner::FeatureStrings(words, s.lex, i, prev, &fs);
        // FeatureKeys leaves out bias and previous label (folded per label).
        fs.erase(std::remove_if(fs.begin(), fs.end(), [](const ner::FeatureText& f) {
                   return f.t == ner::kBias || f.t == ner::kPl;
                 }), fs.end());
        size_t nk = ner::FeatureKeys(atoms.data(), atoms.size(), i, ner::SentenceFirst(words[0], i), prev, keys);
        bool same = nk == fs.size();
        for (size_t k = 0; same && k < nk; ++k) same = keys[k] == fs[k].key();
        if (!same) {
          std::cerr << "feature keys differ for word '" << words[i] << "'\n";
          return 1;
        }
      }
    }
  }

  std::unordered_map<uint64_t, Weight> model;
  std::unordered_map<uint64_t, ner::FeatureText> text_of;
  long t = 0;
  std::mt19937 rng(7);
  std::vector<ner::FeatureText> feats;
  auto current = [&](uint64_t k) -> const double* {
    auto it = model.find(k);
    return it == model.end() ? nullptr : it->second.w.data();
  };
  for (int ep = 0; ep < epochs; ++ep) {
    std::shuffle(data.begin(), data.end(), rng);
    long errors = 0, tokens = 0;
    for (const Sentence& s : data) {
      if (greedy) {  // per-word updates against the decoded previous label
        std::vector<std::string_view> words(s.words.begin(), s.words.end());
        uint8_t prev = kNerO;
        for (size_t i = 0; i < words.size(); ++i) {
          if (prev == kNerO && !ner::CanStart(words[i])) continue;  // not scored
          ++t;
          ++tokens;
          ner::FeatureStrings(words, s.lex, i, prev, &feats);
          std::array<double, kNerLabels> score{};
          for (const ner::FeatureText& f : feats)
            if (const double* w = current(f.key()))
              for (size_t l = 0; l < kNerLabels; ++l) score[l] += w[l];
          const uint8_t guess = static_cast<uint8_t>(std::max_element(score.begin(), score.end()) - score.begin());
          const uint8_t gold = s.labels[i];
          if (guess != gold) {
            ++errors;
            for (const ner::FeatureText& f : feats) {
              const uint64_t key = f.key();
              Weight& w = model[key];
              text_of.try_emplace(key, f);
              for (uint8_t l : {gold, guess}) {
                w.total[l] += static_cast<double>(t - w.stamp[l]) * w.w[l];
                w.stamp[l] = t;
                w.w[l] += l == gold ? 1.0 : -1.0;
              }
            }
          }
          prev = guess;
        }
        continue;
      }
      ++t;
      std::vector<uint8_t> guess = Decode(s, current);
      tokens += static_cast<long>(s.words.size());
      if (guess == s.labels) continue;
      std::vector<std::string_view> words(s.words.begin(), s.words.end());
      // Gold path features +1, decoded path features -1; where both paths
      // have the same label and previous label the updates cancel.
      for (size_t i = 0; i < words.size(); ++i) {
        errors += guess[i] != s.labels[i];
        const bool same_prev = i == 0 || guess[i - 1] == s.labels[i - 1];
        if (guess[i] == s.labels[i] && same_prev) continue;
        for (int side = 0; side < 2; ++side) {
          const std::vector<uint8_t>& y = side == 0 ? s.labels : guess;
          const uint8_t prev = i ? y[i - 1] : static_cast<uint8_t>(kNerO);
          if (prev == kNerO && !ner::CanStart(words[i])) continue;  // not scored
          ner::FeatureStrings(words, s.lex, i, prev, &feats);
          for (const ner::FeatureText& f : feats) {
            const uint64_t key = f.key();
            Weight& w = model[key];
            text_of.try_emplace(key, f);
            const uint8_t l = y[i];
            w.total[l] += static_cast<double>(t - w.stamp[l]) * w.w[l];
            w.stamp[l] = t;
            w.w[l] += side == 0 ? 1.0 : -1.0;
          }
        }
      }
    }
    std::cerr << "epoch " << ep << " token error " << double(errors) / double(tokens) << "\n";
  }
  std::ofstream out(argv[2]);
  out << "# Averaged-perceptron BIO tagger for person/organization/place names, trained as a\n"
         "#   " << (greedy ? "greedy tagger" : "structured perceptron with Viterbi decoding") << " (" << epochs
      << " epochs).\n"
         "# source: trained by scripts/train-ner on the GUM train documents (UD English-GUM,\n"
         "#   permissive genres; dev documents excluded); annotations CC BY 4.0 (Zeldes 2017).\n"
         "# data_version: 3\n"
         "# columns: feature template (lib/entities/tagger.h), its values separated by spaces\n"
         "#   (gz: gazetteer bits 1 given name, 2 place, 4 organization, 8 surname\n"
         "#   of an official, 16 demonym; cw: common-word level 0-2, f/m first word of the\n"
         "#   sentence or not, shape; hd: 1 + EntityType of a name head word, 9 a head of names\n"
         "#   of works or rooms, 10 a group noun), one weight per label.\n"
         "# weights rounded to 4 significant digits; features with all |weight| < " << prune << " dropped.\n"
         "feature\tvalues";
  for (auto n : kNerLabelNames) out << '\t' << n;
  out << '\n';
  if (!greedy) {  // decode by Viterbi (NerTagger::Tag)
    out << "viterbi\t";
    for (size_t l = 0; l < kNerLabels; ++l) out << "\t0";
    out << '\n';
  }
  std::vector<std::pair<std::string, uint64_t>> rows;
  for (auto& [k, f] : text_of) {
    std::string v;
    bool ok = true;
    for (size_t j = 0; j < f.arity; ++j) {
      if (f.values[j].find_first_of(" \t\n") != std::string::npos || f.values[j].empty()) ok = false;
      v += (j ? " " : "") + f.values[j];
    }
    if (ok) rows.push_back({std::string(ner::kTemplateNames[f.t]) + "\t" + v, k});
  }
  std::sort(rows.begin(), rows.end());
  size_t kept = 0;
  std::unordered_map<uint64_t, std::array<double, kNerLabels>> kept_weights;
  for (const auto& [name, key] : rows) {
    Weight& w = model[key];
    std::array<double, kNerLabels> avg{};
    double mx = 0;
    for (size_t l = 0; l < kNerLabels; ++l) {
      double tot = w.total[l] + static_cast<double>(t - w.stamp[l]) * w.w[l];
      avg[l] = tot / static_cast<double>(t);
      mx = std::max(mx, std::fabs(avg[l]));
    }
    if (mx < prune) continue;
    ++kept;
    for (size_t l = 0; l < kNerLabels; ++l)
      kept_weights[key][l] = std::fabs(avg[l]) < 0.005 ? 0 : std::stod(Rounded(avg[l]));
    out << name;
    for (double a : avg) {
      out << '\t' << (std::fabs(a) < 0.005 ? "0" : Rounded(a));
    }
    out << '\n';
  }
  std::cerr << kept << " of " << model.size() << " features kept\n";
  if (argc > 5) Score(Read(argv[5], lex), kept_weights);
}
