#include "communique/analyzer.h"

#include <string>
#include <vector>

#include "core/stage.h"
#include "core/utf8.h"
#include "header/header.h"
#include "tokenize/segmenter.h"
#include "tokenize/token_starts.h"
#include "tokenize/tokenizer.h"

namespace communique {
inline namespace v1 {

namespace {
constexpr uint64_t kMaxDocumentCeiling = 0xFFFFFFFFull;  // Span uses uint32_t
constexpr size_t kMaxListedInvalidSequences = 100;
}  // namespace

struct Analyzer::Impl {
  Options options;
  std::unique_ptr<internal::Tokenizer> tokenizer;
  std::unique_ptr<internal::Segmenter> segmenter;
  std::unique_ptr<internal::HeaderParser> header;
  std::vector<std::unique_ptr<internal::Stage>> stages;  // in run order
};

struct Session::Impl {
  std::shared_ptr<const Analyzer> analyzer;
  std::vector<internal::ScratchSlot> scratch;  // one per stage, in run order
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;
const Options& Analyzer::options() const noexcept { return impl_->options; }

Result<std::shared_ptr<const Analyzer>> Analyzer::Create(const Options& options) {
  if (options.max_document_bytes == 0 || options.max_document_bytes > kMaxDocumentCeiling)
    return Status(ErrorCode::kInvalidOptions,
                  "max_document_bytes must be in 1.." + std::to_string(kMaxDocumentCeiling) +
                      ", got " + std::to_string(options.max_document_bytes));
  if (options.max_sentence_tokens < 16 || options.max_sentence_tokens > 1000000)
    return Status(ErrorCode::kInvalidOptions,
                  "max_sentence_tokens must be in 16..1000000, got " +
                      std::to_string(options.max_sentence_tokens));
  if (options.utf8_policy != Utf8Policy::kStrict && options.utf8_policy != Utf8Policy::kReplace)
    return Status(ErrorCode::kInvalidOptions, "utf8_policy is not a Utf8Policy value");
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  auto tokenizer = internal::Tokenizer::Create();
  if (!tokenizer.ok()) return tokenizer.status();
  impl->tokenizer = std::move(tokenizer).value();
  auto segmenter = internal::Segmenter::Create(impl->tokenizer.get());
  if (!segmenter.ok()) return segmenter.status();
  impl->segmenter = std::move(segmenter).value();
  auto header = internal::HeaderParser::Create();
  if (!header.ok()) return header.status();
  impl->header = std::move(header).value();
  using Factory = Result<std::unique_ptr<internal::Stage>> (*)(const Options&);
  const std::pair<bool, Factory> stages[] = {
      {options.times, internal::CreateTimeStage},
      {options.figures, internal::CreateFigureStage},
      {options.entities, internal::CreateEntityStage},
      {options.quotes, internal::CreateQuoteStage},
      {options.quotes, internal::CreateClaimStage},
  };
  for (const auto& [enabled, factory] : stages) {
    if (!enabled) continue;
    auto stage = factory(options);
    if (!stage.ok()) return stage.status();
    impl->stages.push_back(std::move(stage).value());
  }
  internal::StartWords start_words;
  for (const auto& stage : impl->stages) stage->AddStartWords(&start_words);
  impl->tokenizer->SetStartWords(std::move(start_words));
  return std::shared_ptr<const Analyzer>(new Analyzer(std::move(impl)));
}

Session Analyzer::NewSession() const {
  auto impl = std::make_unique<Session::Impl>();
  impl->analyzer = shared_from_this();
  impl->scratch.resize(impl_->stages.size());
  return Session(std::move(impl));
}

Result<Analysis> Analyzer::Analyze(std::string_view utf8, const DocumentInfo& info) const {
  Session session = NewSession();
  Analysis analysis;
  Status s = session.Analyze(utf8, info, &analysis);
  if (!s.ok()) return s;
  return analysis;
}

Session::Session(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;
Session::~Session() = default;

Status Session::Analyze(std::string_view text, const DocumentInfo& info, Analysis* out) {
  if (out == nullptr) return Status(ErrorCode::kInvalidArgument, "Analyze: out is null");
  if (!impl_) return Status(ErrorCode::kInvalidArgument, "Analyze: moved-from Session");
  out->Clear();
  out->id.assign(info.id);  // keeps the capacity of a reused Analysis
  const Analyzer::Impl& az = impl_->analyzer->impl();
  const Options& opt = az.options;
  auto fail = [out](Status s) {
    out->diagnostics.push_back({s.code(), {}, s.message()});
    return s;
  };
  if (text.size() > opt.max_document_bytes)
    return fail(Status(ErrorCode::kInputTooLarge,
                       "document of " + std::to_string(text.size()) + " bytes exceeds max_document_bytes (" +
                           std::to_string(opt.max_document_bytes) + ")",
                       opt.max_document_bytes));
  if (info.utf8_checked) {
    // The caller's parser has seen every byte: no second pass.
  } else if (opt.utf8_policy == Utf8Policy::kStrict) {
    size_t bad = internal::FirstInvalidUtf8(text);
    if (bad < text.size())
      return fail(Status(ErrorCode::kInvalidUtf8, "invalid UTF-8 byte 0x" +
                  std::string(1, "0123456789abcdef"[static_cast<uint8_t>(text[bad]) >> 4]) +
                  std::string(1, "0123456789abcdef"[static_cast<uint8_t>(text[bad]) & 15]), bad));
  } else {
    size_t total = 0;
    for (Span s : internal::InvalidUtf8Spans(text, kMaxListedInvalidSequences, &total))
      out->diagnostics.push_back({ErrorCode::kInvalidUtf8, s, "invalid UTF-8 analysed as U+FFFD"});
    if (total > kMaxListedInvalidSequences)
      out->diagnostics.push_back({ErrorCode::kInvalidUtf8, {}, std::to_string(total) +
                                  " invalid UTF-8 sequences in all; the first " +
                                  std::to_string(kMaxListedInvalidSequences) + " are listed"});
  }
  if (size_t nul = text.find('\0'); nul != std::string_view::npos)
    out->diagnostics.push_back({ErrorCode::kNulByte, {static_cast<uint32_t>(nul), static_cast<uint32_t>(nul + 1)},
                                "NUL bytes are analysed as spaces"});

  az.header->Parse(text, info.date, &out->header, &out->diagnostics);
  az.tokenizer->Tokenize(text, 0, out);
  az.segmenter->Segment(text, out->header.body_begin, opt.max_sentence_tokens, out);
  for (size_t k = 0; k < az.stages.size(); ++k) az.stages[k]->Run(text, out, &impl_->scratch[k]);
  return Status();
}

}  // namespace v1
}  // namespace communique
