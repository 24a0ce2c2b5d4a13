#include "entities/trie.h"


namespace communique::internal {
namespace {


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
  std::string out(w);
  size_t o = 0;
  for (size_t i = 0; i < w.size(); ++i, ++o) {
    if (w[i] == '\xE2' && w.substr(i, 3) == "\xE2\x80\x99") {  // first byte first: no compare per byte
      out[o] = '\'';
      i += 2;
    } else {
      out[o] = AsciiLower(w[i]);
    }
  }
  out.resize(o);
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
        // A possessive is cut off text words (BuildWords): "People's" -> people.
        std::string& k = keys->back();
        if (k.size() > 2 && k.compare(k.size() - 2, 2, "'s") == 0) k.resize(k.size() - 2);
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

namespace {
size_t Slot(uint64_t key, size_t mask) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return static_cast<size_t>(key) & mask;
}
}  // namespace

void PhraseTrie::Reserve(size_t phrases, size_t words) {
  vocab_.Reserve(words);
  // Edges (a phrase's words after its first) are fewer than phrases, most
  // phrases being one or two words: at most half the slots are used.
  size_t want = 1024;
  while (want < phrases * 2) want *= 2;
  if (want > edges_.size() && edge_count_ == 0) edges_.assign(want, Edge{});
  parent_.reserve(phrases * 2);
  terminals_.reserve(phrases);
}

void PhraseTrie::Grow() {
  std::vector<Edge> old(edges_.size() * 2);
  old.swap(edges_);
  size_t mask = edges_.size() - 1;
  for (const Edge& e : old) {
    if (e.key == 0) continue;
    size_t s = Slot(e.key, mask);
    while (edges_[s].key != 0) s = (s + 1) & mask;
    edges_[s] = e;
  }
}

size_t PhraseTrie::EdgeSlot(uint64_t key) const {
  const size_t mask = edges_.size() - 1;
  size_t s = Slot(key, mask);
  while (edges_[s].key != 0 && edges_[s].key != key) s = (s + 1) & mask;
  return s;
}

PhraseTrie::Reach PhraseTrie::Child(uint32_t node, uint32_t word) const {
  if (word == kUnknown) return {};
  const Edge& e = edges_[EdgeSlot((static_cast<uint64_t>(node) << 32 | word) + 1)];
  return e.key != 0 ? e.to : Reach{};
}

PhraseTrie::Reach& PhraseTrie::ReachOf(uint32_t node) {
  const auto [parent, word] = parent_[node];
  if (parent == 0) return root_[word];
  return edges_[EdgeSlot((static_cast<uint64_t>(parent) << 32 | word) + 1)].to;
}

uint32_t PhraseTrie::AddChild(uint32_t node, uint32_t word) {
  const uint32_t child = static_cast<uint32_t>(parent_.size());
  if (node == 0) {
    if (root_[word].node != 0) return root_[word].node;
    root_[word].node = child;
  } else {
    if ((edge_count_ + 1) * 2 > edges_.size()) Grow();
    const uint64_t key = (static_cast<uint64_t>(node) << 32 | word) + 1;
    Edge& e = edges_[EdgeSlot(key)];
    if (e.key == key) return e.to.node;
    e.key = key;
    e.to.node = child;
    ++edge_count_;
  }
  parent_.push_back({node, word});
  return child;
}

void PhraseTrie::MarkWord(uint64_t hash, uint8_t bits) {
  vocab_[hash].bits |= bits;
  filter_.AddHash(hash);
}

void PhraseTrie::Add(const std::vector<std::string>& keys, const std::vector<CaseRule>& rules,
                     uint32_t value) {
  if (keys.empty() || keys.size() > kMaxPhraseWords || rules.size() != keys.size()) return;
  if (keys.size() == 1)
    single_filter_.AddHash(HashWord(keys[0]));
  else
    pair_filter_.AddHash(PairHash(HashWord(keys[0]), HashWord(keys[1])));
  uint32_t node = 0;
  uint64_t packed = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    packed |= static_cast<uint64_t>(rules[i]) << (2 * i);
    uint64_t h = HashWord(keys[i]);
    VocabEntry& v = vocab_[h];
    if (v.id == 0) {
      v.id = ++word_count_;
      root_.push_back(Reach{});
      filter_.AddHash(h);
    }
    uint32_t id = v.id - 1;
    if (i > 0) {
      const size_t b = EdgeBit(node, h);
      edge_filter_[b / 64] |= uint64_t{1} << (b % 64);
      ReachOf(node).next_words |= NextBit(h);
    }
    node = AddChild(node, id);
    if (i == 0 && rules[0] == CaseRule::kAny) {
      root_[id].info |= kStartsAny;
      lower_starts_[h] = id + 1;
      const size_t bit = LowerStartBit(h);
      lower_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }
  uint32_t& info = ReachOf(node).info;
  bool known = false;
  for (uint32_t t = FirstTerminal(info); t != kUnknown && !known; t = terminals_[t].next)
    known = terminals_[t].value == value && terminals_[t].rules == packed;
  if (!known) {
    terminals_.push_back({packed, value, FirstTerminal(info)});
    info = (info & ~kTerminalMask) | static_cast<uint32_t>(terminals_.size());  // last index + 1
  }
  // Only the first word's root_ entry can have changed: refresh its copy.
  VocabEntry& first = vocab_[HashWord(keys[0])];
  first.root = root_[first.id - 1];
}

const PhraseTrie::VocabEntry* PhraseTrie::Find(const Word& w) const {
  if (!filter_.MayContain(w.hash)) return nullptr;  // most words: one probe of a small filter
  const VocabEntry* e = vocab_.Find(w.hash);
  return e != nullptr && e->id != 0 ? e : nullptr;
}

uint32_t PhraseTrie::Id(const Word& w) const {
  const VocabEntry* e = Find(w);
  return e != nullptr ? e->id - 1 : kUnknown;
}

PhraseTrie::Match PhraseTrie::Longest(const std::vector<Word>& words, IdCache* ids, size_t i,
                                      size_t limit, std::vector<uint32_t>* scratch) const {
  Match best;
  if (i >= limit) return best;
  uint32_t& first = ids->At(i);
  Reach at;
  if (first == kNotLooked) {
    // A lower-case word starts only phrases written in lower case (titles),
    // found in a small table; other words need the full vocabulary.
    if (words[i].shape == Shape::kLower) {
      if (words[i].key.empty() || !MaybeLowerStart(words[i].hash)) return best;
      const uint32_t* id = lower_starts_.Find(words[i].hash);
      if (id == nullptr) return best;  // its id stays unlooked: it may continue a phrase
      first = *id - 1;
      at = root_[first];
    } else {
      const VocabEntry* e = Find(words[i]);
      first = e != nullptr ? e->id - 1 : kUnknown;
      if (e != nullptr) at = e->root;
    }
  } else if (first != kUnknown) {
    at = root_[first];
  }
  if (first == kUnknown) return best;
  if (words[i].shape == Shape::kLower && !(at.info & kStartsAny)) return best;
  for (size_t k = i; k < limit && k - i < kMaxPhraseWords; ++k) {
    if (k > i) {
      // No edge from this node has a word with this bit (a leaf has none).
      if (!(at.next_words & NextBit(words[k].hash))) break;
      uint32_t& id = ids->At(k);
      if (id == kNotLooked) {
        // No edge from this node has a word of this shape of key: the word
        // stays unlooked (Id would find no child either).
        if (words[k].key.empty() || !MaybeEdge(at.node, words[k].hash)) break;
        id = Id(words[k]);
      }
      at = Child(at.node, id);
    }
    if (at.node == 0) break;
    bool any = false;
    for (uint32_t ti = FirstTerminal(at.info); ti != kUnknown; ti = terminals_[ti].next) {
      const Terminal& t = terminals_[ti];
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
