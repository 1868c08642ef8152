// Visiting every expression of a plan or statement, for passes that look for or rewrite one
// kind of expression wherever it is.
#pragma once

#include <functional>

#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Calls `fn` on every expression slot of `op` and its descendants: predicates, projections,
// groups, aggregate and window arguments, partitions and orders, sort keys, LIMIT and
// OFFSET. Not inside subquery plans (BoundExpr::subplan).
void ForEachExpressionSlot(LogicalOperator* op, const std::function<void(BoundExprPtr*)>& fn);

// The same, for a whole statement: its plan, VALUES rows, ON CONFLICT, CHECK and RETURNING
// expressions (and those of the statement EXPLAIN explains).
void ForEachExpressionSlot(BoundStatement* statement,
                           const std::function<void(BoundExprPtr*)>& fn);

// Whether `pred` holds for some expression node of `op` (at any depth of an expression, and
// inside subquery plans too).
bool AnyExpression(const LogicalOperator& op, const std::function<bool(const BoundExpr&)>& pred);
bool AnyExpression(const BoundExpr& e, const std::function<bool(const BoundExpr&)>& pred);

}  // namespace omendb::sql
