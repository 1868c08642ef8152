// Conversions between SQL types with PostgreSQL's semantics (rounding, range errors, text I/O).
// Which casts may be applied implicitly is the binder's decision; this file only converts.
#pragma once

#include "common/status.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace omendb {

// Whether a conversion from `from` to `to` exists at all (explicit CAST allowed).
bool CastExists(LogicalType from, LogicalType to);

// Converts `v` to `target`. NULL stays NULL. Errors: 22P02 for unparsable text, 22003 for values
// out of the target's range, 42846 when no such cast exists.
Result<Value> CastValue(const Value& v, LogicalType target);

}  // namespace omendb
