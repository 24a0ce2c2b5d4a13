// Shared by the fuzz targets: a check that aborts (so libFuzzer and the
// replay main both report it), an independent UTF-8 validator, and the span
// invariants every Analysis must keep on any input.
#ifndef COMMUNIQUE_TESTS_FUZZ_FUZZ_CHECK_H_
#define COMMUNIQUE_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "communique/communique.h"

#ifndef FUZZ_CHECK  // a test may define its own (the invariants test: doctest REQUIRE)
#define FUZZ_CHECK(cond)                                                          \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, \
                   #cond);                                                        \
      std::abort();                                                               \
    }                                                                             \
  } while (0)
#endif

namespace communique::fuzz {

/// At s[i]: the length of a well-formed character (*valid = true), or of the
/// maximal ill-formed subpart that one U+FFFD replaces (Unicode Table 3-7 and
/// "U+FFFD Substitution of Maximal Subparts"). Independent of the library.
inline size_t Utf8SequenceAt(std::string_view s, size_t i, bool* valid) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned c = b(i);
  size_t n;
  unsigned lo = 0x80, hi = 0xBF;
  *valid = false;
  if (c < 0x80) { *valid = true; return 1; }
  if (c >= 0xC2 && c <= 0xDF) n = 1;
  else if (c == 0xE0) { n = 2; lo = 0xA0; }
  else if (c == 0xED) { n = 2; hi = 0x9F; }
  else if (c >= 0xE1 && c <= 0xEF) n = 2;
  else if (c == 0xF0) { n = 3; lo = 0x90; }
  else if (c >= 0xF1 && c <= 0xF3) n = 3;
  else if (c == 0xF4) { n = 3; hi = 0x8F; }
  else return 1;
  for (size_t k = 1; k <= n; ++k) {
    if (i + k >= s.size()) return k;
    unsigned d = b(i + k);
    if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) return k;
  }
  *valid = true;
  return n + 1;
}

/// Offset of the first byte of the first ill-formed UTF-8 sequence, or npos.
inline size_t FirstBadUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    bool valid;
    size_t len = Utf8SequenceAt(s, i, &valid);
    if (!valid) return i;
    i += len;
  }
  return std::string_view::npos;
}

/// s with each maximal ill-formed subpart replaced by U+FFFD.
inline std::string RepairUtf8(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool valid;
    size_t len = Utf8SequenceAt(s, i, &valid);
    out.append(valid ? s.substr(i, len) : std::string_view("\xEF\xBF\xBD"));
    i += len;
  }
  return out;
}

/// boundary[i]: no well-formed multi-byte character straddles offset i.
inline std::vector<bool> CharBoundaries(std::string_view s) {
  std::vector<bool> boundary(s.size() + 1, true);
  for (size_t i = 0; i < s.size();) {
    bool valid;
    size_t len = Utf8SequenceAt(s, i, &valid);
    if (valid)
      for (size_t k = 1; k < len; ++k) boundary[i + k] = false;
    i += len;
  }
  return boundary;
}

inline void CheckSpan(Span s, size_t n) {
  FUZZ_CHECK(s.begin <= s.end);
  FUZZ_CHECK(s.end <= n);
}

template <typename Records>
void CheckSorted(const Records& r) {
  for (size_t i = 1; i < r.size(); ++i) FUZZ_CHECK(r[i - 1].span.begin <= r[i].span.begin);
}

/// Every JSON object with begin, end and a string text has text == input[begin:end]
/// (ill-formed UTF-8 written as U+FFFD, as the JSON writer must).
inline void CheckJsonTexts(const nlohmann::json& j, std::string_view text) {
  if (j.is_object()) {
    auto b = j.find("begin"), e = j.find("end"), t = j.find("text");
    if (b != j.end() && e != j.end() && t != j.end() && t->is_string() &&
        b->is_number_unsigned() && e->is_number_unsigned()) {
      size_t begin = b->get<size_t>(), end = e->get<size_t>();
      FUZZ_CHECK(begin <= end && end <= text.size());
      FUZZ_CHECK(t->get_ref<const std::string&>() == RepairUtf8(text.substr(begin, end - begin)));
    }
    for (const auto& item : j.items()) CheckJsonTexts(item.value(), text);
  } else if (j.is_array()) {
    for (const auto& v : j) CheckJsonTexts(v, text);
  }
}

/// The header's spans lie inside the text and before the body.
inline void CheckHeader(const DocumentHeader& h, size_t n) {
  for (Span s : {h.metadata, h.metadata_date, h.dateline, h.dateline_date, h.place_span,
                 h.source_span})
    CheckSpan(s, n);
  FUZZ_CHECK(h.body_begin <= n);
  if (h.date) FUZZ_CHECK(h.date->month >= 1 && h.date->month <= 12 && h.date->day >= 1 &&
                         h.date->day <= 31);
}

