// Writes an Analysis as one JSON object; the schema is docs/records.md.
#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <nlohmann/json.hpp>

#include "communique/json.h"
#include "core/utf8.h"

namespace communique {
inline namespace v1 {
namespace {

// Bytes written as they are inside a JSON string: printable ASCII but '"'
// and '\\'. Control bytes, DEL and non-ASCII take the slow path.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7f; ++c) t[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

#if defined(__SSE2__)
// Bit k set when byte k of the 16 at p needs an escape or a check: below
// 0x20, 0x7f, '"', '\\', or non-ASCII (a signed compare takes bytes >= 0x80
// as negative, so "< 0x20" catches them).
inline unsigned Bad16(__m128i v) {
  __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
  bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                       _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
  return static_cast<unsigned>(_mm_movemask_epi8(bad));
}
inline unsigned Bad16(const char* p) { return Bad16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))); }
#endif

// The same for the 8 bytes at p, one high bit per byte; bits above the
// lowest set one may be false alarms (borrows), the lowest is exact.
inline uint64_t Bad8(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  uint64_t w;
  std::memcpy(&w, p, 8);
  // w + 0x01 per byte sets bit 7 for 0x7f; w - 0x20 per byte borrows for bytes < 0x20.
  uint64_t bad = (w | ((w & ~kHigh) + kOnes)) & kHigh;  // >= 0x80 or == 0x7f
  bad |= (w - 0x2020202020202020ull) & ~w & kHigh;     // < 0x20
  bad |= has_zero(w ^ 0x2222222222222222ull) | has_zero(w ^ 0x5c5c5c5c5c5c5c5cull);
  return bad;
}

// The end of the run of plain bytes (kPlain) from s[i]. Blocks of 16 (SSE2,
// part of every x86-64) or 8 bytes; the last block overlaps the one before
// it instead of reading past s[n-1]; runs of fewer than 8 bytes go bytewise.
inline size_t PlainRun(const char* s, size_t i, size_t n) {
#if defined(__SSE2__)
  if (n - i >= 16) {
    // Two blocks a step: one test and one loop branch for 32 bytes.
    for (; i + 32 <= n; i += 32) {
      const unsigned m = Bad16(s + i) | Bad16(s + i + 16) << 16;
      if (m) return i + static_cast<size_t>(__builtin_ctz(m));
    }
    if (i + 16 <= n) {
      if (unsigned m = Bad16(s + i)) return i + static_cast<size_t>(__builtin_ctz(m));
      i += 16;
    }
    if (i == n) return n;
    const size_t back = i - (n - 16);  // bytes of the last block already seen
    const unsigned m = Bad16(s + n - 16) >> back;
    return m ? i + static_cast<size_t>(__builtin_ctz(m)) : n;
  }
#endif
  if (n - i >= 8) {
    for (; i + 8 <= n; i += 8)
      if (uint64_t m = Bad8(s + i)) return i + static_cast<size_t>(__builtin_ctzll(m) / 8);
    if (i == n) return n;
    const size_t back = i - (n - 8);
    const uint64_t m = Bad8(s + n - 8) >> (8 * back);
    return m ? i + static_cast<size_t>(__builtin_ctzll(m) / 8) : n;
  }
  while (i < n && kPlain[static_cast<uint8_t>(s[i])]) ++i;
  return i;
}

// Copies n bytes; 4 to 16 bytes by two overlapping loads and stores
// instead of a call (names and mention texts are mostly that short).
[[gnu::always_inline]] inline void CopyBytes(char* d, const char* s, size_t n) {
  if (n - 4 <= 12) {  // 4 <= n <= 16 (n < 4 wraps around)
    if (n >= 8) {
      uint64_t a, b;
      std::memcpy(&a, s, 8);
      std::memcpy(&b, s + n - 8, 8);
      std::memcpy(d, &a, 8);
      std::memcpy(d + n - 8, &b, 8);
    } else {
      uint32_t a, b;
      std::memcpy(&a, s, 4);
      std::memcpy(&b, s + n - 4, 4);
      std::memcpy(d, &a, 4);
      std::memcpy(d + n - 4, &b, 4);
    }
    return;
  }
  std::memcpy(d, s, n);
}

// JSON is written through a cursor `d`: each piece below stores at d and
// returns the end of what it wrote, without a bounds test. The room comes
// first: a record's writer asks Writer::Room for an upper bound of its bytes
// once (a few hundred for its fixed part, StrRoom for each string), so the
// cursor stays in a register instead of a length in memory tested per piece.

