#include "types/pg_text.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace omendb {
namespace {

std::string_view TrimSpace(std::string_view s) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
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

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
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

std::string FormatFloat8(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  // Shortest round-trip digits, in scientific form "d.ddde[+-]xx".
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
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
  if (exp < -4 || exp >= 15) {
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

int CompareFloat8(double a, double b) {
  bool an = std::isnan(a), bn = std::isnan(b);
  if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
  return a < b ? -1 : (a > b ? 1 : 0);
}

Result<int32_t> ParseInt4(std::string_view s) { return ParseInteger<int32_t>(s, "integer"); }
Result<int64_t> ParseInt8(std::string_view s) { return ParseInteger<int64_t>(s, "bigint"); }

Result<double> ParseFloat8(std::string_view input) {
  std::string_view s = TrimSpace(input);
  std::string_view body = s;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (EqualsIgnoreCase(s, "NaN")) return std::numeric_limits<double>::quiet_NaN();
  if (EqualsIgnoreCase(body, "Infinity") || EqualsIgnoreCase(body, "inf")) {
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
  if (!digits || i != body.size()) return InvalidSyntax("double precision", input);
  std::string copy(s);
  errno = 0;
  double v = std::strtod(copy.c_str(), nullptr);
  if (errno == ERANGE && (v == 0 || std::isinf(v))) {
    return Status(sqlstate::kNumericValueOutOfRange,
                  "\"" + copy + "\" is out of range for type double precision");
  }
  return v;
}

Result<bool> ParseBool(std::string_view input) {
  std::string_view s = TrimSpace(input);
  // PostgreSQL accepts any unique prefix of true/false/yes/no, on/off, and 1/0.
  auto prefix_of = [&](std::string_view word, size_t min_len) {
    return s.size() >= min_len && s.size() <= word.size() && EqualsIgnoreCase(s, word.substr(0, s.size()));
  };
  if (prefix_of("true", 1) || prefix_of("yes", 1) || EqualsIgnoreCase(s, "on") || s == "1") return true;
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
