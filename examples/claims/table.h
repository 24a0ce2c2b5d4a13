// table.h: the claims table of communique-claims. One row per figure of a
// claim, kept compact: every repeated string (speaker, unit, period, value,
// document id, date) is interned once, and only the figure text (capped) and,
// on request, a capped claim text are stored per row. See docs/extractor.md.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <deque>
#include <unordered_map>
#include <utility>
#include <vector>

namespace claims {

// Interned strings: id 0 is always the empty string.
class Pool {
 public:
  Pool();
  uint32_t Intern(std::string_view s);
  std::string_view Get(uint32_t id) const { return strings_[id]; }
  size_t size() const { return strings_.size(); }
  // rank[id] orders the strings bytewise; valid after Rank().
  void Rank();
  uint32_t rank(uint32_t id) const { return ranks_[id]; }
  size_t bytes() const { return bytes_; }

 private:
  std::deque<std::string> strings_;  // a deque: elements never move
  std::unordered_map<std::string_view, uint32_t> index_;  // views into strings_
  std::vector<uint32_t> ranks_;
  size_t bytes_ = 0;
};

struct Row {
  uint32_t speaker = 0;      // canonical entity name (empty: no speaker)
  uint32_t code = 0;         // entity code (RUS, GOV:USA:MFA, ...)
  uint32_t affiliation = 0;  // alpha-3 or IGO code of the speaker
  uint32_t unit = 0;         // unit key: counted noun, unit, currency, "%"
  uint32_t qualifier = 0;    // words between numeral and counted noun ("satellite")
  uint32_t period = 0;       // TIMEX3 value of the figure's time or the claim's `about`
  uint32_t value = 0;        // value text: `exact`, else the shortest form of `value`
  uint32_t stated_on = 0;    // YYYY-MM-DD or empty
  uint32_t doc = 0;          // document id
  uint32_t claim_kind = 0;   // direct, partial, indirect, according_to
  uint32_t figure_kind = 0;  // cardinal, money, percent, ...
  uint32_t bound = 0;        // approx, more_than, ... or empty
  uint32_t source = 0;       // input file name
  uint32_t line = 0;         // input line of the record in that file
  uint32_t claim = 0;        // claim index in the record
  uint32_t figure = 0;       // figure index in the record
  uint32_t begin = 0, end = 0;  // figure span (bytes of the document text)
  uint64_t text = 0;         // offset of the figure text in the arena
  uint32_t text_len = 0;
  uint32_t context_len = 0;  // claim text after the figure text in the arena
  int8_t sign = 0;
  bool negated = false;
  bool comparable = false;   // may take part in a conflict (docs/extractor.md)
  bool conflict = false;     // comparable, and its key's statements disagree (chosen scope)
  bool across = false;       // two documents disagree on the key
  bool within = false;       // one document disagrees with itself on the key
};

struct Options {
  bool claim_text = false;        // keep the claim text (capped) per row
  size_t max_text = 160;          // cap of the figure text, bytes
  size_t max_claim_text = 400;    // cap of the claim text, bytes
  // Conflicts reported: any, only across documents, only within one.
  enum class Scope { kAll, kAcross, kWithin } scope = Scope::kAll;
  // Only counted nouns ("45 requests") take part in conflicts; with false,
  // also percentages, money and units of measure, whose unit key ("%", "USD",
  // "t") does not say what is measured.
  bool counted_only = true;
  // The qualifier ("12 satellite launches") is part of the key.
  bool qualifiers = true;
};

// What one input line gave.
enum class LineResult { kClaims, kNoClaims, kError };

class Table {
 public:
  explicit Table(const Options& options) : options_(options) {}

  // Adds the rows of one extractor record. On kError, *why says what is wrong.
  LineResult Add(simdjson::dom::object record, std::string_view source, uint32_t line,
                 std::string* why);

  // Sorts the rows: speaker, code, unit, qualifier, period, stated_on, document, span.
  void Finish();

  void WriteTsv(std::FILE* out) const;
  void WriteJsonl(std::FILE* out) const;
  // Conflicts: same speaker, code, unit, qualifier and period, statements that disagree.
  // Returns the number of conflicting keys.
  size_t WriteConflictsTsv(std::FILE* out) const;
  size_t WriteConflictsJsonl(std::FILE* out) const;
  size_t CountConflicts() const;

  size_t rows() const { return rows_.size(); }
  size_t claims() const { return claims_; }
  size_t claims_without_figures() const { return claims_without_figures_; }
  size_t bad_references() const { return bad_references_; }
  size_t keys() const;
  size_t MemoryBytes() const;

 private:
  template <typename Fn>
  size_t ForEachConflict(Fn fn) const;
  bool SameKey(const Row& a, const Row& b) const;
  std::string_view Scope(const Row& r) const;
  std::pair<double, double> Interval(const Row& r) const;
  void WriteTsvRow(std::FILE* out, const Row& r) const;
  void WriteJsonRow(std::string* out, const Row& r) const;

  Options options_;
  Pool pool_;
  std::vector<Row> rows_;
  std::string arena_;
  size_t claims_ = 0, claims_without_figures_ = 0, bad_references_ = 0;
};

// Output helpers (also used by main.cc).
void AppendTsvField(std::string_view s, std::string* out);
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace claims
