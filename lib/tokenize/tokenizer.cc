#include "tokenize/tokenizer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>

#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/hash.h"
#include "core/tables.h"
#include "tokenize/chars.h"

namespace communique::internal {
namespace {

// Bits of ASCII bytes: letter, upper-case letter, digit, and kBitPlainEnd
// for the bytes after a run of letters and digits that end a word with no
// further test in ScanWord or Tokenize: all ASCII but letters, digits,
// . ' - & (which may continue it) and @ _ + (which may continue an e-mail
// address). kBitNoUrl: a letter that starts no URL ("http", "www"): all
// but h and w. kBitMark: punctuation that Tokenize makes a token of its own
// whatever follows (but a run of ! and ?, and a period PeriodEndsWord
// decides). 0 for bytes >= 0x80.
constexpr uint8_t kBitLetter = 1, kBitUpper = 2, kBitDigit = 4, kBitPlainEnd = 8, kBitNoUrl = 16,
                  kBitMark = 32;
struct WordBits {
  uint8_t bits[256] = {};
  constexpr WordBits() {
    for (int c = 0; c < 128; ++c) bits[c] = kBitPlainEnd;
    for (int c = 'a'; c <= 'z'; ++c) bits[c] = kBitLetter | kBitNoUrl;
    for (int c = 'A'; c <= 'Z'; ++c) bits[c] = kBitLetter | kBitUpper | kBitNoUrl;
    for (char c : {'h', 'H', 'w', 'W'}) bits[static_cast<uint8_t>(c)] &= static_cast<uint8_t>(~kBitNoUrl);
    for (int c = '0'; c <= '9'; ++c) bits[c] = kBitDigit;
    for (char c : {'.', '\'', '-', '&', '@', '_', '+'}) bits[static_cast<uint8_t>(c)] = 0;
    for (char c : {',', ';', ':', ')', '!', '?', '.'}) bits[static_cast<uint8_t>(c)] |= kBitMark;
  }
};
constexpr WordBits kWordBitsTable;
// Per ASCII letter or digit, what it adds to ScanWord's counters (the last
// bytes of a text): letters in bits 0-15, capitals in bits 16-31, digits from
// bit 32; 0 for other bytes.
struct WordCounts {
  uint64_t add[256] = {};
  constexpr WordCounts() {
    for (int c = 'a'; c <= 'z'; ++c) add[c] = 1;
    for (int c = 'A'; c <= 'Z'; ++c) add[c] = 1 | (uint64_t{1} << 16);
    for (int c = '0'; c <= '9'; ++c) add[c] = uint64_t{1} << 32;
  }
};
constexpr WordCounts kWordCounts;
constexpr const uint8_t* kAsciiWordBits = kWordBitsTable.bits;

// Eight bytes at once (SWAR): bit 7 of each byte of a mask is set where that
// byte is an ASCII letter, an upper-case ASCII letter, an ASCII digit.
constexpr uint64_t kHighBits = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
struct WordMasks {
  uint64_t letter, upper, digit;
};
// Bit 7 of each byte of v (all bytes < 0x80) where lo <= byte <= hi: the
// additions cannot carry into the next byte.
constexpr uint64_t InRange(uint64_t v, uint8_t lo, uint8_t hi) {
  return (v + kOnes * (0x80u - lo)) & ~(v + kOnes * (0x7Fu - hi)) & kHighBits;
}
inline WordMasks WordMasks8(uint64_t w) {
  const uint64_t ascii = ~w & kHighBits, low = w & ~kHighBits;
  return {InRange(low | (kOnes * 0x20), 'a', 'z') & ascii, InRange(low, 'A', 'Z') & ascii,
          InRange(low, '0', '9') & ascii};
}
// The number of bytes whose bit 7 is set in a mask with no other bits.
inline uint32_t CountHighBits(uint64_t m) { return static_cast<uint32_t>(((m >> 7) * kOnes) >> 56); }

// The bytes after a word that may continue it as an e-mail address: @ . _ - +
inline bool MayContinueEmail(char c) {
  const auto d = static_cast<uint8_t>(static_cast<uint8_t>(c) - '+');
  constexpr uint64_t kMask = (uint64_t{1} << ('@' - '+')) | (uint64_t{1} << ('.' - '+')) |
                             (uint64_t{1} << ('_' - '+')) | (uint64_t{1} << ('-' - '+')) | 1;
  return d < 64 && ((kMask >> d) & 1);
}

// Writes a token whose norm is its span in the pool's mirror (moved by
// norm_base), with no quote role or clitic, as three scalar stores of its
// bytes: GCC packs a Token built field by field through vector registers
// (about ten instructions more).
inline void StoreMirrored(Token* t, uint32_t begin, uint32_t end, uint32_t norm_base, TokenKind kind,
                          uint8_t flags) {
  static_assert(std::endian::native == std::endian::little && sizeof(Token) == 20 &&
                offsetof(Token, norm) == 8 && offsetof(Token, kind) == 16 &&
                offsetof(Token, quote) == 17 && offsetof(Token, flags) == 18 &&
                offsetof(Token, clitic) == 19 && static_cast<int>(QuoteRole::kNone) == 0);
  const uint64_t span = begin | (uint64_t{end} << 32);
  const uint64_t norm = span + norm_base * 0x100000001ull;  // no carry: norm_base + end < 2^32
  const uint32_t rest = static_cast<uint32_t>(kind) | (uint32_t{flags} << 16);
  auto* bytes = reinterpret_cast<unsigned char*>(t);
  std::memcpy(bytes + offsetof(Token, span), &span, 8);
  std::memcpy(bytes + offsetof(Token, norm), &norm, 8);
  std::memcpy(bytes + offsetof(Token, kind), &rest, 4);
}

constexpr uint32_t kMaxTrailingHyphenWord = 5;  // "th-", "man-": disfluencies


// The run of ASCII letters and digits at p (an ASCII letter), if shorter
// than 16 bytes: a plain word when the byte after it ends it (kBitPlainEnd,
// tested by the caller), ScanWord's common case. Reads the 16 bytes
// p[0..15] as one vector, sets its flags (kTokenCapitalized,
// kTokenHasDigit, kTokenAllUpper) and HashWord of its norm (the run with
// capitals lowered); returns its length, 0 if it is 16 bytes or longer.
// Without SSE2 there is no plain word (ScanWord decides).
inline uint32_t PlainWord16(const char* p, uint8_t* flags, uint64_t* hash) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // lo <= byte <= hi as one signed compare: the addition maps [lo, hi] to
  // the lowest signed values and every other byte above them.
  auto in_range = [](__m128i x, char lo, char hi) {
    return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(-128 - lo))),
                          _mm_set1_epi8(static_cast<char>(-127 + (hi - lo))));
  };
  const auto m_upper = static_cast<uint32_t>(_mm_movemask_epi8(in_range(v, 'A', 'Z')));
  // Bit 5 set: a letter lowered, a digit (0x30-0x39) as it is.
  const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const auto m_letter = static_cast<uint32_t>(_mm_movemask_epi8(in_range(folded, 'a', 'z')));
  const auto m_digit = static_cast<uint32_t>(_mm_movemask_epi8(in_range(v, '0', '9')));
  const uint32_t stop = ~(m_letter | m_digit) & 0xFFFFu;
  if (!stop) return 0;
  const auto len = static_cast<uint32_t>(__builtin_ctz(stop));
  const uint32_t keep = (1u << len) - 1, uppers = m_upper & keep;
  uint8_t f = (m_upper & 1) ? kTokenCapitalized : 0;
  if (m_digit & keep) f |= kTokenHasDigit;
  if (!(m_letter & ~m_upper & keep) && (uppers & (uppers - 1))) f |= kTokenAllUpper;  // >= 2 capitals, no small letter
  *flags = f;
  // The norm zero-padded to 16 bytes: its two eight-byte words are what
  // HashWord (core/hash.h) mixes in, with no per-length masking. The 16
  // bytes from kKeepBytes + 16 - len keep the first len bytes.
  static constexpr uint8_t kKeepBytes[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                             0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  const __m128i keep_bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKeepBytes + 16 - len));
  const __m128i norm = _mm_and_si128(folded, keep_bytes);  // the first len bytes: letters and digits
  // HashWord's start for each length below 16, by table (no multiplication).
  static constexpr auto kLengthSeeds = [] {
    std::array<uint64_t, 16> seeds{};
    for (uint64_t k = 0; k < 16; ++k) seeds[k] = kHashSeed ^ (k * kHashLengthFactor);
    return seeds;
  }();
  uint64_t h = kLengthSeeds[len], tail = static_cast<uint64_t>(_mm_cvtsi128_si64(norm));
  if (len >= 8) {
    h = (h ^ tail) * kHashChunkFactor;
    h ^= h >> 31;
    tail = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(norm, norm)));
  }
  h = MixHash(h ^ tail);
  *hash = h == 0 ? 1 : h;
  return len;
