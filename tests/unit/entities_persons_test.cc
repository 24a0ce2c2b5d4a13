// Person precision on press text: titles and offices before names, words
// that are no names (time words, suffixes, laws and events), headings.
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

using communique::Analysis;
using communique::Entity;
using communique::EntityType;
using communique::testing::AnalyzeOk;
using communique::testing::MentionAt;

namespace {

// Whether any person mention's text contains `word`.
bool PersonMentionContains(std::string_view text, const Analysis& a, std::string_view word) {
  return communique::testing::AnyMentionOf(
      text, a, EntityType::kPerson, [word](std::string_view m) { return m.find(word) != std::string_view::npos; });
}

}  // namespace

TEST_SUITE("entities_persons") {
  TEST_CASE("a title and its office before a name stay out of the name") {
    std::string t = "The mayors met with Secretary of Transportation Pete Buttigieg and "
                    "Secretary of Labor Martin Walsh on Monday. Microsoft Chairman and CEO "
                    "Satya Nadella spoke after them.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Pete Buttigieg", "Martin Walsh", "Satya Nadella"}) {
      const Entity* p = MentionAt(t, a, name);
      REQUIRE_MESSAGE(p != nullptr, name);
      CHECK(p->type == EntityType::kPerson);
    }
    CHECK(!PersonMentionContains(t, a, "Transportation"));
    CHECK(!PersonMentionContains(t, a, "Labor"));
    CHECK(!PersonMentionContains(t, a, "CEO"));
  }

  TEST_CASE("office titles of the table make the next name a titled person") {
    std::string t = "Counselor Chollet met the delegation. Small Business Administrator "
                    "Isabella Guzman joined them later.";
    Analysis a = AnalyzeOk(t);
    const Entity* c = MentionAt(t, a, "Chollet");
    REQUIRE(c != nullptr);
    CHECK(c->type == EntityType::kPerson);
    CHECK(c->title == "Counselor");
    const Entity* g = MentionAt(t, a, "Isabella Guzman");
    REQUIRE(g != nullptr);
    CHECK(g->title == "Administrator");
  }

  TEST_CASE("an agency without a country before a title keeps its own mention") {
    std::string t = "She advised Senate Majority Leader Harry Reid for six years.";
    Analysis a = AnalyzeOk(t);
    const Entity* s = MentionAt(t, a, "Senate");
    REQUIRE(s != nullptr);
    CHECK(s->type == EntityType::kOrganization);
    const Entity* p = MentionAt(t, a, "Harry Reid");
    REQUIRE(p != nullptr);
    CHECK(p->type == EntityType::kPerson);
  }

  TEST_CASE("an office after a title with no name is no person; a name after the office is") {
    std::string t = "Deputy Secretary of State for Management and Resources Brian P. McKeon will "
                    "travel to Paris.\n\nASSISTANT SECRETARY FOR EUROPEAN AND EURASIAN AFFAIRS KAREN DONFRIED\n";
    Analysis a = AnalyzeOk(t);
    const Entity* p = MentionAt(t, a, "Brian P. McKeon");
    REQUIRE(p != nullptr);
    CHECK(p->type == EntityType::kPerson);
    CHECK(!PersonMentionContains(t, a, "Management"));
    CHECK(!PersonMentionContains(t, a, "EUROPEAN"));
    CHECK(!PersonMentionContains(t, a, "Resources"));
  }

  TEST_CASE("a headline verb after a full name is not part of it") {
    std::string t = "- Breitbart: Trump and Apple CEO Tim Cook Announce $600 Billion Total Investment\n";
    Analysis a = AnalyzeOk(t);
    const Entity* p = MentionAt(t, a, "Tim Cook");
    REQUIRE(p != nullptr);
    CHECK(p->type == EntityType::kPerson);
    CHECK(!PersonMentionContains(t, a, "Announce"));
  }

  TEST_CASE("time words, a lone suffix and a word written in lower case are no persons") {
    std::string t = "12:22 P.M. EDT\n\n- In June 2025, the agency met again. President Joseph R. Biden, Jr. "
                    "will travel to Rome.\n\nJOSEPH R. BIDEN JR.\nTHE WHITE HOUSE\n";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMentionContains(t, a, "EDT"));
    CHECK(!PersonMentionContains(t, a, "In"));
    CHECK(!PersonMentionContains(t, a, "June"));
    CHECK(MentionAt(t, a, "Jr.") == nullptr);
    const Entity* p = MentionAt(t, a, "JOSEPH R. BIDEN JR.");
    REQUIRE(p != nullptr);
    CHECK(p->type == EntityType::kPerson);
  }

  TEST_CASE("names of laws, events, awards and rooms are no persons; a family name as head is") {
    std::string t = "The President signed an Executive Order today. The sanctions follow Executive "
                    "Order 14033. Guests met in the Benjamin Franklin Room on Valentine's Day to mark "
                    "the Abraham Accords and the Treaty. Doris Day sang for them.";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMentionContains(t, a, "Executive"));
    CHECK(!PersonMentionContains(t, a, "Room"));
    CHECK(!PersonMentionContains(t, a, "Valentine"));
    CHECK(!PersonMentionContains(t, a, "Accords"));
    CHECK(!PersonMentionContains(t, a, "Treaty"));
    const Entity* d = MentionAt(t, a, "Doris Day");
    REQUIRE(d != nullptr);
    CHECK(d->type == EntityType::kPerson);
  }

  TEST_CASE("an organization after a title, or a possessive title, names no person") {
    std::string t = "Krista Anne Boyd, of Florida, to be Inspector General, Office of Personnel "
                    "Management. The President's Budget for Fiscal Year 2023 is out.";
    Analysis a = AnalyzeOk(t);
    CHECK(MentionAt(t, a, "Krista Anne Boyd") != nullptr);
    CHECK(!PersonMentionContains(t, a, "Office"));
    CHECK(!PersonMentionContains(t, a, "Budget"));
  }

  TEST_CASE("a noun for a group of people is no person") {
    std::string t = "We wish American Muslims, and Muslims around the world, a blessed holiday. "
                    "The Slavs and Jews of the city welcomed them.";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMentionContains(t, a, "Muslims"));
    CHECK(!PersonMentionContains(t, a, "Slavs"));
    CHECK(!PersonMentionContains(t, a, "Jews"));
  }
}
