#include "sql/execution/physical_plan.h"

#include <algorithm>
#include <chrono>
#include <functional>

#include "sql/execution/expression_executor.h"
#include "sql/execution/hash_aggregate.h"
#include "sql/execution/hash_join.h"
#include "sql/execution/nested_loop_join.h"
#include "sql/execution/recursive_union.h"
#include "sql/execution/set_operation.h"
#include "sql/execution/window.h"
#include "sql/plan/plan_walk.h"
#include "types/pg_text.h"
#include "types/type_io.h"

namespace omendb::sql {
namespace {

class TableScanOp final : public PhysicalOperator {
 public:
  TableScanOp(std::vector<LogicalType> types, std::shared_ptr<const TableData> table,
              const ScanSpec& spec)
      : PhysicalOperator(std::move(types)), table_(std::move(table)), scanner_(table_->Scan(spec)) {}
  Result<bool> NextBatch(DataChunk* out) override { return scanner_->Next(out); }
  uint64_t ZoneBlocksSkipped() const override { return scanner_->zone_blocks_skipped(); }
  uint64_t RowsPrefiltered() const override { return scanner_->prefiltered_rows(); }

 private:
  std::shared_ptr<const TableData> table_;  // kept alive even if dropped meanwhile
  std::unique_ptr<TableScanner> scanner_;
};

// generate_series(start, stop[, step]): the integers from start towards stop by step.
class GenerateSeriesOp final : public PhysicalOperator {
 public:
  GenerateSeriesOp(std::vector<LogicalType> types, const std::vector<BoundExprPtr>* args)
      : PhysicalOperator(std::move(types)), args_(args) {}

 protected:
  Result<bool> NextBatch(DataChunk* out) override {
    *out = NewChunk();
    if (!started_) {
      started_ = true;
      std::vector<Value> v;
      for (const auto& a : *args_) {
        Value x;
        OMEN_ASSIGN_OR_RETURN(x, EvaluateConstant(*a));
        if (x.is_null()) return false;  // NULL in, no rows out
        v.push_back(x);
      }
      next_ = v[0].GetInt();
      stop_ = v[1].GetInt();
      step_ = v.size() > 2 ? v[2].GetInt() : 1;
      if (step_ == 0) {
        return Status(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
      }
      done_ = step_ > 0 ? next_ > stop_ : next_ < stop_;
    }
    if (done_) return false;
    const bool bigint = types()[0].id() == TypeId::kBigInt;
    size_t n = 0;
    out->SetSize(kVectorSize);
    Vector& col = out->column(0);
    while (n < kVectorSize && !done_) {
      if (bigint) {
        col.Data<int64_t>()[n] = next_;
      } else {
        col.Data<int32_t>()[n] = static_cast<int32_t>(next_);
      }
      ++n;
      int64_t following;
      done_ = __builtin_add_overflow(next_, step_, &following) ||
              (step_ > 0 ? following > stop_ : following < stop_);
      next_ = following;
    }
    out->SetSize(n);
    return true;
  }

 private:
  const std::vector<BoundExprPtr>* args_;
  bool started_ = false;
  bool done_ = false;
  int64_t next_ = 0, stop_ = 0, step_ = 1;
};

// VALUES: its rows, evaluated a batch at a time.
class ValuesOp final : public PhysicalOperator {
 public:
  ValuesOp(std::vector<LogicalType> types, const std::vector<BoundExprPtr>* exprs)
      : PhysicalOperator(std::move(types)), exprs_(exprs) {}

 protected:
  Result<bool> NextBatch(DataChunk* out) override {
    *out = NewChunk();
    const size_t columns = types().size();
    const size_t rows = exprs_->size() / columns;
    std::vector<Value> row(columns);
    while (next_ < rows && out->size() < kVectorSize) {
      for (size_t c = 0; c < columns; ++c) {
        OMEN_ASSIGN_OR_RETURN(row[c], EvaluateConstant(*(*exprs_)[next_ * columns + c]));
      }
      out->AppendRow(row);
      ++next_;
    }
    return out->size() > 0;
  }

