#include "entities/trie.h"

#include <cstring>

namespace communique::internal {
namespace {

constexpr size_t kMaxPhraseWords = 16;

bool Holds(CaseRule rule, Shape shape) {
  switch (rule) {
    case CaseRule::kAny: return true;
    case CaseRule::kCapital: return shape != Shape::kLower;
    case CaseRule::kUpper: return shape == Shape::kUpper;
  }
  return false;
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Lower-cases ASCII and maps curly apostrophes, as the tokenizer's norm does
// for the text (table phrases are mostly ASCII).
std::string NormalizeKey(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    if (w.compare(i, 3, "\xE2\x80\x99") == 0) { out += '\''; i += 2; continue; }
    out += AsciiLower(w[i]);
  }
  return out;
}

CaseRule RuleOf(std::string_view w) {
  int letters = 0, upper = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') { ++letters; ++upper; }
    else if (c >= 'a' && c <= 'z') ++letters;
  }
  if (letters >= 2 && upper == letters) return CaseRule::kUpper;
  if (!w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0xC3))
    return CaseRule::kCapital;
  return CaseRule::kAny;
}

}  // namespace

void SplitPhrase(std::string_view phrase, bool ignore_case, std::vector<std::string>* keys,
                 std::vector<CaseRule>* rules) {
  keys->clear();
  rules->clear();
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    std::string_view word = phrase.substr(i, j - i);
    // Hyphens are words of their own, as in BuildWords.
    size_t p = 0;
    while (p <= word.size() && !word.empty()) {
      size_t h = word.find('-', p);
      if (h == std::string_view::npos || word.size() == 1) h = word.size();
      std::string_view part = word.substr(p, h - p);
      if (!part.empty()) {
        keys->push_back(NormalizeKey(part));
        rules->push_back(ignore_case ? CaseRule::kAny : RuleOf(part));
      }
      if (h >= word.size()) break;
      keys->push_back("-");
      rules->push_back(CaseRule::kAny);
      p = h + 1;
    }
    i = j;
  }
}

std::string PhraseTrie::EdgeKey(uint32_t node, std::string_view key) {
  std::string k(sizeof node, '\0');
  std::memcpy(k.data(), &node, sizeof node);
  k.append(key);
  return k;
}

uint32_t PhraseTrie::Child(uint32_t node, std::string_view key) const {
  auto it = edges_.find(EdgeKey(node, key));
  return it == edges_.end() ? 0 : it->second;
}

void PhraseTrie::Add(const std::vector<std::string>& keys, const std::vector<CaseRule>& rules,
                     uint32_t value) {
  if (keys.empty() || keys.size() > kMaxPhraseWords || rules.size() != keys.size()) return;
  uint32_t node = 0;
  uint64_t packed = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    packed |= static_cast<uint64_t>(rules[i]) << (2 * i);
    auto [it, inserted] = edges_.try_emplace(EdgeKey(node, keys[i]), 0);
    if (inserted) {
      it->second = static_cast<uint32_t>(terminals_.size());
      terminals_.emplace_back();
    }
    node = it->second;
  }
  for (const Terminal& t : terminals_[node])
    if (t.value == value && t.rules == packed) return;
  terminals_[node].push_back({value, packed});
}

PhraseTrie::Match PhraseTrie::Longest(const std::vector<Word>& words, size_t i, size_t limit,
                                      std::vector<uint32_t>* scratch) const {
  Match best;
  uint32_t node = 0;
  for (size_t k = i; k < limit && k - i < kMaxPhraseWords; ++k) {
    node = Child(node, words[k].key);
    if (node == 0) break;
    const auto& terms = terminals_[node];
    if (terms.empty()) continue;
    bool any = false;
    for (const Terminal& t : terms) {
      bool ok = true;
      for (size_t w = i; w <= k && ok; ++w)
        ok = Holds(static_cast<CaseRule>((t.rules >> (2 * (w - i))) & 3), words[w].shape);
      if (!ok) continue;
      if (!any) { scratch->clear(); any = true; }
      scratch->push_back(t.value);
    }
    if (any) {
      best.length = static_cast<uint32_t>(k - i + 1);
      best.values = scratch;
    }
  }
  return best;
}

}  // namespace communique::internal
