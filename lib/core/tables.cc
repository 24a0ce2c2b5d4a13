#include "core/tables.h"

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
  out->cells.clear();
  // Sized once, exactly enough: tables have up to ~20k lines, and fresh
  // pages cost page faults.
  size_t lines = 1, tabs = 0;
  for (size_t at = 0; at < content.size(); at += 255) {  // byte-wide counts vectorize
    const std::string_view block = content.substr(at, 255);
    uint8_t block_lines = 0, block_tabs = 0;
    for (const char c : block) {
      block_lines = static_cast<uint8_t>(block_lines + (c == '\n'));
      block_tabs = static_cast<uint8_t>(block_tabs + (c == '\t'));
    }
    lines += block_lines;
    tabs += block_tabs;
  }
  out->rows.reserve(lines);
  out->cells.reserve(lines + tabs);
  std::vector<uint32_t> field_counts;  // per row, to point the rows at their cells at the end
  field_counts.reserve(lines);
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    const size_t line_begin = pos;
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const size_t first = out->cells.size();
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      out->cells.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    const size_t fields = out->cells.size() - first;
    if (out->header.empty()) {
      out->header.assign(out->cells.begin() + static_cast<std::ptrdiff_t>(first), out->cells.end());
      out->cells.resize(first);
      continue;
    }
    if (fields < min_fields) {
      out->rows.clear();  // their fields are not set yet
      return Status(ErrorCode::kDataLoadFailed,
                    std::string(file_name) + ":" + std::to_string(line_no) + ": expected at least " +
                        std::to_string(min_fields) + " tab-separated fields, found " +
                        std::to_string(fields),
                    line_begin);
    }
    out->rows.push_back({line_no, {}});
    field_counts.push_back(static_cast<uint32_t>(fields));
  }
  if (out->header.empty())
    return Status(ErrorCode::kDataLoadFailed, std::string(file_name) + ": no header row");
  const std::string_view* cell = out->cells.data();
  for (size_t r = 0; r < out->rows.size(); ++r) {
    out->rows[r].fields = {cell, field_counts[r]};
    cell += field_counts[r];
  }
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
