// Quotes: mark pairing, repair, kinds, cues, speakers, transcript turns.
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

namespace communique {
namespace {

using testing::AnalyzeOk;

using testing::FindQuote;

Analysis AnalyzeWithout(std::string_view text, bool entities) {
  Options o;
  o.entities = entities;
  auto az = Analyzer::Create(o);
  REQUIRE(az.ok());
  auto r = az.value()->Analyze(text, {});
  REQUIRE(r.ok());
  return std::move(r).value();
}

TEST_SUITE("quotes") {
  TEST_CASE("a lost opening mark is repaired from the paragraph start when a cue follows") {
    std::string text =
        "The minister spoke on Monday.\n\n"
        "Talks went well, and we expect more rounds soon,\" he said. \"Next steps will follow.\"\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "Talks went well");
    REQUIRE(q != nullptr);
    CHECK(q->repaired);
    CHECK(q->kind == QuoteKind::kDirect);
    CHECK(Slice(text, q->cue) == "said");
    CHECK(Slice(text, q->speaker_mention) == "he");
    const Quote* next = FindQuote(text, a, "Next steps");
    REQUIRE(next != nullptr);
    CHECK_FALSE(next->repaired);
    CHECK(Slice(text, next->cue) == "said");  // continues the paragraph's speaker
  }

  TEST_CASE("a closing mark that is the document's last token is paired") {
    // 11 tokens: the marks are found four tokens at a time, the last three alone.
    std::string text = "Lavrov said: \"We are ready for talks.\"";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "We are ready");
    REQUIRE(q != nullptr);
    CHECK_FALSE(q->repaired);
    CHECK(Slice(text, q->span) == "We are ready for talks.");
    CHECK(a.diagnostics.empty());
  }

  TEST_CASE("a stray closing mark with no cue is not a quote") {
    std::string text = "The talks went well and more rounds are planned soon,\" the report ends.\n";
    Analysis a = AnalyzeOk(text);
    CHECK(a.quotes.empty());
    CHECK_FALSE(a.diagnostics.empty());
  }

  TEST_CASE("wire style: a quote continues into the next paragraph's opening mark") {
    std::string text =
        "Lavrov said: \"We are ready for talks.\n\n"
        "\"We will not accept ultimatums,\" he added.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* q = FindQuote(text, a, "We are ready");
    REQUIRE(q != nullptr);
    CHECK(Slice(text, q->span).find("ultimatums") != std::string_view::npos);
    CHECK(Slice(text, q->cue) == "added");
  }

  TEST_CASE("scare quotes, partial quotes and curly or angle marks") {
    std::string text =
        "The so-called \xE2\x80\x9Creset\xE2\x80\x9D failed. "
        "He noted that media reports about \xC2\xAB" "attacks which are allegedly carried out from abroad\xC2\xBB appear daily.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* scare = FindQuote(text, a, "reset");
    REQUIRE(scare != nullptr);
    CHECK(scare->kind == QuoteKind::kScare);
    const Quote* partial = FindQuote(text, a, "attacks which");
    REQUIRE(partial != nullptr);
    CHECK(partial->kind == QuoteKind::kPartial);
    CHECK(partial->cue_lemma == "note");
    CHECK(FindQuote(text, a, "media reports") == nullptr);  // the clause is represented by the partial
  }

  TEST_CASE("reported speech: that-clauses, inverted cues, according to, adding that") {
    std::string text =
        "The minister said that the talks would resume next month. "
        "Russia is ready for a dialogue on all issues, the ambassador said in an interview. "
        "According to the ministry, the embassy received many requests last year. "
        "\"We are open,\" he said, adding that both sides suffer from crime.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* that = FindQuote(text, a, "the talks would resume");
    REQUIRE(that != nullptr);
    CHECK(that->kind == QuoteKind::kIndirect);
    CHECK(Slice(text, that->span) == "the talks would resume next month");
    const Quote* inverted = FindQuote(text, a, "Russia is ready");
    REQUIRE(inverted != nullptr);
    CHECK(Slice(text, inverted->span) == "Russia is ready for a dialogue on all issues");
    const Quote* according = FindQuote(text, a, "the embassy received");
    REQUIRE(according != nullptr);
    CHECK(according->kind == QuoteKind::kAccordingTo);
    CHECK(according->cue_lemma == "according to");
    const Quote* adding = FindQuote(text, a, "both sides suffer");
    REQUIRE(adding != nullptr);
    CHECK(adding->cue_lemma == "add");
    CHECK(Slice(text, adding->speaker_mention) == "he");
  }

  TEST_CASE("an adverbial clause before the subject is not reported speech") {
    std::string text = "As he was greeting the guest, Mr Smith told him about the warm response.\n";
    Analysis a = AnalyzeOk(text);
    CHECK(FindQuote(text, a, "As he was") == nullptr);
  }

