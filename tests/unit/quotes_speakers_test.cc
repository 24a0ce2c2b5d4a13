// Quotes: speaker phrases (possessives, addressees, parentheticals, titles
// without a name, surnames), cue shapes ("As X said,", "..., X added.") and
// quotes that are not speech (so-called, titles, single words).
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

namespace communique {
namespace {

using testing::AnalyzeOk;

using testing::FindQuote;

using testing::SpeakerName;

TEST_SUITE("quotes_speakers") {
  TEST_CASE("the possessor of a message speaks, not its addressee") {
    std::string text =
        "Vladimir Putin sent greetings.\n\n"
        "Mr Putin\xE2\x80\x99s message to US President George Bush said: \"Our relations are a true partnership.\"\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "Our relations");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Vladimir Putin");
  }

  TEST_CASE("a message with only an addressee has no speaker") {
    std::string text =
        "The message to Chinese President Hu Jintao said: \"I am sure that all our agreements will be "
        "implemented.\"\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "I am sure");
    REQUIRE(q != nullptr);
    CHECK(q->speaker == -1);
  }

  TEST_CASE("'X, for his part, said that' keeps X as the subject") {
    std::string text =
        "Sergey Lavrov met the delegation in Moscow.\n\n"
        "Mr Lavrov, for his part, said that the talks had been useful and constructive.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "the talks had been");
    REQUIRE(q != nullptr);
    CHECK(q->kind == QuoteKind::kIndirect);
    CHECK(SpeakerName(a, *q) == "Sergey Lavrov");
    CHECK(FindQuote(text, a, "Mr Lavrov") == nullptr);
  }

  TEST_CASE("a title with no name is read as a role noun") {
    std::string text =
        "Vladimir Putin chaired the meeting.\n\n"
        "The Acting President said the government would meet in the near future to discuss energy.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "the government would meet");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Vladimir Putin");
  }

  TEST_CASE("a sentence-final 'X added' takes the clause before it, whatever its first word") {
    std::string text =
        "Vladimir Putin spoke to reporters.\n\n"
        "For Russia, the deepening of equal interaction with its partners is a practical matter, Mr Putin added.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "For Russia");
    REQUIRE(q != nullptr);
    CHECK(Slice(text, q->cue) == "added");
    CHECK(SpeakerName(a, *q) == "Vladimir Putin");
  }

  TEST_CASE("'As X said, CLAUSE' reports the clause") {
    std::string text = "As Sergey Lavrov said, the talks will resume in Geneva next month.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "the talks will resume");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Sergey Lavrov");
  }

  TEST_CASE("a cue form used as an adjective is no cue") {
    std::string text = "This contradicts Russia's claimed commitment to diplomacy and to the Minsk agreements.\n";
    Analysis a = AnalyzeOk(text);
    CHECK(a.quotes.empty());
  }

  TEST_CASE("'stressed the importance of' reports no clause") {
    std::string text = "Sergey Lavrov stressed the importance of dialogue between the two countries.\n";
    Analysis a = AnalyzeOk(text);
    CHECK(a.quotes.empty());
  }

  TEST_CASE("so-called, titles and single words in marks are not speech") {
    std::string text =
        "Sergey Lavrov said that the so-called \"reset\" had failed long ago.\n\n"
        "The theme of the summit, \"Building a Sustainable and Resilient Future\", was chosen in May.\n\n"
        "Women may leave home only when, quote, \"necessary,\" the decree reads.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* reset = FindQuote(text, a, "reset");
    REQUIRE(reset != nullptr);
    CHECK(reset->kind == QuoteKind::kScare);
    const Quote* theme = FindQuote(text, a, "Building");
    REQUIRE(theme != nullptr);
    CHECK(theme->kind == QuoteKind::kScare);
    const Quote* word = FindQuote(text, a, "necessary");
    REQUIRE(word != nullptr);
    CHECK(word->kind == QuoteKind::kScare);
    CHECK(word->speaker == -1);
  }

  TEST_CASE("'X, who said' takes X") {
    std::string text = "We remember Sergey Lavrov, who said, \"Diplomacy is the art of the possible.\"\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "Diplomacy");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Sergey Lavrov");
  }

  TEST_CASE("a role noun with a demonym names the person, not the country") {
    std::string text =
        "Vladimir Putin said the talks with the delegation had been useful.\n\n"
        "In conclusion, the Russian head of state said: \"I am confident that our cooperation will grow.\"\n\n"
        "\"We must win this race,\" said U.S. Secretary of Energy Chris Wright.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "I am confident");
    REQUIRE(q != nullptr);
    CHECK(SpeakerName(a, *q) == "Vladimir Putin");
    const Quote* w = FindQuote(text, a, "We must win");
    REQUIRE(w != nullptr);
    CHECK(SpeakerName(a, *w) != "United States");
  }
}

}  // namespace
}  // namespace communique
