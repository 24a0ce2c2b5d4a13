#include "quotes/marks.h"

#include <algorithm>
#include <optional>
#include <string>

#include "tokenize/token_starts.h"

namespace communique::internal {

namespace {

constexpr size_t kMaxListedQuoteDiagnostics = 100;


constexpr uint32_t kNoParagraph = UINT32_MAX;
constexpr size_t kMinRepairedTokens = 3;

bool IsSingleMark(std::string_view s) {
  return s == "'" || s == "\xE2\x80\x98" || s == "\xE2\x80\x99" || s == "\xE2\x80\x9A" ||
         s == "\xE2\x80\xB9" || s == "\xE2\x80\xBA";
}

struct OpenMark {
  size_t tok = 0;
  uint32_t para = 0;
  size_t content_first = 0;
  bool multi = false;
};

class Pairer {
 public:
  Pairer(std::string_view text, Analysis* a, const std::vector<uint32_t>& tp,
         const std::function<bool(size_t)>& cue_after, const std::function<bool(size_t)>& cue_before)
      : text_(text), a_(a), tp_(tp), cue_after_(cue_after), cue_before_(cue_before) {}

  // Visits the quotation marks only (QuoteMarkTokens), not every token.
  std::vector<MarkedQuote> Run(const std::vector<uint32_t>& quote_marks) {
    const Token* const toks = a_->tokens.data();
    for (const uint32_t mark : quote_marks) {
      const size_t i = mark;
      if (tp_[i] == kNoParagraph) continue;
      uint32_t para = tp_[i];
      if (single_ && single_->para != para) single_.reset();
      if (IsSingleMark(Slice(text_, toks[i].span))) {
        Single(i, para);
        continue;
      }
      QuoteRole role = toks[i].quote;
      if (open_ && open_->para != para) {
        bool first_in_para = i == 0 || tp_[i - 1] != para;
        bool next_para = open_->para + 1 == para;
        if (next_para && first_in_para && role != QuoteRole::kClose) {
          open_->para = para;  // wire style: the quote goes on in this paragraph
          open_->multi = true;
          continue;
        }
        if (next_para && role != QuoteRole::kOpen && !seen_in_para_(para)) {
          Emit(open_->content_first, i, open_->tok, i, true, true);  // lost continuation mark
          open_.reset();
          continue;
        }
        Unclosed();
      }
      last_mark_para_ = para;
      if (role == QuoteRole::kOpen || (role == QuoteRole::kAmbiguous && !open_)) {
        if (open_) Unclosed();
        open_ = OpenMark{i, para, i + 1, false};
      } else if (open_) {
        Emit(open_->content_first, i, open_->tok, i, false, open_->multi);
        open_.reset();
      } else {
        LostOpening(i, para);
      }
    }
    if (open_) Unclosed();
    return std::move(out_);
  }

 private:
  // Whether a double mark was already seen in paragraph p (before this one).
  bool seen_in_para_(uint32_t p) const { return last_mark_para_ == p; }

  void Single(size_t i, uint32_t para) {
    if (open_) return;  // nested inside a double quote
    QuoteRole role = a_->tokens[i].quote;
    if (role == QuoteRole::kOpen) {
      single_ = OpenMark{i, para, i + 1, false};
    } else if (single_ && role != QuoteRole::kNone) {
      Emit(single_->content_first, i, single_->tok, i, false, false);
      single_.reset();
    }
  }

  void Emit(size_t first, size_t last, size_t open, size_t close, bool repaired, bool multi) {
    if (first >= last) return;
    MarkedQuote q;
    q.open = open;
    q.close = close;
    q.first = first;
    q.last = last;
    q.span = {a_->tokens[first].span.begin, a_->tokens[last - 1].span.end};
    q.repaired = repaired;
    q.multi_paragraph = multi;
    if (close != kNoToken) last_close_ = close;
    out_.push_back(q);
  }

  // At most kMaxListedQuoteDiagnostics are listed, then one count, so a
  // text of nothing but quotation marks cannot grow the diagnostics unbounded.
  void Diagnose(size_t tok, const char* message) {  // no string is built past the cap
    ++diagnosed_;
    if (diagnosed_ <= kMaxListedQuoteDiagnostics)
      a_->diagnostics.push_back({ErrorCode::kUnbalancedQuote, a_->tokens[tok].span, message});
    else if (diagnosed_ == kMaxListedQuoteDiagnostics + 1)
      a_->diagnostics.push_back({ErrorCode::kUnbalancedQuote, a_->tokens[tok].span,
                                 "more unbalanced quotation marks follow; only the first " +
                                     std::to_string(kMaxListedQuoteDiagnostics) + " are listed"});
  }
  size_t diagnosed_ = 0;

