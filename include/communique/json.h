// communique/json.h: an Analysis as one JSON object (schema: docs/records.md).
//
//   std::string line;
//   communique::AppendJson(analysis, text, {}, &line);   // one JSONL line
//
// The schema is a stable contract: later versions only add fields.
// Thread-compatible (no shared state).
#ifndef COMMUNIQUE_JSON_H_
#define COMMUNIQUE_JSON_H_

#include <string>
#include <string_view>

#include "communique/analysis.h"
#include "communique/config.h"
#include "communique/status.h"

COMMUNIQUE_BEGIN_NAMESPACE

struct JsonOptions {
  bool tokens = false;   ///< include the "tokens" array
  bool pretty = false;   ///< indented output instead of one line
};

/// Appends the JSON object of `analysis` of `text` to *out (no newline).
COMMUNIQUE_API void AppendJson(const Analysis& analysis, std::string_view text,
                               const JsonOptions& options, std::string* out);

/// Appends an error record {"id", "error": {"code","message","offset"}, "source"}.
COMMUNIQUE_API void AppendErrorJson(std::string_view id, const Status& status,
                                    std::string_view source, std::string* out);

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_JSON_H_
