// inputs.cc: expanding paths and reading text files and (gzipped) JSONL.
#include "inputs.h"


#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "gzip_reader.h"

namespace extract {
namespace {

namespace fs = std::filesystem;
using communique::ErrorCode;
using communique::Status;

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool IsTextName(const std::string& path) { return EndsWith(Lower(path), ".txt"); }

uint64_t SizeOrZero(const fs::path& p) {
  std::error_code ec;
  uintmax_t size = fs::file_size(p, ec);
  return ec ? 0 : static_cast<uint64_t>(size);
}

// Collects the matching files below `dir`, sorted by path so that the output
// order does not depend on the file system.
void WalkDirectory(const fs::path& dir, std::vector<Input>* out) {
  std::vector<Input> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
  if (ec) {
    Input bad;
    bad.path = dir.string();
    bad.error = Status(ErrorCode::kIoError, "cannot read directory: " + ec.message());
    out->push_back(std::move(bad));
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      Input bad;
      bad.path = it->path().string();
      bad.error = Status(ErrorCode::kIoError, "cannot read directory: " + ec.message());
      found.push_back(std::move(bad));
      ec.clear();
      continue;
    }
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {  // hidden file or directory
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::string path = p.string();
    Input input;
    input.path = path;
    if (IsTextName(path)) {
      input.format = Format::kText;
    } else if (FormatOfPath(path) == Format::kJsonl) {
      input.format = Format::kJsonl;
    } else {
      continue;
    }
    input.size = SizeOrZero(p);
    found.push_back(std::move(input));
  }
  std::sort(found.begin(), found.end(),
            [](const Input& a, const Input& b) { return a.path < b.path; });
  for (Input& input : found) out->push_back(std::move(input));
}

// Reads one text file (or stdin) as a single document.
class TextReader {
 public:
  TextReader(const RunOptions& options, Counters* counters)
      : options_(options), counters_(counters) {}

  bool Read(const Input& input, const EmitFn& emit) {
    Item item;
    item.kind = ItemKind::kText;
    item.id = input.path;
    item.source = input.path;
    uint64_t limit = options_.analyzer.max_document_bytes;
    if (input.size > limit) {
      counters_->input_read += input.size;
      return emit(Error(std::move(item), ErrorCode::kInputTooLarge,
                        "document of " + std::to_string(input.size) +
                            " bytes exceeds --max-bytes " + std::to_string(limit)));
    }
    bool is_stdin = input.path == "-";
    FILE* f = is_stdin ? stdin : std::fopen(input.path.c_str(), "rb");
    if (f == nullptr) {
      return emit(Error(std::move(item), ErrorCode::kIoError,
                        std::string("cannot open: ") + std::strerror(errno)));
    }
    std::string text;
    if (input.size > 0) text.reserve(input.size);
    char buf[1 << 16];
    bool too_large = false;
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
      counters_->input_read += n;
      if (text.size() + n > limit) {  // the file grew, or stdin is too long
        too_large = true;
        break;
      }
      text.append(buf, n);
    }
    bool read_error = std::ferror(f) != 0;
    int saved_errno = errno;
    if (!is_stdin) std::fclose(f);
    if (too_large) {
      return emit(Error(std::move(item), ErrorCode::kInputTooLarge,
                        "document exceeds --max-bytes " + std::to_string(limit)));
    }
    if (read_error) {
      return emit(Error(std::move(item), ErrorCode::kIoError,
                        std::string("read error: ") + std::strerror(saved_errno)));
    }
    item.payload = std::move(text);
    return emit(std::move(item));
  }

 private:
  static Item Error(Item item, ErrorCode code, std::string message) {
    item.kind = ItemKind::kError;
    item.status = Status(code, std::move(message));
    return item;
  }

  const RunOptions& options_;
  Counters* counters_;
};

// Reads JSONL through GzipReader, which also reads uncompressed files as they are.
// Each non-blank line becomes an Item; the worker parses it.
class JsonlReader {
 public:
  JsonlReader(const RunOptions& options, Counters* counters)
      : counters_(counters),
        // A JSON string escapes some of its text (\n, \"), so a line may be a
        // little longer than its document; beyond this slack (1/8 + 64 KiB)
        // it is rejected unread, which bounds the memory one line can take.
        max_line_(options.analyzer.max_document_bytes +
                  options.analyzer.max_document_bytes / 8 + (64 << 10)) {}

