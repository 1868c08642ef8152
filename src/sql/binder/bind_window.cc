// Window functions: f(args) OVER (PARTITION BY ... ORDER BY ... frame), in the select list and
// ORDER BY. Each call becomes a WindowCall of the query's Window node; the expression that
// used it reads the node's output column.
#include "sql/binder/binder.h"

namespace omendb::sql {
namespace {

// Window results are bound as columns from this number on until the Window node's input width
// is known (PlaceWindowColumns then moves them after its input columns).
constexpr size_t kWindowColumnBase = size_t{1} << 40;

}  // namespace

void Binder::PlaceWindowColumns(BoundExpr* e, size_t input_width) {
  if (e->kind == BoundExpr::Kind::kColumn && e->column >= kWindowColumnBase) {
    e->column = input_width + (e->column - kWindowColumnBase);
  }
  for (auto& c : e->children) PlaceWindowColumns(c.get(), input_width);
}

Result<BoundExprPtr> Binder::BindWindowCall(const ParsedExpr& expr, const Scope& scope) {
  const std::string& name = expr.names[0];
  if (window_ == nullptr) {
    std::string where = clause_ ? std::string(" in ") + clause_ : " here";
    return WithPos(Status("42P20", "window functions are not allowed" + where), expr.location);
  }
  if (expr.distinct) {
    return WithPos(NotSupported("DISTINCT for window functions"), expr.location);
  }
  WindowContext* ctx = window_;
  window_ = nullptr;  // window calls do not nest (42P20)
  struct RestoreWindow {
    Binder* b;
    WindowContext* saved;
    ~RestoreWindow() { b->window_ = saved; }
  } restore{this, ctx};

  WindowCall call;
  std::vector<LogicalType> types;
  for (const auto& a : expr.args) {
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindExpr(*a, scope));
    types.push_back(b->type);
    call.args.push_back(std::move(b));
  }
  auto arity = [&](size_t lo, size_t hi) -> Status {
    if (types.size() < lo || types.size() > hi || expr.star) {
      return WithPos(Status(sqlstate::kUndefinedFunction,
                            "function " + name + " with " + std::to_string(types.size()) +
                                " arguments does not exist"),
                     expr.location);
    }
    return Status::OK();
  };
  auto cast_arg = [&](size_t i, LogicalType t) -> Status {
    Result<BoundExprPtr> c = AddCast(std::move(call.args[i]), t, CastContext::kImplicit);
    if (!c.ok()) return WithPos(c.status(), expr.args[i]->location);
    call.args[i] = std::move(c).value();
    return Status::OK();
  };
  using W = WindowFunction;
  const LogicalType int8 = TypeId::kBigInt, int4 = TypeId::kInteger, float8 = TypeId::kDouble;
  if (!expr.agg_order.empty()) {
    return WithPos(NotSupported("ORDER BY inside window function arguments"), expr.location);
  }
  if (expr.filtered && !IsAggregateName(name)) {
    return WithPos(NotSupported("FILTER for non-aggregate window functions"), expr.location);
  }
  if (IsAggregateName(name)) {
    AggregateSignature sig;
    OMEN_ASSIGN_OR_RETURN(sig, ResolveAggregate(name, types, expr.star));
    for (size_t i = 0; i < call.args.size(); ++i) {
      OMEN_RETURN_IF_ERROR(cast_arg(i, sig.arg_types[i]));
    }
    call.function = W::kAggregate;
    call.aggregate = sig.kind;
    call.type = sig.return_type;
  } else if (name == "row_number" || name == "rank" || name == "dense_rank") {
    OMEN_RETURN_IF_ERROR(arity(0, 0));
    call.function = name == "row_number" ? W::kRowNumber : name == "rank" ? W::kRank : W::kDenseRank;
    call.type = int8;
  } else if (name == "percent_rank" || name == "cume_dist") {
    OMEN_RETURN_IF_ERROR(arity(0, 0));
    call.function = name == "percent_rank" ? W::kPercentRank : W::kCumeDist;
    call.type = float8;
  } else if (name == "ntile") {
    OMEN_RETURN_IF_ERROR(arity(1, 1));
    OMEN_RETURN_IF_ERROR(cast_arg(0, int4));
    call.function = W::kNtile;
    call.type = int4;
  } else if (name == "lag" || name == "lead" || name == "first_value" || name == "last_value" ||
             name == "nth_value") {
    bool offset = name == "lag" || name == "lead";
    OMEN_RETURN_IF_ERROR(offset ? arity(1, 3) : name == "nth_value" ? arity(2, 2) : arity(1, 1));
    // The value and a lag/lead default share a type (PostgreSQL's anycompatible).
    LogicalType t = types[0];
    if (offset && types.size() == 3) {
      size_t bad = 0;
      Result<LogicalType> common = CommonType({types[0], types[2]}, "lag/lead", &bad);
      if (!common.ok()) return WithPos(common.status(), expr.location);
      t = *common;
      OMEN_RETURN_IF_ERROR(cast_arg(2, t));
    }
    if (IsUntyped(t)) t = TypeId::kText;
    OMEN_RETURN_IF_ERROR(cast_arg(0, t));
    if (types.size() > 1) OMEN_RETURN_IF_ERROR(cast_arg(1, int4));
    call.function = name == "lag"           ? W::kLag
                    : name == "lead"        ? W::kLead
                    : name == "first_value" ? W::kFirstValue
                    : name == "last_value"  ? W::kLastValue
                                            : W::kNthValue;
    call.type = t;
  } else {
    return WithPos(Status(sqlstate::kWrongObjectType,
                          "OVER specified, but " + name +
                              " is not a window function nor an aggregate function"),
                   expr.location);
  }
  for (const auto& p : expr.over->partition) {
    BoundExprPtr b;
    OMEN_ASSIGN_OR_RETURN(b, BindExpr(*p, scope));
    if (IsUntyped(b->type)) {
      OMEN_ASSIGN_OR_RETURN(b, AddCast(std::move(b), TypeId::kText));
    }
    call.partition.push_back(std::move(b));
  }
  for (const ParsedOrderItem& item : expr.over->order) {
    OrderSpec o;
    OMEN_ASSIGN_OR_RETURN(o.expr, BindExpr(*item.expr, scope));
    if (IsUntyped(o.expr->type)) {
      OMEN_ASSIGN_OR_RETURN(o.expr, AddCast(std::move(o.expr), TypeId::kText));
    }
    o.descending = item.descending;
    o.nulls_first = item.nulls_first.value_or(item.descending);
    call.order.push_back(std::move(o));
  }
  using B = ParsedWindow::Bound;
  auto bound = [](B b) {
    switch (b) {
      case B::kUnboundedPreceding: return WindowFrame::kUnboundedPreceding;
      case B::kOffsetPreceding: return WindowFrame::kOffsetPreceding;
      case B::kCurrentRow: return WindowFrame::kCurrentRow;
      case B::kOffsetFollowing: return WindowFrame::kOffsetFollowing;
      case B::kUnboundedFollowing: return WindowFrame::kUnboundedFollowing;
    }
    return WindowFrame::kCurrentRow;
  };
  const ParsedWindow& w = *expr.over;
  if (w.start == B::kUnboundedFollowing) {
    return WithPos(Status("42P20", "frame start cannot be UNBOUNDED FOLLOWING"), expr.location);
  }
  if (w.end == B::kUnboundedPreceding) {
    return WithPos(Status("42P20", "frame end cannot be UNBOUNDED PRECEDING"), expr.location);
  }
  call.frame.rows = w.rows;
  call.frame.start = bound(w.start);
  call.frame.end = bound(w.end);
  call.frame.start_offset = w.start_offset;
  call.frame.end_offset = w.end_offset;
  LogicalType type = call.type;
  size_t index = ctx->calls->size();
  ctx->calls->push_back(std::move(call));
  return BoundExpr::Column(kWindowColumnBase + index, type);
}

}  // namespace omendb::sql
