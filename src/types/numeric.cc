#include "types/numeric.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

#include "types/pg_text.h"

namespace omendb {

using Limbs = std::vector<uint32_t>;

namespace {

// ---------------------------------------------------------------------------------------------
// Unsigned magnitudes: little-endian base-10^9 limbs without high zero limbs (empty = 0).

constexpr uint32_t kBase = 1000000000;
constexpr int kLimbDigits = 9;
constexpr uint32_t kPow10[10] = {1,      10,      100,      1000,      10000,
                                 100000, 1000000, 10000000, 100000000, 1000000000};
constexpr char kInvalidBinaryRepresentation[] = "22P03";
constexpr char kInvalidArgumentForPowerFunction[] = "2201F";

void Trim(Limbs& a) {
  while (!a.empty() && a.back() == 0) a.pop_back();
}

int CmpMag(const Limbs& a, const Limbs& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

Limbs AddMag(const Limbs& a, const Limbs& b) {
  const Limbs& x = a.size() >= b.size() ? a : b;
  const Limbs& y = a.size() >= b.size() ? b : a;
  Limbs r(x.size() + 1);
  uint32_t carry = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    uint32_t s = x[i] + (i < y.size() ? y[i] : 0) + carry;
    carry = s >= kBase ? 1 : 0;
    r[i] = carry ? s - kBase : s;
  }
  r[x.size()] = carry;
  Trim(r);
  return r;
}

// REQUIRES: a >= b.
Limbs SubMag(const Limbs& a, const Limbs& b) {
  Limbs r(a.size());
  uint32_t borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    uint32_t sub = (i < b.size() ? b[i] : 0) + borrow;
    borrow = a[i] < sub ? 1 : 0;
    r[i] = borrow ? a[i] + kBase - sub : a[i] - sub;
  }
  Trim(r);
  return r;
}

// a = a * m + add. REQUIRES: m < kBase, add < kBase.
void MulSmallAdd(Limbs& a, uint32_t m, uint32_t add) {
  uint64_t carry = add;
  for (uint32_t& limb : a) {
    uint64_t t = uint64_t{limb} * m + carry;
    limb = static_cast<uint32_t>(t % kBase);
    carry = t / kBase;
  }
  if (carry) a.push_back(static_cast<uint32_t>(carry));
  Trim(a);
}

void Increment(Limbs& a) {
  for (uint32_t& limb : a) {
    if (++limb < kBase) return;
    limb = 0;
  }
  a.push_back(1);
}

// Schoolbook product. Rows accumulate in 64 bits and are normalized every 16 rows: a limb
// below 10^9 plus 16 products of limbs below 10^9 stays below 2^64.
Limbs MulSchoolbook(const Limbs& x, const Limbs& y) {
  std::vector<uint64_t> acc(x.size() + y.size(), 0);
  for (size_t i = 0; i < y.size(); ++i) {
    const uint64_t yi = y[i];
    for (size_t j = 0; j < x.size(); ++j) acc[i + j] += yi * x[j];
    if ((i & 15) == 15 || i + 1 == y.size()) {
      uint64_t carry = 0;
      for (size_t k = i >= 15 ? i - 15 : 0; k < acc.size(); ++k) {
        const uint64_t t = acc[k] + carry;
        acc[k] = t % kBase;
        carry = t / kBase;
        if (carry == 0 && k > i + x.size()) break;
      }
    }
  }
  Limbs r(acc.begin(), acc.end());
  Trim(r);
  return r;
}

// a[from, to) as a number.
Limbs Slice(const Limbs& a, size_t from, size_t to) {
  to = std::min(to, a.size());
  if (from >= to) return {};
  Limbs r(a.begin() + static_cast<std::ptrdiff_t>(from),
          a.begin() + static_cast<std::ptrdiff_t>(to));
  Trim(r);
  return r;
}

// r += v * kBase^shift.
void AddShifted(Limbs& r, const Limbs& v, size_t shift) {
  if (v.empty()) return;
  if (r.size() < shift + v.size() + 1) r.resize(shift + v.size() + 1, 0);
  uint32_t carry = 0;
  size_t k = shift;
  for (size_t i = 0; i < v.size(); ++i, ++k) {
    uint32_t s = r[k] + v[i] + carry;
    carry = s >= kBase ? 1 : 0;
    r[k] = carry ? s - kBase : s;
  }
  for (; carry; ++k) {
    if (k == r.size()) r.push_back(0);
    uint32_t s = r[k] + 1;
    carry = s >= kBase ? 1 : 0;
    r[k] = carry ? 0 : s;
  }
  Trim(r);
}

// Karatsuba above a few hundred digits, schoolbook below.
Limbs MulMag(const Limbs& a, const Limbs& b) {
  if (a.empty() || b.empty()) return {};
  constexpr size_t kKaratsubaLimbs = 40;
  const Limbs& x = a.size() >= b.size() ? a : b;
  const Limbs& y = a.size() >= b.size() ? b : a;
  if (y.size() < kKaratsubaLimbs) return MulSchoolbook(x, y);
  const size_t h = (x.size() + 1) / 2;
  const Limbs x0 = Slice(x, 0, h), x1 = Slice(x, h, x.size());
  if (y.size() <= h) {  // unbalanced: x1 * y * kBase^h + x0 * y
    Limbs r = MulMag(x0, y);
    AddShifted(r, MulMag(x1, y), h);
    return r;
  }
  const Limbs y0 = Slice(y, 0, h), y1 = Slice(y, h, y.size());
  const Limbs z0 = MulMag(x0, y0), z2 = MulMag(x1, y1);
  const Limbs z1 = SubMag(SubMag(MulMag(AddMag(x0, x1), AddMag(y0, y1)), z0), z2);
  Limbs r = z0;
  AddShifted(r, z1, h);
  AddShifted(r, z2, 2 * h);
  return r;
}

// Returns a / d and sets *rem = a % d. REQUIRES: 0 < d <= kBase.
Limbs DivSmall(const Limbs& a, uint32_t d, uint32_t* rem) {
  Limbs q(a.size());
  uint64_t r = 0;
  for (size_t i = a.size(); i-- > 0;) {
    uint64_t cur = r * kBase + a[i];
    q[i] = static_cast<uint32_t>(cur / d);
    r = cur % d;
  }
  Trim(q);
  *rem = static_cast<uint32_t>(r);
  return q;
}

// Long division (Knuth, TAOCP vol. 2, 4.3.1, algorithm D) in base 10^9: *q = a / b,
// *r = a % b. REQUIRES: b != 0.
void DivModMag(const Limbs& a, const Limbs& b, Limbs* q, Limbs* r) {
  if (CmpMag(a, b) < 0) {
    q->clear();
    *r = a;
    return;
  }
  if (b.size() == 1) {
    uint32_t rem;
    *q = DivSmall(a, b[0], &rem);
    r->clear();
    if (rem) r->push_back(rem);
    return;
  }
  const size_t n = b.size(), m = a.size() - n;
  // Normalize so that the divisor's top limb is at least kBase / 2.
  const uint32_t d = static_cast<uint32_t>(kBase / (uint64_t{b.back()} + 1));
  Limbs u = a, v = b;
  if (d > 1) {
    MulSmallAdd(u, d, 0);
    MulSmallAdd(v, d, 0);
  }
  u.resize(a.size() + 1, 0);
  q->assign(m + 1, 0);
  const uint64_t v1 = v[n - 1], v2 = v[n - 2];
  for (size_t j = m + 1; j-- > 0;) {
    const uint64_t num = uint64_t{u[j + n]} * kBase + u[j + n - 1];
    uint64_t qhat = num / v1, rhat = num % v1;
    while (qhat >= kBase || qhat * v2 > rhat * kBase + u[j + n - 2]) {
      --qhat;
      rhat += v1;
      if (rhat >= kBase) break;
    }
    // u[j .. j+n] -= qhat * v.
    uint64_t carry = 0;
    int64_t borrow = 0;
    for (size_t i = 0; i < n; ++i) {
      uint64_t p = qhat * v[i] + carry;
      carry = p / kBase;
      int64_t t = int64_t{u[i + j]} - static_cast<int64_t>(p % kBase) - borrow;
      borrow = t < 0 ? 1 : 0;
      u[i + j] = static_cast<uint32_t>(t < 0 ? t + kBase : t);
    }
    int64_t top = int64_t{u[j + n]} - static_cast<int64_t>(carry) - borrow;
    if (top < 0) {  // qhat was one too large: add v back.
      --qhat;
      uint32_t c = 0;
      for (size_t i = 0; i < n; ++i) {
        uint32_t s = u[i + j] + v[i] + c;
        c = s >= kBase ? 1 : 0;
        u[i + j] = c ? s - kBase : s;
      }
      top += c;
    }
    u[j + n] = static_cast<uint32_t>(top);
    (*q)[j] = static_cast<uint32_t>(qhat);
  }
  Trim(*q);
  u.resize(n);
  Trim(u);
  uint32_t rem;
  *r = DivSmall(u, d, &rem);
}

int DigitsOf(uint32_t v) {
  int n = 1;
  while (n < kLimbDigits && v >= kPow10[n]) ++n;
  return n;
}

// Number of decimal digits of a (0 for zero).
int64_t NumDigits(const Limbs& a) {
  if (a.empty()) return 0;
  return int64_t{kLimbDigits} * static_cast<int64_t>(a.size() - 1) + DigitsOf(a.back());
}

// The decimal digit of a at 10^pos.
int DigitAt(const Limbs& a, int64_t pos) {
  size_t idx = static_cast<size_t>(pos / kLimbDigits);
  if (pos < 0 || idx >= a.size()) return 0;
  return static_cast<int>(a[idx] / kPow10[pos % kLimbDigits] % 10);
}

// a * 10^k. REQUIRES: k >= 0.
Limbs ScaleUp(Limbs a, int64_t k) {
  if (a.empty() || k <= 0) return a;
  if (k % kLimbDigits) MulSmallAdd(a, kPow10[k % kLimbDigits], 0);
  a.insert(a.begin(), static_cast<size_t>(k / kLimbDigits), 0);
  return a;
}

// floor(a / 10^k); *inexact tells whether a nonzero remainder was dropped. REQUIRES: k >= 0.
Limbs ShiftDown(const Limbs& a, int64_t k, bool* inexact) {
  *inexact = false;
  if (k <= 0) return a;
  if (k >= NumDigits(a)) {
    *inexact = !a.empty();
    return {};
  }
  size_t limbs = static_cast<size_t>(k / kLimbDigits);
  for (size_t i = 0; i < limbs; ++i) *inexact |= a[i] != 0;
  Limbs t(a.begin() + static_cast<std::ptrdiff_t>(limbs), a.end());
  if (k % kLimbDigits) {
    uint32_t rem;
    t = DivSmall(t, kPow10[k % kLimbDigits], &rem);
    *inexact |= rem != 0;
  }
  return t;
}

// Decimal digits of a without leading zeros ("" for zero).
std::string MagToDecimal(const Limbs& a) {
  if (a.empty()) return {};
  std::string out(static_cast<size_t>(NumDigits(a)), '0');
  size_t pos = out.size();
  for (size_t i = 0; i < a.size(); ++i) {
    uint32_t v = a[i];
    int n = i + 1 < a.size() ? kLimbDigits : DigitsOf(v);
    for (int j = 0; j < n; ++j) {
      out[--pos] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
  }
  return out;
}

// REQUIRES: digits holds only '0'..'9'.
Limbs DecimalToMag(std::string_view digits) {
  size_t start = digits.find_first_not_of('0');
  if (start == std::string_view::npos) return {};
  digits.remove_prefix(start);
  Limbs r;
  r.reserve(digits.size() / kLimbDigits + 1);
  for (size_t end = digits.size(); end > 0;) {
    size_t begin = end >= static_cast<size_t>(kLimbDigits) ? end - kLimbDigits : 0;
    uint32_t v = 0;
    for (size_t i = begin; i < end; ++i) v = v * 10 + static_cast<uint32_t>(digits[i] - '0');
    r.push_back(v);
    end = begin;
  }
  Trim(r);
  return r;
}

// floor(sqrt(x)) by Newton's iteration, started just above the root: from a power of ten for
// small x, else from (isqrt(leading half of the digits) + 1) scaled back, which already has
// about half of the digits right.
Limbs ISqrt(const Limbs& x) {
  if (x.empty()) return {};
  const int64_t nd = NumDigits(x);
  Limbs cur;
  if (nd <= 36) {
    cur = ScaleUp(Limbs{1}, (nd + 1) / 2);
  } else {
    const int64_t k = nd / 4;
    bool inexact;
    cur = ISqrt(ShiftDown(x, 2 * k, &inexact));
    Increment(cur);
    cur = ScaleUp(std::move(cur), k);
  }
  for (;;) {
    Limbs q, r;
    DivModMag(x, cur, &q, &r);
    uint32_t rem;
    Limbs next = DivSmall(AddMag(cur, q), 2, &rem);
    if (CmpMag(next, cur) >= 0) return cur;
    cur = std::move(next);
  }
}

Status Overflow() {
  return Status(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
}
Status DivisionByZero() { return Status(sqlstate::kDivisionByZero, "division by zero"); }
Status InvalidSyntax(std::string_view input) {
  return Status(sqlstate::kInvalidTextRepresentation,
                "invalid input syntax for type numeric: \"" + std::string(input) + "\"");
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Operations that need the representation.

struct NumericInternal {
  using Kind = Numeric::Kind;

  static Numeric Special(Kind kind) {
    Numeric n;
    n.kind_ = kind;
    return n;
  }

  static Numeric Finite(bool neg, int64_t dscale, Limbs mag) {
    Numeric n;
    n.neg_ = neg && !mag.empty();
    n.dscale_ = static_cast<int32_t>(dscale);
    n.mag_ = std::move(mag);
    return n;
  }

  // make_result's check against the storage format.
  static Result<Numeric> Checked(Numeric n) {
    if (n.kind_ != Kind::kFinite) return n;
    if (n.dscale_ > Numeric::kMaxDscale) return Overflow();
    if (!n.mag_.empty() && NumDigits(n.mag_) - n.dscale_ > Numeric::kMaxIntegerDigits) {
      return Overflow();
    }
    return n;
  }

  // -1, 0, 1 for finite values and the infinities (NaN: 0, callers handle it first).
  static int SignOf(const Numeric& x) {
    switch (x.kind_) {
      case Kind::kPosInf:
        return 1;
      case Kind::kNegInf:
        return -1;
      case Kind::kNaN:
        return 0;
      case Kind::kFinite:
        break;
    }
    return x.mag_.empty() ? 0 : (x.neg_ ? -1 : 1);
  }

  static Numeric SignedInfinity(int sign) { return Special(sign < 0 ? Kind::kNegInf : Kind::kPosInf); }

  // Rounds (or truncates) a finite value to `scale` fraction digits; scale may be negative,
  // the result's dscale is max(scale, 0).
  static Numeric RoundTo(const Numeric& x, int64_t scale, bool round) {
    int64_t drop = x.dscale_ - scale;
    if (drop <= 0) return Finite(x.neg_, scale, ScaleUp(x.mag_, -drop));
    bool inexact;
    Limbs m = ShiftDown(x.mag_, drop, &inexact);
    if (round && DigitAt(x.mag_, drop - 1) >= 5) Increment(m);
    if (scale < 0) return Finite(x.neg_, 0, ScaleUp(std::move(m), -scale));
    return Finite(x.neg_, scale, std::move(m));
  }

  // PostgreSQL's base-10000 weight and leading base-10000 digit of a finite value.
  static void NbaseLead(const Numeric& x, int64_t* weight, int* first) {
    *weight = 0;
    *first = 0;
    if (x.mag_.empty()) return;
    int64_t nd = NumDigits(x.mag_);
    int64_t e10 = nd - 1 - x.dscale_;  // power of ten of the leading digit
    *weight = FloorDiv(e10, 4);
    int64_t k = e10 - 4 * *weight + 1;  // decimal digits in the leading group
    for (int64_t j = 0; j < k; ++j) *first = *first * 10 + DigitAt(x.mag_, nd - 1 - j);
  }

  // Compares |x| * 10^-dx with |y| * 10^-dy.
  static int CmpScaled(const Limbs& x, int32_t dx, const Limbs& y, int32_t dy) {
    if (x.empty() || y.empty()) return x.empty() ? (y.empty() ? 0 : -1) : 1;
    int64_t ix = NumDigits(x) - dx, iy = NumDigits(y) - dy;
    if (ix != iy) return ix < iy ? -1 : 1;
    if (dx == dy) return CmpMag(x, y);
    if (dx < dy) return CmpMag(ScaleUp(x, dy - dx), y);
    return CmpMag(x, ScaleUp(y, dx - dy));
  }

  static int CmpFinite(const Numeric& a, const Numeric& b) {
    int sa = SignOf(a), sb = SignOf(b);
    if (sa != sb) return sa < sb ? -1 : 1;
    int c = CmpScaled(a.mag_, a.dscale_, b.mag_, b.dscale_);
    return sa < 0 ? -c : c;
  }

  static Result<Numeric> AddSub(const Numeric& a, const Numeric& b, bool sub) {
    if (a.is_nan() || b.is_nan()) return Numeric::NaN();
    int bsign_flip = sub ? -1 : 1;
    if (a.is_infinite()) {
      if (b.is_infinite() && SignOf(b) * bsign_flip != SignOf(a)) return Numeric::NaN();
      return a;
    }
    if (b.is_infinite()) return SignedInfinity(SignOf(b) * bsign_flip);
    return Checked(AddFinite(a, b, sub));
  }

  // a + b (a - b if `sub`), exact, scale max(dscale).
  static Numeric AddFinite(const Numeric& a, const Numeric& b, bool sub) {
    int32_t s = std::max(a.dscale_, b.dscale_);
    Limbs x = ScaleUp(a.mag_, s - a.dscale_), y = ScaleUp(b.mag_, s - b.dscale_);
    bool xneg = a.neg_, yneg = b.neg_ != sub;
    if (xneg == yneg) return Finite(xneg, s, AddMag(x, y));
    if (CmpMag(x, y) >= 0) return Finite(xneg, s, SubMag(x, y));
    return Finite(yneg, s, SubMag(y, x));
  }

  // Rounds a magnitude that carries one guard digit: drops the last digit, rounding half up.
  static Limbs RoundGuardDigit(const Limbs& m) {
    bool inexact;
    Limbs r = ShiftDown(m, 1, &inexact);
    if (DigitAt(m, 0) >= 5) Increment(r);
    return r;
  }

  static int SelectDivScale(const Numeric& a, const Numeric& b) {
    int64_t w1, w2;
    int f1, f2;
    NbaseLead(a, &w1, &f1);
    NbaseLead(b, &w2, &f2);
    int64_t qweight = w1 - w2;
    if (f1 <= f2) --qweight;
    int64_t rscale = Numeric::kMinSignificantDigits - qweight * 4;
    rscale = std::max<int64_t>({rscale, a.dscale_, b.dscale_, 0});
    return static_cast<int>(std::min<int64_t>(rscale, Numeric::kMaxDisplayScale));
  }

  // Integer conversion shared by ToInt64/32/16.
  static Result<int64_t> ToInteger(const Numeric& x, const char* type, int64_t min, int64_t max,
                                   const char* range_message) {
    if (x.is_nan()) {
      return Status(sqlstate::kFeatureNotSupported, std::string("cannot convert NaN to ") + type);
    }
    if (x.is_infinite()) {
      return Status(sqlstate::kFeatureNotSupported,
                    std::string("cannot convert infinity to ") + type);
    }
    Status range(sqlstate::kNumericValueOutOfRange, range_message);
    Numeric r = RoundTo(x, 0, true);
    if (r.mag_.size() > 3) return range;
    uint64_t u = 0;
    for (size_t i = r.mag_.size(); i-- > 0;) {
      if (u > (std::numeric_limits<uint64_t>::max() - r.mag_[i]) / kBase) return range;
      u = u * kBase + r.mag_[i];
    }
    if (r.neg_) {
      if (u > uint64_t{0} - static_cast<uint64_t>(min)) return range;
      return static_cast<int64_t>(uint64_t{0} - u);
    }
    if (u > static_cast<uint64_t>(max)) return range;
    return static_cast<int64_t>(u);
  }
};

using NI = NumericInternal;

// ---------------------------------------------------------------------------------------------
// Construction, text and binary formats.

Numeric Numeric::NaN() { return NI::Special(Kind::kNaN); }
Numeric Numeric::Infinity(bool negative) {
  return NI::Special(negative ? Kind::kNegInf : Kind::kPosInf);
}

Result<Numeric> Numeric::Parse(std::string_view input) {
  const size_t n = input.size();
  size_t i = 0;
  while (i < n && IsAsciiSpace(input[i])) ++i;
  auto only_space_from = [&](size_t pos) {
    for (; pos < n; ++pos) {
      if (!IsAsciiSpace(input[pos])) return false;
    }
    return true;
  };
  static constexpr std::pair<std::string_view, Kind> kSpecials[] = {
      {"NaN", Kind::kNaN},          {"Infinity", Kind::kPosInf}, {"+Infinity", Kind::kPosInf},
      {"-Infinity", Kind::kNegInf}, {"inf", Kind::kPosInf},      {"+inf", Kind::kPosInf},
      {"-inf", Kind::kNegInf}};
  std::string_view rest = input.substr(i);
  for (const auto& [word, kind] : kSpecials) {
    if (rest.size() >= word.size() && EqualsIgnoreAsciiCase(rest.substr(0, word.size()), word)) {
      if (!only_space_from(i + word.size())) return InvalidSyntax(input);
      return NI::Special(kind);
    }
  }

  bool neg = false;
  if (i < n && (input[i] == '+' || input[i] == '-')) {
    neg = input[i] == '-';
    ++i;
  }
  std::string digits;
  int64_t frac = 0;
  bool have_point = false;
  for (; i < n; ++i) {
    char c = input[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      if (have_point) ++frac;
    } else if (c == '.' && !have_point) {
      have_point = true;
    } else {
      break;
    }
  }
  if (digits.empty()) return InvalidSyntax(input);
  int64_t exponent = 0;
  if (i < n && (input[i] == 'e' || input[i] == 'E')) {
    // The exponent is read as strtol() does: optional whitespace, sign, digits.
    ++i;
    while (i < n && IsAsciiSpace(input[i])) ++i;
    bool exp_neg = false;
    if (i < n && (input[i] == '+' || input[i] == '-')) {
      exp_neg = input[i] == '-';
      ++i;
    }
    size_t start = i;
    for (; i < n && input[i] >= '0' && input[i] <= '9'; ++i) {
      if (exponent < (int64_t{1} << 40)) exponent = exponent * 10 + (input[i] - '0');
    }
    if (i == start) return InvalidSyntax(input);
    if (exp_neg) exponent = -exponent;
    constexpr int64_t kExponentLimit = std::numeric_limits<int32_t>::max() / 2;
    if (exponent >= kExponentLimit || exponent <= -kExponentLimit) return Overflow();
  }
  if (!only_space_from(i)) return InvalidSyntax(input);

  int64_t dscale = std::max<int64_t>(0, frac - exponent);
  if (dscale > kMaxDscale) return Overflow();
  Limbs mag = DecimalToMag(digits);
  if (!mag.empty() && NumDigits(mag) - frac + exponent > kMaxIntegerDigits) return Overflow();
  return NI::Finite(neg, dscale, ScaleUp(std::move(mag), dscale - frac + exponent));
}

std::string Numeric::ToString() const {
  switch (kind_) {
    case Kind::kNaN:
      return "NaN";
    case Kind::kPosInf:
      return "Infinity";
    case Kind::kNegInf:
      return "-Infinity";
    case Kind::kFinite:
      break;
  }
  std::string digits = MagToDecimal(mag_);
  const size_t ds = static_cast<size_t>(dscale_);
  if (digits.size() <= ds) digits.insert(0, ds + 1 - digits.size(), '0');
  std::string out;
  out.reserve(digits.size() + 2);
  if (neg_) out.push_back('-');
  out.append(digits, 0, digits.size() - ds);
  if (ds > 0) {
    out.push_back('.');
    out.append(digits, digits.size() - ds, ds);
  }
  return out;
}

Numeric Numeric::FromInt64(int64_t v) {
  uint64_t u = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  Limbs mag;
  for (; u != 0; u /= kBase) mag.push_back(static_cast<uint32_t>(u % kBase));
  return NI::Finite(v < 0, 0, std::move(mag));
}

namespace {
// float -> numeric through "%.<digits>g" text, as float8_numeric/float4_numeric do.
template <typename F>
Numeric FromBinaryFloat(F v, int digits) {
  if (std::isnan(v)) return Numeric::NaN();
  if (std::isinf(v)) return Numeric::Infinity(v < 0);
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::general, digits);
  Result<Numeric> parsed = Numeric::Parse(std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
  return parsed.ok() ? *parsed : Numeric::NaN();  // cannot fail for a finite float
}

template <typename F>
Result<F> ToBinaryFloat(const Numeric& x, bool check, const char* type) {
  if (x.is_nan()) return std::numeric_limits<F>::quiet_NaN();
  if (x.is_infinite()) {
    return x.is_negative() ? -std::numeric_limits<F>::infinity()
                           : std::numeric_limits<F>::infinity();
  }
  std::string text = x.ToString();
  errno = 0;
  F v;
  if constexpr (std::is_same_v<F, float>) {
    v = std::strtof(text.c_str(), nullptr);
  } else {
    v = std::strtod(text.c_str(), nullptr);
  }
  if (check && errno == ERANGE && (v == 0 || std::isinf(v))) {
    return Status(sqlstate::kNumericValueOutOfRange,
                  "\"" + text + "\" is out of range for type " + type);
  }
  return v;
}
}  // namespace

Numeric Numeric::FromDouble(double v) { return FromBinaryFloat(v, 15); }
Numeric Numeric::FromFloat(float v) { return FromBinaryFloat(v, 6); }

double Numeric::ToDouble() const { return *ToBinaryFloat<double>(*this, false, ""); }
Result<double> Numeric::ToFloat8() const {
  return ToBinaryFloat<double>(*this, true, "double precision");
}
float Numeric::ToFloat() const { return *ToBinaryFloat<float>(*this, false, ""); }
Result<float> Numeric::ToFloat4() const { return ToBinaryFloat<float>(*this, true, "real"); }

Result<int64_t> Numeric::ToInt64() const {
  return NI::ToInteger(*this, "bigint", std::numeric_limits<int64_t>::min(),
                       std::numeric_limits<int64_t>::max(), "bigint out of range");
}

Result<int32_t> Numeric::ToInt32() const {
  Result<int64_t> v = NI::ToInteger(*this, "integer", std::numeric_limits<int32_t>::min(),
                                    std::numeric_limits<int32_t>::max(), "integer out of range");
  if (!v.ok()) return std::move(v).status();
  return static_cast<int32_t>(*v);
}

Result<int16_t> Numeric::ToInt16() const {
  Result<int64_t> v = NI::ToInteger(*this, "smallint", std::numeric_limits<int16_t>::min(),
                                    std::numeric_limits<int16_t>::max(), "smallint out of range");
  if (!v.ok()) return std::move(v).status();
  return static_cast<int16_t>(*v);
}

std::string Numeric::HashKey() const {
  switch (kind_) {
    case Kind::kNaN:
      return "N";
    case Kind::kPosInf:
      return "+I";
    case Kind::kNegInf:
      return "-I";
    case Kind::kFinite:
      break;
  }
  if (mag_.empty()) return "0";
  // Sign, count of digits before the point, significant digits without trailing zeros.
  std::string digits = MagToDecimal(mag_);
  digits.erase(digits.find_last_not_of('0') + 1);
  return (neg_ ? "-" : "+") + std::to_string(NumDigits(mag_) - dscale_) + ":" + digits;
}

std::string Numeric::ToBinary() const {
  std::string out;
  auto put16 = [&out](uint32_t v) {
    out.push_back(static_cast<char>((v >> 8) & 0xff));
    out.push_back(static_cast<char>(v & 0xff));
  };
  if (kind_ != Kind::kFinite) {
    // PostgreSQL reads these header fields from the special value's short header, giving
    // weight 0 and dscale 0 (NaN) or 32 (infinities).
    put16(0);
    put16(0);
    put16(kind_ == Kind::kNaN ? 0xC000 : kind_ == Kind::kPosInf ? 0xD000 : 0xF000);
    put16(kind_ == Kind::kNaN ? 0 : 32);
    return out;
  }
  const int64_t frac_groups = (dscale_ + 3) / 4;
  std::string digits = MagToDecimal(mag_);
  std::vector<uint32_t> groups;
  int64_t weight = 0;
  if (!digits.empty()) {
    digits.append(static_cast<size_t>(frac_groups * 4 - dscale_), '0');
    digits.insert(0, (4 - digits.size() % 4) % 4, '0');
    for (size_t i = 0; i < digits.size(); i += 4) {
      groups.push_back(static_cast<uint32_t>((digits[i] - '0') * 1000 + (digits[i + 1] - '0') * 100 +
                                             (digits[i + 2] - '0') * 10 + (digits[i + 3] - '0')));
    }
    weight = static_cast<int64_t>(groups.size()) - frac_groups - 1;
    while (groups.back() == 0) groups.pop_back();
    size_t first = 0;
    while (groups[first] == 0) ++first;  // (cannot happen: digits has no leading zero group)
    groups.erase(groups.begin(), groups.begin() + static_cast<std::ptrdiff_t>(first));
    weight -= static_cast<int64_t>(first);
  }
  put16(static_cast<uint32_t>(groups.size()));
  put16(static_cast<uint16_t>(static_cast<int16_t>(weight)));
  put16(neg_ ? 0x4000 : 0);
  put16(static_cast<uint32_t>(dscale_));
  for (uint32_t g : groups) put16(g);
  return out;
}

Result<Numeric> Numeric::FromBinary(std::string_view data) {
  size_t pos = 0;
  auto get16 = [&](uint32_t* v) {
    if (data.size() - pos < 2) return false;
    *v = (static_cast<uint32_t>(static_cast<unsigned char>(data[pos])) << 8) |
         static_cast<unsigned char>(data[pos + 1]);
    pos += 2;
    return true;
  };
  Status insufficient(sqlstate::kProtocolViolation, "insufficient data left in message");
  uint32_t ndigits, weight_bits, sign, dscale;
  if (!get16(&ndigits) || !get16(&weight_bits) || !get16(&sign)) return insufficient;
  if (sign != 0 && sign != 0x4000 && sign != 0xC000 && sign != 0xD000 && sign != 0xF000) {
    return Status(kInvalidBinaryRepresentation, "invalid sign in external \"numeric\" value");
  }
  if (!get16(&dscale)) return insufficient;
  if (dscale > static_cast<uint32_t>(kMaxDscale)) {
    return Status(kInvalidBinaryRepresentation, "invalid scale in external \"numeric\" value");
  }
  std::string digits;
  digits.reserve(ndigits * 4);
  for (uint32_t i = 0; i < ndigits; ++i) {
    uint32_t d;
    if (!get16(&d)) return insufficient;
    if (d >= 10000) {
      return Status(kInvalidBinaryRepresentation, "invalid digit in external \"numeric\" value");
    }
    char buf[4] = {static_cast<char>('0' + d / 1000), static_cast<char>('0' + d / 100 % 10),
                   static_cast<char>('0' + d / 10 % 10), static_cast<char>('0' + d % 10)};
    digits.append(buf, 4);
  }
  if (pos != data.size()) {
    return Status(kInvalidBinaryRepresentation, "incorrect binary data format");
  }
  if (sign == 0xC000) return NaN();
  if (sign == 0xD000 || sign == 0xF000) return Infinity(sign == 0xF000);
  // value = digits * 10^exp10; keep what dscale shows (truncating the rest, as PostgreSQL).
  const int64_t weight = static_cast<int16_t>(static_cast<uint16_t>(weight_bits));
  const int64_t exp10 = 4 * (weight - static_cast<int64_t>(ndigits) + 1);
  Limbs mag = DecimalToMag(digits);
  const int64_t shift = exp10 + dscale;
  if (shift >= 0) {
    if (!mag.empty() && NumDigits(mag) + exp10 > kMaxIntegerDigits) return Overflow();
    mag = ScaleUp(std::move(mag), shift);
  } else {
    bool inexact;
    mag = ShiftDown(mag, -shift, &inexact);
  }
  return NI::Checked(NI::Finite(sign == 0x4000, dscale, std::move(mag)));
}

// ---------------------------------------------------------------------------------------------
// Typmods.

Result<int32_t> Numeric::MakeTypmod(int precision, int scale) {
  if (precision < 1 || precision > kMaxPrecision) {
    return Status(sqlstate::kInvalidParameterValue,
                  "NUMERIC precision " + std::to_string(precision) + " must be between 1 and " +
                      std::to_string(kMaxPrecision));
  }
  if (scale < kMinScale || scale > kMaxScale) {
    return Status(sqlstate::kInvalidParameterValue,
                  "NUMERIC scale " + std::to_string(scale) + " must be between " +
                      std::to_string(kMinScale) + " and " + std::to_string(kMaxScale));
  }
  return static_cast<int32_t>((static_cast<uint32_t>(precision) << 16) |
                              (static_cast<uint32_t>(scale) & 0x7ff)) +
         4;
}

int Numeric::TypmodPrecision(int32_t typmod) { return ((typmod - 4) >> 16) & 0xffff; }
int Numeric::TypmodScale(int32_t typmod) { return (((typmod - 4) & 0x7ff) ^ 1024) - 1024; }

Result<Numeric> Numeric::ApplyTypmod(int32_t typmod) const {
  if (typmod < 4) return *this;
  return ApplyTypmod(TypmodPrecision(typmod), TypmodScale(typmod));
}

Result<Numeric> Numeric::ApplyTypmod(int precision, int scale) const {
  const std::string field =
      "A field with precision " + std::to_string(precision) + ", scale " + std::to_string(scale);
  if (is_nan()) return *this;
  if (is_infinite()) {
    return Status(sqlstate::kNumericValueOutOfRange, "numeric field overflow",
                  field + " cannot hold an infinite value.");
  }
  Numeric r = NI::RoundTo(*this, scale, true);
  const int max_digits = precision - scale;
  if (!r.mag_.empty() && NumDigits(r.mag_) - r.dscale_ > max_digits) {
    return Status(sqlstate::kNumericValueOutOfRange, "numeric field overflow",
                  field + " must round to an absolute value less than " +
                      (max_digits ? "10^" + std::to_string(max_digits) : std::string("1")) + ".");
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic.

Result<Numeric> Numeric::Add(const Numeric& a, const Numeric& b) { return NI::AddSub(a, b, false); }
Result<Numeric> Numeric::Sub(const Numeric& a, const Numeric& b) { return NI::AddSub(a, b, true); }

Result<Numeric> Numeric::Mul(const Numeric& a, const Numeric& b) {
  if (a.is_nan() || b.is_nan()) return NaN();
  if (a.is_infinite() || b.is_infinite()) {
    int s = NI::SignOf(a) * NI::SignOf(b);
    return s == 0 ? NaN() : NI::SignedInfinity(s);  // Inf * 0 = NaN
  }
  Numeric r = NI::Finite(a.neg_ != b.neg_, int64_t{a.dscale_} + b.dscale_, MulMag(a.mag_, b.mag_));
  if (r.dscale_ > kMaxDscale) r = NI::RoundTo(r, kMaxDscale, true);
  return NI::Checked(std::move(r));
}

Result<Numeric> Numeric::Div(const Numeric& a, const Numeric& b) {
  if (a.is_nan() || b.is_nan()) return NaN();
  if (a.is_infinite()) {
    if (b.is_infinite()) return NaN();
    int s = NI::SignOf(b);
    if (s == 0) return DivisionByZero();
    return NI::SignedInfinity(NI::SignOf(a) * s);
  }
  if (b.is_infinite()) return Numeric();
  if (b.mag_.empty()) return DivisionByZero();
  return NI::Checked(DivRounded(a, b, NI::SelectDivScale(a, b)));
}

Result<Numeric> Numeric::Mod(const Numeric& a, const Numeric& b) {
  if (a.is_nan() || b.is_nan()) return NaN();
  if (a.is_infinite()) {
    if (NI::SignOf(b) == 0) return DivisionByZero();
    return NaN();
  }
  if (b.is_infinite()) return a;
  if (b.mag_.empty()) return DivisionByZero();
  const int32_t s = std::max(a.dscale_, b.dscale_);
  Limbs q, r;
  DivModMag(ScaleUp(a.mag_, s - a.dscale_), ScaleUp(b.mag_, s - b.dscale_), &q, &r);
  return NI::Finite(a.neg_, s, std::move(r));
}

Result<Numeric> Numeric::Avg(const Numeric& sum, int64_t count) {
  return Div(sum, FromInt64(count));
}

Numeric Numeric::Negate() const {
  Numeric r = *this;
  if (kind_ == Kind::kPosInf) r.kind_ = Kind::kNegInf;
  else if (kind_ == Kind::kNegInf) r.kind_ = Kind::kPosInf;
  else if (kind_ == Kind::kFinite) r.neg_ = !neg_ && !mag_.empty();
  return r;
}

Numeric Numeric::Abs() const {
  Numeric r = *this;
  if (kind_ == Kind::kNegInf) r.kind_ = Kind::kPosInf;
  r.neg_ = false;
  return r;
}

Result<Numeric> Numeric::Round(int scale) const {
  if (kind_ != Kind::kFinite) return *this;
  scale = std::clamp(scale, -kMaxIntegerDigits - 1, kMaxDscale);
  return NI::Checked(NI::RoundTo(*this, scale, true));
}

Result<Numeric> Numeric::Trunc(int scale) const {
  if (kind_ != Kind::kFinite) return *this;
  scale = std::clamp(scale, -kMaxIntegerDigits - 1, kMaxDscale);
  return NI::Checked(NI::RoundTo(*this, scale, false));
}

Result<Numeric> Numeric::Ceil() const {
  if (kind_ != Kind::kFinite) return *this;
  bool inexact;
  Limbs m = ShiftDown(mag_, dscale_, &inexact);
  if (inexact && !neg_) Increment(m);
  return NI::Checked(NI::Finite(neg_, 0, std::move(m)));
}

Result<Numeric> Numeric::Floor() const {
  if (kind_ != Kind::kFinite) return *this;
  bool inexact;
  Limbs m = ShiftDown(mag_, dscale_, &inexact);
  if (inexact && neg_) Increment(m);
  return NI::Checked(NI::Finite(neg_, 0, std::move(m)));
}

Numeric Numeric::Sign() const {
  if (is_nan()) return NaN();
  return FromInt64(NI::SignOf(*this));
}

Result<Numeric> Numeric::Sqrt() const {
  if (kind_ == Kind::kNegInf || (kind_ == Kind::kFinite && neg_)) {
    return Status(kInvalidArgumentForPowerFunction, "cannot take square root of a negative number");
  }
  if (kind_ != Kind::kFinite) return *this;
  int64_t weight;
  int first;
  NI::NbaseLead(*this, &weight, &first);
  const int64_t sweight = (weight + 1) * 4 / 2 - 1;
  int64_t rscale = std::max<int64_t>(kMinSignificantDigits - sweight, dscale_);
  rscale = std::clamp<int64_t>(rscale, 0, kMaxDisplayScale);
  return SqrtRounded(rscale);
}

// ---------------------------------------------------------------------------------------------
// Building blocks of numeric_math.cc.

Numeric Numeric::Rounded(int64_t scale) const { return NI::RoundTo(*this, scale, true); }

Numeric Numeric::Plus(const Numeric& a, const Numeric& b) { return NI::AddFinite(a, b, false); }

Numeric Numeric::MulRounded(const Numeric& a, const Numeric& b, int64_t scale) {
  return NI::RoundTo(NI::Finite(a.neg_ != b.neg_, int64_t{a.dscale_} + b.dscale_,
                                MulMag(a.mag_, b.mag_)),
                     scale, true);
}

Numeric Numeric::DivRounded(const Numeric& a, const Numeric& b, int64_t scale) {
  // Truncated quotient with one guard digit, then round half away from zero.
  const int64_t k = int64_t{b.dscale_} + scale + 1 - a.dscale_;
  Limbs q, r;
  if (k >= 0) {
    DivModMag(ScaleUp(a.mag_, k), b.mag_, &q, &r);
  } else {
    DivModMag(a.mag_, ScaleUp(b.mag_, -k), &q, &r);
  }
  Limbs m = NI::RoundGuardDigit(q);
  if (scale < 0) return NI::Finite(a.neg_ != b.neg_, 0, ScaleUp(std::move(m), -scale));
  return NI::Finite(a.neg_ != b.neg_, scale, std::move(m));
}

Numeric Numeric::SqrtRounded(int64_t scale) const {
  // floor(sqrt(x) * 10^(scale + 1)) = isqrt(floor(mag * 10^(2 * (scale + 1) - dscale))).
  const int64_t e = 2 * (scale + 1) - dscale_;
  Limbs x;
  if (e >= 0) {
    x = ScaleUp(mag_, e);
  } else {
    bool inexact;
    x = ShiftDown(mag_, -e, &inexact);
  }
  Limbs m = NI::RoundGuardDigit(ISqrt(x));
  if (scale < 0) return NI::Finite(false, 0, ScaleUp(std::move(m), -scale));
  return NI::Finite(false, scale, std::move(m));
}

int64_t Numeric::LeadingExponent() const {
  return mag_.empty() ? 0 : NumDigits(mag_) - 1 - dscale_;
}

int Numeric::Compare(const Numeric& a, const Numeric& b) {
  auto rank = [](Kind k) {
    switch (k) {
      case Kind::kNegInf:
        return 0;
      case Kind::kFinite:
        return 1;
      case Kind::kPosInf:
        return 2;
      case Kind::kNaN:
        break;
    }
    return 3;
  };
  int ra = rank(a.kind_), rb = rank(b.kind_);
  if (ra != rb) return ra < rb ? -1 : 1;
  return ra == 1 ? NI::CmpFinite(a, b) : 0;
}

}  // namespace omendb