 private:
  const std::vector<BoundExprPtr>* exprs_;
  size_t next_ = 0;
};

// One row with no columns: the input of a SELECT without FROM.
class DummyScanOp final : public PhysicalOperator {
 public:
  DummyScanOp() : PhysicalOperator({}) {}
  Result<bool> NextBatch(DataChunk* out) override {
    if (done_) return false;
    done_ = true;
    out->SetSize(1);
    return true;
  }

 private:
  bool done_ = false;
};

class FilterOp final : public PhysicalOperator {
 public:
  FilterOp(PhysicalOperatorPtr child, const BoundExpr* predicate)
      : PhysicalOperator(child->types()), child_(std::move(child)), predicate_(predicate) {}

  // Each input batch is narrowed to a selection vector of its passing rows; only those rows
  // are copied out, column by column (the whole batch is passed on when all rows pass).
  Result<bool> NextBatch(DataChunk* out) override {
    for (;;) {
      if (in_.column_count() != types().size()) in_ = child_->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, child_->Next(&in_));
      if (!more) {
        *out = NewChunk();
        return false;
      }
      OMEN_RETURN_IF_ERROR(Select(*predicate_, in_, &sel_));
      if (sel_.empty()) continue;
      if (sel_.size() == in_.size()) {
        std::swap(*out, in_);
      } else {
        out->Gather(in_, sel_.data(), sel_.size());
      }
      return true;
    }
  }

 private:
  PhysicalOperatorPtr child_;
  const BoundExpr* predicate_;
  DataChunk in_;  // the child's batch, kept so its buffers are reused
  SelectionVector sel_;
};

class ProjectionOp final : public PhysicalOperator {
 public:
  ProjectionOp(std::vector<LogicalType> types, PhysicalOperatorPtr child,
               const std::vector<BoundExprPtr>* exprs)
      : PhysicalOperator(std::move(types)), child_(std::move(child)), exprs_(exprs) {}

  Result<bool> NextBatch(DataChunk* out) override {
    if (in_.column_count() == 0) in_ = child_->NewChunk();
    bool more;
    OMEN_ASSIGN_OR_RETURN(more, child_->Next(&in_));
    *out = NewChunk();
    if (!more) return false;
    for (size_t i = 0; i < exprs_->size(); ++i) {
      OMEN_RETURN_IF_ERROR(Evaluate(*(*exprs_)[i], in_, &out->column(i)));
    }
    out->SetSize(in_.size());
    return true;
  }

 private:
  PhysicalOperatorPtr child_;
  const std::vector<BoundExprPtr>* exprs_;
  DataChunk in_;  // the child's batch, kept so its buffers are reused
};

// Materializes its input, sorts it (stable, multi-key, ASC/DESC, NULLS FIRST/LAST, byte order
// for text: collation "C"), then emits it batch by batch.
class OrderOp final : public PhysicalOperator {
 public:
  OrderOp(PhysicalOperatorPtr child, const std::vector<OrderSpec>* orders)
      : PhysicalOperator(child->types()), child_(std::move(child)), orders_(orders) {}

  Result<bool> NextBatch(DataChunk* out) override {
    if (!sorted_) OMEN_RETURN_IF_ERROR(Materialize());
    *out = NewChunk();
    while (pos_ < rows_.size() && out->size() < kVectorSize) {
      auto [c, r] = rows_[pos_++];
      out->AppendRowFrom(chunks_[c], r);
    }
    return out->size() > 0;
  }

 private:
  Status Materialize() {
    for (;;) {
      DataChunk in = child_->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, child_->Next(&in));
      if (!more) break;
      OMEN_RETURN_IF_ERROR(Hold(in));
      for (size_t r = 0; r < in.size(); ++r) rows_.emplace_back(chunks_.size(), r);
      chunks_.push_back(std::move(in));
    }
    std::stable_sort(rows_.begin(), rows_.end(), [this](const auto& x, const auto& y) {
      for (const OrderSpec& o : *orders_) {
        size_t col = o.expr->column;
        const Vector& a = chunks_[x.first].column(col);
        const Vector& b = chunks_[y.first].column(col);
        bool an = !a.IsValid(x.second), bn = !b.IsValid(y.second);
        if (an || bn) {
          if (an && bn) continue;
          return an == o.nulls_first;
        }
        int c = CompareCells(a, x.second, b, y.second);
        if (c != 0) return o.descending ? c > 0 : c < 0;
      }
      return false;
    });
    sorted_ = true;
    return Status::OK();
  }

