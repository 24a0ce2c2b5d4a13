// The entities stage: organization names built from several parts, and the
// national bodies named like an intergovernmental one.
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

using communique::Analysis;
using communique::Entity;
using communique::EntityType;
using communique::testing::AnalyzeOk;
using communique::testing::MentionAt;

TEST_SUITE("entities_orgs") {
  TEST_CASE("a chamber or listed body followed by words ending in a head is one organization") {
    std::string t = "The House Foreign Affairs Committee and the Senate Armed Services Committee "
                    "held hearings. The United Nations Secretariat and the G20 Group agreed.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"House Foreign Affairs Committee", "Senate Armed Services Committee",
                                  "United Nations Secretariat", "G20 Group"}) {
      const Entity* o = MentionAt(t, a, name);
      REQUIRE_MESSAGE(o != nullptr, name);
      CHECK(o->type == EntityType::kOrganization);
    }
    CHECK(MentionAt(t, a, "Foreign Affairs") == nullptr);
    CHECK(MentionAt(t, a, "Senate") == nullptr);
  }

  TEST_CASE("a leading country stays a mention of its own inside the name") {
    std::string t = "The U.S. Senate Foreign Relations Committee met on Tuesday.";
    Analysis a = AnalyzeOk(t);
    const Entity* o = MentionAt(t, a, "U.S. Senate Foreign Relations Committee");
    REQUIRE(o != nullptr);
    CHECK(o->type == EntityType::kOrganization);
    CHECK(o->affiliation == "USA");
    const Entity* c = MentionAt(t, a, "U.S.");
    REQUIRE(c != nullptr);
    CHECK(c->type == EntityType::kCountry);
  }

  TEST_CASE("a demonym before the short name of a UN body makes a national body") {
    std::string t = "The Russian Security Council met. Later the Security Council of the United "
                    "Nations voted.";
    Analysis a = AnalyzeOk(t);
    const Entity* o = MentionAt(t, a, "Russian Security Council");
    REQUIRE(o != nullptr);
    CHECK(o->type == EntityType::kOrganization);
    CHECK(o->affiliation == "RUS");
    CHECK(o->code != "IGO:UNSC");
    const Entity* un = MentionAt(t, a, "Security Council", t.find("Later"));
    REQUIRE(un != nullptr);
    CHECK(un->code == "IGO:UNSC");
  }

  TEST_CASE("a demonym before one organization head word is one organization") {
    std::string t = "Units of the Syrian Army and the Lebanese Navy were deployed.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Syrian Army", "Lebanese Navy"}) {
      const Entity* o = MentionAt(t, a, name);
      REQUIRE_MESSAGE(o != nullptr, name);
      CHECK(o->type == EntityType::kOrganization);
    }
    const Entity* c = MentionAt(t, a, "Syrian");
    REQUIRE(c != nullptr);
    CHECK(c->code == "SYR");
  }

  TEST_CASE("events and bare common words are no organizations") {
    std::string t = "Department Press Briefing\n\nThe spokesperson opened the briefing. "
                    "The Administration and the Government will act together on the plan. "
                    "Officials of the Trump Administration disagreed.";
    Analysis a = AnalyzeOk(t);
    for (const Entity& e : a.entities) {
      CHECK_MESSAGE(e.type != EntityType::kOrganization, e.name);
    }
  }

  TEST_CASE("two names joined by 'and', the second ending in a head, stay two") {
    std::string t = "The American Federation of Teachers and National Education Association "
                    "welcomed the decision.";
    Analysis a = AnalyzeOk(t);
    const Entity* o = MentionAt(t, a, "National Education Association");
    REQUIRE(o != nullptr);
    CHECK(o->type == EntityType::kOrganization);
  }
}
