#include "sql/function/scalar_function.h"

#include <cmath>
#include <limits>
#include <memory>

#include "types/pg_text.h"

namespace omendb::sql {
namespace {

Status IntOverflow(LogicalType t) {
  return Status(sqlstate::kNumericValueOutOfRange,
                t.id() == TypeId::kBigInt ? "bigint out of range" : "integer out of range");
}
Status DivisionByZero() { return Status(sqlstate::kDivisionByZero, "division by zero"); }

template <typename T>
constexpr TypeId TypeOf() {
  if constexpr (std::is_same_v<T, int32_t>) return TypeId::kInteger;
  if constexpr (std::is_same_v<T, int64_t>) return TypeId::kBigInt;
  return TypeId::kDouble;
}

enum class Arith { kAdd, kSub, kMul, kDiv, kMod };

template <typename T, Arith kOp>
Status ArithKernel(const std::vector<const Vector*>& args, size_t n, Vector* out) {
  const Vector& a = *args[0];
  const Vector& b = *args[1];
  const T* x = a.Data<T>();
  const T* y = b.Data<T>();
  T* r = out->Data<T>();
  for (size_t i = 0; i < n; ++i) {
    if (!a.IsValid(i) || !b.IsValid(i)) continue;
    if constexpr (std::is_floating_point_v<T>) {
      double v;
      if constexpr (kOp == Arith::kAdd) v = x[i] + y[i];
      if constexpr (kOp == Arith::kSub) v = x[i] - y[i];
      if constexpr (kOp == Arith::kMul) v = x[i] * y[i];
      if constexpr (kOp == Arith::kDiv) {
        if (y[i] == 0 && !std::isnan(x[i])) return DivisionByZero();  // NaN / 0 is NaN
        v = x[i] / y[i];
      }
      if (std::isinf(v) && !std::isinf(x[i]) && !std::isinf(y[i])) {
        return Status(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
      }
      // PostgreSQL's float8mul/float8div: a zero result from non-zero (finite) operands.
      bool underflow = false;
      if constexpr (kOp == Arith::kMul) underflow = v == 0 && x[i] != 0 && y[i] != 0;
      if constexpr (kOp == Arith::kDiv) underflow = v == 0 && x[i] != 0 && !std::isinf(y[i]);
      if (underflow) return Status(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
      r[i] = v;
    } else {
      T v;
      bool overflow = false;
      if constexpr (kOp == Arith::kAdd) overflow = __builtin_add_overflow(x[i], y[i], &v);
      if constexpr (kOp == Arith::kSub) overflow = __builtin_sub_overflow(x[i], y[i], &v);
      if constexpr (kOp == Arith::kMul) overflow = __builtin_mul_overflow(x[i], y[i], &v);
      if constexpr (kOp == Arith::kDiv || kOp == Arith::kMod) {
        if (y[i] == 0) return DivisionByZero();
        if (y[i] == -1) {
          // PostgreSQL: MIN / -1 overflows; MIN % -1 is 0.
          if constexpr (kOp == Arith::kDiv) {
            overflow = x[i] == std::numeric_limits<T>::min();
            v = static_cast<T>(overflow ? 0 : -x[i]);
          } else {
            v = 0;
          }
        } else {
          v = kOp == Arith::kDiv ? static_cast<T>(x[i] / y[i]) : static_cast<T>(x[i] % y[i]);
        }
      }
      if (overflow) return IntOverflow(TypeOf<T>());
      r[i] = v;
    }
  }
  return Status::OK();
}

template <typename T>
Status NegateKernel(const std::vector<const Vector*>& args, size_t n, Vector* out) {
  const Vector& a = *args[0];
  for (size_t i = 0; i < n; ++i) {
    if (!a.IsValid(i)) continue;
    T x = a.Data<T>()[i];
    if constexpr (!std::is_floating_point_v<T>) {
      if (x == std::numeric_limits<T>::min()) return IntOverflow(TypeOf<T>());
    }
    out->Data<T>()[i] = -x;
  }
  return Status::OK();
}

template <typename T>
Status IdentityKernel(const std::vector<const Vector*>& args, size_t n, Vector* out) {
  for (size_t i = 0; i < n; ++i) {
    if (args[0]->IsValid(i)) out->Data<T>()[i] = args[0]->Data<T>()[i];
  }
  return Status::OK();
}

enum class Cmp { kEq, kNe, kLt, kLe, kGt, kGe };

template <Cmp kCmp>
bool Test(int c) {
  switch (kCmp) {
    case Cmp::kEq: return c == 0;
    case Cmp::kNe: return c != 0;
    case Cmp::kLt: return c < 0;
    case Cmp::kLe: return c <= 0;
    case Cmp::kGt: return c > 0;
    case Cmp::kGe: return c >= 0;
  }
  return false;
}

template <typename T, Cmp kCmp>
Status CompareKernel(const std::vector<const Vector*>& args, size_t n, Vector* out) {
  const Vector& a = *args[0];
  const Vector& b = *args[1];
  uint8_t* r = out->Data<uint8_t>();
  for (size_t i = 0; i < n; ++i) {
    if (!a.IsValid(i) || !b.IsValid(i)) continue;
    int c;
    if constexpr (std::is_same_v<T, std::string>) {
      int raw = a.Strings()[i].compare(b.Strings()[i]);
      c = raw < 0 ? -1 : (raw > 0 ? 1 : 0);
    } else if constexpr (std::is_floating_point_v<T>) {
      c = CompareFloat8(a.Data<T>()[i], b.Data<T>()[i]);
    } else {
      T x = a.Data<T>()[i], y = b.Data<T>()[i];
      c = x < y ? -1 : (x > y ? 1 : 0);
    }
    r[i] = Test<kCmp>(c) ? 1 : 0;
  }
  return Status::OK();
}

Status ConcatKernel(const std::vector<const Vector*>& args, size_t n, Vector* out) {
  for (size_t i = 0; i < n; ++i) {
    if (args[0]->IsValid(i) && args[1]->IsValid(i)) {
      out->Strings()[i] = args[0]->Strings()[i] + args[1]->Strings()[i];
    }
  }
  return Status::OK();
}

class Registry {
 public:
  Registry() {
    AddArith<int32_t>();
    AddArith<int64_t>();
    AddArith<double>();
    AddCompare<uint8_t>(TypeId::kBoolean);
    AddCompare<int32_t>(TypeId::kInteger);
    AddCompare<int64_t>(TypeId::kBigInt);
    AddCompare<double>(TypeId::kDouble);
    AddCompare<std::string>(TypeId::kText);
    Add("||", {TypeId::kText, TypeId::kText}, TypeId::kText, ConcatKernel);
  }

  const ScalarFunction* Find(const std::string& name, const std::vector<LogicalType>& args) const {
    for (const auto& f : functions_) {
      if (f->name == name && f->arg_types == args) return f.get();
    }
    return nullptr;
  }
  bool HasName(const std::string& name) const {
    for (const auto& f : functions_) {
      if (f->name == name) return true;
    }
    return false;
  }

 private:
  void Add(std::string name, std::vector<LogicalType> args, LogicalType ret, ScalarKernel k) {
    functions_.push_back(std::make_unique<ScalarFunction>(
        ScalarFunction{std::move(name), std::move(args), ret, k}));
  }
  template <typename T>
  void AddArith() {
    LogicalType t = TypeOf<T>();
    Add("+", {t, t}, t, ArithKernel<T, Arith::kAdd>);
    Add("-", {t, t}, t, ArithKernel<T, Arith::kSub>);
    Add("*", {t, t}, t, ArithKernel<T, Arith::kMul>);
    Add("/", {t, t}, t, ArithKernel<T, Arith::kDiv>);
    if constexpr (!std::is_floating_point_v<T>) Add("%", {t, t}, t, ArithKernel<T, Arith::kMod>);
    Add("-", {t}, t, NegateKernel<T>);
    Add("+", {t}, t, IdentityKernel<T>);
  }
  template <typename T>
  void AddCompare(TypeId id) {
    LogicalType t = id;
    LogicalType b = TypeId::kBoolean;
    Add("=", {t, t}, b, CompareKernel<T, Cmp::kEq>);
    Add("<>", {t, t}, b, CompareKernel<T, Cmp::kNe>);
    Add("<", {t, t}, b, CompareKernel<T, Cmp::kLt>);
    Add("<=", {t, t}, b, CompareKernel<T, Cmp::kLe>);
    Add(">", {t, t}, b, CompareKernel<T, Cmp::kGt>);
    Add(">=", {t, t}, b, CompareKernel<T, Cmp::kGe>);
  }

  std::vector<std::unique_ptr<ScalarFunction>> functions_;
};

const Registry& GetRegistry() {
  static const Registry* r = new Registry();
  return *r;
}

int NumericRank(TypeId id) {
  switch (id) {
    case TypeId::kInteger: return 1;
    case TypeId::kBigInt: return 2;
    case TypeId::kDouble: return 3;
    default: return 0;
  }
}

bool IsUntyped(TypeId id) { return id == TypeId::kUnknown || id == TypeId::kNull; }

Status NoSuchOperator(const std::string& name, const std::vector<LogicalType>& args) {
  std::string sig = args.size() == 1 ? name + " " + args[0].sql_name()
                                     : std::string(args[0].sql_name()) + " " + name + " " +
                                           args[1].sql_name();
  return Status(sqlstate::kUndefinedFunction, "operator does not exist: " + sig, "",
                "No operator matches the given name and argument types. You might need to add "
                "explicit type casts.");
}

}  // namespace

Result<const ScalarFunction*> ResolveOperator(const std::string& name,
                                              const std::vector<LogicalType>& arg_types) {
  const Registry& reg = GetRegistry();
  std::vector<LogicalType> args = arg_types;
  if (args.size() == 2) {
    TypeId a = args[0].id(), b = args[1].id();
    if (IsUntyped(a) && IsUntyped(b)) {
      // Comparisons of two untyped literals compare text; arithmetic has no preferred type.
      if (name == "+" || name == "-" || name == "*" || name == "/" || name == "%") {
        return Status("42725", "operator is not unique: unknown " + name + " unknown", "",
                      "Could not choose a best candidate operator. You might need to add "
                      "explicit type casts.");
      }
      args[0] = args[1] = TypeId::kText;
    } else if (IsUntyped(a)) {
      args[0] = args[1];
    } else if (IsUntyped(b)) {
      args[1] = args[0];
    }
    a = args[0].id();
    b = args[1].id();
    bool a_num = a == TypeId::kNumericLiteral, b_num = b == TypeId::kNumericLiteral;
    if (a_num || b_num) {
      // A decimal literal meets double precision as double precision; with integers or
      // another decimal PostgreSQL computes in numeric, which is not available yet.
      if ((a_num && b == TypeId::kDouble) || (b_num && a == TypeId::kDouble)) {
        args[0] = args[1] = TypeId::kDouble;
      } else if ((a_num || NumericRank(a) > 0) && (b_num || NumericRank(b) > 0)) {
        return NotSupported("type numeric");
      }
    } else if (NumericRank(a) > 0 && NumericRank(b) > 0) {
      args[0] = args[1] = NumericRank(a) >= NumericRank(b) ? args[0] : args[1];
    }
  } else if (args.size() == 1) {
    if (args[0].id() == TypeId::kNumericLiteral) return NotSupported("type numeric");
    if (IsUntyped(args[0].id())) {
      return Status(sqlstate::kUndefinedFunction,
                    "operator is not unique: " + name + " unknown", "",
                    "Could not choose a best candidate operator. You might need to add explicit "
                    "type casts.");
    }
  }
  if (const ScalarFunction* f = reg.Find(name, args)) return f;
  return NoSuchOperator(name, arg_types);
}

}  // namespace omendb::sql
