// Per-type behaviour every layer shares: PostgreSQL's text input and output functions, the
// total order used by comparisons and sorts, and hash keys for grouping, for every LogicalType.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "types/value.h"
#include "types/vector.h"

namespace omendb {

// typoutput: PostgreSQL's text form of a non-null value (timestamptz in the session time zone
// of the calling thread, see session_time.h).
std::string FormatValueText(const Value& v);

// typinput: parses `s` as a value of `type`'s base type (modifiers are applied by casts, see
// cast.h). Errors: 22P02 invalid syntax, 22003/22008 out of range, as PostgreSQL.
Result<Value> ParseValueText(std::string_view s, LogicalType type);

// Total order among non-null values of one base type: NaN above all numbers, char(n) ignoring
// trailing blanks, numeric and interval by value, text and bytea bytewise (collation "C").
int CompareValues(const Value& a, const Value& b);
// The same order for row `i` of `a` and row `j` of `b`. REQUIRES: same base type, both valid.
int CompareCells(const Vector& a, size_t i, const Vector& b, size_t j);

// Appends to `key` bytes that are equal for two cells exactly when CompareCells says they are
// equal (NULL gets a key of its own), for hash aggregation, DISTINCT and hash joins.
void AppendHashKey(const Vector& v, size_t i, std::string* key);

// bytea and uuid text forms.
std::string FormatBytea(std::string_view bytes);
Result<std::string> ParseBytea(std::string_view s);
std::string FormatUuid(const UuidValue& u);
Result<UuidValue> ParseUuid(std::string_view s);

// char(n) semantics: the value without trailing blanks.
std::string_view TrimTrailingBlanks(std::string_view s);

}  // namespace omendb
