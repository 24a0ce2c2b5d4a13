#include "tokenize/segmenter.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

#include "core/tables.h"
#include "tokenize/chars.h"
#include "tokenize/token_starts.h"

namespace communique::internal {
namespace {

constexpr size_t kMaxLabelTokens = 8;
constexpr uint32_t kShortLineBytes = 60;  // a line this short without final punctuation is a heading

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsTerminal(std::string_view t) {
  if (t.empty()) return false;
  if (t == "\xE2\x80\xA6") return true;  // …
  char c = t.back();
  return (c == '.' || c == '?' || c == '!') && t.find_first_not_of(".?!") == std::string_view::npos;
}

// Whether a punctuation token starting with byte c can be IsTerminal: . ? ! or … (E2 80 A6).
inline bool MayBeTerminal(char c) { return c == '.' || c == '?' || c == '!' || c == '\xE2'; }

// Whether a token may change more than the paragraph's end inside a
// sentence: it starts a line, is an abbreviation or may end the sentence.
inline bool StopsRun(const Token& t, std::string_view text) {
  return (t.flags & (kTokenLineStart | kTokenParagraphStart | kTokenAbbreviation)) ||
         (t.kind == TokenKind::kPunctuation && MayBeTerminal(text[t.span.begin]));
}

// The first token of tk[i, limit) that StopsRun, or limit. A word without
// those flags (most tokens) passes by one load and test of its adjacent
// kind and flags bytes.
size_t SkipRun(const Token* tk, size_t i, size_t limit, std::string_view text) {
  static_assert(static_cast<int>(TokenKind::kWord) == 0 && offsetof(Token, flags) == offsetof(Token, kind) + 2);
  constexpr uint32_t kNotPlainWord =
      0xFFu | (uint32_t{kTokenLineStart | kTokenParagraphStart | kTokenAbbreviation} << 16);
  for (const Token* t = tk + i, *end = tk + limit; t != end; ++t) {
    uint32_t kind_flags;
    std::memcpy(&kind_flags, reinterpret_cast<const unsigned char*>(t) + offsetof(Token, kind), 4);
    if ((kind_flags & kNotPlainWord) && StopsRun(*t, text)) return static_cast<size_t>(t - tk);
  }
  return limit;
}

bool IsClosingBracket(std::string_view t) { return t == ")" || t == "]" || t == "}"; }
bool IsOpeningBracket(std::string_view t) { return t == "(" || t == "[" || t == "{"; }

bool IsLowerWord(std::string_view t) {
  return !t.empty() && t[0] >= 'a' && t[0] <= 'z';
}

}  // namespace

Result<std::unique_ptr<Segmenter>> Segmenter::Create(const Tokenizer* tokenizer) {
  std::unique_ptr<Segmenter> s(new Segmenter(tokenizer));
  Tsv tsv;
  if (Status st = LoadTable("sentence_starters.tsv", 1, &tsv); !st.ok()) return st;
  for (const TsvRow& row : tsv.rows) s->starters_.insert(std::string(row.fields[0]));
  if (Status st = LoadTable("speaker_labels.tsv", 2, &tsv); !st.ok()) return st;
  for (const TsvRow& row : tsv.rows) {
    s->single_labels_.insert(std::string(row.fields[0]));
    if (row.fields[1] == "1") s->question_labels_.insert(std::string(row.fields[0]));
  }
  return s;
}

size_t Segmenter::LabelAt(std::string_view text, const Analysis& a, size_t i) const {
  const auto& toks = a.tokens;
  size_t words = 0, all_upper = 0, capitalized = 0;
  for (size_t k = i; k < toks.size() && k - i <= kMaxLabelTokens; ++k) {
    const Token& t = toks[k];
    if (k > i && (t.flags & kTokenLineStart)) return 0;
    std::string_view s = Slice(text, t.span);
    if (s == ":") {
      if (words == 0 || k + 1 >= toks.size() || (toks[k + 1].flags & kTokenLineStart && k + 1 < toks.size() && false))
        return 0;
      if (toks[k].span.end < text.size() && text[toks[k].span.end] != ' ' &&
          text[toks[k].span.end] != '\n' && text[toks[k].span.end] != '\t' &&
          static_cast<uint8_t>(text[toks[k].span.end]) != 0xC2)
        return 0;  // "10:30", "http:" are no labels
      if (words == 1) {
        std::string w = Lower(Slice(text, toks[i].span));
        if (!w.empty() && w.back() == '.') w.pop_back();
        if (single_labels_.count(w) && (all_upper == 1 || capitalized == 1)) return k - i;
        if (all_upper == 1 && w.size() >= 3) return k - i;  // "LAVROV:"
        return 0;
      }
      if (all_upper == words) return k - i;                 // MR PRICE:
      if (capitalized + 0 == words && words >= 2) return k - i;  // Vladimir Putin:
      return 0;
    }
    if (t.kind != TokenKind::kWord) return 0;
    ++words;
    bool upper = (t.flags & kTokenAllUpper) || (s.size() <= 3 && (t.flags & kTokenCapitalized) &&
                                                (s.size() == 1 || s[1] == '.' || (s[1] >= 'A' && s[1] <= 'Z')));
    if (upper) ++all_upper;
    if ((t.flags & kTokenCapitalized) || s == "of" || s == "the" || s == "for" || s == "and" ||
        s == "de" || s == "von" || s == "al")
      ++capitalized;
    else if (!upper)
      return 0;
  }
  return 0;
}

bool Segmenter::BreaksAfter(std::string_view text, const Analysis& a, size_t last,
                            size_t next) const {
  const Token& nt = a.tokens[next];
  std::string_view ns = Slice(text, nt.span);
  const Token& lt = a.tokens[last];
  // After an abbreviation a number continues the sentence: "No. 8", "p. 12", "Sept. 25".
  if ((lt.flags & kTokenAbbreviation) && nt.kind == TokenKind::kNumber) return false;
  if (nt.kind == TokenKind::kQuote && nt.quote != QuoteRole::kClose) return true;
  if (IsOpeningBracket(ns)) return true;
  if (nt.kind == TokenKind::kNumber) return true;
  if (nt.kind == TokenKind::kPunctuation || nt.kind == TokenKind::kSymbol) return ns == "-" || ns == "\xE2\x80\x94";
  if (IsLowerWord(ns)) return false;
  if (lt.flags & kTokenAbbreviation) {
    std::string_view ls = Slice(text, lt.span);
    std::string_view bare = ls.substr(0, ls.size() - 1);
    AbbreviationKind kind = tokenizer_->Abbreviation(bare);
    if (kind == AbbreviationKind::kTitle || kind == AbbreviationKind::kMonth) return false;
    if (bare.size() == 1) return false;  // initials: J. Smith
    return starters_.count(Lower(a.Norm(nt).size() ? std::string(a.Norm(nt)) : std::string(ns))) > 0;
  }
  return true;
}

void Segmenter::Segment(std::string_view text, uint32_t body_begin, uint32_t max_sentence_tokens,
                        Analysis* out) const {
  auto& toks = out->tokens;
  size_t i = 0;
  while (i < toks.size() && toks[i].span.begin < body_begin) ++i;
  Paragraph* para = nullptr;
  int32_t turn = -1;
  size_t sent_first = SIZE_MAX;
  bool limit_reported = false;

  auto close_sentence = [&](size_t last) {
    if (sent_first == SIZE_MAX) return;
    Sentence s;
    s.span = {toks[sent_first].span.begin, toks[last].span.end};
    s.first_token = static_cast<uint32_t>(sent_first);
    s.token_count = static_cast<uint32_t>(last + 1 - sent_first);
    s.paragraph = static_cast<uint32_t>(out->paragraphs.size() - 1);
    out->sentences.push_back(s);
    ++para->sentence_count;
    para->span.end = s.span.end;
    sent_first = SIZE_MAX;
  };
  auto close_turn = [&](uint32_t end) {
    if (turn >= 0) out->turns[static_cast<size_t>(turn)].span.end = end;
  };

  // out->tokens does not change here: locals, so that the pushes into *out
  // do not make the compiler reload them per token.
  const Token* const tk = toks.data();
  const size_t n_toks = toks.size();
  const uint8_t* const token_starts = TokenStarts(*out);  // null for hand-built tokens
  for (; i < n_toks; ++i) {
    if (para != nullptr && max_sentence_tokens >= 2) {
      // Fast path: tokens that start no line, are no abbreviation and no
      // terminal mark change nothing but the paragraph's end, the first
      // opening a sentence if none is open (the general steps below would
      // do only that).
      const size_t run = i;
      if (sent_first == SIZE_MAX && !StopsRun(tk[i], text)) sent_first = i;
      if (sent_first != SIZE_MAX) {
        // i + 1 - sent_first < max_sentence_tokens, as one bound.
        const size_t limit = std::min(n_toks, sent_first + max_sentence_tokens - 1);
        if (token_starts)  // kStartBreak is StopsRun
          i = NextStart<kStartBreak>(token_starts, n_toks, i, limit);
        else
          i = SkipRun(tk, i, limit, text);
        if (i > run) para->span.end = tk[i - 1].span.end;
        if (i >= n_toks) break;
      }
    }
    const Token& t = tk[i];
    bool new_para = para == nullptr || (t.flags & kTokenParagraphStart);
    size_t label = (t.flags & kTokenLineStart) ? LabelAt(text, *out, i) : 0;
    if (label) new_para = true;
    if (new_para) {
      if (i > 0 && sent_first != SIZE_MAX) close_sentence(i - 1);
      if (label) {
        close_turn(toks[i - (i > 0 ? 1 : 0)].span.end);
        Turn tr;
        tr.label = {t.span.begin, toks[i + label - 1].span.end};
        std::string speaker;
        for (size_t k = i; k < i + label; ++k) {
          std::string_view w = Slice(text, toks[k].span);
          const std::string_view bare = w.back() == '.' ? w.substr(0, w.size() - 1) : w;
          // The honorifics have at most four letters: a longer word is none
          // of them in any case, and is not lowered.
          char lower_buf[4];
          const std::string_view lw = bare.size() <= 4 ? AsciiLowerInto(bare, lower_buf) : bare;
          if (lw == "mr" || lw == "ms" || lw == "mrs" || lw == "dr" || lw == "miss") continue;
          if (!speaker.empty()) speaker.push_back(' ');
          bool first_char = true;
          for (char c : w) {  // Title Case for ALL-CAPS labels
            if (toks[k].flags & kTokenAllUpper)
              speaker.push_back(first_char ? c : (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c));
            else
              speaker.push_back(c);
            first_char = false;
          }
        }
        tr.speaker = speaker;
        if (label == 1) {  // a question label is one word
          std::string first_word = Lower(Slice(text, t.span));
          if (first_word.back() == '.') first_word.pop_back();
          tr.is_question = question_labels_.count(first_word) > 0;
        }
        tr.span = {t.span.begin, t.span.end};
        out->turns.push_back(std::move(tr));
        turn = static_cast<int32_t>(out->turns.size() - 1);
      }
      Paragraph p;
      p.span = {t.span.begin, t.span.end};
      p.first_sentence = static_cast<uint32_t>(out->sentences.size());
      p.turn = turn;
      out->paragraphs.push_back(p);
      para = &out->paragraphs.back();
      if (label) {
        i += label;  // the label and its colon belong to no sentence
        para->span.end = toks[i].span.end;
        continue;
      }
    } else if ((t.flags & kTokenLineStart) && sent_first != SIZE_MAX && i > 0) {
      // A line break inside a paragraph: a heading or list line ends a sentence.
      const Token& prev = toks[i - 1];
      std::string_view ps = Slice(text, prev.span);
      uint32_t line_begin = toks[sent_first].span.begin;
      for (size_t k = i - 1; k > sent_first; --k)
        if (toks[k].flags & kTokenLineStart) { line_begin = toks[k].span.begin; break; }
      bool short_line = prev.span.end - line_begin < kShortLineBytes;
      bool continues = ps == "," || (prev.kind == TokenKind::kWord && IsLowerWord(ps) && !short_line);
      std::string_view ts = Slice(text, t.span);
      bool starts = (t.flags & kTokenCapitalized) || t.kind == TokenKind::kNumber ||
                    t.kind == TokenKind::kQuote || t.kind == TokenKind::kSymbol || ts == "-" ||
                    ts == "\xE2\x80\xA2";
      if (!continues && starts && short_line) close_sentence(i - 1);
    }
    if (sent_first == SIZE_MAX) sent_first = i;
    para->span.end = t.span.end;

    bool last_of_text = i + 1 >= toks.size();
    size_t end = i;
    bool terminal = t.kind == TokenKind::kPunctuation && IsTerminal(Slice(text, t.span));
    bool abbrev_end = (t.flags & kTokenAbbreviation) != 0;
    if ((terminal || abbrev_end) && !last_of_text) {
      // Absorb closing quotes and brackets: `broader," he` / `etc."`.
      while (end + 1 < toks.size() && !(toks[end + 1].flags & kTokenLineStart)) {
        const Token& nx = toks[end + 1];
        bool closer = (nx.kind == TokenKind::kQuote &&
                       (nx.quote == QuoteRole::kClose ||
                        (nx.quote == QuoteRole::kAmbiguous && !(nx.flags & kTokenSpaceBefore)))) ||
                      (nx.span.size() == 1 && IsClosingBracket(Slice(text, nx.span)));
        if (!closer) break;
        ++end;
      }
      // Reference marks after the sentence belong to it: "... in 1805. [19] [20]".
      while (end + 3 < toks.size() && toks[end + 2].kind == TokenKind::kNumber &&
             Slice(text, toks[end + 1].span) == "[" && Slice(text, toks[end + 3].span) == "]" &&
             !(toks[end + 1].flags & kTokenLineStart))
        end += 3;
      if (end + 1 >= toks.size()) {
        i = end;
        continue;
      }
      const Token& nx = toks[end + 1];
      bool boundary = (nx.flags & kTokenParagraphStart) || BreaksAfter(text, *out, i, end + 1);
      if (abbrev_end && !terminal && end == i && !(nx.flags & kTokenLineStart)) {
        boundary = boundary && !(IsLowerWord(Slice(text, nx.span)));
      }
      if (boundary) {
        close_sentence(end);
        i = end;
        continue;
      }
      i = end;
      continue;
    }
    if (i + 1 - sent_first >= max_sentence_tokens) {
      if (!limit_reported) {
        out->diagnostics.push_back({ErrorCode::kLimitReached, {toks[sent_first].span.begin, t.span.end},
                                    "sentence cut after max_sentence_tokens tokens"});
        limit_reported = true;
      }
      close_sentence(i);
    }
  }
  if (!toks.empty() && sent_first != SIZE_MAX) close_sentence(toks.size() - 1);
  if (turn >= 0 && !toks.empty()) close_turn(toks.back().span.end);
}

}  // namespace communique::internal
