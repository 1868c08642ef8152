// Numeric's transcendental functions: exp(), ln(), log(b, x) and power(), following the
// algorithms and scale rules of PostgreSQL 15's numeric_exp, numeric_ln, numeric_log and
// numeric_power (and their helpers exp_var, ln_var, log_var, power_var, power_var_int).
//
// PostgreSQL evaluates Taylor series and repeated squarings at working scales it derives from
// floating-point estimates of the result's weight, rounding every intermediate value to that
// scale, and finally rounds to the result scale. The code below walks through the same steps
// with the same working scales and estimates, rounding each step exactly (half away from zero)
// with Numeric's building blocks, so that the digits come out as PostgreSQL prints them.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "types/numeric.h"

namespace omendb {

namespace {

constexpr int kMinSigDigits = Numeric::kMinSignificantDigits;  // NUMERIC_MIN_SIG_DIGITS
constexpr int kMaxResultScale = 2 * Numeric::kMaxPrecision;    // NUMERIC_MAX_RESULT_SCALE
constexpr int64_t kMaxWeight = 32767;  // largest base-10000 weight of a stored numeric
constexpr int kNbaseDigits = 4;        // decimal digits per base-10000 digit
constexpr double kLog10E = 0.434294481903252;
constexpr double kLog10Two = 0.301029995663981;
constexpr double kLnTen = 2.302585092994046;
constexpr char kInvalidArgumentForLog[] = "2201E";
constexpr char kInvalidArgumentForPower[] = "2201F";

Status Overflow() {
  return Status(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
}
Status DivisionByZero() { return Status(sqlstate::kDivisionByZero, "division by zero"); }
Status LogOfZero() { return Status(kInvalidArgumentForLog, "cannot take logarithm of zero"); }
Status LogOfNegative() {
  return Status(kInvalidArgumentForLog, "cannot take logarithm of a negative number");
}

// The bounds of the range that ln() reduces its argument into.
const Numeric& ZeroPointNine() {
  static const Numeric k = *Numeric::Parse("0.9");
  return k;
}
const Numeric& OnePointOne() {
  static const Numeric k = *Numeric::Parse("1.1");
  return k;
}

int64_t FloorDiv4(int64_t e) { return e >= 0 ? e / 4 : -((-e + 3) / 4); }

// PostgreSQL's base-10000 digits of a finite nonzero value: the weight of the first digit and
// the digits from the first to the last nonzero one.
struct NbaseDigits {
  int64_t weight = 0;
  std::vector<int> digits;
};

NbaseDigits ToNbase(const Numeric& x) {
  const std::string text = x.Abs().ToString();
  const size_t point = text.find('.');
  std::string int_part = text.substr(0, point);
  std::string frac_part = point == std::string::npos ? std::string() : text.substr(point + 1);
  int_part.insert(0, (kNbaseDigits - int_part.size() % kNbaseDigits) % kNbaseDigits, '0');
  frac_part.append((kNbaseDigits - frac_part.size() % kNbaseDigits) % kNbaseDigits, '0');
  const std::string all = int_part + frac_part;
  NbaseDigits v;
  v.weight = static_cast<int64_t>(int_part.size() / kNbaseDigits) - 1;
  for (size_t i = 0; i < all.size(); i += kNbaseDigits) {
    v.digits.push_back(std::stoi(all.substr(i, kNbaseDigits)));
  }
  size_t first = 0;
  while (first < v.digits.size() && v.digits[first] == 0) ++first;
  v.digits.erase(v.digits.begin(), v.digits.begin() + static_cast<std::ptrdiff_t>(first));
  v.weight -= static_cast<int64_t>(first);
  while (!v.digits.empty() && v.digits.back() == 0) v.digits.pop_back();
  return v;
}

}  // namespace

struct NumericMath {
  static Numeric Zero(int64_t dscale) {
    Numeric z;
    z.dscale_ = static_cast<int32_t>(dscale);
    return z;
  }
  static Numeric One(int64_t dscale) { return Numeric::FromInt64(1).Rounded(dscale); }
  static Numeric Int(int64_t v) { return Numeric::FromInt64(v); }
  static Numeric Minus(const Numeric& a, const Numeric& b) {
    return Numeric::Plus(a, b.Negate());
  }

