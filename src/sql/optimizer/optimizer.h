// Optimizer: rewrites a bound statement's logical plan. Passes, in order:
//   0. constant folding (constant_folding.h), for every statement kind;
//   0a. decorrelation (decorrelate.h): WHERE [NOT] EXISTS / IN subqueries become semi and
//      anti joins;
//   0b. filter pushdown: WHERE conjuncts move below joins (one side) or into inner-join
//      conditions (both sides), never into the null-extended side of an outer join;
//   0c. join order (join_order.h): trees of inner joins become left-deep trees ordered by
//      estimated sizes from table statistics, when the caller supplies them;
//   1. access path: conjuncts of a filter over a table scan that bound the first primary-key
//      column by constants become a key range on the scan (and leave the filter), else a
//      secondary index's first column (equality, IN, two-sided ranges), else zone filters;
//   2. limit pushdown: a constant LIMIT/OFFSET over a scan with nothing in between that could
//      drop or reorder rows stops the scan early;
//   3. projection pushdown (prune_columns.h): scans read only the columns used above them.
// Each pass preserves results exactly; a predicate it cannot use stays in the filter.
#pragma once

#include <optional>
#include <vector>

#include "common/status.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// What storage knows of a table's contents, for estimates.
struct TableEstimate {
  double rows = 0;              // an upper bound (versions not yet merged count)
  std::vector<Value> min, max;  // per column; NULL when unknown
};

// Supplies estimates (the session asks the storage engine).
class StatisticsSource {
 public:
  virtual ~StatisticsSource() = default;
  // Estimates for `table`, or nullopt when it has none.
  virtual std::optional<TableEstimate> Estimate(const TableSchema& table) const = 0;
};

// Without `stats` the join order stays the order of FROM.
Status Optimize(BoundStatement* statement, const StatisticsSource* stats = nullptr);

}  // namespace omendb::sql