#else
  (void)p, (void)flags, (void)hash;
  return 0;
#endif
}


// HashWord of each one-byte ASCII norm (capitals lowered first).
struct ByteHashes {
  uint64_t of[128];
  ByteHashes() {
    for (int c = 0; c < 128; ++c) {
      const char b = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      of[c] = HashWord(std::string_view(&b, 1));
    }
  }
};
const ByteHashes kByteHashes;

bool StartsWithCI(std::string_view text, size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}


// A common top-level domain at pos, followed by a non-letter.
bool IsTopLevelDomain(std::string_view text, size_t pos) {
  static constexpr std::string_view kDomains[] = {"com", "org", "net", "gov", "edu", "int", "info",
                                                  "io",  "us",  "uk",  "ru",  "cn",  "de",  "fr"};
  for (std::string_view d : kDomains) {
    if (text.substr(pos, d.size()) != d) continue;
    size_t after = pos + d.size();
    if (after >= text.size()) return true;
    char c = text[after];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return true;
  }
  return false;
}

bool IsUrlChar(char c) {
  return c > ' ' && c != '"' && c != '<' && c != '>' && static_cast<uint8_t>(c) < 0x80;
}

bool IsEmailChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '@';
}

bool StartsUrlPrefix(std::string_view text, size_t pos) {
  return StartsWithCI(text, pos, "http://") || StartsWithCI(text, pos, "https://") || StartsWithCI(text, pos, "www.");
}

// A URL starts at text[pos]. Inline: the first two letters ("ht", "ww")
// rule out most words.
[[gnu::always_inline]] inline bool StartsUrl(std::string_view text, size_t pos) {
  const char c = static_cast<char>(text[pos] | 0x20);
  if (c != 'h' && c != 'w') return false;
  if (pos + 1 >= text.size() || static_cast<char>(text[pos + 1] | 0x20) != (c == 'h' ? 't' : 'w')) return false;
  return StartsUrlPrefix(text, pos);
}

uint32_t ScanUrl(std::string_view text, uint32_t pos) {
  uint32_t end = pos;
  int parens = 0;
  while (end < text.size() && IsUrlChar(text[end])) {
    if (text[end] == '(') ++parens;
    if (text[end] == ')') {
      if (parens == 0) break;
      --parens;
    }
    ++end;
  }
  while (end > pos + 1) {  // trailing sentence punctuation is not part of a URL
    char c = text[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'')
      --end;
    else
      break;
  }
  return end;
}

// Whether the run of e-mail characters from pos (after a word) reaches an
// '@': ScanEmail finds no address otherwise, as a word holds no '@'.
bool ReachesEmailAt(std::string_view text, uint32_t pos) {
  while (pos < text.size() && text[pos] != '@' && IsEmailChar(text[pos])) ++pos;
  return pos < text.size() && text[pos] == '@';
}

// An e-mail address starting at pos, or pos if there is none.
uint32_t ScanEmail(std::string_view text, uint32_t pos) {
  uint32_t end = pos, at = 0;
  while (end < text.size() && IsEmailChar(text[end])) {
    if (text[end] == '@') {
      if (at) return pos;
      at = end;
    }
    ++end;
  }
  while (end > pos && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
  if (!at || at == pos) return pos;
  std::string_view domain = text.substr(at + 1, end - at - 1);
  size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return pos;
  return end;
}

}  // namespace

