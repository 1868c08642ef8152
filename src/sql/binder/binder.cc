#include "sql/binder/binder.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <unordered_map>

#include "common/stack_guard.h"
#include "sql/parser/parser.h"
#include "types/cast.h"

namespace omendb::sql {
namespace {

// Assignment casts (INSERT, UPDATE SET, DEFAULT): pg_cast's assignment casts, I/O conversion
// to the string types, untyped literals to anything.
bool AssignmentCastAllowed(LogicalType from, LogicalType to) {
  return CanCast(from, to, CastContext::kAssignment);
}

}  // namespace

Result<BoundExprPtr> AddCast(BoundExprPtr expr, LogicalType target, CastContext context) {
  if (expr->type == target) return expr;
  // To a type without a modifier from the same type with one: nothing to convert.
  if (expr->type.SameBase(target) && target.modifier() < 0) return expr;
  if (expr->kind == BoundExpr::Kind::kParameter && expr->type.id() == TypeId::kUnknown) {
    LogicalType* slot = &(*expr->param_types)[expr->column];
    if (slot->id() != TypeId::kInvalid && !slot->SameBase(target)) {
      return Status("42P08", "inconsistent types deduced for parameter $" +
                                 std::to_string(expr->column + 1),
                    std::string(slot->sql_name()) + " versus " + target.sql_name(), "");
    }
    *slot = target.Base();
    expr->type = target.Base();
    if (target.modifier() < 0) return expr;
  }
  if (!CastExists(expr->type, target)) {
    return Status(sqlstate::kCannotCoerce, "cannot cast type " + expr->type.ToString() + " to " +
                                               target.ToString());
  }
  if (expr->kind == BoundExpr::Kind::kConstant) {
    Value v;
    OMEN_ASSIGN_OR_RETURN(v, CastValue(expr->constant, target, context));
    return BoundExpr::Constant(std::move(v));
  }
  auto cast = std::make_unique<BoundExpr>();
  cast->kind = BoundExpr::Kind::kCast;
  cast->cast_context = context;
  cast->type = target;
  cast->children.push_back(std::move(expr));
  return cast;
}

// Converts `b` for assignment to column `col` (INSERT, UPDATE SET, DEFAULT): 42804 when no
// assignment cast exists; conversion errors (22001, 22003...) are reported at `location`.
Result<BoundExprPtr> AssignToColumn(BoundExprPtr b, const ColumnDefinition& col, const char* what,
                                    int location) {
  if (!AssignmentCastAllowed(b->type, col.type)) {
    return WithPos(Status(sqlstate::kDatatypeMismatch,
                          "column \"" + col.name + "\" is of type " + col.type.sql_name() + " but " +
                              what + " is of type " + b->type.sql_name(),
                          "", "You will need to rewrite or cast the expression."),
                   location);
  }
  Result<BoundExprPtr> cast = AddCast(std::move(b), col.type, CastContext::kAssignment);
  if (!cast.ok()) return WithPos(cast.status(), location);
  return cast;
}

Result<LogicalType> CommonType(const std::vector<LogicalType>& types, const char* context,
                               size_t* bad_index) {
  // PostgreSQL's select_common_type: the first typed input, replaced by a later one of the same
  // category that it converts to implicitly but not back (unless it is the category's
  // preferred type); inputs of different categories cannot be matched.
  std::optional<LogicalType> result;
  bool same = true;
  for (size_t i = 0; i < types.size(); ++i) {
    LogicalType t = types[i];
    if (bad_index) *bad_index = i;
    if (IsUntyped(t)) continue;
    if (!result) {
      result = t;
      continue;
    }
    if (*result == t) continue;
    same = false;
    if (result->SameBase(t)) continue;
    if (result->category() != t.category() || t.category() == TypeCategory::kUser) {
      return Status(sqlstate::kDatatypeMismatch, std::string(context) + " types " +
                                                     result->ToString() + " and " + t.ToString() +
                                                     " cannot be matched");
    }
    if (!result->IsPreferred() && CanCast(*result, t, CastContext::kImplicit) &&
        !CanCast(t, *result, CastContext::kImplicit)) {
      result = t;
    }
  }
  if (!result) return LogicalType(TypeId::kText);
  return same ? *result : result->Base();
}

bool ContainsAggregate(const ParsedExpr& expr) {
  if (expr.kind == ParsedExpr::Kind::kFunction && IsAggregateName(expr.names[0]) && !expr.over) {
    return true;
  }
  for (const auto& a : expr.args) {
    if (ContainsAggregate(*a)) return true;
  }
  if (expr.over) {
    // A window function's arguments, PARTITION BY and ORDER BY may use aggregates.
    for (const auto& p : expr.over->partition) {
      if (ContainsAggregate(*p)) return true;
    }
    for (const auto& o : expr.over->order) {
      if (ContainsAggregate(*o.expr)) return true;
    }
  }
  return false;
}

namespace {

// Canonical text of a bound expression, to recognise a GROUP BY expression or a repeated
// aggregate wherever it is written again.
std::string ExprKey(const BoundExpr& e) { return e.ToString() + "::" + e.type.pg_name(); }

bool ContainsColumn(const BoundExpr& e) {
  if (e.kind == BoundExpr::Kind::kColumn) return true;
  for (const auto& c : e.children) {
    if (ContainsColumn(*c)) return true;
  }
  return false;
}

// Restores a member on scope exit (binding state is nested and errors return early).
template <typename T>
class Restore {
 public:
  Restore(T* slot, T value) : slot_(slot), saved_(*slot) { *slot = value; }
  ~Restore() { *slot_ = saved_; }

 private:
  T* slot_;
  T saved_;
};

}  // namespace

namespace {

// ORDER BY <integer constant> names a select-list position.
bool IsPosition(const ParsedExpr& e) {
  return e.kind == ParsedExpr::Kind::kConstant && e.constant.type().id() == TypeId::kInteger;
}

// The 0-based column of ORDER BY position `e` among `n` output columns; 42P10 if out of range.
Result<std::optional<size_t>> OrderByPosition(const ParsedExpr& e, size_t n) {
  int64_t pos = e.constant.GetInt();
  if (pos < 1 || static_cast<size_t>(pos) > n) {
    return WithPos(Status(sqlstate::kInvalidColumnReference,
                          "ORDER BY position " + std::to_string(pos) + " is not in select list"),
                   e.location);
  }
  return std::optional<size_t>(static_cast<size_t>(pos - 1));
}

// A sort on output column `column`; NULLs sort as if larger than every value unless the item
// says otherwise (PostgreSQL's default).
OrderSpec MakeOrder(size_t column, LogicalType type, const ParsedOrderItem& item) {
  OrderSpec spec;
  spec.expr = BoundExpr::Column(column, type);
  spec.descending = item.descending;
  spec.nulls_first = item.nulls_first.value_or(item.descending);
  return spec;
}

}  // namespace

std::string OutputColumnName(const ParsedExpr& expr) {
  switch (expr.kind) {
    case ParsedExpr::Kind::kFunction: return expr.names[0];
    case ParsedExpr::Kind::kCase: return "case";
    case ParsedExpr::Kind::kCoalesce: return "coalesce";
    case ParsedExpr::Kind::kGreatest: return "greatest";
    case ParsedExpr::Kind::kLeast: return "least";
    case ParsedExpr::Kind::kNullIf: return "nullif";
    case ParsedExpr::Kind::kColumnRef: return expr.names.back();
    case ParsedExpr::Kind::kCast: {
      const ParsedExpr& arg = *expr.args[0];
      if (arg.kind == ParsedExpr::Kind::kConstant || arg.kind == ParsedExpr::Kind::kParam ||
          arg.kind == ParsedExpr::Kind::kCast) {
        return arg.kind == ParsedExpr::Kind::kCast ? OutputColumnName(arg) : expr.cast_type.pg_name();
      }
      return OutputColumnName(arg);
    }
    default: return "?column?";
  }
}

void Binder::Scope::Add(const TableSchema* table, std::string name) {
  size_t offset = width();
  tables.push_back({table, std::move(name), offset});
  for (size_t c = 0; c < table->columns.size(); ++c) star.push_back({tables.size() - 1, c});
}

bool Binder::Scope::IsHidden(size_t entry, size_t column) const {
  for (const ColumnRef& h : hidden) {
    if (h.entry == entry && h.column == column) return true;
  }
  return false;
}

const Binder::Scope::Entry* Binder::Scope::Find(const std::string& name) const {
  for (const Entry& e : tables) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

Result<LogicalOperatorPtr> Binder::BindDerivedTable(const ParsedSelect& query,
                                                    const std::string& alias,
                                                    const std::vector<std::string>& column_aliases,
                                                    int location, Scope* scope) {
  BoundStatement sub;
  {
    Restore<AggregateContext*> own_grouping(&agg_, nullptr);
    Restore<const char*> own_clause(&clause_, nullptr);
    Restore<WindowContext*> own_windows(&window_, nullptr);
    OMEN_ASSIGN_OR_RETURN(sub, BindSelect(query));
  }
  return AddDerived(std::move(sub.plan), sub.column_names, alias, column_aliases, location, scope);
}

Result<LogicalOperatorPtr> Binder::AddDerived(LogicalOperatorPtr plan,
                                              const std::vector<std::string>& names,
                                              const std::string& alias,
                                              const std::vector<std::string>& column_aliases,
                                              int location, Scope* scope) {
  size_t n = names.size();
  if (column_aliases.size() > n) {
    return WithPos(Status(sqlstate::kInvalidColumnReference,
                          "table \"" + alias + "\" has " + std::to_string(n) +
                              " columns available but " + std::to_string(column_aliases.size()) +
                              " columns specified"),
                   location);
  }
  if (scope->Find(alias) != nullptr) {
    return WithPos(Status("42712", "table name \"" + alias + "\" specified more than once"),
                   location);
  }
  TableSchema& schema = derived_schemas_.emplace_back();
  schema.name = alias;
  for (size_t i = 0; i < n; ++i) {
    std::string name = i < column_aliases.size() ? column_aliases[i] : names[i];
    schema.columns.push_back({name, plan->types[i], false});
  }
  scope->Add(&schema, alias);
  if (plan->types.size() == n) return plan;
  // Only the visible columns (hidden ORDER BY columns are dropped).
  auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
  for (size_t i = 0; i < n; ++i) {
    proj->types.push_back(plan->types[i]);
    proj->expressions.push_back(BoundExpr::Column(i, plan->types[i]));
  }
  proj->children.push_back(std::move(plan));
  return LogicalOperatorPtr(std::move(proj));
}

Result<BoundExprPtr> Binder::BindUsing(
    const ParsedFromItem& item, size_t star_begin, size_t star_mid, Scope* scope,
    std::vector<std::pair<Scope::ColumnRef, Scope::ColumnRef>>* merged) {
  using Ref = Scope::ColumnRef;
  const size_t star_end = scope->star.size();
  auto name_of = [&](const Ref& r) -> const std::string& {
    return scope->tables[r.entry].table->columns[r.column].name;
  };
  // The star positions in [from, to) holding a column called `name`.
  auto find = [&](size_t from, size_t to, const std::string& name) {
    std::vector<size_t> at;
    for (size_t i = from; i < to; ++i) {
      if (name_of(scope->star[i]) == name) at.push_back(i);
    }
    return at;
  };
  std::vector<std::string> names = item.using_columns;
  if (item.natural) {
    for (size_t i = star_begin; i < star_mid; ++i) {
      const std::string& n = name_of(scope->star[i]);
      if (!find(star_mid, star_end, n).empty() &&
          std::find(names.begin(), names.end(), n) == names.end()) {
        names.push_back(n);
      }
    }
  }
  std::vector<size_t> left_at, right_at;
  for (size_t k = 0; k < names.size(); ++k) {
    const std::string& n = names[k];
    if (std::find(names.begin(), names.begin() + static_cast<long>(k), n) !=
        names.begin() + static_cast<long>(k)) {
      return Status(sqlstate::kDuplicateColumn,
                    "column \"" + n + "\" appears more than once in USING clause");
    }
    for (int side = 0; side < 2; ++side) {
      std::vector<size_t> at = side == 0 ? find(star_begin, star_mid, n) : find(star_mid, star_end, n);
      const char* which = side == 0 ? "left" : "right";
      if (at.empty()) {
        return Status(sqlstate::kUndefinedColumn, "column \"" + n +
                                                      "\" specified in USING clause does not exist in " +
                                                      which + " table");
      }
      if (at.size() > 1) {
        return Status(sqlstate::kAmbiguousColumn, "common column name \"" + n +
                                                      "\" appears more than once in " + which +
                                                      " table");
      }
      (side == 0 ? left_at : right_at).push_back(at[0]);
    }
  }
  // The condition: left.c = right.c for each column, ANDed.
  auto qualified = [&](const Ref& r) {
    auto e = std::make_unique<ParsedExpr>();
    e->kind = ParsedExpr::Kind::kColumnRef;
    e->names = {scope->tables[r.entry].name, name_of(r)};
    e->location = item.location;
    return e;
  };
  ParsedExprPtr condition;
  for (size_t k = 0; k < names.size(); ++k) {
    auto eq = std::make_unique<ParsedExpr>();
    eq->kind = ParsedExpr::Kind::kOperator;
    eq->op = "=";
    eq->location = item.location;
    eq->args.push_back(qualified(scope->star[left_at[k]]));
    eq->args.push_back(qualified(scope->star[right_at[k]]));
    if (!condition) {
      condition = std::move(eq);
      continue;
    }
    auto both = std::make_unique<ParsedExpr>();
    both->kind = ParsedExpr::Kind::kAnd;
    both->args.push_back(std::move(condition));
    both->args.push_back(std::move(eq));
    condition = std::move(both);
  }
  // The merged columns (the left side's, or the right's for a RIGHT JOIN) come first in `*`
  // and are what an unqualified name finds; the other side's copies are hidden. A FULL
  // JOIN's merged columns are computed by the caller; both copies are hidden.
  const bool full = item.join_type == ParsedFromItem::JoinType::kFull;
  bool keep_right = item.join_type == ParsedFromItem::JoinType::kRight;
  const std::vector<size_t>& kept = keep_right ? right_at : left_at;
  const std::vector<size_t>& other = keep_right ? left_at : right_at;
  std::vector<Ref> star;
  if (full) {
    for (size_t k = 0; k < names.size(); ++k) {
      merged->push_back({scope->star[left_at[k]], scope->star[right_at[k]]});
      scope->hidden.push_back(scope->star[left_at[k]]);
    }
  } else {
    for (size_t i : kept) star.push_back(scope->star[i]);
  }
  for (size_t i = star_begin; i < star_end; ++i) {
    bool is_join_column = std::find(left_at.begin(), left_at.end(), i) != left_at.end() ||
                          std::find(right_at.begin(), right_at.end(), i) != right_at.end();
    if (!is_join_column) star.push_back(scope->star[i]);
  }
  for (size_t i : other) scope->hidden.push_back(scope->star[i]);
  scope->star.resize(star_begin);
  scope->star.insert(scope->star.end(), star.begin(), star.end());
  if (!condition) return BoundExprPtr();  // NATURAL JOIN without common columns: a cross join
  Restore<const char*> in_join(&clause_, "JOIN conditions");
  return BindCondition(*condition, *scope, "JOIN/USING");
}

namespace {

bool ContainsColumnRef(const ParsedExpr& e) {
  if (e.kind == ParsedExpr::Kind::kColumnRef) return true;
  for (const auto& a : e.args) {
    if (ContainsColumnRef(*a)) return true;
  }
  return false;
}

}  // namespace

Result<LogicalOperatorPtr> Binder::BindFunctionScan(const ParsedFromItem& item, Scope* scope) {
  const ParsedExpr& call = *item.function;
  const std::string& fname = call.names[0];
  if (fname != "generate_series") {
    return WithPos(NotSupported("function " + fname + "() in FROM"), call.location);
  }
  if (call.args.size() < 2 || call.args.size() > 3 || call.star || call.distinct) {
    return WithPos(Status(sqlstate::kUndefinedFunction,
                          "function generate_series with " + std::to_string(call.args.size()) +
                              " arguments does not exist"),
                   call.location);
  }
  // The arguments: constants and expressions of them (a reference to another FROM item
  // would make the call LATERAL).
  std::vector<BoundExprPtr> args;
  LogicalType type = TypeId::kInteger;
  for (const auto& a : call.args) {
    if (ContainsColumnRef(*a)) {
      return WithPos(NotSupported("generate_series arguments that reference other FROM items"),
                     a->location);
    }
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindExpr(*a, Scope{}));
    if (!b->type.IsInteger() && !IsUntyped(b->type)) {
      return WithPos(NotSupported(std::string("generate_series of ") + b->type.sql_name()),
                     a->location);
    }
    if (b->type.id() == TypeId::kBigInt) type = TypeId::kBigInt;
    args.push_back(std::move(b));
  }
  auto op = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kGenerateSeries);
  for (BoundExprPtr& b : args) {
    OMEN_ASSIGN_OR_RETURN(b, AddCast(std::move(b), type));
    op->expressions.push_back(std::move(b));
  }
  std::string alias = item.table.alias.empty() ? fname : item.table.alias;
  if (scope->Find(alias) != nullptr) {
    return WithPos(Status("42712", "table name \"" + alias + "\" specified more than once"),
                   call.location);
  }
  // Its one column is named by the column alias, else the table alias, else the function.
  TableSchema& schema = derived_schemas_.emplace_back();
  schema.name = alias;
  schema.columns.push_back({item.column_aliases.empty() ? alias : item.column_aliases[0], type});
  scope->Add(&schema, alias);
  op->alias = alias;
  op->types = {type};
  return LogicalOperatorPtr(std::move(op));
}

