// Helpers over predicates shared by the optimizer's passes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sql/plan/bound_expr.h"

namespace omendb::sql {

// Appends the conjuncts of `expr` (its AND's children, recursively) to *out.
void SplitConjuncts(BoundExprPtr expr, std::vector<BoundExprPtr>* out);
// The AND of `conjuncts` (the one conjunct itself when there is one). REQUIRES: not empty.
BoundExprPtr JoinConjuncts(std::vector<BoundExprPtr> conjuncts);

// "<column> op <non-NULL constant of the column's type>", either side, as "column op constant".
struct ColumnComparison {
  size_t column;  // the input column
  std::string op; // =, <, <=, >, >= (mirrored when the constant came first)
  const Value* constant;
};
std::optional<ColumnComparison> MatchColumnComparison(const BoundExpr& e);

}  // namespace omendb::sql
