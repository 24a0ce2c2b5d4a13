// Fuzz target: the date/time and number normalizers on short strings, through
// Analyze with only the times stage or only the figures stage enabled (the
// stages' internals change quickly; the public records are the contract).
// Inputs are capped at 256 bytes; invalid UTF-8 is replaced. Each input runs
// with day-first numeric dates off and on, and with and without a caller
// date, so anchoring and relative dates are exercised too.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_check.h"

namespace {

constexpr size_t kMaxInput = 256;

struct Analyzers {
  std::shared_ptr<const communique::Analyzer> times[2], figures[2];
};

std::shared_ptr<const communique::Analyzer> Make(bool times, bool figures, bool day_first) {
  communique::Options o;
  o.utf8_policy = communique::Utf8Policy::kReplace;
  o.times = times;
  o.figures = figures;
  o.entities = false;
  o.quotes = false;
  o.day_first_numeric_dates = day_first;
  return communique::Analyzer::Create(o).value();
}

const Analyzers& Get() {
  static const Analyzers* analyzers = [] {
    auto* a = new Analyzers;
    for (int day_first = 0; day_first < 2; ++day_first) {
      a->times[day_first] = Make(true, false, day_first != 0);
      a->figures[day_first] = Make(false, true, day_first != 0);
    }
    return a;
  }();
  return *analyzers;
}

void Run(const communique::Analyzer& analyzer, std::string_view text,
         const communique::DocumentInfo& info) {
  communique::Session session = analyzer.NewSession();
  communique::Analysis a;
  FUZZ_CHECK(session.Analyze(text, info, &a).ok());
  communique::fuzz::CheckAnalysis(a, text);
  FUZZ_CHECK(analyzer.options().times || a.times.empty());
  FUZZ_CHECK(analyzer.options().figures || a.figures.empty());
  FUZZ_CHECK(a.entities.empty() && a.quotes.empty() && a.claims.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return -1;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const Analyzers& analyzers = Get();
  communique::DocumentInfo dated{"fuzz", communique::CivilDate{2021, 8, 2}};
  communique::DocumentInfo undated{"fuzz", std::nullopt};
  for (int day_first = 0; day_first < 2; ++day_first) {
    for (const auto* info : {&dated, &undated}) {
      Run(*analyzers.times[day_first], text, *info);
      Run(*analyzers.figures[day_first], text, *info);
    }
  }
  return 0;
}
