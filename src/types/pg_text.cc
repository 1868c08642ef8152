#include "types/pg_text.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace omendb {
namespace {

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

Status InvalidSyntax(const char* type, std::string_view s) {
  return Status(sqlstate::kInvalidTextRepresentation,
                std::string("invalid input syntax for type ") + type + ": \"" + std::string(s) + "\"");
}

Status OutOfRange(std::string_view s, const char* type) {
  return Status(sqlstate::kNumericValueOutOfRange,
                "value \"" + std::string(s) + "\" is out of range for type " + type);
}

template <typename T>
Result<T> ParseInteger(std::string_view input, const char* type) {
  std::string_view s = TrimSpace(input);
  if (s.empty()) return InvalidSyntax(type, input);
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return InvalidSyntax(type, input);
  // Accumulate negatively so that the minimum value parses without overflow.
  T acc = 0;
  bool overflow = false;
  for (char c : s) {
    if (c < '0' || c > '9') return InvalidSyntax(type, input);
    T digit = c - '0';
    if (acc < (std::numeric_limits<T>::min() + digit) / 10) overflow = true;
    if (!overflow) acc = static_cast<T>(acc * 10 - digit);
  }
  if (overflow) return OutOfRange(input, type);
  if (!neg) {
    if (acc == std::numeric_limits<T>::min()) return OutOfRange(input, type);
    acc = static_cast<T>(-acc);
  }
  return acc;
}

}  // namespace

namespace {

// The shortest scientific form "d.ddde[+-]xx" that reads back as `v`, as PostgreSQL's Ryu
// computes it: a decimal lying exactly halfway to a neighbouring value is not accepted even
// where round-half-even would read it back as `v` (1e23 prints as 9.999999999999999e+22).
// Midpoints are exact in the wider type (double for float, x87 long double for double).
template <typename T>
std::string ShortestScientific(T v) {
  using Wide = std::conditional_t<std::is_same_v<T, float>, double, long double>;
  auto parse = [](const std::string& s) -> Wide {
    if constexpr (std::is_same_v<T, float>) {
      return std::strtod(s.c_str(), nullptr);
    } else {
      return std::strtold(s.c_str(), nullptr);
    }
  };
  const T inf = std::numeric_limits<T>::infinity();
  const Wide x = v;
  const Wide below = (x + static_cast<Wide>(std::nextafter(v, -inf))) / 2;
  const Wide above = (x + static_cast<Wide>(std::nextafter(v, inf))) / 2;
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::scientific);
  std::string shortest(buf, res.ptr);
  Wide d = parse(shortest);
  if (d != below && d != above) return shortest;
  const int max_precision = std::numeric_limits<T>::max_digits10 - 1;
  for (int p = 0; p <= max_precision; ++p) {
    res = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::scientific, p);
    std::string t(buf, res.ptr);
    // Drop trailing zeros of the mantissa ("1.50e+10" -> "1.5e+10").
    size_t e = t.find('e');
    size_t end = e;
    while (end > 0 && t[end - 1] == '0') --end;
    if (end > 0 && t[end - 1] == '.') --end;
    t.erase(end, e - end);
    Wide dt = parse(t);
    if (dt != below && dt != above && static_cast<T>(dt) == v) return t;
  }
  return shortest;
}

// float4out/float8out: the shortest digits that read back exactly, in positional form unless
// the decimal exponent is below -4 or at least `max_exp` (FLT_DIG or DBL_DIG).
template <typename T>
std::string FormatShortest(T v, int max_exp) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  const std::string shortest = ShortestScientific(v);
  std::string_view sci(shortest);
  bool neg = sci[0] == '-';
  if (neg) sci.remove_prefix(1);
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  int exp = 0;
  std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+' ? 1 : 0), sci.data() + sci.size(), exp);
  std::string out = neg ? "-" : "";
  if (exp < -4 || exp >= max_exp) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1);
    }
    out += 'e';
    out += exp < 0 ? '-' : '+';
    int a = std::abs(exp);
    if (a < 10) out += '0';
    out += std::to_string(a);
  } else if (exp < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-exp - 1), '0');
    out += digits;
  } else {
    size_t int_digits = static_cast<size_t>(exp) + 1;
    if (digits.size() <= int_digits) {
      out += digits;
      out.append(int_digits - digits.size(), '0');
    } else {
      out.append(digits, 0, int_digits);
      out += '.';
      out.append(digits, int_digits);
    }
  }
  return out;
}

}  // namespace

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string FormatFloat8(double v) { return FormatShortest(v, 15); }
std::string FormatFloat4(float v) { return FormatShortest(v, 6); }

