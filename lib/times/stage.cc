// The times stage: finds time expressions in one pass over the atoms of the
// document (lexicon.cc), parses each candidate with bounded look-ahead
// (grammar.cc, relative.cc) and anchors relative values on the document
// date (calendar.cc).
#include <string_view>

#include "core/stage.h"
#include "times/grammar.h"
#include "times/lexicon.h"

namespace communique::internal {
namespace {

using times::Atom;
using times::AtomKind;

// Words that can open an expression without being in the lexicon.
bool OpensExpression(const times::Lexicon& lex, const Atom& a) {
  if (a.kind == AtomKind::kNumber || a.kind == AtomKind::kDateLit || a.kind == AtomKind::kTimeLit) return true;
  if (a.kind != AtomKind::kWord) return false;
  if (a.word || lex.StartsPhrase(a.text)) return true;
  static const char* const kOpeners[] = {"the", "from", "between", "more", "less", "fewer", "at", "up", "no",
                                         "as", "prior", "in", "within", "earlier", "later", "today", "tomorrow",
                                         "yesterday", "tonight", "tonite", "every", "each", "per", "twice", "once",
                                         "thrice", "fy", "fiscal", "calendar", "q", "h", "week", "half"};
  for (const char* w : kOpeners) if (a.text == w) return true;
  return false;
}

std::string_view Iso(const CivilDate& d, std::string* buf) {
  *buf = d.ToString();
  return *buf;
}

class TimeStage final : public Stage {
 public:
  explicit TimeStage(std::unique_ptr<times::Lexicon> lex) : lex_(std::move(lex)) {}

  void Run(std::string_view text, Analysis* a) const override {
    std::vector<Atom> atoms;
    lex_->Atoms(text, *a, &atoms);
    times::Grammar grammar(*lex_, atoms, a->header.date);  // per run: holds the narrative date
    std::string buf;
    for (size_t i = 0; i < atoms.size();) {
      if (!OpensExpression(*lex_, atoms[i])) { ++i; continue; }
      std::optional<times::Expr> e = grammar.ParseAt(i);
      if (!e || e->last <= e->first) { ++i; continue; }
      TimeExpression t;
      t.span = {atoms[e->first].begin, atoms[e->last - 1].end};
      t.type = e->type;
      t.value = e->value.empty() ? times::Timex(e->point) : e->value;
      t.mod = e->mod;
      if (e->has_range) {
        t.range_begin = std::string(Iso(e->range_begin, &buf));
        t.range_end = std::string(Iso(e->range_end, &buf));
      }
      t.quant = e->quant;
      t.freq = e->freq;
      t.anchored = e->anchored;
      if (e->type == TimeType::kDate && !e->anchored && e->has_range && e->value.empty() &&
          (e->point.gran == times::Gran::kDay || e->point.gran == times::Gran::kMonth ||
           e->point.gran == times::Gran::kYear))
        grammar.SetNarrativeDate(e->range_begin);
      if (!t.value.empty()) a->times.push_back(std::move(t));
      i = e->last;
    }
  }

 private:
  std::unique_ptr<times::Lexicon> lex_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateTimeStage(const Options&) {
  auto lex = times::Lexicon::Create();
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<Stage>(new TimeStage(std::move(lex).value()));
}

}  // namespace communique::internal