  bool Read(const Input& input, const EmitFn& emit) {
    path_ = input.path;
    line_no_ = 0;
    if (!gz_.Open(input.path)) {
      Item item = Error(ErrorCode::kIoError, std::string("cannot open: ") + std::strerror(errno));
      item.id = input.path;
      item.source = input.path;
      return emit(std::move(item));
    }
    uint64_t reported = 0;
    std::string line;
    bool line_too_long = false;
    bool keep_going = true;
    while (keep_going) {
      size_t n = gz_.Read(buf_.data(), buf_.size());
      if (n == 0) break;
      uint64_t raw = gz_.raw_offset();
      if (raw > reported) {
        counters_->input_read += raw - reported;
        reported = raw;
      }
      const char* p = buf_.data();
      const char* end = p + n;
      while (p < end && keep_going) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        const char* stop = nl != nullptr ? nl : end;
        size_t piece = static_cast<size_t>(stop - p);
        if (!line_too_long) {
          if (line.size() + piece > max_line_) {
            line_too_long = true;
            line.clear();
            line.shrink_to_fit();
          } else {
            if (line.empty()) line.reserve(piece + kLinePadding);  // see kLinePadding
            line.append(p, piece);
          }
        }
        p = stop;
        if (nl == nullptr) break;
        ++p;
        keep_going = EndLine(&line, &line_too_long, emit);
      }
    }
    GzipReader::End end = gz_.end();
    std::string message = gz_.message();
    gz_.Close();
    if (!keep_going) return false;
    if (end != GzipReader::End::kClean) {
      // A truncated or corrupt stream: the partial line (if any) is lost, and
      // so is whatever followed; one error record marks the place.
      ++line_no_;
      Item item = Error(ErrorCode::kIoError,
                        end == GzipReader::End::kTruncated ? "truncated gzip stream: " + message
                                                           : "gzip read error: " + message);
      return emit(std::move(item));
    }
    if (!line.empty() || line_too_long) return EndLine(&line, &line_too_long, emit);
    return true;
  }

 private:
  // Emits the finished line (or counts it as blank); clears it.
  bool EndLine(std::string* line, bool* too_long, const EmitFn& emit) {
    ++line_no_;
    if (*too_long) {
      *too_long = false;
      return emit(Error(ErrorCode::kInputTooLarge,
                        "JSONL line longer than " + std::to_string(max_line_) + " bytes"));
    }
    if (!line->empty() && line->back() == '\r') line->pop_back();
    if (line->find_first_not_of(" \t\r\f\v") == std::string::npos) {
      ++counters_->skipped_blank;
      line->clear();
      return true;
    }
    Item item;
    item.kind = ItemKind::kJsonlLine;
    item.source = Position();
    item.payload = std::move(*line);
    line->clear();
    return emit(std::move(item));
  }

  std::string Position() const { return path_ + ":" + std::to_string(line_no_); }

  Item Error(ErrorCode code, std::string message) const {
    Item item;
    item.kind = ItemKind::kError;
    item.id = Position();
    item.source = Position();
    item.status = Status(code, std::move(message));
    return item;
  }

  Counters* counters_;
  uint64_t max_line_;
  GzipReader gz_;
  std::vector<char> buf_ = std::vector<char>(1 << 18);
  std::string path_;
  uint64_t line_no_ = 0;
};

}  // namespace

Format FormatOfPath(const std::string& path) {
  std::string p = Lower(path);
  for (std::string_view ext : {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"}) {
    if (EndsWith(p, ext)) return Format::kJsonl;
  }
  return Format::kText;
}

Status ExpandInputs(const std::vector<std::string>& args, Format stdin_format,
                    std::vector<Input>* out) {
  for (const std::string& arg : args) {
    if (arg == "-") {
      Input input;
      input.path = "-";
      input.format = stdin_format;
      out->push_back(std::move(input));
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      return Status(ErrorCode::kIoError, "no such file or directory: " + arg);
    }
    if (fs::is_directory(st)) {
      WalkDirectory(arg, out);
      continue;
    }
    Input input;
    input.path = arg;
    input.format = FormatOfPath(arg);
    input.size = SizeOrZero(arg);
    out->push_back(std::move(input));
  }
  return Status();
}

void ReadInputs(const std::vector<Input>& inputs, const RunOptions& options,
                Counters* counters, const EmitFn& emit) {
  TextReader text(options, counters);
  JsonlReader jsonl(options, counters);
  for (const Input& input : inputs) {
    bool go_on;
    if (!input.error.ok()) {
      Item item;
      item.kind = ItemKind::kError;
      item.id = input.path;
      item.source = input.path;
      item.status = input.error;
      go_on = emit(std::move(item));
    } else if (input.format == Format::kText) {
      go_on = text.Read(input, emit);
    } else {
      go_on = jsonl.Read(input, emit);
    }
    if (!go_on) return;
  }
}

}  // namespace extract