Result<LogicalOperatorPtr> Binder::BindFromItem(const ParsedFromItem& item, Scope* scope) {
  if (item.kind == ParsedFromItem::Kind::kFunction) return BindFunctionScan(item, scope);
  if (item.kind == ParsedFromItem::Kind::kSubquery) {
    return BindDerivedTable(*item.subquery, item.table.alias, item.column_aliases,
                            item.table.location, scope);
  }
  if (item.kind == ParsedFromItem::Kind::kTable) {
    // Inside a recursive query's recursive term, its own name reads the work table.
    for (size_t r = recursive_refs_.size(); r-- > 0;) {
      const RecursiveRef& ref = recursive_refs_[r];
      if (ref.name != item.table.name || !item.table.schema.empty()) continue;
      auto scan = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kWorkTableScan);
      scan->types = ref.types;
      scan->work_table = ref.work_table;
      scan->alias = item.table.alias.empty() ? ref.name : item.table.alias;
      return AddDerived(std::move(scan), ref.column_names, scan->alias, {}, item.table.location,
                        scope);
    }
    // A WITH query of that name hides a table (innermost WITH first).
    for (size_t f = ctes_.size(); f-- > 0;) {
      const CteFrame& frame = ctes_[f];
      for (size_t i = 0; i < frame.visible; ++i) {
        const ParsedCommonTableExpr& cte = (*frame.list)[i];
        if (cte.name != item.table.name || !item.table.schema.empty()) continue;
        // The WITH query sees only the WITH queries defined before it.
        std::vector<CteFrame> saved = ctes_;
        ctes_.resize(f);
        ctes_.push_back({frame.list, i});
        std::string alias = item.table.alias.empty() ? cte.name : item.table.alias;
        Result<LogicalOperatorPtr> derived =
            cte.recursive ? BindRecursiveQuery(cte, alias, item.table.location, scope)
                          : BindDerivedTable(*cte.query, alias, cte.column_aliases,
                                             item.table.location, scope);
        ctes_ = std::move(saved);
        return derived;
      }
    }
    Result<const TableSchema*> table = ResolveRelation(item.table.schema, item.table.name);
    if (!table.ok()) return WithPos(table.status(), item.table.location);
    std::string name = item.table.alias.empty() ? item.table.name : item.table.alias;
    if (!(*table)->view_sql.empty()) return BindView(**table, name, item.table.location, scope);
    if ((*table)->index) {
      return WithPos(Status(sqlstate::kWrongObjectType, "\"" + item.table.name + "\" is an index"),
                     item.table.location);
    }
    if ((*table)->sequence) {
      // Its row holds the value logged ahead, not PostgreSQL's last_value/log_cnt.
      return WithPos(NotSupported("reading a sequence as a table (use currval or nextval)"),
                     item.table.location);
    }
    if (scope->Find(name) != nullptr) {
      return WithPos(Status("42712", "table name \"" + name + "\" specified more than once"),
                     item.table.location);
    }
    scope->Add(*table, name);
    auto get = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kGet);
    get->table = *table;
    get->alias = name;
    get->indexes = catalog_.Indexes((*table)->table_id, txn_id_);
    for (size_t i = 0; i < (*table)->columns.size(); ++i) {
      get->column_ids.push_back(i);
      get->types.push_back((*table)->columns[i].type);
    }
    return get;
  }
  auto join = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kJoin);
  using JT = ParsedFromItem::JoinType;
  join->join_type = item.join_type == JT::kLeft    ? JoinType::kLeft
                    : item.join_type == JT::kRight ? JoinType::kRight
                    : item.join_type == JT::kFull  ? JoinType::kFull
                                                   : JoinType::kInner;
  LogicalOperatorPtr left, right;
  const size_t star_begin = scope->star.size();
  OMEN_ASSIGN_OR_RETURN(left, BindFromItem(*item.left, scope));
  const size_t star_mid = scope->star.size();
  OMEN_ASSIGN_OR_RETURN(right, BindFromItem(*item.right, scope));
  join->types = left->types;
  join->types.insert(join->types.end(), right->types.begin(), right->types.end());
  join->children.push_back(std::move(left));
  join->children.push_back(std::move(right));
  if (item.condition) {
    Restore<const char*> in_join(&clause_, "JOIN conditions");
    OMEN_ASSIGN_OR_RETURN(join->predicate, BindCondition(*item.condition, *scope, "JOIN/ON"));
  }
  if (item.natural || !item.using_columns.empty()) {
    std::vector<std::pair<Scope::ColumnRef, Scope::ColumnRef>> merged;
    OMEN_ASSIGN_OR_RETURN(join->predicate, BindUsing(item, star_begin, star_mid, scope, &merged));
    if (!merged.empty()) return AddMergedColumns(std::move(join), merged, star_begin, scope);
  }
  return join;
}

Result<LogicalOperatorPtr> Binder::AddMergedColumns(
    LogicalOperatorPtr join, const std::vector<std::pair<Scope::ColumnRef, Scope::ColumnRef>>& merged,
    size_t star_begin, Scope* scope) {
  // FULL JOIN ... USING (c): c is COALESCE(left.c, right.c), a column after the join's own,
  // listed first by `*` and found by unqualified names (an entry no name can refer to).
  auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
  for (size_t i = 0; i < join->types.size(); ++i) {
    proj->expressions.push_back(BoundExpr::Column(i, join->types[i]));
    proj->types.push_back(join->types[i]);
  }
  TableSchema& schema = derived_schemas_.emplace_back();
  for (const auto& [l, r] : merged) {
    ParsedExpr coalesce;
    coalesce.kind = ParsedExpr::Kind::kCoalesce;
    for (const Scope::ColumnRef& ref : {l, r}) {
      auto col = std::make_unique<ParsedExpr>();
      col->kind = ParsedExpr::Kind::kColumnRef;
      col->names = {scope->tables[ref.entry].name,
                    scope->tables[ref.entry].table->columns[ref.column].name};
      coalesce.args.push_back(std::move(col));
    }
    const Scope::ColumnRef& left = l;
    BoundExprPtr value;
    OMEN_ASSIGN_OR_RETURN(value, BindExpr(coalesce, *scope));
    schema.columns.push_back({scope->tables[left.entry].table->columns[left.column].name,
                              value->type, false});
    proj->types.push_back(value->type);
    proj->expressions.push_back(std::move(value));
  }
  const size_t before = scope->star.size();
  // A name no query can write (each merge its own, so a later USING resolves the right one).
  schema.name = "\x1emerged" + std::to_string(derived_schemas_.size());
  scope->Add(&schema, schema.name);
  // `*`: the merged columns first, then the sides' other columns.
  std::vector<Scope::ColumnRef> star(scope->star.begin() + static_cast<long>(before),
                                     scope->star.end());
  star.insert(star.end(), scope->star.begin() + static_cast<long>(star_begin),
              scope->star.begin() + static_cast<long>(before));
  scope->star.resize(star_begin);
  scope->star.insert(scope->star.end(), star.begin(), star.end());
  proj->children.push_back(std::move(join));
  return LogicalOperatorPtr(std::move(proj));
}

Result<BoundStatement> Binder::Bind(const ParsedStatement& stmt) {
  StackBase stack_base;
  BoundStatement out;
  OMEN_ASSIGN_OR_RETURN(out, BindStatement(stmt));
  if (params_ != nullptr && params_->values == nullptr) {
    for (size_t i = 0; i < params_->types.size(); ++i) {
      TypeId t = params_->types[i].id();
      if (t == TypeId::kInvalid || t == TypeId::kUnknown) {
        return Status("42P18",
                      "could not determine data type of parameter $" + std::to_string(i + 1));
      }
    }
  }
  return out;
}

Result<BoundExprPtr> Binder::BindParam(const ParsedExpr& expr) {
  size_t n = expr.param_number > 0 ? static_cast<size_t>(expr.param_number) : 0;
  bool known = params_ != nullptr && n >= 1 &&
               (params_->values == nullptr ? n <= 65535 : n <= params_->values->size());
  if (!known) {
    return WithPos(Status("42P02", "there is no parameter $" + std::to_string(expr.param_number)),
                   expr.location);
  }
  if (params_->values != nullptr) return BoundExpr::Constant((*params_->values)[n - 1]);
  if (params_->types.size() < n) params_->types.resize(n);
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kParameter;
  e->column = n - 1;
  e->param_types = &params_->types;
  LogicalType declared = params_->types[n - 1];
  e->type = declared.id() == TypeId::kInvalid ? LogicalType(TypeId::kUnknown) : declared;
  return e;
}

Result<BoundStatement> Binder::BindStatement(const ParsedStatement& stmt) {
  switch (stmt.kind) {
    case ParsedStatement::Kind::kSelect: return BindSelect(*stmt.select);
    case ParsedStatement::Kind::kInsert: return BindInsert(*stmt.insert);
    case ParsedStatement::Kind::kCreateTable: return BindCreateTable(*stmt.create_table);
    case ParsedStatement::Kind::kCreateTableAs: return BindCreateTableAs(*stmt.create_table_as);
    case ParsedStatement::Kind::kUpdate: return BindUpdate(*stmt.update);
    case ParsedStatement::Kind::kExplain: {
      const ParsedStatement::Kind k = stmt.explained->kind;
      const bool modify = k == ParsedStatement::Kind::kInsert ||
                          k == ParsedStatement::Kind::kUpdate || k == ParsedStatement::Kind::kDelete;
      if (k != ParsedStatement::Kind::kSelect && !modify) {
        return NotSupported("EXPLAIN of statements other than SELECT, INSERT, UPDATE and DELETE");
      }

      BoundStatement out;
      out.kind = BoundStatement::Kind::kExplain;
      BoundStatement inner;
      OMEN_ASSIGN_OR_RETURN(inner, BindStatement(*stmt.explained));
      out.explained = std::make_unique<BoundStatement>(std::move(inner));
      out.analyze = stmt.explain.analyze;
      out.timing = stmt.explain.timing;
      out.summary = stmt.explain.summary;
      return out;
    }
    case ParsedStatement::Kind::kDelete: return BindDelete(*stmt.del);
    case ParsedStatement::Kind::kDeclareCursor:
      return BindSelect(*stmt.select);  // the cursor's query
    case ParsedStatement::Kind::kExecute:
      return BindSelect(*stmt.select);  // its arguments, as one row
    case ParsedStatement::Kind::kFetch:
    case ParsedStatement::Kind::kCloseCursor:
    case ParsedStatement::Kind::kPrepare:
    case ParsedStatement::Kind::kDeallocate:
    case ParsedStatement::Kind::kTruncate:
    case ParsedStatement::Kind::kTransaction:
    case ParsedStatement::Kind::kSet:
    case ParsedStatement::Kind::kShow:
    case ParsedStatement::Kind::kCheckpoint:
      return InternalError("utility statements are run by the session");
    case ParsedStatement::Kind::kDropTable: return BindDrop(*stmt.drop_table);
    case ParsedStatement::Kind::kCreateSchema: return BindCreateSchema(*stmt.create_schema);
    case ParsedStatement::Kind::kCreateIndex:
      return BindCreateIndex(*stmt.create_index);
    case ParsedStatement::Kind::kCreateSequence:
      return BindCreateSequence(*stmt.create_sequence);
    case ParsedStatement::Kind::kCreateView:
      return BindCreateView(*stmt.create_view);
    case ParsedStatement::Kind::kAlterTable:
      return BindAlterTable(*stmt.alter_table);
  }
  return InternalError("unknown statement kind");
}