Result<std::unique_ptr<Tokenizer>> Tokenizer::Create() {
  std::unique_ptr<Tokenizer> t(new Tokenizer());
  Tsv tsv;
  if (Status s = LoadTable("abbreviations.tsv", 2, &tsv); !s.ok()) return s;
  for (const TsvRow& row : tsv.rows) {
    AbbreviationKind kind = row.fields[1] == "title"   ? AbbreviationKind::kTitle
                            : row.fields[1] == "month" ? AbbreviationKind::kMonth
                            : row.fields[1] == "numbered" ? AbbreviationKind::kNumbered
                                                       : AbbreviationKind::kOther;
    t->abbreviations_[std::string(row.fields[0])] = kind;
    t->abbreviation_filter_.Add(row.fields[0]);
  }
  if (Status s = LoadTable("hyphen_prefixes.tsv", 1, &tsv); !s.ok()) return s;
  for (const TsvRow& row : tsv.rows) t->hyphen_prefixes_.insert(std::string(row.fields[0]));
  if (Status s = LoadTable("number_words.tsv", 3, &tsv); !s.ok()) return s;
  for (const TsvRow& row : tsv.rows) t->number_words_.insert(std::string(row.fields[0]));
  return t;
}

AbbreviationKind Tokenizer::Abbreviation(std::string_view word) const noexcept {
  if (word.empty() || word.size() > 8 || !abbreviation_filter_.MayContain(word)) return AbbreviationKind::kNone;
  auto it = abbreviations_.find(word);
  return it == abbreviations_.end() ? AbbreviationKind::kNone : it->second;
}

bool Tokenizer::IsNumberWord(std::string_view lower) const noexcept {
  return lower.size() <= 12 && number_words_.find(lower) != number_words_.end();
}

bool Tokenizer::JoinsHyphen(std::string_view left, std::string_view text,
                            uint32_t hyphen) const {
  if (left.empty() || left.size() > 12) return false;
  char left_buf[12], right_buf[16];
  const std::string_view lower = AsciiLowerInto(left, left_buf);
  if (hyphen_prefixes_.find(lower) != hyphen_prefixes_.end()) return true;
  uint32_t right_begin = hyphen + 1;
  if (static_cast<uint8_t>(text[hyphen]) >= 0x80) right_begin = hyphen + 3;  // U+2010/2011
  uint32_t right_end = right_begin;
  while (right_end < text.size() && right_end - right_begin <= 12) {
    char c = text[right_end];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) break;
    ++right_end;
  }
  std::string_view right = text.substr(right_begin, right_end - right_begin);
  if (IsNumberWord(lower) && !right.empty() && IsNumberWord(AsciiLowerInto(right, right_buf))) return true;
  // A single letter before the hyphen: e-mail, X-ray, T-shirt.
  if (left.size() == 1 && ((left[0] >= 'a' && left[0] <= 'z') || (left[0] >= 'A' && left[0] <= 'Z')))
    return true;
  return false;
}