  TEST_CASE("speakers: named, inverted, anonymous, pronoun linked to the entity") {
    std::string text =
        "Russian Foreign Minister Sergey Lavrov met the press in Moscow.\n\n"
        "\"We are ready,\" said Sergey Lavrov. \"We want results,\" he stressed.\n\n"
        "\"Nothing is agreed,\" a senior official said.\n";
    Analysis a = AnalyzeOk(text);
    const Quote* ready = FindQuote(text, a, "We are ready");
    REQUIRE(ready != nullptr);
    CHECK(Slice(text, ready->cue) == "said");
    CHECK(Slice(text, ready->speaker_mention).find("Lavrov") != std::string_view::npos);
    const Quote* results = FindQuote(text, a, "We want results");
    REQUIRE(results != nullptr);
    CHECK(Slice(text, results->speaker_mention) == "he");
    if (ready->speaker >= 0) {  // with entity records: the pronoun is linked
      CHECK(results->speaker == ready->speaker);
      bool linked = false;
      for (const Mention& m : a.entities[static_cast<size_t>(ready->speaker)].mentions)
        linked = linked || (m.span == results->speaker_mention);
      CHECK(linked);
    }
    const Quote* anon = FindQuote(text, a, "Nothing is agreed");
    REQUIRE(anon != nullptr);
    CHECK(anon->anonymous);
    CHECK(anon->speaker == -1);
  }

  TEST_CASE("without entity records a quote keeps its speaker mention") {
    std::string text = "\"We are ready,\" Lavrov said.\n";
    Analysis a = AnalyzeWithout(text, false);
    REQUIRE(a.quotes.size() == 1);
    CHECK(a.quotes[0].speaker == -1);
    CHECK(Slice(text, a.quotes[0].speaker_mention) == "Lavrov");
  }

  TEST_CASE("transcript turns: a role label is an unnamed speaker, no person") {
    std::string text =
        "MODERATOR: Let us go to the first question.\n\n"
        "QUESTION: Is the plan ready?\n\n"
        "SENIOR STATE DEPARTMENT OFFICIAL ONE: It is ready, and we will publish it soon.\n\n"
        "MR KING: I agree with that.\n";
    Analysis a = AnalyzeOk(text);
    int roles = 0, named = 0;
    for (const Quote& q : a.quotes) {
      if (q.cue_lemma != "turn") continue;
      const std::string_view label = Slice(text, q.speaker_mention);
      if (label == "MR KING") {
        ++named;
        REQUIRE(q.speaker >= 0);
        CHECK(a.entities[static_cast<size_t>(q.speaker)].type == EntityType::kPerson);
        CHECK_FALSE(q.anonymous);
      } else {
        ++roles;
        CHECK(q.speaker == -1);
        CHECK(q.anonymous);
      }
    }
    CHECK(roles == 2);
    CHECK(named == 1);
    for (const Entity& e : a.entities) {
      CHECK(e.name.find("Moderator") == std::string::npos);
      CHECK(e.name.find("Official") == std::string::npos);
    }
  }

  TEST_CASE("transcript turns: the label's speaker says everything in the turn") {
    std::string text =
        "MR PRICE: We have sent 35 diplomats there this year.\n\n"
        "QUESTION: Why so many?\n\n"
        "MR PRICE: Because the work demands it.\n";
    Analysis a = AnalyzeWithout(text, false);
    int turns = 0;
    int32_t speaker = -1;
    for (const Quote& q : a.quotes) {
      if (q.cue_lemma != "turn") continue;
      ++turns;
      CHECK(q.speaker >= 0);
      if (speaker >= 0) CHECK(q.speaker == speaker);  // one entity for both turns
      speaker = q.speaker;
      CHECK(Slice(text, q.span).find("Why") == std::string_view::npos);
    }
    CHECK(turns == 2);
    REQUIRE(speaker >= 0);
    CHECK(a.entities[static_cast<size_t>(speaker)].type == EntityType::kPerson);
    CHECK(a.entities[static_cast<size_t>(speaker)].id == static_cast<uint32_t>(speaker));
  }

  TEST_CASE("quotes are sorted and inside the text") {
    std::string text =
        "\"One,\" he said. \"Two.\" She added: \"Three\xE2\x80\x9D. According to them, four things happened.\n\n"
        "\"Unclosed mark here\n\nand \"odd\" marks\" everywhere\"\n";
    Analysis a = AnalyzeOk(text);
    for (size_t k = 0; k < a.quotes.size(); ++k) {
      CHECK(a.quotes[k].span.end <= text.size());
      CHECK(a.quotes[k].span.begin < a.quotes[k].span.end);
      if (k) CHECK(a.quotes[k - 1].span.begin <= a.quotes[k].span.begin);
    }
  }
}

}  // namespace
}  // namespace communique