// Room for a string of n bytes without escapes: the quotes and the 16-byte
// block store of a short slice. A string with escapes widens the room itself
// (StrEscaped): most strings have none, and tight rooms keep the growth steps
// of the caller's string small.
constexpr size_t StrRoom(size_t n) { return n + 18; }
// Upper bound of a span object {"begin":..,"end":..,"text":..}, keys and digits.
constexpr size_t kSpanRoom = 64;
// Upper bound of a record's fixed part: every key, number and name, and the
// fixed part of its span objects (generous; the longest is a figure's).
constexpr size_t kRecordRoom = 640;
// Upper bound of one index of an array: 20 digits and a comma.
constexpr size_t kIndexRoom = 21;

// Writes into the caller's string: the string is grown ahead (resize) and
// trimmed to the bytes written by Done().
class Writer {
 public:
  explicit Writer(std::string* out)
      : out_(out), data_(out->data()), start_(out->size()), len_(start_), cap_(start_) {}
  ~Writer() { Done(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  /// Trims the string to what was written; call before reading it. The
  /// writer is finished after it.
  void Done() {
    if (out_) out_->resize(len_);
    out_ = nullptr;
  }
  /// The cursor at the end of what was written, with room for n more bytes.
  [[gnu::always_inline]] char* Room(size_t n) {
    room_ = n;
    Widen(n);
    return data_ + len_;
  }
  /// Keeps what was written up to d (a cursor of the last Room call).
  [[gnu::always_inline]] void Commit(const char* d) {
    len_ = static_cast<size_t>(d - data_);
    assert(len_ <= cap_);
  }
  /// For a string with escapes at cursor d: room for `extra` more bytes and
  /// again the whole room of the last Room call, which the rest of the record
  /// may still need. Returns the cursor (the string may have moved).
  char* Widen(const char* d, size_t extra) {
    Commit(d);
    Widen(extra + room_);
    return data_ + len_;
  }

 private:
  [[gnu::always_inline]] void Widen(size_t n) {
    if (cap_ - len_ < n) Grow(n);
  }
  [[gnu::noinline]] void Grow(size_t n) {
    // The string grows within its capacity by resize steps under 2 KB
    // (resize fills what it adds: small fills are vector stores, not `rep
    // stosb`, which valgrind counts per byte); the capacity grows in
    // proportion to what this writer wrote, not to the string: the caller
    // may append many documents to one buffer.
    constexpr size_t kStep = 1920;
    const size_t want = std::max(cap_ + kStep, len_ + n);
    if (want > out_->capacity()) out_->reserve(len_ + std::max(n, len_ - start_ + 4096));
    for (size_t size = cap_; size < want; size = out_->size()) out_->resize(std::min(size + kStep, want));
    data_ = out_->data();
    cap_ = want;
  }

  std::string* out_;
  char* data_ = nullptr;
  size_t start_ = 0, len_ = 0, cap_ = 0;
  size_t room_ = 0;  // of the last Room call
};

template <size_t N>
[[gnu::always_inline]] inline char* Lit(char* d, const char (&s)[N]) {
  std::memcpy(d, s, N - 1);
  return d + N - 1;
}

constexpr char kPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// The two digits of v < 100 at d; returns their end.
[[gnu::always_inline]] inline char* Pair(char* d, uint32_t v) {
  std::memcpy(d, kPairs + 2 * v, 2);
  return d + 2;
}

// u < 10^6 (offsets and indices, mostly) without divisions, by fixed point
// (J. Jeaiii's method): y = u / 10^4 as a 32.32 number, rounded up (exact
// for every u < 10^6, checked exhaustively); its high word is the first
// one or two digits, and each multiplication of the fraction by 100 brings
// the next two into the high word.
[[gnu::always_inline]] inline char* SmallDigits(char* d, uint32_t u) {
  if (u < 100) {
    if (u < 10) {
      *d = static_cast<char>('0' + u);
      return d + 1;
    }
    return Pair(d, u);
  }
  // Leading zero pairs are skipped: 3 or 4 digits start at the second pair.
  uint64_t y = uint64_t{u} * 429497;  // ceil(2^32 / 10^4)
  auto hi = static_cast<uint32_t>(y >> 32);
  if (u >= 10000) {
    if (hi < 10) *d++ = static_cast<char>('0' + hi);
    else d = Pair(d, hi);
    y = uint64_t{static_cast<uint32_t>(y)} * 100;
    d = Pair(d, static_cast<uint32_t>(y >> 32));
  } else {
    y = uint64_t{static_cast<uint32_t>(y)} * 100;
    hi = static_cast<uint32_t>(y >> 32);
    if (hi < 10) *d++ = static_cast<char>('0' + hi);
    else d = Pair(d, hi);
  }
  y = uint64_t{static_cast<uint32_t>(y)} * 100;
  return Pair(d, static_cast<uint32_t>(y >> 32));
}

// The decimal digits of u at d (room for 20); returns their end.
[[gnu::always_inline]] inline char* Digits(char* d, uint64_t u) {
  if (u < 1000000) return SmallDigits(d, static_cast<uint32_t>(u));
  // kTens[t] = 10^t.
  static constexpr std::array<uint64_t, 20> kTens = [] {
    std::array<uint64_t, 20> t{};
    uint64_t x = 1;
    for (size_t i = 0; i < t.size(); ++i, x *= 10) t[i] = x;
    return t;
  }();
  // The length first (t is floor(log10(u)) or one more: 1233/4096 ~
  // log10(2); the table decides), then two digits at a time from the right.
  const auto t = static_cast<size_t>(((64 - __builtin_clzll(u)) * 1233) >> 12);
  const size_t k = t + 1 - (u < kTens[t]);
  char* p = d + k;
  while (u >= 100) {
    p -= 2;
    std::memcpy(p, kPairs + 2 * (u % 100), 2);
    u /= 100;
  }
  if (u >= 10) std::memcpy(p - 2, kPairs + 2 * u, 2);
  else p[-1] = static_cast<char>('0' + u);
  return d + k;
}

// v at d (room for 21); returns the end.
[[gnu::always_inline]] inline char* Int(char* d, long long v) {
  uint64_t u = static_cast<uint64_t>(v);
  if (v < 0) {
    *d++ = '-';
    u = 0 - u;
  }
  return Digits(d, u);
}

// An index that is -1 for none: the number or null.
[[gnu::always_inline]] inline char* IntOrNull(char* d, long long v) {
  return v >= 0 ? Digits(d, static_cast<uint64_t>(v)) : Lit(d, "null");
}

[[gnu::always_inline]] inline char* Bool(char* d, bool v) {
  std::memcpy(d, v ? "true " : "false", 5);
  return d + 5 - v;
}

// A double (room for 32): an integral value as an integer, else %.17g.
char* Num(char* d, double v) {
  if (!std::isfinite(v)) return Lit(d, "null");  // "1e688" overflows a double; JSON has no inf
  // The range test comes first: casting a double out of range is undefined.
  if (v < 1e18 && v > -1e18 && v == static_cast<double>(static_cast<long long>(v)))
    return Int(d, static_cast<long long>(v));
  return d + std::snprintf(d, 32, "%.17g", v);
}

// "v" for a name of the schema (plain ASCII, at most 32 bytes).
[[gnu::always_inline]] inline char* Name(char* d, std::string_view v) {
  *d++ = '"';
  CopyBytes(d, v.data(), v.size());
  d += v.size();
  *d++ = '"';
  return d;
}

// The rest of Str from s[i], the first byte that needs an escape or a check,
// after the opening quote. Plain bytes and well-formed characters are
// copied at once, at the next escape or at the end; the first escape widens
// the room for the rest (well-formed characters take none more).
[[gnu::noinline]] char* StrEscaped(Writer& w, char* d, std::string_view s, size_t i) {
  const size_t n = s.size();
  size_t copied = 0;
  bool widened = false;
  auto put = [&d](const char* p, size_t k) {
    std::memcpy(d, p, k);
    d += k;
  };
  while (i < n) {
    i = PlainRun(s.data(), i, n);
    if (i >= n) break;
    auto c = static_cast<uint8_t>(s[i]);
    size_t ill_formed = 0;
    if (c >= 0x80) {
      // Two- and three-byte characters checked here (Table 3-7 of the
      // Unicode Standard, as DecodeAt); others take DecodeAt.
      auto at = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
      if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (at(i + 1) & 0xC0) == 0x80) {
        i += 2;
        continue;
      }
      if (c >= 0xE0 && c <= 0xEF && i + 2 < n && (at(i + 2) & 0xC0) == 0x80) {
        uint8_t b = at(i + 1);
        if (b >= (c == 0xE0 ? 0xA0 : 0x80) && b <= (c == 0xED ? 0x9F : 0xBF)) {
          i += 3;
          continue;
        }
      }
      internal::Decoded dec = internal::DecodeAt(s, i);
      if (dec.valid) {
        i += dec.len;
        continue;
      }
      ill_formed = dec.len;
    }
    if (!widened) {  // an escape is at most 6 bytes for 1 (\u00XX, \ufffd)
      d = w.Widen(d, i - copied + 6 * (n - i) + 1);
      widened = true;
    }
    put(s.data() + copied, i - copied);
    if (ill_formed) {
      put("\\ufffd", 6);
      i += ill_formed;
    } else {
      switch (c) {
        case '"': put("\\\"", 2); break;
        case '\\': put("\\\\", 2); break;
        case '\n': put("\\n", 2); break;
        case '\r': put("\\r", 2); break;
        case '\t': put("\\t", 2); break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          put(buf, 6);
        }
      }
      ++i;
    }
    copied = i;
  }
  put(s.data() + copied, n - copied);
  *d++ = '"';
  return d;
}

