#include "quotes/speakers.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace communique::internal {

namespace {

constexpr uint32_t kLookBackBytes = 3000;   // antecedents further back are not used
constexpr size_t kLookBackMentions = 40;
constexpr uint32_t kLongestMention = 200;

int TypeRank(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return 0;
    case EntityType::kOrganization: return 1;
    case EntityType::kCountry: return 2;
    case EntityType::kLocation: return 3;
  }
  return 4;
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
  // Full-name persons by family name (first and last word), -2 when ambiguous.
  std::unordered_map<std::string_view, int32_t> by_family;
  auto add = [&](std::string_view w, int32_t id) {
    auto [it, fresh] = by_family.emplace(w, id);
    if (!fresh && it->second != id) it->second = -2;
  };
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
  for (size_t k = 0; k < a.entities.size(); ++k) {
    const Entity& e = a.entities[k];
    if (e.type != EntityType::kPerson || title_only_[k] || e.name.find(' ') != std::string::npos) continue;
    auto it = by_family.find(e.name);
    if (it != by_family.end() && it->second >= 0) canonical_[k] = it->second;
  }
  std::sort(mentions_.begin(), mentions_.end(),
            [](const Ref& x, const Ref& y) { return x.begin < y.begin; });
}

int32_t SpeakerResolver::Canonical(int32_t entity) const {
  if (entity < 0 || static_cast<size_t>(entity) >= canonical_.size()) return entity;
  int32_t c = canonical_[static_cast<size_t>(entity)];
  return c >= 0 ? c : entity;
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
    size_t head = *e - 1;
    while (head > k && !IsWordToken(a_, head)) --head;
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
  if (person && title_only_[static_cast<size_t>(entity)]) return false;
  return want == Want::kPerson ? person : !person;
}

int32_t SpeakerResolver::Recent(Want want, uint32_t before) const {
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

int32_t SpeakerResolver::RecentSpeaker(Want want, uint32_t before) const {
  uint32_t floor = before > kLookBackBytes ? before - kLookBackBytes : 0;
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
    const std::string& title = a_.entities[static_cast<size_t>(it->entity)].title;
    if (title.size() < role.size()) continue;
    bool same = title.size() == role.size() || title[title.size() - role.size() - 1] == ' ';
    for (size_t k = 0; same && k < role.size(); ++k) {
      char ch = title[title.size() - role.size() + k];
      same = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch) == role[k];
    }
    if (same) return it->entity;
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

void SpeakerResolver::Note(int32_t entity, uint32_t at) {
  if (entity >= 0) speakers_.emplace_back(at, Canonical(entity));
}

SpeakerRef SpeakerResolver::Resolve(size_t b, size_t e, bool right) {
  SpeakerRef out;
  if (b >= e || e > a_.tokens.size()) return out;
  Narrow(&b, &e);
  Span np{a_.tokens[b].span.begin, a_.tokens[e - 1].span.end};
  out.mention = np;
  size_t head = e - 1;
  while (head > b && !IsWordToken(a_, head)) --head;
  // "the head of state", "the head of government": the head is "head".
  if (head >= b + 2 && NormOf(a_, head - 1) == "of" && (NormOf(a_, head) == "state" || NormOf(a_, head) == "government"))
    head -= 2;
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
    if (r < rb || (r == rb && (right ? it->begin < best->begin : it->begin > best->begin))) best = &*it;
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
    out.entity = Canonical(Recent(want, np.begin));
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
  if ((noun == SpeakerNoun::kPerson || noun == SpeakerNoun::kGroup) && definite) {
    out.pronoun = true;
    if (noun == SpeakerNoun::kPerson) {
      out.entity = RecentSpeaker(Want::kPerson, np.begin);
      if (out.entity < 0) out.entity = RecentTitled(head_norm, np.begin);
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
  }
}

}  // namespace communique::internal