Result<BoundExprPtr> Binder::BindColumnRef(const ParsedExpr& expr, const Scope& scope) {
  if (stored_expression_ == StoredExpression::kDefault) {
    return WithPos(Status(sqlstate::kFeatureNotSupported,
                          "cannot use column reference in DEFAULT expression"),
                   expr.location);
  }
  const std::string& column = expr.names.back();
  if (expr.names.size() == 2) {
    const Scope::Entry* entry = scope.Find(expr.names[0]);
    for (const Scope* outer : outer_scopes_) {
      if (entry == nullptr && outer->Find(expr.names[0]) != nullptr) return BindOuterRef(expr);
    }
    if (entry == nullptr) {
      for (const Scope::Entry& e : scope.tables) {
        if (e.table->name == expr.names[0]) {
          return WithPos(Status(sqlstate::kUndefinedTable,
                                "invalid reference to FROM-clause entry for table \"" +
                                    expr.names[0] + "\"",
                                "", "Perhaps you meant to reference the table alias \"" + e.name +
                                        "\"."),
                         expr.location);
        }
      }
      return WithPos(Status(sqlstate::kUndefinedTable,
                            "missing FROM-clause entry for table \"" + expr.names[0] + "\""),
                     expr.location);
    }
    if (auto idx = entry->table->FindColumn(column)) {
      return BoundExpr::Column(entry->offset + *idx, entry->table->columns[*idx].type);
    }
    return WithPos(Status(sqlstate::kUndefinedColumn,
                          "column " + expr.names[0] + "." + column + " does not exist"),
                   expr.location);
  }
  BoundExprPtr found;
  for (size_t e = 0; e < scope.tables.size(); ++e) {
    const Scope::Entry& entry = scope.tables[e];
    auto idx = entry.table->FindColumn(column);
    if (!idx || scope.IsHidden(e, *idx)) continue;
    if (found) {
      return WithPos(Status(sqlstate::kAmbiguousColumn,
                            "column reference \"" + column + "\" is ambiguous"),
                     expr.location);
    }
    found = BoundExpr::Column(entry.offset + *idx, entry.table->columns[*idx].type);
  }
  if (found) return found;
  for (const Scope* outer : outer_scopes_) {
    for (const Scope::Entry& entry : outer->tables) {
      if (entry.table->FindColumn(column)) return BindOuterRef(expr);
    }
  }
  return WithPos(Status(sqlstate::kUndefinedColumn, "column \"" + column + "\" does not exist"),
                 expr.location);
}

Result<BoundExprPtr> Binder::BindOperator(const ParsedExpr& expr, const Scope& scope) {
  std::vector<BoundExprPtr> args;
  std::vector<LogicalType> types;
  for (const auto& a : expr.args) {
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindExpr(*a, scope));
    types.push_back(b->type);
    args.push_back(std::move(b));
  }
  if (expr.op == "||" && args.size() == 2) {
    // text || anynonarray and anynonarray || text: the other operand is cast to text.
    auto stringish = [](LogicalType t) { return t.IsCharacter() || IsUntyped(t); };
    for (size_t i = 0; i < 2; ++i) {
      size_t other = 1 - i;
      // An untyped literal beside bytea is bytea (bytea || bytea), not text.
      bool bytea_pair = IsUntyped(types[i]) && types[other].id() == TypeId::kBytea;
      if (stringish(types[i]) && !stringish(types[other]) && !bytea_pair) {
        OMEN_ASSIGN_OR_RETURN(args[other], AddCast(std::move(args[other]), TypeId::kText));
        types[other] = TypeId::kText;
      }
    }
  }
  Result<const ScalarFunction*> f = ResolveOperator(expr.op, types);
  if (!f.ok()) return WithPos(f.status(), expr.location);
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kFunction;
  e->function = *f;
  e->type = (*f)->return_type;
  for (size_t i = 0; i < args.size(); ++i) {
    // A literal that does not convert is reported at the literal, as PostgreSQL does.
    Result<BoundExprPtr> cast = AddCast(std::move(args[i]), (*f)->arg_types[i]);
    if (!cast.ok()) return WithPos(cast.status(), expr.args[i]->location);
    e->children.push_back(std::move(cast).value());
  }
  return e;
}

Result<BoundExprPtr> Binder::BindCondition(const ParsedExpr& expr, const Scope& scope,
                                           const char* clause) {
  BoundExprPtr b;
  OMEN_ASSIGN_OR_RETURN(b, BindExpr(expr, scope));
  if (b->type.id() == TypeId::kBoolean) return b;
  if (IsUntyped(b->type)) return AddCast(std::move(b), TypeId::kBoolean);
  return WithPos(Status(sqlstate::kDatatypeMismatch, std::string("argument of ") + clause +
                                                         " must be type boolean, not type " +
                                                         b->type.sql_name()),
                 expr.location);
}

Result<BoundExprPtr> Binder::BindExpr(const ParsedExpr& expr, const Scope& scope) {
  using K = ParsedExpr::Kind;
  OMEN_RETURN_IF_ERROR(CheckStackDepth());
  if (agg_ != nullptr && !agg_->in_aggregate_args) {
    bool handled = false;
    Result<BoundExprPtr> grouped = BindGrouped(expr, &handled);
    if (handled) return grouped;
  }
  switch (expr.kind) {
    case K::kFunction: return BindFunction(expr, scope);
    case K::kSubquery: return BindSubquery(expr, scope);
    case K::kColumnRef: return BindColumnRef(expr, scope);
    case K::kStar:
      return WithPos(NotSupported("\"*\" in this position"), expr.location);
    case K::kConstant: return BoundExpr::Constant(expr.constant);
    case K::kParam: return BindParam(expr);
    case K::kDefault:
      return WithPos(Status(sqlstate::kSyntaxError, "DEFAULT is not allowed in this context"),
                     expr.location);
    case K::kOperator: return BindOperator(expr, scope);
    case K::kAnd:
    case K::kOr:
    case K::kNot: {
      auto e = std::make_unique<BoundExpr>();
      e->kind = expr.kind == K::kAnd ? BoundExpr::Kind::kAnd
                : expr.kind == K::kOr ? BoundExpr::Kind::kOr
                                      : BoundExpr::Kind::kNot;
      e->type = TypeId::kBoolean;
      const char* name = expr.kind == K::kAnd ? "AND" : expr.kind == K::kOr ? "OR" : "NOT";
      for (const auto& a : expr.args) {
        BoundExprPtr b;
        OMEN_ASSIGN_OR_RETURN(b, BindCondition(*a, scope, name));
        e->children.push_back(std::move(b));
      }
      return e;
    }
    case K::kIsNull:
    case K::kIsNotNull: {
      auto e = std::make_unique<BoundExpr>();
      e->kind = expr.kind == K::kIsNull ? BoundExpr::Kind::kIsNull : BoundExpr::Kind::kIsNotNull;
      e->type = TypeId::kBoolean;
      BoundExprPtr b;
      OMEN_ASSIGN_OR_RETURN(b, BindExpr(*expr.args[0], scope));
      // An untyped literal is text here; an untyped parameter stays undetermined (42P18 at
      // the end of binding), as in PostgreSQL.
      if (IsUntyped(b->type) && b->kind != BoundExpr::Kind::kParameter) {
        OMEN_ASSIGN_OR_RETURN(b, AddCast(std::move(b), TypeId::kText));
      }
      e->children.push_back(std::move(b));
      return e;
    }
    case K::kCase:
    case K::kCoalesce:
    case K::kGreatest:
    case K::kLeast:
    case K::kNullIf:
    case K::kIn:
    case K::kDistinctFrom:
    case K::kLike:
    case K::kBoolTest:
      return BindConditional(expr, scope);
    case K::kCast: {
      BoundExprPtr b;
      OMEN_ASSIGN_OR_RETURN(b, BindExpr(*expr.args[0], scope));
      Result<BoundExprPtr> cast = AddCast(std::move(b), expr.cast_type);
      if (!cast.ok()) {
        // A missing cast is reported at "::"; a literal that does not convert, at the literal.
        bool no_cast = cast.status().sqlstate() == sqlstate::kCannotCoerce;
        return WithPos(cast.status(), no_cast ? expr.location : expr.args[0]->location);
      }
      return cast;
    }
  }
  return InternalError("unknown expression kind");
}

Result<BoundExprPtr> Binder::BindGrouped(const ParsedExpr& expr, bool* handled) {
  *handled = true;
  if (expr.kind == ParsedExpr::Kind::kFunction && expr.over) {
    *handled = false;  // a window function: its parts are bound in the grouped context
    return BoundExprPtr();
  }
  if (expr.kind == ParsedExpr::Kind::kFunction && IsAggregateName(expr.names[0])) {
    return BindAggregateCall(expr);
  }
  if (ContainsAggregate(expr)) {
    *handled = false;  // bind the parts: the aggregates inside are collected one by one
    return BoundExprPtr();
  }
  AggregateContext* ctx = agg_;
  Result<BoundExprPtr> whole = [&] {
    Restore<AggregateContext*> off(&agg_, nullptr);
    return BindExpr(expr, *ctx->input);
  }();
  if (!whole.ok()) return whole;
  std::string key = ExprKey(**whole);
  for (size_t i = 0; i < ctx->group_keys.size(); ++i) {
    if (ctx->group_keys[i] == key) return BoundExpr::Column(i, (*ctx->groups)[i]->type);
  }
  if (!ContainsColumn(**whole)) return whole;  // constants need no grouping
  if (expr.kind == ParsedExpr::Kind::kColumnRef) {
    std::string table = expr.names.size() == 2 ? expr.names[0] : "";
    for (const Scope::Entry& entry : ctx->input->tables) {
      if (table.empty() && entry.table->FindColumn(expr.names.back())) table = entry.name;
    }
    return WithPos(Status(sqlstate::kGroupingError,
                          "column \"" + table + "." + expr.names.back() +
                              "\" must appear in the GROUP BY clause or be used in an aggregate "
                              "function"),
                   expr.location);
  }
  *handled = false;  // an expression over grouped columns: bind it part by part
  return BoundExprPtr();
}

Result<BoundExprPtr> Binder::BindSequenceCall(const ParsedExpr& expr, const Scope& scope) {
  const std::string& name = expr.names[0];
  using Op = BoundExpr::SequenceOp;
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kSequence;
  e->type = TypeId::kBigInt;
  e->sequences = sequences_;
  e->sequence_op = name == "nextval"   ? Op::kNextVal
                   : name == "currval" ? Op::kCurrVal
                   : name == "setval"  ? Op::kSetVal
                                       : Op::kLastVal;
  size_t min_args = e->sequence_op == Op::kLastVal ? 0 : e->sequence_op == Op::kSetVal ? 2 : 1;
  size_t max_args = e->sequence_op == Op::kSetVal ? 3 : min_args;
  if (expr.args.size() < min_args || expr.args.size() > max_args || expr.star || expr.distinct) {
    return WithPos(Status(sqlstate::kUndefinedFunction,
                          "function " + name + " with " + std::to_string(expr.args.size()) +
                              " arguments does not exist"),
                   expr.location);
  }
  if (e->sequence_op == Op::kLastVal) return BoundExprPtr(std::move(e));
  // The sequence: a name given as a constant (PostgreSQL's regclass argument).
  const ParsedExpr& arg = *expr.args[0];
  if (arg.kind != ParsedExpr::Kind::kConstant || arg.constant.is_null() ||
      (arg.constant.type().id() != TypeId::kUnknown && arg.constant.type().id() != TypeId::kText)) {
    return WithPos(NotSupported(name + "() of anything but a sequence name written as a string"),
                   arg.location);
  }
  const std::string& seq_name = arg.constant.GetString();
  // "name" or "schema.name" (regclass input; dots inside double quotes are not separators).
  std::string seq_schema, seq_rel;
  {
    std::vector<std::string> parts(1);
    bool quoted = false;
    for (char ch : seq_name) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == '.' && !quoted) {
        parts.emplace_back();
      } else {
        parts.back() += ch;
      }
    }
    if (parts.size() > 2) {
      return WithPos(NotSupported("sequence names with more than a schema and a name"),
                     arg.location);
    }
    seq_rel = parts.back();
    if (parts.size() == 2) seq_schema = parts[0];
  }
  if (!seq_schema.empty() && !catalog_.SchemaExists(seq_schema, txn_id_)) {
    return WithPos(Status("3F000", "schema \"" + seq_schema + "\" does not exist"), arg.location);
  }
  Result<const TableSchema*> found = ResolveRelation(seq_schema, seq_rel);
  if (!found.ok()) return WithPos(found.status(), arg.location);
  const TableSchema* seq = *found;
  if (!seq->sequence) {
    return WithPos(Status(sqlstate::kWrongObjectType, "\"" + seq_name + "\" is not a sequence"),
                   arg.location);
  }
  e->sequence = seq;
  for (size_t i = 1; i < expr.args.size(); ++i) {
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindExpr(*expr.args[i], scope));
    LogicalType want = i == 1 ? LogicalType(TypeId::kBigInt) : LogicalType(TypeId::kBoolean);
    bool ok = IsUntyped(b->type) || b->type == want || (i == 1 && b->type.IsInteger());
    if (!ok) {
      return WithPos(Status(sqlstate::kUndefinedFunction,
                            "function setval(regclass, " + std::string(b->type.sql_name()) +
                                ") does not exist"),
                     expr.location);
    }
    OMEN_ASSIGN_OR_RETURN(b, AddCast(std::move(b), want));
    e->children.push_back(std::move(b));
  }
  return BoundExprPtr(std::move(e));
}

Result<BoundExprPtr> Binder::BindSettingCall(const ParsedExpr& expr, const Scope& scope) {
  const bool set = expr.names[0] == "set_config";
  const size_t min_args = set ? 3 : 1, max_args = set ? 3 : 2;
  if (expr.args.size() < min_args || expr.args.size() > max_args || expr.star || expr.distinct) {
    return WithPos(Status(sqlstate::kUndefinedFunction,
                          "function " + expr.names[0] + " with " +
                              std::to_string(expr.args.size()) + " arguments does not exist"),
                   expr.location);
  }
  // The arguments, of the parameters' types: (text [, boolean]) or (text, text, boolean).
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kSetting;
  e->type = TypeId::kText;
  e->setting_set = set;
  e->settings = settings_;
  const LogicalType want_get[] = {TypeId::kText, TypeId::kBoolean};
  const LogicalType want_set[] = {TypeId::kText, TypeId::kText, TypeId::kBoolean};
  for (size_t i = 0; i < expr.args.size(); ++i) {
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindExpr(*expr.args[i], scope));
    OMEN_ASSIGN_OR_RETURN(b, AddCast(std::move(b), set ? want_set[i] : want_get[i]));
    e->children.push_back(std::move(b));
  }
  const bool prepare_only = params_ != nullptr && params_->values == nullptr;
  if (settings_ == nullptr && !prepare_only) {
    return WithPos(NotSupported(expr.names[0] + "() here"), expr.location);
  }
  // (current_setting of constants becomes a constant in the optimizer, unless the statement
  // also calls set_config.)
  return BoundExprPtr(std::move(e));
}