// Inline in Tokenize, its one caller: called once per word.
[[gnu::always_inline]] inline uint32_t Tokenizer::ScanWord(std::string_view text, uint32_t pos,
                                                           uint8_t* flags, uint8_t* clitic,
                                                           int open_single_quotes) const {
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t i = pos, seg_start = pos, apostrophe = 0;
  uint32_t letters = 0, uppers = 0;
  bool inner_period = false, first = true;
  while (i < n) {
    // Fast path: a run of ASCII letters and digits, eight bytes at a time
    // (WordMasks8), the last few bytes of the text through a table.
    if (i < n && IsAsciiAlnum(static_cast<uint8_t>(text[i]))) {
      if (first && (kAsciiWordBits[static_cast<uint8_t>(text[i])] & kBitUpper)) *flags |= kTokenCapitalized;
      uint64_t digits = 0;
      bool stopped = false;
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        const WordMasks m = WordMasks8(w);
        const uint64_t stop = ~(m.letter | m.digit) & kHighBits;
        const uint64_t keep = stop ? (stop & (~stop + 1)) - 1 : ~uint64_t{0};  // bytes before the stop
        letters += CountHighBits(m.letter & keep);
        uppers += CountHighBits(m.upper & keep);
        digits |= m.digit & keep;
        if (stop) {
          i += static_cast<uint32_t>(__builtin_ctzll(stop) >> 3);
          stopped = true;
          break;
        }
        i += 8;
      }
      if (!stopped) {  // fewer than 8 bytes left in the text
        uint64_t acc = 0, e;
        while (i < n && ((e = kWordCounts.add[static_cast<uint8_t>(text[i])]) != 0)) {
          acc += e;
          ++i;
        }
        letters += static_cast<uint32_t>(acc & 0xFFFF);
        uppers += static_cast<uint32_t>((acc >> 16) & 0xFFFF);
        digits |= acc >> 32;
      }
      if (digits) *flags |= kTokenHasDigit;
      first = false;
    }
    if (i >= n) break;
    char stop = text[i];
    if (stop == ' ' || stop == ',' || stop == '\n' || stop == ')' || stop == ';' || stop == ':') break;
    CharInfo c = ClassifyAt(text, i);
    if (IsWordChar(c.cls)) {
      if (c.cls == CharClass::kLetter) {
        ++letters;
        if (c.upper) {
          ++uppers;
          if (first) *flags |= kTokenCapitalized;
        }
      } else if (c.cls == CharClass::kDigit) {
        *flags |= kTokenHasDigit;
      }
      first = false;
      i += c.len;
      continue;
    }
    // At the end of the text the next character reads as a space.
    CharInfo next = i + c.len < n ? ClassifyAt(text, i + c.len)
                                  : CharInfo{CharClass::kSpace, ' ', 1, false, false};
    std::string_view segment = text.substr(seg_start, i - seg_start);
    if (c.cls == CharClass::kPeriod) {
      if (next.cls == CharClass::kLetter) {
        // U.S., e.g., a.m., Ph.D.: short segments chained by periods.
        bool chain = segment.size() <= 2;
        // podiobooks.com, alt.religion: lower-case dotted names; Metro.us: a domain.
        bool dotted = !chain && segment.size() >= 2 && next.lower &&
                      (uppers == 0 || IsTopLevelDomain(text, i + 1));
        if (chain || dotted) {
          inner_period = inner_period || chain;
          i += 1;
          seg_start = i;
          continue;
        }
        break;
      }
      std::string_view word = text.substr(pos, i - pos);
      AbbreviationKind kind = Abbreviation(word);
      if (kind == AbbreviationKind::kNumbered) {  // "No. 8" but "said no."
        size_t k = i + 1;
        while (k < n && text[k] == ' ') ++k;
        if (k >= n || text[k] < '0' || text[k] > '9') kind = AbbreviationKind::kNone;
      }
      bool keep = inner_period || kind != AbbreviationKind::kNone ||
                  (word.size() == 1 && (*flags & kTokenCapitalized));
      if (keep) {
        *flags |= kTokenAbbreviation;
        i += 1;
      }
      break;
    }
    if (c.cls == CharClass::kApostrophe) {
      if (next.cls == CharClass::kLetter && i > pos) {
        apostrophe = i;
        i += c.len;
        seg_start = i;
        continue;
      }
      char last = text[i - 1];
      if ((last == 's' || last == 'S') && open_single_quotes == 0 && !IsWordChar(next.cls)) {
        apostrophe = i;  // plural possessive: Galois', States'
        i += c.len;
      }
      break;
    }
    if (c.cls == CharClass::kHyphen) {
      if (IsWordChar(next.cls)) {
        if (JoinsHyphen(segment, text, i)) {
          *flags |= kTokenHyphenated;
          i += c.len;
          seg_start = i;
          continue;
        }
        break;
      }
      if (IsSpaceClass(next.cls) && i - pos <= kMaxTrailingHyphenWord && letters > 0 &&
          !(*flags & kTokenCapitalized && uppers > 1)) {
        i += c.len;  // "th-": a word cut off in speech
      }
      break;
    }
    if (c.cp == '&' && uppers > 0 && next.upper && segment.size() <= 3) {  // AT&T, S&P
      i += 1;
      seg_start = i;
      continue;
    }
    break;
  }
  if (letters >= 2 && uppers == letters) *flags |= kTokenAllUpper;
  if (apostrophe) {
    uint32_t clitic_begin = apostrophe;
    std::string_view suffix = text.substr(apostrophe, i - apostrophe);
    size_t apos_len = static_cast<uint8_t>(text[apostrophe]) >= 0x80 ? 3 : 1;
    std::string_view after = suffix.substr(apos_len);
    // The clitics below are at most two letters: a longer suffix is none of
    // them in any case, and is not lowered.
    char lower_buf[2];
    const std::string_view lower = after.size() <= 2 ? AsciiLowerInto(after, lower_buf) : after;
    if (lower == "t" && apostrophe > pos && (text[apostrophe - 1] == 'n' || text[apostrophe - 1] == 'N'))
      clitic_begin = apostrophe - 1;  // n't
    else if (!(lower.empty() || lower == "s" || lower == "re" || lower == "ve" || lower == "ll" ||
               lower == "d" || lower == "m"))
      clitic_begin = i;  // O'Brien, L'Enfant: no clitic
    *clitic = static_cast<uint8_t>(i - clitic_begin > 255 ? 0 : i - clitic_begin);
  }
  return i;
}

uint32_t Tokenizer::ScanNumber(std::string_view text, uint32_t pos, bool line_start) const {
  const uint32_t n = static_cast<uint32_t>(text.size());
  auto digit = [&](uint32_t k) { return k < n && text[k] >= '0' && text[k] <= '9'; };
  auto digits_from = [&](uint32_t k) {
    uint32_t e = k;
    while (digit(e)) ++e;
    return e - k;
  };
  uint32_t i = pos;
  while (i < n && (digit(i) || ClassifyAt(text, i).cls == CharClass::kDigit)) i += ClassifyAt(text, i).len;
  uint32_t lead_digits = i - pos;
  while (i < n) {
    char c = text[i];
    if (c == ',' && digits_from(i + 1) == 3) { i += 4; continue; }
    if (c == '.' && digit(i + 1)) { i += 1; while (digit(i)) ++i; continue; }
    if (c == ':' && lead_digits <= 2 && digits_from(i + 1) == 2) { i += 3; continue; }
    if (c == '/' && digit(i + 1)) { i += 1; while (digit(i)) ++i; continue; }
    if (c == '-' && lead_digits == 4 && i == pos + 4 && digits_from(i + 1) == 2 && i + 3 < n &&
        text[i + 3] == '-' && digits_from(i + 4) == 2) {
      i += 6;  // ISO date 2021-08-02
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {  // 21st, 1960s, 10bn, 4A
      while (i < n && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z') ||
                       digit(i)))
        ++i;
      continue;
    }
    if ((c == '\'' || StartsWithCI(text, i, "\xE2\x80\x99")) ) {  // 2003's
      uint32_t len = c == '\'' ? 1 : 3;
      if (i + len < n && (text[i + len] == 's') &&
          (i + len + 1 >= n || !IsWordChar(ClassifyAt(text, i + len + 1).cls))) {
        i += len + 1;
      }
      break;
    }
    break;
  }
  // "1." numbering a list item at the start of a line.
  if (line_start && i < n && text[i] == '.' && i - pos <= 3 &&
      (i + 1 >= n || text[i + 1] == ' ' || text[i + 1] == '\t'))
    ++i;
  return i;
}

namespace {

// ASCII upper-case letters of eight bytes to lower case; other bytes unchanged.
inline uint64_t LowerAscii8(uint64_t w) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  uint64_t h = w & ~kHigh;
  uint64_t ge_a = h + 0x3f3f3f3f3f3f3f3full;  // bit 7 set where h >= 'A'
  uint64_t gt_z = h + 0x2525252525252525ull;  // bit 7 set where h > 'Z'
  uint64_t upper = (ge_a ^ gt_z) & ~w & kHigh;
  return w ^ (upper >> 2);
}

