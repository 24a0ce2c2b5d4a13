// The statistical name tagger behind the entities stage (lib/entities/tagger.cc).
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

using namespace communique;
using communique::testing::AnalyzeOk;

namespace {

bool HasEntity(const Analysis& a, EntityType type, std::string_view name) {
  for (const Entity& e : a.entities)
    if (e.type == type && e.name == name) return true;
  return false;
}

}  // namespace

TEST_SUITE("ner") {

TEST_CASE("an unlisted full name in running text is a person") {
  const std::string text =
      "The report was written by Marguerite Okonkwo, who spent two years on it.";
  Analysis a = AnalyzeOk(text);
  CHECK(HasEntity(a, EntityType::kPerson, "Marguerite Okonkwo"));
}

TEST_CASE("lower-case prose gives no tagger names") {
  const std::string text = "the meeting ended early and everyone went home after lunch.";
  Analysis a = AnalyzeOk(text);
  CHECK(a.entities.empty());
}

TEST_CASE("tagger names never overlap mentions of other entities") {
  const std::string text =
      "Russian Foreign Minister Sergei Lavrov met Jonathan Whitcombe of the Harlow Institute "
      "in Geneva on Monday, and Whitcombe later flew to Bratislava.";
  Analysis a = AnalyzeOk(text);
  REQUIRE_FALSE(a.entities.empty());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    CHECK(a.entities[i].id == i);
    for (size_t j = i + 1; j < a.entities.size(); ++j)
      for (const Mention& m : a.entities[i].mentions)
        for (const Mention& n : a.entities[j].mentions)
          CHECK_FALSE((m.span.begin < n.span.end && n.span.begin < m.span.end));
  }
}

TEST_CASE("a bare title or a transcript note is no entity") {
  const std::string text =
      "Thank you, Mr. Prime Minister. (Laughter.) The President said the talks would go on.";
  Analysis a = AnalyzeOk(text);
  for (const Entity& e : a.entities) {
    CHECK(e.name != "President");
    CHECK(e.name != "Mr. Prime Minister");
    CHECK(e.name != "Laughter");
  }
}

TEST_CASE("a later Ms./Mr. + surname joins the tagged full name") {
  const std::string text =
      "The report was written by Marguerite Okonkwo, who spent two years on it. "
      "Ms. Okonkwo said the work was worth it, and Okonkwo thanked her staff.";
  Analysis a = AnalyzeOk(text);
  int persons = 0;
  for (const Entity& e : a.entities) {
    if (e.type != EntityType::kPerson) continue;
    ++persons;
    CHECK(e.name == "Marguerite Okonkwo");
    CHECK(e.mentions.size() == 3);
  }
  CHECK(persons == 1);
  for (size_t i = 0; i < a.entities.size(); ++i) CHECK(a.entities[i].id == i);
}

}  // TEST_SUITE
