// Adapters for entity mentions.
//
// Seed-style gold (types country, person, organization, location): every
// named mention with its type; values are the country code (country), the
// canonical name (person, location) and the name (organization).
// GUM gold (person, place, organization; named mentions scored by their
// `core` span): our types map as country + location -> place, person ->
// person, organization -> organization; demonyms ("Russian") are not GUM
// place mentions, and title/role/pronoun mentions are not named mentions.
#include <cctype>

#include "eval.h"

namespace communique::eval {
namespace {

bool Named(MentionVia v) {
  return v == MentionVia::kName || v == MentionVia::kAlias || v == MentionVia::kSurname ||
         v == MentionVia::kSeat;
}

std::pair<uint32_t, uint32_t> CoreSpan(const GoldSpan& g) {
  if (g.extra.is_object() && g.extra.contains("core") && g.extra["core"].is_object())
    return {g.extra["core"].value("begin", g.begin), g.extra["core"].value("end", g.end)};
  return {g.begin, g.end};
}

std::string GoldString(const GoldDoc&, const GoldSpan& g) {
  return g.value.is_string() ? g.value.get<std::string>() : std::string();
}

std::string Fold(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s.rfind("the ", 0) == 0) s = s.substr(4);
  return s;
}

// GUM gold has no values: any system value is fine there.
bool NameEqual(const std::string& gold, const std::string& sys) {
  return gold.empty() || Fold(gold) == Fold(sys);
}

// Organization values: the name, or for a government ("USA government") its code.
bool OrgEqual(const std::string& gold, const std::string& sys) {
  if (NameEqual(gold, sys)) return true;
  size_t sp = gold.find(' ');
  return sp != std::string::npos && gold.substr(sp + 1) == "government" &&
         sys == "GOV:" + gold.substr(0, sp);
}

bool Optional(const GoldSpan& g) {
  return g.extra.is_object() && g.extra.value("optional", false);
}

// A system span over an optional gold span of its type is neither right nor wrong.
bool OverOptional(const GoldDoc& doc, const char* gold_type, const Mention& m) {
  for (const GoldSpan& g : doc.spans)
    if (g.type == gold_type && Optional(g) && g.begin < m.span.end && m.span.begin < g.end) return true;
  return false;
}

// GUM names include the title before them ("U.S. President Donald Trump");
// seed gold does not.
bool IsGum(const GoldDoc& doc) { return !doc.genre.empty(); }

void Emit(const GoldDoc& doc, const char* gold_type, const Analysis& a, EntityType type,
          bool demonyms, bool named_only, int value_kind, std::vector<SystemSpan>* out) {
  for (const Entity& e : a.entities) {
    if (e.type != type) continue;
    for (const Mention& m : e.mentions) {
      if (!demonyms && m.via == MentionVia::kDemonym) continue;
      if (named_only && !Named(m.via)) continue;
      if (OverOptional(doc, gold_type, m)) continue;
      std::string v = value_kind == 0 ? e.code : e.name;
      if (type == EntityType::kOrganization && e.code.rfind("GOV:", 0) == 0 &&
          e.code.find(':', 4) == std::string::npos)
        v = e.code;
      // A government phrase ("the Indian government") is not a named mention.
      if (named_only && IsGum(doc) && e.code.rfind("GOV:", 0) == 0 &&
          e.code.find(':', 4) == std::string::npos)
        continue;
      Span s = IsGum(doc) ? m.with_title : m.span;
      if (s.empty()) s = m.span;
      out->push_back({s.begin, s.end, v});
    }
  }
}

const Registrar kCountry({"country", {"country"},
    [](const GoldDoc& d, const Analysis& a, std::vector<SystemSpan>* out) {
      Emit(d, "country", a, EntityType::kCountry, true, false, 0, out);
    }, {}, GoldString, {}, Optional});

const Registrar kLocation({"location", {"location"},
    [](const GoldDoc& d, const Analysis& a, std::vector<SystemSpan>* out) {
      Emit(d, "location", a, EntityType::kLocation, true, true, 1, out);
    }, {}, GoldString, NameEqual, Optional});

const Registrar kPerson({"person", {"person"},
    [](const GoldDoc& d, const Analysis& a, std::vector<SystemSpan>* out) {
      Emit(d, "person", a, EntityType::kPerson, false, true, 1, out);
    }, CoreSpan, GoldString, NameEqual, Optional});

const Registrar kOrganization({"organization", {"organization"},
    [](const GoldDoc& d, const Analysis& a, std::vector<SystemSpan>* out) {
      Emit(d, "organization", a, EntityType::kOrganization, false, true, 1, out);
    }, CoreSpan, GoldString, OrgEqual, Optional});

const Registrar kPlace({"place", {"place"},
    [](const GoldDoc& d, const Analysis& a, std::vector<SystemSpan>* out) {
      Emit(d, "place", a, EntityType::kCountry, false, true, 0, out);
      Emit(d, "place", a, EntityType::kLocation, false, true, 1, out);
    }, CoreSpan, {}, {}, {}});

}  // namespace
}  // namespace communique::eval
