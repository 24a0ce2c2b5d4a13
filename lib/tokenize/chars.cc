#include "tokenize/chars.h"

#include <array>

#include <utf8proc.h>

namespace communique::internal {
namespace {

struct AsciiTable {
  std::array<CharClass, 128> cls{};
  constexpr AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      CharClass k = CharClass::kSymbol;
      if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == 0) k = CharClass::kSpace;
      else if (c == '\n') k = CharClass::kNewline;
      else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = CharClass::kLetter;
      else if (c >= '0' && c <= '9') k = CharClass::kDigit;
      else if (c == '\'') k = CharClass::kApostrophe;
      else if (c == '"' || c == '`') k = CharClass::kQuote;
      else if (c == '-') k = CharClass::kHyphen;
      else if (c == '.') k = CharClass::kPeriod;
      else if (c == ',') k = CharClass::kComma;
      else if (c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
               c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '\\')
        k = CharClass::kPunct;
      else if (c < 32 || c == 127) k = CharClass::kSpace;  // other controls
      cls[static_cast<size_t>(c)] = k;
    }
  }
};
constexpr AsciiTable kAscii;

}  // namespace

const CharClass kAsciiClass[128] = {
#define C(i) kAscii.cls[i]
#define C8(i) C(i), C(i + 1), C(i + 2), C(i + 3), C(i + 4), C(i + 5), C(i + 6), C(i + 7)
    C8(0), C8(8), C8(16), C8(24), C8(32), C8(40), C8(48), C8(56),
    C8(64), C8(72), C8(80), C8(88), C8(96), C8(104), C8(112), C8(120)
#undef C8
#undef C
};

namespace {

CharInfo ClassifyDecoded(Decoded d) noexcept;

// The characters from `first` on, `len` bytes each in UTF-8.
template <size_t N>
std::array<CharInfo, N> ClassTable(char32_t first, uint32_t len) noexcept {
  std::array<CharInfo, N> t{};
  for (char32_t k = 0; k < N; ++k) t[k] = ClassifyDecoded({first + k, len, true});
  return t;
}

}  // namespace

const std::array<CharInfo, 64> kGeneralPunctuationInfo = ClassTable<64>(0x2000, 3);
const std::array<CharInfo, 128> kLatin1Info = ClassTable<128>(0x80, 2);

CharInfo ClassifyNonAscii(std::string_view text, size_t pos) noexcept {
  return ClassifyDecoded(DecodeAt(text, pos));
}

namespace {

CharInfo ClassifyDecoded(Decoded d) noexcept {
  if (!d.valid) return {CharClass::kInvalid, d.cp, d.len, false, false};
  char32_t cp = d.cp;
  CharInfo info{CharClass::kOther, cp, d.len, false, false};
  switch (cp) {
    case 0x2019: info.cls = CharClass::kApostrophe; return info;
    case 0x2018: case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
    case 0x00BB: case 0x2039: case 0x203A: case 0x201A:
      info.cls = CharClass::kQuote; return info;
    case 0x2010: case 0x2011: info.cls = CharClass::kHyphen; return info;
    case 0x00AD: case 0x200C: case 0x200D: info.cls = CharClass::kMark; return info;
    case 0xFEFF: case 0x200B: case 0x2060: info.cls = CharClass::kSpace; return info;
    case 0x2028: case 0x2029: case 0x0085: info.cls = CharClass::kNewline; return info;
    case 0x2026: info.cls = CharClass::kPunct; return info;  // …
    default: break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
      info.cls = CharClass::kLetter; info.upper = true; break;
    case UTF8PROC_CATEGORY_LL:
      info.cls = CharClass::kLetter; info.lower = true; break;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
      info.cls = CharClass::kLetter; break;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      info.cls = CharClass::kMark; break;
    case UTF8PROC_CATEGORY_ND: info.cls = CharClass::kDigit; break;
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: info.cls = CharClass::kSymbol; break;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: info.cls = CharClass::kSpace; break;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: info.cls = CharClass::kNewline; break;
    case UTF8PROC_CATEGORY_PD: info.cls = CharClass::kDash; break;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: info.cls = CharClass::kQuote; break;
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PO:
      info.cls = CharClass::kPunct; break;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
      info.cls = CharClass::kSymbol; break;
    case UTF8PROC_CATEGORY_CF: info.cls = CharClass::kMark; break;  // format chars join words
    default: info.cls = CharClass::kOther; break;
  }
  return info;
}

}  // namespace
}  // namespace communique::internal
