#include "sql/plan/plan_walk.h"

namespace omendb::sql {

void ForEachExpressionSlot(LogicalOperator* op, const std::function<void(BoundExprPtr*)>& fn) {
  auto one = [&fn](BoundExprPtr& e) {
    if (e) fn(&e);
  };
  auto orders = [&one](std::vector<OrderSpec>& specs) {
    for (OrderSpec& o : specs) one(o.expr);
  };
  one(op->predicate);
  one(op->limit);
  one(op->offset);
  orders(op->orders);
  for (auto& e : op->expressions) one(e);
  for (auto& e : op->groups) one(e);
  for (AggregateCall& a : op->aggregates) {
    for (auto& e : a.args) one(e);
    orders(a.order);
  }
  for (WindowCall& w : op->windows) {
    for (auto& e : w.args) one(e);
    for (auto& e : w.partition) one(e);
    orders(w.order);
  }
  for (auto& c : op->children) ForEachExpressionSlot(c.get(), fn);
}

void ForEachExpressionSlot(BoundStatement* statement,
                           const std::function<void(BoundExprPtr*)>& fn) {
  if (statement->explained) ForEachExpressionSlot(statement->explained.get(), fn);
  if (statement->plan) ForEachExpressionSlot(statement->plan.get(), fn);
  auto one = [&fn](BoundExprPtr& e) {
    if (e) fn(&e);
  };
  for (auto& row : statement->rows) {
    for (auto& e : row) one(e);
  }
  for (auto& e : statement->conflict_set) one(e);
  one(statement->conflict_where);
  for (auto& e : statement->checks) one(e);
  for (auto& e : statement->returning) one(e);
}

bool AnyExpression(const BoundExpr& e, const std::function<bool(const BoundExpr&)>& pred) {
  if (pred(e)) return true;
  for (const auto& c : e.children) {
    if (AnyExpression(*c, pred)) return true;
  }
  return e.subplan != nullptr && AnyExpression(*e.subplan, pred);
}

bool AnyExpression(const LogicalOperator& op, const std::function<bool(const BoundExpr&)>& pred) {
  bool found = false;
  ForEachExpressionSlot(const_cast<LogicalOperator*>(&op), [&](BoundExprPtr* slot) {
    found = found || AnyExpression(**slot, pred);
  });
  return found;
}

}  // namespace omendb::sql
