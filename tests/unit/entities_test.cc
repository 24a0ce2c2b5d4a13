// The entities stage: countries, persons, organizations, locations and codes.
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

using communique::Analysis;
using communique::CivilDate;
using communique::DocumentInfo;
using communique::Entity;
using communique::EntityType;
using communique::MentionVia;
using communique::testing::AnalyzeOk;

namespace {

// The entity that has a mention with this exact text, or nullptr.
const Entity* ByMention(std::string_view text, const Analysis& a, std::string_view mention) {
  for (const Entity& e : a.entities)
    for (const auto& m : e.mentions)
      if (text.substr(m.span.begin, m.span.size()) == mention) return &e;
  return nullptr;
}

MentionVia ViaOf(std::string_view text, const Entity& e, std::string_view mention) {
  for (const auto& m : e.mentions)
    if (text.substr(m.span.begin, m.span.size()) == mention) return m.via;
  return MentionVia::kPronoun;
}

DocumentInfo Dated(int y, int m, int d) {
  DocumentInfo info;
  info.date = CivilDate{y, static_cast<uint8_t>(m), static_cast<uint8_t>(d)};
  return info;
}

}  // namespace

TEST_SUITE("entities") {
  TEST_CASE("country names, abbreviations and demonyms share one ISO code") {
    std::string t = "The U.S. and Britain met. The United States, the UK and the DPRK disagreed. "
                    "American officials and Emirati diplomats spoke with North Korea's envoy.";
    Analysis a = AnalyzeOk(t);
    const Entity* us = ByMention(t, a, "U.S.");
    REQUIRE(us != nullptr);
    CHECK(us->type == EntityType::kCountry);
    CHECK(us->code == "USA");
    CHECK(ByMention(t, a, "United States") == us);
    CHECK(ByMention(t, a, "American") == us);
    CHECK(ViaOf(t, *us, "American") == MentionVia::kDemonym);
    REQUIRE(ByMention(t, a, "Britain") != nullptr);
    CHECK(ByMention(t, a, "Britain")->code == "GBR");
    CHECK(ByMention(t, a, "UK") == ByMention(t, a, "Britain"));
    REQUIRE(ByMention(t, a, "DPRK") != nullptr);
    CHECK(ByMention(t, a, "DPRK")->code == "PRK");
    CHECK(ByMention(t, a, "North Korea") == ByMention(t, a, "DPRK"));  // possessive cut off
    REQUIRE(ByMention(t, a, "Emirati") != nullptr);
    CHECK(ByMention(t, a, "Emirati")->code == "ARE");
  }

  TEST_CASE("lower-case 'us' is not the United States") {
    std::string t = "He told us that the talks would go on.";
    Analysis a = AnalyzeOk(t);
    CHECK(ByMention(t, a, "us") == nullptr);
  }

  TEST_CASE("historic states get their former codes") {
    std::string t = "After the Soviet Union and Yugoslavia broke up, Czechoslovakia split too.";
    Analysis a = AnalyzeOk(t);
    REQUIRE(ByMention(t, a, "Soviet Union") != nullptr);
    CHECK(ByMention(t, a, "Soviet Union")->code == "SUN");
    REQUIRE(ByMention(t, a, "Yugoslavia") != nullptr);
    CHECK(ByMention(t, a, "Yugoslavia")->code == "YUG");
    REQUIRE(ByMention(t, a, "Czechoslovakia") != nullptr);
    CHECK(ByMention(t, a, "Czechoslovakia")->code == "CSK");
  }

  TEST_CASE("capitals and seats are metonymy unless used as a place") {
    std::string t = "Beijing rejected the claim. The delegation arrived in Beijing on Monday. "
                    "The Kremlin declined to comment.";
    Analysis a = AnalyzeOk(t);
    int metonymic = 0, places = 0;
    for (const Entity& e : a.entities) {
      if (e.name != "Beijing") continue;
      CHECK(e.type == EntityType::kLocation);
      CHECK(e.code == "CHN");
      (e.metonymy ? metonymic : places) += static_cast<int>(e.mentions.size());
    }
    CHECK(metonymic == 1);
    CHECK(places == 1);
    const Entity* kremlin = ByMention(t, a, "Kremlin");
    REQUIRE(kremlin != nullptr);
    CHECK(kremlin->metonymy);
    CHECK(kremlin->code == "RUS");
  }

  TEST_CASE("an envoy's title, nationality and host country") {
    std::string t = "Chinese Ambassador to the United Kingdom Zheng Zeguang said on Tuesday that "
                    "the talks went well. Zheng added that the ambassador would return. "
                    "The Chinese diplomat did not elaborate.";
    Analysis a = AnalyzeOk(t, Dated(2022, 3, 1));
    const Entity* p = ByMention(t, a, "Zheng Zeguang");
    REQUIRE(p != nullptr);
    CHECK(p->type == EntityType::kPerson);
    CHECK(p->title == "Ambassador");
    CHECK(p->affiliation == "CHN");
    CHECK(p->posted_to == "GBR");
    CHECK(ByMention(t, a, "Zheng") == p);
    CHECK(ViaOf(t, *p, "Zheng") == MentionVia::kSurname);
    CHECK(ByMention(t, a, "the ambassador") == p);
    CHECK(ViaOf(t, *p, "the ambassador") == MentionVia::kTitle);
    CHECK(ByMention(t, a, "Chinese diplomat") == nullptr);
    bool role = false;
    for (const auto& m : p->mentions) role = role || m.via == MentionVia::kRole;
    CHECK(role);
    // "Chinese" and "United Kingdom" are country mentions as well.
    REQUIRE(ByMention(t, a, "United Kingdom") != nullptr);
    CHECK(ByMention(t, a, "United Kingdom")->type == EntityType::kCountry);
  }

  TEST_CASE("title of country, comma, name") {
    std::string t = "The talks were opened by the president of the French Republic, Emmanuel Macron.";
    Analysis a = AnalyzeOk(t, Dated(2021, 5, 4));
    const Entity* p = ByMention(t, a, "Emmanuel Macron");
    REQUIRE(p != nullptr);
    CHECK(p->title == "President");
    CHECK(p->affiliation == "FRA");
  }

  TEST_CASE("known officials: spelling variants, surname alone, office by date") {
    std::string t = "Sergei Lavrov met his counterpart. Lavrov said later that nothing changed.";
    Analysis a = AnalyzeOk(t, Dated(2021, 6, 1));
    const Entity* p = ByMention(t, a, "Sergei Lavrov");
    REQUIRE(p != nullptr);
    CHECK(p->name == "Sergey Lavrov");
    CHECK(p->affiliation == "RUS");
    CHECK(p->title == "Foreign Minister");
    CHECK(ByMention(t, a, "Lavrov") == p);
  }

  TEST_CASE("modifiers before a title give the affiliation") {
    std::string t = "Kremlin spokesman Dmitry Peskov spoke first. Then Mr. Smith answered, and "
                    "Smith was brief.";
    Analysis a = AnalyzeOk(t);
    const Entity* p = ByMention(t, a, "Dmitry Peskov");
    REQUIRE(p != nullptr);
    CHECK(p->title == "Spokesperson");
    CHECK(p->affiliation == "RUS");
    const Entity* s = ByMention(t, a, "Smith");
    REQUIRE(s != nullptr);
    CHECK(s->type == EntityType::kPerson);
    CHECK(s->title.empty());
  }

  TEST_CASE("organizations get codes, ministries their country") {
    std::string t = "The Russian Foreign Ministry, the State Department and NATO issued "
                    "statements, Reuters reported. The Ministry of Foreign Affairs of China "
                    "and the EU followed.";
    Analysis a = AnalyzeOk(t);
    const Entity* mfa = ByMention(t, a, "Russian Foreign Ministry");
    REQUIRE(mfa != nullptr);
    CHECK(mfa->type == EntityType::kOrganization);
    CHECK(mfa->code == "GOV:RUS:MFA");
    CHECK(mfa->affiliation == "RUS");
    REQUIRE(ByMention(t, a, "State Department") != nullptr);
    CHECK(ByMention(t, a, "State Department")->code == "GOV:USA:MFA");
    REQUIRE(ByMention(t, a, "NATO") != nullptr);
    CHECK(ByMention(t, a, "NATO")->code == "IGO:NATO");
    REQUIRE(ByMention(t, a, "Reuters") != nullptr);
    CHECK(ByMention(t, a, "Reuters")->code == "MED:REUTERS");
    REQUIRE(ByMention(t, a, "Ministry of Foreign Affairs of China") != nullptr);
    CHECK(ByMention(t, a, "Ministry of Foreign Affairs of China")->code == "GOV:CHN:MFA");
    REQUIRE(ByMention(t, a, "EU") != nullptr);
    CHECK(ByMention(t, a, "EU")->code == "IGO:EU");
    // Russian is a country mention too.
    REQUIRE(ByMention(t, a, "Russian") != nullptr);
    CHECK(ByMention(t, a, "Russian")->code == "RUS");
  }

  TEST_CASE("entities sorted by first mention, ids are indices, mentions sorted") {
    std::string t = "France and Germany met. Germany hosted France again, and NATO watched.";
    Analysis a = AnalyzeOk(t);
    REQUIRE(a.entities.size() >= 3);
    for (size_t i = 0; i < a.entities.size(); ++i) {
      CHECK(a.entities[i].id == i);
      REQUIRE_FALSE(a.entities[i].mentions.empty());
      for (size_t k = 1; k < a.entities[i].mentions.size(); ++k)
        CHECK(a.entities[i].mentions[k - 1].span.begin < a.entities[i].mentions[k].span.begin);
      if (i > 0)
        CHECK(a.entities[i - 1].mentions[0].span.begin < a.entities[i].mentions[0].span.begin);
    }
    CHECK(a.entities[0].code == "FRA");
  }

  TEST_CASE("a document's entities do not depend on the document before it") {
    // The resolver keeps its word and hit arrays in the Session between
    // documents: a short document after a long one must see none of it.
    const std::string small = "Secretary of State Antony J. Blinken met the Minister of Foreign Affairs "
                              "of the Russian Federation in Geneva. The counties of Bexar, Travis and "
                              "Hays joined the United Nations Security Council talks.";
    auto summary = [](std::string_view text, const Analysis& a) {
      std::string out;
      for (const Entity& e : a.entities) {
        out.append(e.name).append("|").append(e.code).append("|");
        out.append(std::to_string(static_cast<int>(e.type))).append(":");
        for (const auto& m : e.mentions) out.append(" ").append(text.substr(m.span.begin, m.span.size()));
        out.append("\n");
      }
      return out;
    };
    const std::string before = summary(small, AnalyzeOk(small));
    std::string large;
    for (int i = 0; i < 400; ++i)
      large += "President Joe Biden told NATO allies in Brussels that the Ministry of Defense of Ukraine "
               "and Kharkiv Oblast officials would meet Chancellor Olaf Scholz. ";
    communique::Session session = communique::testing::DefaultAnalyzer()->NewSession();
    Analysis big;
    REQUIRE(session.Analyze(large, {}, &big).ok());
    // A phrase repeated further apart than the longest table phrase is found every time.
    const Entity* ukraine = ByMention(large, big, "Ukraine");
    REQUIRE(ukraine != nullptr);
    CHECK(ukraine->mentions.size() == 400);
    Analysis after;
    REQUIRE(session.Analyze(small, {}, &after).ok());
    CHECK(summary(small, after) == before);
    CHECK(before.find("Blinken") != std::string::npos);
  }

  TEST_CASE("table phrases are found at the very end of a text and of a sentence") {
    // FindHits skips a word when neither it alone nor it with the next word
    // starts a phrase: the last word has no next word.
    for (std::string t : {std::string("Talks were held in The Hague"), std::string("the United States"),
                          std::string("Russia"), std::string("He met the President of Russia"),
                          std::string("They went to the United States. Russia objected.")}) {
      Analysis a = AnalyzeOk(t);
      const bool hague = t.find("Hague") != std::string::npos;
      const bool us = t.find("United States") != std::string::npos;
      if (hague) CHECK(ByMention(t, a, "The Hague") != nullptr);
      if (us) CHECK(ByMention(t, a, "United States") != nullptr);
      if (t.find("Russia") != std::string::npos) CHECK(ByMention(t, a, "Russia") != nullptr);
    }
  }

  TEST_CASE("entities made out of text order still come out sorted, ids = indices") {
    // A list before its plural noun is resolved from its last member back
    // (Hays, Travis, Bexar); Finish must reorder them.
    const std::string t = "Bexar, Travis and Hays counties got aid. Later Hays and Travis counties voted.";
    Analysis a = AnalyzeOk(t);
    REQUIRE(ByMention(t, a, "Bexar") != nullptr);
    REQUIRE(ByMention(t, a, "Hays") != nullptr);
    CHECK(ByMention(t, a, "Bexar")->id < ByMention(t, a, "Hays")->id);
    for (size_t i = 0; i < a.entities.size(); ++i) {
      CHECK(a.entities[i].id == i);
      for (size_t k = 1; k < a.entities[i].mentions.size(); ++k)
        CHECK(a.entities[i].mentions[k - 1].span.begin < a.entities[i].mentions[k].span.begin);
      if (i > 0) CHECK(a.entities[i - 1].mentions[0].span.begin < a.entities[i].mentions[0].span.begin);
    }
  }

  TEST_CASE("odd input does not crash and yields nothing strange") {
    for (std::string t : {std::string(), std::string("-"), std::string("U.S"), std::string("Mr."),
                          std::string("Ambassador to the"), std::string("the the the , ,"),
                          std::string(300, 'A')}) {
      Analysis a = AnalyzeOk(t);
      for (const Entity& e : a.entities)
        for (const auto& m : e.mentions) CHECK(m.span.end <= t.size());
    }
  }
}
