#include "entities/registry.h"

#include <algorithm>
#include <numeric>

namespace communique::internal {
namespace {
constexpr size_t kRecentPersons = 8;  // look-back for "the ambassador", "the diplomat"
}  // namespace

uint32_t Registry::Get(const std::string& key, const Entity& proto) {
  bool created = false;
  const uint32_t id = Get(HashWord(key), &created);
  if (created) {
    entities_[id] = proto;
    entities_[id].mentions.clear();
  }
  return id;
}

uint32_t Registry::Get(uint64_t key_hash, bool* created) {
  uint32_t& slot = by_key_[key_hash];
  *created = slot == 0;
  if (slot == 0) {
    // Room up front: fewer moves of entities and regrowths of mention lists.
    if (entities_.capacity() == 0) entities_.reserve(32);
    slot = static_cast<uint32_t>(entities_.size()) + 1;
    entities_.emplace_back().mentions.reserve(4);
  }
  return slot - 1;
}

uint32_t Registry::Named(uint64_t key_hash, EntityType type, std::string_view name, std::string_view code,
                         bool* created) {
  bool is_new;
  const uint32_t id = Get(key_hash, &is_new);
  if (is_new) {
    Entity& n = entities_[id];
    n.type = type;
    n.name = std::string(name);
    n.code = std::string(code);
  }
  if (created != nullptr) *created = is_new;
  return id;
}

namespace {
constexpr size_t kDuplicateWindow = 8;  // mentions searched for a repeat
}  // namespace

void Registry::AddMention(uint32_t entity, Span span, MentionVia via) {
  // Mentions arrive in text order, so a repeat of the same span can only be
  // among the last few: a bounded look-back keeps this linear.
  auto& ms = entities_[entity].mentions;
  for (size_t k = ms.size(), seen = 0; k > 0 && seen < kDuplicateWindow; --k, ++seen)
    if (ms[k - 1].span.begin == span.begin && ms[k - 1].span.end == span.end) return;
  ms.push_back({span, via, span});
}

void Registry::SetTitleSpan(uint32_t entity, Span span, uint32_t title_begin) {
  auto& ms = entities_[entity].mentions;
  for (size_t k = ms.size(), seen = 0; k > 0 && seen < kDuplicateWindow; --k, ++seen) {
    Mention& m = ms[k - 1];
    if (m.span.begin == span.begin && m.span.end == span.end && title_begin < span.begin)
      m.with_title.begin = title_begin;
  }
}

void Registry::NotePerson(uint32_t entity, uint64_t surname_hash, TitleClass cls) {
  if (surname_hash != 0) by_surname_[surname_hash] = entity + 1;
  uint32_t bit = 1u << static_cast<unsigned>(cls);
  for (PersonNote& n : recent_persons_) {
    if (n.entity != entity) continue;
    n.class_bit |= bit;
    std::swap(n, recent_persons_.back());  // most recent last (order of others is loose)
    return;
  }
  if (recent_persons_.size() == kRecentPersons) recent_persons_.erase(recent_persons_.begin());
  recent_persons_.push_back({entity, bit});
}

int32_t Registry::LastPerson(uint32_t class_mask, std::string_view affiliation) const {
  for (auto it = recent_persons_.rbegin(); it != recent_persons_.rend(); ++it) {
    if ((it->class_bit & class_mask) == 0) continue;
    const Entity& e = entities_[it->entity];
    if (!affiliation.empty() && e.affiliation != affiliation) continue;
    return static_cast<int32_t>(it->entity);
  }
  return -1;
}

void SortMentions(std::vector<Mention>* mentions) {
  auto less = [](const Mention& a, const Mention& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  };
  auto not_less = [&](const Mention& a, const Mention& b) { return !less(a, b); };
  if (std::adjacent_find(mentions->begin(), mentions->end(), not_less) != mentions->end())
    std::sort(mentions->begin(), mentions->end(), less);
}

std::vector<Entity> Registry::Finish() {
  for (Entity& e : entities_) SortMentions(&e.mentions);
  std::vector<uint32_t> order(entities_.size());
  std::iota(order.begin(), order.end(), 0u);
  order.erase(std::remove_if(order.begin(), order.end(),
                             [this](uint32_t i) { return entities_[i].mentions.empty(); }),
              order.end());
  auto by_first = [this](uint32_t a, uint32_t b) {
    return entities_[a].mentions.front().span.begin < entities_[b].mentions.front().span.begin;
  };
  // Entities are mostly made at their first mention: often in order already,
  // then the stable sort is the identity and no entity needs to move.
  if (!std::is_sorted(order.begin(), order.end(), by_first)) std::stable_sort(order.begin(), order.end(), by_first);
  if (order.size() == entities_.size() && std::is_sorted(order.begin(), order.end())) {
    for (uint32_t i = 0; i < entities_.size(); ++i) entities_[i].id = i;
    return std::move(entities_);
  }
  std::vector<Entity> out;
  out.reserve(order.size());
  for (uint32_t i : order) {
    out.push_back(std::move(entities_[i]));
    out.back().id = static_cast<uint32_t>(out.size() - 1);
  }
  return out;
}

}  // namespace communique::internal
