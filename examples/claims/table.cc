// table.cc: rows from extractor records, sorting, conflicts and output.
#include "table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <tuple>

namespace claims {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::string_view StringField(object o, std::string_view key) {
  std::string_view s;
  if (o[key].get_string().get(s) != SUCCESS) return {};
  return s;
}

// Index field: -1 when absent, null or not a non-negative integer.
int64_t IndexField(object o, std::string_view key) {
  int64_t v;
  if (o[key].get_int64().get(v) != SUCCESS || v < 0) return -1;
  return v;
}

// Shortest text that reads back as `v` ("45", "0.75", "5e+09").
std::string Shortest(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

// A period that names a calendar time: starts with a four-digit year
// ("2020", "2021-H1", "2021-08-02", "2014/2016"). Relative values
// (PRESENT_REF, UNDEF-...), durations (P3Y), clock times and XXXX dates
// do not identify a period across documents.
bool ConcretePeriod(std::string_view p) {
  if (p.size() < 4) return false;
  for (size_t i = 0; i < 4; ++i) {
    if (p[i] < '0' || p[i] > '9') return false;
  }
  return true;
}

void Collect(object record, std::string_view key, std::vector<element>* out) {
  out->clear();
  array a;
  if (record[key].get_array().get(a) != SUCCESS) return;
  for (element e : a) out->push_back(e);
}

std::string_view Cap(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  // Do not cut a UTF-8 character: back up over continuation bytes.
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// Words a qualifier leaves out: they do not change what is counted.
bool QualifierStopWord(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "a", "an", "the", "such", "these", "those", "of", "other", "more", "additional",
      "further", "total", "overall", "all", "some", "and", "or", "another", "its", "their"};
  for (std::string_view s : kStop) {
    if (w == s) return true;
  }
  return false;
}

// The qualifier of a figure: the lower-cased words of its text between the
// numeral and the counted noun ("12 satellite launches" -> "satellite"),
// without determiners and words like "such" ("45 such requests" -> "").
std::string Qualifier(object figure) {
  object number, unit_span;
  int64_t figure_begin, number_end, unit_begin;
  std::string_view text = StringField(figure, "text");
  if (figure["begin"].get_int64().get(figure_begin) != SUCCESS ||
      figure["number"].get_object().get(number) != SUCCESS ||
      figure["unit_span"].get_object().get(unit_span) != SUCCESS ||
      number["end"].get_int64().get(number_end) != SUCCESS ||
      unit_span["begin"].get_int64().get(unit_begin) != SUCCESS) {
    return {};
  }
  if (number_end < figure_begin || unit_begin <= number_end ||
      static_cast<uint64_t>(unit_begin - figure_begin) > text.size()) {
    return {};  // the noun stands elsewhere ("forty-five of them")
  }
  std::string_view between = text.substr(static_cast<size_t>(number_end - figure_begin),
                                         static_cast<size_t>(unit_begin - number_end));
  std::string out, word;
  auto flush = [&] {
    if (!word.empty() && !QualifierStopWord(word)) {
      if (!out.empty()) out.push_back(' ');
      out.append(word);
    }
    word.clear();
  };
  for (char c : between) {
    if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == ',') {
      flush();
    } else {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  flush();
  return out;
}

}  // namespace

Pool::Pool() { Intern(""); }

uint32_t Pool::Intern(std::string_view s) {
  auto it = index_.find(s);
  if (it != index_.end()) return it->second;
  auto id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  bytes_ += s.size() + sizeof(std::string) + 48;  // string, hash node, bucket
  index_.emplace(strings_.back(), id);
  return id;
}

void Pool::Rank() {
  std::vector<uint32_t> order(strings_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return strings_[a] < strings_[b]; });
  ranks_.assign(strings_.size(), 0);
  for (uint32_t r = 0; r < order.size(); ++r) ranks_[order[r]] = r;
}

LineResult Table::Add(object record, std::string_view source, uint32_t line,
                      std::string* why) {
  object error;
  if (record["error"].get_object().get(error) == SUCCESS) {
    *why = "error record of the extractor: " + std::string(StringField(error, "code")) + ": " +
           std::string(StringField(error, "message"));
    return LineResult::kError;
  }
  array claim_array;
  if (record["claims"].get_array().get(claim_array) != SUCCESS) {
    *why = "no \"claims\" array (not a communique-extract record?)";
    return LineResult::kError;
  }
  if (claim_array.size() == 0) return LineResult::kNoClaims;
  std::vector<element> figures, times, entities;
  Collect(record, "figures", &figures);
  Collect(record, "times", &times);
  Collect(record, "entities", &entities);
  uint32_t doc = pool_.Intern(StringField(record, "id"));
  uint32_t claim_index = 0;
  for (element claim_element : claim_array) {
    uint32_t ci = claim_index++;
    ++claims_;
    object claim;
    if (claim_element.get_object().get(claim) != SUCCESS) { ++bad_references_; continue; }
    array figure_refs;
    if (claim["figures"].get_array().get(figure_refs) != SUCCESS || figure_refs.size() == 0) {
      ++claims_without_figures_;
      continue;
    }
    Row base;
    base.doc = doc;
    base.source = pool_.Intern(source);
    base.line = line;
    base.claim = ci;
    base.claim_kind = pool_.Intern(StringField(claim, "kind"));
    base.stated_on = pool_.Intern(StringField(claim, "stated_on"));
    bool negated = false;
    base.negated = claim["negated"].get_bool().get(negated) == SUCCESS && negated;
    int64_t speaker = IndexField(claim, "speaker");
    if (speaker >= 0) {
      object entity;
      if (static_cast<size_t>(speaker) < entities.size() &&
          entities[static_cast<size_t>(speaker)].get_object().get(entity) == SUCCESS) {
        base.speaker = pool_.Intern(StringField(entity, "name"));
        base.code = pool_.Intern(StringField(entity, "code"));
        base.affiliation = pool_.Intern(StringField(entity, "affiliation"));
      } else {
        ++bad_references_;
      }
    }
    std::string_view about = StringField(claim, "about");
    std::string_view claim_text =
        options_.claim_text ? Cap(StringField(claim, "text"), options_.max_claim_text)
                            : std::string_view();
    for (element ref : figure_refs) {
      int64_t fi;
      object figure;
      if (ref.get_int64().get(fi) != SUCCESS || fi < 0 ||
          static_cast<size_t>(fi) >= figures.size() ||
          figures[static_cast<size_t>(fi)].get_object().get(figure) != SUCCESS) {
        ++bad_references_;
        continue;
      }
      Row r = base;
      r.figure = static_cast<uint32_t>(fi);
      std::string_view figure_kind = StringField(figure, "kind");
      r.figure_kind = pool_.Intern(figure_kind);
      r.bound = pool_.Intern(StringField(figure, "bound"));
      int64_t sign = 0;
      if (figure["sign"].get_int64().get(sign) == SUCCESS) r.sign = sign < 0 ? -1 : 1;
      int64_t v;
      if (figure["begin"].get_int64().get(v) == SUCCESS && v >= 0) r.begin = static_cast<uint32_t>(v);
      if (figure["end"].get_int64().get(v) == SUCCESS && v >= 0) r.end = static_cast<uint32_t>(v);
      // Unit key: counted noun or unit; money: currency (+ subunit); a bare percent: "%".
      std::string_view unit = StringField(figure, "unit");
      std::string_view currency = StringField(figure, "currency");
      if (!currency.empty()) {
        r.unit = pool_.Intern(unit.empty() ? std::string(currency)
                                           : std::string(currency) + " " + std::string(unit));
      } else if (!unit.empty()) {
        r.unit = pool_.Intern(unit);
        if (options_.qualifiers) r.qualifier = pool_.Intern(Qualifier(figure));
      } else if (figure_kind == "percent") {
        r.unit = pool_.Intern("%");
      }
      // Value: the exact decimal text, else the shortest form of the number.
      std::string_view exact = StringField(figure, "exact");
      double number;
      if (!exact.empty()) {
        r.value = pool_.Intern(exact);
      } else if (figure["value"].get_double().get(number) == SUCCESS) {
        r.value = pool_.Intern(Shortest(number));
      }
      // Period: the figure's own time, else the claim's `about`.
      std::string_view period = about;
      int64_t ti = IndexField(figure, "time");
      object time;
      if (ti >= 0 && static_cast<size_t>(ti) < times.size() &&
          times[static_cast<size_t>(ti)].get_object().get(time) == SUCCESS) {
        std::string_view own = StringField(time, "value");
        if (!own.empty()) period = own;
      }
      r.period = pool_.Intern(period);
      std::string_view text = Cap(StringField(figure, "text"), options_.max_text);
      r.text = arena_.size();
      r.text_len = static_cast<uint32_t>(text.size());
      arena_.append(text);
      r.context_len = static_cast<uint32_t>(claim_text.size());
      arena_.append(claim_text);
      bool counted = !unit.empty() && currency.empty() && unit != "percent" &&
                     unit != "percentage point" &&
                     (figure_kind == "cardinal" || figure_kind == "range");
      r.comparable = r.speaker != 0 && r.unit != 0 && r.value != 0 && ConcretePeriod(period) &&
                     figure_kind != "ordinal" && figure_kind != "vague" &&
                     (counted || !options_.counted_only);
      rows_.push_back(r);
    }
  }
  return LineResult::kClaims;
}

bool Table::SameKey(const Row& a, const Row& b) const {
  return a.speaker == b.speaker && a.code == b.code && a.unit == b.unit &&
         a.qualifier == b.qualifier && a.period == b.period;
}

void Table::Finish() {
  pool_.Rank();
  auto key = [&](const Row& r) {
    return std::make_tuple(r.speaker == 0, pool_.rank(r.speaker), pool_.rank(r.code),
                           pool_.rank(r.unit), pool_.rank(r.qualifier), pool_.rank(r.period),
                           pool_.rank(r.stated_on), pool_.rank(r.doc), r.begin, r.claim,
                           r.figure);
  };
  std::stable_sort(rows_.begin(), rows_.end(),
                   [&](const Row& a, const Row& b) { return key(a) < key(b); });
  // Mark the comparable rows of keys whose values disagree. Two statements
  // agree when their intervals overlap (a bound or a range gives an
  // interval: "more than 40 million" agrees with "42 million"). Across: two
  // documents disagree; within: one document disagrees with itself.
  struct Stated { uint32_t doc; double lo, hi; };
  std::vector<Stated> stated;
  for (size_t i = 0; i < rows_.size();) {
    size_t j = i + 1;
    while (j < rows_.size() && SameKey(rows_[i], rows_[j])) ++j;
    stated.clear();
    for (size_t k = i; k < j; ++k) {
      if (!rows_[k].comparable) continue;
      auto [lo, hi] = Interval(rows_[k]);
      stated.push_back({rows_[k].doc, lo, hi});
    }
    std::sort(stated.begin(), stated.end(), [](const Stated& x, const Stated& y) {
      return std::tie(x.doc, x.lo, x.hi) < std::tie(y.doc, y.lo, y.hi);
    });
    stated.erase(std::unique(stated.begin(), stated.end(),
                             [](const Stated& x, const Stated& y) {
                               return x.doc == y.doc && x.lo == y.lo && x.hi == y.hi;
                             }),
                 stated.end());
    // Pairwise over distinct statements, bounded: a key stated in more than
    // kMaxPairs distinct ways is compared with its first statement only.
    constexpr size_t kMaxPairs = 1000;
    bool across = false, within = false;
    size_t outer = stated.size() > kMaxPairs ? 1 : stated.size();
    for (size_t x = 0; x < outer && !(across && within); ++x) {
      for (size_t y = x + 1; y < stated.size(); ++y) {
        if (stated[x].hi < stated[y].lo || stated[y].hi < stated[x].lo) {
          (stated[x].doc == stated[y].doc ? within : across) = true;
        }
      }
    }
    bool conflict = options_.scope == Options::Scope::kAcross   ? across
                    : options_.scope == Options::Scope::kWithin ? within
                                                                : across || within;
    for (size_t k = i; k < j; ++k) {
      Row& r = rows_[k];
      if (!r.comparable) continue;
      r.across = across;
      r.within = within;
      r.conflict = conflict;
    }
    i = j;
  }
}

// The values a statement allows: [X, X] for an exact X, [a, b] for a range
// "a/b", [X, inf) for more_than / at_least, (-inf, X] for less_than /
// at_most, X +- 10% for approx.
std::pair<double, double> Table::Interval(const Row& r) const {
  std::string text(pool_.Get(r.value));
  char* rest = nullptr;
  double lo = std::strtod(text.c_str(), &rest);
  double hi = lo;
  if (rest != nullptr && *rest == '/') hi = std::strtod(rest + 1, nullptr);
  if (hi < lo) std::swap(lo, hi);
  std::string_view bound = pool_.Get(r.bound);
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (bound == "more_than" || bound == "at_least") hi = kInf;
  else if (bound == "less_than" || bound == "at_most") lo = -kInf;
  else if (bound == "approx") { lo -= std::fabs(lo) * 0.1; hi += std::fabs(hi) * 0.1; }
  return {lo, hi};
}

size_t Table::keys() const {
  size_t n = 0;
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].comparable && (i == 0 || !SameKey(rows_[i - 1], rows_[i]) ||
                                !rows_[i - 1].comparable)) {
      ++n;
    }
  }
  return n;
}

