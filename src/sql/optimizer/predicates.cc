#include "sql/optimizer/predicates.h"

#include <utility>

namespace omendb::sql {

void SplitConjuncts(BoundExprPtr expr, std::vector<BoundExprPtr>* out) {
  if (expr->kind == BoundExpr::Kind::kAnd) {
    for (auto& c : expr->children) SplitConjuncts(std::move(c), out);
    return;
  }
  out->push_back(std::move(expr));
}

BoundExprPtr JoinConjuncts(std::vector<BoundExprPtr> conjuncts) {
  if (conjuncts.size() == 1) return std::move(conjuncts[0]);
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kAnd;
  e->type = TypeId::kBoolean;
  e->children = std::move(conjuncts);
  return e;
}

std::optional<ColumnComparison> MatchColumnComparison(const BoundExpr& e) {
  if (e.kind != BoundExpr::Kind::kFunction || e.children.size() != 2) return std::nullopt;
  const BoundExpr* col = e.children[0].get();
  const BoundExpr* val = e.children[1].get();
  std::string op = e.function->name;
  if (col->kind == BoundExpr::Kind::kConstant) {
    std::swap(col, val);
    // Mirror the comparison: 5 < id means id > 5.
    if (op == "<") op = ">";
    else if (op == ">") op = "<";
    else if (op == "<=") op = ">=";
    else if (op == ">=") op = "<=";
  }
  if (col->kind != BoundExpr::Kind::kColumn || val->kind != BoundExpr::Kind::kConstant ||
      val->constant.is_null() || col->type != val->type ||
      (op != "=" && op != "<" && op != "<=" && op != ">" && op != ">=")) {
    return std::nullopt;
  }
  return ColumnComparison{col->column, op, &val->constant};
}

}  // namespace omendb::sql
