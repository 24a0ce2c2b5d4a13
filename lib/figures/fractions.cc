// Spelled-out fractions whose denominator is an ordinal phrase ("three
// twenty-firsts", "one hundred thirty fifths", "a twenty-first") and
// fractions with a preposition ("one over three", "1 in twenty-one", "two
// out of five hundred").
//
// Where numerator and denominator meet follows Microsoft Recognizers-Text's
// reading of run-together words: the denominator takes the words before the
// ordinal that compose with it ("twenty" + "fifths" = 25ths) and stops at a
// word that does not ("three" | "twenty-firsts"); "one hundred and thirty
// fifths" is 130/5.
#include "figures/fractions.h"

#include <cmath>

namespace communique::internal {
namespace {

struct Atom {
  uint64_t value = 0;
  bool is_and = false;
};

// Recognizers' IsComposable: `small` can follow `big` inside one number.
bool Composable(uint64_t big, uint64_t small) {
  uint64_t base = small > 10 ? 100 : 10;
  return big % base == 0 && big / base >= 1;
}

// The integer the atoms [b, e) spell ("one hundred and thirty" = 130).
uint64_t IntValue(const std::vector<Atom>& atoms, size_t b, size_t e) {
  uint64_t total = 0, cur = 0;
  for (size_t k = b; k < e; ++k) {
    const Atom& a = atoms[k];
    if (a.is_and) continue;
    if (a.value < 100) {
      cur += a.value;
    } else if (a.value == 100) {
      cur = (cur ? cur : 1) * 100;
    } else {
      if (total && total < a.value && !cur) total *= a.value;  // "hundred thousand"
      else total += (cur ? cur : 1) * a.value;
      cur = 0;
    }
  }
  return total + cur;
}

std::string_view WordAt(const FigureDoc& doc, size_t k) {
  return doc.is(k, TokenKind::kWord) ? doc.norm(k) : std::string_view();
}

// A cardinal number word (unit, ten, scale) or nullptr.
const NumberWord* Cardinal(const FigureLexicon& lex, std::string_view w) {
  const NumberWord* nw = lex.Number(w);
  if (!nw) return nullptr;
  bool card = nw->kind == NumberWordKind::kUnit || nw->kind == NumberWordKind::kTen ||
              nw->kind == NumberWordKind::kScale;
  return card ? nw : nullptr;
}

// An ordinal word, singular or plural ("fifth", "fifths"); sets *plural.
const NumberWord* Ordinal(const FigureLexicon& lex, std::string_view w, bool* plural) {
  *plural = false;
  const NumberWord* nw = lex.Number(w);
  if (!nw && w.size() > 3 && w.back() == 's') {
    nw = lex.Number(w.substr(0, w.size() - 1));
    *plural = true;
  }
  if (!nw || nw->kind == NumberWordKind::kUnit || nw->kind == NumberWordKind::kTen ||
      nw->kind == NumberWordKind::kScale)
    return nullptr;
  return nw;
}

// The split between numerator and denominator atoms (Recognizers'
// FracLikeNumberParse); `ord` is the index of the ordinal atom.
size_t SplitIndex(const std::vector<Atom>& atoms, size_t ord) {
  if (ord == 0) return 0;
  uint64_t current = atoms[ord].value;
  uint64_t round = 1;
  constexpr uint64_t kHundred = 100;
  size_t split = ord;
  for (size_t i = ord; i-- > 0;) {
    if (atoms[i].is_and) continue;
    uint64_t previous = current;
    current = atoms[i].value;
    bool joins = (previous >= kHundred && previous > current) ||
                 (previous < kHundred && Composable(current, previous));
    if (!joins) return i + 1;
    if (previous < kHundred && current >= round) {
      round = current;
    } else if (previous < kHundred && current < round) {
      return i + 1;
    }
    if (i == 0) {
      // Everything composes: the numerator is the first word plus any
      // hundreds directly followed by a small word.
      size_t s = 1;
      while (s + 1 <= ord) {
        if (!atoms[s].is_and && atoms[s].value >= kHundred && !atoms[s + 1].is_and && atoms[s + 1].value < kHundred) {
          ++s;
          break;
        }
        ++s;
      }
      return s;
    }
    split = i;
  }
  return split;
}

}  // namespace

bool ParseOrdinalFraction(const FigureDoc& doc, size_t j, size_t limit, OrdinalFraction* out) {
  const FigureLexicon& lex = *doc.lex;
  std::vector<Atom> atoms;
  size_t k = j;
  bool article = false;  // starts with "a"/"an"
  bool plural = false;
  bool has_ordinal = false;
  const size_t kMaxAtoms = 16;
  while (k < limit && atoms.size() < kMaxAtoms && !has_ordinal) {
    std::string_view w = WordAt(doc, k);
    if (w.empty()) {
      // "ninety - five": a spaced hyphen between number words.
      if (doc.surface(k) == "-" && !atoms.empty() && !atoms.back().is_and && !WordAt(doc, k + 1).empty()) {
        ++k;
        continue;
      }
      break;
    }
    if ((w == "a" || w == "an") && k == j) {
      atoms.push_back({1, false});
      article = true;
      ++k;
      continue;
    }
    if (w == "and") {
      if (atoms.empty() || atoms.back().is_and) break;
      atoms.push_back({0, true});
      ++k;
      continue;
    }
    // The parts of "twenty-first", "forty-five", "hundred-fifths".
    bool ok = true;
    size_t p = 0;
    bool spaced_hyphen_before = k > j && doc.surface(k - 1) == "-";
    while (p <= w.size() && ok) {
      size_t dash = w.find('-', p);
      std::string_view part = w.substr(p, dash == std::string_view::npos ? std::string_view::npos : dash - p);
      p = dash == std::string_view::npos ? w.size() + 1 : dash + 1;
      bool after_hyphen = part.data() != w.data() || spaced_hyphen_before;
      if (const NumberWord* nw = Cardinal(lex, part)) {
        // "forty-five": one composite atom (Recognizers joins hyphenated cardinals).
        if (after_hyphen && !atoms.empty() && !atoms.back().is_and && atoms.back().value % 10 == 0 &&
            atoms.back().value >= 20 && atoms.back().value < 100 && nw->value < 10) {
          atoms.back().value += nw->value;
        } else {
          atoms.push_back({nw->value, false});
        }
      } else if (const NumberWord* ow = Ordinal(lex, part, &plural)) {
        atoms.push_back({ow->value, false});
        has_ordinal = true;
        ok = p > w.size();  // the ordinal ends the token
      } else {
        ok = false;
      }
    }
    if (!ok) break;
    ++k;
  }
  if (!has_ordinal || atoms.size() < 2) return false;
  size_t ord = atoms.size() - 1;
  if (atoms[ord - 1].is_and && ord < 2) return false;
  size_t split;
  if (!plural) {
    // "a twenty-first", "one one hundred and fifth": one part; the ordinal
    // phrase after it starts with a unit or ten (not "one hundred twenty fifth").
    if (!(atoms[0].value == 1) || ord < 2 || atoms[1].is_and || atoms[1].value >= 100) return false;
    split = 1;
    // "a twenty-first birthday": an ordinal before a content word.
    if (doc.is(k, TokenKind::kWord) && !lex.Has(doc.norm(k), kRoleStop) && doc.norm(k) != "and" &&
        doc.norm(k) != "or")
      return false;
  } else {
    split = SplitIndex(atoms, ord);
    if (split == 0 || split > ord) return false;
  }
  if (atoms[split].is_and) return false;
  // A bare "first"/"second" is no denominator ("one second", "two seconds").
  if (split == ord && atoms[ord].value <= 2) return false;
  // "a twenty-first century": an ordinal before a time unit.
  if (doc.lex->Has(doc.norm(k), kRoleTimeUnit)) return false;
  uint64_t den = IntValue(atoms, split, ord + 1);
  if (den == 0) return false;
  // A mixed number: "one hundred and three and two thirds".
  size_t mixed = split;
  for (size_t i = split; i-- > 0;)
    if (atoms[i].is_and && i + 1 < split) { mixed = i + 1; break; }
  uint64_t numer = IntValue(atoms, mixed, split);
  uint64_t whole = IntValue(atoms, 0, mixed);
  if (mixed == split) { numer = whole; whole = 0; }
  out->first = j;
  out->last = k;
  out->denominator = den;
  out->numerator = numer;
  out->whole = whole;
  out->mixed = mixed != split;
  out->denominator_words = ord + 1 - split;
  out->numerator_words = split;
  out->article = article;
  out->plural = plural;
  return true;
}

bool ParsePrepositionFraction(const FigureDoc& doc, size_t numerator_last, size_t limit, size_t* sep_len) {
  std::string_view w = WordAt(doc, numerator_last);
  if (w == "over" || w == "in") { *sep_len = 1; return numerator_last + 1 < limit; }
  if (w == "out" && WordAt(doc, numerator_last + 1) == "of") { *sep_len = 2; return numerator_last + 2 < limit; }
  return false;
}

}  // namespace communique::internal