  PhysicalOperatorPtr child_;
  const std::vector<OrderSpec>* orders_;
  std::vector<DataChunk> chunks_;
  std::vector<std::pair<size_t, size_t>> rows_;
  size_t pos_ = 0;
  bool sorted_ = false;
};

class LimitOp final : public PhysicalOperator {
 public:
  LimitOp(PhysicalOperatorPtr child, const BoundExpr* limit, const BoundExpr* offset)
      : PhysicalOperator(child->types()), child_(std::move(child)), limit_expr_(limit),
        offset_expr_(offset) {}

  Result<bool> NextBatch(DataChunk* out) override {
    if (!started_) OMEN_RETURN_IF_ERROR(Start());
    *out = NewChunk();
    while (out->size() == 0 && remaining_ > 0) {
      DataChunk in = child_->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, child_->Next(&in));
      if (!more) return false;
      for (size_t r = 0; r < in.size() && remaining_ > 0; ++r) {
        if (skip_ > 0) {
          --skip_;
          continue;
        }
        out->AppendRowFrom(in, r);
        --remaining_;
      }
    }
    return out->size() > 0;
  }

 private:
  Status Start() {
    started_ = true;
    if (limit_expr_) {
      Value v;
      OMEN_ASSIGN_OR_RETURN(v, EvaluateConstant(*limit_expr_));
      if (!v.is_null()) {
        if (v.GetInt() < 0) {
          return Status(sqlstate::kInvalidRowCountInLimitClause, "LIMIT must not be negative");
        }
        remaining_ = static_cast<uint64_t>(v.GetInt());
      }
    }
    if (offset_expr_) {
      Value v;
      OMEN_ASSIGN_OR_RETURN(v, EvaluateConstant(*offset_expr_));
      if (!v.is_null()) {
        if (v.GetInt() < 0) {
          return Status(sqlstate::kInvalidRowCountInResultOffsetClause,
                        "OFFSET must not be negative");
        }
        skip_ = static_cast<uint64_t>(v.GetInt());
      }
    }
    return Status::OK();
  }

  PhysicalOperatorPtr child_;
  const BoundExpr* limit_expr_;
  const BoundExpr* offset_expr_;
  bool started_ = false;
  uint64_t remaining_ = UINT64_MAX;
  uint64_t skip_ = 0;
};

// Counts an operator's rows and times its batches (EXPLAIN ANALYZE).
class InstrumentedOp final : public PhysicalOperator {
 public:
  InstrumentedOp(PhysicalOperatorPtr inner, OperatorStats* stats)
      : PhysicalOperator(inner->types()), inner_(std::move(inner)), stats_(stats) {}

  Result<bool> NextBatch(DataChunk* out) override {
    if (!started_) {
      started_ = true;
      ++stats_->loops;
    }
    const auto begin = std::chrono::steady_clock::now();
    Result<bool> more = inner_->Next(out);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
    inside_ms_ += ms;
    stats_->total_ms += ms;
    if (more.ok() && *more) stats_->rows += out->size();
    if (!first_seen_) {
      first_seen_ = true;
      stats_->first_ms += inside_ms_;
    }
    // The scan's counts of this run, summed over loops.
    const uint64_t skipped = inner_->ZoneBlocksSkipped();
    stats_->zone_blocks_skipped += skipped - skipped_;
    skipped_ = skipped;
    const uint64_t prefiltered = inner_->RowsPrefiltered();
    stats_->rows_prefiltered += prefiltered - prefiltered_;
    prefiltered_ = prefiltered;
    return more;
  }

 private:
  PhysicalOperatorPtr inner_;
  OperatorStats* stats_;
  bool started_ = false;
  bool first_seen_ = false;
  double inside_ms_ = 0;  // this run's time inside Next
  uint64_t skipped_ = 0;      // this run's counts so far
  uint64_t prefiltered_ = 0;
};

