// Internal: word-shape tests that end or reject person names, shared by the
// resolver (persons.cc) and the tagger pass (stage.cc).
#ifndef COMMUNIQUE_LIB_ENTITIES_PERSON_NAMES_H_
#define COMMUNIQUE_LIB_ENTITIES_PERSON_NAMES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entities/lexicon.h"
#include "entities/tagger.h"

namespace communique::internal {

// Whether a word is written in capitals ("COVID", "AL-", "J."), ignoring
// marks; at least one letter.
inline bool CapsWord(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

// "NGOs", "IDPs": a plural acronym, a common noun.
inline bool PluralAcronym(std::string_view w) {
  return w.size() >= 3 && w.back() == 's' && CapsWord(w.substr(0, w.size() - 1));
}

// "Mr.", "Madam": a person is addressed.
inline bool Honorific(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w == "Mr" || w == "Mrs" || w == "Ms" || w == "Madam" || w == "Madame" || w == "Mister" ||
         w == "MR" || w == "MRS" || w == "MS" || w == "MADAM";
}

// One ALL-CAPS word that is a known organization or a common word
// ("COVID", "NATO") and no listed name names no person.
inline bool CapsCommonWord(const Lexicon& lex, std::string_view w) {
  if (w.size() < 3 || !CapsWord(w)) return false;
  const uint8_t bits = lex.WordBits(w);
  return !(bits & (kGazGiven | kGazSurname | kGazFamily)) && ((bits & kGazOrg) || lex.IsCommonWord(w));
}

// "of", "for", "and", "the", "on" in any case, or a joining mark: words
// inside the name of an office ("Secretary of State for Management").
inline bool OfficeConnector(std::string_view w) {
  if (w == "-" || w == "&" || w == ",") return true;
  if (w.size() < 2 || w.size() > 3) return false;
  char b[3];
  for (size_t i = 0; i < w.size(); ++i) b[i] = ner::LowerAscii(w[i]);
  const std::string_view l(b, w.size());
  return l == "of" || l == "for" || l == "and" || l == "the" || l == "on";
}

// The start of the person name in the words [first, end) of a tagged span
// that begins with a title: the name follows the last title word and the
// office words after it ("Secretary of Agriculture Tom Vilsack" -> "Tom
// Vilsack", "Microsoft Chairman and CEO Satya Nadella" -> "Satya Nadella").
// Returns `end` when the span holds a title and no name after it ("Secretary
// of State for Management"), `first` when it holds no title.
template <typename Words>
size_t PersonNameStart(const Lexicon& lex, const Words& words, size_t first, size_t end) {
  auto is_title = [&](std::string_view w) {
    const uint8_t bits = lex.WordBits(w);
    return ((bits & kWordTitle) && !(bits & kGazGiven)) || Honorific(w);
  };
  // The office after a title: connectors, and capitalized words that are
  // common words, title words or known places/organizations, not given names.
  auto office = [&](std::string_view w) {
    const uint8_t bits = lex.WordBits(w);
    if (bits & kGazGiven) return false;
    return OfficeConnector(w) || (bits & (kWordTitle | kWordInTitle | kGazPlace | kGazOrg | kGazDemonym)) ||
           lex.IsCommonWord(w);
  };
  size_t title = end;
  for (size_t i = first; i + 1 < end; ++i)
    if (is_title(words[i])) title = i;
  // "Secretary of | Agriculture Tom Vilsack": the title before the span.
  if (title == end && first > 0 && OfficeConnector(words[first - 1]) && words[first - 1] != "-") {
    for (size_t i = first, steps = 0; i > 0 && steps < 4; --i, ++steps) {
      if (is_title(words[i - 1])) {
        title = i - 1;
        break;
      }
      if (!office(words[i - 1])) break;
    }
  }
  if (title == end) return first;
  size_t n = title + 1;
  while (n < end && office(words[n])) ++n;
  // "Secretary of Labor Martin Walsh": office words no table knows, then a
  // given name followed by another name word.
  const bool of_office = title + 1 < end && OfficeConnector(words[title + 1]) && words[title + 1].size() >= 2;
  bool given = false;
  for (size_t i = n; of_office && i + 1 < end && i < title + 8; ++i) {
    if (lex.WordBits(words[i]) & kGazGiven) {
      n = i;
      given = true;
      break;
    }
    if (!ner::CanStart(words[i]) && !office(words[i])) break;
  }
  if (n < first) return first;
  // "Secretary of State for Management": one office word left, no name.
  if (of_office && !given && n + 1 == end && !(lex.WordBits(words[n]) & (kGazSurname | kGazFamily)))
    return end;
  // What follows a title is no name when it is an organization's ("Office of
  // Personnel Management", "Exxon Mobil" after "of") or one common word.
  if (n < end && n > first) {
    if (n > 0 && OfficeConnector(words[n - 1]) && words[n - 1] != "-" && !given) return end;
    for (size_t i = n; i < end; ++i)
      if (lex.Head(ner::Lower(words[i])) != nullptr && !(lex.WordBits(words[i]) & (kGazGiven | kGazFamily)))
        return end;
    if (n + 1 == end && lex.IsCommonWord(words[n]) && !(lex.WordBits(words[n]) & (kGazGiven | kGazFamily)))
      return end;
  }
  // "Mr. Chief Justice": a vocative keeps its title words (PersonNameEnd).
  if (n == end && Honorific(words[first])) return first;
  return n;
}

// A lower-case key of a name particle ("von", "der", "le", "bin", "al").
inline bool IsNameParticleKey(std::string_view k) {
  return k == "bin" || k == "ibn" || k == "al" || k == "el" || k == "de" || k == "da" || k == "van" ||
         k == "von" || k == "der" || k == "del" || k == "la" || k == "le" || k == "di" || k == "du" ||
         k == "dos";
}

// Roman numerals stay in names ("John Smith III").
inline bool RomanNumeral(std::string_view w) { return !w.empty() && w.find_first_not_of("IVX") == std::string_view::npos; }

// The end of the person name in the words [first, end): a name keeps one
// case ("WENDY R. SHERMAN" before "Deputy", "Johnson" before "COVID"), ends
// in no title word ("Michael Smith Spokesperson") and in no word cut at a
// hyphen ("Mishal Al-" before a place). Returns `first` when what a title
// leaves holds no listed given name or surname: a title phrase, no name
// ("Department Spokesperson", "Special Presidential Envoy"), unless an
// honorific makes it a vocative ("Madam Speaker").
// `words[i]` is the surface of word i (a vector or an indexable view).
template <typename Words>
size_t PersonNameEnd(const Lexicon& lex, const Words& words, size_t first, size_t end) {
  const size_t original_end = end;
  // A caps name keeps two words or more ("WENDY R. SHERMAN"; not "USAID" of
  // "USAID Administrator ..."); initials ("H.W.") are of either case.
  const bool caps = CapsWord(words[first]);
  for (size_t i = first + 1; i < end; ++i) {
    const std::string_view w = words[i];
    if (!ner::CanStart(w) || w.find('.') != std::string_view::npos) continue;
    const bool word_caps = CapsWord(w);
    if (caps && !word_caps) {
      if (i - first >= 2) end = i;
      break;
    }
    if (!caps && word_caps && w.size() >= 3 && !RomanNumeral(w)) {
      end = i;
      break;
    }
  }
  // "Administrator of" before "USAID": a connector ends no name.
  while (end > first + 1 && (words[end - 1] == "of" || words[end - 1] == "the" || words[end - 1] == "and" ||
                             words[end - 1] == "for"))
    --end;
  bool titled = end != original_end;  // cut or titled: what is left must show a name
  // "Tim Cook Announce" (a headline): a given name, a name, then a common
  // word that is no listed name ends before it.
  if (end - first >= 3 && (lex.WordBits(words[first]) & kGazGiven) && lex.IsCommonWord(words[end - 1]) &&
      !(lex.WordBits(words[end - 1]) & (kGazGiven | kGazSurname | kGazFamily | kWordTitle)))
    --end;

  const size_t cased_end = end;
  while (end > first + 1) {
    const std::string_view w = words[end - 1];
    if (!w.empty() && w.back() == '-') {  // the word cut at the hyphen goes too
      end -= w.size() == 1 ? 2 : 1;
      continue;
    }
    const uint8_t bits = lex.WordBits(w);
    if (!(bits & kWordTitle) || (bits & (kGazGiven | kGazSurname | kGazFamily))) break;
    titled = true;
    --end;
  }
  if (end <= first) return first;
  if (titled) {
    bool name = false;
    for (size_t i = first; i < end && !name; ++i) {
      // A family name that is also a title word ("Deputy") does not count.
      const uint8_t bits = lex.WordBits(words[i]);
      name = (bits & (kGazGiven | kGazSurname)) ||
             ((bits & kGazFamily) && !(bits & (kWordTitle | kWordInTitle)));
    }
    // "Madam Speaker", "Mr. President": a vocative names a person.
    if (!name) return Honorific(words[first]) || Honorific(words[end - 1]) ? cased_end : first;
  }
  return end;
}

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_PERSON_NAMES_H_
