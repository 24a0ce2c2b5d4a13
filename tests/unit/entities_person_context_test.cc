// Tagger persons judged by their context (lib/entities/person_filters.cc):
// "the Board", "FDA Commissioner", "Will he", phrases with "of" or "To".
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

using communique::Analysis;
using communique::Entity;
using communique::EntityType;
using communique::testing::AnalyzeOk;
using communique::testing::MentionAt;

namespace {

// Whether some person mention's text is exactly `text`.
bool PersonMention(std::string_view doc, const Analysis& a, std::string_view text) {
  return communique::testing::AnyMentionOf(doc, a, EntityType::kPerson,
                                           [text](std::string_view m) { return m == text; });
}

}  // namespace

TEST_SUITE("entities_person_context") {
  TEST_CASE("a one-word name right after 'the' is a person only when the document names that person") {
    std::string t = "Since its establishment in 2011, the Board has provided independent advice "
                    "to the Secretary. Why is the President going to the Hill today?";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMention(t, a, "Board"));
    CHECK(!PersonMention(t, a, "Hill"));
    std::string k = "Senator Mark Kelly spoke on Monday. Our deepest condolences go to the Kelly family.";
    Analysis b = AnalyzeOk(k);
    CHECK(PersonMention(k, b, "Kelly"));
  }

  TEST_CASE("an acronym before a title is an organization, not a person") {
    std::string t = "The delegation met ESPN President Jimmy Pitaro and the former FDA "
                    "Commissioner on Tuesday.";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMention(t, a, "ESPN"));
    CHECK(!PersonMention(t, a, "FDA"));
    const Entity* p = MentionAt(t, a, "Jimmy Pitaro");
    REQUIRE(p != nullptr);
    CHECK(p->type == EntityType::kPerson);
  }

  TEST_CASE("plural nouns for groups are no persons, names in -us or -is are") {
    std::string t = "Good afternoon, Muscovites. We, as Californians, are engaged. "
                    "Erasmus wrote to the bishop in 1516.";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMention(t, a, "Muscovites"));
    CHECK(!PersonMention(t, a, "Californians"));
  }

  TEST_CASE("a modal verb opening a question is no name") {
    std::string t = "Q    Will he go beyond Ukraine, sir? Will President Biden travel there?";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMention(t, a, "Will"));
  }

  TEST_CASE("spans with prepositions or capitalized function words are phrases, not names") {
    std::string t = "Brandon Wolf, Survivor of the Pulse Nightclub Mass Shooting, spoke. "
                    "Nominations Sent To The Senate. For more information contact the Bureau of "
                    "Political-Military Affairs.";
    Analysis a = AnalyzeOk(t);
    CHECK(PersonMention(t, a, "Brandon Wolf"));
    CHECK(!PersonMention(t, a, "Survivor of the Pulse Nightclub Mass Shooting"));
    CHECK(!PersonMention(t, a, "Nominations Sent To The Senate"));
  }

  TEST_CASE("two names joined by 'and' are two persons") {
    std::string t = "Khalid and Heather were murdered on the same day by a neighbor.";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMention(t, a, "Khalid and Heather"));
    CHECK(PersonMention(t, a, "Khalid"));
    CHECK(PersonMention(t, a, "Heather"));
  }

  TEST_CASE("an ALL-CAPS heading with a colon is no transcript speaker") {
    std::string t = "SUPPORTING AMERICAN FISHERMEN: The order builds on earlier work.\n\n"
                    "NOMINATIONS SENT TO THE SENATE:\n\nKendra Briggs, of Ohio, to be a Judge.\n\n"
                    "MR PRICE: Good afternoon, everybody.\n";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMention(t, a, "SUPPORTING AMERICAN FISHERMEN"));
    CHECK(!PersonMention(t, a, "NOMINATIONS SENT TO THE SENATE"));
    CHECK(PersonMention(t, a, "MR PRICE"));
  }
}

TEST_SUITE("entities_person_names") {
  TEST_CASE("hyphenated given names and particles stay in a titled name") {
    std::string t = "French Foreign Minister Jean-Yves Le Drian met Commission President Ursula von "
                    "der Leyen and President Luiz Inacio Lula da Silva. Le Drian said the talks went well.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Jean-Yves Le Drian", "Ursula von der Leyen", "Luiz Inacio Lula da Silva"}) {
      const Entity* p = MentionAt(t, a, name);
      REQUIRE_MESSAGE(p != nullptr, name);
      CHECK(p->type == EntityType::kPerson);
    }
    const Entity* later = MentionAt(t, a, "Le Drian", t.find("Le Drian said"));
    REQUIRE(later != nullptr);
    CHECK(later->name == "Jean-Yves Le Drian");
  }

  TEST_CASE("a title cut off a tagged name is the person's title") {
    std::string t = "The mayors met with Secretary of Labor Martin Walsh on Monday.";
    Analysis a = AnalyzeOk(t);
    const Entity* p = MentionAt(t, a, "Martin Walsh");
    REQUIRE(p != nullptr);
    CHECK(p->type == EntityType::kPerson);
    CHECK(p->title == "Secretary");
  }

  TEST_CASE("forms of address before a title are no person") {
    std::string t = "We send our deepest condolences to Her Majesty Queen Elizabeth II and to the family "
                    "of His Highness Sheikh Khalifa bin Zayed Al Nahyan.";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMention(t, a, "Her Majesty"));
    CHECK(!PersonMention(t, a, "His Highness"));
    const Entity* k = MentionAt(t, a, "Khalifa bin Zayed Al Nahyan");
    REQUIRE(k != nullptr);
    CHECK(k->type == EntityType::kPerson);
  }

  TEST_CASE("plural title abbreviations title both names") {
    std::string t = "Sens. Chris Coons and Lindsey Graham met the delegation on Tuesday.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Chris Coons", "Lindsey Graham"}) {
      const Entity* p = MentionAt(t, a, name);
      REQUIRE_MESSAGE(p != nullptr, name);
      CHECK(p->type == EntityType::kPerson);
      CHECK(p->title == "Senator");
    }
    CHECK(!PersonMention(t, a, "Sens"));
  }

  TEST_CASE("an organization after a title and 'of' is no person") {
    std::string t = "Christopher Hanson was designated Chair of the U.S. Nuclear Regulatory Commission "
                    "by the President in 2021.";
    Analysis a = AnalyzeOk(t);
    CHECK(!PersonMention(t, a, "Nuclear Regulatory Commission"));
    const Entity* o = MentionAt(t, a, "U.S. Nuclear Regulatory Commission");
    REQUIRE(o != nullptr);
    CHECK(o->type == EntityType::kOrganization);
  }
}
