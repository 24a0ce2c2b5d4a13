// Writes an Analysis as one JSON object; the schema is docs/records.md.
#include <algorithm>
#include <array>
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
inline unsigned Bad16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
  bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                       _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
  return static_cast<unsigned>(_mm_movemask_epi8(bad));
}
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
    for (; i + 16 <= n; i += 16)
      if (unsigned m = Bad16(s + i)) return i + static_cast<size_t>(__builtin_ctz(m));
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

// Writes into the caller's string through a cursor: the string is grown
// ahead (resize) and trimmed to the bytes written by Done(), so each piece
// costs a bounds test and a memcpy instead of a std::string append.
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

  void Str(std::string_view s) {
    const size_t n = s.size();
    Reserve(n + 2);
    size_t i = PlainRun(s.data(), 0, n);
    if (i == n) {  // most strings need no escape: one copy between the quotes
      char* d = data_ + len_;
      d[0] = '"';
      CopyBytes(d + 1, s.data(), n);
      d[n + 1] = '"';
      len_ += n + 2;
      return;
    }
    StrEscaped(s, i);
  }
  // The rest of Str from s[i], the first byte that needs an escape or a check.
  // Plain bytes and well-formed characters are copied at once, at the next
  // escape or at the end: room for s[copied, n) and the closing quote is
  // there (Str reserved n + 2, each escape reserves again).
  [[gnu::noinline]] void StrEscaped(std::string_view s, size_t i) {
    const size_t n = s.size();
    data_[len_++] = '"';
    size_t copied = 0;
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
        internal::Decoded d = internal::DecodeAt(s, i);
        if (d.valid) {
          i += d.len;
          continue;
        }
        ill_formed = d.len;
      }
      Put(s.data() + copied, i - copied);
      Reserve(n - i + 8);  // an escape is at most 6 bytes for 1
      if (ill_formed) {
        Put("\\ufffd", 6);
        i += ill_formed;
      } else {
        switch (c) {
          case '"': Put("\\\"", 2); break;
          case '\\': Put("\\\\", 2); break;
          case '\n': Put("\\n", 2); break;
          case '\r': Put("\\r", 2); break;
          case '\t': Put("\\t", 2); break;
          default: {
            static constexpr char kHex[] = "0123456789abcdef";
            char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
            Put(buf, 6);
          }
        }
        ++i;
      }
      copied = i;
    }
    Put(s.data() + copied, n - copied);
    data_[len_++] = '"';
  }
  /// `k` is a field name of the schema: plain ASCII, written without escaping.
  [[gnu::always_inline]] void Key(std::string_view k) {
    // Through a local pointer: a char store may alias the members, which
    // the compiler would reload after each one.
    char* d = Begin(k.size() + 3);
    *d++ = '"';
    std::memcpy(d, k.data(), k.size());
    d += k.size();
    *d++ = '"';
    *d++ = ':';
    len_ = static_cast<size_t>(d - data_);
    need_comma_ = false;  // the value follows without a comma
  }
  void Num(double v) {
    if (!std::isfinite(v)) {  // "1e688" overflows a double; JSON has no inf
      Null();
      return;
    }
    // The range test comes first: casting a double out of range is undefined.
    if (v < 1e18 && v > -1e18 && v == static_cast<double>(static_cast<long long>(v))) {
      Int(static_cast<long long>(v));
      return;
    }
    char* d = Begin(32);
    int len = std::snprintf(d, 32, "%.17g", v);
    End(d + len);
  }
  void Int(long long v) { End(SignedDigits(Begin(21), v)); }
  void Null() {
    char* d = Begin(4);
    std::memcpy(d, "null", 4);
    End(d + 4);
  }
  void String(std::string_view s) {
    Reserve(1);
    data_[len_] = ',';
    len_ += need_comma_;
    Str(s);
    need_comma_ = true;
  }
  void Open(char c) {
    char* d = Begin(1);
    *d++ = c;
    len_ = static_cast<size_t>(d - data_);
    need_comma_ = false;
  }
  void Close(char c) { Reserve(1); data_[len_++] = c; need_comma_ = true; }

  // Inline, so that the field name's length is a constant and its copy a few
  // stores instead of a memcpy call.
  [[gnu::always_inline]] void KStr(std::string_view k, std::string_view v) {
    Key(k);
    Str(v);
    need_comma_ = true;
  }
  [[gnu::always_inline]] void KBool(std::string_view k, bool v) {
    char* d = Begin(k.size() + 3 + 5);
    *d++ = '"';
    std::memcpy(d, k.data(), k.size());
    d += k.size();
    d = Lit(d, "\":");
    std::memcpy(d, v ? "true " : "false", 5);
    End(d + 5 - v);
  }
  /// Key k and integer v as one piece.
  [[gnu::always_inline]] void KInt(std::string_view k, long long v) {
    char* d = Begin(k.size() + 3 + 21);
    *d++ = '"';
    std::memcpy(d, k.data(), k.size());
    d += k.size();
    d = Lit(d, "\":");
    End(SignedDigits(d, v));
  }
  [[gnu::always_inline]] void KOptStr(std::string_view k, std::string_view v) { if (!v.empty()) KStr(k, v); }
  /// Key k and name v (both plain ASCII) as one piece: "k":"v".
  [[gnu::always_inline]] void KName(std::string_view k, std::string_view v) {
    char* d = Begin(k.size() + v.size() + 5);
    *d++ = '"';
    std::memcpy(d, k.data(), k.size());
    d += k.size();
    d = Lit(d, "\":\"");
    CopyBytes(d, v.data(), v.size());
    d += v.size();
    *d++ = '"';
    End(d);
  }
  /// Opens an object with the fields begin, end and (with_text) text of `s`.
  void OpenSpan(Span s, std::string_view text, bool with_text) {
    char* d = Begin(9 + 10 + 7 + 10 + 8);
    d = Lit(d, "{\"begin\":");
    d = Digits(d, s.begin);
    d = Lit(d, ",\"end\":");
    d = Digits(d, s.end);
    if (!with_text) return End(d);
    d = Lit(d, ",\"text\":");
    len_ = static_cast<size_t>(d - data_);
    SliceStr(text, s);
    need_comma_ = true;
  }
  // Str(Slice(text, span)); a slice of at most 16 bytes with 16 bytes of
  // text from its start (most mentions and names) is checked and copied as
  // one 16-byte block: the bytes past the slice are read, never written out.
  void SliceStr(std::string_view text, Span span) {
    const std::string_view s = Slice(text, span);
    const size_t n = s.size();
    if (n == 0) {  // an empty slice has no data() to copy from (memcpy from null is undefined)
      Reserve(2);
      Put("\"\"", 2);
      return;
    }
#if defined(__SSE2__)
    if (n <= 16 && static_cast<size_t>(text.data() + text.size() - s.data()) >= 16) {
      Reserve(16 + 2);
      // Bit n marks the end of the slice: the first bad byte or the end.
      const auto i = static_cast<size_t>(__builtin_ctz(Bad16(s.data()) | (1u << n)));
      if (i < n) return StrEscaped(s, i);
      char* d = data_ + len_;
      d[0] = '"';
      _mm_storeu_si128(reinterpret_cast<__m128i*>(d + 1),
                       _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data())));
      d[n + 1] = '"';
      len_ += n + 2;
      return;
    }
