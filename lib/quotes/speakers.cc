#include "quotes/speakers.h"

#include "quotes/attribution.h"

#include <algorithm>
#include <string_view>

namespace communique::internal {

namespace {

constexpr uint32_t kLookBackBytes = 3000;   // antecedents further back are not used
constexpr size_t kLookBackMentions = 40;
constexpr uint32_t kLongestMention = 200;
constexpr uint32_t kItLookBackBytes = 600;
constexpr uint32_t kMessageLookBackBytes = 1200;

bool IsPersonalDocument(std::string_view w) {
  return w == "message" || w == "letter" || w == "telegram" || w == "greetings" || w == "reply";
}
constexpr size_t kSalienceSentences = 4;  // sentences searched back for the subject of "he"
constexpr uint32_t kCataphoraBytes = 1500;  // "the President said ..." before his name

int TypeRank(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return 0;
    case EntityType::kOrganization: return 1;
    case EntityType::kCountry: return 2;
    case EntityType::kLocation: return 3;
  }
  return 4;
}

std::string LastWordLower(std::string_view name, bool whole = false) {
  size_t sp = name.rfind(' ');
  std::string w(sp == std::string_view::npos || whole ? name : name.substr(sp + 1));
  for (char& ch : w) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return w;
}

}  // namespace

// Whether a person's "name" is a title: every word a title word ("Acting
// President"), a last word in lower case ("Administrator of"), or a title
// with a portfolio and no given name ("Under Secretary of State for Arms
// Control", unlike "Secretary of Energy Chris Wright").
bool TitleOnly(const QuoteLexicon& lex, std::string_view name) {
  size_t last = name.rfind(' ');
  if (last != std::string_view::npos && last + 1 < name.size() && name[last + 1] >= 'a' && name[last + 1] <= 'z')
    return true;
  if (name.find(" of ") != std::string_view::npos || name.find(" for ") != std::string_view::npos) {
    std::string first(name.substr(0, name.find(' ')));
    for (char& ch : first) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    bool given = false;
    for (size_t i = 0; i < name.size() && !given;) {
      size_t j = name.find(' ', i);
      if (j == std::string_view::npos) j = name.size();
      given = lex.IsGivenName(name.substr(i, j - i));
      i = j + 1;
    }
    if (lex.IsTitleWord(first) && !given) return true;
  }
  std::string w;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == ' ') {
      if (!w.empty() && !lex.IsTitleWord(w)) return false;
      w.clear();
    } else {
      char ch = name[i];
      w.push_back(static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch));
    }
  }
  return true;
}

SpeakerResolver::SpeakerResolver(const Analysis& a, const QuoteLexicon& lex)
    : a_(a), lex_(lex), title_only_(a.entities.size(), 0), canonical_(a.entities.size(), -1) {
  // Full-name persons by family name (first and last word): (word, entity)
  // pairs, sorted below; a word of two entities is ambiguous. A sorted
  // vector: a document has a few dozen persons, a hash map costs more.
  std::vector<std::pair<std::string_view, int32_t>> by_family;
  size_t mentions = 0;
  for (const Entity& e : a.entities) mentions += e.mentions.size();
  mentions_.reserve(mentions);
  auto add = [&](std::string_view w, int32_t id) { by_family.emplace_back(w, id); };
  for (size_t k = 0; k < a.entities.size(); ++k) {
    const Entity& e = a.entities[k];
    for (const Mention& m : e.mentions)
      mentions_.push_back({m.span.begin, m.span.end, static_cast<int32_t>(e.id), m.via});
    if (e.type != EntityType::kPerson) continue;
    title_only_[k] = TitleOnly(lex, e.name) ? 1 : 0;
    size_t sp = e.name.find(' ');
    if (title_only_[k] || sp == std::string::npos) continue;
    std::string_view name = e.name;
    add(name.substr(0, sp), static_cast<int32_t>(k));
    add(name.substr(name.rfind(' ') + 1), static_cast<int32_t>(k));
  }
  std::sort(by_family.begin(), by_family.end());
  for (size_t k = 0; k < a.entities.size(); ++k) {
    const Entity& e = a.entities[k];
    if (e.type != EntityType::kPerson || title_only_[k] || e.name.find(' ') != std::string::npos) continue;
    const std::string_view name = e.name;
    auto it = std::lower_bound(by_family.begin(), by_family.end(), name,
                               [](const std::pair<std::string_view, int32_t>& x, std::string_view w) {
                                 return x.first < w;
                               });
    if (it == by_family.end() || it->first != name) continue;
    // Sorted by (word, entity): one entity if the last pair of the word has the same.
    auto last = it;
    while (last + 1 != by_family.end() && (last + 1)->first == name) ++last;
    if (last->second == it->second) canonical_[k] = it->second;
  }
  std::sort(mentions_.begin(), mentions_.end(),
            [](const Ref& x, const Ref& y) { return x.begin < y.begin; });
}

