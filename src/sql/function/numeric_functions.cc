// numeric operators and functions: exact decimal arithmetic on numeric's canonical text form
// (types/numeric.h), with PostgreSQL's result scales and errors.
#include "sql/function/function_table.h"
#include "types/numeric.h"

namespace omendb::sql {
namespace {

using Args = std::vector<const Vector*>;

Result<Numeric> Arg(const Args& a, size_t k, size_t i) { return Numeric::Parse(a[k]->Strings()[i]); }

// Applies fn(row) -> Result<Numeric> to every row whose arguments are all valid.
template <typename Fn>
Status ForEachRow(const Args& a, size_t n, Vector* out, Fn fn) {
  for (size_t i = 0; i < n; ++i) {
    bool valid = true;
    for (const Vector* v : a) valid = valid && v->IsValid(i);
    if (!valid) continue;
    Result<Numeric> r = fn(i);
    if (!r.ok()) return r.status();
    out->Strings()[i] = r->ToString();
  }
  return Status::OK();
}

template <Result<Numeric> (*kOp)(const Numeric&, const Numeric&)>
Status Binary(const Args& a, size_t n, Vector* out) {
  return ForEachRow(a, n, out, [&](size_t i) -> Result<Numeric> {
    Numeric x, y;
    OMEN_ASSIGN_OR_RETURN(x, Arg(a, 0, i));
    OMEN_ASSIGN_OR_RETURN(y, Arg(a, 1, i));
    return kOp(x, y);
  });
}

Status Negate(const Args& a, size_t n, Vector* out) {
  return ForEachRow(a, n, out, [&](size_t i) -> Result<Numeric> {
    Numeric x;
    OMEN_ASSIGN_OR_RETURN(x, Arg(a, 0, i));
    return x.Negate();
  });
}

Status Identity(const Args& a, size_t n, Vector* out) {
  for (size_t i = 0; i < n; ++i) {
    if (a[0]->IsValid(i)) out->Strings()[i] = a[0]->Strings()[i];
  }
  return Status::OK();
}

enum class Fn { kAbs, kCeil, kFloor, kSign, kSqrt, kRound, kTrunc, kExp, kLn, kLog10 };

template <Fn kFn>
Status Unary(const Args& a, size_t n, Vector* out) {
  return ForEachRow(a, n, out, [&](size_t i) -> Result<Numeric> {
    Numeric x;
    OMEN_ASSIGN_OR_RETURN(x, Arg(a, 0, i));
    int scale = a.size() > 1 ? a[1]->Data<int32_t>()[i] : 0;
    switch (kFn) {
      case Fn::kAbs: return x.Abs();
      case Fn::kCeil: return x.Ceil();
      case Fn::kFloor: return x.Floor();
      case Fn::kSign: return x.Sign();
      case Fn::kSqrt: return x.Sqrt();
      case Fn::kRound: return x.Round(scale);
      case Fn::kTrunc: return x.Trunc(scale);
      case Fn::kExp: return x.Exp();
      case Fn::kLn: return x.Ln();
      case Fn::kLog10: return x.Log10();
    }
    return x;
  });
}

const LogicalType N = TypeId::kNumeric;
const LogicalType I = TypeId::kInteger;

}  // namespace

void AddNumericOperators(FunctionTable* t) {
  t->Add("+", {N, N}, N, Binary<Numeric::Add>, true);
  t->Add("-", {N, N}, N, Binary<Numeric::Sub>, true);
  t->Add("*", {N, N}, N, Binary<Numeric::Mul>, true);
  t->Add("/", {N, N}, N, Binary<Numeric::Div>, true);
  t->Add("%", {N, N}, N, Binary<Numeric::Mod>, true);
  t->Add("^", {N, N}, N, Binary<Numeric::Power>, true);
  t->Add("-", {N}, N, Negate, true);
  t->Add("+", {N}, N, Identity, true);
}

void AddNumericFunctions(FunctionTable* t) {
  t->Add("abs", {N}, N, Unary<Fn::kAbs>, false);
  for (const char* name : {"ceil", "ceiling"}) t->Add(name, {N}, N, Unary<Fn::kCeil>, false);
  t->Add("floor", {N}, N, Unary<Fn::kFloor>, false);
  t->Add("sign", {N}, N, Unary<Fn::kSign>, false);
  t->Add("sqrt", {N}, N, Unary<Fn::kSqrt>, false);
  t->Add("round", {N}, N, Unary<Fn::kRound>, false);
  t->Add("round", {N, I}, N, Unary<Fn::kRound>, false);
  t->Add("trunc", {N}, N, Unary<Fn::kTrunc>, false);
  t->Add("trunc", {N, I}, N, Unary<Fn::kTrunc>, false);
  t->Add("mod", {N, N}, N, Binary<Numeric::Mod>, false);
  t->Add("exp", {N}, N, Unary<Fn::kExp>, false);
  t->Add("ln", {N}, N, Unary<Fn::kLn>, false);
  t->Add("log", {N}, N, Unary<Fn::kLog10>, false);
  t->Add("log10", {N}, N, Unary<Fn::kLog10>, false);
  t->Add("log", {N, N}, N, Binary<Numeric::Log>, false);
  for (const char* name : {"power", "pow"}) t->Add(name, {N, N}, N, Binary<Numeric::Power>, false);
}

}  // namespace omendb::sql