int CompareFloat8(double a, double b) {
  bool an = std::isnan(a), bn = std::isnan(b);
  if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
  return a < b ? -1 : (a > b ? 1 : 0);
}

Result<int16_t> ParseInt2(std::string_view s) { return ParseInteger<int16_t>(s, "smallint"); }
Result<int32_t> ParseInt4(std::string_view s) { return ParseInteger<int32_t>(s, "integer"); }
Result<int64_t> ParseInt8(std::string_view s) { return ParseInteger<int64_t>(s, "bigint"); }

namespace {

Result<double> ParseFloat(std::string_view input, bool is_float4) {
  const char* type_name = is_float4 ? "real" : "double precision";
  std::string_view s = TrimSpace(input);
  std::string_view body = s;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (EqualsIgnoreAsciiCase(s, "NaN")) return std::numeric_limits<double>::quiet_NaN();
  if (EqualsIgnoreAsciiCase(body, "Infinity") || EqualsIgnoreAsciiCase(body, "inf")) {
    return neg ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  // Only plain decimal syntax: digits, optional '.', optional exponent (no hex, no "nan(...)").
  size_t i = 0;
  bool digits = false;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, digits = true;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, digits = true;
  }
  if (digits && i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    size_t j = i + 1;
    if (j < body.size() && (body[j] == '+' || body[j] == '-')) ++j;
    size_t k = j;
    while (k < body.size() && body[k] >= '0' && body[k] <= '9') ++k;
    if (k > j) i = k;
  }
  if (!digits || i != body.size()) return InvalidSyntax(type_name, input);
  std::string copy(s);
  errno = 0;
  double v = is_float4 ? std::strtof(copy.c_str(), nullptr) : std::strtod(copy.c_str(), nullptr);
  if (errno == ERANGE && (v == 0 || std::isinf(v))) {
    return Status(sqlstate::kNumericValueOutOfRange,
                  "\"" + copy + "\" is out of range for type " + type_name);
  }
  return v;
}

}  // namespace

Result<double> ParseFloat8(std::string_view input) { return ParseFloat(input, false); }

Result<float> ParseFloat4(std::string_view input) {
  double d;
  OMEN_ASSIGN_OR_RETURN(d, ParseFloat(input, true));
  return static_cast<float>(d);
}

Result<bool> ParseBool(std::string_view input) {
  std::string_view s = TrimSpace(input);
  // PostgreSQL accepts any unique prefix of true/false/yes/no, on/off, and 1/0.
  auto prefix_of = [&](std::string_view word, size_t min_len) {
    return s.size() >= min_len && s.size() <= word.size() && EqualsIgnoreAsciiCase(s, word.substr(0, s.size()));
  };
  if (prefix_of("true", 1) || prefix_of("yes", 1) || EqualsIgnoreAsciiCase(s, "on") || s == "1") return true;
  if (prefix_of("false", 1) || prefix_of("no", 1) || prefix_of("off", 2) || s == "0") return false;
  return InvalidSyntax("boolean", input);
}

Result<int64_t> RoundDecimalToInt8(std::string_view input) {
  double approx;
  OMEN_ASSIGN_OR_RETURN(approx, ParseFloat8(input));
  if (!(std::fabs(approx) < 9.3e18)) {
    return Status(sqlstate::kNumericValueOutOfRange, "bigint out of range");
  }
  // Exact rounding from the decimal digits: integer part, then the first fraction digit
  // decides (half away from zero), independent of binary floating point.
  std::string_view s = TrimSpace(input);
  bool neg = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.find_first_of("eE") != std::string_view::npos) {
    // Exponent form: fall back to double rounding (exact for |v| < 2^53).
    double r = std::round(approx);
    return static_cast<int64_t>(r);
  }
  size_t dot = s.find('.');
  std::string_view int_part = s.substr(0, dot);
  int64_t v = 0;
  for (char c : int_part) {
    if (v > (std::numeric_limits<int64_t>::max() - (c - '0')) / 10) {
      return Status(sqlstate::kNumericValueOutOfRange, "bigint out of range");
    }
    v = v * 10 + (c - '0');
  }
  if (dot != std::string_view::npos && dot + 1 < s.size() && s[dot + 1] >= '5') {
    if (v == std::numeric_limits<int64_t>::max()) {
      return Status(sqlstate::kNumericValueOutOfRange, "bigint out of range");
    }
    ++v;
  }
  return neg ? -v : v;
}

}  // namespace omendb
