// Internal: the data tables of lib/data/*.tsv, embedded at build time, and a
// small TSV reader with line-numbered errors.
//
// Table format: UTF-8, one row a line, fields separated by one TAB. Lines
// starting with '#' are comments (licence, source, data_version); the first
// other line is the header row. Empty lines are ignored.
#ifndef COMMUNIQUE_LIB_CORE_TABLES_H_
#define COMMUNIQUE_LIB_CORE_TABLES_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "communique/status.h"

namespace communique::internal {

struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};
/// Terminated by an entry with an empty name.
extern const EmbeddedFile kEmbeddedTables[];

/// The content of an embedded table, e.g. "abbreviations.tsv"; empty if absent.
std::string_view EmbeddedTable(std::string_view name) noexcept;

struct TsvRow {
  uint32_t line = 0;  ///< 1-based line number in the file
  std::span<const std::string_view> fields;  ///< into Tsv::cells
};

/// Movable, not copyable: the rows view its cells.
struct Tsv {
  Tsv() = default;
  Tsv(Tsv&&) = default;
  Tsv& operator=(Tsv&&) = default;
  Tsv(const Tsv&) = delete;
  Tsv& operator=(const Tsv&) = delete;

  std::vector<std::string_view> header;
  std::vector<TsvRow> rows;
  std::vector<std::string_view> cells;  ///< every row's fields, in order: one allocation, not one per row
  /// Index of a header column, or -1.
  int Column(std::string_view name) const noexcept;
};

/// Parses `content` (views stay into it). Every row must have at least
/// `min_fields` fields; errors are kDataLoadFailed naming file and line
/// (and leave no rows).
Status ParseTsv(std::string_view file_name, std::string_view content,
                size_t min_fields, Tsv* out);

/// EmbeddedTable + ParseTsv; a missing table is kDataLoadFailed.
Status LoadTable(std::string_view file_name, size_t min_fields, Tsv* out);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_CORE_TABLES_H_