  // make_result's check of the digits before the point.
  static Result<Numeric> Checked(Numeric x) {
    if (x.is_finite() && !x.is_zero() && x.LeadingExponent() >= Numeric::kMaxIntegerDigits) {
      return Overflow();
    }
    return x;
  }

  // PostgreSQL's base-10000 weight (0 for zero).
  static int64_t Weight(const Numeric& x) {
    return x.is_zero() ? 0 : FloorDiv4(x.LeadingExponent());
  }

  static bool IsIntegral(const Numeric& x) { return Numeric::Compare(x, x.Rounded(0)) == 0; }
  static bool IsOddInteger(const Numeric& x) {
    if (!IsIntegral(x)) return false;
    Numeric i = x.Rounded(0);
    return !i.mag_.empty() && (i.mag_[0] & 1) != 0;
  }

  // estimate_ln_dweight: the decimal weight of ln(x), estimated from the leading digits (or,
  // for 0.9 <= x <= 1.1, from x - 1). 0 for x <= 0.
  static int EstimateLnWeight(const Numeric& x) {
    if (x.is_negative() || x.is_zero()) return 0;
    if (Numeric::Compare(x, ZeroPointNine()) >= 0 && Numeric::Compare(x, OnePointOne()) <= 0) {
      Numeric d = Minus(x, One(0));
      return d.is_zero() ? 0 : static_cast<int>(d.LeadingExponent());
    }
    NbaseDigits v = ToNbase(x);
    int digits = v.digits[0];
    int dweight = static_cast<int>(v.weight) * kNbaseDigits;
    if (v.digits.size() > 1) {
      digits = digits * 10000 + v.digits[1];
      dweight -= kNbaseDigits;
    }
    double ln = std::log(static_cast<double>(digits)) + dweight * kLnTen;
    return static_cast<int>(std::log10(std::fabs(ln)));
  }

  // exp_var: e^x rounded to rscale digits.
  static Result<Numeric> ExpVar(const Numeric& arg, int64_t rscale) {
    double val = arg.ToDouble();
    if (std::fabs(val) >= kMaxResultScale * 3) {
      if (val > 0) return Overflow();
      return Zero(rscale);
    }
    const int dweight = static_cast<int>(val * kLog10E);
    // Halve x until |x| <= 0.01 so that the series converges quickly.
    Numeric x = arg;
    int ndiv2 = 0;
    if (std::fabs(val) > 0.01) {
      ndiv2 = 1;
      val /= 2;
      while (std::fabs(val) > 0.01) {
        ++ndiv2;
        val /= 2;
      }
      x = Numeric::DivRounded(x, Int(int64_t{1} << ndiv2), x.dscale_ + ndiv2);
    }
    // Working precision: the result's significant digits, the digits the squarings below can
    // lose, and 8 guard digits.
    int64_t sig_digits = 1 + dweight + rscale + static_cast<int>(ndiv2 * kLog10Two);
    sig_digits = std::max<int64_t>(sig_digits, 0) + 8;
    int64_t local_rscale = sig_digits - 1;
    // exp(x) = 1 + x + x^2/2! + x^3/3! + ...
    Numeric result = Numeric::Plus(One(0), x);
    Numeric term = Numeric::DivRounded(Numeric::MulRounded(x, x, local_rscale), Int(2),
                                       local_rscale);
    for (int n = 2; !term.is_zero();) {
      result = Numeric::Plus(result, term);
      term = Numeric::MulRounded(term, x, local_rscale);
      term = Numeric::DivRounded(term, Int(++n), local_rscale);
    }
    // Undo the halvings by squaring, keeping sig_digits significant digits.
    while (ndiv2-- > 0) {
      local_rscale = std::max<int64_t>(sig_digits - Weight(result) * 2 * kNbaseDigits, 0);
      result = Numeric::MulRounded(result, result, local_rscale);
    }
    return result.Rounded(rscale);
  }