// Non-ASCII surface: curly quotes, dashes and invalid bytes mapped, then NFC +
// case fold (skipped when the mapping leaves only ASCII: "it’s").
void FoldNonAscii(std::string_view surface, std::string* folded_out) {
  std::string mapped;
  mapped.reserve(surface.size());
  for (size_t k = 0; k < surface.size();) {
    Decoded d = DecodeAt(surface, k);
    switch (d.cp) {
      case 0x2018: case 0x2019: case 0x201A: case 0x2032: mapped.push_back('\''); break;
      case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033:
        mapped.push_back('"'); break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        mapped.push_back('-'); break;
      case 0x2026: mapped.append("..."); break;
      case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: break;
      default: AppendUtf8(d.cp, &mapped); break;
    }
    k += d.len;
  }
  bool mapped_ascii = true;
  for (char c : mapped) mapped_ascii &= static_cast<uint8_t>(c) < 0x80;
  if (mapped_ascii) {
    for (char c : mapped) folded_out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c);
    return;
  }
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t len = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(mapped.data()),
      static_cast<utf8proc_ssize_t>(mapped.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (len >= 0 && folded) folded_out->append(reinterpret_cast<const char*>(folded), static_cast<size_t>(len));
  else folded_out->append(mapped);
  std::free(folded);
}

}  // namespace

// Inline in Tokenize: called once per token. Sets the token's norm and
// returns its HashWord: an ASCII token's norm is its span in the pool's
// mirror, hashed eight bytes at a time (core/hash.h); other norms are
// appended (NonAsciiNorm).
[[gnu::always_inline]] inline uint64_t Tokenizer::AppendNorm(std::string_view text, uint32_t begin,
                                                             uint32_t end, NormPool* pool,
                                                             Token* token) const {
  const size_t len = end - begin;
  const char* const mirror = pool->data + pool->base + begin;
  token->norm = {pool->base + begin, pool->base + end};
  if (len == 1 && static_cast<uint8_t>(*mirror) < 0x80)  // punctuation mostly: the hash by table
    return kByteHashes.of[static_cast<uint8_t>(text[begin])];
  // The loads may run up to 7 bytes past the token: the mirror is followed
  // by at least kSlack bytes of the pool.
  uint64_t high = 0;
  uint64_t h = kHashSeed ^ (static_cast<uint64_t>(len) * kHashLengthFactor);
  size_t k = 0;
  for (; k + 8 <= len; k += 8) {
    uint64_t w;
    std::memcpy(&w, mirror + k, 8);
    high |= w;
    h = (h ^ w) * kHashChunkFactor;
    h ^= h >> 31;
  }
  uint64_t tail = 0;  // the last len - k bytes, little-endian, zero-padded
  if (k < len) {
    std::memcpy(&tail, mirror + k, 8);
    tail &= ~uint64_t{0} >> (8 * (8 - (len - k)));
    high |= tail;
  }
  if (!(high & 0x8080808080808080ull)) {
    h = MixHash(h ^ tail);
    return h == 0 ? 1 : h;
  }
  NonAsciiNorm(text, begin, len, pool, token);
  return HashWord(std::string_view(pool->data + token->norm.begin, token->norm.size()));
}

// Whether the period after the plain word text[pos, pos + len) is a token
// of its own, as ScanWord and Tokenize would make it: the word is no
// abbreviation (nor one capital, an initial) and the byte after the period
// is a space, a line break, a no-break space or ASCII punctuation that
// continues neither a word, an address nor a run of periods.
inline bool Tokenizer::PeriodEndsWord(std::string_view text, uint32_t pos, uint32_t len,
                                      uint8_t flags) const {
  const uint32_t dot = pos + len;
  if (text.size() - dot < 3) return false;  // the period, its next byte, one more
  const auto next = static_cast<uint8_t>(text[dot + 1]);
  if (next < 0x80 ? !(kAsciiWordBits[next] & kBitPlainEnd) || next == '%'
                  : !(next == 0xC2 && static_cast<uint8_t>(text[dot + 2]) == 0xA0))
    return false;
  if (len == 1 && (flags & kTokenCapitalized)) return false;
  return Abbreviation(text.substr(pos, len)) == AbbreviationKind::kNone;
}

