// Exact decimal arithmetic for figure values: an unbounded digit string and a
// decimal scale, so "35,000", "1.5 million" and 999999999999999999999 keep
// their exact value. Every operation is linear in the number of digits.
#ifndef COMMUNIQUE_LIB_FIGURES_DECIMAL_H_
#define COMMUNIQUE_LIB_FIGURES_DECIMAL_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace communique::internal {

class Decimal {
 public:
  Decimal() = default;
  static Decimal FromInt(uint64_t v);
  /// Digits with at most one '.', e.g. "35000", "1.5", ".08"; false if malformed.
  static bool Parse(std::string_view digits_and_point, Decimal* out);

  bool IsZero() const noexcept { return digits_ == "0"; }
  bool IsInteger() const noexcept { return scale_ == 0; }
  bool negative() const noexcept { return negative_; }
  void Negate() noexcept { if (!IsZero()) negative_ = !negative_; }
  /// Number of digits before the decimal point (1 for 0.x).
  size_t IntegerDigits() const noexcept;

  /// *this * 10^k (k may be negative).
  void Shift(int32_t k);
  void MultiplySmall(uint32_t m);
  /// Sum of two non-negative decimals.
  static Decimal Add(const Decimal& a, const Decimal& b);
  /// Exact a / d where d has only the prime factors 2 and 5; false otherwise.
  static bool DivideExact(const Decimal& a, uint64_t d, Decimal* out);
  /// Integer value if it fits in uint64 and has no fraction; else false.
  bool ToUint64(uint64_t* out) const noexcept;

  std::string ToString() const;   ///< "35000", "0.75", "-1.2"
  double ToDouble() const;

 private:
  void Normalize();
  std::string digits_ = "0";  // unscaled magnitude, no leading zeros
  int32_t scale_ = 0;          // value = digits_ * 10^-scale_, scale_ >= 0
  bool negative_ = false;
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_FIGURES_DECIMAL_H_
