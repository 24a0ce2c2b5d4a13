#include "figures/decimal.h"

#include <algorithm>
#include <cstdlib>

namespace communique::internal {

Decimal Decimal::FromInt(uint64_t v) {
  Decimal d;
  d.digits_ = std::to_string(v);
  return d;
}

bool Decimal::Parse(std::string_view s, Decimal* out) {
  Decimal d;
  d.digits_.clear();
  bool point = false, any = false;
  for (char c : s) {
    if (c == '.') {
      if (point) return false;
      point = true;
    } else if (c >= '0' && c <= '9') {
      d.digits_.push_back(c);
      any = true;
      if (point) ++d.scale_;
    } else {
      return false;
    }
  }
  if (!any) return false;
  d.Normalize();
  *out = std::move(d);
  return true;
}

void Decimal::Normalize() {
  size_t lead = 0;
  while (lead + 1 < digits_.size() && digits_[lead] == '0') ++lead;
  size_t end = digits_.size();
  while (scale_ > 0 && end > lead + 1 && digits_[end - 1] == '0') {
    --end;
    --scale_;
  }
  // One copy of the kept digits (no overlapping in-place erase).
  if (lead > 0 || end < digits_.size()) digits_ = std::string(digits_.data() + lead, end - lead);
  if (digits_.empty()) digits_.assign(1, '0');
  if (digits_.size() == 1 && digits_[0] == '0') { scale_ = 0; negative_ = false; }
}

size_t Decimal::IntegerDigits() const noexcept {
  size_t n = digits_.size();
  size_t s = static_cast<size_t>(scale_);
  return n > s ? n - s : 1;
}

void Decimal::Shift(int32_t k) {
  if (IsZero()) return;
  int64_t scale = static_cast<int64_t>(scale_) - k;
  if (scale < 0) {
    if (-scale > 4096) scale = -4096;  // absurd exponents: stay bounded
    digits_.append(static_cast<size_t>(-scale), '0');
    scale = 0;
  }
  scale_ = static_cast<int32_t>(std::min<int64_t>(scale, 4096));
  Normalize();
}

void Decimal::MultiplySmall(uint32_t m) {
  uint64_t carry = 0;
  for (size_t i = digits_.size(); i-- > 0;) {
    uint64_t v = static_cast<uint64_t>(digits_[i] - '0') * m + carry;
    digits_[i] = static_cast<char>('0' + v % 10);
    carry = v / 10;
  }
  std::string head;
  while (carry) { head.push_back(static_cast<char>('0' + carry % 10)); carry /= 10; }
  std::reverse(head.begin(), head.end());
  digits_.insert(0, head);
  Normalize();
}

Decimal Decimal::Add(const Decimal& a, const Decimal& b) {
  // Adding zero (most sums of a word number's parts): the other operand,
  // which is normalized already.
  if (a.IsZero() || b.IsZero()) {
    Decimal r = a.IsZero() ? b : a;
    r.negative_ = false;
    return r;
  }
  int32_t scale = std::max(a.scale_, b.scale_);
  std::string x = a.digits_ + std::string(static_cast<size_t>(scale - a.scale_), '0');
  std::string y = b.digits_ + std::string(static_cast<size_t>(scale - b.scale_), '0');
  if (x.size() < y.size()) std::swap(x, y);
  int carry = 0;
  size_t off = x.size() - y.size();
  for (size_t i = x.size(); i-- > 0;) {
    int v = (x[i] - '0') + carry + (i >= off ? y[i - off] - '0' : 0);
    x[i] = static_cast<char>('0' + v % 10);
    carry = v / 10;
  }
  if (carry) x.insert(x.begin(), '1');
  Decimal r;
  r.digits_ = std::move(x);
  r.scale_ = scale;
  r.Normalize();
  return r;
}

bool Decimal::DivideExact(const Decimal& a, uint64_t d, Decimal* out) {
  if (d == 0) return false;
  // a / (2^p 5^q) = a * 2^(k-p) 5^(k-q) / 10^k with k = max(p, q).
  uint32_t p = 0, q = 0;
  while (d % 2 == 0) { d /= 2; ++p; }
  while (d % 5 == 0) { d /= 5; ++q; }
  if (d != 1) return false;
  uint32_t k = std::max(p, q);
  Decimal r = a;
  for (uint32_t i = p; i < k; ++i) r.MultiplySmall(2);
  for (uint32_t i = q; i < k; ++i) r.MultiplySmall(5);
  r.Shift(-static_cast<int32_t>(k));
  *out = std::move(r);
  return true;
}

bool Decimal::ToUint64(uint64_t* out) const noexcept {
  if (scale_ != 0 || digits_.size() > 19) return false;
  uint64_t v = 0;
  for (char c : digits_) {
    uint64_t next = v * 10 + static_cast<uint64_t>(c - '0');
    if (next / 10 != v) return false;
    v = next;
  }
  *out = v;
  return true;
}

std::string Decimal::ToString() const {
  std::string s;
  if (negative_) s.push_back('-');
  size_t n = digits_.size(), sc = static_cast<size_t>(scale_);
  if (sc == 0) return s + digits_;
  if (n <= sc) {
    s += "0.";
    s.append(sc - n, '0');
    s += digits_;
  } else {
    s.append(digits_, 0, n - sc);
    s.push_back('.');
    s.append(digits_, n - sc, sc);
  }
  return s;
}

double Decimal::ToDouble() const {
  // Clinger's fast path: up to 15 digits and 10^scale up to 10^22 are exact
  // doubles, so one correctly rounded division equals strtod's result.
  if (digits_.size() <= 15 && scale_ <= 22) {
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t m = 0;
    for (char c : digits_) m = m * 10 + static_cast<uint64_t>(c - '0');
    double v = static_cast<double>(m) / kPow10[scale_];
    return negative_ ? -v : v;
  }
  return std::strtod(ToString().c_str(), nullptr);
}

}  // namespace communique::internal