// "s", escaped (StrRoom(s.size()) room).
char* Str(Writer& w, char* d, std::string_view s) {
  const size_t n = s.size();
  *d++ = '"';
#if defined(__SSE2__)
  if (n - 8 <= 8) {  // 8 to 16 bytes (names, values): two overlapping 8-byte loads, one check
    uint64_t lo, hi;
    std::memcpy(&lo, s.data(), 8);
    std::memcpy(&hi, s.data() + n - 8, 8);
    if (Bad16(_mm_set_epi64x(static_cast<long long>(hi), static_cast<long long>(lo))) != 0)
      return StrEscaped(w, d, s, 0);
    std::memcpy(d, &lo, 8);
    std::memcpy(d + n - 8, &hi, 8);
    d[n] = '"';
    return d + n + 1;
  }
#endif
  const size_t i = PlainRun(s.data(), 0, n);
  if (i < n) return StrEscaped(w, d, s, i);
  CopyBytes(d, s.data(), n);  // most strings need no escape: one copy
  d[n] = '"';
  return d + n + 1;
}

// Str(w, Slice(text, span)); a slice of at most 16 bytes with 16 bytes of
// text from its start (most mentions and names) is checked and copied as
// one 16-byte block: the bytes past the slice are read and stored in the
// room, then overwritten or left beyond the end.
[[gnu::always_inline]] inline char* SliceStr(Writer& w, char* d, std::string_view text, Span span) {
  const std::string_view s = Slice(text, span);
  const size_t n = s.size();
  if (n == 0) return Lit(d, "\"\"");  // no data() to copy from (memcpy from null is undefined)
#if defined(__SSE2__)
  if (n <= 16 && static_cast<size_t>(text.data() + text.size() - s.data()) >= 16) {
    // Bit n marks the end of the slice: the first bad byte or the end.
    const auto i = static_cast<size_t>(__builtin_ctz(Bad16(s.data()) | (1u << n)));
    *d++ = '"';
    if (i < n) return StrEscaped(w, d, s, i);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(d),
                     _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data())));
    d[n] = '"';
    return d + n + 1;
  }
