// worker.cc: JSONL line parsing (simdjson DOM) and analysis of one document.
#include "worker.h"

#include <simdjson.h>

#include <string>

namespace extract {
namespace {

using communique::Analysis;
using communique::CivilDate;
using communique::Diagnostic;
using communique::ErrorCode;
using communique::Status;

// Length of the maximal well-formed prefix of the sequence at s[i] if it is
// ill-formed (at least 1), or 0 if a well-formed character starts there.
// Table 3-7 of the Unicode Standard; *len receives the character's length.
size_t IllFormedAt(std::string_view s, size_t i, size_t* len) noexcept {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) { *len = 1; return 0; }
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) { need = 1; }
  else if (b0 == 0xE0) { need = 2; lo = 0xA0; }
  else if (b0 >= 0xE1 && b0 <= 0xEF) { need = 2; if (b0 == 0xED) hi = 0x9F; }
  else if (b0 == 0xF0) { need = 3; lo = 0x90; }
  else if (b0 >= 0xF1 && b0 <= 0xF3) { need = 3; }
  else if (b0 == 0xF4) { need = 3; hi = 0x8F; }
  else { return 1; }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) return k;
    unsigned char b = byte(i + k);
    unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
    if (b < min || b > max) return k;
  }
  *len = need + 1;
  return 0;
}

}  // namespace

