// Built-in scalar functions (string and math), with PostgreSQL's results and errors.
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "sql/function/scalar_function.h"
#include "types/pg_text.h"

namespace omendb::sql {
namespace {

using Args = std::vector<const Vector*>;

// Byte offsets of the UTF-8 characters of s, plus s.size() at the end.
std::vector<size_t> CharOffsets(const std::string& s) {
  std::vector<size_t> off;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) off.push_back(i);
  }
  off.push_back(s.size());
  return off;
}

// Characters [from, from + count) of s (clamped), by character index.
std::string Chars(const std::string& s, int64_t from, int64_t count) {
  std::vector<size_t> off = CharOffsets(s);
  int64_t n = static_cast<int64_t>(off.size()) - 1;
  int64_t b = std::clamp<int64_t>(from, 0, n), e = std::clamp<int64_t>(from + count, 0, n);
  if (e <= b) return "";
  return s.substr(off[b], off[e] - off[b]);
}

// Applies fn(row) -> Result<T> for valid rows, writing results of type T.
template <typename T, typename Fn>
Status ForEach(const Args& args, size_t n, Vector* out, Fn fn) {
  for (size_t i = 0; i < n; ++i) {
    if (!out->IsValid(i)) continue;
    Result<T> r = fn(i);
    if (!r.ok()) return r.status();
    if constexpr (std::is_same_v<T, std::string>) {
      out->Strings()[i] = std::move(r).value();
    } else if constexpr (std::is_same_v<T, bool>) {
      out->Data<uint8_t>()[i] = *r ? 1 : 0;
    } else {
      out->Data<T>()[i] = *r;
    }
  }
  return Status::OK();
}

const std::string& Str(const Args& a, size_t k, size_t i) { return a[k]->Strings()[i]; }
int32_t Int(const Args& a, size_t k, size_t i) { return a[k]->Data<int32_t>()[i]; }
double Dbl(const Args& a, size_t k, size_t i) { return a[k]->Data<double>()[i]; }

Status MathError(const char* code, const char* message) { return Status(code, message); }

Result<double> CheckOverflow(double r, bool inputs_finite) {
  if (std::isinf(r) && inputs_finite) {
    return Status(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
  }
  return r;
}

template <typename T>
Status Abs(const Args& a, size_t n, Vector* out) {
  return ForEach<T>(a, n, out, [&](size_t i) -> Result<T> {
    T x = a[0]->Data<T>()[i];
    if constexpr (!std::is_floating_point_v<T>) {
      if (x == std::numeric_limits<T>::min()) {
        return Status(sqlstate::kNumericValueOutOfRange,
                      sizeof(T) == 4 ? "integer out of range" : "bigint out of range");
      }
    }
    if constexpr (std::is_floating_point_v<T>) return std::fabs(x);  // abs(-0) is 0
    return x < 0 ? -x : x;
  });
}

template <typename T>
Status Mod(const Args& a, size_t n, Vector* out) {
  return ForEach<T>(a, n, out, [&](size_t i) -> Result<T> {
    T x = a[0]->Data<T>()[i], y = a[1]->Data<T>()[i];
    if (y == 0) return Status(sqlstate::kDivisionByZero, "division by zero");
    if (y == -1) return T{0};
    return static_cast<T>(x % y);
  });
}

template <double (*F)(double)>
Status Unary(const Args& a, size_t n, Vector* out) {
  return ForEach<double>(a, n, out, [&](size_t i) -> Result<double> { return F(Dbl(a, 0, i)); });
}

double Sign(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : (std::isnan(x) ? x : 0.0)); }
double RoundHalfEven(double x) { return std::nearbyint(x); }

Status Sqrt(const Args& a, size_t n, Vector* out) {
  return ForEach<double>(a, n, out, [&](size_t i) -> Result<double> {
    double x = Dbl(a, 0, i);
    if (x < 0) return MathError("2201F", "cannot take square root of a negative number");
    return std::sqrt(x);
  });
}

template <bool kBase10>
Status Log(const Args& a, size_t n, Vector* out) {
  return ForEach<double>(a, n, out, [&](size_t i) -> Result<double> {
    double x = Dbl(a, 0, i);
    if (x == 0) return MathError("2201E", "cannot take logarithm of zero");
    if (x < 0) return MathError("2201E", "cannot take logarithm of a negative number");
    return kBase10 ? std::log10(x) : std::log(x);
  });
}

