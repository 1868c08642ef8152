#include "sql/optimizer/prune_columns.h"

namespace omendb::sql {
namespace {

using Kind = LogicalOperator::Kind;
// For each output column of an operator before pruning: its position after, or -1 if removed.
using Remap = std::vector<int>;

Remap Identity(size_t n) {
  Remap r(n);
  for (size_t i = 0; i < n; ++i) r[i] = static_cast<int>(i);
  return r;
}

// Marks the input columns `e` references (not those inside its subquery plans, which read
// their outer values through kOuterRef slots).
void Collect(const BoundExpr* e, std::vector<bool>* used) {
  if (e == nullptr) return;
  if (e->kind == BoundExpr::Kind::kColumn && e->column < used->size()) (*used)[e->column] = true;
  for (const auto& c : e->children) Collect(c.get(), used);
}

void Renumber(BoundExpr* e, const Remap& remap) {
  if (e == nullptr) return;
  if (e->kind == BoundExpr::Kind::kColumn && e->column < remap.size()) {
    e->column = static_cast<size_t>(remap[e->column]);
  }
  for (const auto& c : e->children) Renumber(c.get(), remap);
}

void CollectOrders(const std::vector<OrderSpec>& orders, std::vector<bool>* used) {
  for (const OrderSpec& o : orders) Collect(o.expr.get(), used);
}

void RenumberOrders(std::vector<OrderSpec>* orders, const Remap& remap) {
  for (OrderSpec& o : *orders) Renumber(o.expr.get(), remap);
}

// The column a scan keeps when none is referenced: the narrowest fixed-width one.
size_t NarrowestColumn(const LogicalOperator& get) {
  size_t best = 0, best_width = SIZE_MAX;
  for (size_t i = 0; i < get.column_ids.size(); ++i) {
    size_t w = get.types[i].FixedWidth();
    if (w == 0) w = SIZE_MAX - 1;  // variable width: only when nothing else is there
    if (w < best_width) {
      best = i;
      best_width = w;
    }
  }
  return best;
}

Remap Prune(LogicalOperator* op, std::vector<bool> needed);

Remap PruneGet(LogicalOperator* op, const std::vector<bool>& needed) {
  const size_t n = op->column_ids.size();
  Remap remap(op->types.size(), -1);
  std::vector<size_t> kept;
  for (size_t i = 0; i < n; ++i) {
    if (needed[i]) kept.push_back(i);
  }
  if (kept.empty() && n > 0) kept.push_back(NarrowestColumn(*op));
  if (kept.size() == n) return Identity(op->types.size());
  std::vector<size_t> column_ids;
  std::vector<LogicalType> types;
  for (size_t i : kept) {
    remap[i] = static_cast<int>(column_ids.size());
    column_ids.push_back(op->column_ids[i]);
    types.push_back(op->types[i]);
  }
  if (op->with_row_ids) {  // the row id column follows the table's columns
    remap[n] = static_cast<int>(types.size());
    types.push_back(op->types[n]);
  }
  op->column_ids = std::move(column_ids);
  op->types = std::move(types);
  return remap;
}

// Filter, Order and Limit pass their input's columns through.
Remap PrunePassThrough(LogicalOperator* op, std::vector<bool> needed) {
  LogicalOperator* child = op->children[0].get();
  needed.resize(child->types.size(), true);
  Collect(op->predicate.get(), &needed);
  CollectOrders(op->orders, &needed);
  Remap remap = Prune(child, std::move(needed));
  Renumber(op->predicate.get(), remap);
  RenumberOrders(&op->orders, remap);
  op->types = child->types;
  return remap;
}

// Projection and Aggregate: their outputs stay; their input needs what their expressions use.
Remap PruneInputOf(LogicalOperator* op) {
  LogicalOperator* child = op->children[0].get();
  std::vector<bool> used(child->types.size(), false);
  for (const auto& e : op->expressions) Collect(e.get(), &used);
  for (const auto& e : op->groups) Collect(e.get(), &used);
  for (const AggregateCall& call : op->aggregates) {
    for (const auto& e : call.args) Collect(e.get(), &used);
    CollectOrders(call.order, &used);
  }
  Remap remap = Prune(child, std::move(used));
  for (auto& e : op->expressions) Renumber(e.get(), remap);
  for (auto& e : op->groups) Renumber(e.get(), remap);
  for (AggregateCall& call : op->aggregates) {
    for (auto& e : call.args) Renumber(e.get(), remap);
    RenumberOrders(&call.order, remap);
  }
  return Identity(op->types.size());
}

// Window: the input's columns, then one per window call.
Remap PruneWindow(LogicalOperator* op, const std::vector<bool>& needed) {
  LogicalOperator* child = op->children[0].get();
  const size_t inputs = child->types.size();
  std::vector<bool> used(needed.begin(), needed.begin() + static_cast<long>(inputs));
  for (const WindowCall& w : op->windows) {
    for (const auto& e : w.args) Collect(e.get(), &used);
    for (const auto& e : w.partition) Collect(e.get(), &used);
    CollectOrders(w.order, &used);
  }
  Remap input = Prune(child, std::move(used));
  for (WindowCall& w : op->windows) {
    for (auto& e : w.args) Renumber(e.get(), input);
    for (auto& e : w.partition) Renumber(e.get(), input);
    RenumberOrders(&w.order, input);
  }
  Remap remap(op->types.size());
  std::vector<LogicalType> types = child->types;
  for (size_t i = 0; i < inputs; ++i) remap[i] = input[i];
  for (size_t j = inputs; j < op->types.size(); ++j) {
    remap[j] = static_cast<int>(types.size());
    types.push_back(op->types[j]);
  }
  op->types = std::move(types);
  return remap;
}

// Join: the left input's columns, then the right's (a semi or anti join: the left's only).
Remap PruneJoin(LogicalOperator* op, std::vector<bool> needed) {
  LogicalOperator* left = op->children[0].get();
  LogicalOperator* right = op->children[1].get();
  const size_t nl = left->types.size(), nr = right->types.size();
  const bool left_only = op->join_type == JoinType::kSemi || op->join_type == JoinType::kAnti;
  if (left_only) needed.resize(nl, true);  // the right's columns: only those the condition uses
  needed.resize(nl + nr, !left_only);
  Collect(op->predicate.get(), &needed);
  Remap rl = Prune(left, std::vector<bool>(needed.begin(), needed.begin() + static_cast<long>(nl)));
  Remap rr = Prune(right, std::vector<bool>(needed.begin() + static_cast<long>(nl), needed.end()));
  const int ml = static_cast<int>(left->types.size());
  Remap remap(nl + nr);
  for (size_t i = 0; i < nl; ++i) remap[i] = rl[i];
  for (size_t j = 0; j < nr; ++j) remap[nl + j] = rr[j] < 0 ? -1 : ml + rr[j];
  Renumber(op->predicate.get(), remap);
  std::vector<LogicalType> types = left->types;
  if (!left_only) types.insert(types.end(), right->types.begin(), right->types.end());
  op->types = std::move(types);
  if (left_only) remap.resize(nl);
  return remap;
}

Remap Prune(LogicalOperator* op, std::vector<bool> needed) {
  needed.resize(op->types.size(), true);
  switch (op->kind) {
    case Kind::kGet:
      return PruneGet(op, needed);
    case Kind::kFilter:
    case Kind::kOrder:
    case Kind::kLimit:
      return PrunePassThrough(op, std::move(needed));
    case Kind::kProjection:
    case Kind::kAggregate:
      return PruneInputOf(op);
    case Kind::kWindow:
      return PruneWindow(op, needed);
    case Kind::kJoin:
      return PruneJoin(op, std::move(needed));
    default:
      // Set operations and recursive unions line their inputs' columns up with each other
      // (and with the work table), so their inputs keep every column; a generate_series or
      // work-table scan reads what it reads.
      for (auto& child : op->children) Prune(child.get(), {});
      return Identity(op->types.size());
  }
}

}  // namespace

void PruneColumns(LogicalOperator* root) {
  if (root != nullptr) Prune(root, std::vector<bool>(root->types.size(), true));
}

}  // namespace omendb::sql
