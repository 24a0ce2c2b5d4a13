// Fuzz target: the whole Analyze on arbitrary bytes, under the strict and the
// replace UTF-8 policy, with every stage enabled.
//   strict:  fails with kInvalidUtf8 at the first bad byte iff the input is
//            not UTF-8; otherwise succeeds and keeps the span invariants.
//   replace: always succeeds and keeps the span invariants.
// Both must agree on valid UTF-8, and a second run must give the same JSON.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_check.h"

namespace {

constexpr size_t kMaxInput = 64 << 10;

struct Analyzers {
  std::shared_ptr<const communique::Analyzer> strict, replace;
};

const Analyzers& Get() {
  static const Analyzers* analyzers = [] {
    auto* a = new Analyzers;
    communique::Options options;
    a->strict = communique::Analyzer::Create(options).value();
    options.utf8_policy = communique::Utf8Policy::kReplace;
    a->replace = communique::Analyzer::Create(options).value();
    return a;
  }();
  return *analyzers;
}

std::string Json(const communique::Analysis& a, std::string_view text) {
  std::string out;
  communique::AppendJson(a, text, {true, false}, &out);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return -1;
  using communique::fuzz::CheckAnalysis;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The first byte, when present, picks a caller date (or none).
  communique::DocumentInfo info;
  info.id = "fuzz";
  if (size > 0 && (data[0] & 1)) info.date = communique::CivilDate{2021, 8, 2};
  const Analyzers& analyzers = Get();
  const size_t bad = communique::fuzz::FirstBadUtf8(text);

  communique::Session strict = analyzers.strict->NewSession();
  communique::Analysis a;
  communique::Status s = strict.Analyze(text, info, &a);
  if (bad == std::string_view::npos) {
    FUZZ_CHECK(s.ok());
    CheckAnalysis(a, text);
  } else {
    FUZZ_CHECK(s.code() == communique::ErrorCode::kInvalidUtf8);
    FUZZ_CHECK(s.offset() == bad);
    FUZZ_CHECK(a.tokens.empty() && a.sentences.empty());
  }

  communique::Session replace = analyzers.replace->NewSession();
  communique::Analysis b;
  FUZZ_CHECK(replace.Analyze(text, info, &b).ok());
  CheckAnalysis(b, text);
  std::string json = Json(b, text);
  if (bad == std::string_view::npos) FUZZ_CHECK(json == Json(a, text));
  // The same Session again (reused scratch) gives the same record.
  FUZZ_CHECK(replace.Analyze(text, info, &b).ok());
  FUZZ_CHECK(Json(b, text) == json);
  return 0;
}
