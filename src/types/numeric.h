// Numeric: PostgreSQL 15's arbitrary-precision `numeric`, exact decimal arithmetic with
// PostgreSQL's result scales, rounding, special values, text and binary formats, and errors.
//
// A finite value is sign * M / 10^dscale, where M is a non-negative integer (stored in base
// 10^9 limbs) and dscale is the display scale: 1.5 and 1.50 are equal but keep their own dscale
// and print differently. No value ever holds digits beyond its dscale (as in PostgreSQL), zero is
// never negative, and the special values are NaN, Infinity and -Infinity. Limits are
// PostgreSQL's storage limits: at most 131072 digits before the decimal point and a dscale of at
// most 16383; anything beyond fails with 22003 "value overflows numeric format".
// No binary floating point is used except in the float conversions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace omendb {

struct NumericInternal;

class Numeric {
 public:
  static constexpr int kMaxPrecision = 1000;       // NUMERIC_MAX_PRECISION (typmod limit)
  static constexpr int kMinScale = -1000;          // NUMERIC_MIN_SCALE
  static constexpr int kMaxScale = 1000;           // NUMERIC_MAX_SCALE
  static constexpr int kMaxDisplayScale = 1000;    // cap of computed scales (division, sqrt)
  static constexpr int kMaxDscale = 16383;         // storage limit of dscale
  static constexpr int kMaxIntegerDigits = 131072; // storage limit of digits before the point
  static constexpr int kMinSignificantDigits = 16; // division and sqrt give at least this many

  // Zero with dscale 0.
  Numeric() = default;

  static Numeric NaN();
  static Numeric Infinity(bool negative = false);

  // numeric_in: optional leading/trailing whitespace; "NaN", "Infinity", "+Infinity",
  // "-Infinity", "inf", "+inf", "-inf" (case-insensitive); otherwise an optional sign, digits
  // with an optional '.' (at least one digit), and an optional exponent e/E[sign]digits.
  // dscale = digits after the point minus the exponent, at least 0 ('1.50' -> 2, '1e3' -> 0,
  // '1.5e-2' -> 3). Errors: 22P02 invalid input syntax for type numeric: "<input>";
  // 22003 value overflows numeric format. Linear in the input length.
  static Result<Numeric> Parse(std::string_view s);

  // numeric_out: plain notation with exactly dscale digits after the point, "NaN",
  // "Infinity", "-Infinity"; never "-0". Linear in the output length.
  std::string ToString() const;

  static Numeric FromInt64(int64_t v);
  // float8 -> numeric: NaN/+-Infinity map to the specials, finite values go through their
  // 15-significant-digit text ("%.15g"), so 0.1 -> 0.1 and 1e20 -> 100000000000000000000.
  static Numeric FromDouble(double v);
  // float4 -> numeric: as FromDouble with 6 significant digits.
  static Numeric FromFloat(float v);

  // Round half away from zero to an integer, then range-check. Errors: 22003 "bigint out of
  // range" / "integer out of range" / "smallint out of range"; 0A000 "cannot convert NaN to
  // bigint" and "cannot convert infinity to bigint" (integer, smallint likewise), the codes
  // PostgreSQL 15 uses.
  Result<int64_t> ToInt64() const;
  Result<int32_t> ToInt32() const;
  Result<int16_t> ToInt16() const;

  // numeric -> float8 correctly rounded from the decimal text; NaN and infinities map to the
  // double specials. ToDouble saturates (+-inf on overflow, 0 on underflow); ToFloat8 instead
  // fails as PostgreSQL does: 22003 "\"<text>\" is out of range for type double precision".
  double ToDouble() const;
  Result<double> ToFloat8() const;
  // The same for float4 (rounded directly from the text; error type name "real").
  float ToFloat() const;
  Result<float> ToFloat4() const;

  // numerictypmodin: validates and encodes numeric(precision, scale) as PostgreSQL's atttypmod
  // ((precision << 16) | (scale & 0x7ff)) + 4. Errors 22023 "NUMERIC precision 0 must be
  // between 1 and 1000" / "NUMERIC scale 1001 must be between -1000 and 1000".
  static Result<int32_t> MakeTypmod(int precision, int scale);
  static int TypmodPrecision(int32_t typmod);
  static int TypmodScale(int32_t typmod);