Result<BoundExprPtr> Binder::BindFunction(const ParsedExpr& expr, const Scope& scope) {
  const std::string& name = expr.names[0];
  if (expr.over) return BindWindowCall(expr, scope);
  if (name == "nextval" || name == "currval" || name == "setval" || name == "lastval") {
    return BindSequenceCall(expr, scope);
  }
  if (name == "current_setting" || name == "set_config") return BindSettingCall(expr, scope);
  if (!IsAggregateName(name)) {
    if (expr.star || expr.distinct || expr.filtered || !expr.agg_order.empty()) {
      return WithPos(Status(sqlstate::kWrongObjectType,
                            std::string(expr.star       ? "*"
                                        : expr.distinct ? "DISTINCT"
                                        : expr.filtered ? "FILTER"
                                                        : "ORDER BY") +
                                " specified, but " + name + " is not an aggregate function"),
                     expr.location);
    }
    std::vector<BoundExprPtr> args;
    std::vector<LogicalType> types;
    for (const auto& a : expr.args) {
      BoundExprPtr b;
      OMEN_ASSIGN_OR_RETURN(b, BindExpr(*a, scope));
      types.push_back(b->type);
      args.push_back(std::move(b));
    }
    if (name == "pg_typeof" && args.size() == 1) {
      // The argument's type name (PostgreSQL's result is a regtype; here its text).
      return BoundExpr::Constant(Value::Text(types[0].sql_name()));
    }
    if (!IsBuiltinFunction(name)) {
      return WithPos(NotSupported("function " + name + "()"), expr.location);
    }
    Result<const ScalarFunction*> f = ResolveFunction(name, types);
    if (!f.ok()) return WithPos(f.status(), expr.location);
    auto e = std::make_unique<BoundExpr>();
    e->kind = BoundExpr::Kind::kFunction;
    e->function = *f;
    e->type = (*f)->return_type;
    for (size_t i = 0; i < args.size(); ++i) {
      LogicalType want = (*f)->variadic ? (*f)->arg_types[0] : (*f)->arg_types[i];
      // An argument of "any" type (kInvalid) keeps its type; an untyped literal becomes text.
      if (want.id() == TypeId::kInvalid) {
        want = IsUntyped(args[i]->type) ? LogicalType(TypeId::kText) : args[i]->type;
      }
      Result<BoundExprPtr> cast = AddCast(std::move(args[i]), want);
      if (!cast.ok()) return WithPos(cast.status(), expr.args[i]->location);
      e->children.push_back(std::move(cast).value());
    }
    return e;
  }
  if (agg_ != nullptr && agg_->in_aggregate_args) {
    return WithPos(Status(sqlstate::kGroupingError, "aggregate function calls cannot be nested"),
                   expr.location);
  }
  std::string where = clause_ ? std::string(" in ") + clause_ : " here";
  return WithPos(Status(sqlstate::kGroupingError, "aggregate functions are not allowed" + where),
                 expr.location);
}

Result<BoundExprPtr> Binder::BindSubquery(const ParsedExpr& expr, const Scope& scope) {
  if (stored_expression_ != StoredExpression::kNone) {
    return WithPos(Status(sqlstate::kFeatureNotSupported,
                          std::string("cannot use subquery in ") +
                              (stored_expression_ == StoredExpression::kDefault
                                   ? "DEFAULT expression"
                                   : "check constraint")),
                   expr.location);
  }
  BoundStatement sub;
  Correlation correlation;
  correlation.outer = &scope;
  correlation.outer_grouping = agg_;
  {
    // The subquery is a query of its own: no grouping context; names it does not define
    // may be the enclosing query's columns (a correlated subquery).
    Restore<AggregateContext*> own_grouping(&agg_, nullptr);
    Restore<const char*> own_clause(&clause_, nullptr);
    outer_scopes_.push_back(&scope);
    correlations_.push_back(&correlation);
    Result<BoundStatement> bound = BindSelect(*expr.subquery);
    correlations_.pop_back();
    outer_scopes_.pop_back();
    if (!bound.ok()) return bound.status();
    sub = std::move(bound).value();
  }
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kSubquery;
  e->subquery_kind = static_cast<int>(expr.subquery_kind);
  e->negated = expr.negated;
  size_t visible = sub.column_names.size();
  if (expr.subquery_kind == ParsedExpr::SubqueryKind::kExists) {
    e->type = TypeId::kBoolean;
  } else {
    if (visible != 1) {
      return WithPos(Status(sqlstate::kSyntaxError,
                            visible > 1 ? (expr.subquery_kind == ParsedExpr::SubqueryKind::kIn
                                               ? "subquery has too many columns"
                                               : "subquery must return only one column")
                                        : "subquery has too few columns"),
                     expr.location);
    }
    LogicalType column = sub.plan->types[0];
    LogicalType target = column;
    if (expr.subquery_kind == ParsedExpr::SubqueryKind::kIn) {
      BoundExprPtr test;
      OMEN_ASSIGN_OR_RETURN(test, BindExpr(*expr.args[0], scope));
      size_t bad = 0;
      Result<LogicalType> common = CommonType({test->type, column}, "IN", &bad);
      if (!common.ok()) return WithPos(common.status(), expr.location);
      target = *common;
      OMEN_ASSIGN_OR_RETURN(test, AddCast(std::move(test), target));
      e->children.push_back(std::move(test));
      e->type = TypeId::kBoolean;
      e->subquery_all = expr.all;
      Result<const ScalarFunction*> op = ResolveOperator(expr.op, {target, target});
      if (!op.ok()) return WithPos(op.status(), expr.location);
      if ((*op)->return_type.id() != TypeId::kBoolean) {
        return WithPos(Status(sqlstate::kDatatypeMismatch,
                              "op ANY/ALL (array) requires operator to yield boolean"),
                       expr.location);
      }
      e->function = *op;
    } else {
      e->type = column;
    }
    // Exactly one column of the target type (hidden ORDER BY columns dropped).
    auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
    BoundExprPtr col;
    OMEN_ASSIGN_OR_RETURN(col, AddCast(BoundExpr::Column(0, column), target));
    proj->expressions.push_back(std::move(col));
    proj->types = {target};
    proj->children.push_back(std::move(sub.plan));
    sub.plan = std::move(proj);
  }
  e->subplan = std::shared_ptr<LogicalOperator>(std::move(sub.plan));
  if (!correlation.sources.empty()) {
    e->correlated = true;
    e->correlation_begin = e->children.size();
    e->outer_values = correlation.values;
    for (BoundExprPtr& s : correlation.sources) e->children.push_back(std::move(s));
  }
  return e;
}

Result<BoundExprPtr> Binder::BindOuterRef(const ParsedExpr& expr) {
  if (correlations_.empty() || outer_scopes_.empty()) {
    return WithPos(NotSupported("references to an enclosing query here"), expr.location);
  }
  Correlation* c = correlations_.back();
  // Bound in the enclosing query (with its grouping), where the subquery is evaluated.
  std::vector<const Scope*> saved_outer = outer_scopes_;
  std::vector<Correlation*> saved_correlations = correlations_;
  outer_scopes_.pop_back();
  correlations_.pop_back();
  Result<BoundExprPtr> source = [&] {
    Restore<AggregateContext*> grouping(&agg_, c->outer_grouping);
    Restore<const char*> clause(&clause_, nullptr);
    return BindExpr(expr, *c->outer);
  }();
  outer_scopes_ = std::move(saved_outer);
  correlations_ = std::move(saved_correlations);
  // (A column two or more levels out binds to a reference of the enclosing subquery, which
  // is itself correlated: its value is there when this subquery runs.)
  if (!source.ok()) return source.status();
  std::string key = ExprKey(**source);
  size_t slot = 0;
  while (slot < c->keys.size() && c->keys[slot] != key) ++slot;
  if (slot == c->keys.size()) {
    c->keys.push_back(key);
    c->sources.push_back(std::move(source).value());
  }
  auto ref = std::make_unique<BoundExpr>();
  ref->kind = BoundExpr::Kind::kOuterRef;
  ref->type = c->sources[slot]->type;
  ref->column = slot;
  ref->outer_values = c->values;
  return ref;
}

Result<BoundExprPtr> Binder::BindAggregateCall(const ParsedExpr& expr) {
  AggregateContext* ctx = agg_;
  std::vector<BoundExprPtr> args;
  std::vector<LogicalType> types;
  {
    Restore<bool> inside(&ctx->in_aggregate_args, true);
    for (const auto& a : expr.args) {
      BoundExprPtr b;
      OMEN_ASSIGN_OR_RETURN(b, BindExpr(*a, *ctx->input));
      types.push_back(b->type);
      // PostgreSQL evaluates an aggregate of only an enclosing query's columns in that query.
      if (b->ContainsKind(BoundExpr::Kind::kOuterRef) && !b->ContainsKind(BoundExpr::Kind::kColumn)) {
        return WithPos(NotSupported("aggregates of an enclosing query's columns"), a->location);
      }
      args.push_back(std::move(b));
    }
  }
  Result<AggregateSignature> sig = ResolveAggregate(expr.names[0], types, expr.star);
  if (!sig.ok()) return WithPos(sig.status(), expr.location);
  AggregateCall call;
  call.kind = sig->kind;
  call.distinct = expr.distinct;
  call.type = sig->return_type;
  call.key = expr.names[0] + (expr.distinct ? "(DISTINCT " : "(") + (expr.star ? "*" : "");
  for (size_t i = 0; i < args.size(); ++i) {
    Result<BoundExprPtr> cast = AddCast(std::move(args[i]), sig->arg_types[i]);
    if (!cast.ok()) return WithPos(cast.status(), expr.args[i]->location);
    call.key += (i ? ", " : "") + ExprKey(**cast);
    call.args.push_back(std::move(cast).value());
  }
  if (!expr.agg_order.empty()) {
    call.key += " ORDER BY";
    Restore<bool> inside(&ctx->in_aggregate_args, true);
    for (const ParsedOrderItem& item : expr.agg_order) {
      BoundExprPtr b;
      OMEN_ASSIGN_OR_RETURN(b, BindExpr(*item.expr, *ctx->input));
      if (IsUntyped(b->type)) {
        OMEN_ASSIGN_OR_RETURN(b, AddCast(std::move(b), TypeId::kText));
      }
      if (call.distinct) {
        // PostgreSQL: with DISTINCT the order can only be by the arguments.
        auto uncast = [](const BoundExpr* e) {
          while (e->kind == BoundExpr::Kind::kCast) e = e->children[0].get();
          return e;
        };
        bool is_arg = std::any_of(call.args.begin(), call.args.end(), [&](const BoundExprPtr& a) {
          return ExprKey(*uncast(a.get())) == ExprKey(*uncast(b.get()));
        });
        if (!is_arg) {
          return WithPos(Status("42P10", "in an aggregate with DISTINCT, ORDER BY expressions "
                                         "must appear in argument list"),
                         item.expr->location);
        }
      }
      call.key += " " + ExprKey(*b) + (item.descending ? " DESC" : "") +
                  (item.nulls_first.value_or(item.descending) ? " NULLS FIRST" : "");
      call.order.push_back({std::move(b), item.descending,
                            item.nulls_first.value_or(item.descending)});
    }
  }
  call.key += ")";
  size_t index = 0;
  while (index < ctx->aggregates->size() && (*ctx->aggregates)[index].key != call.key) ++index;
  if (index == ctx->aggregates->size()) ctx->aggregates->push_back(std::move(call));
  return BoundExpr::Column(ctx->groups->size() + index, (*ctx->aggregates)[index].type);
}

Result<LogicalOperatorPtr> Binder::BindAggregation(const ParsedSelect& select, const Scope& scope,
                                                   LogicalOperatorPtr input,
                                                   AggregateContext* ctx) {
  auto agg = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kAggregate);
  ctx->input = &scope;
  ctx->groups = &agg->groups;
  ctx->aggregates = &agg->aggregates;
  Restore<const char*> in_group_by(&clause_, "GROUP BY");
  for (const auto& g : select.group_by) {
    const ParsedExpr* e = g.get();
    // GROUP BY 2 names a select-list entry; a bare name that is no input column may name an
    // output column (PostgreSQL prefers input columns here, unlike ORDER BY).
    if (e->kind == ParsedExpr::Kind::kConstant && e->constant.type().id() == TypeId::kInteger) {
      int64_t pos = e->constant.GetInt();
      if (pos < 1 || static_cast<size_t>(pos) > select.targets.size() ||
          select.targets[pos - 1].expr->kind == ParsedExpr::Kind::kStar) {
        return WithPos(Status(sqlstate::kInvalidColumnReference,
                              "GROUP BY position " + std::to_string(pos) + " is not in select list"),
                       e->location);
      }
      e = select.targets[pos - 1].expr.get();
    } else if (e->kind == ParsedExpr::Kind::kColumnRef && e->names.size() == 1 &&
               std::none_of(scope.tables.begin(), scope.tables.end(), [&](const auto& t) {
                 return t.table->FindColumn(e->names[0]).has_value();
               })) {
      for (const auto& t : select.targets) {
        if (!t.alias.empty() && t.alias == e->names[0]) {
          e = t.expr.get();
          break;
        }
      }
    }
    if (ContainsAggregate(*e)) {
      return WithPos(Status(sqlstate::kGroupingError,
                            "aggregate functions are not allowed in GROUP BY"),
                     e->location);
    }
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindExpr(*e, scope));
    if (IsUntyped(b->type)) {
      OMEN_ASSIGN_OR_RETURN(b, AddCast(std::move(b), TypeId::kText));
    }
    ctx->group_keys.push_back(ExprKey(*b));
    agg->types.push_back(b->type);
    agg->groups.push_back(std::move(b));
  }
  agg->children.push_back(std::move(input));
  return agg;
}

Result<std::vector<BoundExprPtr>> Binder::BindCommon(const std::vector<const ParsedExpr*>& exprs,
                                                     const Scope& scope, const char* context) {
  std::vector<BoundExprPtr> bound;
  std::vector<LogicalType> types;
  for (const ParsedExpr* e : exprs) {
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindExpr(*e, scope));
    types.push_back(b->type);
    bound.push_back(std::move(b));
  }
  size_t bad = 0;
  Result<LogicalType> common = CommonType(types, context, &bad);
  if (!common.ok()) return WithPos(common.status(), exprs.empty() ? -1 : exprs[bad]->location);
  for (size_t i = 0; i < bound.size(); ++i) {
    Result<BoundExprPtr> cast = AddCast(std::move(bound[i]), *common);
    if (!cast.ok()) return WithPos(cast.status(), exprs[i]->location);
    bound[i] = std::move(cast).value();
  }
  return bound;
}

