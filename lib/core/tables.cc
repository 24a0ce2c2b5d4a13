#include "core/tables.h"

#include <algorithm>
#include <string>

namespace communique::internal {

std::string_view EmbeddedTable(std::string_view name) noexcept {
  for (const EmbeddedFile* f = kEmbeddedTables; !f->name.empty(); ++f)
    if (f->name == name) return f->content;
  return {};
}

int Tsv::Column(std::string_view name) const noexcept {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

Status ParseTsv(std::string_view file_name, std::string_view content,
                size_t min_fields, Tsv* out) {
  out->header.clear();
  out->rows.clear();
  // One allocation for the rows and one per row: tables have up to ~20k lines.
  out->rows.reserve(static_cast<size_t>(std::count(content.begin(), content.end(), '\n')) + 1);
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    size_t line_begin = pos;
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    fields.reserve(static_cast<size_t>(std::count(line.begin(), line.end(), '\t')) + 1);
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (out->header.empty()) {
      out->header = std::move(fields);
      continue;
    }
    if (fields.size() < min_fields) {
      return Status(ErrorCode::kDataLoadFailed,
                    std::string(file_name) + ":" + std::to_string(line_no) + ": expected at least " +
                        std::to_string(min_fields) + " tab-separated fields, found " +
                        std::to_string(fields.size()),
                    line_begin);
    }
    out->rows.push_back({line_no, std::move(fields)});
  }
  if (out->header.empty())
    return Status(ErrorCode::kDataLoadFailed, std::string(file_name) + ": no header row");
  return Status();
}

Status LoadTable(std::string_view file_name, size_t min_fields, Tsv* out) {
  std::string_view content = EmbeddedTable(file_name);
  if (content.empty())
    return Status(ErrorCode::kDataLoadFailed,
                  "built-in table " + std::string(file_name) + " is missing");
  return ParseTsv(file_name, content, min_fields, out);
}

}  // namespace communique::internal
