#include "types/type_io.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "types/datetime.h"
#include "types/numeric.h"
#include "types/pg_text.h"
#include "types/session_time.h"

namespace omendb {
namespace {

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

template <typename T>
int Cmp(T x, T y) {
  return x < y ? -1 : (x > y ? 1 : 0);
}

int CompareNumericText(const std::string& a, const std::string& b) {
  if (a == b) return 0;
  Result<Numeric> x = Numeric::Parse(a), y = Numeric::Parse(b);
  if (!x.ok() || !y.ok()) return Sign(a.compare(b));  // unreachable for stored values
  return Numeric::Compare(*x, *y);
}

int CompareStrings(LogicalType t, const std::string& a, const std::string& b) {
  switch (t.id()) {
    case TypeId::kNumeric: return CompareNumericText(a, b);
    case TypeId::kChar: return Sign(TrimTrailingBlanks(a).compare(TrimTrailingBlanks(b)));
    default: return Sign(a.compare(b));
  }
}

Status InvalidSyntax(const char* type, std::string_view s) {
  return Status(sqlstate::kInvalidTextRepresentation,
                std::string("invalid input syntax for type ") + type + ": \"" + std::string(s) + "\"");
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view TrimTrailingBlanks(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string FormatBytea(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

Result<std::string> ParseBytea(std::string_view s) {
  std::string out;
  if (s.size() >= 2 && s[0] == '\\' && s[1] == 'x') {
    // Hex format: pairs of hex digits, whitespace allowed between pairs.
    for (size_t i = 2; i < s.size();) {
      char c = s[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i;
        continue;
      }
      int hi = HexValue(c);
      if (hi < 0) {
        return Status(sqlstate::kInvalidParameterValue,
                      "invalid hexadecimal digit: \"" + std::string(1, c) + "\"");
      }
      if (i + 1 >= s.size()) {
        return Status(sqlstate::kInvalidParameterValue,
                      "invalid hexadecimal data: odd number of digits");
      }
      int lo = HexValue(s[i + 1]);
      if (lo < 0) {
        return Status(sqlstate::kInvalidParameterValue,
                      "invalid hexadecimal digit: \"" + std::string(1, s[i + 1]) + "\"");
      }
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    }
    return out;
  }
  // Escape format: "\\" is a backslash, "\ooo" an octal byte, anything else itself.
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '\\') {
      out.push_back('\\');
      ++i;
    } else if (i + 3 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' &&
               s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
      out.push_back(static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0')));
      i += 3;
    } else {
      return InvalidSyntax("bytea", s);
    }
  }
  return out;
}

std::string FormatUuid(const UuidValue& u) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[u.bytes[i] >> 4]);
    out.push_back(kHex[u.bytes[i] & 15]);
  }
  return out;
}

Result<UuidValue> ParseUuid(std::string_view input) {
  // PostgreSQL accepts 32 hex digits, optionally in braces, with a hyphen allowed after any
  // group of four digits.
  std::string_view s = input;
  bool braces = !s.empty() && s.front() == '{';
  if (braces) {
    if (s.back() != '}') return InvalidSyntax("uuid", input);
    s = s.substr(1, s.size() - 2);
  }
  UuidValue u;
  size_t digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '-' && digits > 0 && digits % 4 == 0 && digits < 32 && i + 1 < s.size() &&
        s[i + 1] != '-') {
      continue;
    }
    int h = HexValue(c);
    if (h < 0 || digits >= 32) return InvalidSyntax("uuid", input);
    if (digits % 2 == 0) {
      u.bytes[digits / 2] = static_cast<uint8_t>(h << 4);
    } else {
      u.bytes[digits / 2] = static_cast<uint8_t>(u.bytes[digits / 2] | h);
    }
    ++digits;
  }
  if (digits != 32) return InvalidSyntax("uuid", input);
  return u;
}

std::string FormatValueText(const Value& v) {
  if (v.is_null()) return "NULL";
  switch (v.type().id()) {
    case TypeId::kBoolean: return v.GetBool() ? "t" : "f";
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt: return std::to_string(v.GetInt());
    case TypeId::kReal: return FormatFloat4(static_cast<float>(v.GetDouble()));
    case TypeId::kDouble: return FormatFloat8(v.GetDouble());
    case TypeId::kBytea: return FormatBytea(v.GetString());
    case TypeId::kUuid: return FormatUuid(v.GetUuid());
    case TypeId::kDate: return FormatDate(static_cast<int32_t>(v.GetInt()));
    case TypeId::kTime: return FormatTime(v.GetInt());
    case TypeId::kTimestamp: return FormatTimestamp(v.GetInt());
    case TypeId::kTimestampTz: return FormatTimestampTz(v.GetInt(), SessionTimeZone());
    case TypeId::kInterval: return FormatInterval(v.GetInterval());
    default: return v.GetString();
  }
}

