#include "sql/optimizer/optimizer.h"

#include "sql/optimizer/constant_folding.h"
#include "sql/optimizer/decorrelate.h"
#include "sql/optimizer/join_order.h"
#include "sql/optimizer/predicates.h"
#include "sql/optimizer/prune_columns.h"
#include "sql/plan/in_list.h"
#include "sql/plan/plan_walk.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <vector>

namespace omendb::sql {
namespace {

// If `e` is "<key column> op <non-null constant>" (either side), narrows *range and returns
// true. The key column's type must equal the constant's (the binder casts constants).
bool TightenRange(const BoundExpr& e, size_t key_column, KeyRange* range) {
  std::optional<ColumnComparison> cmp = MatchColumnComparison(e);
  if (!cmp || cmp->column != key_column) return false;
  const std::string& op = cmp->op;
  const Value& v = *cmp->constant;
  auto set_lower = [&](bool inclusive) {
    if (range->lower.empty()) {
      range->lower = {v};
      range->lower_inclusive = inclusive;
      return;
    }
    int c = Value::Compare(v, range->lower[0]);
    if (c > 0 || (c == 0 && !inclusive)) {
      range->lower = {v};
      range->lower_inclusive = inclusive;
    }
  };
  auto set_upper = [&](bool inclusive) {
    if (range->upper.empty()) {
      range->upper = {v};
      range->upper_inclusive = inclusive;
      return;
    }
    int c = Value::Compare(v, range->upper[0]);
    if (c < 0 || (c == 0 && !inclusive)) {
      range->upper = {v};
      range->upper_inclusive = inclusive;
    }
  };
  if (op == "=") {
    set_lower(true);
    set_upper(true);
  } else if (op == ">") {
    set_lower(false);
  } else if (op == ">=") {
    set_lower(true);
  } else if (op == "<") {
    set_upper(false);
  } else if (op == "<=") {
    set_upper(true);
  } else {
    return false;
  }
  return true;
}

// If `e` is "<key column> IN (<constants>)", returns its non-NULL values (NULL items can never
// make a row qualify in WHERE).
std::optional<std::vector<Value>> KeyPoints(const BoundExpr& e, size_t key_column) {
  if (e.kind != BoundExpr::Kind::kIn || e.negated) return std::nullopt;
  const BoundExpr& col = *e.children[0];
  if (col.kind != BoundExpr::Kind::kColumn || col.column != key_column) return std::nullopt;
  std::vector<Value> points;
  for (size_t i = 1; i < e.children.size(); ++i) {
    const BoundExpr& v = *e.children[i];
    if (v.kind != BoundExpr::Kind::kConstant || v.type != col.type) return std::nullopt;
    if (!v.constant.is_null()) points.push_back(v.constant);
  }
  return points;
}

bool InRange(const Value& v, const KeyRange& r) {
  if (!r.lower.empty()) {
    int c = Value::Compare(v, r.lower[0]);
    if (c < 0 || (c == 0 && !r.lower_inclusive)) return false;
  }
  if (!r.upper.empty()) {
    int c = Value::Compare(v, r.upper[0]);
    if (c > 0 || (c == 0 && !r.upper_inclusive)) return false;
  }
  return true;
}

LogicalOperatorPtr WrapInFilter(LogicalOperatorPtr child, std::vector<BoundExprPtr> conjuncts) {
  auto filter = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kFilter);
  filter->predicate = JoinConjuncts(std::move(conjuncts));
  filter->types = child->types;
  filter->children.push_back(std::move(child));
  return filter;
}

// Moves the conjuncts of a filter above a join to where they apply first: conditions on one
// side below the join (only where that side is not null-extended by an outer join), and for
// inner joins conditions on both sides into the join condition (so an equality there makes a
// hash join). Runs top-down, so pushed filters keep moving through nested joins.
void PushDownFilters(LogicalOperatorPtr* node) {
  LogicalOperator& op = **node;
  if (op.kind == LogicalOperator::Kind::kFilter &&
      op.children[0]->kind == LogicalOperator::Kind::kJoin) {
    LogicalOperator& join = *op.children[0];
    size_t lw = join.children[0]->types.size();
    bool inner = join.join_type == JoinType::kInner;
    // A semi or anti join outputs its left rows unchanged: a filter on them can go first.
    bool left_ok = inner || join.join_type == JoinType::kLeft ||
                   join.join_type == JoinType::kSemi || join.join_type == JoinType::kAnti;
    bool right_ok = inner || join.join_type == JoinType::kRight;
    std::vector<BoundExprPtr> conjuncts, left, right, into_join, rest;
    SplitConjuncts(std::move(op.predicate), &conjuncts);
    for (auto& c : conjuncts) {
      size_t lo, hi;
      if (!c->ColumnRange(&lo, &hi)) {
        rest.push_back(std::move(c));
      } else if (hi < lw && left_ok) {
        left.push_back(std::move(c));
      } else if (lo >= lw && right_ok) {
        right.push_back(c->Clone(-static_cast<int64_t>(lw)));
      } else if (inner) {
        into_join.push_back(std::move(c));
      } else {
        rest.push_back(std::move(c));
      }
    }
    if (!left.empty()) join.children[0] = WrapInFilter(std::move(join.children[0]), std::move(left));
    if (!right.empty()) join.children[1] = WrapInFilter(std::move(join.children[1]), std::move(right));
    if (!into_join.empty()) {
      if (join.predicate) into_join.insert(into_join.begin(), std::move(join.predicate));
      join.predicate = JoinConjuncts(std::move(into_join));
    }
    if (rest.empty()) {
      *node = std::move(op.children[0]);
    } else {
      op.predicate = JoinConjuncts(std::move(rest));
    }
  }
  // An inner join's own condition: conjuncts on one side filter that side before the join.
  // Also a semi join's (a left row failing a left-only conjunct has no match), and the
  // right-only conjuncts of an anti join's.
  LogicalOperator& cur = **node;
  const bool semi = cur.join_type == JoinType::kSemi, anti = cur.join_type == JoinType::kAnti;
  if (cur.kind == LogicalOperator::Kind::kJoin &&
      (cur.join_type == JoinType::kInner || semi || anti) && cur.predicate) {
    size_t lw = cur.children[0]->types.size();
    std::vector<BoundExprPtr> conjuncts, left, right, keep;
    SplitConjuncts(std::move(cur.predicate), &conjuncts);
    for (auto& c : conjuncts) {
      size_t lo, hi;
      if (c->ColumnRange(&lo, &hi) && hi < lw && !anti) {
        left.push_back(std::move(c));
      } else if (c->ColumnRange(&lo, &hi) && lo >= lw) {
        right.push_back(c->Clone(-static_cast<int64_t>(lw)));
      } else {
        keep.push_back(std::move(c));
      }
    }
    if (!left.empty()) cur.children[0] = WrapInFilter(std::move(cur.children[0]), std::move(left));
    if (!right.empty()) cur.children[1] = WrapInFilter(std::move(cur.children[1]), std::move(right));
    if (!keep.empty()) cur.predicate = JoinConjuncts(std::move(keep));
  }
  for (auto& child : (*node)->children) PushDownFilters(&child);
}

// If `e` is "<column> op <non-NULL constant>" (either side) over a scanned column, the zone
// filter it implies (columns numbered as the table's).
std::optional<ZoneFilter> ZoneFilterOf(const BoundExpr& e, const LogicalOperator& get) {
  std::optional<ColumnComparison> cmp = MatchColumnComparison(e);
  if (!cmp || cmp->column >= get.column_ids.size()) return std::nullopt;
  using Op = ZoneFilter::Op;
  Op op = cmp->op == "=" ? Op::kEq : cmp->op == "<" ? Op::kLt : cmp->op == "<=" ? Op::kLe
          : cmp->op == ">" ? Op::kGt : Op::kGe;
  return ZoneFilter{op, get.column_ids[cmp->column], *cmp->constant};
}

// What the conjuncts offer an index on (the scan's output) column `column`: comparisons with
// constants narrow `range` (starting from the scan's own), one IN list gives points.
struct KeyPath {
  KeyRange range;
  bool range_used = false;
  std::optional<std::vector<Value>> points;
  bool used() const { return range_used || points.has_value(); }
  // Equality or points: lookups, not a scan of a range.
  bool lookup() const {
    return points.has_value() ||
           (!range.lower.empty() && !range.upper.empty() && range.lower_inclusive &&
            range.upper_inclusive && Value::Compare(range.lower[0], range.upper[0]) == 0);
  }
  bool bounded() const { return !range.lower.empty() && !range.upper.empty(); }
};

// Removes the conjuncts the path serves from *conjuncts.
KeyPath MatchKeyPath(std::vector<BoundExprPtr>* conjuncts, size_t column, KeyRange start) {
  KeyPath path;
  path.range = std::move(start);
  std::vector<BoundExprPtr> rest;
  for (auto& c : *conjuncts) {
    if (TightenRange(*c, column, &path.range)) {
      path.range_used = true;
    } else if (auto p = path.points ? std::nullopt : KeyPoints(*c, column)) {
      path.points = std::move(p);
    } else {
      rest.push_back(std::move(c));
    }
  }
  *conjuncts = std::move(rest);
  if (path.points) {
    // Point lookups, narrowed by any range conjuncts.
    std::vector<Value> kept;
    for (Value& v : *path.points) {
      if (InRange(v, path.range)) kept.push_back(std::move(v));
    }
    std::sort(kept.begin(), kept.end(),
              [](const Value& a, const Value& b) { return Value::Compare(a, b) < 0; });
    kept.erase(std::unique(kept.begin(), kept.end(),
                           [](const Value& a, const Value& b) { return Value::Compare(a, b) == 0; }),
               kept.end());
    path.points = std::move(kept);
  }
  return path;
}

// A comparison "<column> op e" (either side, op mirrored to put the column first) where e
// has no columns but reads an enclosing query's row (kOuterRef) or a parameter slot
// (kParameter, a generic plan), is of the column's type and has no effects.
struct RuntimeComparison {
  std::string op;  // =, <, <=, >, >=
  BoundExprPtr value;
};
std::optional<RuntimeComparison> MatchRuntimeComparison(const BoundExpr& c, size_t column,
                                                        LogicalType type) {
  if (c.kind != BoundExpr::Kind::kFunction || c.function == nullptr ||
      !c.function->is_operator || c.children.size() != 2) {
    return std::nullopt;
  }
  const std::string& name = c.function->name;
  if (name != "=" && name != "<" && name != "<=" && name != ">" && name != ">=") {
    return std::nullopt;
  }
  for (int side = 0; side < 2; ++side) {
    const BoundExpr& col = *c.children[side];
    const BoundExpr& value = *c.children[1 - side];
    if (col.kind != BoundExpr::Kind::kColumn || col.column != column) continue;
    if (value.type != type || (!value.ContainsKind(BoundExpr::Kind::kOuterRef) &&
                               !value.ContainsKind(BoundExpr::Kind::kParameter))) {
      continue;
    }
    if (value.ContainsKind(BoundExpr::Kind::kColumn) ||
        value.ContainsKind(BoundExpr::Kind::kSubquery) ||
        value.ContainsKind(BoundExpr::Kind::kSequence) ||
        value.ContainsKind(BoundExpr::Kind::kSetting)) {
      continue;
    }
    std::string op = name;
    if (side == 1 && op != "=") op = op[0] == '<' ? ">" + op.substr(1) : "<" + op.substr(1);
    return RuntimeComparison{op, value.Clone()};
  }
  return std::nullopt;
}

// For "<column> = e" as above: a copy of e.
BoundExprPtr RuntimeKeyPoint(const BoundExpr& c, size_t column, LogicalType type) {
  std::optional<RuntimeComparison> m = MatchRuntimeComparison(c, column, type);
  return m && m->op == "=" ? std::move(m->value) : nullptr;
}

// Bounds of the key range known when the scan starts: from the first conjuncts comparing the
// key with such an expression (an equality bounds both sides). The range serves them exactly
// (a NULL bound selects nothing, as the comparison would), so they leave *conjuncts. Returns
// whether it found one.
bool RuntimeKeyBounds(std::vector<BoundExprPtr>* conjuncts, size_t key_pos,
                      LogicalOperator* get) {
  bool found = false;
  std::vector<BoundExprPtr> rest;
  for (auto& c : *conjuncts) {
    std::optional<RuntimeComparison> m =
        MatchRuntimeComparison(*c, key_pos, get->types[key_pos]);
    const bool lower = m && (m->op[0] == '>' || m->op == "=");
    const bool upper = m && (m->op[0] == '<' || m->op == "=");
    if ((lower && get->key_lower_expr != nullptr) || (upper && get->key_upper_expr != nullptr) ||
        !m) {
      rest.push_back(std::move(c));
      continue;
    }
    const bool inclusive = m->op == "=" || m->op.size() == 2;
    if (lower) {
      get->key_lower_expr = m->value->Clone();
      get->key_lower_expr_inclusive = inclusive;
    }
    if (upper) {
      get->key_upper_expr = m->value->Clone();
      get->key_upper_expr_inclusive = inclusive;
    }
    found = true;
  }
  *conjuncts = std::move(rest);
  return found;
}

// The position of table column `column` among the scan's outputs, if it is read.
std::optional<size_t> ScanPosition(const LogicalOperator& get, size_t column) {
  for (size_t i = 0; i < get.column_ids.size(); ++i) {
    if (get.column_ids[i] == column) return i;
  }
  return std::nullopt;
}

// A filter over a scan: the primary key's index serves comparisons and IN lists on its first
// column; failing that, a secondary index serves equality and IN lists on its first column,
// and ranges bounded on both sides (an open range may cover most of the table, which a scan
// reads faster); failing both, comparisons with constants let the scan skip blocks by their
// zone maps. Conjuncts an index path serves leave the filter (the index reads exactly the
// rows that satisfy them).
void ChooseAccessPath(LogicalOperatorPtr* node) {
  LogicalOperator& op = **node;
  for (auto& child : op.children) ChooseAccessPath(&child);
  if (op.kind != LogicalOperator::Kind::kFilter) return;
  LogicalOperator& get = *op.children[0];
  if (get.kind != LogicalOperator::Kind::kGet) return;
  std::vector<BoundExprPtr> conjuncts;
  SplitConjuncts(std::move(op.predicate), &conjuncts);
  auto apply = [&](KeyPath& path, const TableSchema* index) {
    get.index = index;
    if (path.points) {
      get.use_key_points = true;
      get.key_points = std::move(*path.points);
    } else {
      get.use_key_range = true;
      get.key_range = std::move(path.range);
    }
  };
  std::optional<size_t> key_pos;
  if (!get.table->primary_key.empty() && get.index == nullptr) {
    key_pos = ScanPosition(get, get.table->primary_key[0]);
  }
  if (key_pos) {
    KeyPath path = MatchKeyPath(&conjuncts, *key_pos, get.key_range);
    if (path.used()) apply(path, nullptr);
  }
  // key = <outer reference> in a correlated subquery (or <parameter> in a generic plan): a
  // key lookup each time the scan starts. The conjunct stays in the filter (the lookup finds
  // at most the rows it keeps).
  auto runtime_point = [&](size_t pos, const TableSchema* index) {
    for (const auto& c : conjuncts) {
      if (BoundExprPtr point = RuntimeKeyPoint(*c, pos, get.types[pos])) {
        get.index = index;
        get.use_key_points = true;
        get.key_point_exprs.push_back(std::move(point));
        return true;
      }
    }
    return false;
  };
  if (key_pos && !get.use_key_points && !get.use_key_range) runtime_point(*key_pos, nullptr);
  if (key_pos && !get.use_key_points && RuntimeKeyBounds(&conjuncts, *key_pos, &get)) {
    get.use_key_range = true;  // narrowed further when the scan starts
  }
  if (!get.use_key_points && !get.use_key_range) {
    for (const TableSchema* index : get.indexes) {
      std::optional<size_t> pos = ScanPosition(get, index->index->columns[0]);
      if (!pos) continue;
      std::vector<BoundExprPtr> rest;
      for (const auto& c : conjuncts) rest.push_back(c->Clone(0));
      KeyPath path = MatchKeyPath(&rest, *pos, {});
      if (path.used() && (path.lookup() || path.bounded())) {
        conjuncts = std::move(rest);
        apply(path, index);
        break;
      }
    }
  }
  if (!get.use_key_points && !get.use_key_range && get.index == nullptr) {
    for (const TableSchema* index : get.indexes) {
      std::optional<size_t> pos = ScanPosition(get, index->index->columns[0]);
      if (pos && runtime_point(*pos, index)) break;
    }
  }
  if (!get.use_key_points && !get.use_key_range) {
    // Comparisons with constants let the scan skip blocks by their zone maps.
    for (const auto& c : conjuncts) {
      if (auto z = ZoneFilterOf(*c, get)) get.zone_filters.push_back(std::move(*z));
    }
  }
  if (conjuncts.empty()) {
    *node = std::move(op.children[0]);
  } else {
    op.predicate = JoinConjuncts(std::move(conjuncts));
  }
}

// "ORDER BY <key columns>" over a scan of the table (through filters and column projections)
// reads the key index in that order instead of sorting (as PostgreSQL's Index Scan [Backward]
// does): under a LIMIT, so that the limit can stop the scan early; without one, when the scan
// reads the primary key's index anyway (key ranges and IN lists).
void UseKeyOrder(LogicalOperatorPtr* node) {
  for (auto& child : (*node)->children) UseKeyOrder(&child);
  LogicalOperator& parent = **node;
  const bool limited = parent.kind == LogicalOperator::Kind::kLimit;
  if (!limited && parent.kind != LogicalOperator::Kind::kOrder) return;
  LogicalOperatorPtr& order_slot = limited ? parent.children[0] : *node;
  LogicalOperator& order = *order_slot;
  if (order.kind != LogicalOperator::Kind::kOrder || order.orders.empty()) return;
  // The ORDER BY items as output columns of the order's child, all in one direction.
  std::vector<size_t> columns;
  for (const OrderSpec& o : order.orders) {
    if (o.expr->kind != BoundExpr::Kind::kColumn || o.descending != order.orders[0].descending) {
      return;
    }
    columns.push_back(o.expr->column);
  }
  // Follow them down to the scan.
  LogicalOperator* op = order.children[0].get();
  while (op->kind != LogicalOperator::Kind::kGet) {
    if (op->kind == LogicalOperator::Kind::kProjection) {
      for (size_t& c : columns) {
        const BoundExpr& e = *op->expressions[c];
        if (e.kind != BoundExpr::Kind::kColumn) return;
        c = e.column;
      }
    } else if (op->kind != LogicalOperator::Kind::kFilter) {
      return;
    }
    op = op->children[0].get();
  }
  LogicalOperator& get = *op;
  if (get.with_row_ids) return;
  // Whether `columns` are `key`'s first columns (all of them, or fewer).
  auto prefix_of = [&](const std::vector<size_t>& key) {
    if (columns.size() > key.size()) return false;
    for (size_t i = 0; i < columns.size(); ++i) {
      if (get.column_ids[columns[i]] != key[i]) return false;
    }
    return true;
  };
  const std::vector<size_t>& key = get.table->primary_key;
  const bool key_path = get.index == nullptr && (get.use_key_points || get.use_key_range);
  if (!limited && !key_path) return;
  if (!key.empty() && get.index == nullptr) {
    // A prefix of the key, or the whole key followed by anything (the key is unique).
    bool usable = true;
    for (size_t i = 0; i < columns.size() && i < key.size(); ++i) {
      usable = usable && get.column_ids[columns[i]] == key[i];
    }
    if (usable) {
      if (!key_path) get.use_key_range = true;  // the whole key
      get.key_descending = order.orders[0].descending;
      get.zone_filters.clear();  // zone filters are for full scans
      order_slot = std::move(order.children[0]);
      return;
    }
  }
  // A secondary index reads its entries in ascending order with NULLs last: ORDER BY a
  // prefix of its columns, each ASC NULLS LAST (the index chosen for the filter, if one was).
  if (key_path) return;
  for (const OrderSpec& o : order.orders) {
    if (o.descending || o.nulls_first) return;
  }
  const TableSchema* index = get.index;
  if (index == nullptr) {
    for (const TableSchema* candidate : get.indexes) {
      if (prefix_of(candidate->index->columns)) {
        index = candidate;
        break;
      }
    }
  }
  if (index == nullptr || !prefix_of(index->index->columns)) return;
  if (get.index == nullptr) {
    get.index = index;
    get.use_key_range = true;  // every entry
    get.key_range = KeyRange{};
  }
  get.zone_filters.clear();
  order_slot = std::move(order.children[0]);
}

void PushDownLimit(LogicalOperator* op) {
  for (auto& child : op->children) PushDownLimit(child.get());
  if (op->kind != LogicalOperator::Kind::kLimit) return;
  auto constant = [](const BoundExprPtr& e, int64_t if_absent) -> std::optional<int64_t> {
    if (!e) return if_absent;
    if (e->kind != BoundExpr::Kind::kConstant) return std::nullopt;
    return e->constant.is_null() ? if_absent : e->constant.GetInt();
  };
  auto limit = constant(op->limit, -1);
  auto offset = constant(op->offset, 0);
  if (!limit || !offset || *limit < 0 || *offset < 0) return;
  LogicalOperator* below = op->children[0].get();
  while (below->kind == LogicalOperator::Kind::kProjection) below = below->children[0].get();
  if (below->kind != LogicalOperator::Kind::kGet) return;
  uint64_t n = static_cast<uint64_t>(*limit);
  uint64_t skip = static_cast<uint64_t>(*offset);
  below->scan_limit = n > UINT64_MAX - skip ? UINT64_MAX : n + skip;
}

}  // namespace

