// Internal: the document header (metadata line, news-wire dateline).
#ifndef COMMUNIQUE_LIB_HEADER_HEADER_H_
#define COMMUNIQUE_LIB_HEADER_HEADER_H_

#include <memory>
#include <optional>
#include <string_view>

#include <re2/re2.h>

#include "communique/analysis.h"
#include "communique/status.h"

namespace communique::internal {

/// Month number (1-12) of an English month name or abbreviation
/// ("August", "Aug", "Sept"), case-insensitive; 0 if none.
int MonthNumber(std::string_view word) noexcept;

class HeaderParser {
 public:
  static Result<std::unique_ptr<HeaderParser>> Create();

  /// Parses the header at the start of text (after a BOM and blank space)
  /// and fills *header, including the document date: the caller's date wins,
  /// then a full metadata date, then the dateline's day and month completed
  /// with a year from the metadata line. Never fails.
  void Parse(std::string_view text, const std::optional<CivilDate>& caller_date,
             DocumentHeader* header, std::vector<Diagnostic>* diagnostics) const;

 private:
  HeaderParser();
  RE2 metadata_;  // the dateline has a scanner of its own (header/dateline.h)
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_HEADER_HEADER_H_