  // ln_var: ln(x) rounded to rscale digits.
  static Result<Numeric> LnVar(const Numeric& arg, int64_t rscale) {
    if (arg.is_zero()) return LogOfZero();
    if (arg.is_negative()) return LogOfNegative();
    // Bring x into (0.9, 1.1) by square roots: ln(x) = 2^k * ln(x^(1/2^k)).
    Numeric x = arg;
    int64_t fact = 2;
    int nsqrt = 0;
    while (Numeric::Compare(x, ZeroPointNine()) <= 0) {
      x = x.SqrtRounded(rscale - Weight(x) * kNbaseDigits / 2 + 8);
      fact *= 2;
      ++nsqrt;
    }
    while (Numeric::Compare(x, OnePointOne()) >= 0) {
      x = x.SqrtRounded(rscale - Weight(x) * kNbaseDigits / 2 + 8);
      fact *= 2;
      ++nsqrt;
    }
    // ln(x) = 2 * (z + z^3/3 + z^5/5 + ...) with z = (x - 1) / (x + 1); the sum is multiplied
    // by 2^(nsqrt + 1), so it needs that many more digits.
    const int64_t local_rscale = rscale + static_cast<int>((nsqrt + 1) * kLog10Two) + 8;
    Numeric z = Numeric::DivRounded(Minus(x, One(0)), Numeric::Plus(x, One(0)), local_rscale);
    Numeric z2 = Numeric::MulRounded(z, z, local_rscale);
    Numeric power = z;
    Numeric sum = z;
    for (int n = 3;; n += 2) {
      power = Numeric::MulRounded(power, z2, local_rscale);
      Numeric term = Numeric::DivRounded(power, Int(n), local_rscale);
      if (term.is_zero()) break;
      sum = Numeric::Plus(sum, term);
      if (Weight(term) < Weight(sum) - local_rscale * 2 / kNbaseDigits) break;
    }
    return Numeric::MulRounded(sum, Int(fact), rscale);
  }

  // log_var: ln(num) / ln(base) with the scale chosen from the estimated weights.
  static Result<Numeric> LogVar(const Numeric& base, const Numeric& num) {
    const int ln_base_dweight = EstimateLnWeight(base);
    const int ln_num_dweight = EstimateLnWeight(num);
    const int result_dweight = ln_num_dweight - ln_base_dweight;
    int64_t rscale = std::max<int64_t>({kMinSigDigits - result_dweight, base.dscale_,
                                        num.dscale_, 0});
    rscale = std::min<int64_t>(rscale, Numeric::kMaxDisplayScale);
    const int64_t ln_base_rscale =
        std::max<int64_t>(rscale + result_dweight - ln_base_dweight + 8, 0);
    const int64_t ln_num_rscale =
        std::max<int64_t>(rscale + result_dweight - ln_num_dweight + 8, 0);
    OMEN_ASSIGN_OR_RETURN(Numeric ln_base, LnVar(base, ln_base_rscale));
    OMEN_ASSIGN_OR_RETURN(Numeric ln_num, LnVar(num, ln_num_rscale));
    if (ln_base.is_zero()) return DivisionByZero();
    return Numeric::DivRounded(ln_num, ln_base, rscale);
  }

