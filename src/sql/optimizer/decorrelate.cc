#include "sql/optimizer/decorrelate.h"

#include "sql/optimizer/predicates.h"
#include "sql/plan/plan_walk.h"

namespace omendb::sql {
namespace {

using K = BoundExpr::Kind;
using OuterValues = std::shared_ptr<std::vector<Value>>;

// Whether `e` (or the plan) reads the outer row of the subquery whose values are `outer`:
// directly, as the source of a nested subquery's correlation, or inside a nested subquery.
bool ReadsOuter(const BoundExpr& e, const OuterValues& outer) {
  return AnyExpression(e, [&outer](const BoundExpr& x) {
    return x.kind == K::kOuterRef && x.outer_values == outer;
  });
}

bool PlanReadsOuter(const LogicalOperator& op, const OuterValues& outer) {
  return AnyExpression(op, [&outer](const BoundExpr& x) {
    return x.kind == K::kOuterRef && x.outer_values == outer;
  });
}

// The AND-conjuncts of `e`, without taking them apart.
void Conjuncts(const BoundExpr* e, std::vector<const BoundExpr*>* out) {
  if (e == nullptr) return;
  if (e->kind == K::kAnd) {
    for (const auto& c : e->children) Conjuncts(c.get(), out);
  } else {
    out->push_back(e);
  }
}

// A copy of `e` (an expression of the subquery's inner rows and outer row) as an expression of
// the join's pairs: inner columns moved by `left_width`, outer references replaced by the
// outer expressions they stand for (over the left columns).
BoundExprPtr ToJoinExpr(const BoundExpr& e, const BoundExpr& subquery, size_t left_width) {
  if (e.kind == K::kOuterRef && e.outer_values == subquery.outer_values) {
    return subquery.children[subquery.correlation_begin + e.column]->Clone();
  }
  BoundExprPtr out = e.Clone(static_cast<int64_t>(left_width));
  for (size_t i = 0; i < e.children.size(); ++i) {
    out->children[i] = ToJoinExpr(*e.children[i], subquery, left_width);
  }
  return out;
}

// `e` over a projection's output, rewritten over the projection's input.
BoundExprPtr ThroughProjection(const BoundExpr& e, const LogicalOperator& projection) {
  if (e.kind == K::kColumn) return projection.expressions[e.column]->Clone();
  BoundExprPtr out = e.Clone();
  for (size_t i = 0; i < e.children.size(); ++i) {
    out->children[i] = ThroughProjection(*e.children[i], projection);
  }
  return out;
}

bool IsEquality(const BoundExpr& e) {
  return e.kind == K::kFunction && e.function != nullptr && e.function->is_operator &&
         e.function->name == "=" && e.children.size() == 2;
}

// The join replacing the conjunct `subquery` (EXISTS or IN; `anti` for NOT EXISTS) over
// `left`, or null when the subquery has another shape. Takes the subquery's plan apart only
// when it returns a join.
LogicalOperatorPtr MakeJoin(BoundExpr* subquery, bool anti, LogicalOperatorPtr* left) {
  const bool in = subquery->subquery_kind == 2;
  if (!subquery->correlated || subquery->subplan.use_count() != 1) return nullptr;
  LogicalOperator* top = subquery->subplan.get();
  if (top->kind != LogicalOperator::Kind::kProjection) return nullptr;
  LogicalOperator* select_list = top;  // the subquery's own select list
  if (in) {
    // IN's subplan: its one column cast to the compared type, over the select list.
    if (top->expressions.size() != 1 ||
        top->children[0]->kind != LogicalOperator::Kind::kProjection) {
      return nullptr;
    }
    select_list = top->children[0].get();
  }
  LogicalOperatorPtr* input = &select_list->children[0];
  LogicalOperator* filter = (*input)->kind == LogicalOperator::Kind::kFilter ? input->get() : nullptr;
  LogicalOperatorPtr* rows = filter ? &filter->children[0] : input;
  const OuterValues& outer = subquery->outer_values;
  if (PlanReadsOuter(**rows, outer)) return nullptr;

  const size_t lw = (*left)->types.size();
  std::vector<BoundExprPtr> condition, inner_only;
  bool has_key = false;
  if (in) {
    // x IN (SELECT v ...): the key x = v.
    BoundExprPtr value = ThroughProjection(*top->expressions[0], *select_list);
    if (ReadsOuter(*value, outer)) return nullptr;
    if (value->ContainsKind(K::kSubquery) || value->ContainsKind(K::kSequence)) return nullptr;
    auto eq = std::make_unique<BoundExpr>();
    eq->kind = K::kFunction;
    eq->type = TypeId::kBoolean;
    eq->function = subquery->function;
    eq->children.push_back(subquery->children[0]->Clone());
    eq->children.push_back(value->Clone(static_cast<int64_t>(lw)));
    condition.push_back(std::move(eq));
    has_key = true;
  }
  std::vector<const BoundExpr*> conjuncts;
  if (filter) Conjuncts(filter->predicate.get(), &conjuncts);
  for (const BoundExpr* c : conjuncts) {
    if (!ReadsOuter(*c, outer)) {
      inner_only.push_back(c->Clone());
      continue;
    }
    // Nested subqueries that read the outer row cannot move into a join condition.
    if (c->ContainsKind(K::kSubquery)) return nullptr;
    if (IsEquality(*c)) {
      // Only the outer row on one side, only the inner rows on the other: a hash key.
      auto outer_side = [&outer](const BoundExpr& x) {
        return !x.ContainsKind(K::kColumn) && ReadsOuter(x, outer);
      };
      auto inner_side = [&outer](const BoundExpr& x) {
        return x.ContainsKind(K::kColumn) && !ReadsOuter(x, outer);
      };
      const BoundExpr& a = *c->children[0];
      const BoundExpr& b = *c->children[1];
      if ((outer_side(a) && inner_side(b)) || (outer_side(b) && inner_side(a))) has_key = true;
    }
    condition.push_back(ToJoinExpr(*c, *subquery, lw));
  }
  if (!has_key) return nullptr;

  LogicalOperatorPtr right = std::move(*rows);
  if (!inner_only.empty()) {
    auto f = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kFilter);
    f->types = right->types;
    f->predicate = JoinConjuncts(std::move(inner_only));
    f->children.push_back(std::move(right));
    right = std::move(f);
  }
  auto join = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kJoin);
  join->join_type = anti ? JoinType::kAnti : JoinType::kSemi;
  join->types = (*left)->types;
  join->predicate = JoinConjuncts(std::move(condition));
  join->children.push_back(std::move(*left));
  join->children.push_back(std::move(right));
  return join;
}

