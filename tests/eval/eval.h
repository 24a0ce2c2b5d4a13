// communique-eval: scores the library against gold JSONL files of the format
// in shared/corpora/gold (text, dct, spans with byte offsets, type, value).
//
// Each gold span type that communique can produce has a TypeAdapter that
// lists the system's spans (and values) for a document. Adapters register
// themselves from their own files (adapters_*.cc) with a static Registrar.
#ifndef COMMUNIQUE_TESTS_EVAL_EVAL_H_
#define COMMUNIQUE_TESTS_EVAL_EVAL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "communique/communique.h"

namespace communique::eval {

struct GoldSpan {
  uint32_t begin = 0, end = 0;
  std::string type;
  std::string text;
  nlohmann::json value;  ///< null, string or number, as in the file
  nlohmann::json extra;  ///< object (may be null)
};

struct GoldDoc {
  std::string id;
  std::string text;
  std::string dct;     ///< "" when null
  std::string genre;   ///< GUM genre, else ""
  std::vector<GoldSpan> spans;
  nlohmann::json raw;  ///< the whole record (claims, header, ...)
};

struct SystemSpan {
  uint32_t begin = 0, end = 0;
  std::string value;   ///< normalized value to compare; "" when the type has none
};

struct TypeAdapter {
  std::string name;                     ///< name printed in the report
  std::vector<std::string> gold_types;  ///< gold span types it scores ("date","set",...)
  /// The system's spans of this type in one analysed document.
  std::function<void(const GoldDoc&, const Analysis&, std::vector<SystemSpan>*)> system;
  /// The span to score a gold span by (e.g. GUM's `core`); default: its own.
  std::function<std::pair<uint32_t, uint32_t>(const GoldSpan&)> gold_span;
  /// The gold value as a comparable string; unset: values are not scored.
  std::function<std::string(const GoldDoc&, const GoldSpan&)> gold_value;
  /// Whether a system value matches a gold value (default: equal strings).
  std::function<bool(const std::string& gold, const std::string& sys)> value_equal;
  /// Gold spans to leave out of the score (e.g. marked optional).
  std::function<bool(const GoldSpan&)> skip_gold;
  /// Why a gold span does not apply to communique's records ("" when it
  /// does). Such spans are left out of the score, counted per reason in the
  /// report, and a system span overlapping one is not counted as spurious.
  std::function<std::string(const GoldDoc&, const GoldSpan&)> not_applicable;
};

void Register(TypeAdapter adapter);
const std::vector<TypeAdapter>& Adapters();

struct Registrar {
  explicit Registrar(TypeAdapter a) { Register(std::move(a)); }
};

}  // namespace communique::eval

#endif  // COMMUNIQUE_TESTS_EVAL_EVAL_H_