size_t Table::MemoryBytes() const {
  return rows_.capacity() * sizeof(Row) + arena_.capacity() + pool_.bytes();
}

void AppendTsvField(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\\': out->append("\\\\"); break;
      default: out->push_back(c);
    }
  }
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"') out->append("\\\"");
    else if (c == '\\') out->append("\\\\");
    else if (c == '\n') out->append("\\n");
    else if (c == '\t') out->append("\\t");
    else if (c == '\r') out->append("\\r");
    else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out->append(buf);
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

namespace {

const char* const kTsvHeader =
    "speaker\tcode\taffiliation\tunit\tqualifier\tperiod\tvalue\tbound\tsign\tstated_on\tid\tkind\t"
    "negated\tfigure_kind\tfigure_text\tbegin\tend\tclaim\tfigure\tsource\tline\tconflict";

void Field(std::string_view s, std::string* out) {
  AppendTsvField(s, out);
  out->push_back('\t');
}

void Number(uint64_t v, std::string* out) {
  out->append(std::to_string(v));
  out->push_back('\t');
}

void JsonField(std::string_view key, std::string_view value, std::string* out) {
  out->push_back(',');
  AppendJsonString(key, out);
  out->push_back(':');
  if (value.empty()) out->append("null");
  else AppendJsonString(value, out);
}

void JsonNumber(std::string_view key, int64_t v, std::string* out) {
  out->push_back(',');
  AppendJsonString(key, out);
  out->push_back(':');
  out->append(std::to_string(v));
}

void Flush(std::string* buf, std::FILE* out, bool force) {
  if (force || buf->size() > (1u << 16)) {
    std::fwrite(buf->data(), 1, buf->size(), out);
    buf->clear();
  }
}

}  // namespace