Result<BoundExprPtr> Binder::BindCase(const ParsedExpr& expr, const Scope& scope) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kCase;
  e->has_else = expr.has_else;
  size_t first = expr.has_case_operand ? 1 : 0;
  size_t end = expr.args.size() - (expr.has_else ? 1 : 0);
  std::vector<BoundExprPtr> conditions;
  std::vector<const ParsedExpr*> results;
  for (size_t i = first; i + 1 < end; i += 2) {
    const ParsedExpr& when = *expr.args[i];
    BoundExprPtr cond;
    if (expr.has_case_operand) {
      // CASE x WHEN v: the condition is x = v.
      BoundExprPtr l, r;
      OMEN_ASSIGN_OR_RETURN(l, BindExpr(*expr.args[0], scope));
      OMEN_ASSIGN_OR_RETURN(r, BindExpr(when, scope));
      Result<const ScalarFunction*> f = ResolveOperator("=", {l->type, r->type});
      if (!f.ok()) return WithPos(f.status(), when.location);
      cond = std::make_unique<BoundExpr>();
      cond->kind = BoundExpr::Kind::kFunction;
      cond->function = *f;
      cond->type = TypeId::kBoolean;
      Result<BoundExprPtr> lc = AddCast(std::move(l), (*f)->arg_types[0]);
      if (!lc.ok()) return WithPos(lc.status(), expr.args[0]->location);
      Result<BoundExprPtr> rc = AddCast(std::move(r), (*f)->arg_types[1]);
      if (!rc.ok()) return WithPos(rc.status(), when.location);
      cond->children.push_back(std::move(lc).value());
      cond->children.push_back(std::move(rc).value());
    } else {
      OMEN_ASSIGN_OR_RETURN(cond, BindCondition(when, scope, "CASE/WHEN"));
    }
    conditions.push_back(std::move(cond));
    results.push_back(expr.args[i + 1].get());
  }
  // PostgreSQL resolves the ELSE result first, then the THEN results (it shows in messages).
  if (expr.has_else) results.insert(results.begin(), expr.args.back().get());
  std::vector<BoundExprPtr> values;
  OMEN_ASSIGN_OR_RETURN(values, BindCommon(results, scope, "CASE"));
  if (expr.has_else) std::rotate(values.begin(), values.begin() + 1, values.end());
  e->type = values[0]->type;
  for (size_t i = 0; i < conditions.size(); ++i) {
    e->children.push_back(std::move(conditions[i]));
    e->children.push_back(std::move(values[i]));
  }
  if (expr.has_else) e->children.push_back(std::move(values.back()));
  return e;
}

Result<BoundExprPtr> Binder::BindConditional(const ParsedExpr& expr, const Scope& scope) {
  using K = ParsedExpr::Kind;
  if (expr.kind == K::kCase) return BindCase(expr, scope);
  auto e = std::make_unique<BoundExpr>();
  e->negated = expr.negated;
  std::vector<const ParsedExpr*> args;
  for (const auto& a : expr.args) args.push_back(a.get());
  switch (expr.kind) {
    case K::kCoalesce:
    case K::kGreatest:
    case K::kLeast: {
      const char* name = expr.kind == K::kCoalesce ? "COALESCE"
                         : expr.kind == K::kGreatest ? "GREATEST" : "LEAST";
      e->kind = expr.kind == K::kCoalesce ? BoundExpr::Kind::kCoalesce
                : expr.kind == K::kGreatest ? BoundExpr::Kind::kGreatest : BoundExpr::Kind::kLeast;
      OMEN_ASSIGN_OR_RETURN(e->children, BindCommon(args, scope, name));
      e->type = e->children[0]->type;
      return e;
    }
    case K::kNullIf:
    case K::kIn:
    case K::kDistinctFrom: {
      e->kind = expr.kind == K::kNullIf ? BoundExpr::Kind::kNullIf
                : expr.kind == K::kIn ? BoundExpr::Kind::kIn : BoundExpr::Kind::kDistinctFrom;
      OMEN_ASSIGN_OR_RETURN(e->children,
                            BindCommon(args, scope, expr.kind == K::kIn ? "IN" : "NULLIF"));
      LogicalType t = e->children[0]->type;
      Result<const ScalarFunction*> f = ResolveOperator("=", {t, t});
      if (!f.ok()) return WithPos(f.status(), expr.location);
      e->function = *f;
      e->type = expr.kind == K::kNullIf ? t : LogicalType(TypeId::kBoolean);
      return e;
    }
    case K::kLike: {
      e->kind = BoundExpr::Kind::kLike;
      e->case_insensitive = expr.case_insensitive;
      e->type = TypeId::kBoolean;
      for (const auto& a : expr.args) {
        BoundExprPtr b;
        OMEN_ASSIGN_OR_RETURN(b, BindExpr(*a, scope));
        if (!b->type.IsCharacter() && !IsUntyped(b->type)) {
          const char* op = expr.case_insensitive ? (expr.negated ? "!~~*" : "~~*")
                                                 : (expr.negated ? "!~~" : "~~");
          // PostgreSQL names the operand types as written ("integer ~~ unknown").
          std::string left = &a == &expr.args[0] ? b->type.sql_name() : "text";
          std::string right = "unknown";
          if (&a == &expr.args[0] && expr.args.size() > 1 &&
              expr.args[1]->kind != ParsedExpr::Kind::kConstant) {
            right = "text";
          }
          return WithPos(Status(sqlstate::kUndefinedFunction,
                                "operator does not exist: " + left + " " + op + " " + right,
                                "", "No operator matches the given name and argument types. "
                                    "You might need to add explicit type casts."),
                         expr.location);
        }
        // varchar and char(n) match as they are (char(n) with its padding, as PostgreSQL's
        // bpcharlike); untyped literals are text.
        if (b->type.IsCharacter()) {
          e->children.push_back(std::move(b));
          continue;
        }
        Result<BoundExprPtr> cast = AddCast(std::move(b), TypeId::kText);
        if (!cast.ok()) return WithPos(cast.status(), a->location);
        e->children.push_back(std::move(cast).value());
      }
      return e;
    }
    case K::kBoolTest: {
      e->kind = BoundExpr::Kind::kBoolTest;
      e->type = TypeId::kBoolean;
      e->bool_test = static_cast<int>(expr.bool_test);
      static const char* kNames[] = {"IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE",
                                     "IS UNKNOWN", "IS NOT UNKNOWN"};
      BoundExprPtr b;
      OMEN_ASSIGN_OR_RETURN(b, BindCondition(*expr.args[0], scope, kNames[e->bool_test]));
      e->children.push_back(std::move(b));
      return e;
    }
    default:
      return InternalError("not a conditional expression");
  }
}

Result<BoundExprPtr> Binder::BindLimitValue(const ParsedExpr* expr) {
  if (expr == nullptr) return BoundExprPtr();
  Restore<AggregateContext*> not_grouped(&agg_, nullptr);
  Restore<const char*> in_limit(&clause_, "LIMIT");
  BoundExprPtr b;
  OMEN_ASSIGN_OR_RETURN(b, BindExpr(*expr, Scope{}));
  if (!AssignmentCastAllowed(b->type, TypeId::kBigInt)) {
    return WithPos(Status(sqlstate::kDatatypeMismatch,
                          std::string("argument of LIMIT must be type bigint, not type ") +
                              b->type.sql_name()),
                   expr->location);
  }
  return AddCast(std::move(b), TypeId::kBigInt, CastContext::kAssignment);
}

Result<LogicalOperatorPtr> Binder::AddOrderAndLimit(LogicalOperatorPtr plan,
                                                    std::vector<OrderSpec> orders,
                                                    const ParsedSelect& select) {
  if (!orders.empty()) {
    auto order = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kOrder);
    order->orders = std::move(orders);
    order->types = plan->types;
    order->children.push_back(std::move(plan));
    plan = std::move(order);
  }
  if (select.limit || select.offset) {
    auto limit = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kLimit);
    OMEN_ASSIGN_OR_RETURN(limit->limit, BindLimitValue(select.limit.get()));
    OMEN_ASSIGN_OR_RETURN(limit->offset, BindLimitValue(select.offset.get()));
    limit->types = plan->types;
    limit->children.push_back(std::move(plan));
    plan = std::move(limit);
  }
  return plan;
}

Result<BoundStatement> Binder::BindSetOperation(const ParsedSelect& select) {
  const char* name = select.set_op == ParsedSelect::SetOp::kUnion       ? "UNION"
                     : select.set_op == ParsedSelect::SetOp::kIntersect ? "INTERSECT"
                                                                        : "EXCEPT";
  BoundStatement left, right;
  {
    // Untyped literals in the branches' select lists take the other branch's type (PostgreSQL
    // resolves them with the set operation's columns), so they stay untyped for now.
    Restore<bool> branch(&set_operation_branch_, true);
    OMEN_ASSIGN_OR_RETURN(left, BindSelect(*select.left));
  }
  {
    Restore<bool> branch(&set_operation_branch_, true);
    OMEN_ASSIGN_OR_RETURN(right, BindSelect(*select.right));
  }
  size_t n = left.column_names.size();
  if (right.column_names.size() != n) {
    return Status(sqlstate::kSyntaxError,
                  std::string("each ") + name + " query must have the same number of columns");
  }
  auto op = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kSetOp);
  op->set_op = select.set_op == ParsedSelect::SetOp::kUnion       ? SetOpType::kUnion
               : select.set_op == ParsedSelect::SetOp::kIntersect ? SetOpType::kIntersect
                                                                  : SetOpType::kExcept;
  op->set_all = select.set_all;
  std::vector<LogicalType> types;
  for (size_t i = 0; i < n; ++i) {
    LogicalType t;
    OMEN_ASSIGN_OR_RETURN(t, CommonType({left.plan->types[i], right.plan->types[i]}, name));
    types.push_back(t);
  }
  // Each side: exactly its visible columns, cast to the common types.
  for (BoundStatement* side : {&left, &right}) {
    auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
    for (size_t i = 0; i < n; ++i) {
      BoundExprPtr e;
      OMEN_ASSIGN_OR_RETURN(e, AddCast(BoundExpr::Column(i, side->plan->types[i]), types[i]));
      proj->expressions.push_back(std::move(e));
    }
    proj->types = types;
    proj->children.push_back(std::move(side->plan));
    op->children.push_back(std::move(proj));
  }
  op->types = types;
  BoundStatement out;
  out.kind = BoundStatement::Kind::kQuery;
  out.column_names = left.column_names;
  out.plan = std::move(op);
  OMEN_RETURN_IF_ERROR(BindResultOrder(select, types, &out));
  return out;
}

Status Binder::BindResultOrder(const ParsedSelect& select, const std::vector<LogicalType>& types,
                               BoundStatement* out) {
  const size_t n = types.size();
  std::vector<OrderSpec> orders;
  for (const ParsedOrderItem& item : select.order_by) {
    const ParsedExpr& e = *item.expr;
    std::optional<size_t> column;
    if (IsPosition(e)) {
      OMEN_ASSIGN_OR_RETURN(column, OrderByPosition(e, n));
    } else if (e.kind == ParsedExpr::Kind::kColumnRef && e.names.size() == 1) {
      for (size_t i = 0; i < n && !column; ++i) {
        if (out->column_names[i] == e.names[0]) column = i;
      }
      if (!column) {
        return WithPos(Status(sqlstate::kUndefinedColumn,
                              "column \"" + e.names[0] + "\" does not exist"),
                       e.location);
      }
    } else {
      return WithPos(Status(sqlstate::kFeatureNotSupported,
                            std::string("invalid ") + "UNION/INTERSECT/EXCEPT ORDER BY clause",
                            "Only result column names can be used, not expressions or functions.",
                            "Add the expression/function to every SELECT, or move the UNION into "
                            "a FROM clause."),
                     e.location);
    }
    orders.push_back(MakeOrder(*column, types[*column], item));
  }
  OMEN_ASSIGN_OR_RETURN(out->plan,
                        AddOrderAndLimit(std::move(out->plan), std::move(orders), select));
  return Status::OK();
}

Result<BoundStatement> Binder::BindValues(const ParsedSelect& select) {
  const size_t columns = select.values[0].size();
  for (const auto& row : select.values) {
    if (row.size() != columns) {
      return WithPos(Status(sqlstate::kSyntaxError, "VALUES lists must all be the same length"),
                     row.empty() ? -1 : row[0]->location);
    }
  }
  // Each column's values take their common type, as in a UNION of the rows.
  Scope scope;
  std::vector<std::vector<BoundExprPtr>> by_column(columns);
  for (size_t c = 0; c < columns; ++c) {
    std::vector<const ParsedExpr*> exprs;
    for (const auto& row : select.values) exprs.push_back(row[c].get());
    OMEN_ASSIGN_OR_RETURN(by_column[c], BindCommon(exprs, scope, "VALUES"));
  }
  auto op = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kValues);
  BoundStatement out;
  out.kind = BoundStatement::Kind::kQuery;
  for (size_t c = 0; c < columns; ++c) {
    op->types.push_back(by_column[c][0]->type);  // untyped literals alone: text
    out.column_names.push_back("column" + std::to_string(c + 1));
  }
  for (size_t r = 0; r < select.values.size(); ++r) {
    for (size_t c = 0; c < columns; ++c) op->expressions.push_back(std::move(by_column[c][r]));
  }
  const std::vector<LogicalType> types = op->types;
  out.plan = std::move(op);
  OMEN_RETURN_IF_ERROR(BindResultOrder(select, types, &out));
  return out;
}

Result<BoundStatement> Binder::BindSelect(const ParsedSelect& select) {
  if (!select.ctes.empty()) {
    // Bind with this query's WITH list in scope; popped on every return path.
    struct Pop {
      std::vector<CteFrame>* frames;
      ~Pop() { frames->pop_back(); }
    };
    ctes_.push_back({&select.ctes, select.ctes.size()});
    Pop pop{&ctes_};
    return BindSelectBody(select);
  }
  return BindSelectBody(select);
}

Status Binder::BindTargetList(const std::vector<ParsedSelectItem>& items, const Scope& scope,
                              bool aggregate, const char* what, std::vector<BoundExprPtr>* exprs,
                              std::vector<LogicalType>* types, std::vector<std::string>* names) {
  auto add_output = [&](BoundExprPtr e, std::string name) -> Status {
    // An untyped literal in the select list is text, as in PostgreSQL (in a set operation's
    // branch it is resolved with the other branches' types).
    if (IsUntyped(e->type) && !keep_untyped_targets_) {
      OMEN_ASSIGN_OR_RETURN(e, AddCast(std::move(e), TypeId::kText));
    }
    types->push_back(e->type);
    exprs->push_back(std::move(e));
    names->push_back(std::move(name));
    return Status::OK();
  };
  for (const ParsedSelectItem& item : items) {
    const ParsedExpr& e = *item.expr;
    if (e.kind == ParsedExpr::Kind::kStar) {
      if (scope.tables.empty()) {
        return WithPos(Status(sqlstate::kSyntaxError,
                              std::string(what) + " * with no tables specified is not valid"),
                       e.location);
      }
      if (!e.names.empty() && scope.Find(e.names[0]) == nullptr) {
        return WithPos(Status(sqlstate::kUndefinedTable,
                              "missing FROM-clause entry for table \"" + e.names[0] + "\""),
                       e.location);
      }
      // t.* lists all of t's columns; * lists the scope's star order.
      std::vector<Scope::ColumnRef> columns;
      for (size_t t = 0; t < scope.tables.size(); ++t) {
        if (e.names.empty() || scope.tables[t].name != e.names[0]) continue;
        for (size_t c = 0; c < scope.tables[t].table->columns.size(); ++c) columns.push_back({t, c});
      }
      if (e.names.empty()) columns = scope.star;
      for (const Scope::ColumnRef& ref_of : columns) {
        const Scope::Entry& entry = scope.tables[ref_of.entry];
        const ColumnDefinition& col = entry.table->columns[ref_of.column];
        BoundExprPtr ref;
        if (aggregate) {
          ParsedExpr named;
          named.kind = ParsedExpr::Kind::kColumnRef;
          named.names = {entry.name, col.name};
          named.location = e.location;
          OMEN_ASSIGN_OR_RETURN(ref, BindExpr(named, scope));
        } else {
          ref = BoundExpr::Column(entry.offset + ref_of.column, col.type);
        }
        OMEN_RETURN_IF_ERROR(add_output(std::move(ref), col.name));
      }
      continue;
    }
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindExpr(e, scope));
    Status s = add_output(std::move(b), item.alias.empty() ? OutputColumnName(e) : item.alias);
    if (!s.ok()) return WithPos(s, e.location);
  }
  return Status::OK();
}

