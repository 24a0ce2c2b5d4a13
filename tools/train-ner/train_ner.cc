// Trains the greedy averaged-perceptron NER tagger of lib/entities/tagger.h.
// Input (stdin-free): a file of "word<TAB>label" lines, blank line between
// sentences. Output: the model TSV (feature, one weight per label), weights
// rounded to 4 significant digits, features whose weights are all below --prune dropped.
//   train_ner TRAIN.txt OUT.tsv [epochs] [prune]
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

#include "entities/tagger.h"

using namespace communique::internal;

namespace {

struct Sentence {
  std::vector<std::string> words;
  std::vector<uint8_t> labels;
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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: train_ner TRAIN.txt OUT.tsv [epochs] [prune]\n";
    return 2;
  }
  const int epochs = argc > 3 ? std::atoi(argv[3]) : 8;
  const double prune = argc > 4 ? std::atof(argv[4]) : 2.0;
  std::ifstream in(argv[1]);
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
  }
  if (data.back().words.empty()) data.pop_back();
  std::cerr << data.size() << " sentences\n";

  std::unordered_map<std::string, Weight> model;
  long t = 0;
  std::mt19937 rng(7);
  std::vector<std::string> feats;
  for (int ep = 0; ep < epochs; ++ep) {
    std::shuffle(data.begin(), data.end(), rng);
    long errors = 0, tokens = 0;
    for (const Sentence& s : data) {
      std::vector<std::string_view> words(s.words.begin(), s.words.end());
      uint8_t prev = kNerO;
      for (size_t i = 0; i < words.size(); ++i) {
        ++t;
        ner::Features(words, i, prev, &feats);
        std::array<double, kNerLabels> score{};
        for (const std::string& f : feats) {
          auto it = model.find(f);
          if (it == model.end()) continue;
          for (size_t l = 0; l < kNerLabels; ++l) score[l] += it->second.w[l];
        }
        uint8_t guess = static_cast<uint8_t>(
            std::max_element(score.begin(), score.end()) - score.begin());
        uint8_t gold = s.labels[i];
        ++tokens;
        if (guess != gold) {
          ++errors;
          for (const std::string& f : feats) {
            Weight& w = model[f];
            for (uint8_t l : {gold, guess}) {
              w.total[l] += static_cast<double>(t - w.stamp[l]) * w.w[l];
              w.stamp[l] = t;
              w.w[l] += l == gold ? 1.0 : -1.0;
            }
          }
        }
        prev = guess;
      }
    }
    std::cerr << "epoch " << ep << " token error " << double(errors) / double(tokens) << "\n";
  }
  std::ofstream out(argv[2]);
  out << "# Averaged-perceptron BIO tagger for person/organization/place names.\n"
         "# source: trained by scripts/train-ner on the GUM train documents (UD English-GUM,\n"
         "#   permissive genres; dev documents excluded); annotations CC BY 4.0 (Zeldes 2017).\n"
         "# data_version: 1\n"
         "# weights rounded to 4 significant digits; features with all |weight| < " << prune << " dropped.\n"
         "feature";
  for (auto n : kNerLabelNames) out << '\t' << n;
  out << '\n';
  std::vector<std::string> keys;
  for (auto& [f, w] : model) keys.push_back(f);
  std::sort(keys.begin(), keys.end());
  size_t kept = 0;
  for (const std::string& f : keys) {
    Weight& w = model[f];
    std::array<double, kNerLabels> avg{};
    double mx = 0;
    for (size_t l = 0; l < kNerLabels; ++l) {
      double tot = w.total[l] + static_cast<double>(t - w.stamp[l]) * w.w[l];
      avg[l] = tot / static_cast<double>(t);
      mx = std::max(mx, std::fabs(avg[l]));
    }
    if (mx < prune) continue;
    if (f.find('\t') != std::string::npos || f.find('\n') != std::string::npos || f[0] == '#') continue;
    ++kept;
    out << f;
    for (double a : avg) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4g", a);
      out << '\t' << (std::fabs(a) < 0.005 ? "0" : buf);
    }
    out << '\n';
  }
  std::cerr << kept << " of " << model.size() << " features kept\n";
}
