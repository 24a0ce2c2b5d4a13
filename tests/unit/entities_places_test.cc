// The entities stage: locations (places, regions, natural features) and the
// capitalized words that are not places.
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

using communique::Analysis;
using communique::Entity;
using communique::EntityType;
using communique::testing::AnalyzeOk;
using communique::testing::MentionAt;

namespace {

bool AnyLocationNamed(const Analysis& a, std::string_view name) {
  for (const Entity& e : a.entities)
    if (e.type == EntityType::kLocation && e.name == name) return true;
  return false;
}

}  // namespace

TEST_SUITE("entities_places") {
  TEST_CASE("a country name with a possessive word matches whole, curly or straight") {
    std::string t = "The talks covered the People’s Republic of China, the Democratic People’s "
                    "Republic of Korea and the People's Republic of Bangladesh.";
    Analysis a = AnalyzeOk(t);
    const struct { const char* mention; const char* code; } want[] = {
        {"People’s Republic of China", "CHN"},
        {"Democratic People’s Republic of Korea", "PRK"},
        {"People's Republic of Bangladesh", "BGD"}};
    for (const auto& w : want) {
      const Entity* c = MentionAt(t, a, w.mention);
      REQUIRE_MESSAGE(c != nullptr, w.mention);
      CHECK(c->type == EntityType::kCountry);
      CHECK(c->code == w.code);
    }
    for (const Entity& e : a.entities) CHECK(e.type != EntityType::kLocation);
  }

  TEST_CASE("seas, straits, rivers and world regions are locations") {
    std::string t = "Tankers sailed from the East China Sea to the Red Sea, the Strait of Hormuz "
                    "and the Horn of Africa, past the Sahel, the Caribbean and the Mekong.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"East China Sea", "Red Sea", "Strait of Hormuz", "Horn of Africa",
                                  "Sahel", "Caribbean", "Mekong"}) {
      const Entity* l = MentionAt(t, a, name);
      REQUIRE_MESSAGE(l != nullptr, name);
      CHECK(l->type == EntityType::kLocation);
    }
  }

  TEST_CASE("a head word alone, an adjective before a name, a possessed noun are no places") {
    std::string t =
        "Forced labor was described in the Department’s report. For information, please "
        "contact the Bureau of Educational and Cultural Affairs. The Council met in Geneva. "
        "They honoured the defenders of our Motherland. Our Fatherland was far. Growth in Digital Assets was slow. "
        "The Federal Coordinating Officer arrived, and federal funds followed. Ministers "
        "attended the OSCE Ministerial Council in Stockholm.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view word : {"Department", "Bureau", "Council", "Motherland", "Fatherland", "Digital Assets",
                                  "Federal", "Ministerial Council"})
      CHECK_MESSAGE(!AnyLocationNamed(a, word), word);
    const Entity* g = MentionAt(t, a, "Geneva");
    REQUIRE(g != nullptr);
    CHECK(g->type == EntityType::kLocation);
  }
}

TEST_SUITE("entities_places_commas") {
  TEST_CASE("a city and its country after a comma are two mentions; Washington, D.C. is one place") {
    std::string t = "WASHINGTON, D.C. – The minister arrived in Washington D.C. on Monday. He "
                    "will visit Frankfurt, Germany, and Paris, France, next week. D.C. officials agreed.";
    Analysis a = AnalyzeOk(t);
    const Entity* w = MentionAt(t, a, "WASHINGTON, D.C.");
    REQUIRE(w != nullptr);
    CHECK(w->type == EntityType::kLocation);
    CHECK_FALSE(w->metonymy);
    CHECK(MentionAt(t, a, "Washington D.C.") == w);
    for (std::string_view name : {"Paris", "Frankfurt"}) {
      const Entity* p = MentionAt(t, a, name);
      REQUIRE_MESSAGE(p != nullptr, name);
      CHECK(p->type == EntityType::kLocation);
    }
    const Entity* f = MentionAt(t, a, "France");
    REQUIRE(f != nullptr);
    CHECK(f->code == "FRA");
    const Entity* dc = MentionAt(t, a, "D.C.", t.find("D.C. officials"));
    REQUIRE(dc != nullptr);
    CHECK(dc->type == EntityType::kLocation);
  }
}