// Inline in Tokenize: called at most once per word.
[[gnu::always_inline]] inline uint32_t Tokenizer::EmitPlainWords(std::string_view text, uint32_t pos,
                                                                 uint8_t flags, uint32_t norm_base,
                                                                 TokenSink* sink, uint32_t* rejected) const {
  const auto n = static_cast<uint32_t>(text.size());
  if (n - pos < 16) return 0;
  // The cursors in locals: the compiler would reload them from *sink after
  // every store of a token's byte fields (a char store may alias them).
  Token* tok = sink->tok;
  Token* limit = sink->limit;
  uint64_t* hash = sink->hash;
  uint8_t* start = sink->start;
  const uint8_t* const slots = start_words_.slots();
  const char* const s = text.data();
  // The last end of a word from which a next word's 16 bytes and up to 2
  // bytes before it lie in the text (none if n < 18: done > 0 after a word).
  const uint32_t last_done = n >= 18 ? n - 18 : 0;
  uint32_t done = 0;
  // kStartBreak when the word starts a line: `flags`'s line bits, kept as
  // the start bit itself (no test per word).
  uint8_t line_break = (flags & (kTokenLineStart | kTokenParagraphStart)) ? kStartBreak : 0;
  for (;;) {  // n - pos >= 16: PlainWord16 reads 16 bytes
    if (tok + 2 > limit) {  // a word and a mark (a pointer compare: no division by sizeof(Token))
      sink->tok = tok, sink->hash = hash, sink->start = start;
      sink->Grow();
      tok = sink->tok, limit = sink->limit, hash = sink->hash, start = sink->start;
    }
    Token t;
    const uint32_t len = PlainWord16(s + pos, &t.flags, hash);
    if (!len) {
      *rejected = pos;
      break;
    }
    const auto after = static_cast<uint8_t>(s[pos + len]);
    const uint8_t after_bits = kAsciiWordBits[after];
    // A no-break space ends a word as a space does (ScanWord's class kSpace):
    // some sources put one after every other word.
    if (!(after_bits & kBitPlainEnd) && !(after == 0xC2 && n - (pos + len) > 1 && s[pos + len + 1] == '\xA0') &&
        !(after == '.' && PeriodEndsWord(text, pos, len, t.flags))) {
      *rejected = pos;
      break;
    }
    StoreMirrored(tok++, pos, pos + len, norm_base, TokenKind::kWord, static_cast<uint8_t>(t.flags | flags));
    // StartsOf a plain word (no hyphen, clitic or abbreviation): its start
    // words' slot; a capital starts a name and is a capital word (an
    // all-upper plain word is capitalized), with three letters an ISO
    // code's shape (a figure); a line's first word stops the segmenter.
    uint8_t word_starts = slots[*hash++ >> StartWords::kSlotShift];
    if (t.flags & kTokenCapitalized)
      word_starts |= len == 3 ? kStartName | kStartCapital | kStartFigure : kStartName | kStartCapital;
    word_starts |= line_break;
    *start++ = word_starts;
    done = pos + len;
    if (after_bits & kBitMark) {
      // A mark glued to the word (a period that ends it): as Tokenize would
      // make it, but for a run of ! and ?.
      if ((after == '!' || after == '?') && done + 1 < n && (s[done + 1] == '!' || s[done + 1] == '?')) break;
      StoreMirrored(tok++, done, done + 1, norm_base, TokenKind::kPunctuation, 0);
      *hash++ = kByteHashes.of[after];
      *start++ = mark_starts_[after];
      ++done;
    }
    // The next word after a space, a no-break space or one or two line
    // breaks (with the flags Tokenize would give it), unless it may be a
    // URL (or is too close to the end of the text for PlainWord16).
    if (done > last_done) break;
    uint32_t gap = 1;
    uint8_t next_flags = kTokenSpaceBefore, next_break = 0;
    if (s[done] != ' ') {
      if (s[done] == '\n') {
        next_flags |= kTokenLineStart;
        next_break = kStartBreak;
        if (s[done + 1] == '\n') gap = 2, next_flags |= kTokenParagraphStart;
      } else if (s[done] == '\xC2' && s[done + 1] == '\xA0') {
        gap = 2;
      } else {
        break;
      }
    }
    const auto next = static_cast<uint8_t>(s[done + gap]);
    if (!(kAsciiWordBits[next] & kBitNoUrl) &&
        (!(kAsciiWordBits[next] & kBitLetter) || StartsUrl(text, done + gap)))
      break;
    pos = done + gap;
    flags = next_flags;
    line_break = next_break;
  }
  sink->tok = tok, sink->hash = hash, sink->start = start;
  return done;
}

void Tokenizer::NonAsciiNorm(std::string_view text, uint32_t begin, size_t len, NormPool* pool,
                             Token* token) {
  pool->Reserve(len);
  token->norm.begin = static_cast<uint32_t>(pool->size);
  char* dest = pool->data + pool->size;
  const char* const mirror = pool->data + pool->base + begin;
  // Curly quotes and dashes among ASCII ("Russia’s", "—"): mapped in place,
  // never longer than the surface.
  {
    std::string_view surface = text.substr(begin, len);
    size_t out = 0;
    bool simple = true;
    for (size_t j = 0; j < len && simple;) {
      auto c = static_cast<uint8_t>(surface[j]);
      if (c < 0x80) {
        // A run of ASCII, lowered in the mirror: eight bytes at a time (the
        // load and the store may run 7 bytes past the token: the pool has
        // slack after the mirror and after these bytes).
        uint64_t w;
        std::memcpy(&w, mirror + j, 8);
        const uint64_t high = w & 0x8080808080808080ull;
        const size_t run = std::min<size_t>(high ? static_cast<size_t>(__builtin_ctzll(high) >> 3) : 8, len - j);
        std::memcpy(dest + out, &w, 8);
        out += run;
        j += run;
        continue;
      }
      // General punctuation (E2 80 xx: curly quotes, dashes) without the call.
      const Decoded d = c == 0xE2 && j + 2 < len && surface[j + 1] == '\x80' &&
                                (static_cast<uint8_t>(surface[j + 2]) & 0xC0) == 0x80
                            ? Decoded{0x2000 + (static_cast<uint8_t>(surface[j + 2]) & 0x3Fu), 3, true}
                            : DecodeAt(surface, j);
      switch (d.cp) {
        case 0x2018: case 0x2019: case 0x201A: case 0x2032: dest[out++] = '\''; break;
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033: dest[out++] = '"'; break;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
          dest[out++] = '-'; break;
        case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: break;
        default: simple = false; break;
      }
      j += d.len;
    }
    if (simple) {
      pool->size += out;
      token->norm.end = static_cast<uint32_t>(pool->size);
      return;
    }
  }
  std::string folded;
  FoldNonAscii(text.substr(begin, len), &folded);
  pool->Reserve(folded.size());
  std::memcpy(pool->data + pool->size, folded.data(), folded.size());
  pool->size += folded.size();
  token->norm.end = static_cast<uint32_t>(pool->size);
}

namespace {

// text with ASCII capitals lowered, written to dest (text.size() bytes).
void LowerAsciiTo(std::string_view text, char* dest) {
  size_t k = 0;
#if defined(__SSE2__)
  for (; k + 16 <= text.size(); k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + k));
    // 'A' <= byte <= 'Z' as one signed compare (as in PlainWord16).
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(-128 - 'A'))),
                                         _mm_set1_epi8(static_cast<char>(-127 + ('Z' - 'A'))));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dest + k),
                     _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
  }
#endif
  for (; k + 8 <= text.size(); k += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + k, 8);
    w = LowerAscii8(w);
    std::memcpy(dest + k, &w, 8);
  }
  for (; k < text.size(); ++k) {
    const auto c = static_cast<uint8_t>(text[k]);
    dest[k] = static_cast<char>(static_cast<uint8_t>(c - 'A') < 26 ? c | 0x20 : c);
  }
}

}  // namespace