/// The invariants of tests/golden/invariants_test.cc, as aborting checks,
/// plus: the JSON record parses and each "text" is its span of the input.
inline void CheckAnalysis(const Analysis& a, std::string_view text) {
  const size_t n = text.size();
  CheckHeader(a.header, n);
  // Record spans never cut a well-formed character.
  const std::vector<bool> boundary = CharBoundaries(text);
  auto on_chars = [&](Span s) {
    CheckSpan(s, n);
    FUZZ_CHECK(boundary[s.begin] && boundary[s.end]);
  };
  for (const auto& t : a.tokens) on_chars(t.span);
  for (const auto& s : a.sentences) on_chars(s.span);
  for (const auto& p : a.paragraphs) on_chars(p.span);
  for (const auto& t : a.times) on_chars(t.span);
  for (const auto& f : a.figures) on_chars(f.span);
  for (const auto& e : a.entities)
    for (const auto& m : e.mentions) on_chars(m.span);
  for (const auto& q : a.quotes) on_chars(q.span);
  for (const auto& c : a.claims) on_chars(c.span);
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    CheckSpan(a.tokens[i].span, n);
    FUZZ_CHECK(a.tokens[i].span.begin < a.tokens[i].span.end);
    if (i) FUZZ_CHECK(a.tokens[i - 1].span.end <= a.tokens[i].span.begin);
    FUZZ_CHECK(a.tokens[i].norm.begin <= a.tokens[i].norm.end);
    FUZZ_CHECK(a.tokens[i].norm.end <= a.norm_pool.size());
  }
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    const Sentence& s = a.sentences[i];
    CheckSpan(s.span, n);
    FUZZ_CHECK(s.token_count > 0);
    FUZZ_CHECK(uint64_t{s.first_token} + s.token_count <= a.tokens.size());
    FUZZ_CHECK(s.paragraph < a.paragraphs.size());
    FUZZ_CHECK(a.tokens[s.first_token].span.begin == s.span.begin);
    FUZZ_CHECK(a.tokens[s.first_token + s.token_count - 1].span.end == s.span.end);
    if (i) FUZZ_CHECK(a.sentences[i - 1].span.end <= s.span.begin);
  }
  for (const Paragraph& p : a.paragraphs) {
    CheckSpan(p.span, n);
    FUZZ_CHECK(uint64_t{p.first_sentence} + p.sentence_count <= a.sentences.size());
    FUZZ_CHECK(p.turn < static_cast<int32_t>(a.turns.size()));
  }
  CheckSorted(a.paragraphs);
  for (const auto& t : a.times) CheckSpan(t.span, n);
  CheckSorted(a.times);
  for (const auto& f : a.figures) {
    CheckSpan(f.span, n);
    FUZZ_CHECK(f.time < static_cast<int32_t>(a.times.size()));
  }
  CheckSorted(a.figures);
  for (size_t i = 0; i < a.entities.size(); ++i) {
    FUZZ_CHECK(a.entities[i].id == i);
    FUZZ_CHECK(!a.entities[i].mentions.empty());
    for (const auto& m : a.entities[i].mentions) CheckSpan(m.span, n);
    CheckSorted(a.entities[i].mentions);
    const auto& ms = a.entities[i].mentions;  // no span is a mention twice
    for (size_t k = 1; k < ms.size(); ++k)
      FUZZ_CHECK(ms[k - 1].span.begin != ms[k].span.begin || ms[k - 1].span.end != ms[k].span.end);
  }
  for (const auto& q : a.quotes) {
    CheckSpan(q.span, n);
    FUZZ_CHECK(q.speaker < static_cast<int32_t>(a.entities.size()));
  }
  CheckSorted(a.quotes);
  for (const auto& c : a.claims) {
    CheckSpan(c.span, n);
    FUZZ_CHECK(c.quote < static_cast<int32_t>(a.quotes.size()));
    FUZZ_CHECK(c.speaker < static_cast<int32_t>(a.entities.size()));
    for (uint32_t k : c.figures) FUZZ_CHECK(k < a.figures.size());
    for (uint32_t k : c.times) FUZZ_CHECK(k < a.times.size());
    for (uint32_t k : c.entities) FUZZ_CHECK(k < a.entities.size());
    for (uint32_t k : c.restates) FUZZ_CHECK(k < a.claims.size());
  }
  for (const auto& d : a.diagnostics) CheckSpan(d.span, n);

  std::string json;
  AppendJson(a, text, {true, false}, &json);
  auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(!parsed.is_discarded());
  FUZZ_CHECK(parsed.is_object());
  CheckJsonTexts(parsed, text);
}

}  // namespace communique::fuzz

#endif  // COMMUNIQUE_TESTS_FUZZ_FUZZ_CHECK_H_