Status Exp(const Args& a, size_t n, Vector* out) {
  return ForEach<double>(a, n, out, [&](size_t i) -> Result<double> {
    double x = Dbl(a, 0, i);
    double r = std::exp(x);
    if (r == 0 && !std::isinf(x)) {
      return Status(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
    }
    return CheckOverflow(r, !std::isinf(x));
  });
}

Status Power(const Args& a, size_t n, Vector* out) {
  return ForEach<double>(a, n, out, [&](size_t i) -> Result<double> {
    double x = Dbl(a, 0, i), y = Dbl(a, 1, i);
    if (x == 0 && y < 0) return MathError("2201F", "zero raised to a negative power is undefined");
    if (x < 0 && std::floor(y) != y && std::isfinite(y)) {
      return MathError("2201F",
                       "a negative number raised to a non-integer power yields a complex result");
    }
    return CheckOverflow(std::pow(x, y), std::isfinite(x) && std::isfinite(y));
  });
}

// A function of no arguments whose value is fixed text (the session's user, database...).
template <const char* kValue>
Status Fixed(const Args&, size_t n, Vector* out) {
  for (size_t i = 0; i < n; ++i) out->Strings()[i] = kValue;
  return Status::OK();
}
constexpr char kUser[] = "postgres";      // the one role (kDefaultSuperuser)
constexpr char kDatabase[] = "postgres";  // the one database (kDefaultDatabase)
constexpr char kSchema[] = "public";
constexpr char kVersion[] = "PostgreSQL 15.0 (OmenDB) on x86_64-pc-linux-gnu, 64-bit";

Status Pi(const Args&, size_t n, Vector* out) {
  for (size_t i = 0; i < n; ++i) out->Data<double>()[i] = M_PI;
  return Status::OK();
}

std::string AsciiCase(std::string s, bool upper) {
  for (char& c : s) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

template <bool kUpper>
Status Case(const Args& a, size_t n, Vector* out) {
  return ForEach<std::string>(a, n, out,
                              [&](size_t i) -> Result<std::string> { return AsciiCase(Str(a, 0, i), kUpper); });
}

Status Length(const Args& a, size_t n, Vector* out) {
  return ForEach<int32_t>(a, n, out, [&](size_t i) -> Result<int32_t> {
    return static_cast<int32_t>(CharOffsets(Str(a, 0, i)).size() - 1);
  });
}

Status OctetLength(const Args& a, size_t n, Vector* out) {
  return ForEach<int32_t>(a, n, out,
                          [&](size_t i) -> Result<int32_t> { return static_cast<int32_t>(Str(a, 0, i).size()); });
}

// substr(s, start [, count]): 1-based; characters before position 1 count against `count`.
Status Substr(const Args& a, size_t n, Vector* out) {
  return ForEach<std::string>(a, n, out, [&](size_t i) -> Result<std::string> {
    int64_t start = Int(a, 1, i);
    if (a.size() == 2) return Chars(Str(a, 0, i), start - 1, INT32_MAX);
    int64_t count = Int(a, 2, i);
    if (count < 0) return Status("22011", "negative substring length not allowed");
    return Chars(Str(a, 0, i), start - 1, count);
  });
}

Status Replace(const Args& a, size_t n, Vector* out) {
  return ForEach<std::string>(a, n, out, [&](size_t i) -> Result<std::string> {
    const std::string &s = Str(a, 0, i), &from = Str(a, 1, i), &to = Str(a, 2, i);
    if (from.empty()) return s;
    std::string r;
    size_t pos = 0;
    for (size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
      r.append(s, pos, hit - pos);
      r += to;
    }
    r.append(s, pos);
    return r;
  });
}

// btrim/ltrim/rtrim(s [, characters]): removes any of the characters (default: spaces).
template <bool kLeft, bool kRight>
Status Trim(const Args& a, size_t n, Vector* out) {
  return ForEach<std::string>(a, n, out, [&](size_t i) -> Result<std::string> {
    const std::string& s = Str(a, 0, i);
    std::string set = a.size() == 2 ? Str(a, 1, i) : " ";
    std::vector<size_t> off = CharOffsets(s);
    std::vector<size_t> set_off = CharOffsets(set);
    auto in_set = [&](size_t k) {
      std::string_view c(s.data() + off[k], off[k + 1] - off[k]);
      for (size_t j = 0; j + 1 < set_off.size(); ++j) {
        if (c == std::string_view(set.data() + set_off[j], set_off[j + 1] - set_off[j])) return true;
      }
      return false;
    };
    size_t b = 0, e = off.size() - 1;
    if (kLeft) {
      while (b < e && in_set(b)) ++b;
    }
    if (kRight) {
      while (e > b && in_set(e - 1)) --e;
    }
    return s.substr(off[b], off[e] - off[b]);
  });
}

Status Strpos(const Args& a, size_t n, Vector* out) {
  return ForEach<int32_t>(a, n, out, [&](size_t i) -> Result<int32_t> {
    size_t hit = Str(a, 0, i).find(Str(a, 1, i));
    if (hit == std::string::npos) return 0;
    return static_cast<int32_t>(CharOffsets(Str(a, 0, i).substr(0, hit)).size());
  });
}

template <bool kLeft>
Status LeftRight(const Args& a, size_t n, Vector* out) {
  return ForEach<std::string>(a, n, out, [&](size_t i) -> Result<std::string> {
    const std::string& s = Str(a, 0, i);
    int64_t len = static_cast<int64_t>(CharOffsets(s).size()) - 1;
    int64_t k = Int(a, 1, i);
    int64_t keep = k >= 0 ? std::min(k, len) : std::max<int64_t>(len + k, 0);
    return kLeft ? Chars(s, 0, keep) : Chars(s, len - keep, keep);
  });
}

Status Repeat(const Args& a, size_t n, Vector* out) {
  return ForEach<std::string>(a, n, out, [&](size_t i) -> Result<std::string> {
    const std::string& s = Str(a, 0, i);
    int64_t k = Int(a, 1, i);
    if (k <= 0 || s.empty()) return std::string();
    if (static_cast<uint64_t>(k) * s.size() > (1u << 30)) {
      return Status(sqlstate::kProgramLimitExceeded, "requested length too large");
    }
    std::string r;
    r.reserve(static_cast<size_t>(k) * s.size());
    for (int64_t j = 0; j < k; ++j) r += s;
    return r;
  });
}

Status Reverse(const Args& a, size_t n, Vector* out) {
  return ForEach<std::string>(a, n, out, [&](size_t i) -> Result<std::string> {
    const std::string& s = Str(a, 0, i);
    std::vector<size_t> off = CharOffsets(s);
    std::string r;
    for (size_t k = off.size() - 1; k > 0; --k) r.append(s, off[k - 1], off[k] - off[k - 1]);
    return r;
  });
}

Status StartsWith(const Args& a, size_t n, Vector* out) {
  return ForEach<bool>(a, n, out, [&](size_t i) -> Result<bool> {
    return Str(a, 0, i).compare(0, Str(a, 1, i).size(), Str(a, 1, i)) == 0;
  });
}

// concat(...): the text output of every non-NULL argument (any type); never NULL.
Status Concat(const Args& a, size_t n, Vector* out) {
  for (size_t i = 0; i < n; ++i) {
    std::string r;
    for (const Vector* v : a) {
      if (!v->IsValid(i)) continue;
      r += v->type().id() == TypeId::kText ? v->Strings()[i] : v->GetValue(i).ToString();
    }
    out->SetValid(i, true);
    out->Strings()[i] = std::move(r);
  }
  return Status::OK();
}

class FunctionRegistry {
 public:
  FunctionRegistry() {
    const LogicalType I = TypeId::kInteger, B = TypeId::kBigInt, D = TypeId::kDouble,
                      T = TypeId::kText, Bool = TypeId::kBoolean;
    Add("abs", {I}, I, Abs<int32_t>);
    Add("abs", {B}, B, Abs<int64_t>);
    Add("abs", {D}, D, Abs<double>);
    Add("mod", {I, I}, I, Mod<int32_t>);
    Add("mod", {B, B}, B, Mod<int64_t>);
    for (const char* name : {"ceil", "ceiling"}) Add(name, {D}, D, Unary<std::ceil>);
    Add("floor", {D}, D, Unary<std::floor>);
    Add("round", {D}, D, Unary<RoundHalfEven>);
    Add("trunc", {D}, D, Unary<std::trunc>);
    Add("sign", {D}, D, Unary<Sign>);
    Add("cbrt", {D}, D, Unary<std::cbrt>);
    Add("sqrt", {D}, D, Sqrt);
    Add("ln", {D}, D, Log<false>);
    Add("log", {D}, D, Log<true>);
    Add("log10", {D}, D, Log<true>);
    Add("exp", {D}, D, Exp);
    for (const char* name : {"power", "pow"}) Add(name, {D, D}, D, Power);
    Add("pi", {}, D, Pi);
    for (const char* name : {"current_user", "current_role", "user", "session_user"}) {
      Add(name, {}, T, Fixed<kUser>);
    }
    for (const char* name : {"current_database", "current_catalog"}) {
      Add(name, {}, T, Fixed<kDatabase>);
    }
    Add("current_schema", {}, T, Fixed<kSchema>);
    Add("version", {}, T, Fixed<kVersion>);
    Add("lower", {T}, T, Case<false>);
    Add("upper", {T}, T, Case<true>);
    for (const char* name : {"length", "char_length", "character_length"}) Add(name, {T}, I, Length);
    Add("octet_length", {T}, I, OctetLength);
    for (const char* name : {"substr", "substring"}) {
      Add(name, {T, I}, T, Substr);
      Add(name, {T, I, I}, T, Substr);
    }
    Add("replace", {T, T, T}, T, Replace);
    Add("btrim", {T}, T, Trim<true, true>);
    Add("btrim", {T, T}, T, Trim<true, true>);
    Add("ltrim", {T}, T, Trim<true, false>);
    Add("ltrim", {T, T}, T, Trim<true, false>);
    Add("rtrim", {T}, T, Trim<false, true>);
    Add("rtrim", {T, T}, T, Trim<false, true>);
    Add("strpos", {T, T}, I, Strpos);
    Add("position", {T, T}, I, Strpos);  // POSITION(sub IN s) arrives as position(s, sub)
    Add("left", {T, I}, T, LeftRight<true>);
    Add("right", {T, I}, T, LeftRight<false>);
    Add("repeat", {T, I}, T, Repeat);
    Add("reverse", {T}, T, Reverse);
    Add("starts_with", {T, T}, Bool, StartsWith);
    // Arguments of any type (kInvalid here): each is written with its type's output function.
    auto& concat = Add("concat", {TypeId::kInvalid}, T, Concat);
    concat.variadic = true;
    concat.strict = false;
  }

  std::vector<const ScalarFunction*> Candidates(const std::string& name, size_t arity) const {
    std::vector<const ScalarFunction*> out;
    for (const auto& f : functions_) {
      if (f->name == name && (f->variadic || f->arg_types.size() == arity)) out.push_back(f.get());
    }
    return out;
  }
  bool Has(const std::string& name) const {
    for (const auto& f : functions_) {
      if (f->name == name) return true;
    }
    return false;
  }

 private:
  ScalarFunction& Add(std::string name, std::vector<LogicalType> args, LogicalType ret,
                      ScalarKernel k) {
    functions_.push_back(std::make_unique<ScalarFunction>(
        ScalarFunction{std::move(name), std::move(args), ret, k, false, true, false}));
    return *functions_.back();
  }

  std::vector<std::unique_ptr<ScalarFunction>> functions_;
};

const FunctionRegistry& Functions() {
  static const FunctionRegistry* r = new FunctionRegistry();
  return *r;
}

// Cost of converting `from` to `to` implicitly, or -1 if not allowed.
int CastCost(LogicalType from, LogicalType to) {
  if (from == to) return 0;
  TypeId f = from.id(), t = to.id();
  // An untyped literal prefers double precision, PostgreSQL's preferred numeric type.
  if (f == TypeId::kUnknown || f == TypeId::kNull) return t == TypeId::kDouble ? 1 : 2;
  if (f == TypeId::kInteger && t == TypeId::kBigInt) return 1;
  if (f == TypeId::kInteger && t == TypeId::kDouble) return 2;
  if (f == TypeId::kBigInt && t == TypeId::kDouble) return 1;
  return -1;
}

}  // namespace

bool IsBuiltinFunction(const std::string& name) { return Functions().Has(name); }

Result<const ScalarFunction*> ResolveFunction(const std::string& name,
                                              const std::vector<LogicalType>& arg_types) {
  const ScalarFunction* best = nullptr;
  int best_cost = 0;
  bool numeric_literal = false;
  for (LogicalType t : arg_types) numeric_literal = numeric_literal || t.id() == TypeId::kNumericLiteral;
  if (numeric_literal && Functions().Has(name)) {
    return NotSupported(name + "() of a numeric argument (use a double precision cast)");
  }
  for (const ScalarFunction* f : Functions().Candidates(name, arg_types.size())) {
    int cost = 0;
    for (size_t i = 0; i < arg_types.size() && cost >= 0; ++i) {
      LogicalType want = f->variadic ? f->arg_types[0] : f->arg_types[i];
      int c = want.id() == TypeId::kInvalid ? 0 : CastCost(arg_types[i], want);
      cost = c < 0 ? -1 : cost + c;
    }
    if (cost >= 0 && (best == nullptr || cost < best_cost)) {
      best = f;
      best_cost = cost;
    }
  }
  if (best != nullptr) return best;
  std::string sig = name + "(";
  for (size_t i = 0; i < arg_types.size(); ++i) {
    sig += (i ? ", " : "") + std::string(arg_types[i].sql_name());
  }
  return Status(sqlstate::kUndefinedFunction, "function " + sig + ") does not exist", "",
                "No function matches the given name and argument types. You might need to add "
                "explicit type casts.");
}

}  // namespace omendb::sql