  // apply_typmod: rounds to `scale` digits (half away from zero; a negative scale rounds left
  // of the point and leaves dscale 0), then fails with 22003 "numeric field overflow" (detail
  // "A field with precision P, scale S must round to an absolute value less than 10^D." or
  // "... less than 1." when D = P - S is 0) if more than P - S digits precede the point. NaN
  // passes; infinities fail with detail "A field with precision P, scale S cannot hold an
  // infinite value.". REQUIRES: precision/scale valid as MakeTypmod checks.
  Result<Numeric> ApplyTypmod(int precision, int scale) const;
  // The same for an encoded typmod; a typmod < 4 (e.g. -1, no modifier) is a no-op.
  Result<Numeric> ApplyTypmod(int32_t typmod) const;

  // Arithmetic with PostgreSQL's special-value rules and result scales:
  //   Add/Sub: scale max(dscale); Inf + -Inf, Inf - Inf = NaN.
  //   Mul: scale dscale(a) + dscale(b) (rounded if above 16383); Inf * 0 = NaN.
  //   Div: scale giving at least 16 significant digits, at least each input's dscale, within
  //        0..1000; the quotient is rounded half away from zero. x / 0 fails with 22012
  //        "division by zero" (also for +-Infinity / 0); NaN / anything = NaN;
  //        Inf / Inf = NaN; finite / Inf = 0.
  //   Mod: a - trunc(a / b) * b, sign of the dividend, scale max(dscale); x % 0 -> 22012;
  //        Inf % x = NaN; finite % Inf = a.
  // Results beyond the storage limits fail with 22003 "value overflows numeric format".
  static Result<Numeric> Add(const Numeric& a, const Numeric& b);
  static Result<Numeric> Sub(const Numeric& a, const Numeric& b);
  static Result<Numeric> Mul(const Numeric& a, const Numeric& b);
  static Result<Numeric> Div(const Numeric& a, const Numeric& b);
  static Result<Numeric> Mod(const Numeric& a, const Numeric& b);
  // avg() as PostgreSQL computes it: Div(sum, count). count 0 -> 22012 (callers return NULL).
  static Result<Numeric> Avg(const Numeric& sum, int64_t count);

  Numeric Negate() const;  // keeps dscale; NaN stays NaN; -0 is 0
  Numeric Abs() const;

  // round(numeric, int) / trunc(numeric, int): scale clamped to -131073..16383, result dscale
  // max(scale, 0), half away from zero for Round (which may overflow: 22003). Specials are
  // returned unchanged.
  Result<Numeric> Round(int scale) const;
  Result<Numeric> Trunc(int scale) const;
  // ceil/floor: dscale 0; specials unchanged.
  Result<Numeric> Ceil() const;
  Result<Numeric> Floor() const;
  // sign(): -1, 0 or 1 with dscale 0; NaN -> NaN; +-Infinity -> +-1.
  Numeric Sign() const;
  // sqrt(): scale max(16 - (2 * (weight + 1) - 1), dscale) within 0..1000 (weight = the
  // base-10000 weight of the leading digit), correctly rounded half up. Negative input or
  // -Infinity -> 2201F "cannot take square root of a negative number"; NaN, Infinity unchanged.
  Result<Numeric> Sqrt() const;

