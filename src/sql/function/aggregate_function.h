// Aggregate functions: which exist, and their argument and result types (PostgreSQL's).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "types/logical_type.h"

namespace omendb::sql {

enum class AggregateKind { kCountStar, kCount, kSum, kAvg, kMin, kMax, kBoolAnd, kBoolOr, kStringAgg };

struct AggregateSignature {
  AggregateKind kind;
  std::vector<LogicalType> arg_types;  // the caller casts each argument to these
  LogicalType return_type;
};

// Whether `name` is an aggregate function (count, sum, avg, min, max, bool_and, bool_or, every,
// string_agg).
bool IsAggregateName(const std::string& name);

// Resolves aggregate `name` for arguments of `arg_types` (`star` for count(*)) with
// PostgreSQL's result types (sum(integer) is bigint, sum(bigint) and avg of integers numeric,
// avg(real) double precision...). Errors: 42883 "function name(types) does not exist".
Result<AggregateSignature> ResolveAggregate(const std::string& name,
                                            const std::vector<LogicalType>& arg_types, bool star);

}  // namespace omendb::sql
