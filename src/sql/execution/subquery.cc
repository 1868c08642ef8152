#include "sql/execution/subquery.h"

#include <unordered_map>

#include "sql/execution/expression_executor.h"
#include "sql/execution/physical_plan.h"
#include "sql/plan/plan_walk.h"
#include "types/type_io.h"

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

// Drops what EXPLAIN ANALYZE measured of `plan` (and of the subqueries in it): its nodes are
// about to be freed, and a node allocated later at the same address must not inherit them.
void ForgetStats(const LogicalOperator& plan, PlanStats* stats) {
  stats->erase(&plan);
  for (const auto& c : plan.children) ForgetStats(*c, stats);
  AnyExpression(plan, [stats](const BoundExpr& x) {
    if (x.kind == BoundExpr::Kind::kSubquery && x.subplan != nullptr) {
      ForgetStats(*x.subplan, stats);
    }
    return false;
  });
}

Status ResolveSubquery(BoundExprPtr* slot, const ExecContext& ctx);

Status ResolveExpr(BoundExprPtr* slot, const ExecContext& ctx) {
  for (auto& c : (*slot)->children) OMEN_RETURN_IF_ERROR(ResolveExpr(&c, ctx));
  if ((*slot)->kind != BoundExpr::Kind::kSubquery) return Status::OK();
  std::shared_ptr<LogicalOperator> plan = (*slot)->subplan;  // alive until its stats are gone
  OMEN_RETURN_IF_ERROR(ResolveSubquery(slot, ctx));
  if (ctx.stats != nullptr && plan.use_count() == 1) ForgetStats(*plan, ctx.stats);
  return Status::OK();
}

// Prepares the subquery at *slot: a correlated one to run per outer row; an uncorrelated one
// runs now and its result replaces it (op ANY/ALL keeps its rows instead).
Status ResolveSubquery(BoundExprPtr* slot, const ExecContext& ctx) {
  BoundExpr& e = **slot;
  if (e.correlated) {
    // Run per row of the enclosing query, when the expression is evaluated.
    e.exec = std::make_shared<ExecContext>(ctx);
    return Status::OK();
  }
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
    default: {  // x op ANY / ALL (IN is = ANY)
      if (e.subquery_all || e.function->name != "=") {
        // x op ANY/ALL: evaluated row by row (x once per row) against the rows, which the
        // evaluation runs once (no outer values: one cache entry).
        e.correlated = true;
        e.correlation_begin = e.children.size();
        e.outer_values = std::make_shared<std::vector<Value>>();
        e.exec = std::make_shared<ExecContext>(ctx);
        std::vector<Value> rows;
        OMEN_ASSIGN_OR_RETURN(rows, RunColumn(*e.subplan, ctx, SIZE_MAX));
        e.subquery_rows = std::make_shared<std::vector<Value>>(std::move(rows));
        return Status::OK();
      }
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
    for (auto& o : a.order) OMEN_RETURN_IF_ERROR(resolve(o.expr));
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

Status EvaluateCorrelated(const BoundExpr& expr, const DataChunk& input, Vector* out) {
  if (!expr.exec) return InternalError("correlated subquery without its context");
  const size_t n = input.size();
  const size_t first = expr.correlation_begin;
  std::vector<Vector> sources;
  for (size_t k = first; k < expr.children.size(); ++k) {
    sources.emplace_back(expr.children[k]->type, n);
    OMEN_RETURN_IF_ERROR(Evaluate(*expr.children[k], input, &sources.back()));
  }
  const bool in = expr.subquery_kind == 2;
  Vector test(in ? expr.children[0]->type : LogicalType(TypeId::kBoolean), n);
  if (in) OMEN_RETURN_IF_ERROR(Evaluate(*expr.children[0], input, &test));
  // Results by the outer values: a subquery runs once per distinct combination.
  std::unordered_map<std::string, std::vector<Value>> cache;
  std::string key;
  for (size_t i = 0; i < n; ++i) {
    const std::vector<Value>* found = expr.subquery_rows.get();  // run once for the statement
    if (found == nullptr) {
      key.clear();
      for (const Vector& v : sources) AppendHashKey(v, i, &key);
      auto it = cache.find(key);
      if (it != cache.end()) found = &it->second;
    }
    if (found == nullptr) {
      std::vector<Value>& slots = *expr.outer_values;
      slots.clear();
      for (const Vector& v : sources) slots.push_back(v.GetValue(i));
      size_t limit = expr.subquery_kind == 0 ? 2 : expr.subquery_kind == 1 ? 1 : SIZE_MAX;
      std::vector<Value> rows;
      OMEN_ASSIGN_OR_RETURN(rows, RunColumn(*expr.subplan, *expr.exec, limit));
      if (expr.subquery_kind == 0 && rows.size() > 1) {
        return Status(sqlstate::kCardinalityViolation,
                      "more than one row returned by a subquery used as an expression");
      }
      found = &cache.emplace(key, std::move(rows)).first->second;
    }
    const std::vector<Value>& rows = *found;
    switch (expr.subquery_kind) {
      case 0:
        out->SetValue(i, rows.empty() ? Value::Null(expr.type) : rows[0]);
        break;
      case 1:
        out->SetValue(i, Value::Boolean(!rows.empty()));
        break;
      default: {
        // x op ANY (rows): true on a row where the comparison holds; else NULL if one gave
        // NULL; else false. ALL: false on a row where it fails; else NULL if one gave NULL;
        // else true. (IN is = ANY.)
        const bool all = expr.subquery_all;
        std::optional<bool> r = all;
        if (!rows.empty()) {
          Vector xs(test.type(), rows.size()), vs(test.type(), rows.size());
          Vector cmp(TypeId::kBoolean, rows.size());
          xs.Resize(rows.size());
          vs.Resize(rows.size());
          cmp.Resize(rows.size());
          for (size_t k = 0; k < rows.size(); ++k) {
            xs.SetValue(k, test.GetValue(i));
            vs.SetValue(k, rows[k]);
          }
          if (expr.function->strict) {
            for (size_t k = 0; k < rows.size(); ++k) {
              cmp.SetValid(k, xs.IsValid(k) && vs.IsValid(k));
            }
          }
          OMEN_RETURN_IF_ERROR(expr.function->kernel({&xs, &vs}, rows.size(), &cmp));
          for (size_t k = 0; k < rows.size(); ++k) {
            if (!cmp.IsValid(k)) {
              r = std::nullopt;
            } else if ((cmp.Data<uint8_t>()[k] != 0) != all) {
              r = !all;
              break;
            }
          }
        }
        if (r.has_value() && expr.negated) r = !*r;
        out->SetValid(i, r.has_value());
        if (r) out->Data<uint8_t>()[i] = *r ? 1 : 0;
      }
    }
  }
  return Status::OK();
}

}  // namespace omendb::sql
