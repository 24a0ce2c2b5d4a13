#include "times/lexicon.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "core/norm_hash.h"
#include "core/tables.h"

namespace communique::internal::times {
namespace {

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Hours from a clock reading and an optional a.m./p.m. marker.
int Hour24(int h, std::string_view mer) {
  if (mer.empty()) return h;
  bool pm = mer[0] == 'p';
  if (h == 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

// "12-25", "easter", "easter+1", "easter-2", "11/4/4" (4th Thursday of
// November), "5/1/-1" (last Monday of May), "11/4/4+1" (the day after).
bool ParseHoliday(std::string_view v, Holiday* h) {
  if (v.starts_with("easter")) {
    h->kind = Holiday::kEaster;
    h->offset = v.size() > 6 ? std::atoi(std::string(v.substr(6)).c_str()) : 0;
    return v.size() == 6 || v[6] == '+' || v[6] == '-';
  }
  size_t plus = v.find('+');
  std::string head(v.substr(0, plus));
  if (plus != std::string_view::npos) h->offset = std::atoi(std::string(v.substr(plus + 1)).c_str());
  if (head.find('/') != std::string::npos) {
    int m = 0, w = 0, n = 0;
    if (std::sscanf(head.c_str(), "%d/%d/%d", &m, &w, &n) != 3) return false;
    h->kind = Holiday::kNthWeekday; h->month = m; h->weekday = w; h->nth = n;
    return m >= 1 && m <= 12 && w >= 1 && w <= 7 && n != 0 && n >= -1 && n <= 5;
  }
  int m = 0, d = 0;
  if (std::sscanf(head.c_str(), "%d-%d", &m, &d) != 2) return false;
  h->kind = Holiday::kFixed; h->month = m; h->day = d;
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

// The StartBit of a word's classes: the rules whose first test a word of
// these classes can pass (Grammar::Core and the rules it calls).
uint16_t ClassStarts(std::string_view form, const WordInfo& w) {
  uint16_t s = 0;
  if (w.weekday || w.weekday_abbr) s |= kStartDateLit | kStartMonthFirst | kStartDay | kStartWeekday;
  if (w.month) s |= kStartMonthFirst;
  if (w.ordinal) s |= kStartDay | kStartYear | kStartPart;  // the 21st, the twenty-first century, the first half
  if (w.number != -1) s |= kStartOffset | kStartSet | kStartAmount;  // Grammar::Amount
  if (w.number == 20 || w.number == 30) s |= kStartDay | kStartYear;  // twenty-first (Grammar::DayNumber)
  // a day in cardinal words (Grammar::DayFirst, SmallNumber)
  if (w.number >= 1 && w.number <= 59 && form != "a" && form != "an" && form != "couple" && form != "dozen")
    s |= kStartDay;
  if (w.number >= 0 && w.number <= 59) s |= kStartClock;  // Grammar::SmallNumber
  if (!w.part_mod.empty()) s |= kStartPart;
  if (w.relative != -9) s |= kStartRelative | kStartHoliday;
  if (!w.set.empty() || w.weekdays) s |= kStartSet;
  if (!w.ref.empty()) s |= kStartRef;
  if (w.unit_plural) s |= kStartAmount;  // for years, over decades
  if (w.part_of_day == "NOON" || w.part_of_day == "MIDNIGHT") s |= kStartClock;
  return s;
}

// The StartBit of word forms the rules test by their text.
struct FormStarts {
  const char* form;
  uint16_t starts;
};
constexpr FormStarts kFormStarts[] = {
    {"the", kStartDay | kStartYear | kStartPart | kStartRelative | kStartDeictic | kStartHoliday},
    {"fy", kStartYear}, {"fiscal", kStartYear}, {"calendar", kStartYear},
    {"q", kStartQuarter}, {"h", kStartQuarter},
    {"last", kStartPart | kStartDeictic}, {"final", kStartPart}, {"week", kStartPart},
    {"earlier", kStartRelative}, {"later", kStartRelative},
    {"today", kStartDeictic}, {"tomorrow", kStartDeictic}, {"yesterday", kStartDeictic},
    {"tonight", kStartDeictic}, {"tonite", kStartDeictic},
    {"in", kStartOffset}, {"within", kStartOffset},
    {"half", kStartAmount | kStartOffset | kStartClock},
    {"every", kStartSet}, {"each", kStartSet}, {"per", kStartSet}, {"once", kStartSet}, {"twice", kStartSet},
    {"thrice", kStartSet}, {"semi", kStartSet}, {"bi", kStartSet},
    {"quarter", kStartClock}, {"a", kStartClock}, {"from", kStartClock}, {"between", kStartClock},
    {"weekend", kStartHoliday},
};

}  // namespace

const Holiday* Lexicon::FindHoliday(std::string_view joined) const {
  auto it = holidays_.find(joined);
  return it == holidays_.end() ? nullptr : &it->second;
}

Lexicon::Lexicon()
    : iso_date_(R"((\d{4})[-/.](\d{1,2})[-/.](\d{1,2}))"),
      dmy_dots_(R"((\d{1,2})\.(\d{1,2})\.(\d{4}))"),
      mdy_slash_(R"((\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?)"),
      mdy_dash_(R"((\d{1,2})-(\d{1,2})-(\d{4}))"),
      ym_(R"((\d{4})[-/](\d{1,2}))"),
      clock_(R"((\d{1,2}):(\d{2})(?::(\d{2}))?(a\.?m\.?|p\.?m\.?|a|p)?)"),
      meridiem_(R"((\d{1,2})(?:[.:](\d{2}))?(a\.?m\.?|p\.?m\.?|a|p))") {}

Result<std::unique_ptr<Lexicon>> Lexicon::Create() {
  std::unique_ptr<Lexicon> lex(new Lexicon());
  Tsv words;
  if (Status s = LoadTable("time_words.tsv", 3, &words); !s.ok()) return s;
  for (const TsvRow& row : words.rows) {
    Entry& entry = lex->words_[std::string(row.fields[0])];
    entry.has_info = true;
    WordInfo& w = entry.info;
    std::string_view cls = row.fields[1], val = row.fields[2];
    int num = (!val.empty() && (IsDigit(val[0]) || val[0] == '-')) ? std::atoi(std::string(val).c_str()) : 0;
    if (cls == "month") w.month = num;
    else if (cls == "weekday") w.weekday = num;
    else if (cls == "weekdays") w.weekdays = num;
    else if (cls == "weekday_abbr") w.weekday_abbr = num;
    else if (cls == "season") w.season = num;
    else if (cls == "unit") w.unit = std::string(val);
    else if (cls == "units") { w.unit = std::string(val); w.unit_plural = true; }
    else if (cls == "number") w.number = val == "X" ? -2 : num;
    else if (cls == "ordinal") w.ordinal = num;
    else if (cls == "relative") w.relative = num;
    else if (cls == "part_of_day") w.part_of_day = std::string(val);
    else if (cls == "timezone") w.timezone = std::string(val);
    else if (cls == "set") w.set = std::string(val);
    else if (cls == "anchor_mod") w.anchor_mod = std::string(val);
    else if (cls == "part_mod") w.part_mod = std::string(val);
    else if (cls == "ref") w.ref = std::string(val);
    else return Status(ErrorCode::kDataLoadFailed,
                       "time_words.tsv:" + std::to_string(row.line) + ": unknown class");
  }
  Tsv phrases;
  if (Status s = LoadTable("time_phrases.tsv", 2, &phrases); !s.ok()) return s;
  for (const TsvRow& row : phrases.rows) {
    std::string p(row.fields[0]);
    if (p.size() > kMaxPhraseBytes)
      return Status(ErrorCode::kDataLoadFailed, "time_phrases.tsv:" + std::to_string(row.line) + ": phrase too long");
    size_t n = 1;
    for (char c : p) n += c == ' ';
    for (size_t sp = p.find(' '); sp != std::string::npos; sp = p.find(' ', sp + 1)) {
      lex->prefixes_[p.substr(0, sp)] = true;
      const size_t next = p.find(' ', sp + 1);
      lex->words_[p.substr(sp + 1, next == std::string::npos ? std::string::npos : next - sp - 1)].flags |=
          kPhraseLater;
    }
    if (n > lex->max_phrase_words_) lex->max_phrase_words_ = n;
    std::string_view v = row.fields[1];
    if (!v.empty() && v[0] == '@') {  // a holiday
      Holiday h;
      if (!ParseHoliday(v.substr(1), &h))
        return Status(ErrorCode::kDataLoadFailed, "time_phrases.tsv:" + std::to_string(row.line) + ": bad holiday");
      lex->holidays_[p] = h;
      lex->words_[p.substr(0, p.find(' '))].flags |= kHolidayStart;
      if (n > lex->max_holiday_words_) lex->max_holiday_words_ = n;
      continue;
    }
    lex->phrases_[p] = std::string(v);
    size_t second_end = p.find(' ', p.find(' ') + 1);
    lex->phrase_pairs_[p.substr(0, second_end)] = true;
    if (size_t sp = p.find(' '); sp != std::string::npos)
      lex->words_[p.substr(sp + 1, second_end == std::string::npos ? std::string::npos : second_end - sp - 1)].flags |=
          kPhraseSecond;
    lex->words_[p.substr(0, p.find(' '))].flags |= kPhraseStart;
  }
  // words that open an expression without being time words
  static const char* const kOpeners[] = {"the", "from", "between", "more", "less", "fewer", "at", "up", "no",
                                         "as", "prior", "in", "within", "earlier", "later", "today", "tomorrow",
                                         "yesterday", "tonight", "tonite", "every", "each", "per", "twice", "once",
                                         "thrice", "fy", "fiscal", "calendar", "q", "h", "week", "half", "semi",
                                         "bi"};
  for (const char* w : kOpeners) lex->words_[w].flags |= kOpener;
  static const char* const kDeictic[] = {"today", "tomorrow", "yesterday", "tonight", "tonite", "once", "twice",
                                         "thrice", "fy", "q", "h", "every", "each", "o'clock", "oclock", "past",
                                         "am", "pm", "a.m.", "p.m."};
  for (const char* w : kDeictic) lex->words_[w].flags |= kCore;
  for (const char* w : {"early", "late", "mid", "in"}) lex->words_[w].flags |= kPodStart;
  for (const char* w : {"from", "between", "more", "less", "fewer", "at", "up", "no", "later", "earlier", "as", "prior"})
    lex->words_[w].flags |= kPrefix;
  for (const FormStarts& f : kFormStarts) lex->words_[f.form].starts |= f.starts;
  for (auto& [form, entry] : lex->words_) {
    if (entry.has_info) {
      entry.info.starts = ClassStarts(form, entry.info);
      if (!entry.info.anchor_mod.empty()) entry.flags |= kPrefix;
    }
    entry.starts |= entry.info.starts;
    if (entry.flags & kHolidayStart) entry.starts |= kStartHoliday;
    if (entry.flags & kPhraseStart) entry.starts |= kStartRef;
  }
  size_t pair_cap = 16;
  while (pair_cap < lex->phrase_pairs_.size() * 4) pair_cap *= 2;
  lex->pair_table_.assign(pair_cap, PairSlot{});
  lex->pair_mask_ = pair_cap - 1;
  for (const auto& [pair, unused] : lex->phrase_pairs_) {
    const size_t sp = pair.find(' ');
    if (sp == std::string::npos) continue;  // a one-word phrase: no pair
    const uint64_t hash = PairHash(std::string_view(pair).substr(0, sp), std::string_view(pair).substr(sp + 1));
    size_t h = hash & lex->pair_mask_;
    while (lex->pair_table_[h].used) h = (h + 1) & lex->pair_mask_;
    lex->pair_table_[h] = PairSlot{hash, pair, true};
  }
  size_t cap = 64;
  while (cap < lex->words_.size() * 4) cap *= 2;
  lex->table_.assign(cap, Slot{});
  lex->mask_ = cap - 1;
  for (const auto& [form, entry] : lex->words_) {
    const uint64_t hash = HashWord(form);
    size_t h = hash & lex->mask_;
    for (; lex->table_[h].entry; h = (h + 1) & lex->mask_)
      if (lex->table_[h].hash == hash)  // the table tells forms apart by their hash alone
        return Status(ErrorCode::kDataLoadFailed, "time words: two forms share a hash: " + form);
    lex->table_[h] = Slot{hash, &entry};
  }
  for (auto& [form, entry] : lex->words_) {
    size_t head = ShapeBit(form, false), tail = ShapeBit(form, true);
    lex->shapes_[head / 64] |= uint64_t{1} << (head % 64);
    lex->tails_[tail / 64] |= uint64_t{1} << (tail % 64);
    const WordInfo& w = entry.info;
    if (entry.has_info && (w.month || w.weekday || w.weekdays || w.weekday_abbr || w.season >= 0 ||
                           !w.unit.empty() || w.ordinal || !w.part_of_day.empty() || !w.set.empty() ||
                           !w.ref.empty()))
      entry.flags |= kCore;
  }
  return lex;
}

const WordInfo* Lexicon::Find(std::string_view w) const {
  uint8_t flags = 0;
  uint16_t starts = 0;
  return Lookup(w, &flags, &starts);
}

size_t Lexicon::ShapeBit(std::string_view w, bool tail) {
  size_t n = w.size();
  size_t c0 = n == 0 ? 0 : ShapeLetter(tail ? w[n - 1] : w[0]), c1 = n < 2 ? 0 : ShapeLetter(tail ? w[n - 2] : w[1]);
  return (c0 * 28 + c1) * 32 + (n < 31 ? n : 31);
}

void Lexicon::AddStartWords(StartWords* words) const {
  for (const auto& [form, entry] : words_) {
    words->Add(HashWord(form), kStartTime);
    if (entry.has_info) {  // FindStripped finds the form before a period or 's
      words->Add(HashWord(form + "."), kStartTime);
      words->Add(HashWord(form + "'s"), kStartTime);
    }
  }
}

bool Lexicon::PhrasePair(std::string_view first, std::string_view second) const {
  const uint64_t hash = PairHash(first, second);
  for (size_t h = hash & pair_mask_;; h = (h + 1) & pair_mask_) {
    const PairSlot& s = pair_table_[h];
    if (!s.used) return false;
    const std::string_view key = s.key;
    if (s.hash == hash && key.size() == first.size() + 1 + second.size() && key.starts_with(first) &&
        key[first.size()] == ' ' && key.ends_with(second))
      return true;
  }
}

std::string_view Lexicon::Phrase(std::string_view joined) const {
  auto it = phrases_.find(joined);
  return it == phrases_.end() ? std::string_view() : std::string_view(it->second);
}

void Lexicon::Atoms(std::string_view text, const Analysis& a, size_t token_begin, size_t token_end,
                    std::vector<Atom>* out, std::vector<uint32_t>* may_start) const {
  out->clear();
  may_start->clear();
  token_end = std::min(token_end, a.tokens.size());
  if (token_begin >= token_end) return;
  out->reserve((token_end - token_begin) + (token_end - token_begin) / 4);
  // The first sentence that does not end before the first token.
  const uint32_t first_begin = a.tokens[token_begin].span.begin;
  size_t sent = static_cast<size_t>(
      std::partition_point(a.sentences.begin(), a.sentences.end(),
                           [first_begin](const Sentence& s) { return s.span.end <= first_begin; }) -
      a.sentences.begin());
  // Locals, not members of `a`: the compiler cannot tell that the stores
  // into *out leave a's vectors alone, and would reload them per token.
  const Token* const tokens = a.tokens.data();
  const Sentence* const sentences = a.sentences.data();
  const size_t n_sentences = a.sentences.size();
  const char* const pool = a.norm_pool.data();
  const uint64_t* const hashes = NormHashes(a);  // null for hand-built tokens
  // kStartTime: every word the table holds has it (AddStartWords)
  const uint8_t* const token_starts = hashes ? TokenStarts(a) : nullptr;
  // The span of sentence `sent` (empty past the last one): a token belongs
  // to the sentence whose span holds its first byte, else to none (-1).
  uint32_t sent_begin = 0, sent_end = 0;
  auto load_sentence = [&] {
    if (sent < n_sentences) {
      sent_begin = sentences[sent].span.begin;
      sent_end = sentences[sent].span.end;
    } else {
      sent_begin = sent_end = UINT32_MAX;
    }
  };
  load_sentence();
  for (size_t k = token_begin; k < token_end; ++k) {
    const Token& t = tokens[k];
    const uint32_t begin = t.span.begin, end = t.span.end;
    if (begin >= sent_end) {
      do ++sent; while (sent < n_sentences && sentences[sent].span.end <= begin);
      load_sentence();
    }
    const int32_t s = begin >= sent_begin ? static_cast<int32_t>(sent) : -1;  // sent_begin is UINT32_MAX past the last
    const std::string_view norm(pool + t.norm.begin, t.norm.size());
    // read from the previous token, not carried in a variable (one register fewer in the loop)
    const bool glued = k > 0 && tokens[k - 1].span.end == begin && !(t.flags & kTokenSpaceBefore);
    const TokenKind kind = t.kind;
    const uint8_t flags = t.flags;
    const bool punct = kind == TokenKind::kPunctuation || kind == TokenKind::kQuote || kind == TokenKind::kSymbol;
    if (punct || (kind == TokenKind::kWord && !(flags & (kTokenHasDigit | kTokenHyphenated)))) {
      // the common cases, built in place: punctuation, and a word the
      // splitting of AddPieces would keep whole; one constructor sets every
      // member, so the atom is built in registers and stored whole
      Atom x(begin, end, s, punct ? AtomKind::kPunct : AtomKind::kWord, (flags & kTokenCapitalized) != 0, glued,
             t.norm.begin, t.norm.size());
      if (punct) {
        out->push_back(x);
        continue;
      }
      // whether the word may have classes or flags (only then can it start a
      // parse): it has the kStartTime bit (most words have not), or no bits
      bool found = false;
      if (!token_starts) {
        x.set_word(Lookup(norm, &x.flags, &x.starts));
        found = true;
      } else if (token_starts[k] & kStartTime) {  // Lookup by the token's hash
        x.set_word(Probe(hashes[k], &x.flags, &x.starts));
        found = true;
      }
      // the last byte first: most words end in neither '.' nor 's'
      if (found && norm.size() > 1 && (norm.back() == '.' || norm.back() == 's') && !x.word() &&
          (norm.back() == '.' || (norm.size() > 2 && norm[norm.size() - 2] == '\'')))
        FindStripped(norm, &x);
      if (found && MayStartParse(x)) may_start->push_back(static_cast<uint32_t>(out->size()));
      out->push_back(x);
      continue;
    }
    size_t first = out->size();
    AddPieces(text, t, pool, norm, s, out);
    if (out->size() > first) {
      (*out)[first].glued = glued;
      (*out)[first].capitalized = (flags & kTokenCapitalized) != 0;
    }
    for (size_t p = first; p < out->size(); ++p)
      if (MayStartParse((*out)[p])) may_start->push_back(static_cast<uint32_t>(p));
  }
}

void Lexicon::FindStripped(std::string_view t, Atom* x) const {
  const WordInfo* w = nullptr;
  if (t.size() > 1 && t.back() == '.') w = Find(t.substr(0, t.size() - 1));
  if (!w && t.size() > 2 && t.ends_with("'s")) w = Find(t.substr(0, t.size() - 2));
  if (w) {
    x->set_word(w);
    x->starts |= w->starts;
    if (!w->anchor_mod.empty()) x->flags |= kPrefix;  // ParseAt reads the modifier of the class
  }
}

void Lexicon::AddPieces(std::string_view text, const Token& t, const char* pool, std::string_view norm, int32_t sentence,
                        std::vector<Atom>* out) const {
  Atom base;
  base.begin = t.span.begin;
  base.end = t.span.end;
  base.sentence = sentence;
  base.set_text(pool, norm);
  re2::StringPiece n(norm.data(), norm.size());
  re2::StringPiece g1, g2, g3, g4;
  bool literal = false;  // a date or clock literal needs - / : two dots or a letter
  if ((t.flags & kTokenHasDigit) && (t.kind == TokenKind::kNumber || t.kind == TokenKind::kWord)) {
    int dots = 0;
    for (char c : norm) {
      if (c == '-' || c == '/' || c == ':' || (c >= 'a' && c <= 'z')) { literal = true; break; }
      dots += c == '.';
    }
    literal = literal || dots >= 2;
    // every literal pattern begins with a digit and holds only digits, - / . : and a.m./p.m.
    if (literal && (norm.empty() || !IsDigit(norm[0]))) literal = false;
    for (size_t k = 0; literal && k < norm.size(); ++k) {
      const char c = norm[k];
      literal = IsDigit(c) || c == '-' || c == '/' || c == '.' || c == ':' || c == 'a' || c == 'p' || c == 'm';
    }
  }
  if (literal) {
    if (RE2::FullMatch(n, iso_date_, &g1, &g2, &g3)) {
      base.set_literal(AtomKind::kDateLit, ToInt(g1), ToInt(g2), ToInt(g3));
    } else if (RE2::FullMatch(n, dmy_dots_, &g1, &g2, &g3)) {  // day-first, as in Europe
      base.set_literal(AtomKind::kDateLit, ToInt(g3), ToInt(g2), ToInt(g1));
    } else if (RE2::FullMatch(n, mdy_slash_, &g1, &g2, &g3) || RE2::FullMatch(n, mdy_dash_, &g1, &g2, &g3)) {
      // month-first unless the first number cannot be a month
      int a1 = ToInt(g1), a2 = ToInt(g2);
      base.set_literal(AtomKind::kDateLit, g3.empty() ? kUnknown : g3.size() == 2 ? 2000 + ToInt(g3) : ToInt(g3),
                       a1 > 12 ? a2 : a1, a1 > 12 ? a1 : a2);
    } else if (RE2::FullMatch(n, ym_, &g1, &g2)) {
      base.set_literal(AtomKind::kDateLit, ToInt(g1), ToInt(g2), kUnknown);
    } else if (RE2::FullMatch(n, clock_, &g1, &g2, &g3, &g4) || RE2::FullMatch(n, meridiem_, &g1, &g2, &g4)) {
      base.has_meridiem = !g4.empty();
      base.set_literal(AtomKind::kTimeLit, Hour24(ToInt(g1), std::string_view(g4.data(), g4.size())),
                       g2.empty() ? kUnknown : ToInt(g2), g3.empty() ? kUnknown : ToInt(g3));
    }
    if (base.kind == AtomKind::kDateLit) {
      bool ok = base.m() >= 1 && base.m() <= 12 && (base.d() == kUnknown || (base.d() >= 1 && base.d() <= 31));
      base.starts = kStartDateLit;
      base.flags = kCore;
      if (ok) { out->push_back(std::move(base)); return; }
      base.kind = AtomKind::kWord;
      base.set_word(nullptr);
      base.starts = 0;
      base.flags = 0;
    }
    if (base.kind == AtomKind::kTimeLit) {
      bool ok = base.hh() >= 0 && base.hh() <= 24 && (base.mm() == kUnknown || base.mm() < 60);
      base.starts = kStartClock;
      base.flags = kCore;
      if (ok) { out->push_back(std::move(base)); return; }
      base.starts = 0;
      base.flags = 0;
      base.kind = AtomKind::kWord;
      base.set_word(nullptr);
    }
  }
  // Split at letter/digit/other boundaries (ASCII only; other text stays whole).
  std::string_view surf = text.substr(t.span.begin, t.span.size());
  bool ascii = surf.size() == norm.size();
  for (char c : surf) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) {
    base.kind = AtomKind::kWord;
    base.set_word(Lookup(norm, &base.flags, &base.starts));
    out->push_back(std::move(base));
    return;
  }
  size_t i = 0;
  bool first = true;
  while (i < surf.size()) {
    size_t j = i;
    Atom p;
    p.sentence = sentence;
    p.glued = !first;
    char c = surf[i];
    if (IsDigit(c)) {
      while (j < surf.size() && (IsDigit(surf[j]) || ((surf[j] == ',' || surf[j] == '.') && j + 1 < surf.size() &&
                                                       IsDigit(surf[j + 1]) && j > i)))
        ++j;
      for (size_t k = i; k < j; ++k) p.separators = p.separators || surf[k] == ',' || surf[k] == '.';
      double value = 0;
      if (!p.separators && j - i <= 15) {
        // most numbers: an integer of at most 15 digits is exact in a double,
        // the value from_chars gives, without building its digit string
        uint64_t v = 0;
        for (size_t k = i; k < j; ++k) v = v * 10 + static_cast<uint64_t>(surf[k] - '0');
        value = static_cast<double>(v);
      } else {
        std::string digits;
        for (size_t k = i; k < j; ++k)
          if (surf[k] != ',') digits += surf[k];
        // the value atof gives, without its locale and C string (atof where out of range)
        if (std::from_chars(digits.data(), digits.data() + digits.size(), value).ec != std::errc())
          value = std::atof(digits.c_str());
      }
      bool suffix = false;
      if (j + 2 <= surf.size() && !p.separators && j - i <= 3) {
        const char s0 = static_cast<char>(std::tolower(static_cast<unsigned char>(surf[j])));
        const char s1 = static_cast<char>(std::tolower(static_cast<unsigned char>(surf[j + 1])));
        bool end_ok = j + 2 == surf.size() || !IsAsciiLetter(surf[j + 2]);
        if (end_ok && ((s0 == 's' && s1 == 't') || (s0 == 'n' && s1 == 'd') || (s0 == 'r' && s1 == 'd') ||
                       (s0 == 't' && s1 == 'h'))) {
          suffix = true;
          j += 2;
        }
      }
      p.set_number(value, suffix);
    } else if (IsAsciiLetter(c)) {
      while (j < surf.size() && (IsAsciiLetter(surf[j]) || surf[j] == '\'' ||
                                 (surf[j] == '.' && (j + 1 == surf.size() || IsAsciiLetter(surf[j + 1])))))
        ++j;
      p.kind = AtomKind::kWord;
      p.capitalized = std::isupper(static_cast<unsigned char>(c)) != 0;
    } else {
      j = i + 1;
      p.kind = AtomKind::kPunct;
    }
    p.begin = t.span.begin + static_cast<uint32_t>(i);
    p.end = t.span.begin + static_cast<uint32_t>(j);
    const std::string_view piece = norm.substr(i, j - i);  // an ASCII token's norm is its lower-cased surface
    p.set_text(pool, piece);
    if (p.kind == AtomKind::kWord) {
      p.set_word(Lookup(piece, &p.flags, &p.starts));
      if (!p.word()) FindStripped(piece, &p);
    } else if (p.kind == AtomKind::kNumber) {
      p.flags = kCore;
      p.starts = kStartDay | kStartYear | kStartQuarter | kStartPart | kStartOffset | kStartSet | kStartAmount |
                 kStartClock | (p.separators || p.ordinal() ? 0 : kStartNumericDate);
    }
    out->push_back(std::move(p));
    first = false;
    i = j;
  }
}

}  // namespace communique::internal::times