Tokenizer::NormPool::NormPool(std::string* s, std::string_view text)
    : str(s), base(static_cast<uint32_t>(s->size())), size(s->size() + text.size()) {
  // Room for the mirror and a sixteenth more for the other norms (news
  // text is mostly ASCII; Reserve grows the pool if need be).
  const size_t want = size + text.size() / 16 + kSlack;
  str->reserve(want);
  // The mirror is lowered into a buffer and appended a chunk at a time: a
  // resize first would zero-fill it (glibc's rep stosb above 2 KB, about
  // an instruction a byte in callgrind). A chunk's copy stays below glibc's
  // threshold for rep movsb.
  char chunk[1024];
  for (size_t k = 0; k < text.size(); k += sizeof chunk) {
    const std::string_view part = text.substr(k, sizeof chunk);
    LowerAsciiTo(part, chunk);
    str->append(chunk, part.size());
  }
  str->resize(want);
  data = str->data();
  cap = str->size();
}

void Tokenizer::NormPool::Grow(size_t n) {
  size_t want = std::max(str->size() * 2, size + n + kSlack);
  str->resize(want);
  data = str->data();
  cap = str->size();
}

Tokenizer::TokenSink::TokenSink(Analysis* analysis)
    : a(analysis), starts_complete(a->token_starts.size() == a->tokens.size()) {
  a->norm_hashes.resize(a->tokens.size());  // parallel to tokens (core/norm_hash.h)
  a->token_starts.resize(a->tokens.size());
  tok = limit = a->tokens.data() + a->tokens.size();
  hash = a->norm_hashes.data() + a->norm_hashes.size();
  start = a->token_starts.data() + a->token_starts.size();
}

void Tokenizer::TokenSink::Grow() {
  const auto done = static_cast<size_t>(tok - a->tokens.data());
  a->tokens.resize(done + kChunk);
  a->norm_hashes.resize(done + kChunk);
  a->token_starts.resize(done + kChunk);
  tok = a->tokens.data() + done;
  limit = tok + kChunk;
  hash = a->norm_hashes.data() + done;
  start = a->token_starts.data() + done;
}

void Tokenizer::TokenSink::Done(bool keep_starts) {
  const auto done = static_cast<size_t>(tok - a->tokens.data());
  a->tokens.resize(done);
  a->norm_hashes.resize(done);
  // Starts that miss earlier tokens or a stage's words are none.
  if (keep_starts && starts_complete) a->token_starts.resize(done);
  else a->token_starts.clear();
}

// TokenStart bits of a token's first byte: kStartName on A-Z and the lead
// bytes C3-DF (ner::CanStart).
constexpr std::array<uint8_t, 256> kFirstByteStarts = [] {
  std::array<uint8_t, 256> t{};
  for (size_t c = 0; c < t.size(); ++c)
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC3 && c < 0xE0)) t[c] = kStartName;
  return t;
}();

uint8_t Tokenizer::StartsOf(const Token& t, uint64_t h, uint8_t first, const char* pool) const {
  uint8_t s = start_words_.Of(h) | kFirstByteStarts[first];
  if (t.kind == TokenKind::kWord) {
    if ((t.flags & kTokenHyphenated) || ((t.flags & kTokenCapitalized) && t.span.size() == 3)) s |= kStartFigure;
    if (t.flags & (kTokenCapitalized | kTokenAllUpper)) s |= kStartCapital;
  } else if (t.kind == TokenKind::kPunctuation || t.kind == TokenKind::kQuote) {
    if (t.norm.size() == 1 && (pool[t.norm.begin] == '-' || pool[t.norm.begin] == '.')) s |= kStartFigure;
    if (t.kind == TokenKind::kQuote) s |= kStartQuote;
  } else {
    s |= kStartFigure;
  }
  if (t.clitic) s |= kStartMarker;
  if ((t.flags & (kTokenLineStart | kTokenParagraphStart | kTokenAbbreviation)) ||
      (t.kind == TokenKind::kPunctuation && (first == '.' || first == '?' || first == '!' || first == 0xE2)))
    s |= kStartBreak;
  return s;
}

void Tokenizer::SetStartWords(StartWords words) {
  start_words_ = std::move(words);
  has_start_words_ = true;
  for (size_t c = 0; c < mark_starts_.size(); ++c) {
    Token mark;
    mark.kind = TokenKind::kPunctuation;
    mark.span = {0, 1};
    mark.norm = {0, 1};
    const char norm = static_cast<char>(c);
    mark_starts_[c] = StartsOf(mark, kByteHashes.of[c], static_cast<uint8_t>(c), &norm);
  }
}

