// communique/entity.h: countries, persons, organizations and locations.
//
//   for (const communique::Entity& e : analysis.entities)
//     std::cout << e.name << " " << e.code;   // "Russia RUS", "Anatoly Antonov"
//
// One Entity per referent in the document; each has one or more mentions.
// Plain data; strings are owned copies.
#ifndef COMMUNIQUE_ENTITY_H_
#define COMMUNIQUE_ENTITY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "communique/config.h"
#include "communique/span.h"

COMMUNIQUE_BEGIN_NAMESPACE

enum class EntityType : uint8_t { kCountry, kPerson, kOrganization, kLocation };

/// How a mention was recognized.
enum class MentionVia : uint8_t {
  kName, kAlias, kDemonym, kSeat, kSurname, kTitle, kRole, kPronoun,
};

struct Mention {
  Span span;
  MentionVia via = MentionVia::kName;
  /// The mention with the title and modifiers written before it ("U.S.
  /// President Donald Trump" for the name "Donald Trump"); equals `span`
  /// when there is none (empty when the stage that added the mention did not set it).
  Span with_title{};
};

struct Entity {
  uint32_t id = 0;            ///< index in Analysis::entities
  EntityType type = EntityType::kCountry;
  std::string name;           ///< canonical name ("Russia", "Anatoly Antonov")
  std::string code;           ///< ISO 3166-1 alpha-3 for countries; "ORG:..." scheme for organizations
  std::string title;          ///< normalized title ("Ambassador", "President")
  std::string affiliation;    ///< alpha-3 code of the country served / belonged to
  std::string posted_to;      ///< alpha-3 code of the host country of an envoy
  bool metonymy = false;      ///< a seat or capital standing for the government
  std::vector<Mention> mentions;  ///< sorted by span.begin
};

COMMUNIQUE_API std::string_view EntityTypeName(EntityType t) noexcept;  ///< "country"
COMMUNIQUE_API std::string_view MentionViaName(MentionVia v) noexcept;  ///< "demonym"

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_ENTITY_H_
