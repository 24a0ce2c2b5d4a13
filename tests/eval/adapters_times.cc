// Adapters for time expressions (gold types date, time, datetime, daterange,
// timerange, datetimerange, duration, set), from Recognizers-Text cases and
// the seed file.
//
// Value mapping. The system value handed to value_equal is
// "VALUE|RANGE_BEGIN|RANGE_END"; the gold value is a small JSON object with
// the gold timex and the resolutions listed in extra.values. Values are first
// brought to one notation (Canon): Recognizers writes resolved datetimes as
// "2016-11-07 03:30:00" and clock times as T15, TIMEX3 as 2016-11-07T03:30 and
// T15:00; both become "2016-11-07T03:30" and "T15". A system value matches when
//  1. it equals the gold timex, or the gold timex with its X digits filled in
//     ("XXXX-11" by "2018-11") when the filled year is one that Recognizers
//     itself resolves the expression to (it lists a past and a future reading
//     of "September 25" or "mid-November"; communique picks one from tense), or
//  2. it equals one of the resolved values of the gold (same reason), or
//  3. the gold is a Recognizers range "(start,end,duration)" or a resolution
//     with start/end, and the system's interval "A/B" has the same ends part
//     by part (each end compared as in 1 and 2), or the system's calendar range
//     has the same start and end (or the gold is a part of the system's day:
//     "Tuesday afternoon" is 12:00-16:00 of the day 2016-11-08). Recognizers ends "from 2014 to 2018" where
//     2018 begins, and "to the end of 2018" where it ends; a TIMEX3 interval
//     A/B says neither, so both ends are accepted for an interval.
// Gold spans that do not apply to news are left out per reason
// (TimeNotApplicable; docs/times.md argues each).
// Mods are not compared (Recognizers' mod names differ from TIMEX3's).
// The per-type adapters (time:date, ...) score one gold type against the
// system times that overlap a gold span of that type.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
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