  // Transcendental functions with PostgreSQL 15's algorithms (numeric_math.cc): each works with
  // guard digits at the scales PostgreSQL picks and rounds half away from zero, so results
  // match PostgreSQL's digit for digit. Result scales:
  //   Exp: 16 - trunc(x * log10(e)) (x clamped to +-2000), at least dscale, within 0..1000.
  //   Ln: 16 - estimated decimal weight of ln(x), at least dscale, within 0..1000.
  //   Log(b, x): 16 - (estimated weight of ln(x) - that of ln(b)), at least both dscales,
  //     within 0..1000. Log10(x) is log(10, x), as PostgreSQL defines log(numeric).
  //   Power with an integral exponent that fits in int32: max(16, dscale(base)) within 0..1000,
  //     by repeated squaring (exact where the digits fit; underflow gives 0 at that scale);
  //     otherwise exp(exp * ln(base)) with scale 16 - trunc(estimated result weight), at least
  //     both dscales, within 0..1000 (0 ^ non-integer = 0 with scale 16).
  // Errors: 22003 "value overflows numeric format" (exp(x >= 6000) or a too large power);
  // 2201E "cannot take logarithm of zero" / "... of a negative number"; 22012 "division by
  // zero" for log(1, x); 2201F "zero raised to a negative power is undefined" and "a negative
  // number raised to a non-integer power yields a complex result".
  // Specials: exp(NaN) = NaN, exp(Inf) = Inf, exp(-Inf) = 0; ln(NaN/Inf) unchanged, ln(-Inf)
  // fails; log(b, x): NaN if either is NaN, negative/zero inputs fail, log(Inf, Inf) = NaN,
  // log(Inf, x) = 0, log(b, Inf) = Inf; power follows POSIX pow(): NaN ^ 0 = 1 ^ NaN = 1,
  // x ^ 0 = 1 ^ y = 1, (-1) ^ +-Inf = 1, |x| < 1 ^ -Inf = Inf, and so on.
  Result<Numeric> Exp() const;
  Result<Numeric> Ln() const;
  Result<Numeric> Log10() const;
  static Result<Numeric> Log(const Numeric& base, const Numeric& x);
  static Result<Numeric> Power(const Numeric& base, const Numeric& exp);

  // PostgreSQL's total order: -Infinity < finite values < Infinity < NaN; NaN = NaN;
  // dscale does not matter (1.0 = 1.00). Returns -1, 0 or 1.
  static int Compare(const Numeric& a, const Numeric& b);

  // A byte string equal for equal values (Compare == 0) and different otherwise, for hashing
  // in GROUP BY, DISTINCT and hash joins.
  std::string HashKey() const;

  // numeric_send: int16 ndigits, int16 weight, uint16 sign (0x0000 +, 0x4000 -, 0xC000 NaN,
  // 0xD000 Infinity, 0xF000 -Infinity), uint16 dscale, then ndigits base-10000 int16 digits,
  // big-endian, without leading or trailing zero digits; byte-identical to PostgreSQL 15
  // (which sends dscale 32 for the infinities).
  std::string ToBinary() const;
  // numeric_recv: digits hidden by dscale are truncated away. Errors 22P03 "invalid sign /
  // scale / digit in external \"numeric\" value"; 08P01 "insufficient data left in message";
  // 22P03 "incorrect binary data format" for bytes after the value.
  static Result<Numeric> FromBinary(std::string_view data);

  bool is_nan() const { return kind_ == Kind::kNaN; }
  bool is_infinite() const { return kind_ == Kind::kPosInf || kind_ == Kind::kNegInf; }
  bool is_finite() const { return kind_ == Kind::kFinite; }
  // True for negative finite values and -Infinity (never for zero or NaN).
  bool is_negative() const { return kind_ == Kind::kNegInf || (kind_ == Kind::kFinite && neg_); }
  bool is_zero() const { return kind_ == Kind::kFinite && mag_.empty(); }
  // Digits after the decimal point when printed (0 for the special values).
  int dscale() const { return dscale_; }

 private:
  friend struct NumericInternal;
  friend struct NumericMath;  // numeric_math.cc
  enum class Kind : uint8_t { kFinite, kNaN, kPosInf, kNegInf };

  // Building blocks shared with numeric_math.cc, for finite values and without the storage
  // limit checks. Rounding is half away from zero to `scale` fraction digits (dscale
  // max(scale, 0); a negative scale rounds left of the point).
  Numeric Rounded(int64_t scale) const;
  static Numeric Plus(const Numeric& a, const Numeric& b);  // exact
  static Numeric MulRounded(const Numeric& a, const Numeric& b, int64_t scale);
  static Numeric DivRounded(const Numeric& a, const Numeric& b, int64_t scale);  // b != 0
  Numeric SqrtRounded(int64_t scale) const;  // REQUIRES: *this >= 0
  // Power of ten of the leading digit (0 for zero).
  int64_t LeadingExponent() const;

  Kind kind_ = Kind::kFinite;
  bool neg_ = false;     // finite only; false when zero
  int32_t dscale_ = 0;   // finite only
  std::vector<uint32_t> mag_;  // |value| * 10^dscale in base 10^9, little-endian, no top zeros
};

}  // namespace omendb