#endif
  return Str(w, d, s);
}

// Room for the text of a span: StrRoom of its size, at least its slice's.
inline size_t SliceRoom(Span span) { return StrRoom(span.end > span.begin ? span.end - span.begin : 0); }

// {"begin":B,"end":E, the object left open for more fields.
[[gnu::always_inline]] inline char* OpenSpan(char* d, Span s) {
  d = Lit(d, "{\"begin\":");
  d = Digits(d, s.begin);
  d = Lit(d, ",\"end\":");
  return Digits(d, s.end);
}

// {"begin":B,"end":E,"text":"..." (kSpanRoom + SliceRoom), left open.
[[gnu::always_inline]] inline char* OpenSpanText(Writer& w, char* d, Span s, std::string_view text) {
  d = OpenSpan(d, s);
  d = Lit(d, ",\"text\":");
  return SliceStr(w, d, text, s);
}

// The span object, closed.
inline char* SpanObj(Writer& w, char* d, Span s, std::string_view text) {
  d = OpenSpanText(w, d, s, text);
  *d++ = '}';
  return d;
}

// [i,j,...] (2 + kIndexRoom per index).
inline char* IndexArray(char* d, const std::vector<uint32_t>& v) {
  *d++ = '[';
  for (uint32_t x : v) {
    d = Digits(d, x);
    *d++ = ',';
  }
  d -= !v.empty();  // the last comma
  *d++ = ']';
  return d;
}

std::string_view DateSourceName(DateSource s) {
  switch (s) {
    case DateSource::kCaller: return "caller";
    case DateSource::kMetadata: return "metadata";
    case DateSource::kDateline: return "dateline";
    default: return "none";
  }
}

std::string_view TokenKindName(TokenKind k) {
  static constexpr std::string_view kNames[] = {"word", "number", "punct", "quote", "symbol",
                                                "url",  "email",  "handle", "other"};
  return kNames[static_cast<size_t>(k)];
}

