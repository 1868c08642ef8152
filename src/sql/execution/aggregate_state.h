// AggregateAccumulator: one aggregate's running state over values added one at a time, with
// PostgreSQL's result types (sum(integer) is bigint, sum(bigint) and avg of integers numeric...),
// shared by hash aggregation and window aggregates.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "sql/function/aggregate_function.h"
#include "types/numeric.h"
#include "types/vector.h"

namespace omendb::sql {

__extension__ typedef __int128 AggregateInt128;

class AggregateAccumulator {
 public:
  // `result_type` is the signature's return type (see ResolveAggregate).
  AggregateAccumulator(AggregateKind kind, LogicalType result_type)
      : kind_(kind), type_(result_type) {}

  // Adds row `r` of the argument vectors (already cast to the signature's types). NULL
  // arguments are skipped, except by count(*). Errors: 22003 (sum(integer) beyond bigint...).
  Status Add(const std::vector<Vector>& args, size_t r);
  // Adds row r of the argument vectors to *accs[r] for every r in [0, n): the same results
  // and errors as n calls of Add, with one type dispatch per batch for count, sum, avg, min and
  // max over integers and sum/avg over double precision. REQUIRES: every accumulator is of the
  // same aggregate call (one accumulator repeated n times aggregates a whole batch).
  static Status AddScattered(AggregateAccumulator* const* accs, const std::vector<Vector>& args,
                             size_t n);
  // Adds rows [0, n) of the argument vectors: the same results and errors as n calls of Add
  // (an aggregate without GROUP BY).
  Status AddBatch(const std::vector<Vector>& args, size_t n);
  // The aggregate of the values added so far: count 0 or NULL when none were.
  Result<Value> Finish() const;

 private:
  Result<Value> FinishSum() const;
  // AddScattered and AddBatch: `acc(r)` is the accumulator of row r.
  template <typename Acc>
  static Status AddRows(Acc acc, const std::vector<Vector>& args, size_t n);
  template <typename T, typename Acc>
  static Status AddIntegers(Acc acc, const Vector& v, size_t n);

  AggregateKind kind_;
  LogicalType type_;
  LogicalType arg_type_;
  int64_t count_ = 0;   // rows counted (count) or values seen (others)
  AggregateInt128 isum_ = 0;  // sum of integers
  double dsum_ = 0;     // sum of doubles (and of reals for avg)
  float fsum_ = 0;      // sum(real)
  Numeric nsum_;        // sum of numerics
  IntervalValue ivsum_;  // sum of intervals
  bool has_value_ = false;
  Value extreme_;       // min / max, except of integer types
  int64_t iextreme_ = 0;  // min / max of integer types (smallint ... bigint, date, timestamp)
  double dextreme_ = 0;   // min / max of double precision
  bool flag_ = false;   // bool_and / bool_or
  std::string text_;    // string_agg
};

}  // namespace omendb::sql