void Tokenizer::Tokenize(std::string_view text, uint32_t begin, Analysis* out) const {
  const uint32_t n = static_cast<uint32_t>(text.size());
  NormPool pool(&out->norm_pool, text);
  // News text has a token per ~5.5 bytes.
  out->tokens.reserve(out->tokens.size() + (n - begin) / 5 + 16);
  out->norm_hashes.resize(out->tokens.size());  // parallel to tokens (core/norm_hash.h)
  out->norm_hashes.reserve(out->tokens.capacity());
  out->token_starts.reserve(out->tokens.capacity());
  TokenSink sink(out);
  uint32_t pos = begin;
  uint32_t newlines = begin == 0 ? 2 : 0;
  if (begin > 0 && text[begin - 1] == '\n') newlines = 1;
  bool space_before = begin == 0 || IsSpaceClass(ClassifyAt(text, begin - 1).cls);
  bool first = true;
  int open_single = 0;
  CharClass prev_cls = CharClass::kSpace;
  uint32_t not_plain = n;  // a word EmitPlainWords rejected: not tried twice
  while (pos < n) {
    CharInfo c = ClassifyAt(text, pos);
    if (c.cls == CharClass::kSpace) { pos += c.len; space_before = true; prev_cls = c.cls; continue; }
    if (c.cls == CharClass::kNewline) {
      ++newlines;
      pos += c.len;
      space_before = true;
      prev_cls = c.cls;
      continue;
    }
    Token tok;
    tok.span.begin = pos;
    if (space_before) tok.flags |= kTokenSpaceBefore;
    if (newlines > 0) tok.flags |= kTokenLineStart;
    if (newlines >= 2 || first) tok.flags |= kTokenParagraphStart | kTokenLineStart;
    uint32_t end = pos + c.len;
    switch (c.cls) {
      case CharClass::kLetter:
      case CharClass::kMark:
        if (StartsUrl(text, pos)) {
          end = ScanUrl(text, pos);
          tok.kind = TokenKind::kUrl;
          break;
        }
        if (c.len == 1 && pos != not_plain) {
          if (const uint32_t e = EmitPlainWords(text, pos, tok.flags, pool.base, &sink, &not_plain)) {
            pos = e;  // as after any token, below
            prev_cls = kAsciiClass[static_cast<uint8_t>(text[e - 1])];
            newlines = 0;
            space_before = false;
            first = false;
            if (pos < n && text[pos] == ' ') {
              ++pos;
              space_before = true;
              prev_cls = CharClass::kSpace;
            }
            continue;
          }
        }
        end = ScanWord(text, pos, &tok.flags, &tok.clitic, open_single);
        if (end < n && MayContinueEmail(text[end]) && ReachesEmailAt(text, end)) {
          uint32_t email_end = ScanEmail(text, pos);
          if (email_end > pos) {
            end = email_end;
            tok.kind = TokenKind::kEmail;
            tok.flags &= static_cast<uint8_t>(~kTokenAbbreviation);
            tok.clitic = 0;
            break;
          }
        }
        tok.kind = TokenKind::kWord;
        break;
      case CharClass::kDigit:
        end = ScanNumber(text, pos, newlines > 0 || first);
        tok.kind = TokenKind::kNumber;
        tok.flags |= kTokenHasDigit;
        break;
      case CharClass::kApostrophe:
      case CharClass::kQuote: {
        tok.kind = TokenKind::kQuote;
        bool before_word = end < n && IsWordChar(ClassifyAt(text, end).cls);
        bool after_space = IsSpaceClass(prev_cls) || prev_cls == CharClass::kPunct ||
                           prev_cls == CharClass::kDash || prev_cls == CharClass::kQuote || first;
        if (c.cp == '`' || (c.cp == '\'' && end < n && text[end] == '\'')) {
          if (end < n && text[end] == text[pos]) ++end;  // `` or ''
          tok.quote = c.cp == '`' ? QuoteRole::kOpen : QuoteRole::kClose;
          break;
        }
        if (c.cls == CharClass::kApostrophe && after_space && end + 1 < n && text[end] >= '0' &&
            text[end] <= '9' && text[end + 1] >= '0' && text[end + 1] <= '9') {
          end = ScanNumber(text, end, false);  // '90s
          tok.kind = TokenKind::kNumber;
          tok.flags |= kTokenHasDigit;
          break;
        }
        switch (c.cp) {
          case 0x201C: case 0x201E: case 0x00AB: case 0x2039: case 0x2018: case 0x201A:
            tok.quote = QuoteRole::kOpen; break;
          case 0x201D: case 0x00BB: case 0x203A:
            tok.quote = QuoteRole::kClose; break;
          default:
            if (after_space && before_word) tok.quote = QuoteRole::kOpen;
            else if (!after_space && !before_word) tok.quote = QuoteRole::kClose;
            else if (after_space && !before_word && end < n &&
                     (ClassifyAt(text, end).cls == CharClass::kQuote || ClassifyAt(text, end).cls == CharClass::kPunct))
              tok.quote = QuoteRole::kOpen;
            else tok.quote = QuoteRole::kAmbiguous;
            break;
        }
        if (c.cls == CharClass::kApostrophe || c.cp == 0x2018 || c.cp == 0x201A) {
          if (tok.quote == QuoteRole::kOpen) ++open_single;
          else if (tok.quote == QuoteRole::kClose && open_single > 0) --open_single;
        }
        break;
      }
      case CharClass::kPeriod:
      case CharClass::kHyphen:
        if (c.len == 1)  // a repeated ASCII mark; U+2010/2011 stand alone
          while (end < n && text[end] == text[pos]) ++end;  // "...", "--"
        tok.kind = TokenKind::kPunctuation;
        break;
      case CharClass::kPunct:
        if (c.cp == '!' || c.cp == '?')
          while (end < n && (text[end] == '!' || text[end] == '?')) ++end;
        tok.kind = TokenKind::kPunctuation;
        break;
      case CharClass::kDash:
      case CharClass::kComma:
        tok.kind = TokenKind::kPunctuation;
        break;
      case CharClass::kSymbol:
        tok.kind = TokenKind::kSymbol;
        if ((c.cp == '@' || c.cp == '#') && space_before && end < n && IsWordChar(ClassifyAt(text, end).cls)) {
          while (end < n) {
            CharInfo k = ClassifyAt(text, end);
            if (!IsWordChar(k.cls) && k.cp != '_') break;
            end += k.len;
          }
          tok.kind = TokenKind::kHandle;
        }
        break;
      case CharClass::kInvalid:
      case CharClass::kOther:
      default:
        tok.kind = TokenKind::kOther;
        while (end < n) {  // keep emoji sequences (ZWJ, modifiers) together
          CharInfo k = ClassifyAt(text, end);
          if (k.cls != CharClass::kMark) break;
          end += k.len;
          if (k.cp == 0x200D && end < n) end += ClassifyAt(text, end).len;
        }
        break;
    }
    tok.span.end = end;
    sink.Reserve(1);
    const uint64_t h = AppendNorm(text, pos, end, &pool, &tok);
    sink.Add(tok, h, StartsOf(tok, h, static_cast<uint8_t>(text[pos]), pool.data));
    prev_cls = kAsciiClass[static_cast<uint8_t>(text[end - 1]) & 0x7F];
    if (static_cast<uint8_t>(text[end - 1]) >= 0x80) {
      uint32_t k = end - 1;
      while (k > pos && (static_cast<uint8_t>(text[k]) & 0xC0) == 0x80) --k;
      prev_cls = ClassifyAt(text, k).cls;
    }
    pos = end;
    newlines = 0;
    space_before = false;
    first = false;
    if (pos < n && text[pos] == ' ') {  // the usual one space, as the loop's first step would
      ++pos;
      space_before = true;
      prev_cls = CharClass::kSpace;
    }
  }
  pool.Done();
  sink.Done(has_start_words_);
}

}  // namespace communique::internal