int32_t SpeakerResolver::Canonical(int32_t entity) const {
  if (entity < 0 || static_cast<size_t>(entity) >= canonical_.size()) return entity;
  int32_t c = canonical_[static_cast<size_t>(entity)];
  return c >= 0 ? c : entity;
}

size_t SpeakerResolver::Head(size_t b, size_t e) const {
  size_t head = e - 1;
  while (head > b && !IsWordToken(a_, head)) --head;
  // "the head of state", "the President of Russia", "Mr Putin's message of
  // condolence": a speaker noun before "of" is the head.
  for (size_t k = b + 1; k + 1 < e; ++k)
    if (NormOf(a_, k) == "of" && !(a_.tokens[k].flags & kTokenCapitalized)) {
      SpeakerNoun n = lex_.Noun(StripPossessive(NormOf(a_, k - 1)));
      if (n == SpeakerNoun::kPerson || n == SpeakerNoun::kDocument) head = k - 1;
      break;
    }
  return head;
}

void SpeakerResolver::Narrow(size_t* b, size_t* e) const {
  for (size_t k = *b + 1; k < *e; ++k) {
    std::string_view w = NormOf(a_, k);
    if (!(a_.tokens[k].flags & kTokenCapitalized) && (w == "to" || w == "with" || w == "from") &&
        !(a_.tokens[k - 1].flags & kTokenCapitalized) && !lex_.IsTitleWord(NormOf(a_, k - 1))) {
      // "the message to President X", not "Ambassador to the United States X".
      *e = k;
      break;
    }
  }
  for (size_t k = *b; k + 1 < *e; ++k) {
    std::string_view w = NormOf(a_, k);
    if (StripPossessive(w).size() == w.size()) continue;
    size_t head = Head(k + 1, *e);
    if (lex_.Noun(NormOf(a_, head)) == SpeakerNoun::kDocument) {
      *e = k + 1;
    } else {
      *b = k + 1;
    }
    break;
  }
}

bool SpeakerResolver::Compatible(int32_t entity, Want want) const {
  if (entity < 0 || static_cast<size_t>(entity) >= a_.entities.size()) return false;
  bool person = a_.entities[static_cast<size_t>(entity)].type == EntityType::kPerson;
  if (person && static_cast<size_t>(entity) < title_only_.size() && title_only_[static_cast<size_t>(entity)])
    return false;
  return want == Want::kPerson ? person : !person;
}

bool SpeakerResolver::Quoted(uint32_t pos) const {
  auto it = std::upper_bound(quoted_.begin(), quoted_.end(), pos, [](uint32_t v, const Span& q) { return v < q.begin; });
  return it != quoted_.begin() && pos < std::prev(it)->end;
}