std::string_view QuoteRoleName(QuoteRole r) {
  static constexpr std::string_view kNames[] = {"", "open", "close", "ambiguous"};
  return kNames[static_cast<size_t>(r)];
}

// "name" for v by its public name function (kNameOf, out of line in
// api.cc), copied from a table of all 256 values made at the first call:
// one 16-byte store (kRecordRoom covers it) and no call per record.
// A name too long for the table (none is) is written from the function.
template <auto kNameOf, typename Enum>
[[gnu::always_inline]] inline char* EnumName(char* d, Enum v) {
  static_assert(sizeof(Enum) == 1);
  struct Quoted {
    char bytes[16];  // '"', the name, '"', zeros
    size_t size;     // 0: too long for bytes
  };
  static const auto names = [] {
    std::array<Quoted, 256> t{};
    for (size_t i = 0; i < t.size(); ++i) {
      const std::string_view name = kNameOf(static_cast<Enum>(i));
      if (name.size() + 2 > sizeof t[i].bytes) continue;
      t[i].bytes[0] = '"';
      name.copy(t[i].bytes + 1, name.size());
      t[i].bytes[name.size() + 1] = '"';
      t[i].size = name.size() + 2;
    }
    return t;
  }();
  const Quoted& q = names[static_cast<uint8_t>(v)];
  if (q.size == 0) [[unlikely]] return Name(d, kNameOf(v));
  std::memcpy(d, q.bytes, sizeof q.bytes);
  return d + q.size;
}

// A string field, or null when it is empty.
inline char* StrOrNull(Writer& w, char* d, std::string_view s) { return s.empty() ? Lit(d, "null") : Str(w, d, s); }

void WriteDocument(Writer& w, const Analysis& a, std::string_view text) {
  const DocumentHeader& h = a.header;
  char* d = w.Room(kRecordRoom + StrRoom(h.place.size()) + StrRoom(h.source.size()) +
                   5 * kSpanRoom + SliceRoom(h.metadata) + SliceRoom(h.dateline) +
                   SliceRoom(h.place_span) + SliceRoom(h.source_span) +
                   SliceRoom(h.dateline_date));
  d = Lit(d, ",\"document\":{\"date\":");
  if (h.date) {
    const std::string date = h.date->ToString();
    d = Str(w, d, date);
  } else {
    d = Lit(d, "null");
  }
  d = Lit(d, ",\"date_source\":");
  d = Name(d, DateSourceName(h.date_source));
  d = Lit(d, ",\"place\":");
  d = StrOrNull(w, d, h.place);
  d = Lit(d, ",\"source\":");
  d = StrOrNull(w, d, h.source);
  d = Lit(d, ",\"body_begin\":");
  d = Digits(d, h.body_begin);
  if (!h.metadata.empty()) d = SpanObj(w, Lit(d, ",\"metadata\":"), h.metadata, text);
  if (!h.dateline.empty()) d = SpanObj(w, Lit(d, ",\"dateline\":"), h.dateline, text);
  if (!h.place_span.empty()) d = SpanObj(w, Lit(d, ",\"place_span\":"), h.place_span, text);
  if (!h.source_span.empty()) d = SpanObj(w, Lit(d, ",\"source_span\":"), h.source_span, text);
  if (!h.dateline_date.empty()) d = SpanObj(w, Lit(d, ",\"dateline_date\":"), h.dateline_date, text);
  *d++ = '}';
  w.Commit(d);
}

// `open`, then one object per record and ']'. Each record gets room for
// kRecordRoom + room_of(record) bytes; write_one fills them and returns the
// end after the object's "}," (the last comma is dropped). The ']' goes
// into the room of the last record (or the caller's room when there is none).
// The write_one lambdas below are marked always_inline: GCC would otherwise
// call each one per record, with its prologue and register saves.
template <size_t N, typename Records, typename RoomOf, typename WriteOne>
[[gnu::always_inline]] inline char* ArrayOf(Writer& w, char* d, const char (&open)[N],
                                            const Records& records, RoomOf room_of,
                                            WriteOne write_one) {
  d = Lit(d, open);
  for (const auto& record : records) {
    w.Commit(d);
    d = write_one(w.Room(kRecordRoom + room_of(record)), record);
  }
  d -= !records.empty();  // the last comma
  *d++ = ']';
  return d;
}

// A top-level array field: ArrayOf in a room of its own, committed.
template <size_t N, typename Records, typename RoomOf, typename WriteOne>
void WriteArray(Writer& w, const char (&open)[N], const Records& records, RoomOf room_of,
                WriteOne write_one) {
  w.Commit(ArrayOf(w, w.Room(kRecordRoom), open, records, room_of, write_one));
}