Result<BoundStatement> Binder::BindSelectBody(const ParsedSelect& select) {
  const bool keep_untyped = set_operation_branch_;
  Restore<bool> not_nested(&set_operation_branch_, false);
  Restore<WindowContext*> no_windows_yet(&window_, nullptr);  // not in FROM, WHERE, GROUP BY
  if (select.set_op != ParsedSelect::SetOp::kNone) return BindSetOperation(select);
  if (!select.values.empty()) return BindValues(select);
  Scope scope;
  auto plan = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kDummyScan);
  if (select.from) {
    OMEN_ASSIGN_OR_RETURN(plan, BindFromItem(*select.from, &scope));
  }
  if (select.where) {
    Restore<const char*> in_where(&clause_, "WHERE");
    auto filter = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kFilter);
    OMEN_ASSIGN_OR_RETURN(filter->predicate, BindCondition(*select.where, scope, "WHERE"));
    filter->types = plan->types;
    filter->children.push_back(std::move(plan));
    plan = std::move(filter);
  }

  // A grouped or aggregate query: the select list, HAVING and ORDER BY see the Aggregate's
  // output (its groups, then its aggregates).
  bool aggregate = !select.group_by.empty() || select.having != nullptr;
  for (const auto& t : select.targets) aggregate = aggregate || ContainsAggregate(*t.expr);
  for (const auto& o : select.order_by) aggregate = aggregate || ContainsAggregate(*o.expr);
  AggregateContext agg_ctx;
  LogicalOperator* agg_node = nullptr;
  if (aggregate) {
    OMEN_ASSIGN_OR_RETURN(plan, BindAggregation(select, scope, std::move(plan), &agg_ctx));
    agg_node = plan.get();
  }
  Restore<AggregateContext*> grouped(&agg_, aggregate ? &agg_ctx : nullptr);
  Restore<const char*> no_clause(&clause_, nullptr);
  // Window functions in the select list and ORDER BY: computed by a Window node between the
  // (grouped) input and the projection.
  std::vector<WindowCall> window_calls;
  WindowContext window_ctx{&window_calls};
  Restore<WindowContext*> windows(&window_, &window_ctx);

  BoundStatement out;
  out.kind = BoundStatement::Kind::kQuery;
  auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
  {
    Restore<bool> keep(&keep_untyped_targets_, keep_untyped);
    OMEN_RETURN_IF_ERROR(BindTargetList(select.targets, scope, aggregate, "SELECT",
                                        &proj->expressions, &proj->types, &out.column_names));
  }
  size_t visible = out.column_names.size();

  // An ORDER BY or DISTINCT ON item: an output column (by position or name), or an
  // expression computed as one more (hidden) column of the projection.
  auto resolve_column = [&](const ParsedExpr& e) -> Result<size_t> {
    std::optional<size_t> column;
    if (IsPosition(e)) {
      OMEN_ASSIGN_OR_RETURN(column, OrderByPosition(e, visible));
    } else if (e.kind == ParsedExpr::Kind::kColumnRef && e.names.size() == 1) {
      // A bare name refers to an output column first (PostgreSQL's SQL-92 rule).
      for (size_t i = 0; i < visible; ++i) {
        if (out.column_names[i] != e.names[0]) continue;
        if (column && !(proj->expressions[*column]->kind == BoundExpr::Kind::kColumn &&
                        proj->expressions[i]->kind == BoundExpr::Kind::kColumn &&
                        proj->expressions[*column]->column == proj->expressions[i]->column)) {
          return WithPos(Status(sqlstate::kAmbiguousColumn,
                                "ORDER BY \"" + e.names[0] + "\" is ambiguous"),
                         e.location);
        }
        if (!column) column = i;
      }
    } else if (e.kind == ParsedExpr::Kind::kConstant) {
      return WithPos(NotSupported("ORDER BY a constant other than a column position"), e.location);
    }
    if (!column) {
      BoundExprPtr b;
      OMEN_ASSIGN_OR_RETURN(b, BindExpr(e, scope));
      if (IsUntyped(b->type)) {
        OMEN_ASSIGN_OR_RETURN(b, AddCast(std::move(b), TypeId::kText));
      }
      // The same expression twice (ORDER BY and DISTINCT ON) is one hidden column.
      const std::string text = b->ToString();
      for (size_t i = visible; i < proj->expressions.size() && !column; ++i) {
        if (proj->expressions[i]->ToString() == text) column = i;
      }
      if (column) return *column;
      column = proj->expressions.size();
      proj->types.push_back(b->type);
      proj->expressions.push_back(std::move(b));
    }
    return *column;
  };
  std::vector<OrderSpec> orders;
  for (const ParsedOrderItem& item : select.order_by) {
    size_t column;
    OMEN_ASSIGN_OR_RETURN(column, resolve_column(*item.expr));
    orders.push_back(MakeOrder(column, proj->types[column], item));
  }
  std::vector<size_t> distinct_on;
  for (const ParsedExprPtr& e : select.distinct_on) {
    size_t column;
    OMEN_ASSIGN_OR_RETURN(column, resolve_column(*e));
    if (std::find(distinct_on.begin(), distinct_on.end(), column) == distinct_on.end()) {
      distinct_on.push_back(column);
    }
  }
  if (!distinct_on.empty()) {
    // The leading ORDER BY items must be the DISTINCT ON expressions (in any order).
    std::set<size_t> unmatched(distinct_on.begin(), distinct_on.end());
    for (const OrderSpec& o : orders) {
      if (unmatched.empty()) break;
      if (unmatched.erase(o.expr->column) == 0) {
        return WithPos(Status("42P10", "SELECT DISTINCT ON expressions must match initial "
                                       "ORDER BY expressions"),
                       select.distinct_on[0]->location);
      }
    }
  }
  if (aggregate) {
    LogicalOperatorPtr having;
    if (select.having) {
      having = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kFilter);
      OMEN_ASSIGN_OR_RETURN(having->predicate, BindCondition(*select.having, scope, "HAVING"));
    }
    // Every aggregate is known now (select list, ORDER BY and HAVING all add to the list).
    for (const AggregateCall& a : agg_node->aggregates) agg_node->types.push_back(a.type);
    if (having) {
      having->types = agg_node->types;
      having->children.push_back(std::move(plan));
      plan = std::move(having);
    }
  }
  if (!window_calls.empty()) {
    auto window = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kWindow);
    const size_t width = plan->types.size();
    window->types = plan->types;
    for (const WindowCall& c : window_calls) window->types.push_back(c.type);
    window->windows = std::move(window_calls);
    window->children.push_back(std::move(plan));
    plan = std::move(window);
    for (auto& e : proj->expressions) PlaceWindowColumns(e.get(), width);
  }
  proj->children.push_back(std::move(plan));
  plan = std::move(proj);
  if (!distinct_on.empty()) {
    // The first row of each group of equal DISTINCT ON values in ORDER BY order:
    // row_number() OVER (PARTITION BY them ORDER BY the ORDER BY items) = 1.
    const size_t width = plan->types.size();
    WindowCall call;
    call.function = WindowFunction::kRowNumber;
    call.type = TypeId::kBigInt;
    for (size_t c : distinct_on) call.partition.push_back(BoundExpr::Column(c, plan->types[c]));
    for (const OrderSpec& o : orders) {
      call.order.push_back({o.expr->Clone(0), o.descending, o.nulls_first});
    }
    auto window = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kWindow);
    window->types = plan->types;
    window->types.push_back(call.type);
    window->windows.push_back(std::move(call));
    window->children.push_back(std::move(plan));
    const ScalarFunction* eq;
    OMEN_ASSIGN_OR_RETURN(eq, ResolveOperator("=", {TypeId::kBigInt, TypeId::kBigInt}));
    auto first = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kFilter);
    first->predicate = std::make_unique<BoundExpr>();
    first->predicate->kind = BoundExpr::Kind::kFunction;
    first->predicate->function = eq;
    first->predicate->type = eq->return_type;
    first->predicate->children.push_back(BoundExpr::Column(width, TypeId::kBigInt));
    first->predicate->children.push_back(BoundExpr::Constant(Value::BigInt(1)));
    first->types = window->types;
    first->children.push_back(std::move(window));
    auto keep = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
    for (size_t c = 0; c < width; ++c) {
      keep->expressions.push_back(BoundExpr::Column(c, first->types[c]));
      keep->types.push_back(first->types[c]);
    }
    keep->children.push_back(std::move(first));
    plan = std::move(keep);
  }
  if (select.distinct) {
    // DISTINCT groups by every output column; sort keys must therefore be output columns.
    if (plan->types.size() > visible) {
      return Status(sqlstate::kInvalidColumnReference,
                    "for SELECT DISTINCT, ORDER BY expressions must appear in select list");
    }
    if (visible == 0) return NotSupported("SELECT DISTINCT without columns");
    auto distinct = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kAggregate);
    for (size_t i = 0; i < visible; ++i) {
      distinct->groups.push_back(BoundExpr::Column(i, plan->types[i]));
    }
    distinct->types = plan->types;
    distinct->children.push_back(std::move(plan));
    plan = std::move(distinct);
  }
  OMEN_ASSIGN_OR_RETURN(out.plan, AddOrderAndLimit(std::move(plan), std::move(orders), select));
  return out;
}

Result<BoundStatement> Binder::BindInsert(const ParsedInsert& insert) {
  BoundStatement out;
  out.kind = BoundStatement::Kind::kInsert;
  Result<const TableSchema*> table = ResolveRelation(insert.table.schema, insert.table.name);
  if (!table.ok()) return WithPos(table.status(), insert.table.location);
  out.table = *table;
  const TableSchema& t = *out.table;
  OMEN_RETURN_IF_ERROR(CheckWritable(t, insert.table.location));
  std::vector<size_t> targets;
  if (insert.columns.empty()) {
    for (size_t i = 0; i < t.columns.size(); ++i) targets.push_back(i);
  } else {
    std::set<size_t> seen;
    for (size_t i = 0; i < insert.columns.size(); ++i) {
      const std::string& c = insert.columns[i];
      int location = insert.column_locations[i];
      auto idx = t.FindColumn(c);
      if (!idx) {
        return WithPos(Status(sqlstate::kUndefinedColumn, "column \"" + c + "\" of relation \"" +
                                                              t.name + "\" does not exist"),
                       location);
      }
      if (!seen.insert(*idx).second) {
        return WithPos(
            Status(sqlstate::kDuplicateColumn, "column \"" + c + "\" specified more than once"),
            location);
      }
      targets.push_back(*idx);
    }
  }
  const std::string& visible_name = insert.table.alias.empty() ? t.name : insert.table.alias;
  // Identity columns: values given for GENERATED ALWAYS ones are refused unless OVERRIDING
  // SYSTEM VALUE; OVERRIDING USER VALUE ignores the values given for any identity column.
  std::vector<bool> use_default(t.columns.size(), false);
  bool any_given = insert.select != nullptr || !insert.rows.empty();
  for (size_t c : targets) {
    const ColumnDefinition& col = t.columns[c];
    if (col.identity == 0 || !any_given) continue;
    if (insert.overriding == ParsedInsert::Overriding::kUser) {
      use_default[c] = true;
      continue;
    }
    bool explicit_value = insert.select != nullptr;
    for (const auto& row : insert.rows) {
      size_t i = static_cast<size_t>(std::find(targets.begin(), targets.end(), c) - targets.begin());
      if (i < row.size() && row[i]->kind != ParsedExpr::Kind::kDefault) explicit_value = true;
    }
    if (explicit_value && col.identity == 'a' &&
        insert.overriding != ParsedInsert::Overriding::kSystem) {
      return Status("428C9", "cannot insert a non-DEFAULT value into column \"" + col.name + "\"",
                    "Column \"" + col.name + "\" is an identity column defined as GENERATED ALWAYS.",
                    "Use OVERRIDING SYSTEM VALUE to override.");
    }
  }
  if (insert.on_conflict) {
    OMEN_RETURN_IF_ERROR(BindOnConflict(*insert.on_conflict, t, visible_name, &out));
  }
  OMEN_RETURN_IF_ERROR(BindChecks(t, &out));
  if (insert.default_values) {
    std::vector<BoundExprPtr> values(t.columns.size());
    for (size_t c = 0; c < t.columns.size(); ++c) {
      OMEN_ASSIGN_OR_RETURN(values[c], BindColumnDefault(t, c));
    }
    out.rows.push_back(std::move(values));
    OMEN_RETURN_IF_ERROR(BindReturning(insert.returning, t, visible_name, &out));
    return out;
  }
  if (insert.select) {
    if (std::find(use_default.begin(), use_default.end(), true) != use_default.end()) {
      return NotSupported("OVERRIDING USER VALUE with INSERT ... SELECT");
    }
    OMEN_RETURN_IF_ERROR(BindInsertQuery(insert, targets, &out));
    OMEN_RETURN_IF_ERROR(BindReturning(insert.returning, t, visible_name, &out));
    return out;
  }
  Restore<const char*> in_values(&clause_, "VALUES");
  for (const auto& row : insert.rows) {
    if (row.size() > targets.size()) {
      return WithPos(Status(sqlstate::kSyntaxError, "INSERT has more expressions than target columns"),
                     row[targets.size()]->location);
    }
    if (row.size() < targets.size() && !insert.columns.empty()) {
      return Status(sqlstate::kSyntaxError, "INSERT has more target columns than expressions");
    }
    std::vector<BoundExprPtr> values(t.columns.size());
    for (size_t i = 0; i < row.size(); ++i) {
      const ColumnDefinition& col = t.columns[targets[i]];
      if (row[i]->kind == ParsedExpr::Kind::kDefault || use_default[targets[i]]) {
        OMEN_ASSIGN_OR_RETURN(values[targets[i]], BindColumnDefault(t, targets[i]));
        continue;
      }
      BoundExprPtr b;
      OMEN_ASSIGN_OR_RETURN(b, BindExpr(*row[i], Scope{}));
      OMEN_ASSIGN_OR_RETURN(values[targets[i]],
                            AssignToColumn(std::move(b), col, "expression", row[i]->location));
    }
    for (size_t c = 0; c < values.size(); ++c) {
      if (!values[c]) {
        OMEN_ASSIGN_OR_RETURN(values[c], BindColumnDefault(t, c));
      }
    }
    out.rows.push_back(std::move(values));
  }
  OMEN_RETURN_IF_ERROR(BindReturning(insert.returning, t, visible_name, &out));
  return out;
}

