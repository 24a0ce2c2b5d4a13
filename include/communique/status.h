// communique/status.h: error codes, Status and Result<T>.
//
//   communique::Result<communique::Analysis> r = analyzer->Analyze(text);
//   if (!r.ok()) {
//     std::cerr << r.status().ToString() << "\n";   // "invalid_utf8 at byte 17: ..."
//   }
//
// No exception crosses the API for bad data: functions return Status or
// Result<T>. std::bad_alloc is the only exception that may escape.
// Status and Result are plain values; they are thread-compatible.
#ifndef COMMUNIQUE_STATUS_H_
#define COMMUNIQUE_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "communique/config.h"

COMMUNIQUE_BEGIN_NAMESPACE

/// Every error and diagnostic carries one of these codes.
enum class ErrorCode : uint8_t {
  kOk = 0,             ///< success
  kInvalidUtf8,        ///< a byte sequence that is not UTF-8; offset = first bad byte
  kInputTooLarge,      ///< document exceeds Options::max_document_bytes
  kInvalidOptions,     ///< an Options field is out of range
  kInvalidArgument,    ///< a bad argument (e.g. a malformed date string)
  kDataLoadFailed,     ///< a data table could not be read or parsed
  kInvalidJson,        ///< a JSONL input line is not a valid document object
  kIoError,            ///< a file could not be read or written
  kNulByte,            ///< a NUL byte in the text (a diagnostic; analysed as space)
  kUnbalancedQuote,    ///< a quotation mark without its partner (diagnostic)
  kLimitReached,       ///< a documented limit cut work short (diagnostic)
  kInternal,           ///< a bug in communique
};

/// Stable lower-case name of a code, e.g. "invalid_utf8".
COMMUNIQUE_API std::string_view ErrorCodeName(ErrorCode code) noexcept;

/// No offset: the error is not about one place in the text.
inline constexpr uint64_t kNoOffset = ~uint64_t{0};

/// The outcome of an operation: ok, or a code, a message and a byte offset.
class [[nodiscard]] Status {
 public:
  Status() noexcept = default;  // ok
  Status(ErrorCode code, std::string message, uint64_t offset = kNoOffset)
      : code_(code), message_(std::move(message)), offset_(offset) {}

  bool ok() const noexcept { return code_ == ErrorCode::kOk; }
  ErrorCode code() const noexcept { return code_; }
  const std::string& message() const noexcept { return message_; }
  /// Byte offset into the input that the error is about, or kNoOffset.
  uint64_t offset() const noexcept { return offset_; }
  /// "code at byte N: message" (or "code: message" without an offset).
  COMMUNIQUE_API std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  uint64_t offset_ = kNoOffset;
};

/// A value or an error Status. value() REQUIRES ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const noexcept { return status_.ok(); }
  const Status& status() const noexcept { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_STATUS_H_
