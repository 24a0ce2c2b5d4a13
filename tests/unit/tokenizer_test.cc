#include <doctest/doctest.h>

#include "../../lib/core/hash.h"
#include "test_util.h"

using communique::testing::AnalyzeOk;
using communique::testing::TokenTexts;
using Strings = std::vector<std::string>;

TEST_SUITE("tokens") {
  TEST_CASE("abbreviations keep their period") {
    std::string t = "Mr. Lavrov met U.S. and U.N. officials at 3 p.m. on Sept. 25, e.g. Gen. Smith.";
    auto a = AnalyzeOk(t);
    Strings expected = {"Mr.", "Lavrov", "met", "U.S.", "and", "U.N.", "officials", "at", "3", "p.m.",
                        "on", "Sept.", "25", ",", "e.g.", "Gen.", "Smith", "."};
    CHECK(TokenTexts(t, a) == expected);
  }

  TEST_CASE("possessives and contractions stay whole with a clitic") {
    std::string t = "Russia\xE2\x80\x99s envoy don't know O'Brien's States' view";
    auto a = AnalyzeOk(t);
    REQUIRE(a.tokens.size() == 7);
    CHECK(TokenTexts(t, a)[0] == "Russia\xE2\x80\x99s");
    CHECK(a.tokens[0].clitic == 4);  // ’s
    CHECK(TokenTexts(t, a)[2] == "don't");
    CHECK(a.tokens[2].clitic == 3);  // n't
    CHECK(TokenTexts(t, a)[4] == "O'Brien's");
    CHECK(TokenTexts(t, a)[5] == "States'");
    CHECK(a.Norm(a.tokens[0]) == "russia's");
  }

  TEST_CASE("hyphens: number words and prefixes join, other compounds split") {
    std::string t = "forty-five non-avian pro-Beijing cyber-attacks Russia-U.S. e-mail";
    auto a = AnalyzeOk(t);
    Strings expected = {"forty-five", "non-avian", "pro-Beijing", "cyber", "-", "attacks",
                        "Russia", "-", "U.S.", "e-mail"};
    CHECK(TokenTexts(t, a) == expected);
  }

  TEST_CASE("a non-ASCII hyphen before a character with the same lead byte stands alone") {
    // U+2011 (E2 80 91) then U+200D (E2 80 8D): the repeat of "--" compares
    // bytes and must not take the joiner's lead byte (found by the fuzzer).
    std::string t = "word\xE2\x80\x91\xE2\x80\x8Dx \xE2\x80\x90\xE2\x80\x94 end";
    auto a = AnalyzeOk(t);
    REQUIRE(a.tokens.size() >= 2);
    CHECK(TokenTexts(t, a)[1] == "\xE2\x80\x91");
    for (const auto& tok : a.tokens) {  // every span starts and ends on a character
      CHECK((static_cast<uint8_t>(t[tok.span.begin]) & 0xC0) != 0x80);
      if (tok.span.end < t.size()) CHECK((static_cast<uint8_t>(t[tok.span.end]) & 0xC0) != 0x80);
    }
  }

  TEST_CASE("numbers with separators, decimals, ordinals and scale suffixes") {
    std::string t = "35,000 and 1.5 or 2,488.75, the 21st, 10bn, 12% of $5 and 10:30 on 2021-08-02";
    auto a = AnalyzeOk(t);
    Strings expected = {"35,000", "and", "1.5", "or", "2,488.75", ",", "the", "21st", ",", "10bn", ",",
                        "12", "%", "of", "$", "5", "and", "10:30", "on", "2021-08-02"};
    CHECK(TokenTexts(t, a) == expected);
    CHECK(a.tokens[0].kind == communique::TokenKind::kNumber);
    CHECK(a.tokens[12].kind == communique::TokenKind::kSymbol);
  }

  TEST_CASE("quote marks get open and close roles") {
    std::string t = "\xE2\x80\x9CYes,\xE2\x80\x9D he said. \"No,\" she said, \xC2\xAB" "Da\xC2\xBB.";
    auto a = AnalyzeOk(t);
    std::vector<communique::QuoteRole> roles;
    for (const auto& tok : a.tokens)
      if (tok.kind == communique::TokenKind::kQuote) roles.push_back(tok.quote);
    using R = communique::QuoteRole;
    CHECK(roles == std::vector<R>{R::kOpen, R::kClose, R::kOpen, R::kClose, R::kOpen, R::kClose});
  }

  TEST_CASE("ellipses, dashes, slashes and parentheses") {
    std::string t = "Wait... /TASS/ (now) \xE2\x80\x94 yes -- no";
    auto a = AnalyzeOk(t);
    Strings expected = {"Wait", "...", "/", "TASS", "/", "(", "now", ")", "\xE2\x80\x94", "yes", "--", "no"};
    CHECK(TokenTexts(t, a) == expected);
  }

  TEST_CASE("URLs, e-mail addresses and handles") {
    std::string t = "See https://example.org/a?b=1, write to press@mid.ru or @mfa_russia.";
    auto a = AnalyzeOk(t);
    Strings expected = {"See", "https://example.org/a?b=1", ",", "write", "to", "press@mid.ru", "or",
                        "@mfa_russia", "."};
    CHECK(TokenTexts(t, a) == expected);
    CHECK(a.tokens[1].kind == communique::TokenKind::kUrl);
    CHECK(a.tokens[5].kind == communique::TokenKind::kEmail);
    CHECK(a.tokens[7].kind == communique::TokenKind::kHandle);
  }

  TEST_CASE("Cyrillic and accented names are not broken; norm is NFC and case-folded") {
    std::string t = "\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9 \xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2 "
                    "Jose\xCC\x81";  // Сергей Лавров, José with a combining accent
    auto a = AnalyzeOk(t);
    REQUIRE(a.tokens.size() == 3);
    CHECK(a.Norm(a.tokens[1]) == "\xD0\xBB\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2");
    CHECK(a.Norm(a.tokens[2]) == "jos\xC3\xA9");
  }

  TEST_CASE("tokens do not overlap and are sorted") {
    std::string t = "A \"quote\" -- U.S.-Russia talks (2021) ... won't end.\r\n\r\nNew paragraph";
    auto a = AnalyzeOk(t);
    for (size_t i = 1; i < a.tokens.size(); ++i) CHECK(a.tokens[i - 1].span.end <= a.tokens[i].span.begin);
    CHECK((a.tokens.back().flags & communique::kTokenParagraphStart) == 0);
    bool found_para = false;
    for (const auto& tok : a.tokens)
      if (communique::Slice(t, tok.span) == "New") found_para = (tok.flags & communique::kTokenParagraphStart) != 0;
    CHECK(found_para);
  }

  TEST_CASE("norm_hashes holds HashWord of every token's norm, at any length and at the text's end") {
    // Norms of 1..20 bytes (whole 8-byte words and tails), upper case,
    // non-ASCII folding, curly quotes, and a last token that ends the text
    // (its tail is read byte by byte).
    std::string t = "A bb CCC dddd EeEeE ffffff GGGGGGG hhhhhhhh iiiiiiiii JJJJJJJJJJJJJJJJJJJJ, "
                    "Russia\xE2\x80\x99s \xC3\x89" "COLE na\xC3\xAFve \xE2\x80\x94 42,000 u.s. z";
    for (std::string text : {t, t + "!", t + " stra\xC3\x9F" + "e"}) {
      auto a = AnalyzeOk(text);
      REQUIRE(a.tokens.size() > 15);
      REQUIRE(a.norm_hashes.size() == a.tokens.size());
      for (size_t i = 0; i < a.tokens.size(); ++i) {
        INFO("token " << i << ": " << a.Norm(a.tokens[i]));
        CHECK(a.norm_hashes[i] == communique::internal::HashWord(a.Norm(a.tokens[i])));
      }
    }
  }

  TEST_CASE("ASCII norms are the text lowered at every text length") {
    // The norm pool mirrors the text with capitals lowered, 16 bytes at a
    // step and the rest 8 or 1 at a time: every length from 0 to 40 bytes
    // ends in each of the three. Non-ASCII norms are appended after it.
    const std::string pattern = "Ab CD eF, GhIJ. KL-mn (Op) QRSTUVW xyz 42 Z";
    for (size_t len = 0; len <= 40; ++len) {
      for (const std::string& tail : {std::string(), std::string(" Caf\xC3\xA9 \xE2\x80\x9CHi\xE2\x80\x9D")}) {
        const std::string text = pattern.substr(0, len) + tail;
        INFO("text: " << text);
        auto a = AnalyzeOk(text);
        REQUIRE(a.norm_hashes.size() == a.tokens.size());
        for (size_t i = 0; i < a.tokens.size(); ++i) {
          const std::string_view surface = communique::Slice(text, a.tokens[i].span);
          // Curly quotes are mapped to '"'; the rest is ASCII-lowered.
          const bool curly = surface == "\xE2\x80\x9C" || surface == "\xE2\x80\x9D";
          std::string lowered(curly ? std::string_view("\"") : surface);
          for (char& c : lowered) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
          CHECK(a.Norm(a.tokens[i]) == lowered);
          CHECK(a.norm_hashes[i] == communique::internal::HashWord(lowered));
        }
      }
    }
  }

  TEST_CASE("ASCII norms are the text lowered across the mirror's chunks") {
    // The mirror is lowered and appended 1024 bytes at a time: words that
    // straddle a chunk's end, and texts that end just before or after one.
    std::string long_text;
    while (long_text.size() < 2100) long_text += "Ab CD eF, GhIJ. KL-mn (Op) QRSTUVW xyz 42 Z ";
    for (size_t len : {1000, 1023, 1024, 1025, 1030, 1041, 2047, 2048, 2049, 2063, 2100}) {
      const std::string text = long_text.substr(0, len);
      INFO("length: " << len);
      auto a = AnalyzeOk(text);
      REQUIRE(a.norm_hashes.size() == a.tokens.size());
      for (size_t i = 0; i < a.tokens.size(); ++i) {
        std::string lowered(communique::Slice(text, a.tokens[i].span));
        for (char& c : lowered) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
        CHECK(a.Norm(a.tokens[i]) == lowered);
        CHECK(a.norm_hashes[i] == communique::internal::HashWord(lowered));
      }
    }
  }

  TEST_CASE("plain words read in one step are tokenized as at the text's end") {
    // Far from the end of a text, a word of ASCII letters and digits is read
    // sixteen bytes at once (with a glued comma or period); near the end it
    // goes the general way. Both must give the same tokens.
    const Strings words = {"a", "Ab", "ABC", "aBC", "G20", "COVID19", "X", "US", "x1y2", "Mr", "No",
                           "Sept", "fourteenLetter", "fifteenLetters1", "sixteenLetters12", "AbbreviationsXY"};
    const Strings seps = {"", ",", ")", ":", ";", "!", "?", "?!", "!!", "\"", ".", ".\n", ".\n\n", ".\xC2\xA0",
                          ":\n", ",\xC2\xA0", "\n", "\n\n", "\n\n\n", "\n ", "\xC2\xA0", ".%", "..", ".)",
                          ".\"", ".,", "'s", "-up", "@x.org", "\xE2\x80\x99s"};
    constexpr uint8_t kWordFlags = communique::kTokenCapitalized | communique::kTokenAllUpper |
                                   communique::kTokenHasDigit | communique::kTokenAbbreviation |
                                   communique::kTokenHyphenated;
    // Texts of 16 to 19 bytes: the next word's 16 bytes are past the end.
    for (std::string_view text : {"Ambassador to the", "Ambassador to them", "Ambassador to them."})
      CHECK(AnalyzeOk(text).tokens.size() == 3 + (text.back() == '.'));
    for (const std::string& w : words) {
      for (const std::string& sep : seps) {
        const std::string far = w + sep + " and then some more words to read", near = "x " + w + sep;
        auto a = AnalyzeOk(far), b = AnalyzeOk(near);
        INFO(far);
        REQUIRE(b.tokens.size() >= 2);
        REQUIRE(a.tokens.size() >= b.tokens.size());
        for (size_t i = 1; i < b.tokens.size(); ++i) {
          const communique::Token &x = a.tokens[i - 1], &y = b.tokens[i];
          CHECK(x.span.size() == y.span.size());
          CHECK(x.kind == y.kind);
          CHECK((x.flags & kWordFlags) == (y.flags & kWordFlags));
          CHECK(x.clitic == y.clitic);
          CHECK(a.Norm(x) == b.Norm(y));
          CHECK(a.norm_hashes[i - 1] == b.norm_hashes[i]);
        }
        for (size_t i = 1; i < a.tokens.size(); ++i) {
          CHECK(((a.tokens[i].flags & communique::kTokenSpaceBefore) != 0) ==
                (a.tokens[i].span.begin > a.tokens[i - 1].span.end));
          const std::string_view gap(far.data() + a.tokens[i - 1].span.end,
                                     a.tokens[i].span.begin - a.tokens[i - 1].span.end);
          CHECK(((a.tokens[i].flags & communique::kTokenLineStart) != 0) == (gap.find('\n') != gap.npos));
          CHECK(((a.tokens[i].flags & communique::kTokenParagraphStart) != 0) == (gap.find("\n\n") != gap.npos));
        }
      }
    }
  }

  TEST_CASE("common non-ASCII characters are classified alike at the text's end and inside it") {
    // Curly quotes, dashes, the ellipsis (E2 80 xx) and Latin-1 (C2 xx, C3
    // xx) are classified by table without a call; the table lookup reads
    // the next two bytes, so the character also ends texts of every length
    // around the 16-byte fast paths.
    const Strings chars = {"\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\x93",
                           "\xE2\x80\xA6", "\xE2\x80\x90", "\xC3\xA9", "\xC3\x89", "\xC3\x9F", "\xC2\xAB",
                           "\xC2\xBB", "\xC2\xA0", "\xC2\xB0"};
    for (const std::string& c : chars) {
      for (size_t len = 0; len <= 20; ++len) {
        const std::string word = std::string(len, 'a'), at_end = "Ab " + word + c, inside = at_end + " z";
        INFO("word of " << len << " bytes before " << c);
        auto a = AnalyzeOk(at_end), b = AnalyzeOk(inside);
        REQUIRE(!a.tokens.empty());
        REQUIRE(b.tokens.size() >= a.tokens.size());
        for (size_t i = 0; i < a.tokens.size(); ++i) {
          CHECK(a.tokens[i].span.begin == b.tokens[i].span.begin);
          CHECK(a.tokens[i].span.end == b.tokens[i].span.end);
          CHECK(a.tokens[i].kind == b.tokens[i].kind);
          CHECK(a.Norm(a.tokens[i]) == b.Norm(b.tokens[i]));
        }
        if (c != "\xC2\xA0") CHECK(a.tokens.back().span.end == at_end.size());  // a no-break space is a space
      }
    }
  }
}