// "across", "within", "across+within", or empty: the conflicts of a row's key.
std::string_view Table::Scope(const Row& r) const {
  if (!r.conflict) return {};
  return r.across && r.within ? "across+within" : r.across ? "across" : "within";
}

void Table::WriteTsvRow(std::FILE* out, const Row& r) const {
  std::string b;
  Field(pool_.Get(r.speaker), &b);
  Field(pool_.Get(r.code), &b);
  Field(pool_.Get(r.affiliation), &b);
  Field(pool_.Get(r.unit), &b);
  Field(pool_.Get(r.qualifier), &b);
  Field(pool_.Get(r.period), &b);
  Field(pool_.Get(r.value), &b);
  Field(pool_.Get(r.bound), &b);
  Field(r.sign < 0 ? "-1" : r.sign > 0 ? "1" : "", &b);
  Field(pool_.Get(r.stated_on), &b);
  Field(pool_.Get(r.doc), &b);
  Field(pool_.Get(r.claim_kind), &b);
  Field(r.negated ? "1" : "0", &b);
  Field(pool_.Get(r.figure_kind), &b);
  Field(std::string_view(arena_).substr(r.text, r.text_len), &b);
  Number(r.begin, &b);
  Number(r.end, &b);
  Number(r.claim, &b);
  Number(r.figure, &b);
  Field(pool_.Get(r.source), &b);
  Number(r.line, &b);
  b.append(Scope(r));
  if (options_.claim_text) {
    b.push_back('\t');
    AppendTsvField(std::string_view(arena_).substr(r.text + r.text_len, r.context_len), &b);
  }
  b.push_back('\n');
  std::fwrite(b.data(), 1, b.size(), out);
}