Status Binder::BindReturning(const std::vector<ParsedSelectItem>& items, const TableSchema& table,
                             const std::string& name, BoundStatement* out) {
  if (items.empty()) return Status::OK();
  Scope scope;
  scope.Add(&table, name);
  Restore<AggregateContext*> not_grouped(&agg_, nullptr);
  Restore<const char*> in_returning(&clause_, "RETURNING");
  out->column_names.clear();
  return BindTargetList(items, scope, /*aggregate=*/false, "RETURNING", &out->returning,
                        &out->returning_types, &out->column_names);
}

Status Binder::BindInsertQuery(const ParsedInsert& insert, const std::vector<size_t>& targets,
                               BoundStatement* out) {
  BoundStatement query;
  OMEN_ASSIGN_OR_RETURN(query, BindSelect(*insert.select));
  size_t n = query.column_names.size();
  if (n > targets.size()) {
    return Status(sqlstate::kSyntaxError, "INSERT has more expressions than target columns");
  }
  if (n < targets.size() && !insert.columns.empty()) {
    return Status(sqlstate::kSyntaxError, "INSERT has more target columns than expressions");
  }
  const TableSchema& t = *out->table;
  auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
  std::vector<BoundExprPtr> exprs(t.columns.size());
  for (size_t i = 0; i < n; ++i) {
    const ColumnDefinition& col = t.columns[targets[i]];
    LogicalType from = query.plan->types[i];
    OMEN_ASSIGN_OR_RETURN(exprs[targets[i]],
                          AssignToColumn(BoundExpr::Column(i, from), col, "expression", -1));
  }
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (!exprs[c]) {
      OMEN_ASSIGN_OR_RETURN(exprs[c], BindColumnDefault(t, c));
    }
    proj->types.push_back(t.columns[c].type);
    proj->expressions.push_back(std::move(exprs[c]));
  }
  proj->children.push_back(std::move(query.plan));
  out->plan = std::move(proj);
  return Status::OK();
}

Result<LogicalOperatorPtr> Binder::BindTargetRows(const ParsedTableRef& table,
                                                  const ParsedFromItem* from,
                                                  const ParsedExpr* where, Scope* scope,
                                                  BoundStatement* out) {
  // UPDATE ... FROM / DELETE ... USING: the other items first, the target after them (its row
  // id is the last column of the join).
  LogicalOperatorPtr others;
  if (from != nullptr) {
    OMEN_ASSIGN_OR_RETURN(others, BindFromItem(*from, scope));
  }
  if (Result<const TableSchema*> target = ResolveRelation(table.schema, table.name); target.ok()) {
    OMEN_RETURN_IF_ERROR(CheckWritable(**target, table.location));
  }
  ParsedFromItem item;
  item.kind = ParsedFromItem::Kind::kTable;
  item.table = table;
  LogicalOperatorPtr plan;
  OMEN_ASSIGN_OR_RETURN(plan, BindFromItem(item, scope));
  out->table = plan->table;
  if (out->table == nullptr) {
    return WithPos(Status(sqlstate::kWrongObjectType, "cannot change relation \"" + table.name + "\""),
                   table.location);
  }
  OMEN_RETURN_IF_ERROR(CheckWritable(*out->table, table.location));
  plan->with_row_ids = true;
  plan->types.push_back(TypeId::kBigInt);
  if (others) {
    auto join = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kJoin);
    join->join_type = JoinType::kInner;  // a cross join; WHERE conditions move into it
    join->types = others->types;
    join->types.insert(join->types.end(), plan->types.begin(), plan->types.end());
    join->children.push_back(std::move(others));
    join->children.push_back(std::move(plan));
    plan = std::move(join);
  }
  if (where != nullptr) {
    Restore<const char*> in_where(&clause_, "WHERE");
    auto filter = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kFilter);
    OMEN_ASSIGN_OR_RETURN(filter->predicate, BindCondition(*where, *scope, "WHERE"));
    filter->types = plan->types;
    filter->children.push_back(std::move(plan));
    plan = std::move(filter);
  }
  return plan;
}

Result<std::vector<BoundExprPtr>> Binder::BindAssignments(
    const TableSchema& t, size_t offset, const std::vector<std::string>& columns,
    const std::vector<int>& locations, const std::vector<ParsedExprPtr>& exprs,
    const Scope& scope) {
  std::vector<BoundExprPtr> values(t.columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    const std::string& name = columns[i];
    auto idx = t.FindColumn(name);
    if (!idx) {
      return WithPos(Status(sqlstate::kUndefinedColumn, "column \"" + name + "\" of relation \"" +
                                                            t.name + "\" does not exist"),
                     locations[i]);
    }
    if (values[*idx]) {
      return WithPos(Status(sqlstate::kSyntaxError, "multiple assignments to same column \"" +
                                                        name + "\""),
                     locations[i]);
    }
    const ColumnDefinition& col = t.columns[*idx];
    if (col.identity == 'a' && exprs[i]->kind != ParsedExpr::Kind::kDefault) {
      return WithPos(Status("428C9", "column \"" + col.name + "\" can only be updated to DEFAULT",
                            "Column \"" + col.name + "\" is an identity column defined as "
                            "GENERATED ALWAYS.", ""),
                     locations[i]);
    }
    if (exprs[i]->kind == ParsedExpr::Kind::kDefault) {
      OMEN_ASSIGN_OR_RETURN(values[*idx], BindColumnDefault(t, *idx));
      continue;
    }
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindExpr(*exprs[i], scope));
    OMEN_ASSIGN_OR_RETURN(values[*idx],
                          AssignToColumn(std::move(b), col, "expression", exprs[i]->location));
  }
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (!values[c]) values[c] = BoundExpr::Column(offset + c, t.columns[c].type);
  }
  return values;
}

Status Binder::BindOnConflict(const ParsedOnConflict& c, const TableSchema& t,
                              const std::string& name, BoundStatement* out) {
  // The arbiters: the primary key and the unique indexes the target names (by columns or
  // constraint name); without a target (DO NOTHING) all of them.
  std::vector<const TableSchema*> uniques;
  for (const TableSchema* index : catalog_.Indexes(t.table_id, txn_id_)) {
    if (index->index->unique) uniques.push_back(index);
  }
  if (!c.target_columns.empty()) {
    std::set<size_t> target;
    for (const std::string& col : c.target_columns) {
      auto idx = t.FindColumn(col);
      if (!idx) {
        return WithPos(Status(sqlstate::kUndefinedColumn, "column \"" + col + "\" does not exist"),
                       c.location);
      }
      target.insert(*idx);
    }
    if (!t.primary_key.empty() &&
        target == std::set<size_t>(t.primary_key.begin(), t.primary_key.end())) {
      out->conflict_on_key = true;
    }
    for (const TableSchema* index : uniques) {
      const std::vector<size_t>& cols = index->index->columns;
      if (!out->conflict_on_key && target == std::set<size_t>(cols.begin(), cols.end())) {
        out->conflict_indexes.push_back(index);
        break;
      }
    }
    if (!out->conflict_on_key && out->conflict_indexes.empty()) {
      return WithPos(Status("42P10", "there is no unique or exclusion constraint matching the "
                                     "ON CONFLICT specification"),
                     c.location);
    }
  } else if (!c.constraint.empty()) {
    if (!t.primary_key.empty() && c.constraint == t.PrimaryKeyName()) {
      out->conflict_on_key = true;
    }
    for (const TableSchema* index : uniques) {
      if (index->index->constraint && index->name == c.constraint) {
        out->conflict_indexes.push_back(index);
      }
    }
    if (!out->conflict_on_key && out->conflict_indexes.empty()) {
      return Status("42704", "constraint \"" + c.constraint + "\" for table \"" + t.name +
                                 "\" does not exist");
    }
  } else if (c.do_update) {
    return WithPos(Status(sqlstate::kSyntaxError, "ON CONFLICT DO UPDATE requires inference "
                                                  "specification or constraint name",
                          "", "For example, ON CONFLICT (column_name)."),
                   c.location);
  } else {
    out->conflict_on_key = !t.primary_key.empty();
    out->conflict_indexes = uniques;
  }
  out->on_conflict = c.do_update ? BoundStatement::OnConflict::kUpdate
                                 : BoundStatement::OnConflict::kNothing;
  if (!c.do_update) return Status::OK();
  // SET and WHERE see the existing row (as the table or its alias), then the proposed one
  // (as "excluded").
  Scope scope;
  scope.Add(&t, name);
  scope.Add(&t, "excluded");
  Restore<AggregateContext*> not_grouped(&agg_, nullptr);
  Restore<const char*> in_update(&clause_, "ON CONFLICT DO UPDATE");
  OMEN_ASSIGN_OR_RETURN(out->conflict_set,
                        BindAssignments(t, 0, c.set_columns, c.set_locations, c.set_values, scope));
  if (c.where) {
    OMEN_ASSIGN_OR_RETURN(out->conflict_where, BindCondition(*c.where, scope, "WHERE"));
  }
  return Status::OK();
}

Result<BoundStatement> Binder::BindUpdate(const ParsedUpdate& update) {
  BoundStatement out;
  out.kind = BoundStatement::Kind::kUpdate;
  Scope scope;
  LogicalOperatorPtr rows;
  OMEN_ASSIGN_OR_RETURN(
      rows, BindTargetRows(update.table, update.from.get(), update.where.get(), &scope, &out));
  const TableSchema& t = *out.table;
  const Scope::Entry target = scope.tables.back();
  std::vector<BoundExprPtr> values;
  {
    Restore<const char*> in_update(&clause_, "UPDATE");
    OMEN_ASSIGN_OR_RETURN(values, BindAssignments(t, target.offset, update.columns,
                                                  update.column_locations, update.values, scope));
  }
  auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
  for (size_t c = 0; c < t.columns.size(); ++c) {
    proj->types.push_back(t.columns[c].type);
    proj->expressions.push_back(std::move(values[c]));
  }
  proj->types.push_back(TypeId::kBigInt);
  proj->expressions.push_back(BoundExpr::Column(target.offset + t.columns.size(), TypeId::kBigInt));
  proj->children.push_back(std::move(rows));
  out.plan = std::move(proj);
  OMEN_RETURN_IF_ERROR(BindChecks(t, &out));
  OMEN_RETURN_IF_ERROR(BindReturning(update.returning, t, target.name, &out));
  return out;
}

Result<BoundStatement> Binder::BindDelete(const ParsedDelete& del) {
  BoundStatement out;
  out.kind = BoundStatement::Kind::kDelete;
  Scope scope;
  LogicalOperatorPtr rows;
  OMEN_ASSIGN_OR_RETURN(
      rows, BindTargetRows(del.table, del.using_.get(), del.where.get(), &scope, &out));
  const TableSchema& t = *out.table;
  const Scope::Entry target = scope.tables.back();
  // The row id, after the deleted rows' columns when RETURNING needs them.
  auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
  if (!del.returning.empty()) {
    for (size_t c = 0; c < t.columns.size(); ++c) {
      proj->types.push_back(t.columns[c].type);
      proj->expressions.push_back(BoundExpr::Column(target.offset + c, t.columns[c].type));
    }
  }
  proj->types.push_back(TypeId::kBigInt);
  proj->expressions.push_back(BoundExpr::Column(target.offset + t.columns.size(), TypeId::kBigInt));
  proj->children.push_back(std::move(rows));
  out.plan = std::move(proj);
  OMEN_RETURN_IF_ERROR(BindReturning(del.returning, t, target.name, &out));
  return out;
}

Result<BoundStatement> Binder::BindCreateTableAs(const ParsedCreateTableAs& create) {
  BoundStatement out;
  OMEN_ASSIGN_OR_RETURN(out, BindSelect(*create.select));
  out.kind = BoundStatement::Kind::kCreateTableAs;
  out.if_not_exists = create.if_not_exists;
  out.with_data = create.with_data;
  if (create.column_names.size() > out.column_names.size()) {
    return Status(sqlstate::kSyntaxError, "too many column names were specified");
  }
  TableSchema& s = out.schema;
  s.name = create.name;
  OMEN_ASSIGN_OR_RETURN(s.schema, CreationSchema(create.schema, create.name));
  for (size_t i = 0; i < out.column_names.size(); ++i) {
    std::string name = i < create.column_names.size() ? create.column_names[i] : out.column_names[i];
    if (s.FindColumn(name)) {
      return Status(sqlstate::kDuplicateColumn, "column \"" + name + "\" specified more than once");
    }
    s.columns.push_back({name, out.plan->types[i], false});
  }
  if (out.plan->types.size() > s.columns.size()) {
    // Drop the hidden ORDER BY columns: the rows must be exactly the new table's columns.
    auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
    for (size_t i = 0; i < s.columns.size(); ++i) {
      proj->types.push_back(s.columns[i].type);
      proj->expressions.push_back(BoundExpr::Column(i, s.columns[i].type));
    }
    proj->children.push_back(std::move(out.plan));
    out.plan = std::move(proj);
  }
  return out;
}

Result<std::shared_ptr<const ParsedExpr>> ParseStoredExpression(const std::string& sql) {
  static std::mutex mu;
  static auto* cache = new std::unordered_map<std::string, std::shared_ptr<const ParsedExpr>>();
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache->find(sql);
    if (it != cache->end()) return it->second;
  }
  ParsedExprPtr parsed;
  OMEN_ASSIGN_OR_RETURN(parsed, ParseExpression(sql));
  std::shared_ptr<const ParsedExpr> shared(std::move(parsed));
  std::lock_guard<std::mutex> lock(mu);
  if (cache->size() > 10000) cache->clear();  // bounded; entries are cheap to rebuild
  return cache->emplace(sql, std::move(shared)).first->second;
}