TEST_SUITE("entities_places_given_names") {
  TEST_CASE("US states and large cities that are also given names are places; names stay persons") {
    std::string t = "Flooding hit Maryland and Nevada, and officials in Houston and Virginia "
                    "prepared shelters. Representative Virginia Foxx said aid would follow.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Maryland", "Nevada", "Houston"}) {
      const Entity* l = MentionAt(t, a, name);
      REQUIRE_MESSAGE(l != nullptr, name);
      CHECK(l->type == EntityType::kLocation);
    }
    const Entity* v = MentionAt(t, a, "Virginia", t.find("Virginia prepared") - 1);
    REQUIRE(v != nullptr);
    CHECK(v->type == EntityType::kLocation);
    const Entity* p = MentionAt(t, a, "Virginia Foxx");
    REQUIRE(p != nullptr);
    CHECK(p->type == EntityType::kPerson);
  }
}

TEST_SUITE("entities_places_admin") {
  TEST_CASE("oblasts, governorates, counties are one place; 'the city of X' makes X a place") {
    std::string t = "Shelling hit Kharkiv Oblast. Aid reached Idlib Governorate and Fukushima "
                    "Prefecture. Residents of Pottawatomie County left. He was born in the city of "
                    "Palmyra and grew up in the village of Vysne Nemecke.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Kharkiv Oblast", "Idlib Governorate", "Fukushima Prefecture",
                                  "Pottawatomie County", "Palmyra", "Vysne Nemecke"}) {
      const Entity* l = MentionAt(t, a, name);
      REQUIRE_MESSAGE(l != nullptr, name);
      CHECK(l->type == EntityType::kLocation);
    }
    // No second mention of the city inside the oblast's name.
    CHECK(MentionAt(t, a, "Kharkiv") == nullptr);
  }
}

TEST_SUITE("entities_place_lists") {
  TEST_CASE("members of a list after a plural division noun are locations") {
    std::string t =
        "Federal funding is available to individuals in the counties of Boone, Cape May, Clay, "
        "Jefferson Davis, and Wayne. Aid also goes to the parishes of Caddo and East Baton Rouge, "
        "and to provinces Bac Lieu and Ca Mau.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Boone", "Cape May", "Clay", "Jefferson Davis", "Wayne", "Caddo",
                                  "East Baton Rouge", "Bac Lieu", "Ca Mau"}) {
      const Entity* l = MentionAt(t, a, name);
      REQUIRE_MESSAGE(l != nullptr, name);
      CHECK_MESSAGE(l->type == EntityType::kLocation, name);
    }
  }

  TEST_CASE("a list before counties needs and; adjectives and a country owner are no members") {
    std::string t = "Flooding hit Bexar, Hays and Travis counties. Democratic and Republican counties "
                    "voted. The regions of Ukraine and the cities of America were named.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Bexar", "Hays", "Travis"}) {
      const Entity* l = MentionAt(t, a, name);
      REQUIRE_MESSAGE(l != nullptr, name);
      CHECK_MESSAGE(l->type == EntityType::kLocation, name);
    }
    CHECK_FALSE(AnyLocationNamed(a, "Democratic"));
    CHECK_FALSE(AnyLocationNamed(a, "Republican"));
    const Entity* ukraine = MentionAt(t, a, "Ukraine");
    REQUIRE(ukraine != nullptr);
    CHECK(ukraine->type == EntityType::kCountry);
  }

  TEST_CASE("a list noun starts a list as the first or last word, and after a table name") {
    // FindHits notes the list nouns for PlaceLists: words it skips, visits
    // after a name, or takes inside a phrase must all be seen.
    for (std::string t : {std::string("counties of Boone, Clay and Wayne got aid."),
                          std::string("Aid went to Texas counties of Boone, Clay and Wayne."),
                          std::string("Aid went to Boone, Clay and Wayne counties")}) {
      Analysis a = AnalyzeOk(t);
      for (std::string_view name : {"Boone", "Clay", "Wayne"}) {
        const Entity* l = MentionAt(t, a, name);
        REQUIRE_MESSAGE(l != nullptr, t, " / ", name);
        CHECK_MESSAGE(l->type == EntityType::kLocation, t, " / ", name);
      }
    }
  }

  TEST_CASE("after like, including or such as, members must be known places or towns") {
    std::string t = "Shelling hit cities such as Kramatorsk, Sloviansk and Odesa. "
                    "Communities like Black and Latino neighborhoods got help.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Kramatorsk", "Sloviansk", "Odesa"}) {
      const Entity* l = MentionAt(t, a, name);
      REQUIRE_MESSAGE(l != nullptr, name);
      CHECK_MESSAGE(l->type == EntityType::kLocation, name);
    }
    CHECK_FALSE(AnyLocationNamed(a, "Black"));
    CHECK_FALSE(AnyLocationNamed(a, "Latino"));
  }

  TEST_CASE("a demonym before County is the county's name") {
    std::string t = "Storms struck Cherokee County and Canadian County overnight.";
    Analysis a = AnalyzeOk(t);
    const Entity* l = MentionAt(t, a, "Canadian County");
    REQUIRE(l != nullptr);
    CHECK(l->type == EntityType::kLocation);
    for (const Entity& e : a.entities) CHECK(e.type != EntityType::kCountry);
  }
}