int32_t SpeakerResolver::SubjectMention(size_t s, uint32_t to) const {
  const Sentence& st = a_.sentences[s];
  uint32_t from = st.span.begin;
  size_t t = st.first_token, end = st.first_token + st.token_count;
  while (t < end && Quoted(a_.tokens[t].span.begin)) ++t;
  if (t < end && IsWordToken(a_, t)) {
    std::string_view w = NormOf(a_, t);
    // "Travelling back to Moscow, Vladimir Putin ...": the subject follows the comma.
    bool adverbial = IsPrepositionLike(w) || IsClauseBoundaryWord(w) || (w.size() > 5 && w.substr(w.size() - 3) == "ing");
    if (adverbial)
      for (size_t k = t + 1; k < end && a_.tokens[k].span.begin < to; ++k)
        if (NormOf(a_, k) == ",") { from = a_.tokens[k].span.end; break; }
  }
  // "The (Russian) President promised ...": a role noun is the subject; it
  // stands for the speaker of the moment or the last (or next) person with
  // that title. -2: a subject no one can be found for.
  size_t k = t;
  while (k < end && a_.tokens[k].span.begin < from) ++k;
  if (k < end && NormOf(a_, k) == "the") {
    for (size_t h = k + 1; h < end && h <= k + 4 && IsWordToken(a_, h); ++h) {
      std::string_view w = NormOf(a_, h);
      if (lex_.Noun(w) == SpeakerNoun::kPerson && !(h + 1 < end && (a_.tokens[h + 1].flags & kTokenCapitalized))) {
        uint32_t at = a_.tokens[k].span.begin;
        int32_t r = RecentSpeaker(Want::kPerson, at);
        if (r < 0) r = RecentTitled(w, at);
        if (r < 0) r = NextTitled(w, a_.tokens[h].span.end, Modifiers(k + 1, h));
        return r >= 0 ? Canonical(r) : -2;
      }
      if (!(a_.tokens[h].flags & kTokenCapitalized) && !lex_.IsTitleWord(w)) break;  // "the interior minister"
    }
  }
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), from,
                             [](const Ref& r, uint32_t v) { return r.begin < v; });
  for (; it != mentions_.end() && it->begin < to; ++it) {
    if (it->end > to || Quoted(it->begin)) continue;
    size_t ent = static_cast<size_t>(it->entity);
    if (a_.entities[ent].type != EntityType::kPerson) continue;
    if (ent < title_only_.size() && title_only_[ent]) {
      // "The Acting President named ...": the person that title stood for.
      int32_t r = RecentSpeaker(Want::kPerson, it->begin);
      if (r < 0) {
        std::string name = LastWordLower(a_.entities[ent].name, true);
        size_t sp = name.rfind(' ');
        r = NextTitled(sp == std::string::npos ? name : std::string_view(name).substr(sp + 1), it->end,
                       sp == std::string::npos ? std::string_view() : std::string_view(name).substr(0, sp));
      }
      if (r >= 0) return r;
      continue;
    }
    return Canonical(it->entity);
  }
  return -1;
}

