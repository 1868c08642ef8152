// Subquery decorrelation: WHERE conjuncts that test a subquery for matching rows become semi
// and anti joins, which a hash join answers in one pass instead of running the subquery for
// every outer row.
#pragma once

#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Rewrites, in every filter of the plan, each conjunct with a correlated subquery
//   EXISTS (subquery)      -> semi join      NOT EXISTS (subquery) -> anti join
//   x IN (subquery)        -> semi join on x = the subquery's column
// when the subquery is a plain SELECT (a projection over an optional filter over anything)
// whose references to the outer row are in its WHERE, with at least one equality
// `inner = f(outer)` among them unless it is IN (its own comparison is a key); the other
// references become the join's residual condition. Uncorrelated subqueries are left to
// ResolveSubqueries, which runs them once before optimization. Results are unchanged: a semi join keeps each outer
// row once if some inner row matches, an anti join if none does; NULL keys match nothing, as
// `=` is never true for them. Other subqueries (NOT IN, scalar, ANY/ALL, LIMIT, aggregates
// over the correlation) are left as they are.
void DecorrelateSubqueries(LogicalOperatorPtr* node);

}  // namespace omendb::sql
