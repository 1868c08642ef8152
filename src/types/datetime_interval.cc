// interval: text input (postgres and ISO 8601 forms), output (IntervalStyle postgres),
// comparison and arithmetic, with PostgreSQL 15's rules.
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "types/datetime.h"
#include "types/datetime_internal.h"

namespace omendb {

using namespace dt;  // NOLINT

namespace {

enum class IErr { kOk, kBadFormat, kFieldOverflow };

// The fields of an interval being read, PostgreSQL's pg_itm_in.
struct ItmIn {
  int64_t usec = 0;
  int32_t mday = 0;
  int32_t mon = 0;
  int32_t year = 0;
};

bool MulAdd(int64_t val, int64_t scale, int64_t* sum) {
  int64_t product;
  return !__builtin_mul_overflow(val, scale, &product) &&
         !__builtin_add_overflow(*sum, product, sum);
}

bool AdjustFractMicroseconds(double frac, int64_t scale, ItmIn* itm) {
  if (frac == 0) return true;
  frac *= static_cast<double>(scale);
  int64_t usec = static_cast<int64_t>(frac);
  frac -= static_cast<double>(usec);
  if (frac > 0.5) {
    ++usec;
  } else if (frac < -0.5) {
    --usec;
  }
  return !__builtin_add_overflow(itm->usec, usec, &itm->usec);
}

bool AdjustMicroseconds(int64_t val, double fval, int64_t scale, ItmIn* itm) {
  return MulAdd(val, scale, &itm->usec) && AdjustFractMicroseconds(fval, scale, itm);
}

bool AdjustFractDays(double frac, int scale, ItmIn* itm) {
  if (frac == 0) return true;
  frac *= scale;
  int extra_days = static_cast<int>(frac);
  if (__builtin_add_overflow(itm->mday, extra_days, &itm->mday)) return false;
  frac -= extra_days;
  return AdjustFractMicroseconds(frac, kUsecsPerDay, itm);
}

bool AdjustFractYears(double frac, int scale, ItmIn* itm) {
  int extra_months = static_cast<int>(std::rint(frac * scale * kMonthsPerYear));
  return !__builtin_add_overflow(itm->mon, extra_months, &itm->mon);
}

bool FitsInt32(int64_t v) {
  return v >= std::numeric_limits<int32_t>::min() && v <= std::numeric_limits<int32_t>::max();
}

bool AdjustDays(int64_t val, int scale, ItmIn* itm) {
  int32_t days;
  return FitsInt32(val) && !__builtin_mul_overflow(static_cast<int32_t>(val), scale, &days) &&
         !__builtin_add_overflow(itm->mday, days, &itm->mday);
}

bool AdjustMonths(int64_t val, ItmIn* itm) {
  return FitsInt32(val) && !__builtin_add_overflow(itm->mon, static_cast<int32_t>(val), &itm->mon);
}

bool AdjustYears(int64_t val, int scale, ItmIn* itm) {
  int32_t years;
  return FitsInt32(val) && !__builtin_mul_overflow(static_cast<int32_t>(val), scale, &years) &&
         !__builtin_add_overflow(itm->year, years, &itm->year);
}

// strtol/strtoi64 semantics: no digits leaves *pos and gives 0.
bool StrToInt(std::string_view s, size_t* pos, int64_t* v, bool int32_range) {
  bool overflow = false;
  size_t p = *pos;
  if (!ParseLeadingInt(s, &p, v, &overflow, int32_range)) {
    *v = 0;
    return true;
  }
  *pos = p;
  return !overflow;
}

// hh:mm[:ss[.fff]] or mm:ss.fff, into microseconds (PostgreSQL's DecodeTimeForInterval).
// hh:mm[:ss[.f]] (mm:ss.f with a fraction after two fields; mm:ss when `range` is MINUTE TO
// SECOND).
IErr DecodeTimeForInterval(std::string_view s, int range, int64_t* usec_out) {
  size_t pos = 0;
  int64_t hour = 0, min = 0, sec = 0, fsec = 0;
  if (!StrToInt(s, &pos, &hour, false)) return IErr::kFieldOverflow;
  if (pos >= s.size() || s[pos] != ':') return IErr::kBadFormat;
  ++pos;
  if (!StrToInt(s, &pos, &min, true)) return IErr::kFieldOverflow;
  if (pos == s.size()) {
    sec = 0;
    if (range == (kIntervalMinute | kIntervalSecond)) {
      sec = min;
      min = hour;
      hour = 0;
    }
  } else if (s[pos] == '.') {
    double frac;
    if (!ParseFraction(s.substr(pos), &frac)) return IErr::kBadFormat;
    fsec = static_cast<int64_t>(std::rint(frac * 1000000));
    if (!FitsInt32(hour)) return IErr::kFieldOverflow;
    sec = min;
    min = hour;
    hour = 0;
  } else if (s[pos] == ':') {
    ++pos;
    if (!StrToInt(s, &pos, &sec, true)) return IErr::kFieldOverflow;
    if (pos < s.size()) {
      if (s[pos] != '.') return IErr::kBadFormat;
      double frac;
      if (!ParseFraction(s.substr(pos), &frac)) return IErr::kBadFormat;
      fsec = static_cast<int64_t>(std::rint(frac * 1000000));
    }
  } else {
    return IErr::kBadFormat;
  }
  if (hour < 0 || min < 0 || min > 59 || sec < 0 || sec > 60 || fsec < 0 || fsec > kUsecsPerSec) {
    return IErr::kFieldOverflow;
  }
  int64_t usec = fsec;
  if (!MulAdd(hour, kUsecsPerHour, &usec) || !MulAdd(min, kUsecsPerMinute, &usec) ||
      !MulAdd(sec, kUsecsPerSec, &usec)) {
    return IErr::kFieldOverflow;
  }
  *usec_out = usec;
  return IErr::kOk;
}

enum IMask : uint32_t {
  kMMicro = 1, kMMilli = 2, kMSecond = 4, kMMinute = 8, kMHour = 16, kMDay = 32, kMWeek = 64,
  kMMonth = 128, kMYear = 256, kMDecade = 512, kMCentury = 1024, kMMillennium = 2048,
  kMReserved = 4096
};
constexpr uint32_t kIAllSecs = kMMicro | kMMilli | kMSecond;
constexpr uint32_t kITimeM = kIAllSecs | kMMinute | kMHour;

// The unit of a number without one, at the right end of the input: the typmod's last field.
int DefaultUnit(int range) {
  switch (range) {
    case kIntervalYear: return kUnitYear;
    case kIntervalMonth:
    case kIntervalYear | kIntervalMonth: return kUnitMonth;
    case kIntervalDay: return kUnitDay;
    case kIntervalHour:
    case kIntervalDay | kIntervalHour: return kUnitHour;
    case kIntervalMinute:
    case kIntervalHour | kIntervalMinute:
    case kIntervalDay | kIntervalHour | kIntervalMinute: return kUnitMinute;
    default: return kUnitSecond;
  }
}

IErr DecodeInterval(const std::vector<DtField>& f, int range, ItmIn* itm) {
  bool is_before = false;
  uint32_t fmask = 0;
  int type = kUnitNone;  // the unit of the number to the left
  // Read right to left, so that a unit precedes its number.
  for (size_t n = f.size(); n-- > 0;) {
    const std::string& text = f[n].text;
    uint32_t tmask = 0;
    FieldType ft = f[n].type;
    if (ft == FieldType::kTime) {
      IErr e = DecodeTimeForInterval(text, range, &itm->usec);
      if (e != IErr::kOk) return e;
      tmask = kITimeM;
      type = kUnitDay;
    } else if (ft == FieldType::kTz && text.find(':', 1) != std::string::npos &&
               DecodeTimeForInterval(std::string_view(text).substr(1), range, &itm->usec) ==
                   IErr::kOk) {
      // Signed hh:mm[:ss].
      if (text[0] == '-') {
        if (itm->usec == std::numeric_limits<int64_t>::min()) return IErr::kFieldOverflow;
        itm->usec = -itm->usec;
      }
      tmask = kITimeM;
      type = kUnitDay;
    } else if (ft == FieldType::kTz || ft == FieldType::kDate || ft == FieldType::kNumber) {
      if (type == kUnitNone) type = DefaultUnit(range);
      size_t pos = 0;
      int64_t val = 0;
      double fval = 0;
      if (!StrToInt(text, &pos, &val, false)) return IErr::kFieldOverflow;
      if (pos < text.size() && text[pos] == '-') {
        // SQL "years-months".
        ++pos;
        int64_t val2 = 0;
        if (!StrToInt(text, &pos, &val2, true)) return IErr::kFieldOverflow;
        if (val2 < 0 || val2 >= kMonthsPerYear) return IErr::kFieldOverflow;
        if (pos != text.size()) return IErr::kBadFormat;
        type = kUnitMonth;
        if (text[0] == '-') val2 = -val2;
        if (__builtin_mul_overflow(val, kMonthsPerYear, &val) ||
            __builtin_add_overflow(val, val2, &val)) {
          return IErr::kFieldOverflow;
        }
      } else if (pos < text.size() && text[pos] == '.') {
        if (!ParseFraction(std::string_view(text).substr(pos), &fval)) return IErr::kBadFormat;
        if (text[0] == '-') fval = -fval;
      } else if (pos != text.size()) {
        return IErr::kBadFormat;
      }
      bool ok = true;
      switch (type) {
        case kUnitMicrosec:
          ok = AdjustMicroseconds(val, fval, 1, itm);
          tmask = kMMicro;
          break;
        case kUnitMillisec:
          ok = AdjustMicroseconds(val, fval, 1000, itm);
          tmask = kMMilli;
          break;
        case kUnitSecond:
          ok = AdjustMicroseconds(val, fval, kUsecsPerSec, itm);
          tmask = fval == 0 ? kMSecond : kIAllSecs;
          break;
        case kUnitMinute:
          ok = AdjustMicroseconds(val, fval, kUsecsPerMinute, itm);
          tmask = kMMinute;
          break;
        case kUnitHour:
          ok = AdjustMicroseconds(val, fval, kUsecsPerHour, itm);
          tmask = kMHour;
          type = kUnitDay;
          break;
        case kUnitDay:
          ok = AdjustDays(val, 1, itm) && AdjustFractMicroseconds(fval, kUsecsPerDay, itm);
          tmask = kMDay;
          break;
        case kUnitWeek:
          ok = AdjustDays(val, 7, itm) && AdjustFractDays(fval, 7, itm);
          tmask = kMWeek;
          break;
        case kUnitMonth:
          ok = AdjustMonths(val, itm) && AdjustFractDays(fval, kDaysPerMonth, itm);
          tmask = kMMonth;
          break;
        case kUnitYear:
          ok = AdjustYears(val, 1, itm) && AdjustFractYears(fval, 1, itm);
          tmask = kMYear;
          break;
        case kUnitDecade:
          ok = AdjustYears(val, 10, itm) && AdjustFractYears(fval, 10, itm);
          tmask = kMDecade;
          break;
        case kUnitCentury:
          ok = AdjustYears(val, 100, itm) && AdjustFractYears(fval, 100, itm);
          tmask = kMCentury;
          break;
        case kUnitMillennium:
          ok = AdjustYears(val, 1000, itm) && AdjustFractYears(fval, 1000, itm);
          tmask = kMMillennium;
          break;
        default:
          return IErr::kBadFormat;
      }
      if (!ok) return IErr::kFieldOverflow;
    } else {
      // A word: a unit, "ago", "@".
      Token t = LookupDeltaToken(text);
      if (t.type == TokType::kIgnore) continue;
      if (t.type == TokType::kUnits) {
        type = t.value;
      } else if (t.type == TokType::kAgo) {
        // A number right before "ago" has no unit.
        is_before = true;
        type = -1;
      } else {
        return IErr::kBadFormat;
      }
    }
    if (tmask & fmask) return IErr::kBadFormat;
    fmask |= tmask;
  }
  if (fmask == 0) return IErr::kBadFormat;
  if (is_before) {
    if (itm->usec == std::numeric_limits<int64_t>::min() ||
        itm->mday == std::numeric_limits<int32_t>::min() ||
        itm->mon == std::numeric_limits<int32_t>::min() ||
        itm->year == std::numeric_limits<int32_t>::min()) {
      return IErr::kFieldOverflow;
    }
    itm->usec = -itm->usec;
    itm->mday = -itm->mday;
    itm->mon = -itm->mon;
    itm->year = -itm->year;
  }
  return IErr::kOk;
}

// A number of an ISO 8601 interval: strtod, split into integer and fraction.
IErr ParseIso8601Number(const char* str, const char** end, int64_t* ipart, double* fpart) {
  if (!((*str >= '0' && *str <= '9') || *str == '-' || *str == '.')) return IErr::kBadFormat;
  errno = 0;
  char* e = nullptr;
  double val = std::strtod(str, &e);
  *end = e;
  if (e == str || errno != 0) return IErr::kBadFormat;
  if (std::isnan(val) || val < -1.0e15 || val > 1.0e15) return IErr::kFieldOverflow;
  // Truncate towards zero.
  *ipart = val >= 0 ? static_cast<int64_t>(std::floor(val))
                    : -static_cast<int64_t>(std::floor(-val));
  *fpart = val - static_cast<double>(*ipart);
  return IErr::kOk;
}

int Iso8601IntegerWidth(const char* s) {
  if (*s == '-') ++s;
  return static_cast<int>(std::strspn(s, "0123456789"));
}

IErr DecodeIso8601Interval(const std::string& input, ItmIn* itm) {
  *itm = ItmIn();
  if (input.size() < 2 || input[0] != 'P') return IErr::kBadFormat;
  const char* str = input.c_str() + 1;
  bool datepart = true;
  bool havefield = false;
  while (*str != '\0') {
    if (*str == 'T') {
      datepart = false;
      havefield = false;
      ++str;
      continue;
    }
    const char* fieldstart = str;
    int64_t val;
    double fval;
    IErr e = ParseIso8601Number(str, &str, &val, &fval);
    if (e != IErr::kOk) return e;
    char unit = *str;
    if (unit != '\0') ++str;
    if (datepart) {
      switch (unit) {
        case 'Y':
          if (!AdjustYears(val, 1, itm) || !AdjustFractYears(fval, 1, itm)) {
            return IErr::kFieldOverflow;
          }
          break;
        case 'M':
          if (!AdjustMonths(val, itm) || !AdjustFractDays(fval, kDaysPerMonth, itm)) {
            return IErr::kFieldOverflow;
          }
          break;
        case 'W':
          if (!AdjustDays(val, 7, itm) || !AdjustFractDays(fval, 7, itm)) {
            return IErr::kFieldOverflow;
          }
          break;
        case 'D':
          if (!AdjustDays(val, 1, itm) || !AdjustFractMicroseconds(fval, kUsecsPerDay, itm)) {
            return IErr::kFieldOverflow;
          }
          break;
        case 'T':
        case '\0':
          if (Iso8601IntegerWidth(fieldstart) == 8 && !havefield) {
            // YYYYMMDD
            if (!AdjustYears(val / 10000, 1, itm) || !AdjustMonths((val / 100) % 100, itm) ||
                !AdjustDays(val % 100, 1, itm) ||
                !AdjustFractMicroseconds(fval, kUsecsPerDay, itm)) {
              return IErr::kFieldOverflow;
            }
            if (unit == '\0') return IErr::kOk;
            datepart = false;
            havefield = false;
            continue;
          }
          [[fallthrough]];
        case '-':
          // YYYY-MM-DD, each part optional from the right.
          if (havefield) return IErr::kBadFormat;
          if (!AdjustYears(val, 1, itm) || !AdjustFractYears(fval, 1, itm)) {
            return IErr::kFieldOverflow;
          }
          if (unit == '\0') return IErr::kOk;
          if (unit == 'T') {
            datepart = false;
            havefield = false;
            continue;
          }
          e = ParseIso8601Number(str, &str, &val, &fval);
          if (e != IErr::kOk) return e;
          if (!AdjustMonths(val, itm) || !AdjustFractDays(fval, kDaysPerMonth, itm)) {
            return IErr::kFieldOverflow;
          }
          if (*str == '\0') return IErr::kOk;
          if (*str == 'T') {
            datepart = false;
            havefield = false;
            continue;
          }
          if (*str != '-') return IErr::kBadFormat;
          ++str;
          e = ParseIso8601Number(str, &str, &val, &fval);
          if (e != IErr::kOk) return e;
          if (!AdjustDays(val, 1, itm) || !AdjustFractMicroseconds(fval, kUsecsPerDay, itm)) {
            return IErr::kFieldOverflow;
          }
          if (*str == '\0') return IErr::kOk;
          if (*str == 'T') {
            datepart = false;
            havefield = false;
            continue;
          }
          return IErr::kBadFormat;
        default:
          return IErr::kBadFormat;
      }
    } else {
      switch (unit) {
        case 'H':
          if (!AdjustMicroseconds(val, fval, kUsecsPerHour, itm)) return IErr::kFieldOverflow;
          break;
        case 'M':
          if (!AdjustMicroseconds(val, fval, kUsecsPerMinute, itm)) return IErr::kFieldOverflow;
          break;
        case 'S':
          if (!AdjustMicroseconds(val, fval, kUsecsPerSec, itm)) return IErr::kFieldOverflow;
          break;
        case '\0':
          if (Iso8601IntegerWidth(fieldstart) == 6 && !havefield) {
            // hhmmss
            if (!AdjustMicroseconds(val / 10000, 0, kUsecsPerHour, itm) ||
                !AdjustMicroseconds((val / 100) % 100, 0, kUsecsPerMinute, itm) ||
                !AdjustMicroseconds(val % 100, 0, kUsecsPerSec, itm) ||
                !AdjustFractMicroseconds(fval, 1, itm)) {
              return IErr::kFieldOverflow;
            }
            return IErr::kOk;
          }
          [[fallthrough]];
        case ':':
          // hh:mm:ss
          if (havefield) return IErr::kBadFormat;
          if (!AdjustMicroseconds(val, fval, kUsecsPerHour, itm)) return IErr::kFieldOverflow;
          if (unit == '\0') return IErr::kOk;
          e = ParseIso8601Number(str, &str, &val, &fval);
          if (e != IErr::kOk) return e;
          if (!AdjustMicroseconds(val, fval, kUsecsPerMinute, itm)) return IErr::kFieldOverflow;
          if (*str == '\0') return IErr::kOk;
          if (*str != ':') return IErr::kBadFormat;
          ++str;
          e = ParseIso8601Number(str, &str, &val, &fval);
          if (e != IErr::kOk) return e;
          if (!AdjustMicroseconds(val, fval, kUsecsPerSec, itm)) return IErr::kFieldOverflow;
          if (*str == '\0') return IErr::kOk;
          return IErr::kBadFormat;
        default:
          return IErr::kBadFormat;
      }
    }
    havefield = true;
  }
  return IErr::kOk;
}

void AppendIntPart(std::string* out, int64_t value, const char* units, bool* is_zero,
                   bool* is_before) {
  if (value == 0) return;
  if (!*is_zero) out->push_back(' ');
  if (*is_before && value > 0) out->push_back('+');
  *out += std::to_string(value);
  out->push_back(' ');
  *out += units;
  if (value != 1) out->push_back('s');
  *is_before = value < 0;
  *is_zero = false;
}

Int128 Span(const Interval& v) {
  int64_t days = int64_t{v.months} * 30 + v.days;
  return static_cast<Int128>(v.micros) + static_cast<Int128>(days) * kUsecsPerDay;
}

bool FitsInt32Double(double d) { return d >= -2147483648.0 && d < 2147483648.0; }
bool FitsInt64Double(double d) { return d >= -9223372036854775808.0 && d < 9223372036854775808.0; }
double TsRound(double d) { return std::rint(d * 1000000.0) / 1000000.0; }

}  // namespace

namespace {

// Input with `range` deciding the unit of numbers without one (kIntervalFullRange: seconds).
Result<Interval> ParseIntervalRange(std::string_view s, int range, int precision) {
  std::vector<DtField> fields;
  ItmIn itm;
  IErr e = IErr::kBadFormat;
  if (SplitDateTimeFields(s, 256, &fields)) e = DecodeInterval(fields, range, &itm);
  if (e == IErr::kBadFormat) e = DecodeIso8601Interval(std::string(s), &itm);
  if (e == IErr::kFieldOverflow) {
    return Status(kIntervalFieldOverflow, "interval field value out of range: " + Quote(s));
  }
  if (e != IErr::kOk) {
    return Status(sqlstate::kInvalidDatetimeFormat,
                  "invalid input syntax for type interval: " + Quote(s));
  }
  Interval r;
  int32_t months;
  if (__builtin_mul_overflow(itm.year, kMonthsPerYear, &months) ||
      __builtin_add_overflow(months, itm.mon, &r.months)) {
    return IntervalOutOfRange();
  }
  r.days = itm.mday;
  r.micros = itm.usec;
  return RoundInterval(r, precision);
}

}  // namespace

Result<Interval> ParseInterval(std::string_view s, int precision) {
  return ParseIntervalRange(s, kIntervalFullRange, precision);
}

namespace {

constexpr int Range(int32_t typmod) { return (typmod >> 16) & 0x7FFF; }
constexpr int Precision(int32_t typmod) { return typmod & 0xFFFF; }

// The field combinations an interval type may have, with format_type's words for them.
struct IntervalFields {
  int range;
  const char* text;
};
constexpr IntervalFields kIntervalFields[] = {
    {kIntervalYear, " year"},
    {kIntervalMonth, " month"},
    {kIntervalDay, " day"},
    {kIntervalHour, " hour"},
    {kIntervalMinute, " minute"},
    {kIntervalSecond, " second"},
    {kIntervalYear | kIntervalMonth, " year to month"},
    {kIntervalDay | kIntervalHour, " day to hour"},
    {kIntervalDay | kIntervalHour | kIntervalMinute, " day to minute"},
    {kIntervalDay | kIntervalHour | kIntervalMinute | kIntervalSecond, " day to second"},
    {kIntervalHour | kIntervalMinute, " hour to minute"},
    {kIntervalHour | kIntervalMinute | kIntervalSecond, " hour to second"},
    {kIntervalMinute | kIntervalSecond, " minute to second"},
    {kIntervalFullRange, ""},
};

const char* FieldsText(int range) {
  for (const IntervalFields& f : kIntervalFields) {
    if (f.range == range) return f.text;
  }
  return nullptr;
}

}  // namespace

Result<int32_t> IntervalTypmod(const std::vector<int>& modifiers) {
  auto invalid = [] {
    return Status(sqlstate::kInvalidParameterValue, "invalid INTERVAL type modifier");
  };
  if (modifiers.empty() || modifiers.size() > 2) return invalid();
  const int range = modifiers[0];
  if (FieldsText(range) == nullptr) return invalid();
  int precision = kIntervalFullPrecision;
  if (modifiers.size() == 2) {
    precision = modifiers[1];
    if (precision < 0) {
      return Status(sqlstate::kInvalidParameterValue,
                    "INTERVAL(" + std::to_string(precision) + ") precision must not be negative");
    }
    precision = std::min(precision, 6);  // PostgreSQL reduces it with a warning
  }
  if (range == kIntervalFullRange && precision == kIntervalFullPrecision) return -1;
  return (range << 16) | precision;
}

std::string IntervalTypmodText(int32_t typmod) {
  if (typmod < 0) return "";
  const char* fields = FieldsText(Range(typmod));
  std::string out = fields ? fields : "";
  if (Precision(typmod) != kIntervalFullPrecision) {
    out += "(" + std::to_string(Precision(typmod)) + ")";
  }
  return out;
}

Result<Interval> AdjustIntervalForTypmod(const Interval& v, int32_t typmod) {
  if (typmod < 0) return v;
  Interval r = v;
  const int range = Range(typmod);
  auto truncate_time = [&r](int64_t unit) { r.micros = r.micros / unit * unit; };
  switch (range) {
    case kIntervalYear:
      r.months = r.months / kMonthsPerYear * kMonthsPerYear;
      r.days = 0;
      r.micros = 0;
      break;
    case kIntervalMonth:
    case kIntervalYear | kIntervalMonth:
      r.days = 0;
      r.micros = 0;
      break;
    case kIntervalDay:
      r.micros = 0;
      break;
    case kIntervalHour:
    case kIntervalDay | kIntervalHour:
      truncate_time(kUsecsPerHour);
      break;
    case kIntervalMinute:
    case kIntervalHour | kIntervalMinute:
    case kIntervalDay | kIntervalHour | kIntervalMinute:
      truncate_time(kUsecsPerMinute);
      break;
    default:  // seconds kept; full range
      break;
  }
  const int precision = Precision(typmod);
  if (precision == kIntervalFullPrecision) return r;
  return RoundInterval(r, precision);
}

Result<Interval> ParseIntervalTypmod(std::string_view s, int32_t typmod) {
  if (typmod < 0) return ParseInterval(s);
  Interval v;
  OMEN_ASSIGN_OR_RETURN(v, ParseIntervalRange(s, Range(typmod), -1));
  return AdjustIntervalForTypmod(v, typmod);
}

std::string FormatInterval(const Interval& v) {
  std::string out;
  bool is_zero = true, is_before = false;
  AppendIntPart(&out, v.months / 12, "year", &is_zero, &is_before);
  AppendIntPart(&out, v.months % 12, "mon", &is_zero, &is_before);
  AppendIntPart(&out, v.days, "day", &is_zero, &is_before);
  int64_t time = v.micros;
  int64_t hour = time / kUsecsPerHour;
  time -= hour * kUsecsPerHour;
  int64_t min = time / kUsecsPerMinute;
  time -= min * kUsecsPerMinute;
  int64_t sec = time / kUsecsPerSec;
  int64_t fsec = time - sec * kUsecsPerSec;
  if (is_zero || hour != 0 || min != 0 || sec != 0 || fsec != 0) {
    bool minus = hour < 0 || min < 0 || sec < 0 || fsec < 0;
    if (!is_zero) out.push_back(' ');
    if (minus) {
      out.push_back('-');
    } else if (is_before) {
      out.push_back('+');
    }
    // |hour| of INT64_MIN micros still fits: the hour count is far below 2^63.
    AppendPadded(&out, hour < 0 ? -hour : hour, 2);
    out.push_back(':');
    AppendPadded(&out, min < 0 ? -min : min, 2);
    out.push_back(':');
    AppendSeconds(&out, static_cast<int>(sec), fsec);
  }
  return out;
}

Result<Interval> RoundInterval(const Interval& v, int precision) {
  if (precision < 0 || precision >= 6) return v;
  int64_t scale = 1;
  for (int i = precision; i < 6; ++i) scale *= 10;
  // PostgreSQL 15 rounds without an overflow check; the sums wrap as they do there.
  auto wrap_add = [](int64_t a, int64_t b) {
    return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
  };
  auto wrap_neg = [](int64_t a) { return static_cast<int64_t>(0 - static_cast<uint64_t>(a)); };
  Interval r = v;
  if (v.micros >= 0) {
    r.micros = wrap_add(v.micros, scale / 2) / scale * scale;
  } else {
    r.micros = wrap_neg(wrap_add(wrap_neg(v.micros), scale / 2) / scale * scale);
  }
  return r;
}

int CompareInterval(const Interval& a, const Interval& b) {
  Int128 x = Span(a), y = Span(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

std::string IntervalHashKey(const Interval& v) {
  UInt128 span = static_cast<UInt128>(Span(v));
  std::string key(16, '\0');
  for (int i = 15; i >= 0; --i) {
    key[i] = static_cast<char>(static_cast<uint8_t>(span & 0xff));
    span >>= 8;
  }
  return key;
}

Result<Interval> IntervalPlus(const Interval& a, const Interval& b) {
  Interval r;
  if (__builtin_add_overflow(a.months, b.months, &r.months) ||
      __builtin_add_overflow(a.days, b.days, &r.days) ||
      __builtin_add_overflow(a.micros, b.micros, &r.micros)) {
    return IntervalOutOfRange();
  }
  return r;
}

Result<Interval> IntervalMinus(const Interval& a, const Interval& b) {
  Interval r;
  if (__builtin_sub_overflow(a.months, b.months, &r.months) ||
      __builtin_sub_overflow(a.days, b.days, &r.days) ||
      __builtin_sub_overflow(a.micros, b.micros, &r.micros)) {
    return IntervalOutOfRange();
  }
  return r;
}

Result<Interval> IntervalNegate(const Interval& v) {
  Interval r;
  if (__builtin_sub_overflow(int64_t{0}, v.micros, &r.micros) ||
      __builtin_sub_overflow(int32_t{0}, v.days, &r.days) ||
      __builtin_sub_overflow(int32_t{0}, v.months, &r.months)) {
    return IntervalOutOfRange();
  }
  return r;
}

namespace {

// interval * factor and interval / divisor share this; the arguments are the scaled fields.
Result<Interval> ScaleInterval(double month_product, double day_product,
                               double time_product) {
  Interval r;
  if (std::isnan(month_product) || !FitsInt32Double(month_product)) return IntervalOutOfRange();
  r.months = static_cast<int32_t>(month_product);
  if (std::isnan(day_product) || !FitsInt32Double(day_product)) return IntervalOutOfRange();
  r.days = static_cast<int32_t>(day_product);
  // Fractional months spill into days and fractional days into seconds, never upwards.
  double month_remainder_days = TsRound((month_product - r.months) * kDaysPerMonth);
  double sec_remainder =
      TsRound((day_product - r.days + month_remainder_days -
               static_cast<int>(month_remainder_days)) * kSecsPerDay);
  if (std::fabs(sec_remainder) >= kSecsPerDay) {
    int extra = static_cast<int>(sec_remainder / kSecsPerDay);
    if (__builtin_add_overflow(r.days, extra, &r.days)) return IntervalOutOfRange();
    sec_remainder -= extra * static_cast<double>(kSecsPerDay);
  }
  if (__builtin_add_overflow(r.days, static_cast<int32_t>(month_remainder_days), &r.days)) {
    return IntervalOutOfRange();
  }
  double t = std::rint(time_product + sec_remainder * kUsecsPerSec);
  if (std::isnan(t) || !FitsInt64Double(t)) return IntervalOutOfRange();
  r.micros = static_cast<int64_t>(t);
  return r;
}

}  // namespace

Result<Interval> IntervalMultiply(const Interval& v, double factor) {
  return ScaleInterval(v.months * factor, v.days * factor, static_cast<double>(v.micros) * factor);
}

Result<Interval> IntervalDivide(const Interval& v, double divisor) {
  if (divisor == 0.0) return Status(sqlstate::kDivisionByZero, "division by zero");
  return ScaleInterval(v.months / divisor, v.days / divisor,
                       static_cast<double>(v.micros) / divisor);
}

Result<Interval> JustifyHours(const Interval& v) {
  Interval r = v;
  int64_t wholeday = r.micros / kUsecsPerDay;
  r.micros -= wholeday * kUsecsPerDay;
  if (!FitsInt32(int64_t{r.days} + wholeday)) return IntervalOutOfRange();
  r.days = static_cast<int32_t>(r.days + wholeday);
  if (r.days > 0 && r.micros < 0) {
    r.micros += kUsecsPerDay;
    r.days--;
  } else if (r.days < 0 && r.micros > 0) {
    r.micros -= kUsecsPerDay;
    r.days++;
  }
  return r;
}

Result<Interval> JustifyDays(const Interval& v) {
  Interval r = v;
  int32_t wholemonth = r.days / kDaysPerMonth;
  r.days -= wholemonth * kDaysPerMonth;
  if (__builtin_add_overflow(r.months, wholemonth, &r.months)) return IntervalOutOfRange();
  if (r.months > 0 && r.days < 0) {
    r.days += kDaysPerMonth;
    r.months--;
  } else if (r.months < 0 && r.days > 0) {
    r.days -= kDaysPerMonth;
    r.months++;
  }
  return r;
}

Result<Interval> JustifyInterval(const Interval& v) {
  Interval r = v;
  // Pre-justify days when day and time agree in sign, which can prevent an overflow.
  if ((r.days > 0 && r.micros > 0) || (r.days < 0 && r.micros < 0)) {
    int32_t wholemonth = r.days / kDaysPerMonth;
    r.days -= wholemonth * kDaysPerMonth;
    if (__builtin_add_overflow(r.months, wholemonth, &r.months)) return IntervalOutOfRange();
  }
  int64_t wholeday = r.micros / kUsecsPerDay;
  r.micros -= wholeday * kUsecsPerDay;
  if (!FitsInt32(int64_t{r.days} + wholeday)) return IntervalOutOfRange();
  r.days = static_cast<int32_t>(r.days + wholeday);
  int32_t wholemonth = r.days / kDaysPerMonth;
  r.days -= wholemonth * kDaysPerMonth;
  if (__builtin_add_overflow(r.months, wholemonth, &r.months)) return IntervalOutOfRange();
  if (r.months > 0 && (r.days < 0 || (r.days == 0 && r.micros < 0))) {
    r.days += kDaysPerMonth;
    r.months--;
  } else if (r.months < 0 && (r.days > 0 || (r.days == 0 && r.micros > 0))) {
    r.days -= kDaysPerMonth;
    r.months++;
  }
  if (r.days > 0 && r.micros < 0) {
    r.micros += kUsecsPerDay;
    r.days--;
  } else if (r.days < 0 && r.micros > 0) {
    r.micros -= kUsecsPerDay;
    r.days++;
  }
  return r;
}

}  // namespace omendb