// The correlated subquery a conjunct tests, if it is EXISTS, NOT EXISTS or IN (not NOT IN,
// ANY/ALL). Uncorrelated ones have run before the optimizer (ResolveSubqueries): their results
// are constants, which can bound a key range.
BoundExpr* TestedSubquery(BoundExpr* c, bool* anti) {
  *anti = false;
  if (c->kind == K::kNot && c->children[0]->kind == K::kSubquery &&
      c->children[0]->subquery_kind == 1 && !c->children[0]->negated &&
      c->children[0]->correlated) {
    *anti = true;
    return c->children[0].get();
  }
  if (c->kind != K::kSubquery || c->negated || !c->correlated) return nullptr;
  if (c->subquery_kind == 1) return c;
  if (c->subquery_kind == 2 && !c->subquery_all && c->function != nullptr &&
      c->function->name == "=") {
    return c;
  }
  return nullptr;
}

}  // namespace

void DecorrelateSubqueries(LogicalOperatorPtr* node) {
  LogicalOperator& op = **node;
  if (op.kind == LogicalOperator::Kind::kFilter && op.predicate &&
      op.predicate->ContainsKind(K::kSubquery)) {
    std::vector<BoundExprPtr> conjuncts, rest;
    SplitConjuncts(std::move(op.predicate), &conjuncts);
    for (BoundExprPtr& c : conjuncts) {
      bool anti = false;
      BoundExpr* subquery = TestedSubquery(c.get(), &anti);
      if (subquery != nullptr) {
        if (LogicalOperatorPtr join = MakeJoin(subquery, anti, &op.children[0])) {
          op.children[0] = std::move(join);
          continue;
        }
      }
      rest.push_back(std::move(c));
    }
    if (rest.empty()) {
      *node = std::move(op.children[0]);
    } else {
      op.predicate = JoinConjuncts(std::move(rest));
    }
  }
  for (auto& child : (*node)->children) DecorrelateSubqueries(&child);
}

}  // namespace omendb::sql
