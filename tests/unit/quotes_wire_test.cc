// Quotes: wire-style attribution. "he" is the subject of the nearest sentence
// naming a person (not just the last speaker), role nouns ("the President")
// prefer that subject to the last person with the title, title chains after
// "said", names after a title that no entity covers, "it" only for a body
// that just spoke, and continuation quotes.
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

namespace communique {
namespace {

using testing::AnalyzeOk;
using testing::FindQuote;

using testing::SpeakerName;

TEST_SUITE("quotes_wire") {
  TEST_CASE("'he' is the subject of the last sentence naming a person, not the last speaker") {
    std::string text =
        "The meeting was attended by Railways Minister Nikolai Aksyonenko. He stressed that the trains were "
        "old and needed repairs.\n\n"
        "Travelling back to Moscow, Vladimir Putin talked with journalists. \"They should be afraid, not us,\" "
        "he said.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "They should be afraid");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Vladimir Putin");
  }

  TEST_CASE("a sentence opening with 'he' passes the reference back to its own antecedent") {
    std::string text =
        "Vladimir Putin met journalists in the Kremlin. He thanked Boris Gromov for the invitation.\n\n"
        "\"We have more common views than differences,\" he said.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "We have more common views");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Vladimir Putin");
  }

  TEST_CASE("'the President' after a message to another president is the sender") {
    std::string text =
        "Vladimir Putin sent a message of greetings to French President Emmanuel Macron on Bastille Day.\n\n"
        "\"Cooperation between Moscow and Paris has always played a significant role,\" the President noted "
        "in his message.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "Cooperation between");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Vladimir Putin");
  }

  TEST_CASE("a title chain after 'said' reaches the name, and the next quote continues it") {
    std::string text =
        "\"This commitment demonstrates the strength of our relationship,\" said Assistant Secretary of State "
        "for International Security and Nonproliferation Eliot Kang. \"It also underscores the need for "
        "nuclear energy.\"\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "This commitment");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Eliot Kang");
    const Quote* next = FindQuote(text, a, "It also underscores");
    REQUIRE(next != nullptr);
    CHECK(SpeakerName(a, *next) == "Eliot Kang");
  }

  TEST_CASE("a portfolio's last words are no name") {
    std::string text = "\"We will respond,\" said the Minister of Foreign Affairs.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "We will respond");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) != "Foreign Affairs");
  }

  TEST_CASE("'It says:' after a country is no speech of that country") {
    std::string text =
        "The Soviet Union protested. A record of the conversation was kept in Warsaw. It says: \"Mr Beck "
        "expressed real gratitude for the loyal treatment of Polish interests.\"\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "Mr Beck expressed");
    REQUIRE(q != nullptr);
    CHECK(q->speaker == -1);
  }

  TEST_CASE("an unnamed traveler is anonymous, not the senator named after") {
    std::string text =
        "- \"I am so frustrated,\" said a traveler at the airport in Georgia, where Sen. Jon Ossoff has voted "
        "14 times to extend the shutdown.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "I am so frustrated");
    REQUIRE(q != nullptr);
    CHECK(q->speaker == -1);
    CHECK(q->anonymous);
  }

  TEST_CASE("an apposition after the name leaves the name as the speaker") {
    std::string text = "\"We are ready for this,\" John Smith, the agency\xE2\x80\x99s director, told reporters.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "We are ready");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "John Smith");
  }

  TEST_CASE("a short quoted sentence after an attributed quote is speech, a short phrase is not") {
    std::string text =
        "\"It is a good deal for all,\" said John Smith, a spokesman for the ministry. \"We welcome it.\" "
        "He called the plan \"necessary,\" and left.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "We welcome it");
    REQUIRE(q != nullptr);
    CHECK(q->kind == QuoteKind::kDirect);
    CHECK(SpeakerName(a, *q) == "John Smith");
    const Quote* n = FindQuote(text, a, "necessary");
    CHECK((n == nullptr || n->kind != QuoteKind::kDirect));
  }

  TEST_CASE("an outlet's headline line is no transcript turn for the quote under it") {
    std::string text =
        "Local outlets reported on the launch.\n\n"
        "Arizona PBS: Climate tool brings the bad news\n"
        "\"We are spending tens of millions of dollars on climate resilience,\" [Phoenix Mayor Kate] Gallego said.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "We are spending");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q).find("PBS") == std::string::npos);
    CHECK(SpeakerName(a, *q).find("Pbs") == std::string::npos);
  }

  TEST_CASE("a role noun opening the previous sentence is its subject, not a name in an opening phrase") {
    std::string text =
        "During President Putin's call-in show, Oleg Kozlov described his difficulties. The President "
        "promised to settle the matter within a week.\n\n"
        "\"It is troubling to hear that you still have not been given citizenship,\" he said.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "It is troubling");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Vladimir Putin");
  }

  TEST_CASE("'X, the director of the agency, said ...' has X as subject and the clause after as speech") {
    std::string text = "Mr. Smith, the director of the agency, said the plan was sound and would be kept.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "the plan was sound");
    REQUIRE(q != nullptr);
    CHECK(q->kind == QuoteKind::kIndirect);
    CHECK(SpeakerName(a, *q).find("Smith") != std::string::npos);
    CHECK(FindQuote(text, a, "Mr. Smith") == nullptr);
  }

  TEST_CASE("the subject of a passive cue ('was asked') is the addressee, not the speaker") {
    std::string text =
        "Alexei Kosygin, the Prime Minister, was asked once, \"How much does the supersonic plane cost?\"\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "How much does");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) != "Alexei Kosygin");
  }

  TEST_CASE("'X described his call: \"...\"' gives X; a colon after no person gives no speaker") {
    std::string text =
        "- President Donald Trump described his call with Vladimir Putin: \"I told him that we are going to set "
        "up a meeting soon.\"\n\n"
        "Here is what you missed: \"The meeting will take place in a few weeks, and we will see.\"\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "I told him");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Donald Trump");
    const Quote* r = FindQuote(text, a, "The meeting will");
    REQUIRE(r != nullptr);
    CHECK(r->speaker == -1);
  }

  TEST_CASE("a cue-less quote after a speech verb in its paragraph is that speaker's") {
    std::string text =
        "Michael Kratsios spoke at the summit. He also called for rejecting global governance of AI. \"We "
        "believe AI adoption cannot lead to a brighter future under bureaucracies.\"\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "We believe");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Michael Kratsios");
  }

  TEST_CASE("a byline after a dash closing its line is the speaker") {
    std::string text =
        "\"Today's decision restores the proper role of the courts.\" \xE2\x80\x94 White House Counsel David "
        "Warrington\n\nNo longer can a single judge block the law.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "Today's decision");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q).find("Warrington") != std::string::npos);
  }

  TEST_CASE("'The message said' is the writer's of the sentence that sent it, not the last speaker's") {
    std::string text =
        "The Mufti told the President about the construction of new mosques.\n\n"
        "In his message to the Muslims of Russia, Vladimir Putin said, in part:\n\n"
        "\"The development of inter-religious dialogue is an important task for all of us.\"\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "The development");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Vladimir Putin");
  }

  TEST_CASE("a speaker known by a surname takes the full name written earlier, not a common word before it") {
    std::string text =
        "The ministers of Israel and the UAE met. Israeli Minister of Intelligence Elazar Stern represented "
        "his government.\n\n"
        "\"Tolerance and coexistence are the paths to peace,\" Minister Stern added.\n\n"
        "Every morning the talks went on. Morning Mika said it was late.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "Tolerance and");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Elazar Stern");
    const Quote* m = FindQuote(text, a, "it was late");
    if (m != nullptr) CHECK(SpeakerName(a, *m) != "Morning Mika");
  }
}

}  // namespace
}  // namespace communique
