#include "sql/optimizer/constant_folding.h"

#include <cctype>
#include <optional>

#include "sql/plan/plan_walk.h"
#include "sql/plan/settings_access.h"
#include "types/cast.h"

namespace omendb::sql {
namespace {

bool IsConstant(const BoundExpr& e) { return e.kind == BoundExpr::Kind::kConstant; }
bool IsNullConstant(const BoundExpr& e) { return IsConstant(e) && e.constant.is_null(); }
bool IsBoolConstant(const BoundExpr& e, bool value) {
  return IsConstant(e) && !e.constant.is_null() && e.constant.GetBool() == value;
}

Status Fold(BoundExprPtr* slot);

Status FoldCall(BoundExprPtr* slot) {
  BoundExpr& e = **slot;
  for (auto& c : e.children) OMEN_RETURN_IF_ERROR(Fold(&c));
  if (!e.function->strict || e.function->is_volatile) return Status::OK();
  bool all_constant = true;
  for (const auto& c : e.children) {
    if (IsNullConstant(*c)) {
      *slot = BoundExpr::Constant(Value::Null(e.type));
      return Status::OK();
    }
    all_constant = all_constant && IsConstant(*c);
  }
  if (!all_constant) return Status::OK();
  std::vector<Vector> args;
  for (const auto& c : e.children) {
    args.emplace_back(c->type, 1);
    args.back().Append(c->constant);
  }
  std::vector<const Vector*> ptrs;
  for (const Vector& a : args) ptrs.push_back(&a);
  Vector out(e.type, 1);
  out.Resize(1);
  OMEN_RETURN_IF_ERROR(e.function->kernel(ptrs, 1, &out));
  *slot = BoundExpr::Constant(out.GetValue(0));
  return Status::OK();
}

Status FoldLogical(BoundExprPtr* slot) {
  BoundExpr& e = **slot;
  bool is_and = e.kind == BoundExpr::Kind::kAnd;
  std::vector<BoundExprPtr> kept;
  for (auto& c : e.children) {
    OMEN_RETURN_IF_ERROR(Fold(&c));
    if (IsBoolConstant(*c, !is_and)) {  // false decides AND, true decides OR
      *slot = BoundExpr::Constant(Value::Boolean(!is_and));
      return Status::OK();
    }
    if (IsBoolConstant(*c, is_and)) continue;  // true in AND, false in OR: no effect
    kept.push_back(std::move(c));
  }
  if (kept.empty()) {
    *slot = BoundExpr::Constant(Value::Boolean(is_and));
  } else if (kept.size() == 1) {
    *slot = std::move(kept[0]);
  } else {
    e.children = std::move(kept);
  }
  return Status::OK();
}

Status FoldCoalesce(BoundExprPtr* slot) {
  BoundExpr& e = **slot;
  std::vector<BoundExprPtr> kept;
  for (auto& c : e.children) {
    OMEN_RETURN_IF_ERROR(Fold(&c));
    if (IsNullConstant(*c)) continue;
    bool stop = IsConstant(*c);
    kept.push_back(std::move(c));
    if (stop) break;  // later arguments are never reached
  }
  if (kept.empty()) {
    *slot = BoundExpr::Constant(Value::Null(e.type));
  } else if (kept.size() == 1 || IsConstant(*kept[0])) {
    *slot = std::move(kept[0]);
  } else {
    e.children = std::move(kept);
  }
  return Status::OK();
}

Status FoldCase(BoundExprPtr* slot) {
  BoundExpr& e = **slot;
  size_t pairs = (e.children.size() - (e.has_else ? 1 : 0)) / 2;
  std::vector<BoundExprPtr> kept;
  BoundExprPtr otherwise = e.has_else ? std::move(e.children.back()) : nullptr;
  bool ended = false;
  for (size_t p = 0; p < pairs && !ended; ++p) {
    BoundExprPtr& cond = e.children[2 * p];
    OMEN_RETURN_IF_ERROR(Fold(&cond));
    if (IsBoolConstant(*cond, false) || IsNullConstant(*cond)) continue;  // arm never taken
    BoundExprPtr& result = e.children[2 * p + 1];
    OMEN_RETURN_IF_ERROR(Fold(&result));
    if (IsBoolConstant(*cond, true)) {
      otherwise = std::move(result);  // always taken: it ends the CASE
      ended = true;
      break;
    }
    kept.push_back(std::move(cond));
    kept.push_back(std::move(result));
  }
  if (!ended && otherwise) {
    OMEN_RETURN_IF_ERROR(Fold(&otherwise));
  }
  if (kept.empty()) {
    *slot = otherwise ? std::move(otherwise) : BoundExpr::Constant(Value::Null(e.type));
    return Status::OK();
  }
  e.has_else = otherwise != nullptr;
  if (otherwise) kept.push_back(std::move(otherwise));
  e.children = std::move(kept);
  return Status::OK();
}

// a = b through the expression's resolved "=" function; nullopt if either is NULL.
Result<std::optional<bool>> ConstantEqual(const BoundExpr& e, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::optional<bool>();
  Vector x(a.type(), 1), y(b.type(), 1), out(TypeId::kBoolean, 1);
  x.Append(a);
  y.Append(b);
  out.Resize(1);
  OMEN_RETURN_IF_ERROR(e.function->kernel({&x, &y}, 1, &out));
  return std::optional<bool>(out.Data<uint8_t>()[0] != 0);
}

Value OptionalBool(std::optional<bool> v) {
  return v ? Value::Boolean(*v) : Value::Null(TypeId::kBoolean);
}

// GREATEST, LEAST, NULLIF, IN, IS [NOT] DISTINCT FROM, LIKE and IS TRUE... of constants.
Result<std::optional<Value>> FoldOtherConstant(const BoundExpr& e) {
  using K = BoundExpr::Kind;
  bool all_constant = true;
  for (const auto& c : e.children) all_constant = all_constant && IsConstant(*c);
  // x IN (...) with a NULL x is NULL whatever the list holds (the comparison is strict).
  if (e.kind == K::kIn && IsNullConstant(*e.children[0])) {
    return std::optional<Value>(Value::Null(TypeId::kBoolean));
  }
  if (!all_constant) return std::optional<Value>();
  auto value = [&](size_t i) -> const Value& { return e.children[i]->constant; };
  switch (e.kind) {
    case K::kGreatest:
    case K::kLeast: {
      std::optional<Value> best;
      for (size_t i = 0; i < e.children.size(); ++i) {
        if (value(i).is_null()) continue;
        int c = best ? Value::Compare(value(i), *best) : 0;
        if (!best || (e.kind == K::kGreatest ? c > 0 : c < 0)) best = value(i);
      }
      return std::optional<Value>(best ? *best : Value::Null(e.type));
    }
    case K::kNullIf: {
      std::optional<bool> eq;
      OMEN_ASSIGN_OR_RETURN(eq, ConstantEqual(e, value(0), value(1)));
      return std::optional<Value>(eq == true ? Value::Null(e.type) : value(0));
    }
    case K::kIn: {
      std::optional<bool> result = false;
      for (size_t i = 1; i < e.children.size() && result != true; ++i) {
        std::optional<bool> eq;
        OMEN_ASSIGN_OR_RETURN(eq, ConstantEqual(e, value(0), value(i)));
        if (!eq) {
          result = std::nullopt;
        } else if (*eq) {
          result = true;
        }
      }
      if (result && e.negated) result = !*result;
      return std::optional<Value>(OptionalBool(result));
    }
    case K::kDistinctFrom: {
      bool an = value(0).is_null(), bn = value(1).is_null();
      bool distinct;
      if (an || bn) {
        distinct = an != bn;
      } else {
        std::optional<bool> eq;
        OMEN_ASSIGN_OR_RETURN(eq, ConstantEqual(e, value(0), value(1)));
        distinct = !*eq;
      }
      return std::optional<Value>(Value::Boolean(e.negated ? !distinct : distinct));
    }
    default:
      return std::optional<Value>();
  }
}

Status Fold(BoundExprPtr* slot) {
  BoundExpr& e = **slot;
  switch (e.kind) {
    case BoundExpr::Kind::kFunction: return FoldCall(slot);
    case BoundExpr::Kind::kAnd:
    case BoundExpr::Kind::kOr: return FoldLogical(slot);
    case BoundExpr::Kind::kCoalesce: return FoldCoalesce(slot);
    case BoundExpr::Kind::kCase: return FoldCase(slot);
    default: break;
  }
  for (auto& c : e.children) OMEN_RETURN_IF_ERROR(Fold(&c));
  std::optional<Value> folded;
  OMEN_ASSIGN_OR_RETURN(folded, FoldOtherConstant(e));
  if (folded) {
    *slot = BoundExpr::Constant(std::move(*folded));
    return Status::OK();
  }
  if (e.children.size() != 1 || !IsConstant(*e.children[0])) return Status::OK();
  const Value& v = e.children[0]->constant;
  switch (e.kind) {
    case BoundExpr::Kind::kCast: {
      Value cast;
      OMEN_ASSIGN_OR_RETURN(cast, CastValue(v, e.type));
      *slot = BoundExpr::Constant(std::move(cast));
      break;
    }
    case BoundExpr::Kind::kNot:
      *slot = BoundExpr::Constant(v.is_null() ? Value::Null(TypeId::kBoolean)
                                              : Value::Boolean(!v.GetBool()));
      break;
    case BoundExpr::Kind::kIsNull:
    case BoundExpr::Kind::kIsNotNull:
      *slot = BoundExpr::Constant(Value::Boolean(v.is_null() == (e.kind == BoundExpr::Kind::kIsNull)));
      break;
    default:
      break;
  }
  return Status::OK();
}

// A filter keeps only rows where its condition is true: a conjunct that is constant NULL (or
// false) can never be true, so the whole condition is false (PostgreSQL's One-Time Filter).
void SimplifyQual(BoundExprPtr* qual) {
  BoundExpr& e = **qual;
  bool never_true = IsNullConstant(e) || IsBoolConstant(e, false);
  if (e.kind == BoundExpr::Kind::kAnd) {
    for (const auto& c : e.children) never_true = never_true || IsNullConstant(*c);
  }
  if (never_true) *qual = BoundExpr::Constant(Value::Boolean(false));
}

Status FoldPlan(LogicalOperator* op) {
  for (auto& c : op->children) OMEN_RETURN_IF_ERROR(FoldPlan(c.get()));
  auto fold = [](BoundExprPtr& e) { return e ? Fold(&e) : Status::OK(); };
  OMEN_RETURN_IF_ERROR(fold(op->predicate));
  if (op->predicate) SimplifyQual(&op->predicate);
  OMEN_RETURN_IF_ERROR(fold(op->limit));
  OMEN_RETURN_IF_ERROR(fold(op->offset));
  for (auto& e : op->expressions) OMEN_RETURN_IF_ERROR(fold(e));
  for (auto& e : op->groups) OMEN_RETURN_IF_ERROR(fold(e));
  for (auto& a : op->aggregates) {
    for (auto& e : a.args) OMEN_RETURN_IF_ERROR(fold(e));
    for (auto& o : a.order) OMEN_RETURN_IF_ERROR(fold(o.expr));
  }
  for (auto& o : op->orders) OMEN_RETURN_IF_ERROR(fold(o.expr));
  return Status::OK();
}


// current_setting(constant name [, constant missing_ok]) -> its value now, so that it can bound
// a key range like any constant. Left to run row by row when the value is an error (PostgreSQL
// raises it only for rows that evaluate it).
void FoldSetting(BoundExprPtr* slot) {
  BoundExpr& e = **slot;
  for (auto& c : e.children) FoldSetting(&c);
  if (e.kind != BoundExpr::Kind::kSetting || e.setting_set || e.settings == nullptr) return;
  for (const auto& c : e.children) {
    if (!IsConstant(*c)) return;
  }
  const Value& name = e.children[0]->constant;
  if (name.is_null()) {
    *slot = BoundExpr::Constant(Value::Null(TypeId::kText));  // strict
    return;
  }
  std::string lower = name.GetString();
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  Result<std::string> value = e.settings->SettingValue(lower);
  if (value.ok()) {
    *slot = BoundExpr::Constant(Value::Text(*value));
    return;
  }
  const bool missing_ok = e.children.size() == 2 && !e.children[1]->constant.is_null() &&
                          e.children[1]->constant.GetBool();
  if (missing_ok && value.status().sqlstate() == std::string(sqlstate::kUndefinedObject)) {
    *slot = BoundExpr::Constant(Value::Null(TypeId::kText));
  }
}

}  // namespace

Status FoldConstants(BoundStatement* statement) {
  if (statement->kind == BoundStatement::Kind::kExplain) {
    return FoldConstants(statement->explained.get());
  }
  // current_setting is stable within a statement, unless the statement calls set_config.
  bool sets = false;
  ForEachExpressionSlot(statement, [&sets](BoundExprPtr* slot) {
    sets = sets || AnyExpression(**slot, [](const BoundExpr& e) {
             return e.kind == BoundExpr::Kind::kSetting && e.setting_set;
           });
  });
  if (!sets) ForEachExpressionSlot(statement, [](BoundExprPtr* slot) { FoldSetting(slot); });
  if (statement->plan) {
    OMEN_RETURN_IF_ERROR(FoldPlan(statement->plan.get()));
  }
  for (auto& row : statement->rows) {
    for (auto& e : row) OMEN_RETURN_IF_ERROR(Fold(&e));
  }
  return Status::OK();
}

}  // namespace omendb::sql