#endif
    Str(s);
  }
  [[gnu::always_inline]] void SpanObj(std::string_view k, Span s, std::string_view text) {
    Key(k);
    OpenSpan(s, text, true);
    Close('}');
  }
  [[gnu::always_inline]] void IndexArray(std::string_view k, const std::vector<uint32_t>& v) {
    Key(k);
    Open('[');
    for (uint32_t x : v) Int(x);
    Close(']');
  }

 private:
  // Room for a comma and n bytes; returns where the n bytes go, after the
  // comma a value or key needs (written always, kept when needed).
  [[gnu::always_inline]] char* Begin(size_t n) {
    Reserve(n + 1);
    char* d = data_ + len_;
    *d = ',';
    return d + need_comma_;
  }
  // Ends a value written up to d.
  [[gnu::always_inline]] void End(char* d) {
    len_ = static_cast<size_t>(d - data_);
    need_comma_ = true;
  }
  template <size_t N>
  [[gnu::always_inline]] static char* Lit(char* d, const char (&s)[N]) {
    std::memcpy(d, s, N - 1);
    return d + N - 1;
  }
  // v at d (room for 21); returns the end.
  [[gnu::always_inline]] static char* SignedDigits(char* d, long long v) {
    uint64_t u = static_cast<uint64_t>(v);
    if (v < 0) {
      *d++ = '-';
      u = 0 - u;
    }
    return Digits(d, u);
  }
  // The decimal digits of u at d (room for 20); returns their end.
  [[gnu::always_inline]] static char* Digits(char* d, uint64_t u) {
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
  // u < 10^6 (offsets and indices, mostly) without divisions, by fixed point
  // (J. Jeaiii's method): y = u / 10^4 as a 32.32 number, rounded up (exact
  // for every u < 10^6, checked exhaustively); its high word is the first
  // one or two digits, and each multiplication of the fraction by 100 brings
  // the next two into the high word.
  [[gnu::always_inline]] static char* SmallDigits(char* d, uint32_t u) {
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
  // The two digits of v < 100 at d; returns their end.
  [[gnu::always_inline]] static char* Pair(char* d, uint32_t v) {
    std::memcpy(d, kPairs + 2 * v, 2);
    return d + 2;
  }
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  // Room for n more bytes.
  [[gnu::always_inline]] void Reserve(size_t n) {
    if (cap_ - len_ < n) Grow(n);
  }
  void Grow(size_t n) {
    // The string grows by small steps within its capacity (resize fills
    // what it adds, so a big step costs a big fill; steps under 2 KB are
    // filled by vector stores, not `rep stosb`, which valgrind counts per
    // byte); the capacity grows in proportion to what this writer wrote,
    // not to the string: the caller may append many documents to one buffer.
    constexpr size_t kStep = 1920;
    size_t want = len_ + std::max(n, kStep);
    if (want > out_->capacity()) out_->reserve(len_ + std::max(n, len_ - start_ + 4096));
    out_->resize(want);
    data_ = out_->data();
    cap_ = want;
  }
  [[gnu::always_inline]] void Put(const char* p, size_t n) {  // REQUIRES Reserve(n)
    std::memcpy(data_ + len_, p, n);
    len_ += n;
  }

  std::string* out_;
  char* data_ = nullptr;
  size_t start_ = 0, len_ = 0, cap_ = 0;
  // After a value or a closed container; not after '{', '[' or a key.
  bool need_comma_ = false;
};

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

void WriteDocument(Writer& w, const Analysis& a, std::string_view text) {
  const DocumentHeader& h = a.header;
  w.Key("document");
  w.Open('{');
  w.Key("date");
  if (h.date) w.String(h.date->ToString()); else w.Null();
  w.KName("date_source", DateSourceName(h.date_source));
  w.Key("place");
  if (h.place.empty()) w.Null(); else w.String(h.place);
  w.Key("source");
  if (h.source.empty()) w.Null(); else w.String(h.source);
  w.KInt("body_begin", h.body_begin);
  if (!h.metadata.empty()) w.SpanObj("metadata", h.metadata, text);
  if (!h.dateline.empty()) w.SpanObj("dateline", h.dateline, text);
  if (!h.place_span.empty()) w.SpanObj("place_span", h.place_span, text);
  if (!h.source_span.empty()) w.SpanObj("source_span", h.source_span, text);
  if (!h.dateline_date.empty()) w.SpanObj("dateline_date", h.dateline_date, text);
  w.Close('}');
}

void WriteTimes(Writer& w, const Analysis& a, std::string_view text) {
  w.Key("times");
  w.Open('[');
  for (const TimeExpression& t : a.times) {
    w.OpenSpan(t.span, text, true);
    w.KName("type", TimeTypeName(t.type));
    w.KStr("value", t.value);
    if (std::string_view m = TimeModName(t.mod); !m.empty()) w.KName("mod", m);
    if (!t.range_begin.empty()) {
      w.Key("range");
      w.Open('{');
      w.KStr("start", t.range_begin);
      w.KStr("end", t.range_end);
      w.Close('}');
    }
    w.KOptStr("quant", t.quant);
    w.KOptStr("freq", t.freq);
    w.KBool("anchored", t.anchored);
    w.Close('}');
  }
  w.Close(']');
}

void WriteFigures(Writer& w, const Analysis& a, std::string_view text) {
  w.Key("figures");
  w.Open('[');
  for (const Figure& f : a.figures) {
    w.OpenSpan(f.span, text, true);
    w.KName("kind", FigureKindName(f.kind));
    w.Key("value");
    if (f.kind == FigureKind::kVague && f.exact.empty()) w.Null(); else w.Num(f.value);
    w.KOptStr("exact", f.exact);
    if (f.kind == FigureKind::kRange || f.kind == FigureKind::kVague) {
      w.Key("low"); w.Num(f.low);
      w.Key("high"); w.Num(f.high);
    }
    w.Key("unit");
    if (f.unit.empty()) w.Null(); else w.String(f.unit);
    w.KOptStr("currency", f.currency);
    if (f.bound != FigureBound::kExact) w.KName("bound", FigureBoundName(f.bound));
    if (f.sign) w.KInt("sign", f.sign);
    w.Key("time");
    if (f.time >= 0) w.Int(f.time); else w.Null();
    if (!f.unit_span.empty()) w.SpanObj("unit_span", f.unit_span, text);
    if (!f.number.empty()) w.SpanObj("number", f.number, text);
    if (!f.bound_span.empty()) w.SpanObj("bound_span", f.bound_span, text);
    w.Close('}');
  }
  w.Close(']');
}

void WriteEntities(Writer& w, const Analysis& a, std::string_view text) {
  w.Key("entities");
  w.Open('[');
  for (const Entity& e : a.entities) {
    w.Open('{');
    w.KInt("id", e.id);
    w.KName("type", EntityTypeName(e.type));
    w.KStr("name", e.name);
    w.KOptStr("code", e.code);
    w.KOptStr("title", e.title);
    w.KOptStr("affiliation", e.affiliation);
    w.KOptStr("posted_to", e.posted_to);
    if (e.metonymy) w.KBool("metonymy", true);
    w.Key("mentions");
    w.Open('[');
    for (const Mention& m : e.mentions) {
      w.OpenSpan(m.span, text, true);
      w.KName("via", MentionViaName(m.via));
      if (!m.with_title.empty() &&
          (m.with_title.begin != m.span.begin || m.with_title.end != m.span.end))
        w.SpanObj("with_title", m.with_title, text);
      w.Close('}');
    }
    w.Close(']');
    w.Close('}');
  }
  w.Close(']');
}

void WriteQuotes(Writer& w, const Analysis& a, std::string_view text) {
  w.Key("quotes");
  w.Open('[');
  for (const Quote& q : a.quotes) {
    w.OpenSpan(q.span, text, true);
    w.KName("kind", QuoteKindName(q.kind));
    w.Key("speaker");
    if (q.speaker >= 0) w.Int(q.speaker); else w.Null();
    if (!q.speaker_mention.empty()) w.SpanObj("speaker_mention", q.speaker_mention, text);
    if (!q.cue.empty()) w.SpanObj("cue", q.cue, text);
    w.KOptStr("cue_lemma", q.cue_lemma);
    w.KBool("repaired", q.repaired);
    if (q.anonymous) w.KBool("anonymous", true);
    w.Close('}');
  }
  w.Close(']');
}

void WriteClaims(Writer& w, const Analysis& a, std::string_view text) {
  w.Key("claims");
  w.Open('[');
  for (const Claim& c : a.claims) {
    w.OpenSpan(c.span, text, true);
    w.Key("quote");
    if (c.quote >= 0) w.Int(c.quote); else w.Null();
    w.Key("speaker");
    if (c.speaker >= 0) w.Int(c.speaker); else w.Null();
    if (!c.cue.empty()) w.SpanObj("cue", c.cue, text);
    w.KName("kind", QuoteKindName(c.kind));
    w.KOptStr("stated_on", c.stated_on);
    w.KOptStr("about", c.about);
    w.IndexArray("figures", c.figures);
    w.IndexArray("times", c.times);
    w.IndexArray("entities", c.entities);
    w.KBool("negated", c.negated);
    w.KOptStr("hedge", c.hedge);
    w.IndexArray("restates", c.restates);
    w.Close('}');
  }
  w.Close(']');
}

}  // namespace

