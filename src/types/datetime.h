// PostgreSQL 15's date, time, timestamp, timestamptz and interval values as pure functions:
// text input and output (DateStyle ISO, MDY; IntervalStyle postgres), arithmetic, conversions,
// extract and date_trunc, with PostgreSQL's results and error messages.
//
// Representations (PostgreSQL's own; the binary wire format is these integers big-endian, an
// interval being int64 micros, int32 days, int32 months in that order):
//   date         int32_t days since 2000-01-01; INT32_MIN = -infinity, INT32_MAX = infinity.
//   time         int64_t microseconds since midnight, 0..86400000000 ('24:00:00' is valid).
//   timestamp    int64_t microseconds since 2000-01-01 00:00:00 (UTC for timestamptz);
//   timestamptz  INT64_MIN = -infinity, INT64_MAX = infinity.
//   interval     Interval{micros, days, months}, the three kept apart as PostgreSQL does.
//
// Implementation files: datetime.cc (calendar, output, conversions, arithmetic),
// datetime_parse.cc (date/time input), datetime_interval.cc, datetime_timezone.cc,
// datetime_extract.cc (extract, date_trunc); datetime_internal.h is shared between them.
#pragma once

#include <absl/time/time.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "types/logical_type.h"

namespace omendb {

inline constexpr int32_t kDateNegInfinity = std::numeric_limits<int32_t>::min();
inline constexpr int32_t kDateInfinity = std::numeric_limits<int32_t>::max();
inline constexpr int64_t kTimestampNegInfinity = std::numeric_limits<int64_t>::min();
inline constexpr int64_t kTimestampInfinity = std::numeric_limits<int64_t>::max();
inline constexpr int64_t kUsecsPerSec = 1000000;
inline constexpr int64_t kUsecsPerDay = 86400 * kUsecsPerSec;
// Seconds from 1970-01-01 (Unix epoch) to 2000-01-01 (PostgreSQL epoch).
inline constexpr int64_t kUnixToPgEpochSecs = 946684800;

// The interval representation shared with vectors and storage (types/logical_type.h):
// months, days and microseconds kept apart. Its == is field-by-field identity ('1 mon' !=
// '30 days'); SQL equality is CompareInterval.
using Interval = IntervalValue;

// A session time zone: a tz database zone (loaded from /usr/share/zoneinfo, or $TZDIR), a fixed
// offset, or a POSIX TZ specification ('EST5EDT4', 'UTC+3', '<+05>-05'), as PostgreSQL's
// SET TIME ZONE accepts them. Cheap to copy.
class TimeZone {
 public:
  // UTC ("UTC" as SHOW TimeZone prints it).
  TimeZone();

  // What SET TIME ZONE 'name' / SET timezone = 'name' accepts:
  //  - a number of hours ('5', '-7', '+5.5'): SQL sign (east of Greenwich positive), shown
  //    as a POSIX name ('<+05>-05');
  //  - a tz database name, case-insensitively ('america/new_york' -> 'America/New_York');
  //  - a POSIX TZ spec, with POSIX's sign (west positive: 'UTC+3' is three hours behind UTC,
  //    '+02:00' likewise), shown upper-cased.
  // Errors: 22023 invalid value for parameter "TimeZone": "<name>"; 22023 time zone "<name>"
  // appears to use leap seconds (a right/ zone, or an offset with seconds).
  static Result<TimeZone> Load(std::string_view name);
  // A fixed offset in seconds east of Greenwich, shown with PostgreSQL's POSIX-style name.
  static TimeZone FixedOffset(int32_t seconds_east);

  // As SHOW TimeZone prints it.
  const std::string& name() const { return name_; }
  // UTC offset in seconds east of Greenwich at the instant `utc_us` (a finite timestamptz).
  int32_t UtcOffsetAt(int64_t utc_us) const;
  // UTC offset, in seconds east, for the local wall-clock time `local_us` (a finite timestamp
  // read in this zone). A time in a DST gap takes the offset before the transition, a time in
  // an overlap the offset after it (PostgreSQL's DetermineTimeZoneOffset).
  int32_t UtcOffsetForLocal(int64_t local_us) const;
  // The zone abbreviation in effect at the instant ('EST', 'CEST', '+0530'...).
  std::string AbbreviationAt(int64_t utc_us) const;