  // power_var_int: base ^ exp by repeated squaring, rounded to rscale digits.
  static Result<Numeric> PowerVarInt(const Numeric& base, int exp, int64_t rscale) {
    switch (exp) {
      case 0:
        return One(rscale);
      case 1:
        return base.Rounded(rscale);
      case -1:
        if (base.is_zero()) return DivisionByZero();
        return Checked(Numeric::DivRounded(One(0), base, rscale));
      case 2:
        return Checked(Numeric::MulRounded(base, base, rscale));
      default:
        break;
    }
    if (base.is_zero()) {
      if (exp < 0) return DivisionByZero();
      return Zero(rscale);
    }
    // Estimate the result's decimal weight from up to 16 leading digits of the base.
    const NbaseDigits v = ToNbase(base);
    double f = v.digits[0];
    int p = static_cast<int>(v.weight) * kNbaseDigits;
    for (size_t i = 1; i < v.digits.size() && i * kNbaseDigits < 16; ++i) {
      f = f * 10000 + v.digits[i];
      p -= kNbaseDigits;
    }
    f = exp * (std::log10(f) + p);
    if (f > 3 * kMaxWeight * kNbaseDigits) return Overflow();
    if (f + 1 < static_cast<double>(-rscale) || f + 1 < -Numeric::kMaxDisplayScale) {
      return Zero(rscale);
    }
    // Significant digits to keep: those of the result, up to log(|exp|) digits the
    // multiplications may lose, and 8 guard digits.
    int64_t sig_digits = 1 + rscale + static_cast<int>(f);
    sig_digits += static_cast<int>(std::log(std::fabs(static_cast<double>(exp)))) + 8;

    bool neg = exp < 0;
    uint32_t mask = neg ? 0u - static_cast<uint32_t>(exp) : static_cast<uint32_t>(exp);
    Numeric base_prod = base;
    Numeric result = (mask & 1) ? base : One(0);
    while ((mask >>= 1) > 0) {
      // Scales that keep sig_digits significant digits, but no more than the exact product has.
      int64_t local_rscale = sig_digits - 2 * Weight(base_prod) * kNbaseDigits;
      local_rscale = std::max<int64_t>(std::min<int64_t>(local_rscale, 2 * base_prod.dscale_), 0);
      base_prod = Numeric::MulRounded(base_prod, base_prod, local_rscale);
      if (mask & 1) {
        local_rscale = sig_digits - (Weight(base_prod) + Weight(result)) * kNbaseDigits;
        local_rscale = std::min<int64_t>(local_rscale,
                                         int64_t{base_prod.dscale_} + result.dscale_);
        local_rscale = std::max<int64_t>(local_rscale, 0);
        result = Numeric::MulRounded(base_prod, result, local_rscale);
      }
      if (Weight(base_prod) > kMaxWeight || Weight(result) > kMaxWeight) {
        if (!neg) return Overflow();
        return Zero(rscale);  // 1 / (an overflowing value) underflows to zero
      }
    }
    if (neg) {
      if (result.is_zero()) return DivisionByZero();
      return Checked(Numeric::DivRounded(One(0), result, rscale));
    }
    return Checked(result.Rounded(rscale));
  }

