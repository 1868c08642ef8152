// Built-in scalar functions (string and math), with PostgreSQL's results and errors.
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <random>

#include "sql/function/function_table.h"
#include "sql/function/scalar_function.h"
#include "sql/function/text_case.h"
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
                      sizeof(T) == 2   ? "smallint out of range"
                      : sizeof(T) == 4 ? "integer out of range"
                                       : "bigint out of range");
      }
    }
    if constexpr (std::is_floating_point_v<T>) return std::fabs(x);  // abs(-0) is 0
    return static_cast<T>(x < 0 ? -x : x);
  });
}

template <typename T>
Status Mod(const Args& a, size_t n, Vector* out) {
  return ForEach<T>(a, n, out, [&](size_t i) -> Result<T> {
    T x = a[0]->Data<T>()[i], y = a[1]->Data<T>()[i];
    if (y == 0) return Status(sqlstate::kDivisionByZero, "division by zero");
    if (y == -1) return T{0};
    return static_cast<T>(x % y);  // (int2 operands promote: no overflow)
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

}  // namespace

Status PowerFloat8(const Args& a, size_t n, Vector* out) {
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

namespace {

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

// random(): uniform in [0, 1), 52 random bits per value (a different value per row).
Status Random(const Args&, size_t n, Vector* out) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  for (size_t i = 0; i < n; ++i) {
    out->Data<double>()[i] = static_cast<double>(rng() >> 12) * 0x1.0p-52;
  }
  return Status::OK();
}

template <bool kUpper>
Status Case(const Args& a, size_t n, Vector* out) {
  return ForEach<std::string>(a, n, out,
                              [&](size_t i) -> Result<std::string> { return CaseMap(Str(a, 0, i), kUpper); });
}

// length(): characters; for char(n) without its trailing blanks (PostgreSQL's bpcharlen).
Status Length(const Args& a, size_t n, Vector* out) {
  bool bpchar = a[0]->type().id() == TypeId::kChar;
  return ForEach<int32_t>(a, n, out, [&](size_t i) -> Result<int32_t> {
    const std::string& s = Str(a, 0, i);
    size_t end = s.size();
    if (bpchar) {
      while (end > 0 && s[end - 1] == ' ') --end;
    }
    int32_t chars = 0;
    for (size_t k = 0; k < end; ++k) chars += (static_cast<unsigned char>(s[k]) & 0xC0) != 0x80;
    return chars;
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

const FunctionTable& Functions() {
  static const FunctionTable* table = [] {
    auto* t = new FunctionTable();
    const LogicalType I = TypeId::kInteger, B = TypeId::kBigInt, D = TypeId::kDouble,
                      T = TypeId::kText, Bool = TypeId::kBoolean;
    const LogicalType S = TypeId::kSmallInt, F4 = TypeId::kReal;
    t->Add("abs", {S}, S, Abs<int16_t>, false);
    t->Add("abs", {F4}, F4, Abs<float>, false);
    t->Add("mod", {S, S}, S, Mod<int16_t>, false);
    t->Add("abs", {I}, I, Abs<int32_t>, false);
    t->Add("abs", {B}, B, Abs<int64_t>, false);
    t->Add("abs", {D}, D, Abs<double>, false);
    t->Add("mod", {I, I}, I, Mod<int32_t>, false);
    t->Add("mod", {B, B}, B, Mod<int64_t>, false);
    for (const char* name : {"ceil", "ceiling"}) t->Add(name, {D}, D, Unary<std::ceil>, false);
    t->Add("floor", {D}, D, Unary<std::floor>, false);
    t->Add("round", {D}, D, Unary<RoundHalfEven>, false);
    t->Add("trunc", {D}, D, Unary<std::trunc>, false);
    t->Add("sign", {D}, D, Unary<Sign>, false);
    t->Add("cbrt", {D}, D, Unary<std::cbrt>, false);
    t->Add("sqrt", {D}, D, Sqrt, false);
    t->Add("ln", {D}, D, Log<false>, false);
    t->Add("log", {D}, D, Log<true>, false);
    t->Add("log10", {D}, D, Log<true>, false);
    t->Add("exp", {D}, D, Exp, false);
    for (const char* name : {"power", "pow"}) t->Add(name, {D, D}, D, PowerFloat8, false);
    t->Add("pi", {}, D, Pi, false);
    t->Add("random", {}, D, Random, false).is_volatile = true;
    for (const char* name : {"current_user", "current_role", "user", "session_user"}) {
      t->Add(name, {}, T, Fixed<kUser>, false);
    }
    for (const char* name : {"current_database", "current_catalog"}) {
      t->Add(name, {}, T, Fixed<kDatabase>, false);
    }
    t->Add("current_schema", {}, T, Fixed<kSchema>, false);
    t->Add("version", {}, T, Fixed<kVersion>, false);
    t->Add("lower", {T}, T, Case<false>, false);
    t->Add("upper", {T}, T, Case<true>, false);
    for (const char* name : {"length", "char_length", "character_length"}) t->Add(name, {T}, I, Length, false);
    t->Add("octet_length", {T}, I, OctetLength, false);
    const LogicalType Bpchar = TypeId::kChar, Bytea = TypeId::kBytea;
    for (const char* name : {"length", "char_length", "character_length"}) {
      t->Add(name, {Bpchar}, I, Length, false);
    }
    t->Add("octet_length", {Bpchar}, I, OctetLength, false);
    t->Add("octet_length", {Bytea}, I, OctetLength, false);
    t->Add("length", {Bytea}, I, OctetLength, false);
    for (const char* name : {"substr", "substring"}) {
      t->Add(name, {T, I}, T, Substr, false);
      t->Add(name, {T, I, I}, T, Substr, false);
    }
    t->Add("replace", {T, T, T}, T, Replace, false);
    t->Add("btrim", {T}, T, Trim<true, true>, false);
    t->Add("btrim", {T, T}, T, Trim<true, true>, false);
    t->Add("ltrim", {T}, T, Trim<true, false>, false);
    t->Add("ltrim", {T, T}, T, Trim<true, false>, false);
    t->Add("rtrim", {T}, T, Trim<false, true>, false);
    t->Add("rtrim", {T, T}, T, Trim<false, true>, false);
    t->Add("strpos", {T, T}, I, Strpos, false);
    t->Add("position", {T, T}, I, Strpos, false);  // POSITION(sub IN s) arrives as position(s, sub)
    t->Add("left", {T, I}, T, LeftRight<true>, false);
    t->Add("right", {T, I}, T, LeftRight<false>, false);
    t->Add("repeat", {T, I}, T, Repeat, false);
    t->Add("reverse", {T}, T, Reverse, false);
    t->Add("starts_with", {T, T}, Bool, StartsWith, false);
    // Arguments of any type (kInvalid here): each is written with its type's output function.
    auto& concat = t->Add("concat", {TypeId::kInvalid}, T, Concat, false);
    concat.variadic = true;
    concat.strict = false;
    AddNumericFunctions(t);
    AddDateTimeFunctions(t);
    return t;
  }();
  return *table;
}

}  // namespace

bool IsBuiltinFunction(const std::string& name) { return Functions().Has(name); }

Result<const ScalarFunction*> ResolveFunction(const std::string& name,
                                              const std::vector<LogicalType>& arg_types) {
  bool ambiguous = false;
  const ScalarFunction* f = Functions().Select(name, arg_types, false, &ambiguous);
  if (f != nullptr) return f;
  std::string sig = name + "(";
  for (size_t i = 0; i < arg_types.size(); ++i) {
    sig += (i ? ", " : "") + std::string(arg_types[i].sql_name());
  }
  if (ambiguous) {
    return Status("42725", "function " + sig + ") is not unique", "",
                  "Could not choose a best candidate function. You might need to add explicit "
                  "type casts.");
  }
  return Status(sqlstate::kUndefinedFunction, "function " + sig + ") does not exist", "",
                "No function matches the given name and argument types. You might need to add "
                "explicit type casts.");
}

}  // namespace omendb::sql
