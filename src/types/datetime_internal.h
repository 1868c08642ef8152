// Helpers shared by the datetime_*.cc files; not part of the public API (see datetime.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "types/datetime.h"

namespace omendb {

// The parts of TimeZone the datetime_*.cc files share (seconds are Unix epoch seconds).
struct TimeZoneAccess {
  static int32_t OffsetAtSeconds(const TimeZone& tz, int64_t utc_secs);
  static int32_t OffsetForLocalSeconds(const TimeZone& tz, int64_t local_secs);
  static std::optional<TimeZone> FromFile(std::string_view name);
  static std::optional<TimeZone> FromPosix(std::string_view spec);
  // Whether the zone has a single UTC offset at all times.
  static bool IsFixed(const TimeZone& tz);
};

namespace dt {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

using sqlstate::kDatetimeFieldOverflow;
using sqlstate::kIntervalFieldOverflow;
using sqlstate::kInvalidTimeZoneDisplacement;

inline constexpr int64_t kUsecsPerMinute = 60 * kUsecsPerSec;
inline constexpr int64_t kUsecsPerHour = 3600 * kUsecsPerSec;
inline constexpr int kSecsPerDay = 86400;
inline constexpr int kDaysPerMonth = 30;
inline constexpr int kMonthsPerYear = 12;

// Julian day numbers as PostgreSQL counts them (day 0 = 4714-11-24 BC, proleptic Gregorian).
inline constexpr int64_t kPgEpochJulian = 2451545;    // 2000-01-01
inline constexpr int64_t kUnixEpochJulian = 2440588;  // 1970-01-01
inline constexpr int64_t kDateEndJulian = 2147483494;  // 5874898-06-01, first invalid date
inline constexpr int64_t kTimestampEndJulian = 109203528;  // 294277-01-01
inline constexpr int64_t kMinTimestamp = -211813488000000000;  // 4714-11-24 00:00:00 BC
inline constexpr int64_t kEndTimestamp = 9223371331200000000;  // 294277-01-01 00:00:00

// Broken-down time. Years are astronomical: 0 = 1 BC, -1 = 2 BC.
struct Tm {
  int64_t year = 0;
  int mon = 1;
  int mday = 1;
  int hour = 0;
  int min = 0;
  int sec = 0;
  int64_t fsec = 0;  // microseconds
};

int64_t DateToJulian(int64_t year, int mon, int mday);
void JulianToDate(int64_t jd, int64_t* year, int* mon, int* mday);
int DayOfWeek(int64_t jd);  // 0 = Sunday
bool IsLeap(int64_t year);
int DaysInMonth(int64_t year, int mon);
// PostgreSQL's IS_VALID_JULIAN: y-m from 4714-11 BC up to 5874898-05 (days unchecked).
bool IsValidJulian(int64_t year, int mon, int mday);
inline bool IsValidDate(int64_t d) {
  return d >= -kPgEpochJulian && d < kDateEndJulian - kPgEpochJulian;
}
inline bool IsValidTimestamp(int64_t ts) { return ts >= kMinTimestamp && ts < kEndTimestamp; }
inline bool TimestampIsFinite(int64_t ts) {
  return ts != kTimestampInfinity && ts != kTimestampNegInfinity;
}
inline bool DateIsFinite(int32_t d) { return d != kDateInfinity && d != kDateNegInfinity; }

// A finite timestamp (micros in local time) broken down; false when outside the Julian range.
bool TimestampToTm(int64_t ts, Tm* tm);
// Local fields to a timestamp; `offset_east` seconds are subtracted (0 for a timestamp).
// false when out of range.
bool TmToTimestamp(const Tm& tm, int32_t offset_east, int64_t* ts);
// A timestamptz broken down in `tz`; *offset_east receives the offset used.
bool TimestampTzToTm(int64_t ts, const TimeZone& tz, Tm* tm, int32_t* offset_east);
// The UTC offset of the local wall time `tm` in `tz` (PostgreSQL's DetermineTimeZoneOffset).
int32_t OffsetForLocalTm(const Tm& tm, const TimeZone& tz);

// ISO 8601 week number and week-numbering year.
int IsoWeek(int64_t year, int mon, int mday);
int64_t IsoYear(int64_t year, int mon, int mday);
// Julian day of the Monday of ISO week `week` of ISO year `year`.
int64_t IsoWeekToJulian(int64_t year, int week);

std::string Quote(std::string_view s);  // "\"" + s + "\""
Status TimestampOutOfRange();
Status DateOutOfRange();
Status IntervalOutOfRange();

// Appends "SS" or "SS.ffffff" with trailing zeros trimmed (abs values).
void AppendSeconds(std::string* out, int sec, int64_t fsec);
void AppendPadded(std::string* out, int64_t v, int width);
// "+05", "-08:00", "+05:53:28" for an offset in seconds east.
void AppendOffset(std::string* out, int32_t offset_east);

std::string ToLower(std::string_view s);

// PostgreSQL's keyword tables. A key matches a token when equal, or when the token is
// TOKMAXLEN (10) characters long and is a prefix of the key.
enum class TokType : uint8_t {
  kReserved, kMonth, kYear, kDay, kJulian, kTz, kDtz, kDynTz, kIgnore, kAmPm, kHour, kMinute,
  kSecond, kMillisecond, kMicrosecond, kDoy, kDow, kUnits, kAdBc, kAgo, kIsoTime, kWeek,
  kDecade, kCentury, kMillennium, kDtzMod, kUnknown
};
// Values for kUnits and kReserved tokens.
enum Unit : int {
  kUnitNone = 0, kUnitMicrosec, kUnitMillisec, kUnitSecond, kUnitMinute, kUnitHour, kUnitDay,
  kUnitWeek, kUnitMonth, kUnitQuarter, kUnitYear, kUnitDecade, kUnitCentury, kUnitMillennium,
  kUnitJulian, kUnitDow, kUnitDoy, kUnitIsoDow, kUnitIsoYear, kUnitTz, kUnitTzHour,
  kUnitTzMinute, kUnitTime,
  // reserved words
  kResEpoch, kResLate, kResEarly, kResNow, kResToday, kResTomorrow, kResYesterday, kResZulu
};
struct Token {
  TokType type = TokType::kUnknown;
  int value = 0;
};
Token LookupDateToken(std::string_view lower);   // datetktbl
Token LookupDeltaToken(std::string_view lower);  // deltatktbl (interval units)

// PostgreSQL's ParseDateTime: splits date/time input into typed fields (text lower-cased).
// `bufsize` is the work buffer PostgreSQL allows (153 for dates and times, 256 for intervals);
// false on bad syntax.
enum class FieldType : uint8_t { kNumber, kDate, kTime, kString, kSpecial, kTz };
struct DtField {
  std::string text;
  FieldType type;
};
bool SplitDateTimeFields(std::string_view s, size_t bufsize, std::vector<DtField>* fields);
// strtod over all of `s` (which starts with '.'; "." alone is 0); false on trailing junk.
bool ParseFraction(std::string_view s, double* out);
// strtol-like: optional sign and digits at *pos; false if no digits. *overflow when the
// value does not fit in `limit` (int32 or int64 range).
bool ParseLeadingInt(std::string_view s, size_t* pos, int64_t* value, bool* overflow,
                     bool int32_range);

// Time zone abbreviations of PostgreSQL's 'Default' timezone_abbreviations set.
struct TzAbbrev {
  const char* abbrev;  // lower case
  int32_t offset;      // seconds east
  bool is_dst;
  const char* zone;  // dynamic abbreviation: the zone that defines it, else nullptr
};
const TzAbbrev* LookupTzAbbrev(std::string_view lower);
// A zone name as a date/time string may carry it: a tz database name or POSIX spec
// (PostgreSQL's pg_tzset), without SET's numeric-hours form.
std::optional<TimeZone> FindZone(std::string_view name);

}  // namespace dt
}  // namespace omendb
