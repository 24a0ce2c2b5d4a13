// worker.h: turns one Item into one JSON object (a record or an error record).
#ifndef COMMUNIQUE_EXAMPLES_EXTRACT_WORKER_H_
#define COMMUNIQUE_EXAMPLES_EXTRACT_WORKER_H_

#include <memory>
#include <string_view>

#include "extract.h"

namespace extract {

/// Offset of the first byte of the first ill-formed UTF-8 sequence, or npos.
size_t FirstInvalidUtf8(std::string_view s) noexcept;

/// Copies `s` to *out with each maximal ill-formed UTF-8 subsequence replaced
/// by U+FFFD; returns the number of replacements.
size_t RepairUtf8(std::string_view s, std::string* out);

/// Per-thread state: a Session, a reusable Analysis and a JSON parser.
/// Not thread-safe: one per worker thread.
class Worker {
 public:
  Worker(const std::shared_ptr<const communique::Analyzer>& analyzer,
         const RunOptions& options);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  /// Fills item->output, failed, utf8_repaired, text_bytes (and status on
  /// failure); frees item->payload.
  void Process(Item* item);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace extract

#endif  // COMMUNIQUE_EXAMPLES_EXTRACT_WORKER_H_
