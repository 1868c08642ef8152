// extract / date_part (numeric results, PostgreSQL 14+) and date_trunc.
#include "types/datetime.h"
#include "types/datetime_internal.h"

namespace omendb {

using namespace dt;  // NOLINT

namespace {

constexpr char kTimestampName[] = "timestamp without time zone";
constexpr char kTimestampTzName[] = "timestamp with time zone";
constexpr char kTimeName[] = "time without time zone";
constexpr char kDateName[] = "date";
constexpr char kIntervalName[] = "interval";

struct UnitWord {
  std::string lower;  // as PostgreSQL prints it in errors
  Token token;
};

// extract's field lookup: interval units first, then date/time keywords.
UnitWord LookupExtractUnit(std::string_view field) {
  UnitWord u;
  u.lower = ToLower(field.substr(0, 63));
  u.token = LookupDeltaToken(u.lower);
  if (u.token.type == TokType::kUnknown) u.token = LookupDateToken(u.lower);
  return u;
}

Status NotRecognized(const UnitWord& u, const char* type) {
  return Status(sqlstate::kInvalidParameterValue,
                "unit \"" + u.lower + "\" not recognized for type " + type);
}

Status NotSupported(const UnitWord& u, const char* type, std::string detail = {}) {
  return Status(sqlstate::kFeatureNotSupported,
                "unit \"" + u.lower + "\" not supported for type " + type, std::move(detail));
}

ExtractValue Int(int64_t v) { return ExtractValue{v, 0, ExtractValue::kFinite, {}}; }

std::string Int128ToString(Int128 v) {
  bool neg = v < 0;
  UInt128 a = neg ? static_cast<UInt128>(-(v + 1)) + 1 : v;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(a % 10)));
    a /= 10;
  } while (a != 0);
  return neg ? "-" + digits : digits;
}

// "v / 10^scale" with exactly `scale` fraction digits.
std::string ScaledText(Int128 v, int scale) {
  std::string s = Int128ToString(v);
  bool neg = s[0] == '-';
  std::string digits = neg ? s.substr(1) : s;
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) {
      digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  }
  return neg ? "-" + digits : digits;
}

// value / 10^scale; a value too large for int64 keeps fewer digits in value/scale and its
// exact text in `exact`.
ExtractValue Scaled(Int128 v, int scale) {
  const Int128 kMax = std::numeric_limits<int64_t>::max();
  ExtractValue r;
  if (v > kMax || v < -kMax) r.exact = ScaledText(v, scale);
  while ((v > kMax || v < -kMax) && scale > 0) {
    v = (v + (v < 0 ? -5 : 5)) / 10;
    --scale;
  }
  r.value = static_cast<int64_t>(v);
  r.scale = scale;
  return r;
}

// extract(julian from timestamp): the Julian day plus the fraction of the day, which
// PostgreSQL divides in numeric to 16 significant digits (20 to 28 fraction digits).
ExtractValue JulianValue(int64_t jd, int64_t day_us) {
  // The scale numeric division picks: from the base-10000 weight of the dividend against the
  // divisor 864|0000|0000 (weight 2).
  int weight = 0;
  int64_t first = day_us;
  while (first >= 10000) {
    first /= 10000;
    ++weight;
  }
  int qweight = weight - 2 - (first <= 864 ? 1 : 0);
  int rscale = 16 - qweight * 4;
  Int128 pow = 1;
  for (int i = 0; i < rscale; ++i) pow *= 10;
  Int128 num = static_cast<Int128>(day_us) * pow;
  Int128 q = num / kUsecsPerDay;
  if ((num % kUsecsPerDay) * 2 >= kUsecsPerDay) ++q;
  ExtractValue r = Scaled(static_cast<Int128>(jd) * pow + q, rscale);
  // Keep 12 fraction digits in value/scale, rounded; the full text in `exact`.
  if (r.exact.empty()) r.exact = ScaledText(static_cast<Int128>(jd) * pow + q, rscale);
  Int128 v = static_cast<Int128>(jd) * pow + q;
  int scale = rscale;
  while (scale > 12) {
    v = (v + 5) / 10;
    --scale;
  }
  r.value = static_cast<int64_t>(v);
  r.scale = scale;
  return r;
}

