// Dateline shapes the header scanner accepts, and headlines it must not take
// for datelines.
#include <doctest/doctest.h>

#include "test_util.h"

using communique::Slice;
using communique::testing::AnalyzeOk;

namespace {

struct Expected {
  std::string text, dateline, place, date, source;
};

void CheckDateline(const Expected& e) {
  CAPTURE(e.text);
  auto a = AnalyzeOk(e.text);
  CHECK(std::string(Slice(e.text, a.header.dateline)) == e.dateline);
  CHECK(a.header.place == e.place);
  CHECK(std::string(Slice(e.text, a.header.place_span)) == e.place);
  CHECK(std::string(Slice(e.text, a.header.dateline_date)) == e.date);
  CHECK(a.header.source == e.source);
  CHECK(e.text.substr(a.header.body_begin, 5) == "Text.");
}

void CheckNoDateline(const std::string& text) {
  CAPTURE(text);
  auto a = AnalyzeOk(text);
  CHECK(a.header.dateline.empty());
  CHECK(a.header.place.empty());
  CHECK(a.header.source.empty());
  CHECK(a.header.body_begin == 0);
}

}  // namespace

TEST_SUITE("header") {
  TEST_CASE("multi-word places with dots, apostrophes and particles") {
    CheckDateline({"ST. PETERSBURG, June 4 (TASS) - Text.", "ST. PETERSBURG, June 4 (TASS) -",
                   "ST. PETERSBURG", "June 4", "TASS"});
    CheckDateline({"RIO de JANEIRO -- Text.", "RIO de JANEIRO --", "RIO de JANEIRO", "", ""});
    CheckDateline({"COTE D'IVOIRE (AFP) Text.", "COTE D'IVOIRE (AFP)", "COTE D'IVOIRE", "", "AFP"});
    // At most four words: the fifth is too many, so no place is taken.
    CheckNoDateline("ONE TWO THREE FOUR FIVE - Text.");
  }

  TEST_CASE("D.C. is not part of the place; both date orders") {
    CheckDateline({"WASHINGTON, D.C., Aug. 2 /TASS/. Text.", "WASHINGTON, D.C., Aug. 2 /TASS/.", "WASHINGTON",
                   "Aug. 2", "TASS"});
    CheckDateline({"MOSCOW, 2 August (RIA Novosti) -- Text.", "MOSCOW, 2 August (RIA Novosti) --", "MOSCOW",
                   "2 August", "RIA Novosti"});
    CheckDateline({"BEIJING, Sept 30: Text.", "BEIJING, Sept 30:", "BEIJING", "Sept 30", ""});
  }

  TEST_CASE("dashes, no-break spaces and non-ASCII capitals") {
    CheckDateline({"M\xC3\x89XICO (EFE) \xE2\x80\x93 Text.", "M\xC3\x89XICO (EFE) \xE2\x80\x93",
                   "M\xC3\x89XICO", "", "EFE"});
    // МОСКВА /ТАСС/: Cyrillic capitals and agency.
    CheckDateline({"\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90 /\xD0\xA2\xD0\x90\xD0\xA1\xD0\xA1/ Text.",
                   "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90 /\xD0\xA2\xD0\x90\xD0\xA1\xD0\xA1/",
                   "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90", "", "\xD0\xA2\xD0\x90\xD0\xA1\xD0\xA1"});
    CheckDateline({"KYIV,\xC2\xA0" "Feb.\xC2\xA0" "24\xC2\xA0(AP)\xC2\xA0\xE2\x80\x94 Text.",
                   "KYIV,\xC2\xA0" "Feb.\xC2\xA0" "24\xC2\xA0(AP)\xC2\xA0\xE2\x80\x94", "KYIV",
                   "Feb.\xC2\xA0" "24", "AP"});
  }

  TEST_CASE("headlines and sentences are not datelines") {
    CheckNoDateline("WASHINGTON Text.");                 // an upper-case word alone
    CheckNoDateline("UN: Text.");                        // a colon alone
    CheckNoDateline("MOSCOW- Text.");                    // the hyphen belongs to the word
    CheckNoDateline("MOSCOW, Aug 123 - Text.");          // three digits are no day
    CheckNoDateline("MOSCOW, AUG 2 - Text.");            // month names are case-sensitive
    CheckNoDateline("Moscow, Aug 2 (TASS) - Text.");     // the place is in capitals
    CheckNoDateline("\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 - Text.");  // lower-case Cyrillic
  }
}