namespace {

// A view's query, parsed once per text.
Result<std::shared_ptr<const ParsedStatement>> ParseStoredQuery(const std::string& sql) {
  static std::mutex mu;
  static auto* cache =
      new std::unordered_map<std::string, std::shared_ptr<const ParsedStatement>>();
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache->find(sql);
    if (it != cache->end()) return it->second;
  }
  std::vector<ParsedStatement> parsed;
  OMEN_ASSIGN_OR_RETURN(parsed, Parse(sql));
  if (parsed.size() != 1 || parsed[0].kind != ParsedStatement::Kind::kSelect) {
    return Status(sqlstate::kDataCorrupted, "invalid view query: " + sql);
  }
  auto shared = std::make_shared<const ParsedStatement>(std::move(parsed[0]));
  std::lock_guard<std::mutex> lock(mu);
  if (cache->size() > 10000) cache->clear();
  return cache->emplace(sql, std::move(shared)).first->second;
}

}  // namespace

Result<BoundExprPtr> Binder::BindDefaultExpr(const ParsedExpr& expr, const ColumnDefinition& col) {
  Restore<AggregateContext*> not_grouped(&agg_, nullptr);
  Restore<const char*> in_default(&clause_, "DEFAULT expressions");
  Restore<StoredExpression> stored(&stored_expression_, StoredExpression::kDefault);
  BoundExprPtr b;
  OMEN_ASSIGN_OR_RETURN(b, BindExpr(expr, Scope{}));
  return AssignToColumn(std::move(b), col, "default expression", expr.location);
}

Result<BoundExprPtr> Binder::BindColumnDefault(const TableSchema& t, size_t column) {
  const ColumnDefinition& col = t.columns[column];
  if (col.default_sql.empty()) return BoundExpr::Constant(Value::Null(col.type));
  std::shared_ptr<const ParsedExpr> parsed;
  OMEN_ASSIGN_OR_RETURN(parsed, ParseStoredExpression(col.default_sql));
  return BindDefaultExpr(*parsed, col);
}

Result<BoundExprPtr> Binder::BindCheckExpr(const ParsedExpr& expr, const TableSchema& t) {
  Scope scope;
  scope.Add(&t, t.name);
  Restore<AggregateContext*> not_grouped(&agg_, nullptr);
  Restore<const char*> in_check(&clause_, "check constraints");
  Restore<StoredExpression> stored(&stored_expression_, StoredExpression::kCheck);
  return BindCondition(expr, scope, "CHECK");
}

Status Binder::BindChecks(const TableSchema& t, BoundStatement* out) {
  for (const CheckConstraint& c : t.checks) {
    std::shared_ptr<const ParsedExpr> parsed;
    OMEN_ASSIGN_OR_RETURN(parsed, ParseStoredExpression(c.sql));
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindCheckExpr(*parsed, t));
    out->checks.push_back(std::move(b));
    out->check_names.push_back(c.name);
  }
  return Status::OK();
}

Status Binder::CheckWritable(const TableSchema& t, int location) {
  if (!t.view_sql.empty()) {
    return WithPos(NotSupported("INSERT, UPDATE and DELETE on views"), location);
  }
  if (!t.sequence && !t.index) return Status::OK();
  return WithPos(Status(sqlstate::kWrongObjectType, std::string("cannot change ") +
                                                        (t.sequence ? "sequence" : "index") +
                                                        " \"" + t.name + "\""),
                 location);
}

Result<TableSchema> Binder::SequenceSchema(const std::string& name,
                                           const ParsedSequenceOptions& o,
                                           LogicalType column_type) {
  auto invalid = [](std::string message) {
    return Status(sqlstate::kInvalidParameterValue, std::move(message));
  };
  LogicalType type = o.as_type.value_or(column_type);
  int64_t type_min = type.id() == TypeId::kInteger ? INT32_MIN : INT64_MIN;
  int64_t type_max = type.id() == TypeId::kInteger ? INT32_MAX : INT64_MAX;
  SequenceOptions s;
  s.increment = o.increment.value_or(1);
  if (s.increment == 0) return invalid("INCREMENT must not be zero");
  s.min_value = o.min_value && !o.no_min ? *o.min_value : (s.increment > 0 ? 1 : type_min);
  s.max_value = o.max_value && !o.no_max ? *o.max_value : (s.increment > 0 ? type_max : -1);
  std::string tname = type.sql_name();
  if (s.min_value < type_min || s.min_value > type_max) {
    return invalid("MINVALUE (" + std::to_string(s.min_value) + ") is out of range for sequence "
                   "data type " + tname);
  }
  if (s.max_value < type_min || s.max_value > type_max) {
    return invalid("MAXVALUE (" + std::to_string(s.max_value) + ") is out of range for sequence "
                   "data type " + tname);
  }
  if (s.min_value >= s.max_value) {
    return invalid("MINVALUE (" + std::to_string(s.min_value) + ") must be less than MAXVALUE (" +
                   std::to_string(s.max_value) + ")");
  }
  s.start = o.start.value_or(s.increment > 0 ? s.min_value : s.max_value);
  if (s.start < s.min_value) {
    return invalid("START value (" + std::to_string(s.start) + ") cannot be less than MINVALUE (" +
                   std::to_string(s.min_value) + ")");
  }
  if (s.start > s.max_value) {
    return invalid("START value (" + std::to_string(s.start) +
                   ") cannot be greater than MAXVALUE (" + std::to_string(s.max_value) + ")");
  }
  s.cycle = o.cycle.value_or(false);
  TableSchema t;
  t.name = name;
  t.columns = {{"last_value", TypeId::kBigInt, true},
               {"log_cnt", TypeId::kBigInt, true},
               {"is_called", TypeId::kBoolean, true}};
  t.sequence = s;
  return t;
}

Result<BoundStatement> Binder::BindCreateSequence(const ParsedCreateSequence& create) {
  BoundStatement out;
  out.kind = BoundStatement::Kind::kCreateTable;
  out.if_not_exists = create.if_not_exists;
  OMEN_ASSIGN_OR_RETURN(out.schema,
                        SequenceSchema(create.name, create.options, TypeId::kBigInt));
  OMEN_ASSIGN_OR_RETURN(out.schema.schema, CreationSchema(create.schema, create.name));
  const std::vector<std::string>& owner = create.options.owned_by;
  if (owner.size() == 1 && owner[0] == "none") return out;
  if (!owner.empty()) {
    if (owner.size() != 2 && owner.size() != 3) {
      return Status(sqlstate::kInvalidParameterValue,
                    "invalid OWNED BY option", "", "Specify OWNED BY table.column or OWNED BY NONE.");
    }
    const std::string& table_name = owner[owner.size() - 2];
    const std::string& column = owner.back();
    const TableSchema* table;
    OMEN_ASSIGN_OR_RETURN(table, ResolveRelation(owner.size() == 3 ? owner[0] : "", table_name));
    if (table->sequence || !table->FindColumn(column)) {
      return Status(sqlstate::kUndefinedColumn, "column \"" + column + "\" of relation \"" +
                                                    table_name + "\" does not exist");
    }
    if (table->schema != out.schema.schema) {
      return Status("55000", "sequence must be in same schema as table it is linked to");
    }
    out.schema.sequence->owner_table_id = table->table_id;
    out.schema.sequence->owner_column = column;
  }
  return out;
}

Result<LogicalOperatorPtr> Binder::BindView(const TableSchema& view, const std::string& name,
                                            int location, Scope* scope) {
  std::shared_ptr<const ParsedStatement> query;
  OMEN_ASSIGN_OR_RETURN(query, ParseStoredQuery(view.view_sql));
  // The view's query stands alone: it sees none of the enclosing query's WITH queries.
  std::vector<CteFrame> saved = std::move(ctes_);
  ctes_.clear();
  std::vector<const Scope*> saved_outer = std::move(outer_scopes_);
  outer_scopes_.clear();
  // Its names resolve as they did when it was created.
  std::vector<std::string> saved_path = search_path_;
  search_path_ = view.view_search_path.empty() ? std::vector<std::string>{kPublicSchema}
                                               : view.view_search_path;
  std::vector<std::string> columns;
  for (const ColumnDefinition& c : view.columns) columns.push_back(c.name);
  Result<LogicalOperatorPtr> plan = BindDerivedTable(*query->select, name, columns, location, scope);
  search_path_ = std::move(saved_path);
  ctes_ = std::move(saved);
  outer_scopes_ = std::move(saved_outer);
  return plan;
}

Result<BoundStatement> Binder::BindCreateView(const ParsedCreateView& create) {
  BoundStatement query;
  OMEN_ASSIGN_OR_RETURN(query, BindSelect(*create.query));
  if (create.column_names.size() > query.column_names.size()) {
    return Status(sqlstate::kSyntaxError, "CREATE VIEW specifies more column names than columns");
  }
  BoundStatement out;
  out.kind = BoundStatement::Kind::kCreateTable;
  out.or_replace = create.replace;
  TableSchema& s = out.schema;
  s.name = create.name;
  OMEN_ASSIGN_OR_RETURN(s.schema, CreationSchema(create.schema, create.name));
  s.view_sql = create.sql;
  if (search_path_ != std::vector<std::string>{kPublicSchema}) s.view_search_path = search_path_;
  for (size_t i = 0; i < query.column_names.size(); ++i) {
    std::string name = i < create.column_names.size() ? create.column_names[i] : query.column_names[i];
    if (s.FindColumn(name)) {
      return Status(sqlstate::kDuplicateColumn, "column \"" + name + "\" specified more than once");
    }
    s.columns.push_back({name, query.plan->types[i]});
  }
  const TableSchema* existing = catalog_.FindTable(s.Key(), txn_id_);
  if (existing == nullptr || !create.replace) return out;
  if (existing->view_sql.empty()) {
    return Status(sqlstate::kWrongObjectType, "\"" + create.name + "\" is not a view");
  }
  // CREATE OR REPLACE VIEW may only add columns at the end (PostgreSQL's rule).
  if (s.columns.size() < existing->columns.size()) {
    return Status(sqlstate::kInvalidTableDefinition, "cannot drop columns from view");
  }
  for (size_t i = 0; i < existing->columns.size(); ++i) {
    const ColumnDefinition& was = existing->columns[i];
    const ColumnDefinition& now = s.columns[i];
    if (was.name != now.name) {
      return Status(sqlstate::kInvalidTableDefinition, "cannot change name of view column \"" +
                                                           was.name + "\" to \"" + now.name + "\"");
    }
    if (was.type != now.type) {
      return Status(sqlstate::kInvalidTableDefinition,
                    "cannot change data type of view column \"" + was.name + "\" from " +
                        was.type.sql_name() + " to " + now.type.sql_name());
    }
  }
  return out;
}

Result<BoundStatement> Binder::BindCreateTable(const ParsedCreateTable& create) {
  BoundStatement out;
  out.kind = BoundStatement::Kind::kCreateTable;
  out.if_not_exists = create.if_not_exists;
  TableSchema& s = out.schema;
  s.name = create.name;
  OMEN_ASSIGN_OR_RETURN(s.schema, CreationSchema(create.schema, create.name));
  if (create.primary_key_constraints > 1) {
    return Status(sqlstate::kInvalidTableDefinition,
                  "multiple primary keys for table \"" + create.name + "\" are not allowed");
  }
  for (const ParsedColumnDef& c : create.columns) {
    if (s.FindColumn(c.name)) {
      return Status(sqlstate::kDuplicateColumn, "column \"" + c.name + "\" specified more than once");
    }
    s.columns.push_back({c.name, c.type, c.not_null, c.default_sql});
    if (c.primary_key) s.primary_key.push_back(s.columns.size() - 1);
    if (c.serial || c.identity != 0) {
      if (c.default_expr) {
        return Status(sqlstate::kSyntaxError,
                      std::string(c.serial ? "multiple default values specified"
                                           : "both default and identity specified") +
                          " for column \"" + c.name + "\" of table \"" + create.name + "\"");
      }
      // A sequence of its own, <table>_<column>_seq, whose nextval is the column's default.
      ParsedSequenceOptions none;
      TableSchema seq;
      OMEN_ASSIGN_OR_RETURN(seq, SequenceSchema(create.name + "_" + c.name + "_seq",
                                                c.identity_options ? *c.identity_options : none,
                                                c.type));
      seq.sequence->owner_column = c.name;
      seq.schema = s.schema;
      ColumnDefinition& col = s.columns.back();
      std::string quoted;
      // As regclass text: "schema"."name" outside public (quoted: the parts may hold dots).
      auto quote = [](const std::string& ident) {
        std::string q = "\"";
        for (char ch : ident) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        return q + "\"";
      };
      std::string qualified =
          s.schema == kPublicSchema ? seq.name : quote(s.schema) + "." + quote(seq.name);
      for (char ch : qualified) quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
      col.default_sql = "nextval('" + quoted + "')";
      col.not_null = true;
      col.identity = c.identity;
      out.owned_sequences.push_back(std::move(seq));
    }
    if (c.default_expr) {
      // Checked now (PostgreSQL's errors at CREATE TABLE); bound again from the stored text
      // by each INSERT that uses it.
      OMEN_RETURN_IF_ERROR(BindDefaultExpr(*c.default_expr, s.columns.back()).status());
    }
  }
  for (const std::string& k : create.primary_key) {
    auto idx = s.FindColumn(k);
    if (!idx) {
      return Status(sqlstate::kUndefinedColumn, "column \"" + k + "\" named in key does not exist");
    }
    for (size_t existing : s.primary_key) {
      if (existing == *idx) {
        return Status(sqlstate::kDuplicateColumn,
                      "column \"" + k + "\" appears twice in primary key constraint");
      }
    }
    s.primary_key.push_back(*idx);
  }
  for (size_t k : s.primary_key) s.columns[k].not_null = true;
  OMEN_RETURN_IF_ERROR(AddCheckConstraints(create.checks, &s));
  OMEN_RETURN_IF_ERROR(BindUniqueConstraints(create.uniques, s, &out.indexes));
  return out;
}

Status Binder::AddCheckConstraints(const std::vector<ParsedCheck>& checks, TableSchema* s) {
  // Named as PostgreSQL names them: <table>_<column>_check when the expression is on one
  // column, else <table>_check, with 1, 2... added to make names unique.
  std::set<std::string> names;
  for (const CheckConstraint& c : s->checks) names.insert(c.name);
  for (const ParsedCheck& c : checks) {
    if (!c.name.empty() && !names.insert(c.name).second) {
      return Status("42710", "constraint \"" + c.name + "\" for relation \"" + s->name +
                                 "\" already exists");
    }
  }
  for (const ParsedCheck& c : checks) {
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindCheckExpr(*c.expr, *s));
    std::string name = c.name;
    if (name.empty()) {
      size_t lo, hi;
      std::string column = c.column;
      if (column.empty() && b->ColumnRange(&lo, &hi) && lo == hi) column = s->columns[lo].name;
      std::string base = s->name + (column.empty() ? "" : "_" + column) + "_check";
      name = base;
      for (int n = 1; names.count(name) != 0; ++n) name = base + std::to_string(n);
      names.insert(name);
    }
    s->checks.push_back({name, c.sql});
  }
  return Status::OK();
}

}  // namespace omendb::sql
