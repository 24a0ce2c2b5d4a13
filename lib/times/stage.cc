// The times stage: finds time expressions in one pass over the atoms of the
// document (lexicon.cc), parses each candidate with bounded look-ahead
// (grammar.cc, relative.cc) and anchors relative values on the document
// date (calendar.cc).
#include <algorithm>
#include <optional>
#include <span>
#include <string_view>

#include "core/stage.h"
#include "times/grammar.h"
#include "times/lexicon.h"

namespace communique::internal {
namespace {

using times::Atom;
using times::AtomKind;

// A number, a date or clock literal, a time word proper (kCore), or the
// first word of a holiday: an expression can start here.
bool Opens(const Atom& a) { return a.flags & (times::kCore | times::kHolidayStart); }

// How far a word that only opens an expression ("the", "from", "last",
// "about") may be from the time word it needs ("the end of the year").
constexpr size_t kOpenerReach = 5;

// CivilDate::ToString without snprintf for years 0..9999 (the same text).
void Iso(const CivilDate& d, std::string* out) {
  if (d.year < 0 || d.year > 9999 || d.month > 99 || d.day > 99) {
    *out = d.ToString();
    return;
  }
  const int y = d.year;
  const char s[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                      static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                      static_cast<char>('0' + d.month / 10), static_cast<char>('0' + d.month % 10), '-',
                      static_cast<char>('0' + d.day / 10), static_cast<char>('0' + d.day % 10)};
  out->assign(s, sizeof s);
}

class TimeStage final : public Stage {
 public:
  explicit TimeStage(std::unique_ptr<times::Lexicon> lex) : lex_(std::move(lex)) {}

  void AddStartWords(StartWords* words) const override { lex_->AddStartWords(words); }

  // Atoms are built for a window of whole sentences at a time, so that
  // memory stays bounded on huge documents; a news document is one window.
  static constexpr size_t kWindowTokens = size_t{1} << 16;

  // The Session's atom buffer is kept from one document to the next (up to
  // this many atoms, 4 MB): a new vector per document cost a large malloc
  // each time (and malloc_consolidate), and its memory was cold.
  static constexpr size_t kKeptAtoms = size_t{1} << 17;
  struct Scratch : StageScratch {
    std::vector<Atom> atoms;
    std::vector<uint32_t> may_start;  // kept as the atoms are
  };

  void Run(std::string_view text, Analysis* a, ScratchSlot* slot) const override {
    Scratch& scratch = ScratchOf<Scratch>(slot);
    std::vector<Atom>& atoms = scratch.atoms;
    std::vector<uint32_t>& may_start = scratch.may_start;
    std::optional<CivilDate> narrative;
    const size_t n_tokens = a->tokens.size();
    for (size_t tb = 0; tb < n_tokens;) {
      size_t te = std::min(n_tokens, tb + kWindowTokens);
      if (te < n_tokens) {  // end the window with the sentence of its last token
        const uint32_t last = static_cast<uint32_t>(te - 1);
        auto s = std::partition_point(a->sentences.begin(), a->sentences.end(), [last](const Sentence& x) {
          return x.first_token + x.token_count <= last;
        });
        if (s != a->sentences.end() && s->first_token <= last) te = s->first_token + s->token_count;
      }
      lex_->Atoms(text, *a, tb, te, &atoms, &may_start);
      RunWindow(atoms, may_start, &narrative, a);
      tb = te;
    }
    if (atoms.capacity() > kKeptAtoms) {
      std::vector<Atom>().swap(atoms);
      std::vector<uint32_t>().swap(may_start);
    }
  }

 private:
  // may_start: the atoms where a parse can begin (Lexicon::Atoms).
  void RunWindow(std::span<const Atom> atoms, std::span<const uint32_t> may_start,
                 std::optional<CivilDate>* narrative, Analysis* a) const {
    const size_t n = atoms.size();
    const char* const pool = a->norm_pool.data();
    times::Grammar grammar(*lex_, atoms, pool, a->header.date);  // holds the narrative date
    if (*narrative) grammar.SetNarrativeDate(**narrative);
    // ParseAt fails where no rule can start and no modifier precedes one:
    // it is tried at the atoms of may_start only, from the end of the last
    // expression on
    size_t resume = 0;
    for (const uint32_t start : may_start) {
      const size_t i = start;
      if (i < resume) continue;
      const Atom& at = atoms[i];
      bool open = Opens(at);
      if (!open && at.kind == AtomKind::kWord) {
        // a word that only opens an expression: near a core atom of its sentence
        size_t c = n;  // the core atom within reach (scanned for a word that can open only)
        if (at.word() || (at.flags & times::kOpener)) {
          c = i + 1;
          while (c < n && c - i <= kOpenerReach && !Opens(atoms[c])) ++c;
        }
        if (c < n && c - i <= kOpenerReach && atoms[c].sentence == at.sentence)
          open = true;
        else if ((at.flags & times::kPhraseStart) && i + 1 < n && (atoms[i + 1].flags & times::kPhraseSecond) &&
                 lex_->PhrasePair(at.text(pool), atoms[i + 1].text(pool)))
          open = true;
      }
      if (!open) continue;
      std::optional<times::Expr> e = grammar.ParseAt(i);
      if (!e || e->last <= e->first) continue;
      if (e->type == TimeType::kDate && !e->anchored && e->has_range && e->value.empty() &&
          (e->point.gran == times::Gran::kDay || e->point.gran == times::Gran::kMonth ||
           e->point.gran == times::Gran::kYear))
        grammar.SetNarrativeDate(e->range_begin);
      TimeExpression t;  // the parse's strings are moved, not copied
      t.span = {atoms[e->first].begin, atoms[e->last - 1].end};
      t.type = e->type;
      t.value = e->value.empty() ? times::Timex(e->point) : std::move(e->value);
      t.mod = e->mod;
      if (e->has_range) {
        Iso(e->range_begin, &t.range_begin);
        Iso(e->range_end, &t.range_end);
      }
      t.quant = e->quant;
      t.freq = std::move(e->freq);
      t.anchored = e->anchored;
      if (!t.value.empty()) a->times.push_back(std::move(t));
      resume = e->last;
    }
    *narrative = grammar.narrative_date();
  }

  std::unique_ptr<times::Lexicon> lex_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateTimeStage(const Options&) {
  auto lex = times::Lexicon::Create();
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<Stage>(new TimeStage(std::move(lex).value()));
}

}  // namespace communique::internal