Result<PhysicalOperatorPtr> CreateOperator(const LogicalOperator& plan, const ExecContext& ctx,
                                           std::vector<PhysicalOperatorPtr> children);
Result<PhysicalOperatorPtr> CreateTableScan(const LogicalOperator& get, const ExecContext& ctx,
                                            const BoundExpr* prefilter);

// Gives `op` (made for `plan`) the statement's cancel flag and memory budget, and measures it
// under EXPLAIN ANALYZE.
PhysicalOperatorPtr Finish(PhysicalOperatorPtr op, const LogicalOperator& plan,
                           const ExecContext& ctx) {
  op->set_cancel(ctx.cancel);
  op->set_memory(ctx.memory);
  if (ctx.stats == nullptr) return op;
  return PhysicalOperatorPtr(new InstrumentedOp(std::move(op), &(*ctx.stats)[&plan]));
}

// What the scan `get` under a filter should apply itself (late materialization), or null:
// the leading conjuncts of `predicate` that read only fixed-width columns (cheap to read for
// every row), when the scan reads other columns too (read then for the rows that pass only).
// The filter above still applies the whole predicate, so these conjuncts run twice: they must
// have the same effect each time (no volatile functions, sequences, settings or subqueries).
// Leading ones, because a conjunct is evaluated only for rows the earlier ones passed.
BoundExprPtr ScanPrefilter(const LogicalOperator& get, const BoundExpr& predicate) {
  if (get.kind != LogicalOperator::Kind::kGet || get.use_key_range || get.use_key_points ||
      get.with_row_ids) {
    return nullptr;
  }
  std::vector<const BoundExpr*> conjuncts;
  if (predicate.kind == BoundExpr::Kind::kAnd) {
    for (const auto& c : predicate.children) conjuncts.push_back(c.get());
  } else {
    conjuncts.push_back(&predicate);
  }
  std::vector<bool> used(get.column_ids.size(), false);
  std::vector<BoundExprPtr> prefix;
  for (const BoundExpr* c : conjuncts) {
    bool cheap = true;
    std::vector<size_t> columns;
    AnyExpression(*c, [&](const BoundExpr& e) {
      using K = BoundExpr::Kind;
      if (e.kind == K::kColumn) {
        columns.push_back(e.column);
        cheap = cheap && e.column < get.types.size() &&
                get.types[e.column].physical() != PhysicalType::kString;
      }
      if (e.kind == K::kSubquery || e.kind == K::kSequence || e.kind == K::kSetting ||
          e.kind == K::kOuterRef || (e.kind == K::kFunction && e.function->is_volatile)) {
        cheap = false;
      }
      return false;
    });
    if (!cheap) break;
    for (size_t col : columns) used[col] = true;
    prefix.push_back(c->Clone());
  }
  if (prefix.empty() || std::count(used.begin(), used.end(), true) ==
                            static_cast<long>(used.size())) {
    return nullptr;
  }
  if (prefix.size() == 1) return std::move(prefix[0]);
  auto all = std::make_unique<BoundExpr>();
  all->kind = BoundExpr::Kind::kAnd;
  all->type = LogicalType(TypeId::kBoolean);
  all->children = std::move(prefix);
  return all;
}

// A copy of `e` whose column references are positions in `columns` (sorted) instead.
BoundExprPtr RemapColumns(const BoundExpr& e, const std::vector<size_t>& columns) {
  BoundExprPtr copy = e.Clone();
  std::function<void(BoundExpr*)> remap = [&](BoundExpr* x) {
    if (x->kind == BoundExpr::Kind::kColumn) {
      x->column = static_cast<size_t>(
          std::lower_bound(columns.begin(), columns.end(), x->column) - columns.begin());
    }
    for (auto& c : x->children) remap(c.get());
  };
  remap(copy.get());
  return copy;
}

}  // namespace