  // An opening mark whose paragraph ended without a closing one.
  void Unclosed() {
    OpenMark o = *open_;
    open_.reset();
    if (cue_before_(o.tok)) {
      size_t end = o.tok + 1;
      while (end < tp_.size() && tp_[end] == o.para) ++end;
      if (end > o.content_first + kMinRepairedTokens) {
        Emit(o.content_first, end, o.tok, kNoToken, true, o.multi);
        return;
      }
    }
    Diagnose(o.tok, "opening quotation mark is never closed");
  }

  // A closing mark with no opening one: repaired when a speech cue follows.
  void LostOpening(size_t close, uint32_t para) {
    if (!cue_after_(close)) {
      Diagnose(close, "closing quotation mark without an opening one");
      return;
    }
    size_t first = close;
    while (first > 0 && tp_[first - 1] == para && first - 1 != last_close_) --first;
    Turn* turn = nullptr;
    int32_t ti = a_->paragraphs[para].turn;
    if (ti >= 0) turn = &a_->turns[static_cast<size_t>(ti)];
    // Skip a transcript label and its colon at the paragraph start.
    while (turn && first < close && a_->tokens[first].span.begin < turn->label.end + 1) ++first;
    if (close - first < kMinRepairedTokens) {
      Diagnose(close, "closing quotation mark without an opening one");
      return;
    }
    Emit(first, close, kNoToken, close, true, false);
    Diagnose(close, "opening quotation mark inferred at the paragraph start");
  }

  std::string_view text_;
  Analysis* a_;
  const std::vector<uint32_t>& tp_;
  const std::function<bool(size_t)>& cue_after_;
  const std::function<bool(size_t)>& cue_before_;
  std::optional<OpenMark> open_, single_;
  size_t last_close_ = kNoToken;
  uint32_t last_mark_para_ = kNoParagraph;
  std::vector<MarkedQuote> out_;
};

}  // namespace

std::vector<uint32_t> TokenParagraphs(const Analysis& a) {
  const size_t n = a.tokens.size();
  bool in_order = true;  // no sentence starts before the previous one ends
  for (size_t k = 1; k < a.sentences.size() && in_order; ++k)
    in_order = a.sentences[k].first_token >= size_t{a.sentences[k - 1].first_token} + a.sentences[k - 1].token_count;
  std::vector<uint32_t> tp;
  if (in_order) {  // the segmenter's output: one pass, no second fill
    tp.reserve(n);
    for (const Sentence& s : a.sentences) {
      tp.insert(tp.end(), std::min<size_t>(s.first_token, n) - tp.size(), kNoParagraph);
      tp.insert(tp.end(), std::min<size_t>(size_t{s.first_token} + s.token_count, n) - tp.size(), s.paragraph);
    }
    tp.resize(n, kNoParagraph);
    return tp;
  }
  tp.assign(n, kNoParagraph);
  for (const Sentence& s : a.sentences) {
    size_t b = std::min<size_t>(s.first_token, tp.size());
    size_t e = std::min<size_t>(size_t{s.first_token} + s.token_count, tp.size());
    std::fill(tp.begin() + static_cast<ptrdiff_t>(b), tp.begin() + static_cast<ptrdiff_t>(e), s.paragraph);
  }
  return tp;
}

std::vector<uint32_t> QuoteMarkTokens(const Analysis& a) {
  std::vector<uint32_t> marks;
  const Token* const toks = a.tokens.data();
  const size_t n = a.tokens.size();
  if (const uint8_t* starts = TokenStarts(a)) {  // kStartQuote is the kind's test
    for (size_t i = NextStart<kStartQuote>(starts, n, 0, n); i < n; i = NextStart<kStartQuote>(starts, n, i + 1, n))
      marks.push_back(static_cast<uint32_t>(i));
    return marks;
  }
  auto is_mark = [toks](size_t i) -> unsigned { return toks[i].kind == TokenKind::kQuote; };  // '|' below: no branch
  size_t i = 0;
  // Four tokens a branch: marks are rare.
  for (; i + 4 <= n; i += 4)
    if (is_mark(i) | is_mark(i + 1) | is_mark(i + 2) | is_mark(i + 3))
      for (size_t k = i; k < i + 4; ++k)
        if (is_mark(k)) marks.push_back(static_cast<uint32_t>(k));
  for (; i < n; ++i)
    if (is_mark(i)) marks.push_back(static_cast<uint32_t>(i));
  return marks;
}

std::vector<MarkedQuote> PairQuoteMarks(std::string_view text, Analysis* a,
                                        const std::vector<uint32_t>& token_paragraph,
                                        const std::vector<uint32_t>& quote_marks,
                                        const std::function<bool(size_t)>& cue_after,
                                        const std::function<bool(size_t)>& cue_before) {
  Pairer p(text, a, token_paragraph, cue_after, cue_before);
  return p.Run(quote_marks);
}

}  // namespace communique::internal
