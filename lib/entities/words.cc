#include "entities/words.h"

#include <algorithm>

#include "core/norm_hash.h"

namespace communique::internal {
namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

Shape ShapeOf(std::string_view s, bool token_capitalized, bool token_all_upper) {
  int letters = 0, upper = 0;
  bool first_seen = false, first_upper = false, non_ascii = false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) { non_ascii = true; continue; }
    if (IsAsciiUpper(c) || IsAsciiLower(c)) {
      ++letters;
      if (IsAsciiUpper(c)) ++upper;
      if (!first_seen) { first_seen = true; first_upper = IsAsciiUpper(c); }
    }
  }
  if (non_ascii && !first_seen) {
    if (token_all_upper) return Shape::kUpper;
    return token_capitalized ? Shape::kCapital : Shape::kLower;
  }
  if (letters >= 2 && upper == letters) return Shape::kUpper;
  if (non_ascii && s.size() > 0 && static_cast<unsigned char>(s[0]) >= 0x80)
    return token_capitalized ? Shape::kCapital : Shape::kLower;
  return first_upper ? Shape::kCapital : Shape::kLower;
}

namespace {

// Sentence si and its token range [begin, end): the first sentence from si
// on that does not end at or before token ti; begin = end = ~0 when none is left.
struct SentenceAt {
  uint32_t si, begin, end;
};
SentenceAt Locate(const Sentence* sents, size_t ns, uint32_t ti, uint32_t si) {
  while (si < ns && sents[si].first_token + sents[si].token_count <= ti) ++si;
  if (si >= ns) return {si, 0xFFFFFFFFu, 0xFFFFFFFFu};
  return {si, sents[si].first_token, sents[si].first_token + sents[si].token_count};
}

// Appends the words of a token with a clitic or inner hyphens (the rare
// case, kept out of BuildWords' loop).
[[gnu::noinline]] Word* AppendSplit(std::string_view text, const Analysis& a, const Token& t,
                                    uint32_t si, bool first, Word* out) {
  const bool cap = (t.flags & kTokenCapitalized) != 0, upper = (t.flags & kTokenAllUpper) != 0;
  std::string_view surface = text.substr(t.span.begin, t.span.size());
  std::string_view key = a.Norm(t);
  Word w(t.span.begin, t.span.end, key, 0, Shape::kLower, false, false, t.kind == TokenKind::kWord, si);
  if (t.clitic > 0 && t.clitic < surface.size()) {
    // Only possessives are cut: "Russia’s", "States'"; not "don't".
    std::string_view clitic_norm = key.size() >= 2 ? key.substr(key.size() - 2) : key;
    if (clitic_norm == "'s") {
      w.possessive = true;
      w.end -= t.clitic;
      surface = surface.substr(0, surface.size() - t.clitic);
      key = key.substr(0, key.size() - 2);
    } else if (!key.empty() && key.back() == '\'') {
      w.possessive = true;
      w.end -= t.clitic;
      surface = surface.substr(0, surface.size() - t.clitic);
      key = key.substr(0, key.size() - 1);
    }
  }
  // Split hyphenated words when surface and key split alike.
  size_t parts_s = 0, parts_k = 0;
  if ((t.flags & kTokenHyphenated) && w.is_word) {
    for (char c : surface) parts_s += c == '-';
    for (char c : key) parts_k += c == '-';
  }
  if (parts_s > 0 && parts_s == parts_k) {
    size_t sp = 0, kp = 0;
    for (;;) {
      size_t se = surface.find('-', sp), ke = key.find('-', kp);
      if (se == std::string_view::npos) se = surface.size();
      if (ke == std::string_view::npos) ke = key.size();
      Word part = w;
      part.begin = w.begin + static_cast<uint32_t>(sp);
      part.end = w.begin + static_cast<uint32_t>(se);
      part.key = key.substr(kp, ke - kp);
      part.hash = HashWord(part.key);
      part.shape = ShapeOf(surface.substr(sp, se - sp), cap && sp == 0, upper);
      part.sentence_start = first && sp == 0;
      part.possessive = w.possessive && se == surface.size();
      if (part.end > part.begin) *out++ = part;
      if (se == surface.size()) break;
      Word hyphen = w;
      hyphen.begin = part.end;
      hyphen.end = part.end + 1;
      hyphen.key = "-";
      hyphen.hash = HashWord(hyphen.key);
      hyphen.shape = Shape::kLower;
      hyphen.is_word = false;
      hyphen.possessive = false;
      hyphen.sentence_start = false;
      *out++ = hyphen;
      sp = se + 1;
      kp = ke + 1;
    }
  } else {
    w.key = key;
    w.hash = HashWord(key);
    // The token flags give the shape unless a digit leads ("3M") or a
    // cut possessive changed the letters ("US's").
    w.shape = (t.flags & kTokenHasDigit) || w.possessive ? ShapeOf(surface, cap, upper)
              : upper ? Shape::kUpper : cap ? Shape::kCapital : Shape::kLower;
    w.sentence_start = first;
    *out++ = w;
  }
  return out;
}

}  // namespace