int32_t SpeakerResolver::SalientPerson(uint32_t before) const {
  const auto& ss = a_.sentences;
  auto sit = std::upper_bound(ss.begin(), ss.end(), before, [](uint32_t v, const Sentence& x) { return v < x.span.begin; });
  if (sit == ss.begin()) return -1;
  size_t s = static_cast<size_t>(sit - ss.begin()) - 1;
  uint32_t floor = before > kLookBackBytes ? before - kLookBackBytes : 0;
  for (size_t n = 0; n <= kSalienceSentences; ++n, --s) {
    uint32_t sb = ss[s].span.begin, se = n == 0 ? before : ss[s].span.end;
    if (se < floor) break;
    // A speaker of that sentence (the first one) is its subject.
    int32_t note = -1;
    for (auto it = speakers_.rbegin(); it != speakers_.rend() && it->first >= sb; ++it)
      if (it->first < se && Compatible(it->second, Want::kPerson)) note = it->second;
    if (note >= 0) return note;
    if (n == 0) {
      // "Dan Bishop — known for ... — says he ...": a name opening this sentence.
      size_t t = ss[s].first_token, end = t + ss[s].token_count;
      while (t < end && (!IsWordToken(a_, t) || Quoted(a_.tokens[t].span.begin))) ++t;
      size_t u = t;  // the capitalized words opening the sentence
      while (u < end && a_.tokens[u].span.begin < before &&
             (!IsWordToken(a_, u) || (a_.tokens[u].flags & kTokenCapitalized)))
        ++u;
      uint32_t stop = u < end ? a_.tokens[u].span.begin : ss[s].span.end;
      if (t < end && a_.tokens[t].span.begin < before) {
        auto it = std::lower_bound(mentions_.begin(), mentions_.end(), a_.tokens[t].span.begin,
                                   [](const Ref& r, uint32_t v) { return r.begin < v; });
        for (; it != mentions_.end() && it->begin < stop; ++it)
          if (it->end <= before && !Quoted(it->begin) && Compatible(it->entity, Want::kPerson))
            return Canonical(it->entity);
      }
    }
    if (n > 0) {
      size_t t = ss[s].first_token;
      while (t < ss[s].first_token + ss[s].token_count && Quoted(a_.tokens[t].span.begin)) ++t;
      bool pronoun = t < a_.tokens.size() && (NormOf(a_, t) == "he" || NormOf(a_, t) == "she");
      if (!pronoun) {
        int32_t m = SubjectMention(s, se);
        if (m >= 0) return m;
        if (m == -2) return -2;
      }
    }
    if (s == 0) break;
  }
  return -1;
}

int32_t SpeakerResolver::DocumentAuthor(uint32_t before) const {
  const auto& ss = a_.sentences;
  auto sit = std::upper_bound(ss.begin(), ss.end(), before, [](uint32_t v, const Sentence& x) { return v < x.span.begin; });
  if (sit == ss.begin()) return -1;
  size_t s = static_cast<size_t>(sit - ss.begin()) - 1;
  uint32_t floor = before > kMessageLookBackBytes ? before - kMessageLookBackBytes : 0;
  for (size_t n = 0; n < 4; ++n, --s) {
    uint32_t sb = ss[s].span.begin, se = n == 0 ? before : ss[s].span.end;
    if (se < floor) break;
    bool mentions_document = false;
    for (size_t t = ss[s].first_token; t < ss[s].first_token + ss[s].token_count && !mentions_document; ++t)
      mentions_document = a_.tokens[t].span.begin < se && !Quoted(a_.tokens[t].span.begin) &&
                          IsPersonalDocument(StripPossessive(NormOf(a_, t)));
    if (mentions_document) {
      // "In his message to X, Mr Putin said": that sentence's speaker, else its subject.
      int32_t note = -1;
      for (auto it = speakers_.rbegin(); it != speakers_.rend() && it->first >= sb; ++it)
        if (it->first < se && Compatible(it->second, Want::kPerson)) note = it->second;
      if (note >= 0) return note;
      int32_t m = SubjectMention(s, se);
      return m >= 0 ? m : -1;
    }
    if (s == 0) break;
  }
  return -1;
}

int32_t SpeakerResolver::SubjectOrganization(uint32_t before) const {
  const auto& ss = a_.sentences;
  auto sit = std::upper_bound(ss.begin(), ss.end(), before, [](uint32_t v, const Sentence& x) { return v < x.span.begin; });
  if (sit == ss.begin()) return -1;
  size_t s = static_cast<size_t>(sit - ss.begin()) - 1;
  for (size_t n = 0; n < 2; ++n, --s) {
    size_t t = ss[s].first_token, end = t + ss[s].token_count;
    while (t < end && !IsWordToken(a_, t)) ++t;  // a bullet
    if (t < end && a_.tokens[t].span.begin < before) {
      auto it = std::lower_bound(mentions_.begin(), mentions_.end(), a_.tokens[t].span.begin,
                                 [](const Ref& r, uint32_t v) { return r.begin < v; });
      if (it != mentions_.end() && it->begin == a_.tokens[t].span.begin &&
          a_.entities[static_cast<size_t>(it->entity)].type == EntityType::kOrganization)
        return it->entity;
    }
    if (s == 0) break;
  }
  return -1;
}