Result<Value> ParseValueText(std::string_view s, LogicalType type) {
  LogicalType base = type.Base();
  switch (type.id()) {
    case TypeId::kBoolean: {
      bool b;
      OMEN_ASSIGN_OR_RETURN(b, ParseBool(s));
      return Value::Boolean(b);
    }
    case TypeId::kSmallInt: {
      int16_t i;
      OMEN_ASSIGN_OR_RETURN(i, ParseInt2(s));
      return Value::SmallInt(i);
    }
    case TypeId::kInteger: {
      int32_t i;
      OMEN_ASSIGN_OR_RETURN(i, ParseInt4(s));
      return Value::Integer(i);
    }
    case TypeId::kBigInt: {
      int64_t i;
      OMEN_ASSIGN_OR_RETURN(i, ParseInt8(s));
      return Value::BigInt(i);
    }
    case TypeId::kReal: {
      float f;
      OMEN_ASSIGN_OR_RETURN(f, ParseFloat4(s));
      return Value::Real(f);
    }
    case TypeId::kDouble: {
      double d;
      OMEN_ASSIGN_OR_RETURN(d, ParseFloat8(s));
      return Value::Double(d);
    }
    case TypeId::kNumeric: {
      Numeric n;
      OMEN_ASSIGN_OR_RETURN(n, Numeric::Parse(s));
      return Value::String(base, n.ToString());
    }
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kChar: return Value::String(base, std::string(s));
    case TypeId::kBytea: {
      std::string b;
      OMEN_ASSIGN_OR_RETURN(b, ParseBytea(s));
      return Value::String(base, std::move(b));
    }
    case TypeId::kUuid: {
      UuidValue u;
      OMEN_ASSIGN_OR_RETURN(u, ParseUuid(s));
      return Value::Uuid(u);
    }
    case TypeId::kDate: {
      int32_t d;
      OMEN_ASSIGN_OR_RETURN(d, ParseDate(s, SessionDateTimeContext()));
      return Value::Int(base, d);
    }
    case TypeId::kTime: {
      int64_t t;
      OMEN_ASSIGN_OR_RETURN(t, ParseTime(s, SessionDateTimeContext()));
      return Value::Int(base, t);
    }
    case TypeId::kTimestamp: {
      int64_t t;
      OMEN_ASSIGN_OR_RETURN(t, ParseTimestamp(s, SessionDateTimeContext()));
      return Value::Int(base, t);
    }
    case TypeId::kTimestampTz: {
      int64_t t;
      OMEN_ASSIGN_OR_RETURN(t, ParseTimestampTz(s, SessionDateTimeContext()));
      return Value::Int(base, t);
    }
    case TypeId::kInterval: {
      IntervalValue iv;
      OMEN_ASSIGN_OR_RETURN(iv, ParseIntervalTypmod(s, type.modifier()));
      return Value::Interval(iv).WithType(type);
    }
    default: break;
  }
  return InternalError(std::string("no input function for type ") + type.sql_name());
}

int CompareValues(const Value& a, const Value& b) {
  LogicalType t = a.type();
  switch (t.physical()) {
    case PhysicalType::kBool: return int(a.GetBool()) - int(b.GetBool());
    case PhysicalType::kInt16:
    case PhysicalType::kInt32:
    case PhysicalType::kInt64: return Cmp(a.GetInt(), b.GetInt());
    case PhysicalType::kFloat:
    case PhysicalType::kDouble: return CompareFloat8(a.GetDouble(), b.GetDouble());
    case PhysicalType::kInterval: return CompareInterval(a.GetInterval(), b.GetInterval());
    case PhysicalType::kUuid: {
      UuidValue x = a.GetUuid(), y = b.GetUuid();
      return Sign(std::memcmp(x.bytes, y.bytes, 16));
    }
    case PhysicalType::kString: return CompareStrings(t, a.GetString(), b.GetString());
  }
  return 0;
}

int CompareCells(const Vector& a, size_t i, const Vector& b, size_t j) {
  switch (a.type().physical()) {
    case PhysicalType::kBool: return int(a.Data<uint8_t>()[i]) - int(b.Data<uint8_t>()[j]);
    case PhysicalType::kInt16: return Cmp(a.Data<int16_t>()[i], b.Data<int16_t>()[j]);
    case PhysicalType::kInt32: return Cmp(a.Data<int32_t>()[i], b.Data<int32_t>()[j]);
    case PhysicalType::kInt64: return Cmp(a.Data<int64_t>()[i], b.Data<int64_t>()[j]);
    case PhysicalType::kFloat: return CompareFloat8(a.Data<float>()[i], b.Data<float>()[j]);
    case PhysicalType::kDouble: return CompareFloat8(a.Data<double>()[i], b.Data<double>()[j]);
    case PhysicalType::kInterval:
      return CompareInterval(a.Data<IntervalValue>()[i], b.Data<IntervalValue>()[j]);
    case PhysicalType::kUuid:
      return Sign(std::memcmp(a.Data<UuidValue>()[i].bytes, b.Data<UuidValue>()[j].bytes, 16));
    case PhysicalType::kString: return CompareStrings(a.type(), a.Strings()[i], b.Strings()[j]);
  }
  return 0;
}

void AppendHashKey(const Vector& v, size_t i, std::string* key) {
  if (!v.IsValid(i)) {
    key->push_back(0);
    return;
  }
  key->push_back(1);
  auto append_string = [key](std::string_view s) {
    uint64_t n = s.size();
    key->append(reinterpret_cast<const char*>(&n), 8);
    key->append(s);
  };
  switch (v.type().physical()) {
    case PhysicalType::kFloat:
    case PhysicalType::kDouble: {
      double d = v.type().physical() == PhysicalType::kFloat ? v.Data<float>()[i] : v.Data<double>()[i];
      if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();
      if (d == 0) d = 0;  // -0 equals 0
      key->append(reinterpret_cast<const char*>(&d), 8);
      return;
    }
    case PhysicalType::kInterval: append_string(IntervalHashKey(v.Data<IntervalValue>()[i])); return;
    case PhysicalType::kString: {
      const std::string& s = v.Strings()[i];
      if (v.type().id() == TypeId::kNumeric) {
        Result<Numeric> n = Numeric::Parse(s);
        append_string(n.ok() ? n->HashKey() : s);
      } else if (v.type().id() == TypeId::kChar) {
        append_string(TrimTrailingBlanks(s));
      } else {
        append_string(s);
      }
      return;
    }
    default: {
      size_t w = v.type().FixedWidth();
      key->append(reinterpret_cast<const char*>(v.Data<uint8_t>()) + i * w, w);
      return;
    }
  }
}

}  // namespace omendb