TEST_SUITE("entities_towns") {
  TEST_CASE("a small town is a place after in/near, before a state, between the and area") {
    std::string t = "Crews worked in Pearland overnight. Flooding reached Uvalde, Texas, and the "
                    "Stephenville area. Shelling hit villages near Bucha, Mariupol and Irpin.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Pearland", "Uvalde", "Stephenville", "Bucha", "Mariupol", "Irpin"}) {
      const Entity* l = MentionAt(t, a, name);
      REQUIRE_MESSAGE(l != nullptr, name);
      CHECK_MESSAGE(l->type == EntityType::kLocation, name);
    }
    const Entity* town = MentionAt(t, a, "Uvalde");
    REQUIRE(town != nullptr);
    CHECK(town->code == "USA");
  }

  TEST_CASE("press spellings of cities and seats, and press regions, are places") {
    std::string t = "Fighting continued near Zaporizhzhia and in Marib, and violence rose in Darfur.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Zaporizhzhia", "Marib", "Darfur"}) {
      const Entity* l = MentionAt(t, a, name);
      REQUIRE_MESSAGE(l != nullptr, name);
      CHECK_MESSAGE(l->type == EntityType::kLocation, name);
    }
  }

  TEST_CASE("a town that is a given name needs a strong context") {
    std::string t = "A letter from Kyle arrived. Volunteers gathered in Kyle on Sunday.";
    Analysis a = AnalyzeOk(t);
    const Entity* sender = MentionAt(t, a, "Kyle");
    if (sender != nullptr) CHECK(sender->type != EntityType::kLocation);
    bool place = false;
    for (const Entity& e : a.entities)
      if (e.type == EntityType::kLocation && e.name == "Kyle") place = true;
    CHECK(place);
  }

  TEST_CASE("dateline places and a capital before a division head") {
    std::string t = "SEVEROMORSK, June 5 (TASS) — Officials of the Moscow Region met in Kyiv Oblast.";
    Analysis a = AnalyzeOk(t);
    const Entity* d = MentionAt(t, a, "SEVEROMORSK");
    REQUIRE(d != nullptr);
    CHECK(d->type == EntityType::kLocation);
    for (std::string_view name : {"Moscow Region", "Kyiv Oblast"}) {
      const Entity* l = MentionAt(t, a, name);
      REQUIRE_MESSAGE(l != nullptr, name);
      CHECK_MESSAGE(l->type == EntityType::kLocation, name);
      CHECK_FALSE(l->metonymy);
    }
  }
}

TEST_SUITE("entities_place_spellings") {
  TEST_CASE("Hawai'i in its spellings is a place") {
    std::string t = "Officials of Hawai’i and Hawaiʻi met.";
    Analysis a = AnalyzeOk(t);
    for (std::string_view name : {"Hawai’i", "Hawaiʻi"}) {
      const Entity* l = MentionAt(t, a, name);
      REQUIRE_MESSAGE(l != nullptr, name);
      CHECK_MESSAGE(l->type == EntityType::kLocation, name);
      CHECK(l->code == "USA");
    }
  }
}

TEST_SUITE("entities_sentence_start_places") {
  TEST_CASE("a one-word table place starts a sentence unless it is a common word or a name") {
    std::string t = "Kharkiv was shelled overnight. Reading is fun. Texas sued.";
    Analysis a = AnalyzeOk(t);
    const Entity* k = MentionAt(t, a, "Kharkiv");
    REQUIRE(k != nullptr);
    CHECK(k->type == EntityType::kLocation);
    CHECK(k->code == "UKR");
    CHECK_FALSE(AnyLocationNamed(a, "Reading"));
  }
}