bool SpeakerResolver::TitleEndsWith(int32_t entity, std::string_view role) const {
  const std::string& title = a_.entities[static_cast<size_t>(entity)].title;
  if (title.size() < role.size()) return false;
  bool same = title.size() == role.size() || title[title.size() - role.size() - 1] == ' ';
  for (size_t k = 0; same && k < role.size(); ++k) {
    char ch = title[title.size() - role.size() + k];
    same = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch) == role[k];
  }
  return same;
}

std::string SpeakerResolver::Modifiers(size_t b, size_t e) const {
  std::string out;
  for (size_t k = b; k < e; ++k) {
    if (!IsWordToken(a_, k)) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(NormOf(a_, k));
  }
  return out;
}

bool SpeakerResolver::ModifiersFit(int32_t entity, std::string_view modifiers) const {
  const std::string& title = a_.entities[static_cast<size_t>(entity)].title;
  auto has_word = [&title](std::string_view w) {  // case-insensitive, whole word
    for (size_t i = 0; i + w.size() <= title.size(); ++i) {
      if (i > 0 && title[i - 1] != ' ') continue;
      if (i + w.size() < title.size() && title[i + w.size()] != ' ') continue;
      bool same = true;
      for (size_t k = 0; k < w.size() && same; ++k) {
        char ch = title[i + k];
        same = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch) == w[k];
      }
      if (same) return true;
    }
    return false;
  };
  for (size_t i = 0; i < modifiers.size();) {
    size_t j = modifiers.find(' ', i);
    if (j == std::string_view::npos) j = modifiers.size();
    std::string_view w = modifiers.substr(i, j - i);
    i = j + 1;
    if (w.empty() || !lex_.IsTitleWord(w) || w == "acting" || w == "former" || w == "new" || w == "outgoing" ||
        w == "incoming" || w == "current")
      continue;
    if (!has_word(w)) return false;
  }
  return true;
}

int32_t SpeakerResolver::NextTitled(std::string_view role, uint32_t after, std::string_view modifiers) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), after,
                             [](const Ref& r, uint32_t v) { return r.begin < v; });
  for (size_t seen = 0; it != mentions_.end() && it->begin < after + kCataphoraBytes && seen < kLookBackMentions;
       ++it, ++seen)
    if (Compatible(it->entity, Want::kPerson) && TitleEndsWith(it->entity, role) && ModifiersFit(it->entity, modifiers))
      return Canonical(it->entity);
  return -1;
}

int32_t SpeakerResolver::Recent(Want want, uint32_t before) const {
  if (want == Want::kPerson) {
    int32_t p = SalientPerson(before);
    if (p >= 0) return p;
    if (p == -2) return -1;  // the subject is a role no one can be found for
  }
  uint32_t floor = before > kLookBackBytes ? before - kLookBackBytes : 0;
  for (auto it = speakers_.rbegin(); it != speakers_.rend() && it->first >= floor; ++it)
    if (it->first < before && Compatible(it->second, want)) return it->second;
  // No speaker yet: the most recent compatible mention.
  auto end = std::lower_bound(mentions_.begin(), mentions_.end(), before,
                              [](const Ref& r, uint32_t v) { return r.begin < v; });
  size_t seen = 0;
  for (auto it = end; it != mentions_.begin() && seen < kLookBackMentions; ++seen) {
    --it;
    if (it->end <= before && it->begin >= floor && Compatible(it->entity, want)) return it->entity;
  }
  return -1;
}

