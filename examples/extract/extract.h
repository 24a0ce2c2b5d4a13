// extract.h: the pieces of communique-extract shared by its files.
//
// Data flow: a reader thread turns the inputs into numbered Items (one per
// document or per bad input position), worker threads analyse them (each with
// its own Session and JSON parser) and the main thread writes the results in
// input order. At most RunOptions::max_in_flight Items exist at a time.
#ifndef COMMUNIQUE_EXAMPLES_EXTRACT_EXTRACT_H_
#define COMMUNIQUE_EXAMPLES_EXTRACT_EXTRACT_H_

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "communique/communique.h"

namespace extract {

/// How the bytes of one input are read.
enum class Format : uint8_t {
  kText,   ///< the whole file is one document
  kJsonl,  ///< one JSON object per line, plain or gzip-compressed
};

/// One input named on the command line or found in a directory.
struct Input {
  std::string path;      ///< "-" is stdin
  Format format = Format::kText;
  uint64_t size = 0;     ///< bytes on disk (compressed size for .gz); 0 for stdin
  communique::Status error;  ///< not ok: the input cannot be read (one error record)
};

/// What the worker must do with an Item.
enum class ItemKind : uint8_t {
  kText,       ///< `payload` is the document text
  kJsonlLine,  ///< `payload` is one JSONL line, parsed by the worker
  kError,      ///< the reader already failed: `status` says why
};

/// Spare capacity the reader leaves after a JSONL line, so that the
/// worker's JSON parser (which reads up to 64 bytes past the end) can parse
/// the line in place instead of copying it.
inline constexpr size_t kLinePadding = 64;

/// One document (or one failed input position) in flight.
struct Item {
  uint64_t seq = 0;           ///< position in the output
  ItemKind kind = ItemKind::kText;
  std::string payload;        ///< the text, or one JSONL line without its newline (mostly with kLinePadding spare)
  std::string id;             ///< text files: the path; JSONL: set by the worker
  std::string source;         ///< "path" or "path:line"
  communique::Status status;  ///< why the Item failed (set by reader or worker)
  uint64_t charged = 0;       ///< payload bytes counted against the in-flight bound
  // Filled by the worker:
  std::string output;         ///< one JSON object, no newline
  bool failed = false;        ///< output is an error record
  bool utf8_repaired = false; ///< invalid UTF-8 was analysed as U+FFFD
  uint64_t text_bytes = 0;    ///< bytes of document text analysed
};

/// Options of one run, from the command line.
struct RunOptions {
  communique::Options analyzer;
  std::optional<communique::CivilDate> default_date;
  communique::JsonOptions json;
  unsigned threads = 1;
  size_t max_in_flight = 64;          ///< Items alive at once
  uint64_t max_in_flight_bytes = 64ull << 20;  ///< payload bytes alive at once (soft)
  bool fail_fast = false;
  bool progress = false;
  bool progress_tty = false;          ///< redraw one line with \r
  Format stdin_format = Format::kJsonl;
};

/// Counters shared by the threads; read by the progress line.
struct Counters {
  std::atomic<uint64_t> documents{0};     ///< Items written (ok or failed)
  std::atomic<uint64_t> errors{0};        ///< error records written
  std::atomic<uint64_t> skipped_blank{0}; ///< blank JSONL lines (not documents)
  std::atomic<uint64_t> utf8_repaired{0}; ///< documents with U+FFFD repairs
  std::atomic<uint64_t> text_bytes{0};    ///< document bytes written
  std::atomic<uint64_t> input_read{0};    ///< input bytes consumed by the reader
  uint64_t input_total = 0;               ///< sum of Input::size; 0 if unknown
};

}  // namespace extract

#endif  // COMMUNIQUE_EXAMPLES_EXTRACT_EXTRACT_H_