constexpr auto kNoExtraRoom = [](const auto&) -> size_t { return 0; };

void WriteParagraphsSentencesTurns(Writer& w, const Analysis& a, std::string_view text) {
  WriteArray(
      w, ",\"paragraphs\":[", a.paragraphs, kNoExtraRoom,
      [](char* d, const Paragraph& p) __attribute__((always_inline)) {
        d = OpenSpan(d, p.span);
        d = Lit(d, ",\"first_sentence\":");
        d = Digits(d, p.first_sentence);
        d = Lit(d, ",\"sentence_count\":");
        d = Digits(d, p.sentence_count);
        if (p.turn >= 0) d = Digits(Lit(d, ",\"turn\":"), static_cast<uint64_t>(p.turn));
        return Lit(d, "},");
      });
  WriteArray(
      w, ",\"sentences\":[", a.sentences, kNoExtraRoom,
      [](char* d, const Sentence& s) __attribute__((always_inline)) {
        d = OpenSpan(d, s.span);
        d = Lit(d, ",\"paragraph\":");
        d = Digits(d, s.paragraph);
        return Lit(d, "},");
      });
  WriteArray(
      w, ",\"turns\":[", a.turns,
      [](const Turn& t) { return SliceRoom(t.label) + StrRoom(t.speaker.size()); },
      [&](char* d, const Turn& t) __attribute__((always_inline)) {
        d = OpenSpan(d, t.span);
        d = SpanObj(w, Lit(d, ",\"label\":"), t.label, text);
        d = Str(w, Lit(d, ",\"speaker\":"), t.speaker);
        d = Bool(Lit(d, ",\"question\":"), t.is_question);
        return Lit(d, "},");
      });
}

void WriteTokens(Writer& w, const Analysis& a, std::string_view text) {
  WriteArray(
      w, ",\"tokens\":[", a.tokens,
      [&](const Token& t) { return SliceRoom(t.span) + StrRoom(t.norm.size()); },
      [&](char* d, const Token& t) __attribute__((always_inline)) {
        d = OpenSpanText(w, d, t.span, text);
        d = Name(Lit(d, ",\"kind\":"), TokenKindName(t.kind));
        d = Str(w, Lit(d, ",\"norm\":"), a.Norm(t));
        if (t.quote != QuoteRole::kNone) d = Name(Lit(d, ",\"quote\":"), QuoteRoleName(t.quote));
        if (t.clitic) d = Digits(Lit(d, ",\"clitic\":"), t.clitic);
        return Lit(d, "},");
      });
}

void WriteTimes(Writer& w, const Analysis& a, std::string_view text) {
  WriteArray(
      w, ",\"times\":[", a.times,
      [](const TimeExpression& t) {
        return SliceRoom(t.span) + StrRoom(t.value.size()) + StrRoom(t.range_begin.size()) +
               StrRoom(t.range_end.size()) + StrRoom(t.quant.size()) + StrRoom(t.freq.size());
      },
      [&](char* d, const TimeExpression& t) __attribute__((always_inline)) {
        d = OpenSpanText(w, d, t.span, text);
        d = EnumName<TimeTypeName>(Lit(d, ",\"type\":"), t.type);
        d = Str(w, Lit(d, ",\"value\":"), t.value);
        if (std::string_view m = TimeModName(t.mod); !m.empty()) d = Name(Lit(d, ",\"mod\":"), m);
        if (!t.range_begin.empty()) {
          d = Str(w, Lit(d, ",\"range\":{\"start\":"), t.range_begin);
          d = Str(w, Lit(d, ",\"end\":"), t.range_end);
          *d++ = '}';
        }
        if (!t.quant.empty()) d = Str(w, Lit(d, ",\"quant\":"), t.quant);
        if (!t.freq.empty()) d = Str(w, Lit(d, ",\"freq\":"), t.freq);
        d = Bool(Lit(d, ",\"anchored\":"), t.anchored);
        return Lit(d, "},");
      });
}