int32_t SpeakerResolver::RecentSpeaker(Want want, uint32_t before, uint32_t look_back) const {
  uint32_t floor = before > look_back ? before - look_back : 0;
  for (auto it = speakers_.rbegin(); it != speakers_.rend() && it->first >= floor; ++it)
    if (it->first < before && Compatible(it->second, want)) return it->second;
  return -1;
}

int32_t SpeakerResolver::RecentTitled(std::string_view role, uint32_t before) const {
  uint32_t floor = before > kLookBackBytes ? before - kLookBackBytes : 0;
  auto end = std::lower_bound(mentions_.begin(), mentions_.end(), before,
                              [](const Ref& r, uint32_t v) { return r.begin < v; });
  size_t seen = 0;
  for (auto it = end; it != mentions_.begin() && seen < kLookBackMentions; ++seen) {
    --it;
    if (it->begin < floor) break;
    if (it->end > before || !Compatible(it->entity, Want::kPerson)) continue;
    if (TitleEndsWith(it->entity, role)) return it->entity;
  }
  return -1;
}

// A country, place or body named inside a longer phrase is its modifier
// ("U.S. Secretary of Energy ...", "White House Office of ...").
bool SpeakerResolver::Modifier(const Ref& m, uint32_t np_end) const {
  if (m.end >= np_end) return false;
  auto next = std::lower_bound(a_.tokens.begin(), a_.tokens.end(), m.end,
                               [](const Token& t, uint32_t v) { return t.span.begin < v; });
  if (next == a_.tokens.end() || next->span.begin >= np_end) return false;
  if (next->kind != TokenKind::kWord) return false;
  EntityType type = a_.entities[static_cast<size_t>(m.entity)].type;
  return type != EntityType::kOrganization || (next->flags & kTokenCapitalized);
}

bool SpeakerResolver::HasPersonTitle(size_t b, size_t e) const {
  for (size_t k = b; k < e; ++k)
    if ((a_.tokens[k].flags & kTokenCapitalized) && lex_.Noun(StripPossessive(NormOf(a_, k))) == SpeakerNoun::kPerson)
      return true;
  return false;
}

Span SpeakerResolver::TitledName(size_t b, size_t e) const {
  if (e < b + 3) return {};
  for (size_t k = e - 2; k < e; ++k) {
    if (a_.tokens[k].kind != TokenKind::kWord || !(a_.tokens[k].flags & kTokenCapitalized)) return {};
    std::string_view w = NormOf(a_, k);
    if (lex_.IsTitleWord(w) || lex_.Noun(w) != SpeakerNoun::kNone || w.size() < 2) return {};
  }
  // A title before the name ("Minister of Economics Janis Vitenbergs"), but
  // not a portfolio's last words ("Minister of Foreign Affairs").
  std::string_view before = NormOf(a_, e - 3);
  if (!IsWordToken(a_, e - 3) || before == "of" || before == "for" || before == "and" || before == "the" ||
      before == "on" || !(a_.tokens[e - 3].flags & kTokenCapitalized))
    return {};
  if (!HasPersonTitle(b, e - 2) && !lex_.IsTitleWord(before)) return {};
  Span name{a_.tokens[e - 2].span.begin, a_.tokens[e - 1].span.end};
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), name.begin > kLongestMention ? name.begin - kLongestMention : 0,
                             [](const Ref& r, uint32_t v) { return r.begin < v; });
  for (; it != mentions_.end() && it->begin < name.end; ++it)
    if (it->end > name.begin && a_.entities[static_cast<size_t>(it->entity)].type == EntityType::kPerson &&
        it->begin <= name.begin && it->end >= name.end)
      return {};
  return name;
}

void SpeakerResolver::Note(int32_t entity, uint32_t at) {
  if (entity >= 0) speakers_.emplace_back(at, Canonical(entity));
}