Result<PhysicalOperatorPtr> CreatePhysicalPlan(const LogicalOperator& plan,
                                               const ExecContext& ctx) {
  std::vector<PhysicalOperatorPtr> children;
  for (const auto& c : plan.children) {
    PhysicalOperatorPtr p;
    BoundExprPtr prefilter;
    if (plan.kind == LogicalOperator::Kind::kFilter) prefilter = ScanPrefilter(*c, *plan.predicate);
    if (prefilter != nullptr) {
      OMEN_ASSIGN_OR_RETURN(p, CreateTableScan(*c, ctx, prefilter.get()));
      p = Finish(std::move(p), *c, ctx);
    } else {
      OMEN_ASSIGN_OR_RETURN(p, CreatePhysicalPlan(*c, ctx));
    }
    children.push_back(std::move(p));
    // A recursive term is built anew for each round, by its RecursiveUnion.
    if (plan.kind == LogicalOperator::Kind::kRecursiveUnion) break;
  }
  PhysicalOperatorPtr op;
  OMEN_ASSIGN_OR_RETURN(op, CreateOperator(plan, ctx, std::move(children)));
  return Finish(std::move(op), plan, ctx);
}

namespace {

// A projection that outputs its input's columns unchanged, in order (SELECT * of a scan): the
// input's batches serve as they are.
bool IsIdentityProjection(const LogicalOperator& plan, const std::vector<LogicalType>& input) {
  if (plan.expressions.size() != input.size() || plan.types != input) return false;
  for (size_t i = 0; i < plan.expressions.size(); ++i) {
    const BoundExpr& e = *plan.expressions[i];
    if (e.kind != BoundExpr::Kind::kColumn || e.column != i) return false;
  }
  return true;
}

Result<PhysicalOperatorPtr> CreateOperator(const LogicalOperator& plan, const ExecContext& ctx,
                                           std::vector<PhysicalOperatorPtr> children) {
  switch (plan.kind) {
    case LogicalOperator::Kind::kGet:
      return CreateTableScan(plan, ctx, nullptr);
    case LogicalOperator::Kind::kGenerateSeries:
      return PhysicalOperatorPtr(new GenerateSeriesOp(plan.types, &plan.expressions));
    case LogicalOperator::Kind::kDummyScan:
      return PhysicalOperatorPtr(new DummyScanOp());
    case LogicalOperator::Kind::kValues:
      return PhysicalOperatorPtr(new ValuesOp(plan.types, &plan.expressions));
    case LogicalOperator::Kind::kFilter:
      return PhysicalOperatorPtr(new FilterOp(std::move(children[0]), plan.predicate.get()));
    case LogicalOperator::Kind::kProjection:
      if (IsIdentityProjection(plan, children[0]->types())) return std::move(children[0]);
      return PhysicalOperatorPtr(
          new ProjectionOp(plan.types, std::move(children[0]), &plan.expressions));
    case LogicalOperator::Kind::kOrder:
      return PhysicalOperatorPtr(new OrderOp(std::move(children[0]), &plan.orders));
    case LogicalOperator::Kind::kLimit:
      return PhysicalOperatorPtr(
          new LimitOp(std::move(children[0]), plan.limit.get(), plan.offset.get()));
    case LogicalOperator::Kind::kAggregate:
      return MakeHashAggregate(plan, std::move(children[0]));
    case LogicalOperator::Kind::kWindow:
      return MakeWindow(plan, std::move(children[0]));
    case LogicalOperator::Kind::kRecursiveUnion:
      return MakeRecursiveUnion(plan, std::move(children[0]), ctx);
    case LogicalOperator::Kind::kWorkTableScan:
      return MakeWorkTableScan(plan);
    case LogicalOperator::Kind::kSetOp:
      return MakeSetOperation(plan, std::move(children[0]), std::move(children[1]));
    case LogicalOperator::Kind::kJoin: {
      if (PhysicalOperatorPtr hash = MakeHashJoinIfEquiJoin(plan, &children[0], &children[1])) {
        return hash;
      }
      return MakeNestedLoopJoin(plan, std::move(children[0]), std::move(children[1]));
    }
  }
  return InternalError("unknown logical operator");
}

// Narrows *range by `get`'s bounds known when the scan starts (key_lower_expr and
// key_upper_expr); sets *empty when one is NULL (no row satisfies a comparison with NULL).
Status NarrowKeyRange(const LogicalOperator& get, KeyRange* range, bool* empty) {
  auto narrow = [&](const BoundExprPtr& e, bool inclusive, bool lower) -> Status {
    if (e == nullptr) return Status::OK();
    Value v;
    OMEN_ASSIGN_OR_RETURN(v, EvaluateConstant(*e));
    if (v.is_null()) {
      *empty = true;
      return Status::OK();
    }
    std::vector<Value>& bound = lower ? range->lower : range->upper;
    bool& bound_inclusive = lower ? range->lower_inclusive : range->upper_inclusive;
    const int c = bound.empty() ? (lower ? 1 : -1) : Value::Compare(v, bound[0]);
    if ((lower ? c > 0 : c < 0) || (c == 0 && !inclusive)) {
      bound = {std::move(v)};
      bound_inclusive = inclusive;
    }
    return Status::OK();
  };
  OMEN_RETURN_IF_ERROR(narrow(get.key_lower_expr, get.key_lower_expr_inclusive, true));
  return narrow(get.key_upper_expr, get.key_upper_expr_inclusive, false);
}

// The scan of `get`; with `prefilter` (see ScanPrefilter), the scan applies it to the columns
// it reads before reading the others.
Result<PhysicalOperatorPtr> CreateTableScan(const LogicalOperator& get, const ExecContext& ctx,
                                            const BoundExpr* prefilter) {
  const LogicalOperator& plan = get;
  std::shared_ptr<const TableData> data = ctx.engine->GetTableData(plan.table->table_id);
  if (data == nullptr) return InternalError("table data missing for " + plan.table->name);
  ScanSpec spec;
  spec.snapshot = ctx.snapshot;
  spec.column_ids = plan.column_ids;
  if (plan.with_row_ids) spec.positions = ctx.recheck_positions;
  spec.limit = plan.scan_limit;
  spec.with_row_ids = plan.with_row_ids;
  spec.descending = plan.key_descending;
  if (plan.index != nullptr) spec.index_id = plan.index->table_id;
  for (const ZoneFilter& z : plan.zone_filters) {
    spec.zone_filters.push_back(
        {static_cast<ScanZoneFilter::Op>(static_cast<int>(z.op)), z.column, z.constant});
  }
  if (plan.use_key_points && !plan.key_point_exprs.empty()) {
    std::vector<Value> points;
    for (const auto& e : plan.key_point_exprs) {
      Value v;
      OMEN_ASSIGN_OR_RETURN(v, EvaluateConstant(*e));
      if (!v.is_null()) points.push_back(std::move(v));
    }
    std::sort(points.begin(), points.end(),
              [](const Value& a, const Value& b) { return Value::Compare(a, b) < 0; });
    points.erase(std::unique(points.begin(), points.end(),
                             [](const Value& a, const Value& b) {
                               return Value::Compare(a, b) == 0;
                             }),
                 points.end());
    spec.use_key_points = true;
    for (Value& v : points) spec.key_points.push_back({std::move(v)});
  } else if (plan.use_key_points) {
    spec.use_key_points = true;
    for (const Value& v : plan.key_points) spec.key_points.push_back({v});
  } else if (plan.use_key_range) {
    KeyRange range = plan.key_range;
    bool empty = false;
    OMEN_RETURN_IF_ERROR(NarrowKeyRange(plan, &range, &empty));
    if (empty) {
      spec.use_key_points = true;  // no points: no rows
    } else {
      spec.use_key_range = true;
      spec.lower = {range.lower, range.lower_inclusive};
      spec.upper = {range.upper, range.upper_inclusive};
    }
  }
  if (prefilter != nullptr) {
    std::vector<size_t> columns;
    AnyExpression(*prefilter, [&](const BoundExpr& e) {
      if (e.kind == BoundExpr::Kind::kColumn) columns.push_back(e.column);
      return false;
    });
    std::sort(columns.begin(), columns.end());
    columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
    std::shared_ptr<const BoundExpr> local = RemapColumns(*prefilter, columns);
    spec.prefilter_columns = columns;
    spec.prefilter = [local](const DataChunk& input, std::vector<uint32_t>* rows) {
      return Select(*local, input, rows);
    };
  }
  return PhysicalOperatorPtr(new TableScanOp(plan.types, std::move(data), spec));
}

}  // namespace

}  // namespace omendb::sql
