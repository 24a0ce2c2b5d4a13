// Paragraphs, sentences, transcript turns and the document header.
#include <doctest/doctest.h>

#include "test_util.h"

using communique::CivilDate;
using communique::DateSource;
using communique::Slice;
using communique::testing::AnalyzeOk;
using communique::testing::SentenceTexts;
using Strings = std::vector<std::string>;

TEST_SUITE("sentences") {
  TEST_CASE("abbreviations do not end sentences before names, numbers or lower case") {
    std::string t = "Mr. Lavrov spoke to the U.S. side. He met Gen. Smith on Sept. 25 in St. Petersburg.";
    auto a = AnalyzeOk(t);
    CHECK(SentenceTexts(t, a) ==
          Strings{"Mr. Lavrov spoke to the U.S. side.", "He met Gen. Smith on Sept. 25 in St. Petersburg."});
  }

  TEST_CASE("an abbreviation ends a sentence before a sentence starter") {
    std::string t = "The talks were held in the U.S. The next round is in Geneva.";
    auto a = AnalyzeOk(t);
    CHECK(SentenceTexts(t, a) == Strings{"The talks were held in the U.S.", "The next round is in Geneva."});
  }

  TEST_CASE("quotes closing after the period stay with their sentence") {
    std::string t = "\"It is broader,\" he said. \"I hope so.\" She left? Yes! \xE2\x80\x9CNo.\xE2\x80\x9D Done.";
    auto a = AnalyzeOk(t);
    CHECK(SentenceTexts(t, a) == Strings{"\"It is broader,\" he said.", "\"I hope so.\"", "She left?", "Yes!",
                                         "\xE2\x80\x9CNo.\xE2\x80\x9D", "Done."});
  }

  TEST_CASE("blank lines make paragraphs; reference marks stay with their sentence") {
    std::string t = "First one. Second one. [3]\n\nThird one.\r\n\r\nFourth";
    auto a = AnalyzeOk(t);
    REQUIRE(a.paragraphs.size() == 3);
    CHECK(a.paragraphs[0].sentence_count == 2);
    CHECK(Slice(t, a.sentences[1].span) == "Second one. [3]");
    CHECK(Slice(t, a.paragraphs[1].span) == "Third one.");
    CHECK(a.sentences[3].paragraph == 2);
  }

  TEST_CASE("a long run without punctuation is cut at max_sentence_tokens") {
    communique::Options opt;
    opt.max_sentence_tokens = 16;
    auto analyzer = communique::Analyzer::Create(opt).value();
    std::string t;
    for (int i = 0; i < 100; ++i) t += "word ";
    auto a = analyzer->Analyze(t).value();
    CHECK(a.sentences.size() == 7);  // 100 tokens in cuts of 16
    REQUIRE_FALSE(a.diagnostics.empty());
    CHECK(a.diagnostics[0].code == communique::ErrorCode::kLimitReached);
  }
}

TEST_SUITE("turns") {
  TEST_CASE("speaker labels of briefing transcripts") {
    std::string t = "MR PRICE: Good afternoon. We have news.\n\nQUESTION: Thank you. Any comment?\n\n"
                    "MR PRICE: No.\n\nVladimir Putin: Colleagues, good afternoon.\n\nThe decree says: nothing.";
    auto a = AnalyzeOk(t);
    REQUIRE(a.turns.size() == 4);
    CHECK(a.turns[0].speaker == "Price");
    CHECK_FALSE(a.turns[0].is_question);
    CHECK(a.turns[1].speaker == "Question");
    CHECK(a.turns[1].is_question);
    CHECK(a.turns[3].speaker == "Vladimir Putin");
    CHECK(Slice(t, a.turns[0].label) == "MR PRICE");
    // Labels are in no sentence; the last paragraph is no turn of its own.
    CHECK(Slice(t, a.sentences[0].span) == "Good afternoon.");
    CHECK(a.paragraphs.back().turn == 3);
  }
}

TEST_SUITE("header") {
  TEST_CASE("metadata line and TASS dateline") {
    std::string t = " date 2021-08-02 WASHINGTON, August 2. /TASS/. Russia invites talks.";
    auto a = AnalyzeOk(t);
    REQUIRE(a.header.date.has_value());
    CHECK(a.header.date->ToString() == "2021-08-02");
    CHECK(a.header.date_source == DateSource::kMetadata);
    CHECK(a.header.place == "WASHINGTON");
    CHECK(a.header.source == "TASS");
    CHECK(Slice(t, a.header.dateline_date) == "August 2");
    CHECK(Slice(t, a.sentences[0].span) == "Russia invites talks.");
  }

  TEST_CASE("wire styles") {
    struct Case { std::string text, place, source; };
    for (const Case& c : {Case{"MOSCOW, Aug 2 (Reuters) - The Kremlin said.", "MOSCOW", "Reuters"},
                          Case{"UNITED NATIONS (AP) \xE2\x80\x94 The council met.", "UNITED NATIONS", "AP"},
                          Case{"BEIJING, Sept. 3 (Xinhua) -- China said.", "BEIJING", "Xinhua"},
                          Case{"LONDON \xE2\x80\x94 Britain said.", "LONDON", ""}}) {
      CAPTURE(c.text);
      auto a = AnalyzeOk(c.text);
      CHECK(a.header.place == c.place);
      CHECK(a.header.source == c.source);
      REQUIRE_FALSE(a.sentences.empty());
      CHECK(a.sentences[0].span.begin == a.header.body_begin);
    }
  }

  TEST_CASE("no dateline in ordinary text; caller date wins") {
    std::string t = "NATO allies met in Brussels on Monday.";
    communique::DocumentInfo info;
    info.date = CivilDate{2022, 3, 7};
    auto a = AnalyzeOk(t, info);
    CHECK(a.header.place.empty());
    CHECK(a.header.body_begin == 0);
    CHECK(a.header.date_source == DateSource::kCaller);
    CHECK(a.header.date->ToString() == "2022-03-07");
  }

  TEST_CASE("dateline day and month completed with a metadata year") {
    std::string t = "date 2021\nMOSCOW, March 5 (TASS) - Text.";
    auto a = AnalyzeOk(t);
    REQUIRE(a.header.date.has_value());
    CHECK(a.header.date->ToString() == "2021-03-05");
    CHECK(a.header.date_source == DateSource::kDateline);
  }

  TEST_CASE("an impossible metadata date is a diagnostic, not a date") {
    std::string t = "date 2021-02-30\nText.";
    auto a = AnalyzeOk(t);
    CHECK_FALSE(a.header.date.has_value());
    REQUIRE_FALSE(a.diagnostics.empty());
    CHECK(a.diagnostics[0].code == communique::ErrorCode::kInvalidArgument);
  }
}
