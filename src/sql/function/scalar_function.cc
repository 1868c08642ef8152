#include "sql/function/scalar_function.h"

#include <cmath>
#include <limits>
#include <memory>

#include "sql/function/function_table.h"
#include "types/pg_text.h"
#include "types/type_io.h"

namespace omendb::sql {
namespace {

Status IntOverflow(LogicalType t) {
  return Status(sqlstate::kNumericValueOutOfRange, std::string(t.sql_name()) + " out of range");
}
Status DivisionByZero() { return Status(sqlstate::kDivisionByZero, "division by zero"); }

template <typename T>
constexpr TypeId TypeOf() {
  if constexpr (std::is_same_v<T, int16_t>) return TypeId::kSmallInt;
  if constexpr (std::is_same_v<T, int32_t>) return TypeId::kInteger;
  if constexpr (std::is_same_v<T, int64_t>) return TypeId::kBigInt;
  if constexpr (std::is_same_v<T, float>) return TypeId::kReal;
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
      T v;
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
  if constexpr (std::is_integral_v<T>) {
    // Every row, NULL ones too (their result is ignored: the output is invalid there), from
    // local pointers: a branch-free loop the compiler vectorizes.
    const T* x = a.Data<T>();
    const T* y = b.Data<T>();
    for (size_t i = 0; i < n; ++i) {
      const int c = (x[i] > y[i]) - (x[i] < y[i]);
      r[i] = Test<kCmp>(c) ? 1 : 0;
    }
    return Status::OK();
  }
  for (size_t i = 0; i < n; ++i) {
    if (!a.IsValid(i) || !b.IsValid(i)) continue;
    int c;
    if constexpr (std::is_same_v<T, std::string>) {
      int raw = a.Strings()[i].compare(b.Strings()[i]);
      c = raw < 0 ? -1 : (raw > 0 ? 1 : 0);
    } else if constexpr (std::is_same_v<T, void>) {
      c = CompareCells(a, i, b, i);  // types with their own order (numeric, char(n), ...)
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

// PostgreSQL's cross-type float4/float8 operators (float48pl...): the real operand is widened
// to double precision, then `kKernel` (a double precision kernel) runs.
template <ScalarKernel kKernel>
Status WidenReal(const std::vector<const Vector*>& args, size_t n, Vector* out) {
  std::vector<Vector> widened;
  widened.reserve(args.size());
  std::vector<const Vector*> use;
  for (const Vector* a : args) {
    if (a->type().id() != TypeId::kReal) {
      use.push_back(a);
      continue;
    }
    Vector& w = widened.emplace_back(TypeId::kDouble, n);
    w.Resize(n);
    for (size_t i = 0; i < n; ++i) {
      w.SetValid(i, a->IsValid(i));
      w.Data<double>()[i] = a->Data<float>()[i];
    }
    use.push_back(&w);
  }
  return kKernel(use, n, out);
}

enum class Bit { kAnd, kOr, kXor, kShl, kShr };

// PostgreSQL's integer bitwise operators; shifts take an integer count (taken modulo the
// width as C does on x86, as PostgreSQL's do).
template <typename T, Bit kOp>
Status BitKernel(const std::vector<const Vector*>& args, size_t n, Vector* out) {
  const Vector& a = *args[0];
  const Vector& b = *args[1];
  for (size_t i = 0; i < n; ++i) {
    if (!a.IsValid(i) || !b.IsValid(i)) continue;
    T x = a.Data<T>()[i];
    using U = std::make_unsigned_t<T>;
    if constexpr (kOp == Bit::kShl || kOp == Bit::kShr) {
      int32_t s = b.Data<int32_t>()[i] & static_cast<int32_t>(sizeof(T) * 8 - 1);
      out->Data<T>()[i] = kOp == Bit::kShl ? static_cast<T>(static_cast<U>(x) << s)
                                            : static_cast<T>(x >> s);
    } else {
      T y = b.Data<T>()[i];
      out->Data<T>()[i] = kOp == Bit::kAnd ? static_cast<T>(x & y)
                          : kOp == Bit::kOr ? static_cast<T>(x | y)
                                            : static_cast<T>(x ^ y);
    }
  }
  return Status::OK();
}

template <typename T>
Status BitNotKernel(const std::vector<const Vector*>& args, size_t n, Vector* out) {
  for (size_t i = 0; i < n; ++i) {
    if (args[0]->IsValid(i)) out->Data<T>()[i] = static_cast<T>(~args[0]->Data<T>()[i]);
  }
  return Status::OK();
}

// Prefix @: absolute value (overflow for the minimum integer).
template <typename T>
Status AbsKernel(const std::vector<const Vector*>& args, size_t n, Vector* out) {
  for (size_t i = 0; i < n; ++i) {
    if (!args[0]->IsValid(i)) continue;
    T x = args[0]->Data<T>()[i];
    if constexpr (!std::is_floating_point_v<T>) {
      if (x == std::numeric_limits<T>::min()) return IntOverflow(TypeOf<T>());
      out->Data<T>()[i] = static_cast<T>(x < 0 ? -x : x);
    } else {
      out->Data<T>()[i] = std::fabs(x);
    }
  }
  return Status::OK();
}

template <typename T>
void AddArith(FunctionTable* t) {
  LogicalType ty = TypeOf<T>();
  t->Add("+", {ty, ty}, ty, ArithKernel<T, Arith::kAdd>, true);
  t->Add("-", {ty, ty}, ty, ArithKernel<T, Arith::kSub>, true);
  t->Add("*", {ty, ty}, ty, ArithKernel<T, Arith::kMul>, true);
  t->Add("/", {ty, ty}, ty, ArithKernel<T, Arith::kDiv>, true);
  if constexpr (!std::is_floating_point_v<T>) {
    t->Add("%", {ty, ty}, ty, ArithKernel<T, Arith::kMod>, true);
  }
  t->Add("-", {ty}, ty, NegateKernel<T>, true);
  t->Add("+", {ty}, ty, IdentityKernel<T>, true);
  t->Add("@", {ty}, ty, AbsKernel<T>, true);
  if constexpr (!std::is_floating_point_v<T>) {
    const LogicalType i4 = TypeId::kInteger;
    t->Add("&", {ty, ty}, ty, BitKernel<T, Bit::kAnd>, true);
    t->Add("|", {ty, ty}, ty, BitKernel<T, Bit::kOr>, true);
    t->Add("#", {ty, ty}, ty, BitKernel<T, Bit::kXor>, true);
    t->Add("<<", {ty, i4}, ty, BitKernel<T, Bit::kShl>, true);
    t->Add(">>", {ty, i4}, ty, BitKernel<T, Bit::kShr>, true);
    t->Add("~", {ty}, ty, BitNotKernel<T>, true);
  }
}

template <typename T>
void AddCompare(FunctionTable* t, LogicalType ty) {
  LogicalType b = TypeId::kBoolean;
  t->Add("=", {ty, ty}, b, CompareKernel<T, Cmp::kEq>, true);
  t->Add("<>", {ty, ty}, b, CompareKernel<T, Cmp::kNe>, true);
  t->Add("<", {ty, ty}, b, CompareKernel<T, Cmp::kLt>, true);
  t->Add("<=", {ty, ty}, b, CompareKernel<T, Cmp::kLe>, true);
  t->Add(">", {ty, ty}, b, CompareKernel<T, Cmp::kGt>, true);
  t->Add(">=", {ty, ty}, b, CompareKernel<T, Cmp::kGe>, true);
}

const FunctionTable& Operators() {
  static const FunctionTable* table = [] {
    auto* t = new FunctionTable();
    AddArith<int16_t>(t);
    AddArith<int32_t>(t);
    AddArith<int64_t>(t);
    AddArith<float>(t);
    AddArith<double>(t);
    AddCompare<uint8_t>(t, TypeId::kBoolean);
    AddCompare<int16_t>(t, TypeId::kSmallInt);
    AddCompare<int32_t>(t, TypeId::kInteger);
    AddCompare<int64_t>(t, TypeId::kBigInt);
    AddCompare<float>(t, TypeId::kReal);
    AddCompare<double>(t, TypeId::kDouble);
    AddCompare<std::string>(t, TypeId::kText);
    AddCompare<std::string>(t, TypeId::kBytea);
    for (TypeId id : {TypeId::kNumeric, TypeId::kChar, TypeId::kInterval, TypeId::kUuid}) {
      AddCompare<void>(t, id);
    }
    AddCompare<int32_t>(t, TypeId::kDate);
    for (TypeId id : {TypeId::kTime, TypeId::kTimestamp, TypeId::kTimestampTz}) {
      AddCompare<int64_t>(t, id);
    }
    const LogicalType r = TypeId::kReal, d = TypeId::kDouble, b = TypeId::kBoolean;
    for (const auto& args : {std::vector<LogicalType>{r, d}, std::vector<LogicalType>{d, r}}) {
      t->Add("+", args, d, WidenReal<ArithKernel<double, Arith::kAdd>>, true);
      t->Add("-", args, d, WidenReal<ArithKernel<double, Arith::kSub>>, true);
      t->Add("*", args, d, WidenReal<ArithKernel<double, Arith::kMul>>, true);
      t->Add("/", args, d, WidenReal<ArithKernel<double, Arith::kDiv>>, true);
      t->Add("=", args, b, WidenReal<CompareKernel<double, Cmp::kEq>>, true);
      t->Add("<>", args, b, WidenReal<CompareKernel<double, Cmp::kNe>>, true);
      t->Add("<", args, b, WidenReal<CompareKernel<double, Cmp::kLt>>, true);
      t->Add("<=", args, b, WidenReal<CompareKernel<double, Cmp::kLe>>, true);
      t->Add(">", args, b, WidenReal<CompareKernel<double, Cmp::kGt>>, true);
      t->Add(">=", args, b, WidenReal<CompareKernel<double, Cmp::kGe>>, true);
    }
    t->Add("^", {d, d}, d, PowerFloat8, true);
    t->Add("||", {TypeId::kText, TypeId::kText}, TypeId::kText, ConcatKernel, true);
    t->Add("||", {TypeId::kBytea, TypeId::kBytea}, TypeId::kBytea, ConcatKernel, true);
    AddNumericOperators(t);
    AddDateTimeOperators(t);
    return t;
  }();
  return *table;
}

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
  bool ambiguous = false;
  const ScalarFunction* f = Operators().Select(name, arg_types, arg_types.size() == 2, &ambiguous);
  if (f != nullptr) return f;
  if (ambiguous) {
    std::string sig = arg_types.size() == 1 ? name + " " + arg_types[0].sql_name()
                                            : std::string(arg_types[0].sql_name()) + " " + name +
                                                  " " + arg_types[1].sql_name();
    return Status("42725", "operator is not unique: " + sig, "",
                  "Could not choose a best candidate operator. You might need to add explicit "
                  "type casts.");
  }
  return NoSuchOperator(name, arg_types);
}

}  // namespace omendb::sql
