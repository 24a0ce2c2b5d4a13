#include "header/header.h"

#include <chrono>
#include <string>

#include "header/dateline.h"

namespace communique::internal {
namespace {

constexpr size_t kHeaderWindow = 400;  // bytes of the text searched for a header

RE2::Options Opts() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

int MonthNumber(std::string_view word) noexcept {
  static constexpr std::string_view kNames[] = {"january", "february", "march",     "april",
                                                "may",     "june",     "july",      "august",
                                                "september", "october", "november", "december"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3 || word.size() > 9) return 0;
  char lower[10];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view w(lower, word.size());
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kNames[m];
    if (w == name) return m + 1;
    if (w.size() == 3 && name.substr(0, 3) == w) return m + 1;
    if (w == "sept" && m == 8) return 9;
  }
  return 0;
}

HeaderParser::HeaderParser()
    : metadata_(R"(^(?i:date)[ \t]*[:=]?[ \t]*((\d{4})(?:-(\d{2})-(\d{2}))?)(?:[ \t]*\r?\n|[ \t]+))", Opts()) {}

Result<std::unique_ptr<HeaderParser>> HeaderParser::Create() {
  std::unique_ptr<HeaderParser> p(new HeaderParser());
  if (!p->metadata_.ok())
    return Status(ErrorCode::kInternal, "header pattern failed to compile: " + p->metadata_.error());
  return p;
}

void HeaderParser::Parse(std::string_view text, const std::optional<CivilDate>& caller_date,
                         DocumentHeader* h, std::vector<Diagnostic>* diagnostics) const {
  size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // BOM
  while (pos < text.size() && IsSpaceByte(text[pos])) ++pos;
  std::string_view window = text.substr(pos, kHeaderWindow);
  auto offset = [&](std::string_view piece) {
    return static_cast<uint32_t>(piece.data() - text.data());
  };
  std::optional<CivilDate> metadata_date;
  int metadata_year = 0;
  {
    re2::StringPiece date_p, year_p, month_p, day_p;
    if (RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), metadata_, &date_p,
                          &year_p, &month_p, &day_p)) {
      std::string_view date(date_p.data(), date_p.size()), year(year_p.data(), year_p.size()),
          month(month_p.data(), month_p.size());
      std::string_view consumed = window.substr(0, static_cast<size_t>(date.data() + date.size() - window.data()));
      h->metadata = {offset(window), offset(window) + static_cast<uint32_t>(consumed.size())};
      h->metadata_date = {offset(date), offset(date) + static_cast<uint32_t>(date.size())};
      metadata_year = std::stoi(std::string(year));
      if (!month.empty()) {
        metadata_date = CivilDate::Parse(date);
        if (!metadata_date)
          diagnostics->push_back({ErrorCode::kInvalidArgument, h->metadata_date,
                                  "metadata date is not a calendar date: " + std::string(date)});
      }
      size_t skip = static_cast<size_t>(date.data() + date.size() - window.data());
      while (skip < window.size() && IsSpaceByte(window[skip])) ++skip;
      window = window.substr(skip);
    }
  }
  h->body_begin = offset(window);
  if (DatelineParts m; MatchDateline(window, &m)) {
    const DatelinePiece agency = !m.agency_slash.empty() ? m.agency_slash : m.agency_paren;
    // A dateline needs an agency, a date or a dash; an upper-case first
    // word alone is a headline, not a dateline.
    bool is_dateline = !agency.empty() || !m.dash.empty() || !m.date.empty();
    if (!m.dash.empty() && window[m.dash.begin] == ':' && agency.empty() && m.date.empty()) is_dateline = false;
    if (is_dateline) {
      const uint32_t base = offset(window);
      auto span = [base](DatelinePiece p) {
        return Span{base + static_cast<uint32_t>(p.begin), base + static_cast<uint32_t>(p.end)};
      };
      const uint32_t end = base + static_cast<uint32_t>(m.end);
      uint32_t trimmed = end;
      while (trimmed > base && IsSpaceByte(text[trimmed - 1])) --trimmed;
      h->dateline = {base, trimmed};
      h->place_span = span(m.place);
      h->place = std::string(Slice(text, h->place_span));
      if (!agency.empty()) {
        h->source_span = span(agency);
        h->source = std::string(Slice(text, h->source_span));
      }
      if (!m.date.empty()) h->dateline_date = span(m.date);
      h->body_begin = end;
    }
  }
  // The document date.
  if (caller_date) {
    h->date = caller_date;
    h->date_source = DateSource::kCaller;
  } else if (metadata_date) {
    h->date = metadata_date;
    h->date_source = DateSource::kMetadata;
  } else if (!h->dateline_date.empty() && metadata_year) {
    std::string_view d = Slice(text, h->dateline_date);
    int month = 0, day = 0;
    size_t k = 0;
    std::string word;
    while (k < d.size()) {
      if (d[k] >= '0' && d[k] <= '9') {
        day = day * 10 + (d[k] - '0');
      } else if ((d[k] >= 'A' && d[k] <= 'Z') || (d[k] >= 'a' && d[k] <= 'z') || d[k] == '.') {
        word.push_back(d[k]);
      }
      ++k;
    }
    month = MonthNumber(word);
    std::chrono::year_month_day ymd{std::chrono::year{metadata_year},
                                    std::chrono::month{static_cast<unsigned>(month)},
                                    std::chrono::day{static_cast<unsigned>(day)}};
    if (month && ymd.ok()) {
      h->date = CivilDate{metadata_year, static_cast<uint8_t>(month), static_cast<uint8_t>(day)};
      h->date_source = DateSource::kDateline;
    }
  }
}

}  // namespace communique::internal
