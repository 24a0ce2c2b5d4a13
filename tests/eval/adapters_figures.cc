// Adapters for figures: Recognizers-Text number, ordinal, percent, currency,
// numberrange and dimension specs, and the seed's `quantity` spans.
//
// Conventions (see the report in docs/records.md, section Figures):
// - number: the numeral of every non-ordinal figure (Figure::number), valued
//   numerically (upstream rounds to 15 significant digits, so values match
//   within a relative 1e-9).
// - ordinal: only `ordinal`; `ordinal.relative` (next, last, previous) is no
//   number in press text and is not scored.
// - money: amount and, where the gold names one, the ISO code.
// - not applicable: a gold span with a null value (a bare "%" or currency
//   word, "the % of increase", "the dollars") names no number, and figures are
//   numbers; such spans are left out of percent and money scores.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "eval.h"

namespace communique::eval {
namespace {

bool EqualsLower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t k = 0; k < text.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(text[k])) != lower[k]) return false;
  return true;
}

bool NoNumber(const GoldSpan& g) { return g.value.is_null() || (g.value.is_string() && g.value.get<std::string>() == "null"); }

std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string FigureValue(const Figure& f) { return f.exact.empty() ? Num(f.value) : f.exact; }

bool NumbersEqual(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a.empty() || b.empty()) return false;
  char* ea = nullptr;
  char* eb = nullptr;
  double x = std::strtod(a.c_str(), &ea), y = std::strtod(b.c_str(), &eb);
  if (ea == a.c_str() || eb == b.c_str()) return false;
  return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::max(std::fabs(x), std::fabs(y)));
}

std::string JsonString(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number()) return Num(j.get<double>());
  return "null";
}

std::string ExtraString(const GoldSpan& g, const char* key) {
  if (g.extra.is_object() && g.extra.contains(key) && g.extra[key].is_string()) return g.extra[key].get<std::string>();
  return "";
}

// "a|b|c" -> parts
std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  for (;;) {
    size_t j = s.find('|', i);
    out.push_back(s.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return out;
}

// Recognizers' number model also values numbers that communique reports in
// other records or deliberately not at all (issue 4, "Exclude"): the parts of
// a numeric date and the count of a duration are time records, and numbers in
// identifiers (IP addresses, "SCP-173", "COVID-19") are no figures. The
// reason is read off the gold text, never off the system's output.
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string NumberNotApplicable(const GoldDoc& doc, const GoldSpan& g) {
  const std::string& t = doc.text;
  if (g.end > t.size() || g.begin >= g.end) return "";
  // The whitespace-delimited word holding the span, without end punctuation.
  size_t b = g.begin, e = g.end;
  while (b > 0 && t[b - 1] != ' ' && t[b - 1] != '\n') --b;
  while (e < t.size() && t[e] != ' ' && t[e] != '\n') ++e;
  while (e > g.end && (t[e - 1] == '?' || t[e - 1] == ',' || t[e - 1] == '.' || t[e - 1] == '!')) --e;
  std::string_view word(t.data() + b, e - b);
  int digit_groups = 0, dots = 0, slashes = 0, dashes = 0, letters = 0;
  bool in_digits = false;
  for (char c : word) {
    if (IsDigit(c)) {
      if (!in_digits) ++digit_groups;
      in_digits = true;
      continue;
    }
    in_digits = false;
    if (c == '.') ++dots;
    else if (c == '/') ++slashes;
    else if (c == '-') ++dashes;
    else if (IsAlpha(c)) ++letters;
  }
  if (letters == 0 && digit_groups == 4 && dots == 3) return "part of an IP address (identifier)";
  if (letters == 0 && digit_groups == 3 && (slashes == 2 || dashes == 2 || dots == 2))
    return "part of a numeric date (a time record)";
  if (g.begin >= 2 && t[g.begin - 1] == '-' && IsAlpha(t[g.begin - 2]) && IsDigit(t[g.begin]))
    return "number of an identifier like SCP-173 (issue 4: identifiers are no figures)";
  // "in 3 years": the count of a duration.
  size_t k = g.end;
  while (k < t.size() && t[k] == ' ') ++k;
  size_t w = k;
  while (w < t.size() && IsAlpha(t[w])) ++w;
  std::string next;
  for (size_t i = k; i < w; ++i) next += static_cast<char>(std::tolower(static_cast<unsigned char>(t[i])));
  for (std::string_view unit : {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour",
                                "hours", "minute", "minutes", "decade", "decades"})
    if (next == unit) return "count of a duration (a time record)";
  return "";
}

const Registrar kNumber({"number", {"number"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Figure& f : a.figures) {
        if (f.kind == FigureKind::kOrdinal || f.kind == FigureKind::kVague) continue;
        double v = f.kind == FigureKind::kRange ? f.low : f.value;
        std::string val = f.kind == FigureKind::kRange ? Num(v) : FigureValue(f);
        out->push_back({f.number.begin, f.number.end, val});
      }
    },
    {}, [](const GoldDoc&, const GoldSpan& g) { return JsonString(g.value); }, NumbersEqual, {},
    NumberNotApplicable});

const Registrar kOrdinal({"ordinal", {"ordinal"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Figure& f : a.figures)
        if (f.kind == FigureKind::kOrdinal) out->push_back({f.number.begin, f.number.end, FigureValue(f)});
    },
    {}, [](const GoldDoc&, const GoldSpan& g) { return JsonString(g.value); }, NumbersEqual, {}});

