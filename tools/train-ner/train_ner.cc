// Trains the greedy averaged-perceptron NER tagger of lib/entities/tagger.h.
// Input: a file of "word<TAB>label" lines, blank line between sentences.
// Output: the model TSV (template, values, one weight per label), weights
// rounded to 4 significant digits, features whose weights are all below
// --prune dropped. Gazetteer bits come from the library's own tables, so the
// trainer links the library (scripts/train-ner builds it).
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

#include "entities/lexicon.h"
#include "entities/tagger.h"

using namespace communique::internal;

namespace {

struct Sentence {
  std::vector<std::string> words;
  std::vector<uint8_t> labels, gaz;
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
  Lexicon lex;
  if (auto s = lex.Load(); !s.ok()) {
    std::cerr << "lexicon: " << s.message() << "\n";
    return 1;
  }
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
    data.back().gaz.push_back(lex.GazBits(data.back().words.back()));
  }
  if (data.back().words.empty()) data.pop_back();
  std::cerr << data.size() << " sentences\n";
  // The library computes the same keys from hashes: check on every sentence.
  for (const Sentence& s : data) {
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    std::vector<ner::Atoms> atoms;
    for (std::string_view w : words) atoms.push_back(ner::AtomsOf(w, lex));
    std::vector<ner::FeatureText> fs;
    uint64_t keys[ner::kMaxFeatures];
    for (size_t i = 0; i < words.size(); ++i) {
      for (uint8_t prev = 0; prev < kNerLabels; ++prev) {
        ner::FeatureStrings(words, s.gaz, i, prev, &fs);
        // FeatureKeys leaves out bias and previous label (folded per label).
        fs.erase(std::remove_if(fs.begin(), fs.end(), [](const ner::FeatureText& f) {
                   return f.t == ner::kBias || f.t == ner::kPl;
                 }), fs.end());
        size_t nk = ner::FeatureKeys(atoms.data(), atoms.size(), i, prev, keys);
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
  for (int ep = 0; ep < epochs; ++ep) {
    std::shuffle(data.begin(), data.end(), rng);
    long errors = 0, tokens = 0;
    for (const Sentence& s : data) {
      std::vector<std::string_view> words(s.words.begin(), s.words.end());
      uint8_t prev = kNerO;
      for (size_t i = 0; i < words.size(); ++i) {
        // The library scores only these words; the rest are O.
        if (prev == kNerO && !ner::CanStart(words[i])) continue;
        ++t;
        ner::FeatureStrings(words, s.gaz, i, prev, &feats);
        std::array<double, kNerLabels> score{};
        std::vector<uint64_t> keys;
        for (const ner::FeatureText& f : feats) {
          keys.push_back(f.key());
          auto it = model.find(keys.back());
          if (it == model.end()) continue;
          for (size_t l = 0; l < kNerLabels; ++l) score[l] += it->second.w[l];
        }
        uint8_t guess = static_cast<uint8_t>(
            std::max_element(score.begin(), score.end()) - score.begin());
        uint8_t gold = s.labels[i];
        ++tokens;
        if (guess != gold) {
          ++errors;
          for (size_t k = 0; k < feats.size(); ++k) {
            Weight& w = model[keys[k]];
            text_of.try_emplace(keys[k], feats[k]);
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
         "# data_version: 2\n"
         "# columns: feature template (lib/entities/tagger.h), its values separated by spaces\n"
         "#   (gz: gazetteer bits 1 given name, 2 place, 4 organization), one weight per label.\n"
         "# weights rounded to 4 significant digits; features with all |weight| < " << prune << " dropped.\n"
         "feature\tvalues";
  for (auto n : kNerLabelNames) out << '\t' << n;
  out << '\n';
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
    out << name;
    for (double a : avg) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4g", a);
      out << '\t' << (std::fabs(a) < 0.005 ? "0" : buf);
    }
    out << '\n';
  }
  std::cerr << kept << " of " << model.size() << " features kept\n";
}