void Table::WriteTsv(std::FILE* out) const {
  std::fputs(kTsvHeader, out);
  std::fputs(options_.claim_text ? "\tclaim_text\n" : "\n", out);
  for (const Row& r : rows_) WriteTsvRow(out, r);
}

void Table::WriteJsonRow(std::string* b, const Row& r) const {
  b->append("{\"speaker\":");
  if (r.speaker == 0) b->append("null");
  else AppendJsonString(pool_.Get(r.speaker), b);
  JsonField("code", pool_.Get(r.code), b);
  JsonField("affiliation", pool_.Get(r.affiliation), b);
  JsonField("unit", pool_.Get(r.unit), b);
  JsonField("qualifier", pool_.Get(r.qualifier), b);
  JsonField("about", pool_.Get(r.period), b);
  JsonField("value", pool_.Get(r.value), b);
  JsonField("bound", pool_.Get(r.bound), b);
  if (r.sign != 0) JsonNumber("sign", r.sign, b);
  JsonField("stated_on", pool_.Get(r.stated_on), b);
  JsonField("id", pool_.Get(r.doc), b);
  JsonField("kind", pool_.Get(r.claim_kind), b);
  b->append(r.negated ? ",\"negated\":true" : ",\"negated\":false");
  JsonField("figure_kind", pool_.Get(r.figure_kind), b);
  JsonField("text", std::string_view(arena_).substr(r.text, r.text_len), b);
  JsonNumber("begin", r.begin, b);
  JsonNumber("end", r.end, b);
  JsonNumber("claim", r.claim, b);
  JsonNumber("figure", r.figure, b);
  JsonField("source", pool_.Get(r.source), b);
  JsonNumber("line", r.line, b);
  JsonField("conflict", Scope(r), b);
  if (options_.claim_text) {
    JsonField("claim_text", std::string_view(arena_).substr(r.text + r.text_len, r.context_len), b);
  }
}