void WriteFigures(Writer& w, const Analysis& a, std::string_view text) {
  WriteArray(
      w, ",\"figures\":[", a.figures,
      [](const Figure& f) {
        return SliceRoom(f.span) + StrRoom(f.exact.size()) + StrRoom(f.unit.size()) +
               StrRoom(f.currency.size()) + SliceRoom(f.unit_span) + SliceRoom(f.number) +
               SliceRoom(f.bound_span);
      },
      [&](char* d, const Figure& f) __attribute__((always_inline)) {
        d = OpenSpanText(w, d, f.span, text);
        d = EnumName<FigureKindName>(Lit(d, ",\"kind\":"), f.kind);
        d = Lit(d, ",\"value\":");
        d = f.kind == FigureKind::kVague && f.exact.empty() ? Lit(d, "null") : Num(d, f.value);
        if (!f.exact.empty()) d = Str(w, Lit(d, ",\"exact\":"), f.exact);
        if (f.kind == FigureKind::kRange || f.kind == FigureKind::kVague) {
          d = Num(Lit(d, ",\"low\":"), f.low);
          d = Num(Lit(d, ",\"high\":"), f.high);
        }
        d = StrOrNull(w, Lit(d, ",\"unit\":"), f.unit);
        if (!f.currency.empty()) d = Str(w, Lit(d, ",\"currency\":"), f.currency);
        if (f.bound != FigureBound::kExact) d = EnumName<FigureBoundName>(Lit(d, ",\"bound\":"), f.bound);
        if (f.sign) d = Int(Lit(d, ",\"sign\":"), f.sign);
        d = IntOrNull(Lit(d, ",\"time\":"), f.time);
        if (!f.unit_span.empty()) d = SpanObj(w, Lit(d, ",\"unit_span\":"), f.unit_span, text);
        if (!f.number.empty()) d = SpanObj(w, Lit(d, ",\"number\":"), f.number, text);
        if (!f.bound_span.empty()) d = SpanObj(w, Lit(d, ",\"bound_span\":"), f.bound_span, text);
        return Lit(d, "},");
      });
}

void WriteEntities(Writer& w, const Analysis& a, std::string_view text) {
  WriteArray(
      w, ",\"entities\":[", a.entities,
      [](const Entity& e) {
        return StrRoom(e.name.size()) + StrRoom(e.code.size()) + StrRoom(e.title.size()) +
               StrRoom(e.affiliation.size()) + StrRoom(e.posted_to.size());
      },
      [&](char* d, const Entity& e) __attribute__((always_inline)) {
        d = Digits(Lit(d, "{\"id\":"), e.id);
        d = EnumName<EntityTypeName>(Lit(d, ",\"type\":"), e.type);
        d = Str(w, Lit(d, ",\"name\":"), e.name);
        if (!e.code.empty()) d = Str(w, Lit(d, ",\"code\":"), e.code);
        if (!e.title.empty()) d = Str(w, Lit(d, ",\"title\":"), e.title);
        if (!e.affiliation.empty()) d = Str(w, Lit(d, ",\"affiliation\":"), e.affiliation);
        if (!e.posted_to.empty()) d = Str(w, Lit(d, ",\"posted_to\":"), e.posted_to);
        if (e.metonymy) d = Lit(d, ",\"metonymy\":true");
        d = ArrayOf(
            w, d, ",\"mentions\":[", e.mentions,
            [](const Mention& m) { return SliceRoom(m.span) + SliceRoom(m.with_title); },
            [&](char* md, const Mention& m) __attribute__((always_inline)) {
              md = OpenSpanText(w, md, m.span, text);
              md = EnumName<MentionViaName>(Lit(md, ",\"via\":"), m.via);
              if (!m.with_title.empty() &&
                  (m.with_title.begin != m.span.begin || m.with_title.end != m.span.end))
                md = SpanObj(w, Lit(md, ",\"with_title\":"), m.with_title, text);
              return Lit(md, "},");
            });
        return Lit(d, "},");
      });
}

void WriteQuotes(Writer& w, const Analysis& a, std::string_view text) {
  WriteArray(
      w, ",\"quotes\":[", a.quotes,
      [](const Quote& q) {
        return SliceRoom(q.span) + SliceRoom(q.speaker_mention) + SliceRoom(q.cue) +
               StrRoom(q.cue_lemma.size());
      },
      [&](char* d, const Quote& q) __attribute__((always_inline)) {
        d = OpenSpanText(w, d, q.span, text);
        d = EnumName<QuoteKindName>(Lit(d, ",\"kind\":"), q.kind);
        d = IntOrNull(Lit(d, ",\"speaker\":"), q.speaker);
        if (!q.speaker_mention.empty())
          d = SpanObj(w, Lit(d, ",\"speaker_mention\":"), q.speaker_mention, text);
        if (!q.cue.empty()) d = SpanObj(w, Lit(d, ",\"cue\":"), q.cue, text);
        if (!q.cue_lemma.empty()) d = Str(w, Lit(d, ",\"cue_lemma\":"), q.cue_lemma);
        d = Bool(Lit(d, ",\"repaired\":"), q.repaired);
        if (q.anonymous) d = Lit(d, ",\"anonymous\":true");
        return Lit(d, "},");
      });
}

