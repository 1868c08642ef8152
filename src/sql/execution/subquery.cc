#include "sql/execution/subquery.h"

#include "sql/execution/physical_plan.h"

namespace omendb::sql {
namespace {

Status ResolvePlan(LogicalOperator* op, const ExecContext& ctx);

Result<std::vector<Value>> RunColumn(LogicalOperator& plan, const ExecContext& ctx,
                                     size_t max_rows) {
  OMEN_RETURN_IF_ERROR(ResolvePlan(&plan, ctx));
  PhysicalOperatorPtr root;
  OMEN_ASSIGN_OR_RETURN(root, CreatePhysicalPlan(plan, ctx));
  std::vector<Value> values;
  for (;;) {
    DataChunk chunk = root->NewChunk();
    bool more;
    OMEN_ASSIGN_OR_RETURN(more, root->Next(&chunk));
    if (!more) break;
    for (size_t r = 0; r < chunk.size() && values.size() < max_rows; ++r) {
      values.push_back(chunk.column_count() > 0 ? chunk.GetValue(0, r) : Value::Boolean(true));
    }
    if (values.size() >= max_rows) break;
  }
  return values;
}

Status ResolveExpr(BoundExprPtr* slot, const ExecContext& ctx) {
  BoundExpr& e = **slot;
  for (auto& c : e.children) OMEN_RETURN_IF_ERROR(ResolveExpr(&c, ctx));
  if (e.kind != BoundExpr::Kind::kSubquery) return Status::OK();
  switch (e.subquery_kind) {
    case 0: {  // scalar
      std::vector<Value> v;
      OMEN_ASSIGN_OR_RETURN(v, RunColumn(*e.subplan, ctx, 2));
      if (v.size() > 1) {
        return Status(sqlstate::kCardinalityViolation,
                      "more than one row returned by a subquery used as an expression");
      }
      *slot = BoundExpr::Constant(v.empty() ? Value::Null(e.type) : v[0]);
      return Status::OK();
    }
    case 1: {  // EXISTS
      std::vector<Value> v;
      OMEN_ASSIGN_OR_RETURN(v, RunColumn(*e.subplan, ctx, 1));
      *slot = BoundExpr::Constant(Value::Boolean(!v.empty()));
      return Status::OK();
    }
    default: {  // IN
      std::vector<Value> v;
      OMEN_ASSIGN_OR_RETURN(v, RunColumn(*e.subplan, ctx, SIZE_MAX));
      LogicalType t = e.children[0]->type;
      const ScalarFunction* eq;
      OMEN_ASSIGN_OR_RETURN(eq, ResolveOperator("=", {t, t}));
      if (v.empty()) {
        // x IN (empty set) is false, even for a NULL x.
        *slot = BoundExpr::Constant(Value::Boolean(false));
        return Status::OK();
      }
      auto in = std::make_unique<BoundExpr>();
      in->kind = BoundExpr::Kind::kIn;
      in->type = TypeId::kBoolean;
      in->function = eq;
      in->children.push_back(std::move(e.children[0]));
      for (Value& x : v) in->children.push_back(BoundExpr::Constant(std::move(x)));
      *slot = std::move(in);
      return Status::OK();
    }
  }
}

Status ResolvePlan(LogicalOperator* op, const ExecContext& ctx) {
  for (auto& c : op->children) OMEN_RETURN_IF_ERROR(ResolvePlan(c.get(), ctx));
  auto resolve = [&](BoundExprPtr& e) { return e ? ResolveExpr(&e, ctx) : Status::OK(); };
  OMEN_RETURN_IF_ERROR(resolve(op->predicate));
  OMEN_RETURN_IF_ERROR(resolve(op->limit));
  OMEN_RETURN_IF_ERROR(resolve(op->offset));
  for (auto& e : op->expressions) OMEN_RETURN_IF_ERROR(resolve(e));
  for (auto& e : op->groups) OMEN_RETURN_IF_ERROR(resolve(e));
  for (auto& a : op->aggregates) {
    for (auto& e : a.args) OMEN_RETURN_IF_ERROR(resolve(e));
  }
  for (auto& o : op->orders) OMEN_RETURN_IF_ERROR(resolve(o.expr));
  return Status::OK();
}

}  // namespace

Status ResolveSubqueries(BoundStatement* stmt, const ExecContext& ctx) {
  if (stmt->kind == BoundStatement::Kind::kExplain) {
    // Plain EXPLAIN shows subqueries as SubPlans without running anything.
    return stmt->analyze ? ResolveSubqueries(stmt->explained.get(), ctx) : Status::OK();
  }
  if (stmt->plan) {
    OMEN_RETURN_IF_ERROR(ResolvePlan(stmt->plan.get(), ctx));
  }
  for (auto& row : stmt->rows) {
    for (auto& e : row) OMEN_RETURN_IF_ERROR(ResolveExpr(&e, ctx));
  }
  for (auto& e : stmt->returning) OMEN_RETURN_IF_ERROR(ResolveExpr(&e, ctx));
  for (auto& e : stmt->conflict_set) OMEN_RETURN_IF_ERROR(ResolveExpr(&e, ctx));
  if (stmt->conflict_where) OMEN_RETURN_IF_ERROR(ResolveExpr(&stmt->conflict_where, ctx));
  return Status::OK();
}

}  // namespace omendb::sql
