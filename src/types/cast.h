// Conversions between SQL types with PostgreSQL's semantics (pg_cast: which casts exist and in
// which contexts they apply; rounding, range errors, text I/O, type modifiers).
#pragma once

#include "common/status.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace omendb {

// PostgreSQL's cast contexts: implicit (in expressions), assignment (INSERT/UPDATE targets),
// explicit (CAST and ::). Each context allows the casts of the ones before it.
enum class CastContext { kImplicit, kAssignment, kExplicit };

// Whether a cast from `from` to `to` may be applied in `context` (pg_cast plus PostgreSQL's
// I/O conversion casts to and from the string types). Modifiers do not matter; unknown-typed
// literals and NULL convert to anything.
bool CanCast(LogicalType from, LogicalType to, CastContext context);
inline bool CastExists(LogicalType from, LogicalType to) {
  return CanCast(from, to, CastContext::kExplicit);
}

// Converts `v` to `target`, applying target's modifier as `context` requires: an explicit cast
// to varchar(n) truncates, an assignment fails with 22001 unless the excess is blanks; char(n)
// pads; numeric(p,s) rounds (22003 on overflow); time/timestamp(p) round their fraction.
// NULL stays NULL. Errors: 22P02 unparsable text, 22003 out of range, 42846 no such cast.
Result<Value> CastValue(const Value& v, LogicalType target,
                        CastContext context = CastContext::kExplicit);

// Applies `type`'s modifier to a value already of its base type (see CastValue).
Result<Value> ApplyModifier(const Value& v, LogicalType type, CastContext context);

}  // namespace omendb
