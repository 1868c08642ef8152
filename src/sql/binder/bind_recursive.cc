// WITH RECURSIVE name [(columns)] AS (non-recursive term UNION [ALL] recursive term): bound as
// a RecursiveUnion whose recursive term reads the previous round's rows (a work table) where
// it names the query.
#include "sql/binder/binder.h"

namespace omendb::sql {
namespace {

// `plan`'s first `n` columns cast to `types`.
Result<LogicalOperatorPtr> CastColumns(LogicalOperatorPtr plan, size_t n,
                                       const std::vector<LogicalType>& types) {
  auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
  for (size_t i = 0; i < n; ++i) {
    BoundExprPtr e;
    OMEN_ASSIGN_OR_RETURN(e, AddCast(BoundExpr::Column(i, plan->types[i]), types[i]));
    proj->expressions.push_back(std::move(e));
  }
  proj->types = types;
  proj->children.push_back(std::move(plan));
  return LogicalOperatorPtr(std::move(proj));
}

}  // namespace

Result<LogicalOperatorPtr> Binder::BindRecursiveQuery(const ParsedCommonTableExpr& cte,
                                                      const std::string& alias, int location,
                                                      Scope* scope) {
  const ParsedSelect& q = *cte.query;
  if (q.set_op != ParsedSelect::SetOp::kUnion || !q.order_by.empty() || q.limit || q.offset) {
    return WithPos(Status("42P19", "recursive query \"" + cte.name +
                                       "\" does not have the form non-recursive-term UNION [ALL] "
                                       "recursive-term"),
                   location);
  }
  // The non-recursive term decides the columns' types (untyped literals are text).
  BoundStatement anchor;
  OMEN_ASSIGN_OR_RETURN(anchor, BindSelect(*q.left));
  const size_t n = anchor.column_names.size();
  if (cte.column_aliases.size() > n) {
    return WithPos(Status(sqlstate::kInvalidColumnReference,
                          "WITH query \"" + cte.name + "\" has " + std::to_string(n) +
                              " columns available but " + std::to_string(cte.column_aliases.size()) +
                              " columns specified"),
                   location);
  }
  std::vector<LogicalType> types(anchor.plan->types.begin(), anchor.plan->types.begin() + n);
  std::vector<std::string> names;
  for (size_t i = 0; i < n; ++i) {
    if (IsUntyped(types[i])) types[i] = TypeId::kText;
    names.push_back(i < cte.column_aliases.size() ? cte.column_aliases[i] : anchor.column_names[i]);
  }
  auto work = std::make_shared<WorkTable>();
  BoundStatement step;
  {
    recursive_refs_.push_back({cte.name, types, names, work});
    struct Pop {
      std::vector<RecursiveRef>* refs;
      ~Pop() { refs->pop_back(); }
    } pop{&recursive_refs_};
    OMEN_ASSIGN_OR_RETURN(step, BindSelect(*q.right));
  }
  if (step.column_names.size() != n) {
    return WithPos(Status(sqlstate::kSyntaxError,
                          "each UNION query must have the same number of columns"),
                   location);
  }
  for (size_t i = 0; i < n; ++i) {
    LogicalType t = step.plan->types[i];
    if (!IsUntyped(t) && !t.SameBase(types[i])) {
      return WithPos(Status(sqlstate::kDatatypeMismatch,
                            "recursive query \"" + cte.name + "\" column " + std::to_string(i + 1) +
                                " has type " + types[i].ToString() +
                                " in non-recursive term but type " + t.ToString() + " overall",
                            "", "Cast the output of the non-recursive term to the correct type."),
                     location);
    }
  }
  auto op = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kRecursiveUnion);
  op->types = types;
  op->set_all = q.set_all;
  op->work_table = work;
  op->alias = cte.name;
  LogicalOperatorPtr left, right;
  OMEN_ASSIGN_OR_RETURN(left, CastColumns(std::move(anchor.plan), n, types));
  OMEN_ASSIGN_OR_RETURN(right, CastColumns(std::move(step.plan), n, types));
  op->children.push_back(std::move(left));
  op->children.push_back(std::move(right));
  return AddDerived(std::move(op), names, alias, {}, location, scope);
}

}  // namespace omendb::sql
