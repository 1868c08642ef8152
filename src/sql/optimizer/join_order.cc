#include "sql/optimizer/join_order.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>

#include "catalog/table_schema.h"
#include "sql/optimizer/predicates.h"

namespace omendb::sql {
namespace {

// Selectivities where nothing better is known (PostgreSQL uses 0.005 and 1/3).
constexpr double kEqualitySelectivity = 0.01;
constexpr double kRangeSelectivity = 1.0 / 3;
constexpr double kUnknownRows = 1000;
constexpr size_t kMaxInputs = 64;  // inputs are tracked in a 64-bit mask

// One input of a tree of inner joins.
struct Input {
  LogicalOperatorPtr plan;
  size_t offset = 0, width = 0;  // its columns in the tree's original output
  double rows = kUnknownRows;    // estimated
  // When the input is a (filtered) scan: the table and, per output column, the table column.
  const TableSchema* table = nullptr;
  std::vector<size_t> column_ids;
  double table_rows = kUnknownRows;
};

struct Conjunct {
  BoundExprPtr expr;    // over the tree's original columns
  uint64_t inputs = 0;  // the inputs whose columns it reads
  bool placed = false;
};

void CollectColumns(const BoundExpr& e, std::vector<size_t>* out) {
  if (e.kind == BoundExpr::Kind::kColumn) out->push_back(e.column);
  for (const auto& c : e.children) CollectColumns(*c, out);
}

void RemapColumns(BoundExpr* e, const std::vector<size_t>& to) {
  if (e->kind == BoundExpr::Kind::kColumn) e->column = to[e->column];
  for (auto& c : e->children) RemapColumns(c.get(), to);
}

std::optional<double> Numeric(const Value& v) {
  if (v.is_null()) return std::nullopt;
  switch (v.type().physical()) {
    case PhysicalType::kInt16:
    case PhysicalType::kInt32:
    case PhysicalType::kInt64: return static_cast<double>(v.GetInt());
    case PhysicalType::kFloat:
    case PhysicalType::kDouble: return v.GetDouble();
    default: return std::nullopt;
  }
}

// The fraction of a scan's rows that satisfy `c` (columns are the scan's outputs).
double Selectivity(const BoundExpr& c, const Input& in, const std::optional<TableEstimate>& est) {
  auto is_key = [&](size_t column) {
    return in.table->primary_key.size() == 1 && in.column_ids[column] == in.table->primary_key[0];
  };
  if (std::optional<ColumnComparison> cmp = MatchColumnComparison(c)) {
    if (cmp->op == "=") return is_key(cmp->column) ? 1.0 / std::max(1.0, in.table_rows)
                                                   : kEqualitySelectivity;
    size_t table_column = in.column_ids[cmp->column];
    if (est && table_column < est->min.size()) {
      std::optional<double> lo = Numeric(est->min[table_column]);
      std::optional<double> hi = Numeric(est->max[table_column]);
      std::optional<double> v = Numeric(*cmp->constant);
      if (lo && hi && v && *hi > *lo) {
        double below = std::clamp((*v - *lo) / (*hi - *lo), 0.0, 1.0);
        double f = cmp->op[0] == '<' ? below : 1 - below;
        return std::max(f, 1.0 / std::max(1.0, in.table_rows));
      }
    }
    return kRangeSelectivity;
  }
  if (c.kind == BoundExpr::Kind::kIn && !c.negated && c.children[0]->kind == BoundExpr::Kind::kColumn) {
    double n = static_cast<double>(c.children.size() - 1);
    double each = is_key(c.children[0]->column) ? 1.0 / std::max(1.0, in.table_rows)
                                                : kEqualitySelectivity;
    return std::min(1.0, n * each);
  }
  if (c.kind == BoundExpr::Kind::kAnd) {
    double f = 1;
    for (const auto& child : c.children) f *= Selectivity(*child, in, est);
    return f;
  }
  return kRangeSelectivity;
}

// Fills in the estimates of an input: a scan, a filtered scan, or something else (unknown).
void Estimate(Input* in, const StatisticsSource& stats) {
  const LogicalOperator* op = in->plan.get();
  while (op->kind == LogicalOperator::Kind::kProjection && op->children.size() == 1) {
    op = op->children[0].get();  // a projection keeps the rows (its columns may differ)
  }
  const LogicalOperator* filter = nullptr;
  if (op->kind == LogicalOperator::Kind::kFilter &&
      op->children[0]->kind == LogicalOperator::Kind::kGet) {
    filter = op;
    op = op->children[0].get();
  }
  if (op->kind != LogicalOperator::Kind::kGet) return;
  std::optional<TableEstimate> est = stats.Estimate(*op->table);
  if (!est) return;
  in->table_rows = std::max(1.0, est->rows);
  if (in->plan.get() == op || in->plan.get() == filter) {
    in->table = op->table;
    in->column_ids = op->column_ids;
  }
  double rows = in->table_rows;
  if (filter != nullptr && in->table != nullptr) {
    rows *= Selectivity(*filter->predicate, *in, est);
  } else if (filter != nullptr) {
    rows *= kRangeSelectivity;
  }
  in->rows = std::max(1.0, rows);
}

bool IsInnerJoin(const LogicalOperator& op) {
  return op.kind == LogicalOperator::Kind::kJoin && op.join_type == JoinType::kInner;
}

// Whether the tree's join conditions hold something whose evaluations must not change.
bool HasVolatile(const LogicalOperator& op) {
  if (!IsInnerJoin(op)) return false;
  if (op.predicate && op.predicate->ContainsKind(BoundExpr::Kind::kSequence)) return true;
  return HasVolatile(*op.children[0]) || HasVolatile(*op.children[1]);
}

size_t CountInputs(const LogicalOperator& op) {
  return IsInnerJoin(op) ? CountInputs(*op.children[0]) + CountInputs(*op.children[1]) : 1;
}

// Takes the tree apart: its inputs (ordered inside first) and its conditions.
void Collect(LogicalOperatorPtr node, size_t offset, const StatisticsSource& stats,
             std::vector<Input>* inputs, std::vector<Conjunct>* conjuncts) {
  if (!IsInnerJoin(*node)) {
    OrderJoins(&node, stats);
    Input in;
    in.offset = offset;
    in.width = node->types.size();
    in.plan = std::move(node);
    Estimate(&in, stats);
    inputs->push_back(std::move(in));
    return;
  }
  size_t left_width = node->children[0]->types.size();
  Collect(std::move(node->children[0]), offset, stats, inputs, conjuncts);
  Collect(std::move(node->children[1]), offset + left_width, stats, inputs, conjuncts);
  if (node->predicate) {
    std::vector<BoundExprPtr> parts;
    SplitConjuncts(std::move(node->predicate), &parts);
    for (auto& p : parts) conjuncts->push_back({p->Clone(static_cast<int64_t>(offset)), 0, false});
  }
}

// The input holding original column `column`.
size_t InputOf(const std::vector<Input>& inputs, size_t column) {
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (column >= inputs[i].offset && column < inputs[i].offset + inputs[i].width) return i;
  }
  return 0;
}

// Whether `e` is a column of input `in` that is its table's whole primary key.
bool IsKeyColumn(const BoundExpr& e, const Input& in) {
  if (e.kind != BoundExpr::Kind::kColumn || in.table == nullptr ||
      in.table->primary_key.size() != 1 || e.column < in.offset ||
      e.column >= in.offset + in.width) {
    return false;
  }
  return in.column_ids[e.column - in.offset] == in.table->primary_key[0];
}

// Estimated rows of joining the inputs in `joined` (estimated `rows`) with input `next`;
// *connected tells whether a condition links them.
double JoinEstimate(uint64_t joined, double rows, size_t next, const std::vector<Input>& inputs,
                    const std::vector<Conjunct>& conjuncts, bool* connected) {
  const Input& in = inputs[next];
  const uint64_t bit = uint64_t{1} << next;
  *connected = false;
  bool equi = false;
  double estimate = rows * in.rows;
  for (const Conjunct& c : conjuncts) {
    if (c.placed || (c.inputs & bit) == 0 || (c.inputs & joined) == 0 ||
        (c.inputs & ~(joined | bit)) != 0) {
      continue;
    }
    *connected = true;
    const BoundExpr& e = *c.expr;
    if (e.kind != BoundExpr::Kind::kFunction || e.function->name != "=" || e.children.size() != 2) {
      continue;
    }
    equi = true;
    for (int side = 0; side < 2; ++side) {
      const BoundExpr& mine = *e.children[side];
      if (IsKeyColumn(mine, in)) {
        // Each joined row meets at most one row of `next` (those its filter kept).
        estimate = std::min(estimate, rows * (in.rows / in.table_rows));
      } else if (mine.kind == BoundExpr::Kind::kColumn && std::popcount(joined) == 1) {
        size_t other = static_cast<size_t>(std::countr_zero(joined));
        if (IsKeyColumn(mine, inputs[other])) {
          estimate = std::min(estimate, in.rows * (rows / inputs[other].table_rows));
        }
      }
    }
  }
  if (equi) return std::max(1.0, std::min(estimate, std::max(rows, in.rows)));
  return std::max(1.0, *connected ? estimate * kRangeSelectivity : estimate);
}

}  // namespace

