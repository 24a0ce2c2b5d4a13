#include "quotes/lexicon.h"

#include <algorithm>
#include <array>

#include "core/tables.h"

namespace communique::internal {

namespace {

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

template <size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

Status QuoteLexicon::Load() {
  Tsv cues;
  if (Status s = LoadTable("speech_cues.tsv", 4, &cues); !s.ok()) return s;
  for (const TsvRow& row : cues.rows) {
    CueForm f;
    f.words = SplitWords(row.fields[0]);
    if (f.words.empty()) continue;
    for (const std::string& w : f.words) f.hashes.push_back(HashWord(w));
    f.lemma = std::string(row.fields[1]);
    std::string_view type = row.fields[2];
    f.type = type == "participle" ? CueType::kParticiple
             : type == "according" ? CueType::kAccording
                                   : CueType::kVerb;
    f.strict = row.fields[3] == "1";
    cue_filter_.Add(f.words[0]);
    cue_hashes_.Add(f.words[0]);
    cues_by_first_[HashWord(f.words[0])].push_back(cues_.size());
    cues_.push_back(std::move(f));
  }
  // Longest forms first (file order among equals): the first match is the
  // longest, as MatchCueSlow wants.
  for (auto& [first, forms] : cues_by_first_)
    std::stable_sort(forms.begin(), forms.end(),
                     [this](size_t x, size_t y) { return cues_[x].words.size() > cues_[y].words.size(); });
  Tsv nouns;
  if (Status s = LoadTable("speaker_nouns.tsv", 2, &nouns); !s.ok()) return s;
  for (const TsvRow& row : nouns.rows) {
    std::string_view c = row.fields[1];
    SpeakerNoun n = c == "person" ? SpeakerNoun::kPerson
                    : c == "group" ? SpeakerNoun::kGroup
                    : c == "anon_det" ? SpeakerNoun::kAnonDeterminer
                    : c == "document" ? SpeakerNoun::kDocument
                                      : SpeakerNoun::kNone;
    noun_filter_.Add(row.fields[0]);
    nouns_.emplace(std::string(row.fields[0]), n);
  }
  // Title words: every word of a title phrase, lower-cased, plus modifiers
  // that stand before titles.
  Tsv titles;
  if (Status s = LoadTable("entity_titles.tsv", 3, &titles); !s.ok()) return s;
  for (const TsvRow& row : titles.rows) {
    std::string phrase(row.fields[0]);
    for (char& ch : phrase) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    std::vector<std::string> words = SplitWords(phrase);
    if (words.size() == 1) head_titles_.insert(words[0]);
    for (std::string& w : words) {
      title_filter_.Add(w);
      title_words_.emplace(std::move(w));
    }
  }
  for (std::string_view w : {"acting", "former", "then", "interim", "the", "of", "for", "and", "state", "general"}) {
    title_filter_.Add(w);
    title_words_.emplace(w);
  }
  Tsv given;
  if (Status s = LoadTable("entity_given_names.tsv", 1, &given); !s.ok()) return s;
  given_names_.reserve(given.rows.size());  // 9,000 names: no rehash while loading
  for (const TsvRow& row : given.rows) given_names_.emplace(row.fields[0]);
  Tsv labels;
  if (Status s = LoadTable("speaker_labels.tsv", 2, &labels); !s.ok()) return s;
  for (const TsvRow& row : labels.rows)
    if (row.fields[1] != "1") role_labels_.emplace(row.fields[0]);
  return Status();
}

const CueForm* QuoteLexicon::MatchCueSlow(const Analysis& a, std::string_view w, size_t i,
                                          size_t end) const {
  auto it = cues_by_first_.find(NormHash(a, i));
  if (it == cues_by_first_.end()) return nullptr;
  for (size_t idx : it->second) {  // longest first (Load)
    const CueForm& f = cues_[idx];
    if (i + f.words.size() > end) continue;
    // The next words' norm hashes first: most forms fail there, without a
    // string compared.
    bool ok = true;
    for (size_t k = 1; k < f.words.size() && ok; ++k) ok = NormHash(a, i + k) == f.hashes[k];
    if (!ok || f.words[0] != w) continue;
    for (size_t k = 1; k < f.words.size() && ok; ++k) ok = NormOf(a, i + k) == f.words[k];
    if (ok) return &f;
  }
  return nullptr;
}

SpeakerNoun QuoteLexicon::Noun(std::string_view norm) const {
  if (!noun_filter_.MayContain(norm)) return SpeakerNoun::kNone;
  auto it = nouns_.find(norm);
  return it == nouns_.end() ? SpeakerNoun::kNone : it->second;
}

bool QuoteLexicon::IsTitleWord(std::string_view lower) const {
  return title_filter_.MayContain(lower) && title_words_.find(lower) != title_words_.end();
}

bool QuoteLexicon::IsGivenName(std::string_view word) const {
  return given_names_.find(word) != given_names_.end();
}

std::string_view StripPossessive(std::string_view w) {
  if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return w.substr(0, w.size() - 2);
  if (w.size() > 2 && w.back() == '\'' && w[w.size() - 2] == 's') return w.substr(0, w.size() - 1);
  return w;
}

bool IsFinalPunct(std::string_view t) {
  if (t.empty()) return false;
  if (t == "\xE2\x80\xA6") return true;
  return t.find_first_not_of(".?!") == std::string_view::npos;
}

bool IsDash(std::string_view t) {
  return t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93";
}

bool IsSpeakerPronoun(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kList = {"he", "she", "they", "it", "i", "we", "you"};
  return InList(kList, w);
}

bool IsSubjectVerbFiller(std::string_view w) {
  static constexpr std::array<std::string_view, 26> kList = {
      "has", "have", "had", "was", "were", "is", "are", "also", "later", "then", "again", "earlier",
      "further", "previously", "once", "subsequently", "reportedly", "had", "recently", "often",
      "has", "already", "separately", "too", "further", "even"};
  if (InList(kList, w)) return true;
  return w.size() > 4 && w.substr(w.size() - 2) == "ly" && w != "italy" && w != "july";
}

bool IsClauseBoundaryWord(std::string_view w) {
  static constexpr std::array<std::string_view, 20> kList = {
      "that", "which", "who", "whom", "and", "but", "when", "while", "as", "because",
      "if", "although", "though", "since", "where", "so", "or", "whether", "after", "before"};
  return InList(kList, w);
}


bool QuoteLexicon::IsRoleLabel(std::string_view label) const {
  std::vector<std::string> words = SplitWords(label);
  if (words.empty() || words.size() > 8) return false;
  for (const std::string& w : words)
    if (IsGivenName(w)) return false;
  for (std::string& w : words) {
    for (char& ch : w) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (w == "mr" || w == "mr." || w == "ms" || w == "ms." || w == "mrs" || w == "mrs." || w == "dr" ||
        w == "dr.")
      return false;  // "MR KING": an honorific names a person
  }
  static constexpr std::string_view kCounters[] = {"one", "two", "three", "four", "five", "six",
                                                   "seven", "eight", "nine", "ten"};
  auto counter = [](std::string_view w) {
    if (w.empty()) return false;
    if (std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return true;
    return std::find(std::begin(kCounters), std::end(kCounters), w) != std::end(kCounters);
  };
  size_t n = words.size();
  if (n > 1 && (counter(words[n - 1]) || words[n - 1].size() == 1)) --n;
  const std::string& last = words[n - 1];
  const SpeakerNoun noun = Noun(last);
  return IsTitleWord(last) || noun == SpeakerNoun::kPerson || role_labels_.count(last) != 0;
}

bool QuoteLexicon::IsHeadingLabel(std::string_view label) const {
  std::vector<std::string> words = SplitWords(label);
  if (words.size() < 2) return false;
  bool function_word = false;
  for (std::string& w : words) {
    if (IsGivenName(w)) return false;
    for (char& ch : w) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (!w.empty() && w.back() == '.') w.pop_back();
    if (w == "mr" || w == "ms" || w == "mrs" || w == "dr" || w == "madam" || w == "dear") return false;
    const bool function = w == "to" || w == "the" || w == "and" || w == "of" || w == "for" || w == "on" ||
                          w == "in" || w == "with" || w == "at" || w == "by" || w == "from" || w == "our";
    if (function) function_word = true;
    else if (head_titles_.count(w) != 0 || Noun(w) == SpeakerNoun::kPerson) return false;
  }
  auto verb_form = [](std::string_view w) {
    return w.size() >= 6 && (w.substr(w.size() - 3) == "ing" || w.substr(w.size() - 2) == "ed");
  };
  return function_word || verb_form(words[0]);
}

}  // namespace communique::internal
