#include "quotes/speakers.h"

#include <algorithm>

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

SpeakerResolver::SpeakerResolver(const Analysis& a, const QuoteLexicon& lex) : a_(a), lex_(lex) {
  for (const Entity& e : a.entities)
    for (const Mention& m : e.mentions)
      mentions_.push_back({m.span.begin, m.span.end, static_cast<int32_t>(e.id)});
  std::sort(mentions_.begin(), mentions_.end(),
            [](const Ref& x, const Ref& y) { return x.begin < y.begin; });
}

bool SpeakerResolver::Compatible(int32_t entity, Want want) const {
  if (entity < 0 || static_cast<size_t>(entity) >= a_.entities.size()) return false;
  bool person = a_.entities[static_cast<size_t>(entity)].type == EntityType::kPerson;
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

void SpeakerResolver::Note(int32_t entity, uint32_t at) {
  if (entity >= 0) speakers_.emplace_back(at, entity);
}

SpeakerRef SpeakerResolver::Resolve(size_t b, size_t e, bool right) {
  SpeakerRef out;
  if (b >= e || e > a_.tokens.size()) return out;
  Span np{a_.tokens[b].span.begin, a_.tokens[e - 1].span.end};
  out.mention = np;
  // 1. An entity mention inside the phrase.
  uint32_t lo = np.begin > kLongestMention ? np.begin - kLongestMention : 0;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), lo,
                             [](const Ref& r, uint32_t v) { return r.begin < v; });
  const Ref* best = nullptr;
  for (; it != mentions_.end() && it->begin < np.end; ++it) {
    if (it->end <= np.begin) continue;
    if (it->begin < np.begin || it->end > np.end) {
      // A mention reaching beyond the phrase only counts if it covers it.
      if (!(it->begin <= np.begin && it->end >= np.end)) continue;
    }
    if (!best) { best = &*it; continue; }
    int r = TypeRank(a_.entities[static_cast<size_t>(it->entity)].type);
    int rb = TypeRank(a_.entities[static_cast<size_t>(best->entity)].type);
    if (r < rb || (r == rb && (right ? it->begin < best->begin : it->begin > best->begin))) best = &*it;
  }
  if (best) {
    out.entity = best->entity;
    out.mention = {best->begin, best->end};
    if (a_.entities[static_cast<size_t>(best->entity)].type == EntityType::kPerson) {
      // keep the whole phrase when it is a role mention ("the Russian diplomat")
      if (best->begin <= np.begin && best->end >= np.end) out.mention = np;
    }
    Note(out.entity, np.begin);
    return out;
  }
  // 2. A pronoun.
  std::string_view first = NormOf(a_, b);
  if (e - b == 1 && IsSpeakerPronoun(first)) {
    out.pronoun = true;
    if (first == "i" || first == "we" || first == "you") return out;  // the caller knows (turns)
    Want want = (first == "he" || first == "she") ? Want::kPerson : Want::kGroup;
    out.entity = Recent(want, np.begin);
    if (out.entity >= 0) {
      links_.push_back({np, out.entity, MentionVia::kPronoun});
      Note(out.entity, np.begin);
    }
    return out;
  }
  // 3. A role noun or an unnamed source.
  size_t head = e - 1;
  while (head > b && !IsWordToken(a_, head)) --head;
  std::string_view head_norm = NormOf(a_, head);
  SpeakerNoun noun = lex_.Noun(head_norm);
  bool plural = head_norm.size() > 3 && head_norm.back() == 's';
  bool anon_det = lex_.Noun(first) == SpeakerNoun::kAnonDeterminer;
  bool definite = first == "the" || first == "this" || first == "that";
  if (head_norm.substr(0, 6) == "source" || (noun == SpeakerNoun::kPerson && (anon_det || (plural && !definite)))) {
    out.anonymous = true;
    return out;
  }
  if (noun != SpeakerNoun::kNone && noun != SpeakerNoun::kAnonDeterminer && definite) {
    out.pronoun = true;
    out.entity = Recent(noun == SpeakerNoun::kPerson ? Want::kPerson : Want::kGroup, np.begin);
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