void OrderJoins(LogicalOperatorPtr* plan, const StatisticsSource& stats) {
  LogicalOperator& op = **plan;
  if (!IsInnerJoin(op) || HasVolatile(op) || CountInputs(op) > kMaxInputs) {
    for (auto& child : op.children) OrderJoins(&child, stats);
    return;
  }
  std::vector<LogicalType> original_types = op.types;
  std::vector<Input> inputs;
  std::vector<Conjunct> conjuncts;
  Collect(std::move(*plan), 0, stats, &inputs, &conjuncts);
  for (Conjunct& c : conjuncts) {
    std::vector<size_t> columns;
    CollectColumns(*c.expr, &columns);
    for (size_t col : columns) c.inputs |= uint64_t{1} << InputOf(inputs, col);
  }
  // Greedy order: the smallest input, then the cheapest next join (connected ones first).
  const size_t n = inputs.size();
  size_t first = 0;
  for (size_t i = 1; i < n; ++i) {
    if (inputs[i].rows < inputs[first].rows) first = i;
  }
  std::vector<size_t> new_pos(original_types.size());
  auto place_columns = [&](const Input& in, size_t at) {
    for (size_t c = 0; c < in.width; ++c) new_pos[in.offset + c] = at + c;
  };
  LogicalOperatorPtr current = std::move(inputs[first].plan);
  place_columns(inputs[first], 0);
  size_t width = inputs[first].width;
  uint64_t joined = uint64_t{1} << first;
  double rows = inputs[first].rows;
  auto place_conjuncts = [&](LogicalOperator* join) {
    std::vector<BoundExprPtr> here;
    for (Conjunct& c : conjuncts) {
      if (c.placed || (c.inputs & ~joined) != 0) continue;
      c.placed = true;
      RemapColumns(c.expr.get(), new_pos);
      here.push_back(std::move(c.expr));
    }
    if (!here.empty()) join->predicate = JoinConjuncts(std::move(here));
  };
  for (size_t step = 1; step < n; ++step) {
    size_t best = n;
    double best_rows = 0;
    bool best_connected = false;
    for (size_t i = 0; i < n; ++i) {
      if (joined & (uint64_t{1} << i)) continue;
      bool connected;
      double r = JoinEstimate(joined, rows, i, inputs, conjuncts, &connected);
      if (best == n || (connected && !best_connected) ||
          (connected == best_connected && r < best_rows)) {
        best = i;
        best_rows = r;
        best_connected = connected;
      }
    }
    Input& next = inputs[best];
    auto join = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kJoin);
    join->join_type = JoinType::kInner;
    // The smaller side on the right, where a hash join builds its table.
    if (next.rows <= rows) {
      place_columns(next, width);
      join->children.push_back(std::move(current));
      join->children.push_back(std::move(next.plan));
    } else {
      for (size_t& p : new_pos) p += next.width;  // (unplaced columns are overwritten later)
      place_columns(next, 0);
      join->children.push_back(std::move(next.plan));
      join->children.push_back(std::move(current));
    }
    join->types = join->children[0]->types;
    join->types.insert(join->types.end(), join->children[1]->types.begin(),
                       join->children[1]->types.end());
    width += next.width;
    joined |= uint64_t{1} << best;
    rows = best_rows;
    place_conjuncts(join.get());
    current = std::move(join);
  }
  bool identity = true;
  for (size_t i = 0; i < new_pos.size(); ++i) identity = identity && new_pos[i] == i;
  if (identity) {
    *plan = std::move(current);
    return;
  }
  auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
  proj->types = original_types;
  for (size_t i = 0; i < original_types.size(); ++i) {
    proj->expressions.push_back(BoundExpr::Column(new_pos[i], original_types[i]));
  }
  proj->children.push_back(std::move(current));
  *plan = std::move(proj);
}

}  // namespace omendb::sql
