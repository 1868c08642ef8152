// Calendar arithmetic, text output, conversions and date/time/timestamp arithmetic.
#include "types/datetime.h"

#include <cmath>
#include <cstdio>

#include "types/datetime_internal.h"

namespace omendb {
namespace dt {

int64_t DateToJulian(int64_t year, int mon, int mday) {
  // Days from civil (proleptic Gregorian), counted in 400-year eras starting in March.
  int64_t y = mon <= 2 ? year - 1 : year;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (mon + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + mday - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468 + kUnixEpochJulian;
}

void JulianToDate(int64_t jd, int64_t* year, int* mon, int* mday) {
  int64_t z = jd - kUnixEpochJulian + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *mday = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *mon = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*mon <= 2 ? 1 : 0);
}

int DayOfWeek(int64_t jd) { return static_cast<int>(((jd + 1) % 7 + 7) % 7); }

bool IsLeap(int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int DaysInMonth(int64_t year, int mon) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return mon == 2 && IsLeap(year) ? 29 : kDays[mon - 1];
}

bool IsValidJulian(int64_t year, int mon, int mday) {
  // As PostgreSQL's IS_VALID_JULIAN, which checks the month but not the day: a timestamptz
  // may be written as 4714-11-23 19:03:58-04:56:02 BC.
  (void)mday;
  bool after_start = year > -4713 || (year == -4713 && mon >= 11);
  bool before_end = year < 5874898 || (year == 5874898 && mon < 6);
  return after_start && before_end;
}

bool TimestampToTm(int64_t ts, Tm* tm) {
  int64_t date = ts / kUsecsPerDay;
  int64_t time = ts - date * kUsecsPerDay;
  if (time < 0) {
    time += kUsecsPerDay;
    date -= 1;
  }
  // A local time may fall just outside the Julian-day range (a zone west of Greenwich at the
  // first instant); the calendar arithmetic handles any day number.
  int64_t jd = date + kPgEpochJulian;
  JulianToDate(jd, &tm->year, &tm->mon, &tm->mday);
  tm->hour = static_cast<int>(time / kUsecsPerHour);
  time -= tm->hour * kUsecsPerHour;
  tm->min = static_cast<int>(time / kUsecsPerMinute);
  time -= tm->min * kUsecsPerMinute;
  tm->sec = static_cast<int>(time / kUsecsPerSec);
  tm->fsec = time - tm->sec * kUsecsPerSec;
  return true;
}

bool TmToTimestamp(const Tm& tm, int32_t offset_east, int64_t* ts) {
  if (!IsValidJulian(tm.year, tm.mon, tm.mday)) return false;
  int64_t date = DateToJulian(tm.year, tm.mon, tm.mday) - kPgEpochJulian;
  int64_t time = ((tm.hour * int64_t{60} + tm.min) * 60 + tm.sec) * kUsecsPerSec + tm.fsec;
  int64_t result;
  if (__builtin_mul_overflow(date, kUsecsPerDay, &result) ||
      __builtin_add_overflow(result, time, &result) ||
      __builtin_sub_overflow(result, offset_east * kUsecsPerSec, &result)) {
    return false;
  }
  if (!IsValidTimestamp(result)) return false;
  *ts = result;
  return true;
}

bool TimestampTzToTm(int64_t ts, const TimeZone& tz, Tm* tm, int32_t* offset_east) {
  int32_t off = tz.UtcOffsetAt(ts);
  if (offset_east != nullptr) *offset_east = off;
  return TimestampToTm(ts + off * kUsecsPerSec, tm);
}

int IsoWeek(int64_t year, int mon, int mday) {
  int64_t jd = DateToJulian(year, mon, mday);
  // Monday of week 1 is the Monday on or before January 4th.
  auto week1 = [](int64_t y) {
    int64_t jan4 = DateToJulian(y, 1, 4);
    return jan4 - (DayOfWeek(jan4) + 6) % 7;
  };
  int64_t start = week1(year);
  if (jd < start) start = week1(year - 1);
  int64_t week = (jd - start) / 7 + 1;
  if (week >= 52) {
    int64_t next = week1(year + 1);
    if (jd >= next) week = (jd - next) / 7 + 1;
  }
  return static_cast<int>(week);
}

int64_t IsoYear(int64_t year, int mon, int mday) {
  int week = IsoWeek(year, mon, mday);
  if (week >= 52 && mon == 1) return year - 1;
  if (week == 1 && mon == 12) return year + 1;
  return year;
}

int64_t IsoWeekToJulian(int64_t year, int week) {
  int64_t jan4 = DateToJulian(year, 1, 4);
  return jan4 - (DayOfWeek(jan4) + 6) % 7 + (week - 1) * int64_t{7};
}

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

Status TimestampOutOfRange() { return Status(kDatetimeFieldOverflow, "timestamp out of range"); }
Status DateOutOfRange() { return Status(kDatetimeFieldOverflow, "date out of range"); }
Status IntervalOutOfRange() { return Status(kDatetimeFieldOverflow, "interval out of range"); }

void AppendPadded(std::string* out, int64_t v, int width) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  if (v < 0) out->push_back('-');
  if (static_cast<int>(digits.size()) < width) out->append(width - digits.size(), '0');
  out->append(digits);
}

void AppendSeconds(std::string* out, int sec, int64_t fsec) {
  AppendPadded(out, sec < 0 ? -sec : sec, 2);
  if (fsec == 0) return;
  std::string frac;
  AppendPadded(&frac, fsec < 0 ? -fsec : fsec, 6);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  out->push_back('.');
  out->append(frac);
}

void AppendOffset(std::string* out, int32_t offset_east) {
  out->push_back(offset_east >= 0 ? '+' : '-');
  int32_t a = offset_east < 0 ? -offset_east : offset_east;
  int hours = a / 3600, mins = a / 60 % 60, secs = a % 60;
  AppendPadded(out, hours, 2);
  if (mins != 0 || secs != 0) {
    out->push_back(':');
    AppendPadded(out, mins, 2);
  }
  if (secs != 0) {
    out->push_back(':');
    AppendPadded(out, secs, 2);
  }
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

int32_t OffsetForLocalTm(const Tm& tm, const TimeZone& tz) {
  if (!IsValidJulian(tm.year, tm.mon, tm.mday)) return 0;
  int64_t days = DateToJulian(tm.year, tm.mon, tm.mday) - kUnixEpochJulian;
  int64_t secs = days * kSecsPerDay + tm.hour * 3600 + tm.min * 60 + tm.sec;
  return TimeZoneAccess::OffsetForLocalSeconds(tz, secs);
}

}  // namespace dt

using namespace dt;  // NOLINT: the helpers above are this file's vocabulary

namespace {

void AppendDate(std::string* out, int64_t year, int mon, int mday) {
  AppendPadded(out, year > 0 ? year : 1 - year, 4);
  out->push_back('-');
  AppendPadded(out, mon, 2);
  out->push_back('-');
  AppendPadded(out, mday, 2);
}

void AppendTimeOfDay(std::string* out, int hour, int min, int sec, int64_t fsec) {
  AppendPadded(out, hour, 2);
  out->push_back(':');
  AppendPadded(out, min, 2);
  out->push_back(':');
  AppendSeconds(out, sec, fsec);
}

// Adds `months` to the month of tm, clamping the day to the new month's length.
void AddMonths(Tm* tm, int64_t months) {
  int64_t m = tm->mon - 1 + months;
  int64_t year_delta = m >= 0 ? m / 12 : -((-m + 11) / 12);
  tm->year += year_delta;
  tm->mon = static_cast<int>(m - year_delta * 12) + 1;
  // Keep the year within what the calendar functions handle; out of range fails later.
  if (tm->year > 100000000) tm->year = 100000000;
  if (tm->year < -100000000) tm->year = -100000000;
  int dim = DaysInMonth(tm->year, tm->mon);
  if (tm->mday > dim) tm->mday = dim;
}

bool AddDays(Tm* tm, int64_t days) {
  int64_t jd = DateToJulian(tm->year, tm->mon, tm->mday) + days;
  if (jd < 0 || jd > std::numeric_limits<int32_t>::max()) return false;
  JulianToDate(jd, &tm->year, &tm->mon, &tm->mday);
  return true;
}

Interval NegateWrapping(const Interval& v) {
  Interval r;
  r.micros = static_cast<int64_t>(0 - static_cast<uint64_t>(v.micros));
  r.days = static_cast<int32_t>(0 - static_cast<uint32_t>(v.days));
  r.months = static_cast<int32_t>(0 - static_cast<uint32_t>(v.months));
  return r;
}

}  // namespace

// ---- output ------------------------------------------------------------------------------

std::string FormatDate(int32_t date) {
  if (date == kDateNegInfinity) return "-infinity";
  if (date == kDateInfinity) return "infinity";
  int64_t year;
  int mon, mday;
  JulianToDate(date + kPgEpochJulian, &year, &mon, &mday);
  std::string out;
  AppendDate(&out, year, mon, mday);
  if (year <= 0) out += " BC";
  return out;
}

std::string FormatTime(int64_t time) {
  std::string out;
  int hour = static_cast<int>(time / kUsecsPerHour);
  time -= hour * kUsecsPerHour;
  int min = static_cast<int>(time / kUsecsPerMinute);
  time -= min * kUsecsPerMinute;
  int sec = static_cast<int>(time / kUsecsPerSec);
  AppendTimeOfDay(&out, hour, min, sec, time - sec * kUsecsPerSec);
  return out;
}

std::string FormatTimestamp(int64_t ts) {
  if (ts == kTimestampNegInfinity) return "-infinity";
  if (ts == kTimestampInfinity) return "infinity";
  Tm tm;
  TimestampToTm(ts, &tm);
  std::string out;
  AppendDate(&out, tm.year, tm.mon, tm.mday);
  out.push_back(' ');
  AppendTimeOfDay(&out, tm.hour, tm.min, tm.sec, tm.fsec);
  if (tm.year <= 0) out += " BC";
  return out;
}

std::string FormatTimestampTz(int64_t ts, const TimeZone& tz) {
  if (ts == kTimestampNegInfinity) return "-infinity";
  if (ts == kTimestampInfinity) return "infinity";
  Tm tm;
  int32_t off = 0;
  TimestampTzToTm(ts, tz, &tm, &off);
  std::string out;
  AppendDate(&out, tm.year, tm.mon, tm.mday);
  out.push_back(' ');
  AppendTimeOfDay(&out, tm.hour, tm.min, tm.sec, tm.fsec);
  AppendOffset(&out, off);
  if (tm.year <= 0) out += " BC";
  return out;
}

// ---- typmod rounding -----------------------------------------------------------------------

int64_t RoundMicros(int64_t us, int precision) {
  if (precision < 0 || precision >= 6 || !TimestampIsFinite(us)) return us;
  int64_t scale = 1;
  for (int i = precision; i < 6; ++i) scale *= 10;
  int64_t half = scale / 2;
  if (us >= 0) return (us + half) / scale * scale;
  return -((-us + half) / scale * scale);
}

Result<int64_t> RoundTimestamp(int64_t ts, int precision) {
  // PostgreSQL 15 does not check the range after rounding: '294276-12-31 23:59:59.5' as
  // timestamp(0) becomes 294277-01-01 00:00:00.
  return RoundMicros(ts, precision);
}

// ---- date arithmetic -----------------------------------------------------------------------

Result<int32_t> DatePlusDays(int32_t date, int32_t days) {
  if (!DateIsFinite(date)) return date;
  int64_t r = int64_t{date} + days;
  if (!IsValidDate(r)) return DateOutOfRange();
  return static_cast<int32_t>(r);
}

Result<int32_t> DateMinusDays(int32_t date, int32_t days) {
  if (!DateIsFinite(date)) return date;
  int64_t r = int64_t{date} - days;
  if (!IsValidDate(r)) return DateOutOfRange();
  return static_cast<int32_t>(r);
}

Result<int32_t> DateMinusDate(int32_t a, int32_t b) {
  if (!DateIsFinite(a) || !DateIsFinite(b)) {
    return Status(kDatetimeFieldOverflow, "cannot subtract infinite dates");
  }
  return a - b;
}

Result<int64_t> DatePlusInterval(int32_t date, const Interval& v) {
  int64_t ts;
  OMEN_ASSIGN_OR_RETURN(ts, DateToTimestamp(date));
  return TimestampPlusInterval(ts, v);
}

Result<int64_t> DateMinusInterval(int32_t date, const Interval& v) {
  int64_t ts;
  OMEN_ASSIGN_OR_RETURN(ts, DateToTimestamp(date));
  return TimestampPlusInterval(ts, NegateWrapping(v));
}

Result<int64_t> DatePlusTime(int32_t date, int64_t time) {
  int64_t ts;
  OMEN_ASSIGN_OR_RETURN(ts, DateToTimestamp(date));
  if (!TimestampIsFinite(ts)) return ts;
  ts += time;
  if (!IsValidTimestamp(ts)) return TimestampOutOfRange();
  return ts;
}

// ---- timestamp arithmetic ------------------------------------------------------------------

Result<int64_t> TimestampPlusInterval(int64_t ts, const Interval& v) {
  if (!TimestampIsFinite(ts)) return ts;
  if (v.months != 0) {
    Tm tm;
    if (!TimestampToTm(ts, &tm)) return TimestampOutOfRange();
    AddMonths(&tm, v.months);
    if (!TmToTimestamp(tm, 0, &ts)) return TimestampOutOfRange();
  }
  if (v.days != 0) {
    Tm tm;
    if (!TimestampToTm(ts, &tm) || !AddDays(&tm, v.days) || !TmToTimestamp(tm, 0, &ts)) {
      return TimestampOutOfRange();
    }
  }
  if (__builtin_add_overflow(ts, v.micros, &ts) || !IsValidTimestamp(ts)) {
    return TimestampOutOfRange();
  }
  return ts;
}

Result<int64_t> TimestampMinusInterval(int64_t ts, const Interval& v) {
  return TimestampPlusInterval(ts, NegateWrapping(v));
}

Result<int64_t> TimestampTzPlusInterval(int64_t ts, const Interval& v, const TimeZone& tz) {
  if (!TimestampIsFinite(ts)) return ts;
  if (v.months != 0) {
    Tm tm;
    if (!TimestampTzToTm(ts, tz, &tm, nullptr)) return TimestampOutOfRange();
    AddMonths(&tm, v.months);
    if (!TmToTimestamp(tm, OffsetForLocalTm(tm, tz), &ts)) return TimestampOutOfRange();
  }
  if (v.days != 0) {
    Tm tm;
    if (!TimestampTzToTm(ts, tz, &tm, nullptr) || !AddDays(&tm, v.days) ||
        !TmToTimestamp(tm, OffsetForLocalTm(tm, tz), &ts)) {
      return TimestampOutOfRange();
    }
  }
  if (__builtin_add_overflow(ts, v.micros, &ts) || !IsValidTimestamp(ts)) {
    return TimestampOutOfRange();
  }
  return ts;
}

Result<int64_t> TimestampTzMinusInterval(int64_t ts, const Interval& v, const TimeZone& tz) {
  return TimestampTzPlusInterval(ts, NegateWrapping(v), tz);
}

Result<Interval> TimestampMinusTimestamp(int64_t a, int64_t b) {
  if (!TimestampIsFinite(a) || !TimestampIsFinite(b)) {
    return Status(kDatetimeFieldOverflow, "cannot subtract infinite timestamps");
  }
  // PostgreSQL 15 does not check this subtraction; it wraps.
  Interval r;
  r.micros = static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
  return JustifyHours(r);
}

// ---- time arithmetic -----------------------------------------------------------------------

int64_t TimePlusInterval(int64_t time, const Interval& v) {
  int64_t r = static_cast<int64_t>(static_cast<uint64_t>(time) + static_cast<uint64_t>(v.micros));
  r -= r / kUsecsPerDay * kUsecsPerDay;
  if (r < 0) r += kUsecsPerDay;
  return r;
}

int64_t TimeMinusInterval(int64_t time, const Interval& v) {
  int64_t r = static_cast<int64_t>(static_cast<uint64_t>(time) - static_cast<uint64_t>(v.micros));
  r -= r / kUsecsPerDay * kUsecsPerDay;
  if (r < 0) r += kUsecsPerDay;
  return r;
}

Interval TimeMinusTime(int64_t a, int64_t b) {
  Interval r;
  r.micros = a - b;
  return r;
}

// ---- conversions ---------------------------------------------------------------------------

Result<int64_t> DateToTimestamp(int32_t date) {
  if (date == kDateNegInfinity) return kTimestampNegInfinity;
  if (date == kDateInfinity) return kTimestampInfinity;
  if (date >= kTimestampEndJulian - kPgEpochJulian) {
    return Status(kDatetimeFieldOverflow, "date out of range for timestamp");
  }
  return date * kUsecsPerDay;
}

Result<int64_t> DateToTimestampTz(int32_t date, const TimeZone& tz) {
  if (date == kDateNegInfinity) return kTimestampNegInfinity;
  if (date == kDateInfinity) return kTimestampInfinity;
  if (date >= kTimestampEndJulian - kPgEpochJulian) {
    return Status(kDatetimeFieldOverflow, "date out of range for timestamp");
  }
  Tm tm;
  JulianToDate(date + kPgEpochJulian, &tm.year, &tm.mon, &tm.mday);
  int64_t r = date * kUsecsPerDay - OffsetForLocalTm(tm, tz) * kUsecsPerSec;
  if (!IsValidTimestamp(r)) {
    return Status(kDatetimeFieldOverflow, "date out of range for timestamp");
  }
  return r;
}

Result<int32_t> TimestampToDate(int64_t ts) {
  if (ts == kTimestampNegInfinity) return kDateNegInfinity;
  if (ts == kTimestampInfinity) return kDateInfinity;
  Tm tm;
  if (!TimestampToTm(ts, &tm)) return TimestampOutOfRange();
  return static_cast<int32_t>(DateToJulian(tm.year, tm.mon, tm.mday) - kPgEpochJulian);
}

Result<int32_t> TimestampTzToDate(int64_t ts, const TimeZone& tz) {
  if (ts == kTimestampNegInfinity) return kDateNegInfinity;
  if (ts == kTimestampInfinity) return kDateInfinity;
  Tm tm;
  if (!TimestampTzToTm(ts, tz, &tm, nullptr)) return TimestampOutOfRange();
  return static_cast<int32_t>(DateToJulian(tm.year, tm.mon, tm.mday) - kPgEpochJulian);
}

Result<int64_t> TimestampToTimestampTz(int64_t ts, const TimeZone& tz) {
  if (!TimestampIsFinite(ts)) return ts;
  Tm tm;
  int64_t r;
  if (!TimestampToTm(ts, &tm) || !TmToTimestamp(tm, OffsetForLocalTm(tm, tz), &r)) {
    return TimestampOutOfRange();
  }
  return r;
}

Result<int64_t> TimestampTzToTimestamp(int64_t ts, const TimeZone& tz) {
  if (!TimestampIsFinite(ts)) return ts;
  Tm tm;
  int64_t r;
  if (!TimestampTzToTm(ts, tz, &tm, nullptr) || !TmToTimestamp(tm, 0, &r)) {
    return TimestampOutOfRange();
  }
  return r;
}

std::optional<int64_t> TimestampToTime(int64_t ts) {
  if (!TimestampIsFinite(ts)) return std::nullopt;
  int64_t t = ts % kUsecsPerDay;
  return t < 0 ? t + kUsecsPerDay : t;
}

std::optional<int64_t> TimestampTzToTime(int64_t ts, const TimeZone& tz) {
  if (!TimestampIsFinite(ts)) return std::nullopt;
  return TimestampToTime(ts + tz.UtcOffsetAt(ts) * kUsecsPerSec);
}

int64_t TimestampToUnixSeconds(int64_t ts) {
  int64_t secs = ts / kUsecsPerSec;
  if (ts % kUsecsPerSec < 0) --secs;
  return secs + kUnixToPgEpochSecs;
}

Result<int64_t> ToTimestamp(double seconds) {
  if (std::isnan(seconds)) return Status(kDatetimeFieldOverflow, "timestamp cannot be NaN");
  if (std::isinf(seconds)) return seconds < 0 ? kTimestampNegInfinity : kTimestampInfinity;
  auto out_of_range = [seconds] {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%g", seconds);
    return Status(kDatetimeFieldOverflow, std::string("timestamp out of range: \"") + buf + "\"");
  };
  if (seconds < static_cast<double>(kSecsPerDay) * (0 - kUnixEpochJulian) ||
      seconds >= static_cast<double>(kSecsPerDay) * (kTimestampEndJulian - kUnixEpochJulian)) {
    return out_of_range();
  }
  double us = std::rint((seconds - static_cast<double>(kUnixToPgEpochSecs)) * 1e6);
  int64_t r = static_cast<int64_t>(us);
  if (!IsValidTimestamp(r)) return out_of_range();
  return r;
}

}  // namespace omendb