const Registrar kPercent({"percent", {"percent"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Figure& f : a.figures)
        if (f.kind == FigureKind::kPercent) out->push_back({f.span.begin, f.span.end, FigureValue(f) + "%"});
    },
    {}, [](const GoldDoc&, const GoldSpan& g) { return JsonString(g.value); },
    [](const std::string& g, const std::string& s) {
      if (g.empty() || s.empty() || g.back() != '%' || s.back() != '%') return g == s;
      return NumbersEqual(g.substr(0, g.size() - 1), s.substr(0, s.size() - 1));
    }, NoNumber});

// Money: "amount|ISO" (ISO empty where the gold leaves it open).
const Registrar kMoney({"money", {"money"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Figure& f : a.figures)
        if (f.kind == FigureKind::kMoney) out->push_back({f.span.begin, f.span.end, FigureValue(f) + "|" + f.currency});
    },
    {}, [](const GoldDoc&, const GoldSpan& g) { return JsonString(g.value) + "|" + ExtraString(g, "isoCurrency"); },
    [](const std::string& g, const std::string& s) {
      std::vector<std::string> gp = Split(g), sp = Split(s);
      if (gp.size() != 2 || sp.size() != 2) return false;
      if (!NumbersEqual(gp[0], sp[0])) return false;
      return gp[1].empty() || gp[1] == sp[1];
    }, NoNumber});

// Ranges and bounded figures, span including the qualifier ("more than 30").
const Registrar kNumberRange({"numberrange", {"numberrange"},
    [](const GoldDoc& doc, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Figure& f : a.figures) {
        if (f.kind != FigureKind::kRange && f.bound == FigureBound::kExact) continue;
        // The bound words (before or after: "500 or more") and the numeral
        // with its percent sign, currency or unit, without a counted noun.
        uint32_t end = f.kind == FigureKind::kCardinal || f.kind == FigureKind::kRange ? f.number.end : f.span.end;
        if (f.kind == FigureKind::kRange && !f.unit.empty() && f.unit_span.empty()) end = f.span.end;
        uint32_t b = f.bound_span.empty() ? f.span.begin : std::min(f.bound_span.begin, f.span.begin);
        uint32_t e = f.bound_span.empty() ? end : std::max(f.bound_span.end, end);
        // Recognizers' ranges include their opener: "between 20 and 30", "from 5 to 10".
        if (f.kind == FigureKind::kRange)
          for (std::string_view opener : {"between ", "from "})
            if (b >= opener.size() && EqualsLower(std::string_view(doc.text).substr(b - opener.size(), opener.size()), opener))
              b -= static_cast<uint32_t>(opener.size());
        out->push_back({b, e, ""});
      }
    }, {}, {}, {}, {}});

const Registrar kDimension({"dimension", {"dimension"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Figure& f : a.figures)
        if (f.kind == FigureKind::kQuantity || (f.kind == FigureKind::kRange && !f.unit.empty() && f.currency.empty()))
          out->push_back({f.span.begin, f.span.end, ""});
    }, {}, {}, {}, {}});

// The seed's quantities: "value|unit", vague amounts as "vague|unit".
std::string SeedSystemValue(const Figure& f) {
  return (f.kind == FigureKind::kVague ? std::string("vague") : FigureValue(f)) + "|" + f.unit;
}
std::string SeedGoldValue(const GoldSpan& g) {
  bool vague = g.extra.is_object() && g.extra.value("vague", false);
  return (vague ? std::string("vague") : JsonString(g.value)) + "|" + ExtraString(g, "unit");
}
bool SeedOptional(const GoldSpan& g) { return g.extra.is_object() && g.extra.value("optional", false); }

const Registrar kQuantity({"quantity", {"quantity"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Figure& f : a.figures) out->push_back({f.span.begin, f.span.end, SeedSystemValue(f)});
    },
    {}, [](const GoldDoc&, const GoldSpan& g) { return SeedGoldValue(g); }, {}, SeedOptional});

// The same with the period of the time record the figure is linked to,
// against the period the gold claims give ("35|request|2021-H1").
const Registrar kQuantityTime({"quantity+time", {"quantity"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Figure& f : a.figures) {
        std::string period = f.time >= 0 && static_cast<size_t>(f.time) < a.times.size()
                                 ? a.times[static_cast<size_t>(f.time)].value : "";
        out->push_back({f.span.begin, f.span.end, SeedSystemValue(f) + "|" + period});
      }
    },
    {}, [](const GoldDoc& doc, const GoldSpan& g) {
      std::string period;
      if (doc.raw.contains("claims"))
        for (const auto& c : doc.raw["claims"])
          if (c.value("begin", 0u) == g.begin && c.value("end", 0u) == g.end && c.contains("period") &&
              c["period"].is_string())
            period = c["period"].get<std::string>();
      return SeedGoldValue(g) + "|" + period;
    },
    [](const std::string& g, const std::string& s) {
      if (g == s) return true;
      // "2015/2021-08-02" (since 2015) matches a time valued 2015.
      std::vector<std::string> gp = Split(g), sp = Split(s);
      return gp.size() == 3 && sp.size() == 3 && gp[0] == sp[0] && gp[1] == sp[1] && !sp[2].empty() &&
             gp[2].rfind(sp[2] + "/", 0) == 0;
    }, SeedOptional});

}  // namespace
}  // namespace communique::eval
