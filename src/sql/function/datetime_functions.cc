// Date/time operators and functions (types/datetime.h) as vectorized kernels: arithmetic on
// date, time, timestamp, timestamptz and interval; now() and friends; extract, date_part,
// date_trunc, justify_*, make_date, to_timestamp, age, isfinite; gen_random_uuid().
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>

#include "sql/function/function_table.h"
#include "types/datetime.h"
#include "types/numeric.h"
#include "types/session_time.h"

namespace omendb::sql {
namespace {

using Args = std::vector<const Vector*>;

// Typed access to argument k at row i.
template <typename T>
T Get(const Args& a, size_t k, size_t i) {
  if constexpr (std::is_same_v<T, std::string>) {
    return a[k]->Strings()[i];
  } else {
    return a[k]->Data<T>()[i];
  }
}

template <typename T>
void Put(Vector* out, size_t i, T v) {
  if constexpr (std::is_same_v<T, std::string>) {
    out->Strings()[i] = std::move(v);
  } else {
    out->Data<T>()[i] = v;
  }
}

// Runs fn(i) -> Result<R> (or R) for every row whose arguments are all valid; a returned
// std::nullopt makes the row NULL.
template <typename R, typename Fn>
Status Rows(const Args& a, size_t n, Vector* out, Fn fn) {
  for (size_t i = 0; i < n; ++i) {
    bool valid = true;
    for (const Vector* v : a) valid = valid && v->IsValid(i);
    if (!valid) continue;
    auto r = fn(i);
    using Ret = decltype(r);
    if constexpr (std::is_same_v<Ret, Result<R>>) {
      if (!r.ok()) return r.status();
      Put<R>(out, i, std::move(r).value());
    } else if constexpr (std::is_same_v<Ret, std::optional<R>>) {
      out->SetValid(i, r.has_value());
      if (r) Put<R>(out, i, *r);
    } else {
      Put<R>(out, i, std::move(r));
    }
  }
  return Status::OK();
}

const TimeZone& Tz() { return SessionTimeZone(); }

// ---- operators -----------------------------------------------------------------------------

Status DatePlusInt(const Args& a, size_t n, Vector* out) {
  bool date_first = a[0]->type().id() == TypeId::kDate;
  return Rows<int32_t>(a, n, out, [&](size_t i) {
    return DatePlusDays(Get<int32_t>(a, date_first ? 0 : 1, i), Get<int32_t>(a, date_first ? 1 : 0, i));
  });
}
Status DateMinusInt(const Args& a, size_t n, Vector* out) {
  return Rows<int32_t>(a, n, out, [&](size_t i) { return DateMinusDays(Get<int32_t>(a, 0, i), Get<int32_t>(a, 1, i)); });
}
Status DateDiff(const Args& a, size_t n, Vector* out) {
  return Rows<int32_t>(a, n, out, [&](size_t i) { return DateMinusDate(Get<int32_t>(a, 0, i), Get<int32_t>(a, 1, i)); });
}
Status DatePlusTimeOp(const Args& a, size_t n, Vector* out) {
  bool date_first = a[0]->type().id() == TypeId::kDate;
  return Rows<int64_t>(a, n, out, [&](size_t i) {
    return DatePlusTime(Get<int32_t>(a, date_first ? 0 : 1, i), Get<int64_t>(a, date_first ? 1 : 0, i));
  });
}

// timestamp/timestamptz/date/time +- interval, either operand order for +.
template <TypeId kType, bool kMinus>
Status PlusInterval(const Args& a, size_t n, Vector* out) {
  bool value_first = a[0]->type().id() != TypeId::kInterval;
  size_t vk = value_first ? 0 : 1, ik = value_first ? 1 : 0;
  auto iv = [&](size_t i) { return Get<Interval>(a, ik, i); };
  if constexpr (kType == TypeId::kDate) {
    return Rows<int64_t>(a, n, out, [&](size_t i) {
      int32_t d = Get<int32_t>(a, vk, i);
      return kMinus ? DateMinusInterval(d, iv(i)) : DatePlusInterval(d, iv(i));
    });
  } else if constexpr (kType == TypeId::kTime) {
    return Rows<int64_t>(a, n, out, [&](size_t i) {
      int64_t t = Get<int64_t>(a, vk, i);
      return kMinus ? TimeMinusInterval(t, iv(i)) : TimePlusInterval(t, iv(i));
    });
  } else if constexpr (kType == TypeId::kTimestamp) {
    return Rows<int64_t>(a, n, out, [&](size_t i) {
      int64_t t = Get<int64_t>(a, vk, i);
      return kMinus ? TimestampMinusInterval(t, iv(i)) : TimestampPlusInterval(t, iv(i));
    });
  } else {
    return Rows<int64_t>(a, n, out, [&](size_t i) {
      int64_t t = Get<int64_t>(a, vk, i);
      return kMinus ? TimestampTzMinusInterval(t, iv(i), Tz()) : TimestampTzPlusInterval(t, iv(i), Tz());
    });
  }
}

Status TimestampDiff(const Args& a, size_t n, Vector* out) {
  return Rows<Interval>(a, n, out, [&](size_t i) {
    return TimestampMinusTimestamp(Get<int64_t>(a, 0, i), Get<int64_t>(a, 1, i));
  });
}
Status TimeDiff(const Args& a, size_t n, Vector* out) {
  return Rows<Interval>(a, n, out, [&](size_t i) { return TimeMinusTime(Get<int64_t>(a, 0, i), Get<int64_t>(a, 1, i)); });
}

template <bool kMinus>
Status IntervalAddSub(const Args& a, size_t n, Vector* out) {
  return Rows<Interval>(a, n, out, [&](size_t i) {
    Interval x = Get<Interval>(a, 0, i), y = Get<Interval>(a, 1, i);
    return kMinus ? IntervalMinus(x, y) : IntervalPlus(x, y);
  });
}
Status IntervalNeg(const Args& a, size_t n, Vector* out) {
  return Rows<Interval>(a, n, out, [&](size_t i) { return IntervalNegate(Get<Interval>(a, 0, i)); });
}
Status IntervalMul(const Args& a, size_t n, Vector* out) {
  bool iv_first = a[0]->type().id() == TypeId::kInterval;
  return Rows<Interval>(a, n, out, [&](size_t i) {
    return IntervalMultiply(Get<Interval>(a, iv_first ? 0 : 1, i), Get<double>(a, iv_first ? 1 : 0, i));
  });
}
Status IntervalDiv(const Args& a, size_t n, Vector* out) {
  return Rows<Interval>(a, n, out, [&](size_t i) { return IntervalDivide(Get<Interval>(a, 0, i), Get<double>(a, 1, i)); });
}

// ---- functions -----------------------------------------------------------------------------

enum class Now { kTimestampTz, kDate, kLocalTimestamp, kLocalTime, kClock };

template <Now kWhat>
Status NowFn(const Args&, size_t n, Vector* out) {
  int64_t now = kWhat == Now::kClock ? WallClockMicros() : SessionNow();
  for (size_t i = 0; i < n; ++i) {
    out->SetValid(i, true);
    switch (kWhat) {
      case Now::kTimestampTz:
      case Now::kClock: out->Data<int64_t>()[i] = now; break;
      case Now::kDate: {
        Result<int32_t> d = TimestampTzToDate(now, Tz());
        if (!d.ok()) return d.status();
        out->Data<int32_t>()[i] = *d;
        break;
      }
      case Now::kLocalTimestamp: {
        Result<int64_t> t = TimestampTzToTimestamp(now, Tz());
        if (!t.ok()) return t.status();
        out->Data<int64_t>()[i] = *t;
        break;
      }
      case Now::kLocalTime: {
        std::optional<int64_t> t = TimestampTzToTime(now, Tz());
        out->Data<int64_t>()[i] = t.value_or(0);
        break;
      }
    }
  }
  return Status::OK();
}

Result<ExtractValue> ExtractAny(const Vector& v, const std::string& field, size_t i) {
  switch (v.type().id()) {
    case TypeId::kDate: return ExtractDate(field, v.Data<int32_t>()[i]);
    case TypeId::kTime: return ExtractTime(field, v.Data<int64_t>()[i]);
    case TypeId::kTimestamp: return ExtractTimestamp(field, v.Data<int64_t>()[i]);
    case TypeId::kTimestampTz: return ExtractTimestampTz(field, v.Data<int64_t>()[i], Tz());
    default: return ExtractInterval(field, v.Data<Interval>()[i]);
  }
}

// extract(field FROM x): numeric; date_part(field, x): double precision. Infinite inputs give
// +-Infinity or NULL as PostgreSQL says per field.
template <bool kNumeric>
Status ExtractFn(const Args& a, size_t n, Vector* out) {
  for (size_t i = 0; i < n; ++i) {
    if (!a[0]->IsValid(i) || !a[1]->IsValid(i)) continue;
    ExtractValue e;
    OMEN_ASSIGN_OR_RETURN(e, ExtractAny(*a[1], a[0]->Strings()[i], i));
    if (e.special == ExtractValue::kNull) {
      out->SetValid(i, false);
      continue;
    }
    std::string text = FormatExtractValue(e);
    if constexpr (kNumeric) {
      out->Strings()[i] = std::move(text);
    } else {
      Numeric num;
      OMEN_ASSIGN_OR_RETURN(num, Numeric::Parse(text));
      out->Data<double>()[i] = num.ToDouble();
    }
  }
  return Status::OK();
}

Status DateTrunc(const Args& a, size_t n, Vector* out) {
  switch (a[1]->type().id()) {
    case TypeId::kTimestamp:
      return Rows<int64_t>(a, n, out, [&](size_t i) { return DateTruncTimestamp(Get<std::string>(a, 0, i), Get<int64_t>(a, 1, i)); });
    case TypeId::kTimestampTz:
      return Rows<int64_t>(a, n, out, [&](size_t i) { return DateTruncTimestampTz(Get<std::string>(a, 0, i), Get<int64_t>(a, 1, i), Tz()); });
    default:
      return Rows<Interval>(a, n, out, [&](size_t i) { return DateTruncInterval(Get<std::string>(a, 0, i), Get<Interval>(a, 1, i)); });
  }
}

template <Result<Interval> (*kFn)(const Interval&)>
Status Justify(const Args& a, size_t n, Vector* out) {
  return Rows<Interval>(a, n, out, [&](size_t i) { return kFn(Get<Interval>(a, 0, i)); });
}

Status MakeDate(const Args& a, size_t n, Vector* out) {
  return Rows<int32_t>(a, n, out, [&](size_t i) -> Result<int32_t> {
    int32_t y = Get<int32_t>(a, 0, i), m = Get<int32_t>(a, 1, i), d = Get<int32_t>(a, 2, i);
    char field[48];
    std::snprintf(field, sizeof(field), "%d-%02d-%02d", y, m, d);
    Status out_of_range(sqlstate::kDatetimeFieldOverflow, std::string("date field value out of range: ") + field);
    // Negative years are BC; there is no year 0.
    if (y == 0 || m < 1 || m > 12 || d < 1 || d > 31) return out_of_range;
    char iso[48];
    std::snprintf(iso, sizeof(iso), "%04d-%02d-%02d%s", y < 0 ? -y : y, m, d, y < 0 ? " BC" : "");
    Result<int32_t> r = ParseDate(iso, SessionDateTimeContext());
    if (!r.ok()) return out_of_range;
    return r;
  });
}

Status ToTimestampFn(const Args& a, size_t n, Vector* out) {
  return Rows<int64_t>(a, n, out, [&](size_t i) { return ToTimestamp(Get<double>(a, 0, i)); });
}

template <typename T, T kNegInf, T kInf>
Status IsFinite(const Args& a, size_t n, Vector* out) {
  return Rows<uint8_t>(a, n, out, [&](size_t i) {
    T v = Get<T>(a, 0, i);
    return static_cast<uint8_t>(v != kNegInf && v != kInf);
  });
}

// isfinite(interval): PostgreSQL 15 has no infinite intervals.
Status IntervalIsFinite(const Args& a, size_t n, Vector* out) {
  return Rows<uint8_t>(a, n, out, [](size_t) { return uint8_t{1}; });
}

Status GenRandomUuid(const Args&, size_t n, Vector* out) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  for (size_t i = 0; i < n; ++i) {
    UuidValue u;
    uint64_t hi = rng(), lo = rng();
    std::memcpy(u.bytes, &hi, 8);
    std::memcpy(u.bytes + 8, &lo, 8);
    u.bytes[6] = static_cast<uint8_t>((u.bytes[6] & 0x0f) | 0x40);  // version 4
    u.bytes[8] = static_cast<uint8_t>((u.bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
    out->SetValid(i, true);
    out->Data<UuidValue>()[i] = u;
  }
  return Status::OK();
}

const LogicalType D = TypeId::kDate, T = TypeId::kTime, TS = TypeId::kTimestamp,
                  TZ = TypeId::kTimestampTz, IV = TypeId::kInterval, I4 = TypeId::kInteger,
                  F8 = TypeId::kDouble, TX = TypeId::kText, NUM = TypeId::kNumeric,
                  B = TypeId::kBoolean;

}  // namespace

void AddDateTimeOperators(FunctionTable* t) {
  t->Add("+", {D, I4}, D, DatePlusInt, true);
  t->Add("+", {I4, D}, D, DatePlusInt, true);
  t->Add("-", {D, I4}, D, DateMinusInt, true);
  t->Add("-", {D, D}, I4, DateDiff, true);
  t->Add("+", {D, T}, TS, DatePlusTimeOp, true);
  t->Add("+", {T, D}, TS, DatePlusTimeOp, true);
  t->Add("+", {D, IV}, TS, PlusInterval<TypeId::kDate, false>, true);
  t->Add("+", {IV, D}, TS, PlusInterval<TypeId::kDate, false>, true);
  t->Add("-", {D, IV}, TS, PlusInterval<TypeId::kDate, true>, true);
  t->Add("+", {T, IV}, T, PlusInterval<TypeId::kTime, false>, true);
  t->Add("+", {IV, T}, T, PlusInterval<TypeId::kTime, false>, true);
  t->Add("-", {T, IV}, T, PlusInterval<TypeId::kTime, true>, true);
  t->Add("-", {T, T}, IV, TimeDiff, true);
  t->Add("+", {TS, IV}, TS, PlusInterval<TypeId::kTimestamp, false>, true);
  t->Add("+", {IV, TS}, TS, PlusInterval<TypeId::kTimestamp, false>, true);
  t->Add("-", {TS, IV}, TS, PlusInterval<TypeId::kTimestamp, true>, true);
  t->Add("-", {TS, TS}, IV, TimestampDiff, true);
  t->Add("+", {TZ, IV}, TZ, PlusInterval<TypeId::kTimestampTz, false>, true);
  t->Add("+", {IV, TZ}, TZ, PlusInterval<TypeId::kTimestampTz, false>, true);
  t->Add("-", {TZ, IV}, TZ, PlusInterval<TypeId::kTimestampTz, true>, true);
  t->Add("-", {TZ, TZ}, IV, TimestampDiff, true);
  t->Add("+", {IV, IV}, IV, IntervalAddSub<false>, true);
  t->Add("-", {IV, IV}, IV, IntervalAddSub<true>, true);
  t->Add("-", {IV}, IV, IntervalNeg, true);
  t->Add("*", {IV, F8}, IV, IntervalMul, true);
  t->Add("*", {F8, IV}, IV, IntervalMul, true);
  t->Add("/", {IV, F8}, IV, IntervalDiv, true);
}

void AddDateTimeFunctions(FunctionTable* t) {
  for (const char* name : {"now", "transaction_timestamp", "statement_timestamp"}) {
    t->Add(name, {}, TZ, NowFn<Now::kTimestampTz>, false).is_stable = true;
  }
  t->Add("clock_timestamp", {}, TZ, NowFn<Now::kClock>, false).is_volatile = true;
  t->Add("current_date", {}, D, NowFn<Now::kDate>, false).is_stable = true;
  t->Add("localtimestamp", {}, TS, NowFn<Now::kLocalTimestamp>, false).is_stable = true;
  t->Add("localtime", {}, T, NowFn<Now::kLocalTime>, false).is_stable = true;
  for (LogicalType x : {D, T, TS, TZ, IV}) {
    t->Add("extract", {TX, x}, NUM, ExtractFn<true>, false);
    t->Add("date_part", {TX, x}, F8, ExtractFn<false>, false);
  }
  t->Add("date_trunc", {TX, TS}, TS, DateTrunc, false);
  t->Add("date_trunc", {TX, TZ}, TZ, DateTrunc, false);
  t->Add("date_trunc", {TX, IV}, IV, DateTrunc, false);
  t->Add("justify_days", {IV}, IV, Justify<JustifyDays>, false);
  t->Add("justify_hours", {IV}, IV, Justify<JustifyHours>, false);
  t->Add("justify_interval", {IV}, IV, Justify<JustifyInterval>, false);
  t->Add("make_date", {I4, I4, I4}, D, MakeDate, false);
  t->Add("to_timestamp", {F8}, TZ, ToTimestampFn, false);
  t->Add("isfinite", {D}, B, IsFinite<int32_t, kDateNegInfinity, kDateInfinity>, false);
  t->Add("isfinite", {TS}, B, IsFinite<int64_t, kTimestampNegInfinity, kTimestampInfinity>, false);
  t->Add("isfinite", {TZ}, B, IsFinite<int64_t, kTimestampNegInfinity, kTimestampInfinity>, false);
  t->Add("isfinite", {IV}, B, IntervalIsFinite, false);
  t->Add("gen_random_uuid", {}, TypeId::kUuid, GenRandomUuid, false).is_volatile = true;
}

}  // namespace omendb::sql