void Table::WriteJsonl(std::FILE* out) const {
  std::string b;
  for (const Row& r : rows_) {
    WriteJsonRow(&b, r);
    b.append("}\n");
    Flush(&b, out, false);
  }
  Flush(&b, out, true);
}

// Calls fn(number, first, last) for each key [first, last) with a conflict.
template <typename Fn>
size_t Table::ForEachConflict(Fn fn) const {
  size_t n = 0;
  for (size_t i = 0; i < rows_.size();) {
    size_t j = i + 1;
    while (j < rows_.size() && SameKey(rows_[i], rows_[j])) ++j;
    bool conflict = false;
    for (size_t k = i; k < j && !conflict; ++k) conflict = rows_[k].conflict;
    if (conflict) fn(++n, i, j);
    i = j;
  }
  return n;
}

size_t Table::CountConflicts() const {
  return ForEachConflict([](size_t, size_t, size_t) {});
}

size_t Table::WriteConflictsTsv(std::FILE* out) const {
  std::fputs(
      "conflict\tscope\tspeaker\tcode\tunit\tqualifier\tperiod\tvalue\tbound\tstated_on\tid\tkind\tfigure_text\t"
      "begin\tend\tsource\tline\n",
      out);
  std::string b;
  return ForEachConflict([&](size_t number, size_t first, size_t last) {
    for (size_t k = first; k < last; ++k) {
      const Row& r = rows_[k];
      if (!r.conflict) continue;
      Number(number, &b);
      Field(Scope(r), &b);
      Field(pool_.Get(r.speaker), &b);
      Field(pool_.Get(r.code), &b);
      Field(pool_.Get(r.unit), &b);
      Field(pool_.Get(r.qualifier), &b);
      Field(pool_.Get(r.period), &b);
      Field(pool_.Get(r.value), &b);
      Field(pool_.Get(r.bound), &b);
      Field(pool_.Get(r.stated_on), &b);
      Field(pool_.Get(r.doc), &b);
      Field(pool_.Get(r.claim_kind), &b);
      Field(std::string_view(arena_).substr(r.text, r.text_len), &b);
      Number(r.begin, &b);
      Number(r.end, &b);
      Field(pool_.Get(r.source), &b);
      b.append(std::to_string(r.line));
      b.push_back('\n');
      Flush(&b, out, false);
    }
    Flush(&b, out, true);
  });
}

