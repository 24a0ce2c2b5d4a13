// Internal: collects entities and their mentions for one document, merging
// mentions of the same referent (by key), and answers the back-references
// later mentions need: the last person with a surname, a title class, an
// affiliation. Finish() sorts entities by first mention and mentions by begin.
#ifndef COMMUNIQUE_LIB_ENTITIES_REGISTRY_H_
#define COMMUNIQUE_LIB_ENTITIES_REGISTRY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "communique/entity.h"
#include "entities/hash.h"
#include "entities/lexicon.h"

namespace communique::internal {

/// Sorts mentions by (begin, end) as std::sort does; a list already
/// strictly in that order (the usual case: mentions arrive in text order)
/// is left as it is, which is std::sort's result too.
void SortMentions(std::vector<Mention>* mentions);

class Registry {
 public:
  /// The entity with `key`, created with `proto`'s fields if new. Returns its index.
  uint32_t Get(const std::string& key, const Entity& proto);
  /// The entity whose key hashes to `key_hash` (HashWord of the key, e.g.
  /// the keys the lexicon keeps per table entry); `*created` says whether it
  /// is new: a default Entity whose fields the caller fills.
  uint32_t Get(uint64_t key_hash, bool* created);
  /// Get by `key_hash`; a new entity takes `type`, `name` and `code`.
  uint32_t Named(uint64_t key_hash, EntityType type, std::string_view name, std::string_view code = {},
                 bool* created = nullptr);
  void AddMention(uint32_t entity, Span span, MentionVia via);
  /// Sets with_title of the mention of `entity` at `span`.
  void SetTitleSpan(uint32_t entity, Span span, uint32_t title_begin);
  Entity& entity(uint32_t i) { return entities_[i]; }

  /// Person bookkeeping for later mentions. `surname_hash`: HashWord of the
  /// surname key (Word::hash), 0 for none.
  void NotePerson(uint32_t entity, uint64_t surname_hash, TitleClass cls);
  /// Last person whose surname key hashes to `key_hash` (HashWord of the
  /// key, Word::hash), or -1.
  int32_t PersonBySurnameHash(uint64_t key_hash) const {
    const uint32_t* e = by_surname_.Find(key_hash);
    return e == nullptr || *e == 0 ? -1 : static_cast<int32_t>(*e - 1);
  }
  /// Last person whose title class bit is in `class_mask` and (when given)
  /// whose affiliation is `affiliation`; -1 if none.
  int32_t LastPerson(uint32_t class_mask, std::string_view affiliation) const;

  /// Moves the entities out, sorted by first mention, ids = indices.
  std::vector<Entity> Finish();

 private:
  struct PersonNote { uint32_t entity; uint32_t class_bit; };
  std::vector<Entity> entities_;
  // Keyed by HashWord of the key (tables keyed by the hash alone: see
  // entities/hash.h); values are entity index + 1 (0: absent).
  HashMap64<uint32_t> by_key_;
  HashMap64<uint32_t> by_surname_;
  std::vector<PersonNote> recent_persons_;  // bounded: the last few persons
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_REGISTRY_H_