ExtractValue Special(ExtractValue::Special s) { return ExtractValue{0, 0, s, {}}; }

bool IsOscillating(int unit) {
  switch (unit) {
    case kUnitMicrosec:
    case kUnitMillisec:
    case kUnitSecond:
    case kUnitMinute:
    case kUnitHour:
    case kUnitDay:
    case kUnitMonth:
    case kUnitQuarter:
    case kUnitWeek:
    case kUnitDow:
    case kUnitIsoDow:
    case kUnitDoy:
    case kUnitTz:
    case kUnitTzMinute:
    case kUnitTzHour:
      return true;
    default:
      return false;
  }
}

bool IsMonotonic(int unit) {
  switch (unit) {
    case kUnitYear:
    case kUnitDecade:
    case kUnitCentury:
    case kUnitMillennium:
    case kUnitJulian:
    case kUnitIsoYear:
    case kResEpoch:
      return true;
    default:
      return false;
  }
}

// Fields computed from a calendar date, shared by date, timestamp and timestamptz. false when
// `unit` is not a date field.
bool DateField(int unit, int64_t year, int mon, int mday, int64_t* out) {
  switch (unit) {
    case kUnitDay:
      *out = mday;
      return true;
    case kUnitMonth:
      *out = mon;
      return true;
    case kUnitQuarter:
      *out = (mon - 1) / 3 + 1;
      return true;
    case kUnitWeek:
      *out = IsoWeek(year, mon, mday);
      return true;
    case kUnitYear:
      *out = year > 0 ? year : year - 1;  // no year 0: 1 BC is -1
      return true;
    case kUnitDecade:
      *out = year >= 0 ? year / 10 : -((8 - (year - 1)) / 10);
      return true;
    case kUnitCentury:
      *out = year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
      return true;
    case kUnitMillennium:
      *out = year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
      return true;
    case kUnitIsoYear: {
      int64_t y = IsoYear(year, mon, mday);
      *out = y <= 0 ? y - 1 : y;
      return true;
    }
    case kUnitDow:
    case kUnitIsoDow: {
      int dow = DayOfWeek(DateToJulian(year, mon, mday));
      *out = unit == kUnitIsoDow && dow == 0 ? 7 : dow;
      return true;
    }
    case kUnitDoy:
      *out = DateToJulian(year, mon, mday) - DateToJulian(year, 1, 1) + 1;
      return true;
    default:
      return false;
  }
}

Result<ExtractValue> ExtractTimestampCommon(std::string_view field, int64_t ts,
                                            const TimeZone* tz) {
  const char* type = tz != nullptr ? kTimestampTzName : kTimestampName;
  UnitWord u = LookupExtractUnit(field);
  bool units = u.token.type == TokType::kUnits;
  bool reserved = u.token.type == TokType::kReserved;
  int unit = u.token.value;
  if (!TimestampIsFinite(ts)) {
    if (!units && !reserved) return NotRecognized(u, type);
    if (IsOscillating(unit)) return Special(ExtractValue::kNull);
    if (IsMonotonic(unit)) {
      return Special(ts < 0 ? ExtractValue::kNegInfinity : ExtractValue::kInfinity);
    }
    return NotSupported(u, type);
  }
  if (units) {
    Tm tm;
    int32_t offset = 0;
    bool ok = tz != nullptr ? TimestampTzToTm(ts, *tz, &tm, &offset) : TimestampToTm(ts, &tm);
    if (!ok) return TimestampOutOfRange();
    int64_t v;
    int64_t sec_us = tm.sec * kUsecsPerSec + tm.fsec;
    switch (unit) {
      case kUnitMicrosec:
        return Int(sec_us);
      case kUnitMillisec:
        return Scaled(sec_us, 3);
      case kUnitSecond:
        return Scaled(sec_us, 6);
      case kUnitMinute:
        return Int(tm.min);
      case kUnitHour:
        return Int(tm.hour);
      case kUnitJulian:
        return JulianValue(DateToJulian(tm.year, tm.mon, tm.mday),
                           (tm.hour * int64_t{3600} + tm.min * 60) * kUsecsPerSec + sec_us);
      case kUnitTz:
      case kUnitTzMinute:
      case kUnitTzHour:
        if (tz == nullptr) return NotSupported(u, type);
        if (unit == kUnitTz) return Int(offset);
        if (unit == kUnitTzHour) return Int(offset / 3600);
        return Int(offset / 60 % 60);
      default:
        if (DateField(unit, tm.year, tm.mon, tm.mday, &v)) return Int(v);
        return NotSupported(u, type);
    }
  }
  if (reserved) {
    if (unit != kResEpoch) return NotSupported(u, type);
    Int128 us = static_cast<Int128>(ts) + kUnixToPgEpochSecs * kUsecsPerSec;
    // Beyond int64 PostgreSQL divides in numeric, which keeps only 4 fraction digits here.
    if (us > std::numeric_limits<int64_t>::max()) us = (us + 50) / 100 * 100;
    return Scaled(us, 6);
  }
  return NotRecognized(u, type);
}