size_t Table::WriteConflictsJsonl(std::FILE* out) const {
  std::string b;
  size_t n = ForEachConflict([&](size_t number, size_t first, size_t last) {
    const Row& head = rows_[first];
    b.append("{\"conflict\":" + std::to_string(number) + ",\"scope\":");
    size_t some = first;
    while (!rows_[some].conflict) ++some;  // a conflict key has a conflict row
    AppendJsonString(Scope(rows_[some]), &b);
    b.append(",\"speaker\":");
    AppendJsonString(pool_.Get(head.speaker), &b);
    JsonField("code", pool_.Get(head.code), &b);
    JsonField("unit", pool_.Get(head.unit), &b);
    JsonField("qualifier", pool_.Get(head.qualifier), &b);
    JsonField("about", pool_.Get(head.period), &b);
    b.append(",\"values\":[");
    // Values in order of their first statement; each with its statements.
    std::vector<uint32_t> values;
    for (size_t k = first; k < last; ++k) {
      if (rows_[k].conflict &&
          std::find(values.begin(), values.end(), rows_[k].value) == values.end()) {
        values.push_back(rows_[k].value);
      }
    }
    for (size_t v = 0; v < values.size(); ++v) {
      if (v > 0) b.push_back(',');
      b.append("{\"value\":");
      AppendJsonString(pool_.Get(values[v]), &b);
      b.append(",\"statements\":[");
      bool first_statement = true;
      for (size_t k = first; k < last; ++k) {
        const Row& r = rows_[k];
        if (!r.conflict || r.value != values[v]) continue;
        if (!first_statement) b.push_back(',');
        first_statement = false;
        b.append("{\"id\":");
        AppendJsonString(pool_.Get(r.doc), &b);
        JsonField("stated_on", pool_.Get(r.stated_on), &b);
        JsonField("kind", pool_.Get(r.claim_kind), &b);
        JsonField("bound", pool_.Get(r.bound), &b);
        JsonField("text", std::string_view(arena_).substr(r.text, r.text_len), &b);
        JsonNumber("begin", r.begin, &b);
        JsonNumber("end", r.end, &b);
        JsonField("source", pool_.Get(r.source), &b);
        JsonNumber("line", r.line, &b);
        b.push_back('}');
      }
      b.append("]}");
    }
    b.append("]}\n");
    Flush(&b, out, false);
  });
  Flush(&b, out, true);
  return n;
}

}  // namespace claims