// One notation: "2016-11-08 08:00:00" -> "2016-11-08T08", "T15:30:00" -> "T15:30".
std::string Canon(std::string v) {
  for (char& c : v)
    if (c == ' ') c = 'T';
  size_t t = v.find('T');
  if (t == std::string::npos || t + 1 >= v.size() || v[t + 1] < '0' || v[t + 1] > '9') return v;
  if (v.size() >= t + 9 && v.compare(v.size() - 3, 3, ":00") == 0 && v.size() == t + 9) v.resize(v.size() - 3);
  if (v.size() == t + 6 && v.compare(v.size() - 3, 3, ":00") == 0) v.resize(v.size() - 3);
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

// The year prefixes ("2018") of the resolved readings of a gold value.
std::vector<std::string> ResolvedYears(const nlohmann::json& g) {
  std::vector<std::string> out;
  for (const auto& r : g["r"])
    for (const char* k : {"v", "s", "e"})
      if (r.contains(k)) {
        std::string v = r[k].get<std::string>();
        if (v.size() >= 4 && v[0] >= '0' && v[0] <= '9' && v[4] == '-') out.push_back(v.substr(0, 4));
      }
  return out;
}

// Whether a system value equals a gold timex whose X digits it fills in
// (years only from the gold's own readings).
bool FillsIn(const std::string& sys, const std::string& gold, const std::vector<std::string>& years) {
  std::string s = Canon(sys), g = Canon(gold);
  if (s.size() != g.size() || g.find('X') == std::string::npos) return s == g;
  for (size_t i = 0; i < g.size(); ++i)
    if (g[i] != 'X' && g[i] != s[i]) return false;
  if (g.compare(0, 4, "XXXX") == 0 && s[0] != 'X') {
    for (const std::string& y : years)
      if (s.compare(0, 4, y) == 0) return true;
    return false;
  }
  return true;
}

// Whether one end of a system interval matches one end of a gold range.
bool EndEqual(const std::string& sys, const std::string& gold, const std::vector<std::string>& years) {
  return !sys.empty() && !gold.empty() && FillsIn(sys, gold, years);
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
  const std::vector<std::string> years = ResolvedYears(g);
  if (FillsIn(value, timex, years)) return true;
  for (const auto& r : g["r"])
    if (r.contains("v") && Canon(value) == Canon(r["v"].get<std::string>())) return true;
  std::vector<std::string> parts;
  if (timex.size() > 2 && timex.front() == '(') parts = Split(timex.substr(1, timex.size() - 2), ',');
  if (size_t slash = value.find('/'); slash != std::string::npos) {
    std::string a = value.substr(0, slash), b = value.substr(slash + 1);
    if (parts.size() >= 2 && EndEqual(a, parts[0], years) && EndEqual(b, parts[1], years)) return true;
    for (const auto& r : g["r"])
      if (r.contains("s") && r.contains("e") && Canon(a) == Canon(r["s"].get<std::string>()) &&
          Canon(b) == Canon(r["e"].get<std::string>()))
        return true;
  }
  std::string rb = s[1];
  std::vector<std::string> ends = {s[2]};
  if (size_t slash = value.find('/'); slash != std::string::npos) {
    if (std::string b = FirstDay(value.substr(slash + 1)); !b.empty()) ends.push_back(b);
    if (rb.empty()) rb = FirstDay(value.substr(0, slash));
  }
  if (rb.empty()) return false;
  for (const std::string& re : ends) {
    if (parts.size() >= 2 && parts[0].substr(0, 10) == rb && parts[1].substr(0, 10) == re) return true;
    for (const auto& r : g["r"]) {
      bool s_ok = !r.contains("s") || r["s"].get<std::string>().substr(0, 10) == rb;
      bool e_ok = !r.contains("e") || r["e"].get<std::string>().substr(0, 10) == (r.contains("s") ? re : rb) ||
                  (r.contains("s") && r["e"].get<std::string>().substr(0, 10) == rb);  // a part of the day
      if ((r.contains("s") || r.contains("e")) && s_ok && e_ok) return true;  // open ranges: since X, before X
    }
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Has(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

// Recognizers cases that do not apply to news (docs/times.md gives the
// argument for each). The reason is read off the gold text and timex only,
// never off the system's output.
std::string TimeNotApplicable(const GoldDoc&, const GoldSpan& g) {
  const std::string timex = g.value.is_string() ? g.value.get<std::string>() : std::string();
  const std::string t = Lower(g.text);
  // a resolved clock with seconds (2016-11-07T00:05:00) or a range from "now"
  bool clock_value = Has(timex, "T") && (std::count(timex.begin(), timex.end(), ':') >= 2 ||
                                         Has(timex, "PRESENT_REF,") || Has(timex, ",PRESENT_REF"));
  if (clock_value && !Has(t, ":") &&
      (t.starts_with("in ") || t.starts_with("within ") || Has(t, "now") || Has(t, " later") ||
       Has(t, "last minute") || Has(t, "coming minute") || Has(t, "previous minute")))
    return "clock time counted from the reference time of day (a news document has a date, no time)";
  if (Has(timex, "T23:59:59")) return "end of a day as 23:59:59 (Recognizers convention)";
  if (Has(timex, "BD")) return "business days (office calendar)";
  if (timex == "TMEL" || timex == "TMED" || timex == "TDT" || timex == "TNT" || timex.starts_with("SY"))
    return "Recognizers-only TIMEX code (meal times, daytime, school year)";
  if (t.starts_with(">") || t.starts_with("<") || Has(t, "greater than") || Has(t, "and greater"))
    return "comparison operator on a year (query syntax, not prose)";
  if ((Has(t, "few ") || t.starts_with("some ")) && (timex.ends_with("3D") || timex.ends_with("3M") ||
                                                     timex.ends_with("3H") || timex.ends_with("3Y")))
    return "vague amount read as 3 (TimeML writes X)";
  bool shorthand = t == "eoy" || t == "otd" || t.ends_with("ish") || Has(t, "ampm") || t.starts_with("w/c");
  if (t.size() >= 2 && t.size() <= 3 && std::isdigit(static_cast<unsigned char>(t[0])) &&
      (t.back() == 'd' || t.back() == 'w'))
    shorthand = true;
  if (shorthand) return "chat or office shorthand (EOY, otd, 10D, 11ish, w/c)";
  if (t.starts_with("in ") && (Has(t, " year") || Has(t, " month")) && timex.size() == 10 && timex[4] == '-' &&
      timex[7] == '-')
    return "'in N years' as a day (TimeML keeps the unit's granularity)";
  return "";
}

void SystemTimes(const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
  for (const TimeExpression& t : a.times)
    out->push_back({t.span.begin, t.span.end, t.value + "|" + t.range_begin + "|" + t.range_end});
}

const Registrar kAllTimes({"time", kTimeTypes, SystemTimes, {}, GoldValue, ValueEqual, {}, TimeNotApplicable});

struct PerType {
  PerType() {
    for (const std::string& t : kTimeTypes) {
      // Only the system times that overlap a gold span of this type: the
      // others belong to other types' rows.
      auto on_type = [t](const GoldDoc& doc, const Analysis& a, std::vector<SystemSpan>* out) {
        std::vector<SystemSpan> all;
        SystemTimes(doc, a, &all);
        for (const SystemSpan& s : all)
          for (const GoldSpan& g : doc.spans)
            if (g.type == t && s.begin < g.end && g.begin < s.end) { out->push_back(s); break; }
      };
      Register({"time:" + t, {t}, on_type, {}, GoldValue, ValueEqual, {}, TimeNotApplicable});
    }
  }
} const kPerType;

}  // namespace
}  // namespace communique::eval