// The passes for a subquery's plan (run when the subquery runs): filter pushdown, access
// paths (including key lookups by the enclosing row's values), key order, limit pushdown and
// column pruning. Its output columns stay as they are.
void OptimizeSubqueryPlan(LogicalOperator* plan) {
  LogicalOperatorPtr root = std::make_unique<LogicalOperator>(std::move(*plan));
  PushDownFilters(&root);
  ChooseAccessPath(&root);
  UseKeyOrder(&root);
  PushDownLimit(root.get());
  PruneColumns(root.get());
  *plan = std::move(*root);
}

// Over every expression of `statement`: optimizes the plans of the subqueries still there
// (correlated ones; uncorrelated ones have run already unless only explained), nested ones
// too, each once; gives long constant IN lists their hash keys.
void PrepareExpressions(BoundStatement* statement) {
  std::set<const LogicalOperator*> done;
  std::function<void(BoundExpr*)> visit_expr;
  std::function<void(LogicalOperator*)> visit_plan = [&](LogicalOperator* op) {
    ForEachExpressionSlot(op, [&](BoundExprPtr* slot) { visit_expr(slot->get()); });
  };
  visit_expr = [&](BoundExpr* e) {
    for (auto& c : e->children) visit_expr(c.get());
    if (e->kind == BoundExpr::Kind::kIn && !e->in_keys) e->in_keys = MakeInListKeys(*e);
    if (e->kind != BoundExpr::Kind::kSubquery || !e->subplan) return;
    if (!done.insert(e->subplan.get()).second) return;
    OptimizeSubqueryPlan(e->subplan.get());
    visit_plan(e->subplan.get());
  };
  ForEachExpressionSlot(statement, [&](BoundExprPtr* slot) { visit_expr(slot->get()); });
}

Status Optimize(BoundStatement* statement, const StatisticsSource* stats) {
  if (statement->kind == BoundStatement::Kind::kExplain) {
    return Optimize(statement->explained.get(), stats);
  }
  OMEN_RETURN_IF_ERROR(FoldConstants(statement));
  // Queries, and the plans that find the rows of UPDATE and DELETE or produce the rows of
  // INSERT ... SELECT and CREATE TABLE AS.
  if (!statement->plan || statement->kind == BoundStatement::Kind::kAlterTable) {
    return Status::OK();
  }
  DecorrelateSubqueries(&statement->plan);
  PushDownFilters(&statement->plan);
  if (stats != nullptr) OrderJoins(&statement->plan, *stats);
  ChooseAccessPath(&statement->plan);
  UseKeyOrder(&statement->plan);
  PushDownLimit(statement->plan.get());
  PruneColumns(statement->plan.get());
  PrepareExpressions(statement);
  return Status::OK();
}

}  // namespace omendb::sql