  // power_var: finite base and exponent, not 0 ^ negative.
  static Result<Numeric> PowerVar(const Numeric& base, const Numeric& exp) {
    if (IsIntegral(exp)) {
      Result<int64_t> e = exp.ToInt64();
      if (e.ok() && *e >= INT32_MIN && *e <= INT32_MAX) {
        int64_t rscale = std::max<int64_t>(kMinSigDigits, base.dscale_);
        rscale = std::min<int64_t>(rscale, Numeric::kMaxDisplayScale);
        return PowerVarInt(base, static_cast<int>(*e), rscale);
      }
    }
    if (base.is_zero()) return Zero(kMinSigDigits);
    bool negate = false;
    Numeric abs_base = base;
    if (base.is_negative()) {
      if (!IsIntegral(exp)) {
        return Status(kInvalidArgumentForPower,
                      "a negative number raised to a non-integer power yields a complex result");
      }
      negate = IsOddInteger(exp);
      abs_base = base.Abs();
    }
    // A low-precision exp * ln(base) (about 8 significant digits) estimates the result's weight.
    const int ln_dweight = EstimateLnWeight(abs_base);
    int64_t local_rscale = std::max<int64_t>(8 - ln_dweight, 0);
    OMEN_ASSIGN_OR_RETURN(Numeric ln_base, LnVar(abs_base, local_rscale));
    Numeric ln_num = Numeric::MulRounded(ln_base, exp, local_rscale);
    double val = ln_num.ToDouble();
    if (std::fabs(val) > kMaxResultScale * 3.01) {
      if (val > 0) return Overflow();
      return Zero(Numeric::kMaxDisplayScale);
    }
    val *= kLog10E;
    int64_t rscale = std::max<int64_t>({kMinSigDigits - static_cast<int>(val), abs_base.dscale_,
                                        exp.dscale_, 0});
    rscale = std::min<int64_t>(rscale, Numeric::kMaxDisplayScale);
    const int64_t sig_digits = std::max<int64_t>(rscale + static_cast<int>(val), 0);
    // The real calculation, with ln(base) to sig_digits + 8 significant digits.
    local_rscale = std::max<int64_t>(sig_digits - ln_dweight + 8, 0);
    OMEN_ASSIGN_OR_RETURN(ln_base, LnVar(abs_base, local_rscale));
    ln_num = Numeric::MulRounded(ln_base, exp, local_rscale);
    OMEN_ASSIGN_OR_RETURN(Numeric result, ExpVar(ln_num, rscale));
    return negate ? result.Negate() : result;
  }
};

using NM = NumericMath;

Result<Numeric> Numeric::Exp() const {
  if (is_nan() || kind_ == Kind::kPosInf) return *this;
  if (kind_ == Kind::kNegInf) return Numeric();
  // The result's decimal weight is about x * log10(e).
  double val = ToDouble() * kLog10E;
  val = std::clamp<double>(val, -kMaxResultScale, kMaxResultScale);
  int64_t rscale = std::max<int64_t>({kMinSigDigits - static_cast<int>(val), dscale_, 0});
  rscale = std::min<int64_t>(rscale, kMaxDisplayScale);
  OMEN_ASSIGN_OR_RETURN(Numeric r, NM::ExpVar(*this, rscale));
  return NM::Checked(std::move(r));
}

Result<Numeric> Numeric::Ln() const {
  if (kind_ == Kind::kNegInf) return LogOfNegative();
  if (!is_finite()) return *this;
  int64_t rscale = std::max<int64_t>({kMinSigDigits - NM::EstimateLnWeight(*this), dscale_, 0});
  rscale = std::min<int64_t>(rscale, kMaxDisplayScale);
  return NM::LnVar(*this, rscale);
}

Result<Numeric> Numeric::Log10() const { return Log(FromInt64(10), *this); }

Result<Numeric> Numeric::Log(const Numeric& base, const Numeric& x) {
  if (!base.is_finite() || !x.is_finite()) {
    if (base.is_nan() || x.is_nan()) return NaN();
    if (base.is_negative() || x.is_negative()) return LogOfNegative();
    if (base.is_zero() || x.is_zero()) return LogOfZero();
    if (base.kind_ == Kind::kPosInf) return x.kind_ == Kind::kPosInf ? NaN() : Numeric();
    return Infinity();  // log(finite positive, Infinity)
  }
  return NM::LogVar(base, x);
}

Result<Numeric> Numeric::Power(const Numeric& base, const Numeric& exp) {
  const Numeric one = FromInt64(1);
  if (base.is_nan()) return exp.is_zero() ? one : NaN();  // NaN ^ 0 = 1
  if (exp.is_nan()) {
    return base.is_finite() && Compare(base, one) == 0 ? one : NaN();  // 1 ^ NaN = 1
  }
  const int sign_base = base.is_zero() ? 0 : (base.is_negative() ? -1 : 1);
  const int sign_exp = exp.is_zero() ? 0 : (exp.is_negative() ? -1 : 1);
  if (sign_base == 0 && sign_exp < 0) {
    return Status(kInvalidArgumentForPower, "zero raised to a negative power is undefined");
  }
  if (base.is_finite() && exp.is_finite()) return NM::PowerVar(base, exp);

  // Infinite operands, as POSIX pow() treats them. Infinities count as integers.
  if (sign_base < 0 && exp.is_finite() && !NM::IsIntegral(exp)) {
    return Status(kInvalidArgumentForPower,
                  "a negative number raised to a non-integer power yields a complex result");
  }
  if (base.is_finite() && Compare(base, one) == 0) return one;
  if (sign_exp == 0) return one;
  if (sign_base == 0) return Numeric();  // 0 ^ positive
  if (exp.is_infinite()) {
    bool abs_base_gt_one = true;  // for +-Infinity
    if (base.is_finite()) {
      if (Compare(base, one.Negate()) == 0) return one;  // (-1) ^ +-Inf
      abs_base_gt_one = Compare(base.Abs(), one) > 0;
    }
    return abs_base_gt_one == (sign_exp > 0) ? Infinity() : Numeric();
  }
  // base is +-Infinity, exp is finite and nonzero.
  if (sign_exp < 0) return Numeric();
  if (base.kind_ == Kind::kPosInf) return Infinity();
  return Infinity(NM::IsOddInteger(exp));  // (-Inf) ^ odd = -Inf, else Inf
}

}  // namespace omendb