namespace {

// Shape from the token flags kTokenCapitalized | kTokenAllUpper.
constexpr Shape kFlagShape[4] = {Shape::kLower, Shape::kCapital, Shape::kUpper, Shape::kUpper};

// What BuildWords writes besides the words: where sentences start.
struct Output {
  std::vector<Word>* words;
  std::vector<uint32_t>* starts;
};

// Appends the words of token ti of sentence `si` (`first`: it starts the
// sentence) and notes the start words: the uncommon tokens (split, with a
// digit, or outside every sentence), kept out of BuildWords' loop.
// Grows the words (and moves `out`) for split tokens.
[[gnu::noinline]] Word* AppendToken(std::string_view text, const Analysis& a, uint32_t ti, uint32_t si,
                                    bool first, uint64_t hash, const Output& o, Word* out) {
  std::vector<Word>& words = *o.words;
  const Token& t = a.tokens[ti];
  const uint8_t f = t.flags;
  const size_t done = static_cast<size_t>(out - words.data());
  if (t.clitic != 0 || ((f & kTokenHyphenated) && t.kind == TokenKind::kWord)) {
    // Room for this token's words (at most two per hyphen, plus one) and
    // one for each token left; doubling keeps this linear.
    size_t hyphens = 0;  // only a hyphenated token is split at hyphens
    if (f & kTokenHyphenated)
      for (uint32_t k = t.span.begin; k < t.span.end; ++k) hyphens += text[k] == '-';
    const size_t need = done + 2 * hyphens + 1 + (a.tokens.size() - ti - 1);
    if (need > words.size()) {
      words.resize(std::max(need, words.size() * 2));
      out = words.data() + done;
    }
    out = AppendSplit(text, a, t, si, first, out);
  } else {
    const Shape shape = (f & kTokenHasDigit)
                            ? ShapeOf(text.substr(t.span.begin, t.span.size()), (f & kTokenCapitalized) != 0,
                                      (f & kTokenAllUpper) != 0)
                            : kFlagShape[f & 3];
    *out++ = Word(t.span.begin, t.span.end, a.Norm(t), hash, shape, first, false,
                  t.kind == TokenKind::kWord, si);
  }
  for (const Word* w = words.data() + done; w < out; ++w)
    if (w->sentence_start) o.starts->push_back(static_cast<uint32_t>(w - words.data()));
  return out;
}

}  // namespace

void BuildWords(std::string_view text, const Analysis& a, std::vector<Word>* words_out,
                std::vector<uint32_t>* starts) {
  const uint32_t nt = static_cast<uint32_t>(a.tokens.size());
  starts->clear();
  // Sized without initialising (Word() leaves its fields unset), with room
  // for some split tokens, then written through a local pointer.
  std::vector<Word>& words = *words_out;
  words.resize(nt + nt / 4 + 16);
  const Output o{&words, starts};
  Word* out = words.data();
  const Token* toks = a.tokens.data();
  const char* pool = a.norm_pool.data();
  // Hand-built tokens (tests) have no norm hashes: hashed here, so that the
  // loop below has no branch for them.
  std::vector<uint64_t> own_hashes;
  const uint64_t* hashes = NormHashes(a);
  if (hashes == nullptr) {
    own_hashes.resize(nt);
    for (uint32_t i = 0; i < nt; ++i) own_hashes[i] = HashWord(a.Norm(toks[i]));
    hashes = own_hashes.data();
  }
  const Sentence* sents = a.sentences.data();
  const size_t ns = a.sentences.size();
  uint32_t ti = 0, si = 0, last_sentence = ~0u;
  while (ti < nt) {
    // The next run of tokens with one sentence index: the tokens before
    // sentence s (outside every sentence: each counts as a sentence start,
    // with the index of s), or the tokens of s.
    const SentenceAt s = Locate(sents, ns, ti, si);
    si = s.si;
    const bool outside = ti < s.begin;
    const uint32_t stop = std::min(outside ? s.begin : s.end, nt), sentence = s.si;
    // A new sentence index is a boundary even where no start word begins it
    // (a sentence that overlaps the one before: not made by the segmenter).
    if (!outside && ti != s.begin && ti < stop && sentence != last_sentence)
      starts->push_back(static_cast<uint32_t>(out - words.data()));
    last_sentence = sentence;
    if (outside) {  // every word starts a sentence
      for (; ti < stop; ++ti) out = AppendToken(text, a, ti, sentence, true, hashes[ti], o, out);
      continue;
    }
    // The common case: one word per token, nothing cut off, no digit (the
    // shape is the flags'), built whole.
    auto plain = [](const Token& t) { return t.clitic == 0 && !(t.flags & (kTokenHyphenated | kTokenHasDigit)); };
    auto emit_plain = [&](const Token& t, uint32_t i, bool first) {
      const std::string_view key(pool + t.norm.begin, t.norm.end - t.norm.begin);
      *out++ = Word(t.span.begin, t.span.end, key, hashes[i], kFlagShape[t.flags & 3], first, false,
                    t.kind == TokenKind::kWord, sentence);
    };
    if (ti == s.begin && ti < stop) {
      if (plain(toks[ti])) {
        starts->push_back(static_cast<uint32_t>(out - words.data()));
        emit_plain(toks[ti], ti, true);
      } else {
        out = AppendToken(text, a, ti, sentence, true, hashes[ti], o, out);
      }
      ++ti;
    }
    while (ti < stop) {
      // An inner loop without the call, so that its values stay in registers.
      for (; ti < stop && plain(toks[ti]); ++ti) emit_plain(toks[ti], ti, false);
      if (ti < stop) {
        out = AppendToken(text, a, ti, sentence, false, hashes[ti], o, out);
        ++ti;
      }
    }
  }
  words.resize(static_cast<size_t>(out - words.data()));
}

}  // namespace communique::internal