size_t FirstInvalidUtf8(std::string_view s) noexcept {
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    if (IllFormedAt(s, i, &len) != 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

size_t RepairUtf8(std::string_view s, std::string* out) {
  out->clear();
  out->reserve(s.size() + 16);
  size_t repairs = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    size_t bad = IllFormedAt(s, i, &len);
    if (bad != 0) {
      out->append("\xEF\xBF\xBD");
      ++repairs;
      i += bad;
    } else {
      out->append(s.substr(i, len));
      i += len;
    }
  }
  return repairs;
}

struct Worker::Impl {
  Impl(const std::shared_ptr<const communique::Analyzer>& analyzer, const RunOptions& opts)
      : session(analyzer->NewSession()), options(opts) {}

  // Analyses `text` and writes its record (or its error record) into *item.
  // utf8_checked: the text came out of the JSON parser, which checks UTF-8.
  void AnalyzeText(std::string_view text, std::string_view id, std::optional<CivilDate> date,
                   bool utf8_checked, std::vector<Diagnostic> notes, Item* item) {
    communique::DocumentInfo info;
    info.id = id;
    info.date = date;
    info.utf8_checked = utf8_checked;
    Status status = session.Analyze(text, info, &analysis);
    if (!status.ok()) {
      Fail(id, std::move(status), item);
      return;
    }
    for (const Diagnostic& d : analysis.diagnostics) {
      if (d.code == ErrorCode::kInvalidUtf8) item->utf8_repaired = true;
    }
    // Notes about the input line have no place in the text: span [0, 0).
    if (!notes.empty()) {
      notes.insert(notes.end(), analysis.diagnostics.begin(), analysis.diagnostics.end());
      analysis.diagnostics = std::move(notes);
    }
    item->text_bytes = text.size();
    communique::AppendJson(analysis, text, options.json, &item->output);
  }

  void Fail(std::string_view id, Status status, Item* item) {
    item->failed = true;
    communique::AppendErrorJson(id, status, item->source, &item->output);
    item->status = std::move(status);
  }

  void ProcessJsonl(Item* item) {
    const std::string& line = item->payload;
    std::vector<Diagnostic> notes;
    // simdjson reads up to SIMDJSON_PADDING bytes past the end of its input:
    // it parses the line in place when its spare capacity allows (the reader
    // leaves kLinePadding), else it copies the line into a buffer of its own.
    static_assert(kLinePadding >= simdjson::SIMDJSON_PADDING);
    simdjson::dom::element doc;
    simdjson::error_code err = parser.parse(line).get(doc);
    if (err == simdjson::UTF8_ERROR) {
      size_t bad = FirstInvalidUtf8(line);
      size_t repairs = RepairUtf8(line, &padded);
      size_t size = padded.size();
      padded.append(simdjson::SIMDJSON_PADDING, '\0');
      err = parser.parse(padded.data(), size, false).get(doc);
      if (options.analyzer.utf8_policy == communique::Utf8Policy::kStrict) {
        // The repaired copy only serves to find the document's id.
        std::string_view id;
        if (err != simdjson::SUCCESS || doc["id"].get_string().get(id) != simdjson::SUCCESS) {
          id = item->source;
        }
        Fail(id, Status(ErrorCode::kInvalidUtf8,
                        "invalid UTF-8 in the JSONL line (offset counts bytes of the line)", bad),
             item);
        return;
      }
      item->utf8_repaired = true;
      notes.push_back(Diagnostic{
          ErrorCode::kInvalidUtf8, {},
          std::to_string(repairs) + " ill-formed UTF-8 sequence(s) in the JSONL line, the "
          "first at byte " + std::to_string(bad) + " of the line, replaced by U+FFFD "
          "before parsing; offsets refer to the repaired text"});
    }
    if (err != simdjson::SUCCESS) {
      Fail(item->source, Status(ErrorCode::kInvalidJson, simdjson::error_message(err)), item);
      return;
    }
    simdjson::dom::object object;
    if (doc.get_object().get(object) != simdjson::SUCCESS) {
      Fail(item->source, Status(ErrorCode::kInvalidJson, "the line is not a JSON object"), item);
      return;
    }
    std::string id = item->source;
    std::string_view text;
    bool has_text = false;
    std::optional<CivilDate> date = options.default_date;
    for (simdjson::dom::key_value_pair field : object) {
      if (field.key == "id") {
        std::string_view s;
        if (field.value.get_string().get(s) == simdjson::SUCCESS) {
          id.assign(s);
        } else if (!field.value.is_null()) {
          id = simdjson::minify(field.value);  // a number, kept as written
        }
      } else if (field.key == "text") {
        has_text = field.value.get_string().get(text) == simdjson::SUCCESS;
      } else if (field.key == "date" && !field.value.is_null()) {
        std::string_view s;
        std::optional<CivilDate> parsed;
        if (field.value.get_string().get(s) == simdjson::SUCCESS) parsed = CivilDate::Parse(s);
        if (parsed) {
          date = parsed;
        } else {
          notes.push_back(Diagnostic{ErrorCode::kInvalidArgument, {},
                                     "ignored \"date\" " + simdjson::minify(field.value) +
                                         ": not a YYYY-MM-DD calendar date"});
        }
      }
    }
    if (!has_text) {
      Fail(id, Status(ErrorCode::kInvalidJson, "no \"text\" string in the object"), item);
      return;
    }
    AnalyzeText(text, id, date, true, std::move(notes), item);
  }

  communique::Session session;
  const RunOptions& options;
  Analysis analysis;
  simdjson::dom::parser parser;
  std::string padded;
};

Worker::Worker(const std::shared_ptr<const communique::Analyzer>& analyzer,
               const RunOptions& options)
    : impl_(std::make_unique<Impl>(analyzer, options)) {}

Worker::~Worker() = default;

void Worker::Process(Item* item) {
  switch (item->kind) {
    case ItemKind::kError:
      impl_->Fail(item->id, item->status, item);
      break;
    case ItemKind::kText:
      impl_->AnalyzeText(item->payload, item->id, impl_->options.default_date, false, {}, item);
      break;
    case ItemKind::kJsonlLine:
      impl_->ProcessJsonl(item);
      break;
  }
  std::string().swap(item->payload);
  // One huge line must not keep its buffer for the rest of the run.
  if (impl_->parser.capacity() > (16u << 20) || impl_->padded.capacity() > (16u << 20)) {
    std::string().swap(impl_->padded);
    impl_->parser = simdjson::dom::parser();
  }
}

}  // namespace extract
