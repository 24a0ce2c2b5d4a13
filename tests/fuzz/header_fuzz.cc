// Fuzz target: the document-header parser (internal::HeaderParser) on
// arbitrary bytes, with and without a caller date. Its spans must lie in the
// text, the body must start inside it, a caller date must win, and parsing
// the same text twice must give the same header.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "header/header.h"

namespace {

constexpr size_t kMaxInput = 16 << 10;

const communique::internal::HeaderParser& Parser() {
  static const auto* parser = communique::internal::HeaderParser::Create().value().release();
  return *parser;
}

bool Same(const communique::DocumentHeader& a, const communique::DocumentHeader& b) {
  return a.date.has_value() == b.date.has_value() &&
         (!a.date || (a.date->year == b.date->year && a.date->month == b.date->month &&
                      a.date->day == b.date->day)) &&
         a.date_source == b.date_source && a.metadata == b.metadata &&
         a.dateline == b.dateline && a.place_span == b.place_span && a.place == b.place &&
         a.source_span == b.source_span && a.source == b.source &&
         a.body_begin == b.body_begin;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return -1;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto& parser = Parser();
  const communique::CivilDate caller{2020, 2, 29};
  for (bool with_date : {false, true}) {
    std::optional<communique::CivilDate> date;
    if (with_date) date = caller;
    communique::DocumentHeader h, again;
    std::vector<communique::Diagnostic> diagnostics, more;
    parser.Parse(text, date, &h, &diagnostics);
    communique::fuzz::CheckHeader(h, text.size());
    for (const auto& d : diagnostics) communique::fuzz::CheckSpan(d.span, text.size());
    if (with_date) {
      FUZZ_CHECK(h.date.has_value());
      FUZZ_CHECK(h.date->year == 2020 && h.date->month == 2 && h.date->day == 29);
    }
    if (!h.place.empty()) FUZZ_CHECK(!h.place_span.empty());
    if (!h.source.empty()) FUZZ_CHECK(!h.source_span.empty());
    parser.Parse(text, date, &again, &more);
    FUZZ_CHECK(Same(h, again));
    FUZZ_CHECK(diagnostics.size() == more.size());
  }
  return 0;
}
