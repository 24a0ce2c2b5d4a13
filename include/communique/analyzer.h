// communique/analyzer.h: the Analyzer (built once, shared) and the Session
// (one per thread).
//
//   auto analyzer = communique::Analyzer::Create({});
//   if (!analyzer.ok()) return analyzer.status();
//   communique::Session session = (*analyzer)->NewSession();
//   communique::Analysis analysis;
//   communique::DocumentInfo info;
//   info.date = communique::CivilDate{2021, 8, 2};
//   communique::Status s = session.Analyze(text, info, &analysis);
//
// THREAD SAFETY: an Analyzer is immutable and safe for concurrent use by
// multiple threads. A Session is not thread-safe: use one per thread. It
// keeps the stages' working buffers from one document to the next (a few
// MB at most, freed with it), which is why reusing one is faster.
// LIFETIME: a Session holds a shared_ptr to its Analyzer, so the Analyzer
// lives as long as any Session does. Analysis results own their data.
#ifndef COMMUNIQUE_ANALYZER_H_
#define COMMUNIQUE_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "communique/analysis.h"
#include "communique/config.h"
#include "communique/document.h"
#include "communique/status.h"

COMMUNIQUE_BEGIN_NAMESPACE

enum class Utf8Policy : uint8_t {
  kStrict,   ///< invalid UTF-8 fails Analyze() with kInvalidUtf8 at the first bad byte
  kReplace,  ///< each ill-formed sequence is analysed as U+FFFD; offsets unchanged;
             ///< one kInvalidUtf8 diagnostic per bad sequence (at most 100 listed)
};

struct Options {
  Utf8Policy utf8_policy = Utf8Policy::kStrict;
  /// Larger documents fail with kInputTooLarge before any work. 1..4 GiB-1.
  uint64_t max_document_bytes = 64ull << 20;
  /// A sentence is cut after this many tokens (diagnostic kLimitReached),
  /// which bounds the work of later stages on text without punctuation. 16..1000000.
  uint32_t max_sentence_tokens = 1000;
  /// Stages to run. Tokens and sentences always run.
  bool times = true;
  bool figures = true;
  bool entities = true;
  bool quotes = true;  ///< quotes and claims
  /// Numeric dates like 02.08.2021 and 2/8/2021: true reads day first.
  bool day_first_numeric_dates = false;
};

/// What the caller knows about a document.
struct DocumentInfo {
  std::string_view id;              ///< copied into Analysis::id
  std::optional<CivilDate> date;    ///< the document date, overrides the text's
  /// The caller has checked that the text is well-formed UTF-8 (a validating
  /// JSON parser has): Analyze skips its own pass over the bytes. Set it only
  /// then: ill-formed bytes would still be analysed as U+FFFD, but without
  /// their kInvalidUtf8 diagnostics or, under kStrict, the error.
  bool utf8_checked = false;
};

class Session;

class COMMUNIQUE_API Analyzer : public std::enable_shared_from_this<Analyzer> {
 public:
  /// Builds an Analyzer: compiles patterns, loads tables.
  /// Errors: kInvalidOptions, kDataLoadFailed.
  static Result<std::shared_ptr<const Analyzer>> Create(const Options& options);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  const Options& options() const noexcept;
  /// A new per-thread Session sharing this Analyzer.
  Session NewSession() const;
  /// Convenience: a temporary Session per call (slower than reusing one).
  Result<Analysis> Analyze(std::string_view utf8, const DocumentInfo& info = {}) const;

  struct Impl;
  const Impl& impl() const noexcept { return *impl_; }

 private:
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class COMMUNIQUE_API Session {
 public:
  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;
  ~Session();

  /// Analyses one document into *out (cleared first).
  /// Errors: kInvalidUtf8 (strict policy; offset of the first bad byte),
  /// kInputTooLarge, kInvalidArgument (out is null). On error *out holds
  /// only the id and the error as a diagnostic.
  Status Analyze(std::string_view utf8, const DocumentInfo& info, Analysis* out);

 private:
  friend class Analyzer;
  struct Impl;
  explicit Session(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_ANALYZER_H_
