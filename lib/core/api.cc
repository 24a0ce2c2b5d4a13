// Small public functions: names of enums, Status, CivilDate, spans, version.
#include <chrono>
#include <cstdio>
#include <string>

#include "communique/analysis.h"
#include "communique/status.h"
#include "communique/version.h"
#include "core/utf8.h"

namespace communique {
inline namespace v1 {

const char* Version() noexcept { return COMMUNIQUE_VERSION_STRING; }
const char* DataVersion() noexcept { return "2026.11.1"; }

std::string_view ErrorCodeName(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidUtf8: return "invalid_utf8";
    case ErrorCode::kInputTooLarge: return "input_too_large";
    case ErrorCode::kInvalidOptions: return "invalid_options";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kDataLoadFailed: return "data_load_failed";
    case ErrorCode::kInvalidJson: return "invalid_json";
    case ErrorCode::kIoError: return "io_error";
    case ErrorCode::kNulByte: return "nul_byte";
    case ErrorCode::kUnbalancedQuote: return "unbalanced_quote";
    case ErrorCode::kLimitReached: return "limit_reached";
    case ErrorCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  std::string s(ErrorCodeName(code_));
  if (offset_ != kNoOffset) s += " at byte " + std::to_string(offset_);
  if (!message_.empty()) s += ": " + message_;
  return s;
}

std::string CivilDate::ToString() const {
  if (year >= 0 && year <= 9999 && month <= 99 && day <= 99) {
    // By hand: snprintf costs more than the rest of a short document's header.
    auto two = [](char* d, unsigned v) {
      d[0] = static_cast<char>('0' + v / 10);
      d[1] = static_cast<char>('0' + v % 10);
    };
    const auto y = static_cast<unsigned>(year);
    char buf[10];
    two(buf, y / 100);
    two(buf + 2, y % 100);
    buf[4] = '-';
    two(buf + 5, month);
    buf[7] = '-';
    two(buf + 8, day);
    return std::string(buf, sizeof buf);
  }
  char buf[32];
  if (year >= 0 && year <= 9999)
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
  else
    std::snprintf(buf, sizeof buf, "%+05d-%02u-%02u", year, month, day);
  return buf;
}

std::optional<CivilDate> CivilDate::Parse(std::string_view iso) noexcept {
  if (iso.size() > 10 && iso[10] == 'T') iso = iso.substr(0, 10);
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  size_t fields[3][2] = {{0, 4}, {5, 2}, {8, 2}};
  for (int f = 0; f < 3; ++f) {
    for (size_t k = 0; k < fields[f][1]; ++k) {
      char c = iso[fields[f][0] + k];
      if (c < '0' || c > '9') return std::nullopt;
      v[f] = v[f] * 10 + (c - '0');
    }
  }
  std::chrono::year_month_day ymd{std::chrono::year{v[0]}, std::chrono::month{static_cast<unsigned>(v[1])},
                                  std::chrono::day{static_cast<unsigned>(v[2])}};
  if (!ymd.ok()) return std::nullopt;
  return CivilDate{v[0], static_cast<uint8_t>(v[1]), static_cast<uint8_t>(v[2])};
}

size_t CodePointOffset(std::string_view text, size_t byte_offset) noexcept {
  size_t n = 0, i = 0, end = byte_offset < text.size() ? byte_offset : text.size();
  while (i < end) {
    i += internal::DecodeAt(text, i).len;
    ++n;
  }
  return n;
}

size_t Utf16Offset(std::string_view text, size_t byte_offset) noexcept {
  size_t n = 0, i = 0, end = byte_offset < text.size() ? byte_offset : text.size();
  while (i < end) {
    internal::Decoded d = internal::DecodeAt(text, i);
    n += d.cp >= 0x10000 ? 2 : 1;
    i += d.len;
  }
  return n;
}

void Analysis::Clear() noexcept {
  id.clear();
  header = DocumentHeader{};
  paragraphs.clear();
  sentences.clear();
  tokens.clear();
  turns.clear();
  times.clear();
  figures.clear();
  entities.clear();
  quotes.clear();
  claims.clear();
  diagnostics.clear();
  norm_pool.clear();
  norm_hashes.clear();
  token_starts.clear();
}

std::string_view TimeTypeName(TimeType t) noexcept {
  switch (t) {
    case TimeType::kDate: return "DATE";
    case TimeType::kTime: return "TIME";
    case TimeType::kDuration: return "DURATION";
    case TimeType::kSet: return "SET";
  }
  return "DATE";
}

std::string_view TimeModName(TimeMod m) noexcept {
  static constexpr std::string_view kNames[] = {
      "", "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE",
      "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"};
  auto i = static_cast<size_t>(m);
  return i < std::size(kNames) ? kNames[i] : "";
}

std::string_view FigureKindName(FigureKind k) noexcept {
  static constexpr std::string_view kNames[] = {"cardinal", "ordinal", "percent", "money",
                                                "quantity", "range",   "vague"};
  auto i = static_cast<size_t>(k);
  return i < std::size(kNames) ? kNames[i] : "cardinal";
}

std::string_view FigureBoundName(FigureBound b) noexcept {
  static constexpr std::string_view kNames[] = {"exact",     "approx",   "more_than",
                                                "at_least",  "less_than", "at_most"};
  auto i = static_cast<size_t>(b);
  return i < std::size(kNames) ? kNames[i] : "exact";
}

std::string_view EntityTypeName(EntityType t) noexcept {
  static constexpr std::string_view kNames[] = {"country", "person", "organization", "location"};
  auto i = static_cast<size_t>(t);
  return i < std::size(kNames) ? kNames[i] : "country";
}

std::string_view MentionViaName(MentionVia v) noexcept {
  static constexpr std::string_view kNames[] = {"name",    "alias", "demonym", "seat",
                                                "surname", "title", "role",    "pronoun"};
  auto i = static_cast<size_t>(v);
  return i < std::size(kNames) ? kNames[i] : "name";
}

std::string_view QuoteKindName(QuoteKind k) noexcept {
  static constexpr std::string_view kNames[] = {"direct", "partial", "indirect", "according_to",
                                                "scare"};
  auto i = static_cast<size_t>(k);
  return i < std::size(kNames) ? kNames[i] : "direct";
}

}  // namespace v1
}  // namespace communique
