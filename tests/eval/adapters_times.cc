// Adapters for time expressions (gold types date, time, datetime, daterange,
// timerange, datetimerange, duration, set), from Recognizers-Text cases and
// the seed file.
//
// Value mapping. The system value handed to value_equal is
// "VALUE|RANGE_BEGIN|RANGE_END"; the gold value is a small JSON object with
// the gold timex and the resolutions listed in extra.values. A system value
// matches when
//  1. it equals the gold timex (clock times compared without a ":00" minute
//     suffix: Recognizers writes T15, TIMEX3 writes T15:00), or
//  2. it equals one of the resolved values of an under-specified gold date
//     (Recognizers lists a past and a future reading of "Friday" or
//     "September 25"; communique picks one of them from tense), or
//  3. the gold is a Recognizers range "(start,end,duration)" or a resolution
//     with start/end, and the system's calendar range has the same start and
//     the same end. For a system interval "A/B" (from 2014 to 2018) the end
//     compared is the first day of B: Recognizers ends its ranges where B
//     begins, communique's range_end is the end of B.
// Mods are not compared (Recognizers' mod names differ from TIMEX3's).
// The per-type adapters (time:date, ...) score recall and value accuracy of
// one gold type against all system times: their precision is meaningless.
#include <string>
#include <vector>

#include "eval.h"

namespace communique::eval {
namespace {

const std::vector<std::string> kTimeTypes = {"date", "time", "datetime", "daterange", "timerange",
                                             "datetimerange", "duration", "set"};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// "T15:00" -> "T15", "2016-11-08T08:00" -> "2016-11-08T08".
std::string NormClock(std::string v) {
  if (v.size() >= 4 && v.compare(v.size() - 3, 3, ":00") == 0 && v.find('T') != std::string::npos &&
      v.find(':') == v.size() - 3)
    v.resize(v.size() - 3);
  return v;
}

// First day of a TIMEX3 value with a known year: 2014, 2014-05, 2014-05-02, 2019-Q3, 2019-H2.
std::string FirstDay(const std::string& v) {
  if (v.size() < 4 || v[0] == 'X') return "";
  std::string y = v.substr(0, 4);
  if (v.size() == 4) return y + "-01-01";
  if (v.size() >= 7 && v[5] == 'Q') return y + "-" + std::string(1, '0') + std::to_string(3 * (v[6] - '0') - 2).substr(0, 1) + "-01";
  if (v.size() >= 7 && v[5] == 'H') return y + (v[6] == '1' ? "-01-01" : "-07-01");
  if (v.size() == 7) return v + "-01";
  if (v.size() >= 10) return v.substr(0, 10);
  return "";
}

std::string GoldValue(const GoldDoc&, const GoldSpan& g) {
  nlohmann::json j;
  j["t"] = g.value.is_string() ? g.value.get<std::string>() : std::string();
  nlohmann::json vals = nlohmann::json::array();
  if (g.extra.is_object() && g.extra.contains("values") && g.extra["values"].is_array())
    for (const auto& v : g.extra["values"]) {
      nlohmann::json r;
      if (v.contains("value") && v["value"].is_string()) r["v"] = v["value"];
      if (v.contains("start") && v["start"].is_string()) r["s"] = v["start"];
      if (v.contains("end") && v["end"].is_string()) r["e"] = v["end"];
      vals.push_back(r);
    }
  j["r"] = vals;
  return j.dump();
}

bool ValueEqual(const std::string& gold, const std::string& sys) {
  nlohmann::json g = nlohmann::json::parse(gold, nullptr, false);
  if (g.is_discarded()) return false;
  std::vector<std::string> s = Split(sys, '|');
  s.resize(3);
  const std::string timex = g.value("t", "");
  const std::string& value = s[0];
  std::string rb = s[1], re = s[2];
  if (NormClock(value) == NormClock(timex)) return true;
  for (const auto& r : g["r"])
    if (r.contains("v") && NormClock(value) == NormClock(r["v"].get<std::string>().substr(0, value.size() > 10 ? 19 : 10)) &&
        (value.size() == 10 || value.size() > 10))
      return true;
  if (size_t slash = value.find('/'); slash != std::string::npos && timex.size() > 2 && timex.front() == '(') {
    std::vector<std::string> parts = Split(timex.substr(1, timex.size() - 2), ',');
    if (parts.size() >= 2 && NormClock(value.substr(0, slash)) == NormClock(parts[0]) &&
        NormClock(value.substr(slash + 1)) == NormClock(parts[1]))
      return true;
  }
  if (size_t slash = value.find('/'); slash != std::string::npos) {
    std::string b = FirstDay(value.substr(slash + 1));
    if (!b.empty()) re = b;
    if (rb.empty()) rb = FirstDay(value.substr(0, slash));
  }
  if (rb.empty()) return false;
  if (timex.size() > 2 && timex.front() == '(') {
    std::vector<std::string> parts = Split(timex.substr(1, timex.size() - 2), ',');
    if (parts.size() >= 2 && parts[0].substr(0, 10) == rb && parts[1].substr(0, 10) == re) return true;
  }
  for (const auto& r : g["r"]) {
    bool s_ok = !r.contains("s") || r["s"].get<std::string>().substr(0, 10) == rb;
    bool e_ok = !r.contains("e") || r["e"].get<std::string>().substr(0, 10) == (r.contains("s") ? re : rb);
    if ((r.contains("s") || r.contains("e")) && s_ok && e_ok) return true;  // open ranges: since X, before X
  }
  return false;
}

void SystemTimes(const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
  for (const TimeExpression& t : a.times)
    out->push_back({t.span.begin, t.span.end, t.value + "|" + t.range_begin + "|" + t.range_end});
}

const Registrar kAllTimes({"time", kTimeTypes, SystemTimes, {}, GoldValue, ValueEqual, {}});

struct PerType {
  PerType() {
    for (const std::string& t : kTimeTypes)
      Register({"time:" + t, {t}, SystemTimes, {}, GoldValue, ValueEqual, {}});
  }
} const kPerType;

}  // namespace
}  // namespace communique::eval
