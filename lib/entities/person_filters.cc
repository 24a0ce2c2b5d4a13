// Context tests for tagger persons: determiners, function words, modal
// verbs, titles and acronyms around or inside the span say "no person".
#include "entities/person_filters.h"

#include <string_view>

#include "entities/person_names.h"

namespace communique::internal {
namespace {

// The word in ASCII lower case, up to 8 bytes ("" when longer).
std::string_view LowerShort(std::string_view w, char (&buf)[8]) {
  if (w.size() > sizeof(buf)) return {};
  for (size_t i = 0; i < w.size(); ++i) buf[i] = ner::LowerAscii(w[i]);
  return std::string_view(buf, w.size());
}

// Prepositions, articles and conjunctions: inside a span they make a phrase
// ("Bureau of Oceans", "Building On Past Success"), not a name. Name
// particles ("de", "von", "bin", "al") are not among them; a capitalized one
// may end a name ("James To").
bool PhraseWord(std::string_view w, bool last) {
  char buf[8];
  if (last && ner::CanStart(w)) return false;
  const std::string_view l = LowerShort(w, buf);
  return l == "of" || l == "the" || l == "and" || l == "for" || l == "to" || l == "on" || l == "in" ||
         l == "with" || l == "from" || l == "by" || l == "at" || l == "an" || l == "into" || l == "our";
}

// A modal or auxiliary verb that opens a question ("Will he ...", "May I ...").
bool Modal(std::string_view w) {
  char buf[8];
  const std::string_view l = LowerShort(w, buf);
  return l == "will" || l == "may" || l == "can" || l == "shall" || l == "must" || l == "should" ||
         l == "would" || l == "could" || l == "did" || l == "does";
}

// Words that follow a modal opening a question: a pronoun or determiner.
bool QuestionSubject(std::string_view w) {
  char buf[8];
  const std::string_view l = LowerShort(w, buf);
  return l == "he" || l == "she" || l == "it" || l == "we" || l == "you" || l == "they" || l == "i" ||
         l == "the" || l == "this" || l == "that" || l == "there" || l == "these" || l == "those" ||
         l == "his" || l == "her" || l == "our" || l == "your" || l == "their" || l == "any" || l == "a" ||
         l == "an" || l == "all";
}

// Nouns a person's name modifies after "the": "the Donahue family".
bool PersonsNoun(std::string_view w) {
  char buf[8];
  const std::string_view l = LowerShort(w, buf);
  return l == "family" || l == "families" || l == "era" || l == "campaign" ||
         l == "cabinet" || l == "regime" || l == "doctrine" || l == "years" || w == "administration" ||
         w == "government" || w == "presidency" || w == "household";
}

// Endings of plural nouns for groups ("Californians", "Muscovites",
// "Governors"), not of names in -us, -is, -os, -es ("Erasmus", "Galois").
bool PluralNoun(std::string_view w) {
  auto ends = [w](std::string_view s) { return w.size() > s.size() && w.substr(w.size() - s.size()) == s; };
  return ends("ans") || ends("ites") || ends("ers") || ends("ors") || ends("ies") || ends("ees") ||
         ends("ists") || ends("nts");
}

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord; }

bool HasLower(std::string_view w) {
  for (char c : w)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

}  // namespace

PersonContext TaggedPersonContext(const Lexicon& lex, const Token* toks, const NerSentence& words,
                                  size_t first, size_t end) {
  const size_t n = end - first;
  for (size_t i = first; i < end; ++i)
    if (PhraseWord(words[i], i + 1 == end)) return PersonContext::kReject;
  const std::string_view head = words[first];
  const uint8_t bits = lex.WordBits(head);
  const bool listed = (bits & (kGazGiven | kGazSurname | kGazFamily)) != 0;
  // "Supporting American Fishermen": a heading that opens with a verb form.
  if (n >= 2 && head.size() >= 6 && head.substr(head.size() - 3) == "ing" && !(bits & kGazGiven) &&
      lex.IsCommonWord(head))
    return PersonContext::kReject;
  const bool has_next = end < words.size() && IsWord(toks[end]);
  if (n == 1) {
    // "Will he go ...": a modal verb opening a question.
    if (has_next && Modal(head) && (QuestionSubject(words[end]) || ner::CanStart(words[end])))
      return PersonContext::kReject;
    // "Houthis", "Muscovites", "Tajikistani": a plural or a demonym that is
    // no listed name names a group.
    // A family ("the Bidens", "Carmens") keeps a listed singular.
    const bool plural = head.size() >= 5 && PluralNoun(head) && !(toks[first].flags & kTokenAllUpper) &&
                        !(lex.WordBits(head.substr(0, head.size() - 1)) & (kGazGiven | kGazSurname | kGazFamily));
    const bool after_the = first > 0 && (words[first - 1] == "the" || words[first - 1] == "The");
    if (!listed && toks[first].clitic == 0 && ((plural && !after_the) || (bits & kGazDemonym)))
      return PersonContext::kReject;
    // "(Jacqueline Kennedy) Garden": the head of a longer name left alone.
    if (first > 0 && ner::CanStart(words[first - 1]) && IsWord(toks[first - 1]) && lex.IsWorkHead(head) &&
        !(bits & kGazGiven))
      return PersonContext::kReject;
    const bool caps = (toks[first].flags & kTokenAllUpper) != 0;
    // "FDA Commissioner", "COP26 President": an organization before a title.
    if (has_next && (toks[end].flags & (kTokenCapitalized | kTokenAllUpper)) &&
        (lex.WordBits(words[end]) & kWordTitle) && !(bits & kGazGiven) && (caps || !listed) &&
        !Honorific(words[end]))
      return PersonContext::kReject;
    // "NSA", "USDA" in running text: a short acronym, no listed name, no
    // honorific before it and no transcript colon after it.
    if (caps && head.size() <= 5 && !listed) {
      const bool honorific = first > 0 && Honorific(words[first - 1]);
      const bool label = end < words.size() && words[end] == ":";
      const bool running = (first > 0 && HasLower(words[first - 1])) || (has_next && HasLower(words[end]));
      if (!honorific && !label && running) return PersonContext::kReject;
    }
  }
  if (first > 0) {
    char buf[8];
    // "the Donahue family", "the Biden administration": a name before a noun of its people or office.
    if (LowerShort(words[first - 1], buf) == "the" && !(has_next && PersonsNoun(words[end])))
      return PersonContext::kAfterThe;
  }
  return PersonContext::kKeep;
}

std::string CutTitle(const Lexicon& lex, const NerSentence& words, size_t first, size_t name) {
  for (size_t i = name; i > first; --i) {
    const std::string_view w = words[i - 1];
    if (!(lex.WordBits(w) & kWordTitle) || Honorific(w)) continue;
    std::string title(w);
    if (title.size() > 4 && !HasLower(title))
      for (size_t k = 1; k < title.size(); ++k) title[k] = ner::LowerAscii(title[k]);
    return title;
  }
  return {};
}

void SplitPersonPair(const NerSentence& words, NerSpan* ns, std::vector<NerSpan>* spans) {
  for (size_t i = ns->first_word + 1; i + 1 < ns->end_word; ++i) {
    if (words[i] != "and") continue;
    spans->push_back(NerSpan{i + 1, ns->end_word, ns->type});
    ns->end_word = i;
    return;
  }
}

}  // namespace communique::internal