  struct PosixRule;  // datetime_timezone.cc

 private:
  std::string name_;
  absl::TimeZone zone_;              // used when !fixed_ and posix_ == nullptr
  bool fixed_ = true;                 // a fixed offset: fixed_offset_
  int32_t fixed_offset_ = 0;          // seconds east
  std::string fixed_abbr_ = "UTC";    // abbreviation of a fixed offset
  std::shared_ptr<const PosixRule> posix_;  // a POSIX spec with daylight saving time
  friend struct TimeZoneAccess;
};

// The session state date/time input depends on: the TimeZone setting and the transaction start
// time (now(), for 'now', 'today', 'tomorrow', 'yesterday').
struct DateTimeContext {
  const TimeZone* tz = nullptr;  // nullptr = UTC
  int64_t now_us = 0;            // a timestamptz
};

// ---- Text input and output -----------------------------------------------------------------
// Input accepts PostgreSQL's formats (ISO 8601, 'January 8, 1999', '1/8/1999' as MDY,
// '19990108', 'J2451187', BC/AD, AM/PM, 'epoch', 'infinity', '-infinity', 'now', 'today',
// 'tomorrow', 'yesterday', 'allballs', ...). Errors: 22007 invalid input syntax for type <type>:
// "<input>"; 22008 date/time field value out of range: "<input>" (with a datestyle hint for an
// impossible month or day); 22009 time zone displacement out of range; 22008 date out of range /
// timestamp out of range: "<input>"; 22023 time zone "<name>" not recognized.
// `precision` is the typmod of time(p)/timestamp(p) (0..6), or -1 for none.

Result<int32_t> ParseDate(std::string_view s, const DateTimeContext& ctx);
std::string FormatDate(int32_t date);  // '2024-02-29', '0044-03-15 BC', 'infinity'

Result<int64_t> ParseTime(std::string_view s, const DateTimeContext& ctx, int precision = -1);
std::string FormatTime(int64_t time);  // '04:05:06.789', '24:00:00'

// timestamp without time zone: a zone in the input is checked but ignored, as PostgreSQL does.
Result<int64_t> ParseTimestamp(std::string_view s, const DateTimeContext& ctx,
                               int precision = -1);
std::string FormatTimestamp(int64_t ts);  // '2024-01-02 03:04:05.678', '0044-03-15 12:00:00 BC'

// timestamptz: an explicit offset ('+02', '-08:00', 'Z'), abbreviation ('PST', 'CEST') or zone
// name ('Europe/Berlin') in the input, else the session zone.
Result<int64_t> ParseTimestampTz(std::string_view s, const DateTimeContext& ctx,
                                 int precision = -1);
// In `tz`: '2024-01-02 03:04:05.678+01', '+05:30', '-04:56:02'.
std::string FormatTimestampTz(int64_t ts, const TimeZone& tz);

// Postgres-style ('1 year 2 mons 3 days 04:05:06', '@ 1 minute ago', '1-2', '10:00') and ISO 8601
// ('P1Y2M3DT4H5M6S', 'P0001-02-03T04:05:06') input. Errors 22007, 22015 interval field value out
// of range: "<input>", 22008 interval out of range. `precision` as interval(p), -1 for none.
Result<Interval> ParseInterval(std::string_view s, int precision = -1);
// PostgreSQL's interval typmod, (fields << 16) | precision: the fields an interval keeps
// (INTERVAL MONTH, DAY TO MINUTE, ...: a mask of the bits below) and its fractional-second
// precision (kIntervalFullPrecision for none). -1 for plain interval.
inline constexpr int kIntervalMonth = 1 << 1, kIntervalYear = 1 << 2, kIntervalDay = 1 << 3,
                     kIntervalHour = 1 << 10, kIntervalMinute = 1 << 11,
                     kIntervalSecond = 1 << 12;
inline constexpr int kIntervalFullRange = 0x7FFF, kIntervalFullPrecision = 0xFFFF;
// The typmod of the grammar's modifiers ({fields} or {fields, precision}), as
// intervaltypmodin: 22023 for a negative precision or fields no interval type has (a
// precision above 6 becomes 6).
Result<int32_t> IntervalTypmod(const std::vector<int>& modifiers);
// format_type's suffix: "", "(2)", " month", " day to second(3)".
std::string IntervalTypmodText(int32_t typmod);
// Input under a typmod: a number without a unit counts in the last field ('1' DAY is one day,
// '1:30' MINUTE TO SECOND ninety seconds), then AdjustIntervalForTypmod.
Result<Interval> ParseIntervalTypmod(std::string_view s, int32_t typmod);
// Drops the fields the typmod excludes (below its last field; YEAR also drops the months of a
// partial year) and rounds the seconds to its precision, as PostgreSQL's
// AdjustIntervalForTypmod. `typmod` -1 returns v.
Result<Interval> AdjustIntervalForTypmod(const Interval& v, int32_t typmod);
// IntervalStyle postgres: '1 year 2 mons 3 days 04:05:06.5', '-1 days +02:00:00', '00:00:00'.
std::string FormatInterval(const Interval& v);

// PostgreSQL's AdjustTimestampForTypmod/AdjustTimeForTypmod: rounds to `precision` (0..6)
// fractional digits, halves away from zero; infinities and precision < 0 or >= 6 unchanged.
int64_t RoundMicros(int64_t us, int precision);
// RoundMicros for timestamps; like PostgreSQL 15 it does not range-check the result.
Result<int64_t> RoundTimestamp(int64_t ts, int precision);
// interval(p) rounding of the microseconds (wrapping on overflow, as PostgreSQL 15 does).
Result<Interval> RoundInterval(const Interval& v, int precision);

// ---- Interval comparison -------------------------------------------------------------------
// As PostgreSQL: both sides as one 128-bit span, a month being 30 days and a day 24 hours.
int CompareInterval(const Interval& a, const Interval& b);
// A key equal exactly for intervals that CompareInterval finds equal ('1 mon' = '30 days').
std::string IntervalHashKey(const Interval& v);

// ---- Arithmetic (22008 "... out of range" errors as PostgreSQL) ------------------------------
Result<int32_t> DatePlusDays(int32_t date, int32_t days);   // date + int4
Result<int32_t> DateMinusDays(int32_t date, int32_t days);  // date - int4
Result<int32_t> DateMinusDate(int32_t a, int32_t b);        // 22008 cannot subtract infinite dates
Result<int64_t> DatePlusInterval(int32_t date, const Interval& v);   // -> timestamp
Result<int64_t> DateMinusInterval(int32_t date, const Interval& v);  // -> timestamp
Result<int64_t> DatePlusTime(int32_t date, int64_t time);            // -> timestamp

// Months first (clamped to the month's last day), then days, then microseconds.
Result<int64_t> TimestampPlusInterval(int64_t ts, const Interval& v);
Result<int64_t> TimestampMinusInterval(int64_t ts, const Interval& v);
// Months and days applied to the local time in `tz`, microseconds to the instant.
Result<int64_t> TimestampTzPlusInterval(int64_t ts, const Interval& v, const TimeZone& tz);
Result<int64_t> TimestampTzMinusInterval(int64_t ts, const Interval& v, const TimeZone& tz);
// timestamp - timestamp and timestamptz - timestamptz: days + time after justify_hours.
// 22008 cannot subtract infinite timestamps.
Result<Interval> TimestampMinusTimestamp(int64_t a, int64_t b);

Result<Interval> IntervalPlus(const Interval& a, const Interval& b);
Result<Interval> IntervalMinus(const Interval& a, const Interval& b);
Result<Interval> IntervalNegate(const Interval& v);
Result<Interval> IntervalMultiply(const Interval& v, double factor);  // fractions spill down
Result<Interval> IntervalDivide(const Interval& v, double divisor);   // 22012 division by zero
Result<Interval> JustifyDays(const Interval& v);
Result<Interval> JustifyHours(const Interval& v);
Result<Interval> JustifyInterval(const Interval& v);

int64_t TimePlusInterval(int64_t time, const Interval& v);   // wraps around midnight
int64_t TimeMinusInterval(int64_t time, const Interval& v);
Interval TimeMinusTime(int64_t a, int64_t b);

// ---- Conversions ---------------------------------------------------------------------------
Result<int64_t> DateToTimestamp(int32_t date);  // 22008 date out of range for timestamp
Result<int64_t> DateToTimestampTz(int32_t date, const TimeZone& tz);  // local midnight
Result<int32_t> TimestampToDate(int64_t ts);
Result<int32_t> TimestampTzToDate(int64_t ts, const TimeZone& tz);
Result<int64_t> TimestampToTimestampTz(int64_t ts, const TimeZone& tz);  // ts read in tz
Result<int64_t> TimestampTzToTimestamp(int64_t ts, const TimeZone& tz);  // local time in tz
// nullopt for infinite timestamps (PostgreSQL returns NULL).
std::optional<int64_t> TimestampToTime(int64_t ts);
std::optional<int64_t> TimestampTzToTime(int64_t ts, const TimeZone& tz);
// Unix epoch seconds <-> timestamp (no range check; infinities are not mapped).
inline int64_t UnixSecondsToTimestamp(int64_t secs) {
  return (secs - kUnixToPgEpochSecs) * kUsecsPerSec;
}
// Floor of the Unix epoch seconds of a finite timestamp.
int64_t TimestampToUnixSeconds(int64_t ts);
// to_timestamp(double): 22008 timestamp cannot be NaN / timestamp out of range: "%g".
Result<int64_t> ToTimestamp(double epoch_seconds);

// ---- extract / date_part and date_trunc ----------------------------------------------------
// PostgreSQL 14+ returns numeric: value / 10^scale, printed with exactly `scale` fraction digits
// (extract(second ...) of 5.678 -> {5678000, 6} -> '5.678000'). For infinite inputs `special`
// says what PostgreSQL returns instead (Infinity, -Infinity or NULL). When value/scale cannot
// hold PostgreSQL's numeric exactly (julian of a timestamp, which PostgreSQL divides to 20-28
// digits; an epoch beyond int64 microseconds), value/scale is the nearest such number and
// `exact` holds PostgreSQL's text of the numeric.
struct ExtractValue {
  enum Special : uint8_t { kFinite, kInfinity, kNegInfinity, kNull };
  int64_t value = 0;
  int scale = 0;
  Special special = kFinite;
  std::string exact;
  friend bool operator==(const ExtractValue&, const ExtractValue&) = default;
};
// Fields: century, day, decade, dow, doy, epoch, hour, isodow, isoyear, julian, microseconds,
// millennium, milliseconds, minute, month, quarter, second, timezone, timezone_hour,
// timezone_minute, week, year and PostgreSQL's abbreviations of them (case-insensitive).
// Errors: 22023 unit "foo" not recognized for type <type>; 0A000 unit "hour" not supported for
// type date.
Result<ExtractValue> ExtractDate(std::string_view field, int32_t date);
Result<ExtractValue> ExtractTime(std::string_view field, int64_t time);
Result<ExtractValue> ExtractTimestamp(std::string_view field, int64_t ts);
Result<ExtractValue> ExtractTimestampTz(std::string_view field, int64_t ts, const TimeZone& tz);
Result<ExtractValue> ExtractInterval(std::string_view field, const Interval& v);
// The value as PostgreSQL prints the numeric ('5.678000', '-Infinity'; "" for kNull).
std::string FormatExtractValue(const ExtractValue& v);

// date_trunc(field, ...): microseconds, milliseconds, second, minute, hour, day, week, month,
// quarter, year, decade, century, millennium. The timestamptz form truncates the local time in
// `tz` (date_trunc(field, ts, zone) is the same call with that zone).
Result<int64_t> DateTruncTimestamp(std::string_view field, int64_t ts);
Result<int64_t> DateTruncTimestampTz(std::string_view field, int64_t ts, const TimeZone& tz);
Result<Interval> DateTruncInterval(std::string_view field, const Interval& v);

}  // namespace omendb
