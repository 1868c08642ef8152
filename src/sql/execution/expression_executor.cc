#include "sql/execution/expression_executor.h"

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

}  // namespace

Status Evaluate(const BoundExpr& expr, const DataChunk& input, Vector* out) {
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
      for (size_t i = 0; i < n; ++i) {
        bool valid = true;
        for (const Vector& a : args) valid = valid && a.IsValid(i);
        out->SetValid(i, valid);
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
  }
  return InternalError("unknown bound expression kind");
}

Result<Value> EvaluateConstant(const BoundExpr& expr) {
  DataChunk one;
  one.SetSize(1);
  Vector out(expr.type, 1);
  OMEN_RETURN_IF_ERROR(Evaluate(expr, one, &out));
  return out.GetValue(0);
}

}  // namespace omendb::sql