void AppendJson(const Analysis& a, std::string_view text, const JsonOptions& options,
                std::string* out) {
  size_t start = out->size();
  // Records take up to about five bytes of JSON per byte of text: room reserved
  // once (untouched memory costs nothing) saves copies as the output grows.
  out->reserve(start + 5 * text.size() + 4096);
  Writer w(out);
  w.Open('{');
  w.KStr("id", a.id);
  WriteDocument(w, a, text);
  w.Key("paragraphs");
  w.Open('[');
  for (const Paragraph& p : a.paragraphs) {
    w.OpenSpan(p.span, text, false);
    w.KInt("first_sentence", p.first_sentence);
    w.KInt("sentence_count", p.sentence_count);
    if (p.turn >= 0) w.KInt("turn", p.turn);
    w.Close('}');
  }
  w.Close(']');
  w.Key("sentences");
  w.Open('[');
  for (const Sentence& s : a.sentences) {
    w.OpenSpan(s.span, text, false);
    w.KInt("paragraph", s.paragraph);
    w.Close('}');
  }
  w.Close(']');
  w.Key("turns");
  w.Open('[');
  for (const Turn& t : a.turns) {
    w.OpenSpan(t.span, text, false);
    w.SpanObj("label", t.label, text);
    w.KStr("speaker", t.speaker);
    w.KBool("question", t.is_question);
    w.Close('}');
  }
  w.Close(']');
  if (options.tokens) {
    w.Key("tokens");
    w.Open('[');
    for (const Token& t : a.tokens) {
      w.OpenSpan(t.span, text, true);
      w.KName("kind", TokenKindName(t.kind));
      w.KStr("norm", a.Norm(t));
      if (t.quote != QuoteRole::kNone) w.KName("quote", QuoteRoleName(t.quote));
      if (t.clitic) w.KInt("clitic", t.clitic);
      w.Close('}');
    }
    w.Close(']');
  }
  WriteTimes(w, a, text);
  WriteFigures(w, a, text);
  WriteEntities(w, a, text);
  WriteQuotes(w, a, text);
  WriteClaims(w, a, text);
  w.Key("diagnostics");
  w.Open('[');
  for (const Diagnostic& d : a.diagnostics) {
    w.Open('{');
    w.KStr("code", ErrorCodeName(d.code));
    w.KInt("begin", d.span.begin);
    w.KInt("end", d.span.end);
    w.KStr("message", d.message);
    w.Close('}');
  }
  w.Close(']');
  w.Close('}');
  w.Done();
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
  Writer w(out);
  w.Open('{');
  w.KStr("id", id);
  w.Key("error");
  w.Open('{');
  w.KStr("code", ErrorCodeName(status.code()));
  w.KStr("message", status.message());
  w.Key("offset");
  if (status.offset() == kNoOffset) w.Null(); else w.Int(static_cast<long long>(status.offset()));
  w.Close('}');
  w.KStr("source", source);
  w.Close('}');
}

}  // namespace v1
}  // namespace communique
