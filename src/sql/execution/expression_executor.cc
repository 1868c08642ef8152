#include "sql/execution/expression_executor.h"

#include "common/stack_guard.h"
#include "sql/function/like.h"
#include "types/cast.h"

namespace omendb::sql {
namespace {

void Broadcast(const Value& v, size_t n, Vector* out) {
  for (size_t i = 0; i < n; ++i) out->SetValue(i, v);
}

// Three-valued AND/OR: false (AND) or true (OR) dominates NULL.
void CombineLogical(bool is_and, const Vector& operand, Vector* acc, size_t n) {
  uint8_t* a = acc->Data<uint8_t>();
  const uint8_t* b = operand.Data<uint8_t>();
  for (size_t i = 0; i < n; ++i) {
    bool av = acc->IsValid(i), bv = operand.IsValid(i);
    bool dominant = !is_and;  // the value that decides alone
    if ((av && (a[i] != 0) == dominant) || (bv && (b[i] != 0) == dominant)) {
      acc->SetValid(i, true);
      a[i] = dominant ? 1 : 0;
    } else if (av && bv) {
      a[i] = dominant ? 0 : 1;
    } else {
      acc->SetValid(i, false);
    }
  }
}

// Evaluates `expr` for the given rows of `input` only (so that, as in PostgreSQL, a CASE
// branch or a later COALESCE argument is not evaluated for rows that do not reach it).
// Returns one value per entry of `rows`.
Result<Vector> EvaluateRows(const BoundExpr& expr, const DataChunk& input,
                            const std::vector<uint32_t>& rows) {
  Vector out(expr.type, rows.size());
  if (rows.size() == input.size()) {
    OMEN_RETURN_IF_ERROR(Evaluate(expr, input, &out));
    return out;
  }
  DataChunk subset(input.Types(), rows.size());
  for (uint32_t r : rows) subset.AppendRowFrom(input, r);
  if (input.column_count() == 0) subset.SetSize(rows.size());
  OMEN_RETURN_IF_ERROR(Evaluate(expr, subset, &out));
  return out;
}

bool IsTrue(const Vector& v, size_t i) { return v.IsValid(i) && v.Data<uint8_t>()[i] != 0; }

Status EvaluateCase(const BoundExpr& expr, const DataChunk& input, Vector* out) {
  size_t n = input.size();
  for (size_t i = 0; i < n; ++i) out->SetValid(i, false);
  std::vector<uint32_t> remaining(n);
  for (size_t i = 0; i < n; ++i) remaining[i] = static_cast<uint32_t>(i);
  size_t pairs = (expr.children.size() - (expr.has_else ? 1 : 0)) / 2;
  for (size_t p = 0; p < pairs && !remaining.empty(); ++p) {
    Vector cond(TypeId::kBoolean);
    OMEN_ASSIGN_OR_RETURN(cond, EvaluateRows(*expr.children[2 * p], input, remaining));
    std::vector<uint32_t> taken, rest;
    for (size_t k = 0; k < remaining.size(); ++k) {
      (IsTrue(cond, k) ? taken : rest).push_back(remaining[k]);
    }
    if (!taken.empty()) {
      Vector value(expr.type);
      OMEN_ASSIGN_OR_RETURN(value, EvaluateRows(*expr.children[2 * p + 1], input, taken));
      for (size_t k = 0; k < taken.size(); ++k) out->CopyFrom(value, k, taken[k]);
    }
    remaining = std::move(rest);
  }
  if (expr.has_else && !remaining.empty()) {
    Vector value(expr.type);
    OMEN_ASSIGN_OR_RETURN(value, EvaluateRows(*expr.children.back(), input, remaining));
    for (size_t k = 0; k < remaining.size(); ++k) out->CopyFrom(value, k, remaining[k]);
  }
  return Status::OK();
}

Status EvaluateCoalesce(const BoundExpr& expr, const DataChunk& input, Vector* out) {
  size_t n = input.size();
  for (size_t i = 0; i < n; ++i) out->SetValid(i, false);
  std::vector<uint32_t> remaining(n);
  for (size_t i = 0; i < n; ++i) remaining[i] = static_cast<uint32_t>(i);
  for (const auto& child : expr.children) {
    if (remaining.empty()) break;
    Vector value(expr.type);
    OMEN_ASSIGN_OR_RETURN(value, EvaluateRows(*child, input, remaining));
    std::vector<uint32_t> rest;
    for (size_t k = 0; k < remaining.size(); ++k) {
      if (value.IsValid(k)) {
        out->CopyFrom(value, k, remaining[k]);
      } else {
        rest.push_back(remaining[k]);
      }
    }
    remaining = std::move(rest);
  }
  return Status::OK();
}

Status EvaluateChildren(const BoundExpr& expr, const DataChunk& input, std::vector<Vector>* out) {
  for (const auto& c : expr.children) {
    out->emplace_back(c->type, input.size());
    OMEN_RETURN_IF_ERROR(Evaluate(*c, input, &out->back()));
  }
  return Status::OK();
}

// a = b through the bound "=" function, row by row (valid only where both are non-NULL).
Status Equal(const BoundExpr& expr, const Vector& a, const Vector& b, size_t n, Vector* eq) {
  *eq = Vector(TypeId::kBoolean, n);
  eq->Resize(n);
  for (size_t i = 0; i < n; ++i) eq->SetValid(i, a.IsValid(i) && b.IsValid(i));
  return expr.function->kernel({&a, &b}, n, eq);
}

void SetBool(Vector* out, size_t i, std::optional<bool> v) {
  out->SetValid(i, v.has_value());
  if (v) out->Data<uint8_t>()[i] = *v ? 1 : 0;
}

Status EvaluateOther(const BoundExpr& expr, const DataChunk& input, Vector* out) {
  size_t n = input.size();
  std::vector<Vector> args;
  OMEN_RETURN_IF_ERROR(EvaluateChildren(expr, input, &args));
  switch (expr.kind) {
    case BoundExpr::Kind::kGreatest:
    case BoundExpr::Kind::kLeast: {
      int sign = expr.kind == BoundExpr::Kind::kGreatest ? 1 : -1;
      for (size_t i = 0; i < n; ++i) {
        std::optional<size_t> best;
        Value best_value;
        for (size_t a = 0; a < args.size(); ++a) {
          if (!args[a].IsValid(i)) continue;
          Value v = args[a].GetValue(i);
          if (!best || sign * Value::Compare(v, best_value) > 0) {
            best = a;
            best_value = std::move(v);
          }
        }
        if (best) {
          out->CopyFrom(args[*best], i, i);
        } else {
          out->SetValid(i, false);
        }
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kNullIf: {
      Vector eq(TypeId::kBoolean);
      OMEN_RETURN_IF_ERROR(Equal(expr, args[0], args[1], n, &eq));
      for (size_t i = 0; i < n; ++i) {
        out->CopyFrom(args[0], i, i);
        if (IsTrue(eq, i)) out->SetValid(i, false);
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kIn: {
      std::vector<std::optional<bool>> result(n, false);
      for (size_t a = 1; a < args.size(); ++a) {
        Vector eq(TypeId::kBoolean);
        OMEN_RETURN_IF_ERROR(Equal(expr, args[0], args[a], n, &eq));
        for (size_t i = 0; i < n; ++i) {
          if (result[i] == true) continue;
          if (!eq.IsValid(i)) {
            result[i] = std::nullopt;  // unknown unless a later item matches
          } else if (eq.Data<uint8_t>()[i]) {
            result[i] = true;
          }
        }
      }
      for (size_t i = 0; i < n; ++i) {
        std::optional<bool> r = result[i];
        if (r && expr.negated) r = !*r;
        SetBool(out, i, r);
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kDistinctFrom: {
      Vector eq(TypeId::kBoolean);
      OMEN_RETURN_IF_ERROR(Equal(expr, args[0], args[1], n, &eq));
      for (size_t i = 0; i < n; ++i) {
        bool an = !args[0].IsValid(i), bn = !args[1].IsValid(i);
        bool distinct = (an || bn) ? an != bn : !IsTrue(eq, i);
        SetBool(out, i, expr.negated ? !distinct : distinct);
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kLike: {
      for (size_t i = 0; i < n; ++i) {
        bool null = false;
        for (const Vector& a : args) null = null || !a.IsValid(i);
        if (null) {
          SetBool(out, i, std::nullopt);
          continue;
        }
        std::optional<std::string_view> escape = std::string_view("\\");
        if (args.size() == 3) {
          OMEN_ASSIGN_OR_RETURN(escape, LikeEscape(args[2].Strings()[i]));
        }
        bool m;
        OMEN_ASSIGN_OR_RETURN(m, LikeMatch(args[0].Strings()[i], args[1].Strings()[i], escape,
                                           expr.case_insensitive));
        SetBool(out, i, m != expr.negated);
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kBoolTest: {
      for (size_t i = 0; i < n; ++i) {
        bool valid = args[0].IsValid(i), v = valid && args[0].Data<uint8_t>()[i] != 0;
        bool r = false;
        switch (expr.bool_test) {
          case 0: r = valid && v; break;     // IS TRUE
          case 1: r = !(valid && v); break;  // IS NOT TRUE
          case 2: r = valid && !v; break;    // IS FALSE
          case 3: r = !(valid && !v); break; // IS NOT FALSE
          case 4: r = !valid; break;         // IS UNKNOWN
          default: r = valid; break;         // IS NOT UNKNOWN
        }
        SetBool(out, i, r);
      }
      return Status::OK();
    }
    default:
      return InternalError("unexpected expression kind");
  }
}

}  // namespace

Status Evaluate(const BoundExpr& expr, const DataChunk& input, Vector* out) {
  OMEN_RETURN_IF_ERROR(CheckStackDepth());
  size_t n = input.size();
  *out = Vector(expr.type, n);
  out->Resize(n);
  switch (expr.kind) {
    case BoundExpr::Kind::kColumn: {
      const Vector& src = input.column(expr.column);
      *out = src;
      return Status::OK();
    }
    case BoundExpr::Kind::kConstant:
      Broadcast(expr.constant, n, out);
      return Status::OK();
    case BoundExpr::Kind::kFunction: {
      std::vector<Vector> args;
      args.reserve(expr.children.size());
      for (const auto& c : expr.children) {
        args.emplace_back(c->type, n);
        OMEN_RETURN_IF_ERROR(Evaluate(*c, input, &args.back()));
      }
      std::vector<const Vector*> ptrs;
      for (const Vector& a : args) ptrs.push_back(&a);
      if (expr.function->strict) {
        for (size_t i = 0; i < n; ++i) {
          bool valid = true;
          for (const Vector& a : args) valid = valid && a.IsValid(i);
          out->SetValid(i, valid);
        }
      }
      return expr.function->kernel(ptrs, n, out);
    }
    case BoundExpr::Kind::kCast: {
      Vector arg(expr.children[0]->type, n);
      OMEN_RETURN_IF_ERROR(Evaluate(*expr.children[0], input, &arg));
      for (size_t i = 0; i < n; ++i) {
        Value v;
        OMEN_ASSIGN_OR_RETURN(v, CastValue(arg.GetValue(i), expr.type));
        out->SetValue(i, v);
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kAnd:
    case BoundExpr::Kind::kOr: {
      OMEN_RETURN_IF_ERROR(Evaluate(*expr.children[0], input, out));
      for (size_t c = 1; c < expr.children.size(); ++c) {
        Vector operand(TypeId::kBoolean, n);
        OMEN_RETURN_IF_ERROR(Evaluate(*expr.children[c], input, &operand));
        CombineLogical(expr.kind == BoundExpr::Kind::kAnd, operand, out, n);
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kNot: {
      OMEN_RETURN_IF_ERROR(Evaluate(*expr.children[0], input, out));
      uint8_t* d = out->Data<uint8_t>();
      for (size_t i = 0; i < n; ++i) d[i] = d[i] ? 0 : 1;
      return Status::OK();
    }
    case BoundExpr::Kind::kIsNull:
    case BoundExpr::Kind::kIsNotNull: {
      Vector arg(expr.children[0]->type, n);
      OMEN_RETURN_IF_ERROR(Evaluate(*expr.children[0], input, &arg));
      bool want_null = expr.kind == BoundExpr::Kind::kIsNull;
      for (size_t i = 0; i < n; ++i) {
        out->SetValid(i, true);
        out->Data<uint8_t>()[i] = (arg.IsValid(i) != want_null) ? 1 : 0;
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kCase:
      return EvaluateCase(expr, input, out);
    case BoundExpr::Kind::kCoalesce:
      return EvaluateCoalesce(expr, input, out);
    case BoundExpr::Kind::kSubquery:
      return InternalError("subquery evaluated before it was resolved");
    default:
      return EvaluateOther(expr, input, out);
  }
}

Result<Value> EvaluateConstant(const BoundExpr& expr) {
  DataChunk one;
  one.SetSize(1);
  Vector out(expr.type, 1);
  OMEN_RETURN_IF_ERROR(Evaluate(expr, one, &out));
  return out.GetValue(0);
}

}  // namespace omendb::sql
