// PostgreSQL's text input and output functions for the built-in types (int4in, float8out...),
// with PostgreSQL's exact formats and error messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace omendb {

// float8out with extra_float_digits = 1 (PostgreSQL 12+ default): the shortest string that
// reads back exactly; exponent form below 1e-4 or from 1e15; "NaN", "Infinity", "-Infinity".
std::string FormatFloat8(double v);
// float4out: as FormatFloat8 with exponent form from 1e6 (FLT_DIG).
std::string FormatFloat4(float v);
// PostgreSQL's float ordering: NaN equals NaN and sorts above every other value.
int CompareFloat8(double a, double b);

// ASCII whitespace as PostgreSQL's input functions skip it (isspace in the C locale).
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
// Equality ignoring ASCII case ("NaN", "Infinity", keywords).
bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);

// Input functions. Leading and trailing whitespace is allowed, as in PostgreSQL. Errors are
// 22P02 (invalid input syntax for type ...) or 22003 (out of range).
Result<int16_t> ParseInt2(std::string_view s);
Result<int32_t> ParseInt4(std::string_view s);
Result<int64_t> ParseInt8(std::string_view s);
Result<double> ParseFloat8(std::string_view s);
Result<float> ParseFloat4(std::string_view s);
Result<bool> ParseBool(std::string_view s);

// Rounds a decimal literal (digits with an optional '.', sign and exponent) to the nearest
// integer, halves away from zero (numeric -> int8). Errors 22003 when it does not fit.
Result<int64_t> RoundDecimalToInt8(std::string_view s);

}  // namespace omendb