void WriteClaims(Writer& w, const Analysis& a, std::string_view text) {
  WriteArray(
      w, ",\"claims\":[", a.claims,
      [](const Claim& c) {
        const size_t indices = c.figures.size() + c.times.size() + c.entities.size() + c.restates.size();
        return SliceRoom(c.span) + SliceRoom(c.cue) + StrRoom(c.stated_on.size()) +
               StrRoom(c.about.size()) + StrRoom(c.hedge.size()) + kIndexRoom * indices;
      },
      [&](char* d, const Claim& c) __attribute__((always_inline)) {
        d = OpenSpanText(w, d, c.span, text);
        d = IntOrNull(Lit(d, ",\"quote\":"), c.quote);
        d = IntOrNull(Lit(d, ",\"speaker\":"), c.speaker);
        if (!c.cue.empty()) d = SpanObj(w, Lit(d, ",\"cue\":"), c.cue, text);
        d = EnumName<QuoteKindName>(Lit(d, ",\"kind\":"), c.kind);
        if (!c.stated_on.empty()) d = Str(w, Lit(d, ",\"stated_on\":"), c.stated_on);
        if (!c.about.empty()) d = Str(w, Lit(d, ",\"about\":"), c.about);
        d = IndexArray(Lit(d, ",\"figures\":"), c.figures);
        d = IndexArray(Lit(d, ",\"times\":"), c.times);
        d = IndexArray(Lit(d, ",\"entities\":"), c.entities);
        d = Bool(Lit(d, ",\"negated\":"), c.negated);
        if (!c.hedge.empty()) d = Str(w, Lit(d, ",\"hedge\":"), c.hedge);
        d = IndexArray(Lit(d, ",\"restates\":"), c.restates);
        return Lit(d, "},");
      });
}

void WriteDiagnostics(Writer& w, const Analysis& a) {
  char* d = ArrayOf(
      w, w.Room(kRecordRoom), ",\"diagnostics\":[", a.diagnostics,
      [](const Diagnostic& g) { return StrRoom(g.message.size()); },
      [&](char* dd, const Diagnostic& g) __attribute__((always_inline)) {
        dd = Str(w, Lit(dd, "{\"code\":"), ErrorCodeName(g.code));
        dd = Digits(Lit(dd, ",\"begin\":"), g.span.begin);
        dd = Digits(Lit(dd, ",\"end\":"), g.span.end);
        dd = Str(w, Lit(dd, ",\"message\":"), g.message);
        return Lit(dd, "},");
      });
  *d++ = '}';
  w.Commit(d);
}

}  // namespace

void AppendJson(const Analysis& a, std::string_view text, const JsonOptions& options,
                std::string* out) {
  const size_t start = out->size();
  // Records take up to about six bytes of JSON per byte of text: room reserved
  // once (untouched memory costs nothing) saves copies as the output grows.
  out->reserve(start + 6 * text.size() + 4096);
  {
    Writer w(out);
    char* d = w.Room(kRecordRoom + StrRoom(a.id.size()));
    d = Str(w, Lit(d, "{\"id\":"), a.id);
    w.Commit(d);
    WriteDocument(w, a, text);
    WriteParagraphsSentencesTurns(w, a, text);
    if (options.tokens) WriteTokens(w, a, text);
    WriteTimes(w, a, text);
    WriteFigures(w, a, text);
    WriteEntities(w, a, text);
    WriteQuotes(w, a, text);
    WriteClaims(w, a, text);
    WriteDiagnostics(w, a);
  }
  if (options.pretty) {
    // ordered_json keeps the writer's field order (id, document, ... diagnostics).
    std::string pretty =
        nlohmann::ordered_json::parse(out->begin() + static_cast<long>(start), out->end()).dump(2);
    out->resize(start);
    out->append(pretty);
  }
}

void AppendErrorJson(std::string_view id, const Status& status, std::string_view source,
                     std::string* out) {
  const std::string_view code = ErrorCodeName(status.code());
  Writer w(out);
  char* d = w.Room(kRecordRoom + StrRoom(id.size()) + StrRoom(code.size()) +
                   StrRoom(status.message().size()) + StrRoom(source.size()));
  d = Str(w, Lit(d, "{\"id\":"), id);
  d = Str(w, Lit(d, ",\"error\":{\"code\":"), code);
  d = Str(w, Lit(d, ",\"message\":"), status.message());
  d = Lit(d, ",\"offset\":");
  d = status.offset() == kNoOffset ? Lit(d, "null") : Int(d, static_cast<long long>(status.offset()));
  d = Str(w, Lit(d, "},\"source\":"), source);
  *d++ = '}';
  w.Commit(d);
}

}  // namespace v1
}  // namespace communique