SpeakerRef SpeakerResolver::Resolve(size_t b, size_t e, bool right) {
  SpeakerRef out;
  if (b >= e || e > a_.tokens.size()) return out;
  Narrow(&b, &e);
  // "In her Nobel lecture she said": the subject is the pronoun.
  if (e > b + 1 && IsSpeakerPronoun(NormOf(a_, e - 1)) && !(a_.tokens[e - 1].flags & kTokenCapitalized) &&
      IsPrepositionLike(NormOf(a_, b)))
    b = e - 1;
  Span np{a_.tokens[b].span.begin, a_.tokens[e - 1].span.end};
  out.mention = np;
  size_t head = Head(b, e);
  std::string_view head_norm = StripPossessive(NormOf(a_, head));
  SpeakerNoun noun = lex_.Noun(head_norm);
  std::string_view first = NormOf(a_, b);
  bool definite = first == "the" || first == "this" || first == "that";
  // "the President said", "the Russian head of state said": a role noun
  // names the speaker of the moment (or the latest person with that title),
  // not a country or body in the phrase nor the entity stage's guess.
  bool role = definite && noun == SpeakerNoun::kPerson;
  if (role && e - b == 2) {
    int32_t recent = RecentSpeaker(Want::kPerson, np.begin);
    if (recent >= 0) {
      out.entity = recent;
      out.pronoun = true;
      links_.push_back({np, out.entity, MentionVia::kRole});
      Note(out.entity, np.begin);
      return out;
    }
  }
  // 1. An entity mention inside the phrase.
  uint32_t lo = np.begin > kLongestMention ? np.begin - kLongestMention : 0;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), lo,
                             [](const Ref& r, uint32_t v) { return r.begin < v; });
  const Ref* best = nullptr;
  for (; it != mentions_.end() && it->begin < np.end; ++it) {
    if (it->end <= np.begin) continue;
    size_t ent = static_cast<size_t>(it->entity);
    if (a_.entities[ent].type == EntityType::kPerson && title_only_[ent]) continue;
    // "the President" linked by title to the last president named: the
    // speaker of the moment or the sentence subject comes first (below).
    if (role && (it->via == MentionVia::kTitle || it->via == MentionVia::kRole)) continue;
    // "the Pakistani media", "the Russian statement": no speaker named.
    if (it->via == MentionVia::kDemonym && noun == SpeakerNoun::kDocument) continue;
    if (a_.entities[ent].type != EntityType::kPerson && (role || Modifier(*it, np.end))) continue;
    if (it->begin < np.begin || it->end > np.end) {
      // A mention reaching beyond the phrase only counts if it covers it.
      if (!(it->begin <= np.begin && it->end >= np.end)) continue;
    }
    if (!best) { best = &*it; continue; }
    int r = TypeRank(a_.entities[static_cast<size_t>(it->entity)].type);
    int rb = TypeRank(a_.entities[static_cast<size_t>(best->entity)].type);
    // Same type: the head, i.e. the mention ending the phrase ("said NEC
    // Director Brian Deese"), else the first after the cue, the last before it.
    bool at_end = it->end >= np.end && best->end < np.end;
    bool best_head = best->end >= np.end && it->end < np.end;
    if (r < rb || (r == rb && !best_head && (at_end || (right ? it->begin < best->begin : it->begin > best->begin))))
      best = &*it;
  }
  // "said CarMax VP of Regional Sales Corey Haire": the name after the title
  // is the speaker, whatever else the phrase mentions.
  if (Span name = TitledName(b, e); !name.empty() && (!best || best->end < name.end)) {
    out.name = name;
    out.mention = np;
    return out;
  }
  if (best && a_.entities[static_cast<size_t>(best->entity)].type != EntityType::kPerson && HasPersonTitle(b, e)) {
    // "Latvian Minister of Economics ...": a person whose name was not found;
    // the country or body in the phrase is not the speaker.
    return out;
  }
  if (best) {
    out.entity = Canonical(best->entity);
    out.mention = {best->begin, best->end};
    if (a_.entities[static_cast<size_t>(best->entity)].type == EntityType::kPerson) {
      // keep the whole phrase when it is a role mention ("the Russian diplomat")
      if (best->begin <= np.begin && best->end >= np.end) out.mention = np;
    }
    Note(out.entity, np.begin);
    return out;
  }
  // 2. A pronoun.
  if (e - b == 1 && IsSpeakerPronoun(first)) {
    out.pronoun = true;
    if (first == "i" || first == "we" || first == "you") return out;  // the caller knows (turns)
    Want want = (first == "he" || first == "she") ? Want::kPerson : Want::kGroup;
    // "it" is as often a document or a thing ("It says: ...") as a body: only
    // a body that was just speaking.
    out.entity = Canonical(first == "it" ? RecentSpeaker(want, np.begin, kItLookBackBytes) : Recent(want, np.begin));
    if (first == "it" && out.entity < 0) out.entity = SubjectOrganization(np.begin);
    if (out.entity >= 0) {
      links_.push_back({np, out.entity, MentionVia::kPronoun});
      Note(out.entity, np.begin);
    }
    return out;
  }
  // 3. A role noun or an unnamed source.
  bool plural = head_norm.size() > 3 && head_norm.back() == 's';
  bool anon_det = lex_.Noun(first) == SpeakerNoun::kAnonDeterminer;
  if (head_norm.substr(0, 6) == "source" || (noun == SpeakerNoun::kPerson && (anon_det || (plural && !definite)))) {
    out.anonymous = true;
    return out;
  }
  // "The message to President X said": a message or letter is its writer's,
  // the person who was just speaking (messages of greetings, replies).
  if (noun == SpeakerNoun::kDocument && definite && IsPersonalDocument(head_norm)) {
    out.entity = DocumentAuthor(np.begin);
    if (out.entity >= 0) {
      out.pronoun = true;
      Note(out.entity, np.begin);
    }
    return out;
  }
  if ((noun == SpeakerNoun::kPerson || noun == SpeakerNoun::kGroup) && definite) {
    out.pronoun = true;
    if (noun == SpeakerNoun::kPerson) {
      out.entity = RecentSpeaker(Want::kPerson, np.begin);
      if (out.entity < 0) {
        // "Vladimir Putin sent a message to President X. ... the President
        // noted": the subject of the nearest sentence, if the role fits him.
        int32_t p = SalientPerson(np.begin);
        if (p >= 0 && (TitleEndsWith(p, head_norm) || head_norm == "leader" || head_norm == "head"))
          out.entity = p;
      }
      if (out.entity < 0) out.entity = RecentTitled(head_norm, np.begin);
      if (out.entity < 0) out.entity = NextTitled(head_norm, np.end, Modifiers(b + 1, head));
    } else {
      out.entity = Recent(Want::kGroup, np.begin);
    }
    out.entity = Canonical(out.entity);
    if (out.entity >= 0) {
      links_.push_back({np, out.entity, MentionVia::kRole});
      Note(out.entity, np.begin);
    }
  }
  return out;
}

void SpeakerResolver::AppendLinks(Analysis* a) const {
  std::vector<uint32_t> touched;
  for (const Link& l : links_) {
    // No mention covered the phrase (Resolve would have used it), so this adds one.
    a->entities[static_cast<size_t>(l.entity)].mentions.push_back({l.span, l.via, l.span});
    touched.push_back(static_cast<uint32_t>(l.entity));
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  for (uint32_t id : touched) {
    auto& ms = a->entities[id].mentions;
    std::stable_sort(ms.begin(), ms.end(),
                     [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
    // One phrase can be resolved for several quotes sharing its cue: keep one mention.
    ms.erase(std::unique(ms.begin(), ms.end(),
                         [](const Mention& x, const Mention& y) {
                           return x.span.begin == y.span.begin && x.span.end == y.span.end;
                         }),
             ms.end());
  }
}

}  // namespace communique::internal