// The calendar fields date_trunc clears, on tm. false for units it does not know.
bool TruncateTm(int unit, Tm* tm, bool* redo_zone) {
  *redo_zone = false;
  switch (unit) {
    case kUnitWeek: {
      int week = IsoWeek(tm->year, tm->mon, tm->mday);
      int64_t year = tm->year;
      if (week >= 52 && tm->mon == 1) --year;
      if (week <= 1 && tm->mon == 12) ++year;
      JulianToDate(IsoWeekToJulian(year, week), &tm->year, &tm->mon, &tm->mday);
      tm->hour = tm->min = tm->sec = 0;
      tm->fsec = 0;
      *redo_zone = true;
      return true;
    }
    case kUnitMillennium:
      tm->year = tm->year > 0 ? (tm->year + 999) / 1000 * 1000 - 999
                              : -((999 - (tm->year - 1)) / 1000) * 1000 + 1;
      [[fallthrough]];
    case kUnitCentury:
      tm->year = tm->year > 0 ? (tm->year + 99) / 100 * 100 - 99
                              : -((99 - (tm->year - 1)) / 100) * 100 + 1;
      [[fallthrough]];
    case kUnitDecade:
      if (unit == kUnitDecade) {
        tm->year = tm->year > 0 ? tm->year / 10 * 10 : -((8 - (tm->year - 1)) / 10) * 10;
      }
      [[fallthrough]];
    case kUnitYear:
      tm->mon = 1;
      [[fallthrough]];
    case kUnitQuarter:
      tm->mon = 3 * ((tm->mon - 1) / 3) + 1;
      [[fallthrough]];
    case kUnitMonth:
      tm->mday = 1;
      [[fallthrough]];
    case kUnitDay:
      tm->hour = 0;
      *redo_zone = true;
      [[fallthrough]];
    case kUnitHour:
      tm->min = 0;
      [[fallthrough]];
    case kUnitMinute:
      tm->sec = 0;
      [[fallthrough]];
    case kUnitSecond:
      tm->fsec = 0;
      return true;
    case kUnitMillisec:
      tm->fsec = tm->fsec / 1000 * 1000;
      return true;
    case kUnitMicrosec:
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<ExtractValue> ExtractDate(std::string_view field, int32_t date) {
  UnitWord u = LookupExtractUnit(field);
  bool units = u.token.type == TokType::kUnits;
  bool reserved = u.token.type == TokType::kReserved;
  int unit = u.token.value;
  if (!DateIsFinite(date) && (units || reserved)) {
    if (IsMonotonic(unit)) {
      return Special(date < 0 ? ExtractValue::kNegInfinity : ExtractValue::kInfinity);
    }
    switch (unit) {
      case kUnitDay:
      case kUnitMonth:
      case kUnitQuarter:
      case kUnitWeek:
      case kUnitDow:
      case kUnitIsoDow:
      case kUnitDoy:
        return Special(ExtractValue::kNull);
      default:
        return NotSupported(u, kDateName);
    }
  }
  if (units) {
    int64_t year;
    int mon, mday;
    JulianToDate(date + kPgEpochJulian, &year, &mon, &mday);
    if (unit == kUnitJulian) return Int(date + kPgEpochJulian);
    int64_t v;
    if (DateField(unit, year, mon, mday, &v)) return Int(v);
    return NotSupported(u, kDateName);
  }
  if (reserved) {
    if (unit != kResEpoch) return NotSupported(u, kDateName);
    return Int((int64_t{date} + kPgEpochJulian - kUnixEpochJulian) * kSecsPerDay);
  }
  return NotRecognized(u, kDateName);
}

Result<ExtractValue> ExtractTime(std::string_view field, int64_t time) {
  UnitWord u = LookupExtractUnit(field);
  if (u.token.type == TokType::kUnits) {
    int64_t sec_us = time % kUsecsPerMinute;
    switch (u.token.value) {
      case kUnitMicrosec:
        return Int(sec_us);
      case kUnitMillisec:
        return Scaled(sec_us, 3);
      case kUnitSecond:
        return Scaled(sec_us, 6);
      case kUnitMinute:
        return Int(time / kUsecsPerMinute % 60);
      case kUnitHour:
        return Int(time / kUsecsPerHour);
      default:
        return NotSupported(u, kTimeName);
    }
  }
  if (u.token.type == TokType::kReserved && u.token.value == kResEpoch) return Scaled(time, 6);
  return NotRecognized(u, kTimeName);
}

Result<ExtractValue> ExtractTimestamp(std::string_view field, int64_t ts) {
  return ExtractTimestampCommon(field, ts, nullptr);
}

Result<ExtractValue> ExtractTimestampTz(std::string_view field, int64_t ts, const TimeZone& tz) {
  return ExtractTimestampCommon(field, ts, &tz);
}

Result<ExtractValue> ExtractInterval(std::string_view field, const Interval& v) {
  UnitWord u = LookupExtractUnit(field);
  if (u.token.type == TokType::kUnits) {
    int64_t year = v.months / 12, mon = v.months % 12;
    int64_t time = v.micros;
    int64_t hour = time / kUsecsPerHour;
    time -= hour * kUsecsPerHour;
    int64_t min = time / kUsecsPerMinute;
    int64_t sec_us = time - min * kUsecsPerMinute;
    switch (u.token.value) {
      case kUnitMicrosec:
        return Int(sec_us);
      case kUnitMillisec:
        return Scaled(sec_us, 3);
      case kUnitSecond:
        return Scaled(sec_us, 6);
      case kUnitMinute:
        return Int(min);
      case kUnitHour:
        return Int(hour);
      case kUnitDay:
        return Int(v.days);
      case kUnitMonth:
        return Int(mon);
      case kUnitQuarter:
        return Int(mon / 3 + 1);
      case kUnitYear:
        return Int(year);
      case kUnitDecade:
        return Int(year / 10);
      case kUnitCentury:
        return Int(year / 100);
      case kUnitMillennium:
        return Int(year / 1000);
      default:
        return NotSupported(u, kIntervalName);
    }
  }
  if (u.token.type == TokType::kReserved && u.token.value == kResEpoch) {
    // A year is 365.25 days and a month 30 days here.
    Int128 secs = (int64_t{1461} * (v.months / 12) + int64_t{120} * (v.months % 12) +
                     int64_t{4} * v.days) * int64_t{21600};
    return Scaled(secs * kUsecsPerSec + v.micros, 6);
  }
  return NotRecognized(u, kIntervalName);
}

std::string FormatExtractValue(const ExtractValue& v) {
  switch (v.special) {
    case ExtractValue::kInfinity:
      return "Infinity";
    case ExtractValue::kNegInfinity:
      return "-Infinity";
    case ExtractValue::kNull:
      return "";
    case ExtractValue::kFinite:
      break;
  }
  if (!v.exact.empty()) return v.exact;
  return ScaledText(v.value, v.scale);
}

Result<int64_t> DateTruncTimestamp(std::string_view field, int64_t ts) {
  if (!TimestampIsFinite(ts)) return ts;
  UnitWord u{ToLower(field.substr(0, 63)), {}};
  u.token = LookupDeltaToken(u.lower);
  if (u.token.type != TokType::kUnits) return NotRecognized(u, kTimestampName);
  Tm tm;
  if (!TimestampToTm(ts, &tm)) return TimestampOutOfRange();
  bool redo;
  if (!TruncateTm(u.token.value, &tm, &redo)) return NotSupported(u, kTimestampName);
  int64_t r;
  if (!TmToTimestamp(tm, 0, &r)) return TimestampOutOfRange();
  return r;
}

Result<int64_t> DateTruncTimestampTz(std::string_view field, int64_t ts, const TimeZone& tz) {
  if (!TimestampIsFinite(ts)) return ts;
  UnitWord u{ToLower(field.substr(0, 63)), {}};
  u.token = LookupDeltaToken(u.lower);
  if (u.token.type != TokType::kUnits) return NotRecognized(u, kTimestampTzName);
  Tm tm;
  int32_t offset;
  if (!TimestampTzToTm(ts, tz, &tm, &offset)) return TimestampOutOfRange();
  bool redo;
  if (!TruncateTm(u.token.value, &tm, &redo)) return NotSupported(u, kTimestampTzName);
  if (redo) offset = OffsetForLocalTm(tm, tz);
  int64_t r;
  if (!TmToTimestamp(tm, offset, &r)) return TimestampOutOfRange();
  return r;
}

Result<Interval> DateTruncInterval(std::string_view field, const Interval& v) {
  UnitWord u{ToLower(field.substr(0, 63)), {}};
  u.token = LookupDeltaToken(u.lower);
  if (u.token.type != TokType::kUnits) return NotRecognized(u, kIntervalName);
  int64_t year = v.months / 12, mon = v.months % 12, mday = v.days;
  int64_t time = v.micros;
  int64_t hour = time / kUsecsPerHour;
  time -= hour * kUsecsPerHour;
  int64_t min = time / kUsecsPerMinute;
  time -= min * kUsecsPerMinute;
  int64_t sec = time / kUsecsPerSec;
  int64_t usec = time - sec * kUsecsPerSec;
  int unit = u.token.value;
  switch (unit) {
    case kUnitMillennium:
      year = year / 1000 * 1000;
      [[fallthrough]];
    case kUnitCentury:
      year = year / 100 * 100;
      [[fallthrough]];
    case kUnitDecade:
      year = year / 10 * 10;
      [[fallthrough]];
    case kUnitYear:
      mon = 0;
      [[fallthrough]];
    case kUnitQuarter:
      mon = 3 * (mon / 3);
      [[fallthrough]];
    case kUnitMonth:
      mday = 0;
      [[fallthrough]];
    case kUnitDay:
      hour = 0;
      [[fallthrough]];
    case kUnitHour:
      min = 0;
      [[fallthrough]];
    case kUnitMinute:
      sec = 0;
      [[fallthrough]];
    case kUnitSecond:
      usec = 0;
      break;
    case kUnitMillisec:
      usec = usec / 1000 * 1000;
      break;
    case kUnitMicrosec:
      break;
    default:
      return NotSupported(u, kIntervalName,
                          unit == kUnitWeek ? "Months usually have fractional weeks." : "");
  }
  Interval r;
  r.months = static_cast<int32_t>(year * 12 + mon);
  r.days = static_cast<int32_t>(mday);
  r.micros = ((hour * 60 + min) * 60 + sec) * kUsecsPerSec + usec;
  return r;
}

}  // namespace omendb
