// Text input of date, time, timestamp and timestamptz: PostgreSQL's field splitting and
// decoding rules (DateStyle MDY), reimplemented.
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "types/datetime.h"
#include "types/datetime_internal.h"
#include "types/pg_text.h"
#include "types/session_time.h"

namespace omendb {
namespace dt {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
bool IsSpace(char c) { return IsAsciiSpace(c); }
bool IsPunct(char c) { return c > 32 && c < 127 && !IsAlnum(c); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

struct TokenEntry {
  const char* text;  // at most TOKMAXLEN (10) characters
  TokType type;
  int value;
};

using T = TokType;

// datetktbl: words of date/time input, sorted.
const TokenEntry kDateTokens[] = {
    {"-infinity", T::kReserved, kResEarly}, {"ad", T::kAdBc, 0},
    {"allballs", T::kReserved, kResZulu}, {"am", T::kAmPm, 0}, {"apr", T::kMonth, 4},
    {"april", T::kMonth, 4}, {"at", T::kIgnore, 0}, {"aug", T::kMonth, 8},
    {"august", T::kMonth, 8}, {"bc", T::kAdBc, 1}, {"d", T::kUnits, kUnitDay},
    {"dec", T::kMonth, 12}, {"december", T::kMonth, 12}, {"dow", T::kUnits, kUnitDow},
    {"doy", T::kUnits, kUnitDoy}, {"dst", T::kDtzMod, 3600}, {"epoch", T::kReserved, kResEpoch},
    {"feb", T::kMonth, 2}, {"february", T::kMonth, 2}, {"fri", T::kDow, 5},
    {"friday", T::kDow, 5}, {"h", T::kUnits, kUnitHour}, {"infinity", T::kReserved, kResLate},
    {"isodow", T::kUnits, kUnitIsoDow}, {"isoyear", T::kUnits, kUnitIsoYear},
    {"j", T::kUnits, kUnitJulian}, {"jan", T::kMonth, 1}, {"january", T::kMonth, 1},
    {"jd", T::kUnits, kUnitJulian}, {"jul", T::kMonth, 7}, {"julian", T::kUnits, kUnitJulian},
    {"july", T::kMonth, 7}, {"jun", T::kMonth, 6}, {"june", T::kMonth, 6},
    {"m", T::kUnits, kUnitMonth}, {"mar", T::kMonth, 3}, {"march", T::kMonth, 3},
    {"may", T::kMonth, 5}, {"mm", T::kUnits, kUnitMinute}, {"mon", T::kDow, 1},
    {"monday", T::kDow, 1}, {"nov", T::kMonth, 11}, {"november", T::kMonth, 11},
    {"now", T::kReserved, kResNow}, {"oct", T::kMonth, 10}, {"october", T::kMonth, 10},
    {"on", T::kIgnore, 0}, {"pm", T::kAmPm, 1}, {"s", T::kUnits, kUnitSecond},
    {"sat", T::kDow, 6}, {"saturday", T::kDow, 6}, {"sep", T::kMonth, 9},
    {"sept", T::kMonth, 9}, {"september", T::kMonth, 9}, {"sun", T::kDow, 0},
    {"sunday", T::kDow, 0}, {"t", T::kIsoTime, kUnitTime}, {"thu", T::kDow, 4},
    {"thur", T::kDow, 4}, {"thurs", T::kDow, 4}, {"thursday", T::kDow, 4},
    {"today", T::kReserved, kResToday}, {"tomorrow", T::kReserved, kResTomorrow},
    {"tue", T::kDow, 2}, {"tues", T::kDow, 2}, {"tuesday", T::kDow, 2}, {"wed", T::kDow, 3},
    {"wednesday", T::kDow, 3}, {"weds", T::kDow, 3}, {"y", T::kUnits, kUnitYear},
    {"yesterday", T::kReserved, kResYesterday},
};

// deltatktbl: interval units, sorted.
const TokenEntry kDeltaTokens[] = {
    {"@", T::kIgnore, 0}, {"ago", T::kAgo, 0}, {"c", T::kUnits, kUnitCentury},
    {"cent", T::kUnits, kUnitCentury}, {"centuries", T::kUnits, kUnitCentury},
    {"century", T::kUnits, kUnitCentury}, {"d", T::kUnits, kUnitDay},
    {"day", T::kUnits, kUnitDay}, {"days", T::kUnits, kUnitDay},
    {"dec", T::kUnits, kUnitDecade}, {"decade", T::kUnits, kUnitDecade},
    {"decades", T::kUnits, kUnitDecade}, {"decs", T::kUnits, kUnitDecade},
    {"h", T::kUnits, kUnitHour}, {"hour", T::kUnits, kUnitHour}, {"hours", T::kUnits, kUnitHour},
    {"hr", T::kUnits, kUnitHour}, {"hrs", T::kUnits, kUnitHour}, {"m", T::kUnits, kUnitMinute},
    {"microsecon", T::kUnits, kUnitMicrosec}, {"mil", T::kUnits, kUnitMillennium},
    {"millennia", T::kUnits, kUnitMillennium}, {"millennium", T::kUnits, kUnitMillennium},
    {"millisecon", T::kUnits, kUnitMillisec}, {"mils", T::kUnits, kUnitMillennium},
    {"min", T::kUnits, kUnitMinute}, {"mins", T::kUnits, kUnitMinute},
    {"minute", T::kUnits, kUnitMinute}, {"minutes", T::kUnits, kUnitMinute},
    {"mon", T::kUnits, kUnitMonth}, {"mons", T::kUnits, kUnitMonth},
    {"month", T::kUnits, kUnitMonth}, {"months", T::kUnits, kUnitMonth},
    {"ms", T::kUnits, kUnitMillisec}, {"msec", T::kUnits, kUnitMillisec},
    {"mseconds", T::kUnits, kUnitMillisec}, {"msecs", T::kUnits, kUnitMillisec},
    {"qtr", T::kUnits, kUnitQuarter}, {"quarter", T::kUnits, kUnitQuarter},
    {"s", T::kUnits, kUnitSecond}, {"sec", T::kUnits, kUnitSecond},
    {"second", T::kUnits, kUnitSecond}, {"seconds", T::kUnits, kUnitSecond},
    {"secs", T::kUnits, kUnitSecond}, {"timezone", T::kUnits, kUnitTz},
    {"timezone_h", T::kUnits, kUnitTzHour}, {"timezone_m", T::kUnits, kUnitTzMinute},
    {"us", T::kUnits, kUnitMicrosec}, {"usec", T::kUnits, kUnitMicrosec},
    {"useconds", T::kUnits, kUnitMicrosec}, {"usecs", T::kUnits, kUnitMicrosec},
    {"w", T::kUnits, kUnitWeek}, {"week", T::kUnits, kUnitWeek}, {"weeks", T::kUnits, kUnitWeek},
    {"y", T::kUnits, kUnitYear}, {"year", T::kUnits, kUnitYear}, {"years", T::kUnits, kUnitYear},
    {"yr", T::kUnits, kUnitYear}, {"yrs", T::kUnits, kUnitYear},
};

template <size_t N>
Token Lookup(const TokenEntry (&table)[N], std::string_view key) {
  // Tokens hold at most TOKMAXLEN characters; PostgreSQL compares that many.
  std::string_view k = key.substr(0, 10);
  size_t lo = 0, hi = N;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = k.compare(table[mid].text);
    if (c == 0) return Token{table[mid].type, table[mid].value};
    if (c < 0) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return Token{};
}

}  // namespace

Token LookupDateToken(std::string_view lower) { return Lookup(kDateTokens, lower); }
Token LookupDeltaToken(std::string_view lower) { return Lookup(kDeltaTokens, lower); }

bool ParseFraction(std::string_view s, double* out) {
  if (s == ".") {
    *out = 0;
    return true;
  }
  std::string copy(s);
  char* end = nullptr;
  errno = 0;
  *out = std::strtod(copy.c_str(), &end);
  return *end == '\0' && errno == 0 && end != copy.c_str();
}

bool ParseLeadingInt(std::string_view s, size_t* pos, int64_t* value, bool* overflow,
                     bool int32_range) {
  size_t i = *pos;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    ++i;
  }
  if (i >= s.size() || !IsDigit(s[i])) return false;
  Int128 v = 0;
  *overflow = false;
  for (; i < s.size() && IsDigit(s[i]); ++i) {
    v = v * 10 + (s[i] - '0');
    if (v > (Int128{1} << 64)) *overflow = true, v = Int128{1} << 64;
  }
  if (neg) v = -v;
  Int128 lo = int32_range ? std::numeric_limits<int32_t>::min()
                          : std::numeric_limits<int64_t>::min();
  Int128 hi = int32_range ? std::numeric_limits<int32_t>::max()
                          : std::numeric_limits<int64_t>::max();
  if (v < lo || v > hi) {
    *overflow = true;
    v = v < lo ? lo : hi;
  }
  *value = static_cast<int64_t>(v);
  *pos = i;
  return true;
}

bool SplitDateTimeFields(std::string_view s, size_t bufsize, std::vector<DtField>* fields) {
  fields->clear();
  size_t used = 0;  // characters and terminators PostgreSQL's work buffer would hold
  size_t i = 0;
  auto peek = [&]() { return i < s.size() ? s[i] : '\0'; };
  while (i < s.size()) {
    char c = s[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (fields->size() >= 25) return false;
    DtField f;
    bool ok = true;
    auto append = [&](char ch) {
      if (used + 1 >= bufsize) ok = false;
      ++used;
      f.text.push_back(ch);
    };
    if (IsDigit(c)) {
      while (IsDigit(peek())) append(s[i++]);
      if (peek() == ':') {
        f.type = FieldType::kTime;
        append(s[i++]);
        while (IsDigit(peek()) || peek() == ':' || peek() == '.') append(s[i++]);
      } else if (peek() == '-' || peek() == '/' || peek() == '.') {
        char delim = s[i];
        append(s[i++]);
        if (IsDigit(peek())) {
          f.type = delim == '.' ? FieldType::kNumber : FieldType::kDate;
          while (IsDigit(peek())) append(s[i++]);
          if (peek() == delim) {
            f.type = FieldType::kDate;
            append(s[i++]);
            while (IsDigit(peek()) || peek() == delim) append(s[i++]);
          }
        } else {
          f.type = FieldType::kDate;
          while (IsAlnum(peek()) || peek() == delim) append(Lower(s[i++]));
        }
      } else {
        f.type = FieldType::kNumber;
      }
    } else if (c == '.') {
      append(s[i++]);
      while (IsDigit(peek())) append(s[i++]);
      f.type = FieldType::kNumber;
    } else if (IsAlpha(c)) {
      f.type = FieldType::kString;
      while (IsAlpha(peek())) append(Lower(s[i++]));
      // A date with a text month, or a zone name with punctuation ("America/New_York",
      // "UTC+3"); a core keyword followed by digits ("t", "j") stays a word.
      bool is_date = false;
      if (peek() == '-' || peek() == '/' || peek() == '.') {
        is_date = true;
      } else if (peek() == '+' || IsDigit(peek())) {
        is_date = LookupDateToken(f.text).type == TokType::kUnknown;
      }
      if (is_date) {
        f.type = FieldType::kDate;
        do {
          append(Lower(s[i++]));
        } while (peek() == '+' || peek() == '-' || peek() == '/' || peek() == '_' ||
                 peek() == '.' || peek() == ':' || IsAlnum(peek()));
      }
    } else if (c == '+' || c == '-') {
      append(s[i++]);
      while (IsSpace(peek())) ++i;
      if (IsDigit(peek())) {
        f.type = FieldType::kTz;
        append(s[i++]);
        while (IsDigit(peek()) || peek() == ':' || peek() == '.' || peek() == '-') append(s[i++]);
      } else if (IsAlpha(peek())) {
        f.type = FieldType::kSpecial;
        while (IsAlpha(peek())) append(Lower(s[i++]));
      } else {
        return false;
      }
    } else if (IsPunct(c)) {
      ++i;
      continue;
    } else {
      return false;
    }
    ++used;  // terminator
    if (!ok || used > bufsize) return false;
    fields->push_back(std::move(f));
  }
  return true;
}

}  // namespace dt

using namespace dt;  // NOLINT

namespace {

enum class Err { kOk, kBadFormat, kFieldOverflow, kMdFieldOverflow, kTzDispOverflow, kStatus };
enum class DType { kDate, kTime, kEpoch, kLate, kEarly };
enum Meridian { kAm = 0, kPm = 1, kHr24 = 2 };

constexpr uint32_t M(TokType t) { return uint32_t{1} << static_cast<int>(t); }
constexpr uint32_t kDateM = M(TokType::kYear) | M(TokType::kMonth) | M(TokType::kDay);
constexpr uint32_t kAllSecsM =
    M(TokType::kSecond) | M(TokType::kMillisecond) | M(TokType::kMicrosecond);
constexpr uint32_t kTimeM = M(TokType::kHour) | M(TokType::kMinute) | kAllSecsM;
constexpr size_t kDateBufSize = 128 + 25;

// strtol as PostgreSQL's strtoint uses it: no digits give 0 and leave *pos; false on overflow.
bool StrToInt(std::string_view s, size_t* pos, int64_t* v) {
  bool overflow = false;
  size_t p = *pos;
  if (!ParseLeadingInt(s, &p, v, &overflow, true)) {
    *v = 0;
    return true;
  }
  *pos = p;
  return !overflow;
}

bool ParseFractionalSecond(std::string_view s, int64_t* fsec) {
  double frac;
  if (!ParseFraction(s, &frac)) return false;
  *fsec = static_cast<int64_t>(std::rint(frac * 1000000));
  return true;
}

int64_t AtoI(std::string_view s) {
  int64_t v = 0;
  for (char c : s) {
    if (!IsDigit(c)) break;
    if (v < 100000000000LL) v = v * 10 + (c - '0');
  }
  return v;
}

bool TimeOverflows(int64_t hour, int64_t min, int64_t sec, int64_t fsec) {
  if (hour < 0 || hour > 24 || min < 0 || min >= 60 || sec < 0 || sec > 60 || fsec < 0 ||
      fsec > kUsecsPerSec) {
    return true;
  }
  return ((hour * 60 + min) * 60 + sec) * kUsecsPerSec + fsec > kUsecsPerDay;
}

// One parse of a date/time string, PostgreSQL's DecodeDateTime / DecodeTimeOnly.
class Decoder {
 public:
  Decoder(std::vector<DtField> fields, const DateTimeContext& ctx)
      : f_(std::move(fields)), ctx_(ctx), session_(ctx.tz != nullptr ? *ctx.tz : Utc()) {}

  Err DecodeDateTime();
  Err DecodeTimeOnly();

  DType dtype = DType::kDate;
  Tm tm;
  int32_t tz = 0;  // seconds east
  Status status;   // for Err::kStatus

 private:
  Err DecodeNumber(std::string_view str, bool have_text_month, uint32_t fmask, uint32_t* tmask);
  Err DecodeNumberField(std::string_view str, uint32_t fmask, uint32_t* tmask, int* kind);
  Err DecodeDate(std::string_view str, uint32_t fmask, uint32_t* tmask);
  Err DecodeTime(std::string_view str, uint32_t* tmask);
  Err DecodeTimezone(std::string_view str, int32_t* east);
  Err ValidateDate(uint32_t fmask);
  Err DecodeWord(size_t i, bool time_only, uint32_t fmask, uint32_t* tmask, bool* skip);
  Err ZoneNameField(const std::string& text, uint32_t* tmask);
  Err LabeledNumber(size_t i, uint32_t fmask, uint32_t* tmask);
  void CurrentLocal(Tm* out, int32_t* off) const {
    CountClockReadingInput();
    *off = session_.UtcOffsetAt(ctx_.now_us);
    TimestampToTm(ctx_.now_us + *off * kUsecsPerSec, out);
  }

  static const TimeZone& Utc() {
    static const TimeZone* utc = new TimeZone();
    return *utc;
  }

  std::vector<DtField> f_;
  const DateTimeContext& ctx_;
  const TimeZone& session_;
  std::optional<TimeZone> named_tz_;
  const TzAbbrev* dyn_abbrev_ = nullptr;
  bool is2digits_ = false;
  bool isjulian_ = false;
  bool bc_ = false;
  bool have_text_month_ = false;
  int mer_ = kHr24;
  int ptype_ = 0;
  int yday_ = 0;
};

Err Decoder::DecodeTimezone(std::string_view str, int32_t* east) {
  if (str.empty() || (str[0] != '+' && str[0] != '-')) return Err::kBadFormat;
  size_t pos = 1;
  int64_t hr = 0, min = 0, sec = 0;
  if (!StrToInt(str, &pos, &hr)) return Err::kTzDispOverflow;
  if (pos < str.size() && str[pos] == ':') {
    ++pos;
    if (!StrToInt(str, &pos, &min)) return Err::kTzDispOverflow;
    if (pos < str.size() && str[pos] == ':') {
      ++pos;
      if (!StrToInt(str, &pos, &sec)) return Err::kTzDispOverflow;
    }
  } else if (pos == str.size() && str.size() > 3) {
    min = hr % 100;
    hr = hr / 100;
  }
  if (hr < 0 || hr > 15 || min < 0 || min >= 60 || sec < 0 || sec >= 60) {
    return Err::kTzDispOverflow;
  }
  int32_t v = static_cast<int32_t>((hr * 60 + min) * 60 + sec);
  *east = str[0] == '-' ? -v : v;
  if (pos != str.size()) return Err::kBadFormat;
  return Err::kOk;
}

// Returns the kind decoded through *kind (date or time).
Err Decoder::DecodeNumberField(std::string_view str, uint32_t fmask, uint32_t* tmask, int* kind) {
  size_t dot = str.find('.');
  if (dot != std::string_view::npos) {
    std::string frac(str.substr(dot));
    errno = 0;
    double v = std::strtod(frac.c_str(), nullptr);
    if (errno != 0) return Err::kBadFormat;
    tm.fsec = static_cast<int64_t>(std::rint(v * 1000000));
    str = str.substr(0, dot);
  } else if ((fmask & kDateM) != kDateM) {
    if (str.size() >= 6) {
      *tmask = kDateM;
      size_t n = str.size();
      tm.mday = static_cast<int>(AtoI(str.substr(n - 2)));
      tm.mon = static_cast<int>(AtoI(str.substr(n - 4, 2)));
      tm.year = AtoI(str.substr(0, n - 4));
      if (n - 4 == 2) is2digits_ = true;
      *kind = 0;
      return Err::kOk;
    }
  }
  if ((fmask & kTimeM) != kTimeM) {
    if (str.size() == 6) {
      *tmask = kTimeM;
      tm.sec = static_cast<int>(AtoI(str.substr(4, 2)));
      tm.min = static_cast<int>(AtoI(str.substr(2, 2)));
      tm.hour = static_cast<int>(AtoI(str.substr(0, 2)));
      *kind = 1;
      return Err::kOk;
    }
    if (str.size() == 4) {
      *tmask = kTimeM;
      tm.sec = 0;
      tm.min = static_cast<int>(AtoI(str.substr(2, 2)));
      tm.hour = static_cast<int>(AtoI(str.substr(0, 2)));
      *kind = 1;
      return Err::kOk;
    }
  }
  return Err::kBadFormat;
}

Err Decoder::DecodeNumber(std::string_view str, bool have_text_month, uint32_t fmask,
                          uint32_t* tmask) {
  *tmask = 0;
  size_t pos = 0;
  int64_t val = 0;
  bool overflow = false;
  if (!ParseLeadingInt(str, &pos, &val, &overflow, true)) return Err::kBadFormat;
  if (overflow) return Err::kFieldOverflow;
  int flen = static_cast<int>(str.size());
  if (pos < str.size() && str[pos] == '.') {
    // More than two digits before the point: a run-together date or time.
    if (pos > 2) {
      int kind;
      return DecodeNumberField(str, fmask | kDateM, tmask, &kind);
    }
    if (!ParseFractionalSecond(str.substr(pos), &tm.fsec)) return Err::kBadFormat;
  } else if (pos != str.size()) {
    return Err::kBadFormat;
  }
  // Day of year after a year.
  if (flen == 3 && (fmask & kDateM) == M(TokType::kYear) && val >= 1 && val <= 366) {
    *tmask = M(TokType::kDoy) | M(TokType::kMonth) | M(TokType::kDay);
    yday_ = static_cast<int>(val);
    return Err::kOk;
  }
  const uint32_t kY = M(TokType::kYear), kMo = M(TokType::kMonth), kD = M(TokType::kDay);
  switch (fmask & kDateM) {
    case 0:
      // A year needs three or more digits; otherwise MDY order.
      if (flen >= 3) {
        *tmask = kY;
        tm.year = val;
      } else {
        *tmask = kMo;
        tm.mon = static_cast<int>(val);
      }
      break;
    case kY:
      *tmask = kMo;
      tm.mon = static_cast<int>(val);
      break;
    case kMo:
      if (have_text_month) {
        if (flen >= 3) {
          *tmask = kY;
          tm.year = val;
        } else {
          *tmask = kD;
          tm.mday = static_cast<int>(val);
        }
      } else {
        *tmask = kD;
        tm.mday = static_cast<int>(val);
      }
      break;
    case kY | kMo:
      if (have_text_month) {
        if (flen >= 3 && is2digits_) {
          // DD-MON-YYYY: the first number was the day.
          *tmask = kD;
          tm.mday = static_cast<int>(tm.year);
          tm.year = val;
          is2digits_ = false;
        } else {
          *tmask = kD;
          tm.mday = static_cast<int>(val);
        }
      } else {
        *tmask = kD;
        tm.mday = static_cast<int>(val);
      }
      break;
    case kD:
      *tmask = kMo;
      tm.mon = static_cast<int>(val);
      break;
    case kMo | kD:
      *tmask = kY;
      tm.year = val;
      break;
    case kY | kMo | kD: {
      int kind;
      return DecodeNumberField(str, fmask, tmask, &kind);
    }
    default:
      return Err::kBadFormat;
  }
  if (*tmask == kY) is2digits_ = flen <= 2;
  return Err::kOk;
}

Err Decoder::DecodeDate(std::string_view str, uint32_t fmask, uint32_t* tmask) {
  *tmask = 0;
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < str.size() && parts.size() < 25) {
    while (i < str.size() && !IsAlnum(str[i])) ++i;
    if (i >= str.size()) return Err::kBadFormat;
    size_t b = i;
    if (IsDigit(str[i])) {
      while (i < str.size() && IsDigit(str[i])) ++i;
    } else {
      while (i < str.size() && IsAlpha(str[i])) ++i;
    }
    parts.emplace_back(str.substr(b, i - b));
    if (i < str.size()) ++i;  // PostgreSQL overwrites the character after a field
  }
  bool have_text_month = false;
  std::vector<bool> done(parts.size(), false);
  for (size_t k = 0; k < parts.size(); ++k) {
    if (!IsAlpha(parts[k][0])) continue;
    Token t = LookupDateToken(parts[k]);
    if (t.type == TokType::kIgnore) continue;
    if (t.type != TokType::kMonth) return Err::kBadFormat;
    uint32_t dmask = M(TokType::kMonth);
    if (fmask & dmask) return Err::kBadFormat;
    tm.mon = t.value;
    have_text_month = true;
    fmask |= dmask;
    *tmask |= dmask;
    done[k] = true;
  }
  for (size_t k = 0; k < parts.size(); ++k) {
    if (done[k]) continue;
    uint32_t dmask = 0;
    int64_t saved_fsec = tm.fsec;
    tm.fsec = 0;
    Err e = DecodeNumber(parts[k], have_text_month, fmask, &dmask);
    if (e != Err::kOk) return e;
    if (tm.fsec != 0) return Err::kBadFormat;
    tm.fsec = saved_fsec;
    if (fmask & dmask) return Err::kBadFormat;
    fmask |= dmask;
    *tmask |= dmask;
  }
  if ((fmask & ~(M(TokType::kDoy) | M(TokType::kTz))) != kDateM) return Err::kBadFormat;
  return Err::kOk;
}

Err Decoder::DecodeTime(std::string_view str, uint32_t* tmask) {
  *tmask = kTimeM;
  size_t pos = 0;
  int64_t hour = 0, min = 0, sec = 0, fsec = 0;
  if (!StrToInt(str, &pos, &hour)) return Err::kFieldOverflow;
  if (pos >= str.size() || str[pos] != ':') return Err::kBadFormat;
  ++pos;
  if (!StrToInt(str, &pos, &min)) return Err::kFieldOverflow;
  if (pos == str.size()) {
    sec = 0;
  } else if (str[pos] == '.') {
    // mm:ss.sss
    if (!ParseFractionalSecond(str.substr(pos), &fsec)) return Err::kBadFormat;
    sec = min;
    min = hour;
    hour = 0;
  } else if (str[pos] == ':') {
    ++pos;
    if (!StrToInt(str, &pos, &sec)) return Err::kFieldOverflow;
    if (pos < str.size()) {
      if (str[pos] != '.') return Err::kBadFormat;
      if (!ParseFractionalSecond(str.substr(pos), &fsec)) return Err::kBadFormat;
    }
  } else {
    return Err::kBadFormat;
  }
  if (hour < 0 || min < 0 || min > 59 || sec < 0 || sec > 60 || fsec < 0 ||
      fsec > kUsecsPerSec) {
    return Err::kFieldOverflow;
  }
  tm.hour = static_cast<int>(hour);
  tm.min = static_cast<int>(min);
  tm.sec = static_cast<int>(sec);
  tm.fsec = fsec;
  return Err::kOk;
}

Err Decoder::ValidateDate(uint32_t fmask) {
  if (fmask & M(TokType::kYear)) {
    if (isjulian_) {
      // already a proper year
    } else if (bc_) {
      if (tm.year <= 0) return Err::kFieldOverflow;
      tm.year = -(tm.year - 1);
    } else if (is2digits_) {
      if (tm.year < 0) return Err::kFieldOverflow;
      if (tm.year < 70) {
        tm.year += 2000;
      } else if (tm.year < 100) {
        tm.year += 1900;
      }
    } else if (tm.year <= 0) {
      return Err::kFieldOverflow;
    }
  }
  if (fmask & M(TokType::kDoy)) {
    JulianToDate(DateToJulian(tm.year, 1, 1) + yday_ - 1, &tm.year, &tm.mon, &tm.mday);
  }
  if ((fmask & M(TokType::kMonth)) && (tm.mon < 1 || tm.mon > 12)) return Err::kMdFieldOverflow;
  if ((fmask & M(TokType::kDay)) && (tm.mday < 1 || tm.mday > 31)) return Err::kMdFieldOverflow;
  if ((fmask & kDateM) == kDateM && tm.mday > DaysInMonth(tm.year, tm.mon)) {
    return Err::kFieldOverflow;
  }
  return Err::kOk;
}

Err Decoder::ZoneNameField(const std::string& text, uint32_t* tmask) {
  named_tz_ = FindZone(text);
  if (!named_tz_) {
    status = Status(sqlstate::kInvalidParameterValue,
                    "time zone \"" + text + "\" not recognized");
    return Err::kStatus;
  }
  *tmask = M(TokType::kTz);
  return Err::kOk;
}

// A number after a unit label ("y2001", "j2451187", "t040506").
Err Decoder::LabeledNumber(size_t i, uint32_t fmask, uint32_t* tmask) {
  const std::string& text = f_[i].text;
  size_t pos = 0;
  int64_t value = 0;
  if (!StrToInt(text, &pos, &value)) return Err::kFieldOverflow;
  std::string_view rest = std::string_view(text).substr(pos);
  if (!rest.empty() && rest[0] == '.') {
    if (ptype_ != kUnitJulian && ptype_ != kUnitTime && ptype_ != kUnitSecond) {
      return Err::kBadFormat;
    }
  } else if (!rest.empty()) {
    return Err::kBadFormat;
  }
  switch (ptype_) {
    case kUnitYear:
      tm.year = value;
      *tmask = M(TokType::kYear);
      break;
    case kUnitMonth:
      if ((fmask & M(TokType::kMonth)) && (fmask & M(TokType::kHour))) {
        tm.min = static_cast<int>(value);
        *tmask = M(TokType::kMinute);
      } else {
        tm.mon = static_cast<int>(value);
        *tmask = M(TokType::kMonth);
      }
      break;
    case kUnitDay:
      tm.mday = static_cast<int>(value);
      *tmask = M(TokType::kDay);
      break;
    case kUnitHour:
      tm.hour = static_cast<int>(value);
      *tmask = M(TokType::kHour);
      break;
    case kUnitMinute:
      tm.min = static_cast<int>(value);
      *tmask = M(TokType::kMinute);
      break;
    case kUnitSecond:
      tm.sec = static_cast<int>(value);
      *tmask = M(TokType::kSecond);
      if (!rest.empty()) {
        if (!ParseFractionalSecond(rest, &tm.fsec)) return Err::kBadFormat;
        *tmask = kAllSecsM;
      }
      break;
    case kUnitTz:
      *tmask = M(TokType::kTz);
      return DecodeTimezone(text, &tz);
    case kUnitJulian: {
      if (value < 0) return Err::kFieldOverflow;
      *tmask = kDateM;
      JulianToDate(value, &tm.year, &tm.mon, &tm.mday);
      isjulian_ = true;
      if (!rest.empty()) {
        double frac;
        if (!ParseFraction(rest, &frac)) return Err::kBadFormat;
        int64_t t = static_cast<int64_t>(frac * static_cast<double>(kUsecsPerDay));
        tm.hour = static_cast<int>(t / kUsecsPerHour);
        t -= tm.hour * kUsecsPerHour;
        tm.min = static_cast<int>(t / kUsecsPerMinute);
        t -= tm.min * kUsecsPerMinute;
        tm.sec = static_cast<int>(t / kUsecsPerSec);
        tm.fsec = t - tm.sec * kUsecsPerSec;
        *tmask |= kTimeM;
      }
      break;
    }
    case kUnitTime: {
      int kind;
      Err e = DecodeNumberField(text, fmask | kDateM, tmask, &kind);
      if (e != Err::kOk) return e;
      if (*tmask != kTimeM) return Err::kBadFormat;
      break;
    }
    default:
      return Err::kBadFormat;
  }
  ptype_ = 0;
  dtype = DType::kDate;
  return Err::kOk;
}

// A word field: keyword, zone abbreviation or zone name. *skip for ignored words.
Err Decoder::DecodeWord(size_t i, bool time_only, uint32_t fmask, uint32_t* tmask, bool* skip) {
  const std::string& text = f_[i].text;
  *skip = false;
  Token t;
  const TzAbbrev* abbrev = LookupTzAbbrev(text);
  if (abbrev != nullptr) {
    t.type = abbrev->zone != nullptr ? TokType::kDynTz
             : abbrev->is_dst        ? TokType::kDtz
                                     : TokType::kTz;
  } else {
    t = LookupDateToken(text);
  }
  if (t.type == TokType::kIgnore) {
    *skip = true;
    return Err::kOk;
  }
  *tmask = M(t.type);
  switch (t.type) {
    case TokType::kReserved:
      if (time_only) {
        if (t.value == kResNow) {
          *tmask = kTimeM;
          dtype = DType::kTime;
          int32_t off;
          CurrentLocal(&tm, &off);
        } else if (t.value == kResZulu) {
          *tmask = kTimeM | M(TokType::kTz);
          dtype = DType::kTime;
          tm.hour = tm.min = tm.sec = 0;
        } else {
          return Err::kBadFormat;
        }
        break;
      }
      switch (t.value) {
        case kResNow:
          *tmask = kDateM | kTimeM | M(TokType::kTz);
          dtype = DType::kDate;
          CurrentLocal(&tm, &tz);
          break;
        case kResToday:
        case kResTomorrow:
        case kResYesterday: {
          *tmask = kDateM;
          dtype = DType::kDate;
          Tm cur;
          int32_t off;
          CurrentLocal(&cur, &off);
          int delta = t.value == kResTomorrow ? 1 : (t.value == kResYesterday ? -1 : 0);
          JulianToDate(DateToJulian(cur.year, cur.mon, cur.mday) + delta, &tm.year, &tm.mon,
                       &tm.mday);
          break;
        }
        case kResZulu:
          *tmask = kTimeM | M(TokType::kTz);
          dtype = DType::kDate;
          tm.hour = tm.min = tm.sec = 0;
          tz = 0;
          break;
        case kResEpoch:
          dtype = DType::kEpoch;
          break;
        case kResLate:
          dtype = DType::kLate;
          break;
        case kResEarly:
          dtype = DType::kEarly;
          break;
        default:
          return Err::kBadFormat;
      }
      break;
    case TokType::kMonth:
      if (time_only) return Err::kBadFormat;
      // A numeric month already seen (and no day) was the day: "8 Jan".
      if ((fmask & M(TokType::kMonth)) && !have_text_month_ && !(fmask & M(TokType::kDay)) &&
          tm.mon >= 1 && tm.mon <= 31) {
        tm.mday = tm.mon;
        *tmask = M(TokType::kDay);
      }
      have_text_month_ = true;
      tm.mon = t.value;
      break;
    case TokType::kDtzMod:
      *tmask |= M(TokType::kDtz);
      tz += t.value;
      break;
    case TokType::kDtz:
      *tmask |= M(TokType::kTz);
      tz = abbrev->offset;
      break;
    case TokType::kTz:
      tz = abbrev->offset;
      break;
    case TokType::kDynTz:
      *tmask |= M(TokType::kTz);
      dyn_abbrev_ = abbrev;
      break;
    case TokType::kAmPm:
      mer_ = t.value;
      break;
    case TokType::kAdBc:
      bc_ = t.value == 1;
      break;
    case TokType::kDow:
      if (time_only) return Err::kBadFormat;
      break;
    case TokType::kUnits:
      *tmask = 0;
      ptype_ = t.value;
      break;
    case TokType::kIsoTime:
      *tmask = 0;
      if (!time_only && (fmask & kDateM) != kDateM) return Err::kBadFormat;
      if (i + 1 >= f_.size() ||
          (f_[i + 1].type != FieldType::kNumber && f_[i + 1].type != FieldType::kTime &&
           f_[i + 1].type != FieldType::kDate)) {
        return Err::kBadFormat;
      }
      ptype_ = t.value;
      break;
    case TokType::kUnknown: {
      named_tz_ = FindZone(text);
      if (!named_tz_) return Err::kBadFormat;
      *tmask = M(TokType::kTz);
      break;
    }
    default:
      return Err::kBadFormat;
  }
  return Err::kOk;
}


Err Decoder::DecodeDateTime() {
  dtype = DType::kDate;
  uint32_t fmask = 0;
  const uint32_t kMonthDay = M(TokType::kMonth) | M(TokType::kDay);
  for (size_t i = 0; i < f_.size(); ++i) {
    uint32_t tmask = 0;
    const std::string& text = f_[i].text;
    Err e = Err::kOk;
    switch (f_[i].type) {
      case FieldType::kDate:
        if (ptype_ == kUnitJulian) {
          // A Julian day with an attached zone: "J2451187-08".
          size_t pos = 0;
          int64_t jday = 0;
          bool overflow = false;
          if (!ParseLeadingInt(text, &pos, &jday, &overflow, true) || overflow || jday < 0) {
            return Err::kBadFormat;
          }
          JulianToDate(jday, &tm.year, &tm.mon, &tm.mday);
          isjulian_ = true;
          e = DecodeTimezone(std::string_view(text).substr(pos), &tz);
          tmask = kDateM | kTimeM | M(TokType::kTz);
          ptype_ = 0;
        } else if (ptype_ != 0 || (fmask & kMonthDay) == kMonthDay) {
          // After a date: a zone name with punctuation, or a time run together with a zone.
          if (IsDigit(text[0]) || ptype_ != 0) {
            if (ptype_ != 0) {
              if (ptype_ != kUnitTime) return Err::kBadFormat;
              ptype_ = 0;
            }
            if ((fmask & kTimeM) == kTimeM) return Err::kBadFormat;
            size_t dash = text.find('-');
            if (dash == std::string::npos) return Err::kBadFormat;
            e = DecodeTimezone(std::string_view(text).substr(dash), &tz);
            if (e != Err::kOk) return e;
            int kind;
            e = DecodeNumberField(std::string_view(text).substr(0, dash), fmask, &tmask, &kind);
            tmask |= M(TokType::kTz);
          } else {
            e = ZoneNameField(text, &tmask);
          }
        } else {
          e = DecodeDate(text, fmask, &tmask);
        }
        break;
      case FieldType::kTime:
        if (ptype_ != 0) {
          if (ptype_ != kUnitTime) return Err::kBadFormat;
          ptype_ = 0;
        }
        e = DecodeTime(text, &tmask);
        if (e == Err::kOk && TimeOverflows(tm.hour, tm.min, tm.sec, tm.fsec)) {
          return Err::kFieldOverflow;
        }
        break;
      case FieldType::kTz:
        e = DecodeTimezone(text, &tz);
        tmask = M(TokType::kTz);
        break;
      case FieldType::kNumber:
        if (ptype_ != 0) {
          e = LabeledNumber(i, fmask, &tmask);
        } else {
          size_t dot = text.find('.');
          int kind;
          if (dot != std::string::npos && !(fmask & kDateM)) {
            e = DecodeDate(text, fmask, &tmask);
          } else if (dot != std::string::npos && dot > 2) {
            e = DecodeNumberField(text, fmask, &tmask, &kind);
          } else if (text.size() >= 6 && (!(fmask & kDateM) || !(fmask & kTimeM))) {
            e = DecodeNumberField(text, fmask, &tmask, &kind);
          } else {
            e = DecodeNumber(text, have_text_month_, fmask, &tmask);
          }
        }
        break;
      case FieldType::kString:
      case FieldType::kSpecial: {
        bool skip = false;
        e = DecodeWord(i, false, fmask, &tmask, &skip);
        if (e == Err::kOk && skip) continue;
        break;
      }
    }
    if (e != Err::kOk) return e;
    if (tmask & fmask) return Err::kBadFormat;
    fmask |= tmask;
  }
  Err e = ValidateDate(fmask);
  if (e != Err::kOk) return e;
  if (mer_ != kHr24 && tm.hour > 12) return Err::kFieldOverflow;
  if (mer_ == kAm && tm.hour == 12) {
    tm.hour = 0;
  } else if (mer_ == kPm && tm.hour != 12) {
    tm.hour += 12;
  }
  if (dtype == DType::kDate) {
    if ((fmask & kDateM) != kDateM) return Err::kBadFormat;
    if (named_tz_) {
      if (fmask & M(TokType::kDtzMod)) return Err::kBadFormat;
      tz = OffsetForLocalTm(tm, *named_tz_);
    }
    if (dyn_abbrev_ != nullptr) {
      std::optional<TimeZone> zone = FindZone(dyn_abbrev_->zone);
      tz = zone ? OffsetForLocalTm(tm, *zone) : 0;
    }
    if (!(fmask & M(TokType::kTz))) {
      if (fmask & M(TokType::kDtzMod)) return Err::kBadFormat;
      tz = OffsetForLocalTm(tm, session_);
    }
  }
  return Err::kOk;
}

Err Decoder::DecodeTimeOnly() {
  dtype = DType::kTime;
  uint32_t fmask = 0;
  size_t nf = f_.size();
  for (size_t i = 0; i < nf; ++i) {
    uint32_t tmask = 0;
    const std::string& text = f_[i].text;
    Err e = Err::kOk;
    switch (f_[i].type) {
      case FieldType::kDate:
        // A date only as the first of several fields, before a time or ending with a date.
        if (i == 0 && nf >= 2 &&
            (f_[nf - 1].type == FieldType::kDate || f_[1].type == FieldType::kTime)) {
          e = DecodeDate(text, fmask, &tmask);
        } else if (IsDigit(text[0])) {
          if ((fmask & kTimeM) == kTimeM) return Err::kBadFormat;
          size_t dash = text.find('-');
          if (dash == std::string::npos) return Err::kBadFormat;
          e = DecodeTimezone(std::string_view(text).substr(dash), &tz);
          if (e != Err::kOk) return e;
          int kind = 0;
          e = DecodeNumberField(std::string_view(text).substr(0, dash), fmask | kDateM, &tmask,
                                &kind);
          f_[i].type = kind == 0 ? FieldType::kDate : FieldType::kTime;
          tmask |= M(TokType::kTz);
        } else {
          e = ZoneNameField(text, &tmask);
          f_[i].type = FieldType::kTz;
        }
        break;
      case FieldType::kTime:
        e = DecodeTime(text, &tmask);
        break;
      case FieldType::kTz:
        e = DecodeTimezone(text, &tz);
        tmask = M(TokType::kTz);
        break;
      case FieldType::kNumber:
        if (ptype_ != 0) {
          e = LabeledNumber(i, fmask, &tmask);
        } else {
          size_t dot = text.find('.');
          int kind = 0;
          if (dot != std::string::npos) {
            if (i == 0 && nf >= 2 && f_[nf - 1].type == FieldType::kDate) {
              e = DecodeDate(text, fmask, &tmask);
            } else if (dot > 2) {
              e = DecodeNumberField(text, fmask | kDateM, &tmask, &kind);
            } else {
              return Err::kBadFormat;
            }
          } else if (text.size() > 4) {
            e = DecodeNumberField(text, fmask | kDateM, &tmask, &kind);
          } else {
            e = DecodeNumber(text, false, fmask | kDateM, &tmask);
          }
        }
        break;
      case FieldType::kString:
      case FieldType::kSpecial: {
        bool skip = false;
        e = DecodeWord(i, true, fmask, &tmask, &skip);
        if (e == Err::kOk && skip) continue;
        break;
      }
    }
    if (e != Err::kOk) return e;
    if (tmask & fmask) return Err::kBadFormat;
    fmask |= tmask;
  }
  Err e = ValidateDate(fmask);
  if (e != Err::kOk) return e;
  if (mer_ != kHr24 && tm.hour > 12) return Err::kFieldOverflow;
  if (mer_ == kAm && tm.hour == 12) {
    tm.hour = 0;
  } else if (mer_ == kPm && tm.hour != 12) {
    tm.hour += 12;
  }
  if (TimeOverflows(tm.hour, tm.min, tm.sec, tm.fsec)) return Err::kFieldOverflow;
  if ((fmask & kTimeM) != kTimeM) return Err::kBadFormat;
  // A zone whose offset varies needs a complete date; so does a partial date.
  uint32_t date_fields = fmask & kDateM;
  bool dst_mod = (fmask & M(TokType::kDtzMod)) != 0;
  if (named_tz_) {
    if (dst_mod) return Err::kBadFormat;
    if (!TimeZoneAccess::IsFixed(*named_tz_) && date_fields != kDateM) return Err::kBadFormat;
  }
  if (dyn_abbrev_ != nullptr || !(fmask & M(TokType::kTz))) {
    if (dst_mod) return Err::kBadFormat;
    if (date_fields != 0 && date_fields != kDateM) return Err::kBadFormat;
  }
  return Err::kOk;
}

Status BadFormat(const char* type, std::string_view input) {
  return Status(sqlstate::kInvalidDatetimeFormat,
                std::string("invalid input syntax for type ") + type + ": " + Quote(input));
}

// Splits and decodes `s`; on success *out holds the decoded fields.
Status Decode(std::string_view s, const DateTimeContext& ctx, bool time_only, const char* type,
              std::optional<Decoder>* out) {
  std::vector<DtField> fields;
  if (!SplitDateTimeFields(s, kDateBufSize, &fields)) return BadFormat(type, s);
  out->emplace(std::move(fields), ctx);
  Err e = time_only ? (*out)->DecodeTimeOnly() : (*out)->DecodeDateTime();
  switch (e) {
    case Err::kOk:
      return Status::OK();
    case Err::kFieldOverflow:
      return Status(kDatetimeFieldOverflow, "date/time field value out of range: " + Quote(s));
    case Err::kMdFieldOverflow:
      return Status(kDatetimeFieldOverflow, "date/time field value out of range: " + Quote(s), "",
                    "Perhaps you need a different \"datestyle\" setting.");
    case Err::kTzDispOverflow:
      return Status(kInvalidTimeZoneDisplacement,
                    "time zone displacement out of range: " + Quote(s));
    case Err::kStatus:
      return (*out)->status;
    case Err::kBadFormat:
      break;
  }
  return BadFormat(type, s);
}

constexpr int64_t kUnixEpochTimestamp = -kUnixToPgEpochSecs * kUsecsPerSec;

Result<int64_t> ParseTimestampCommon(std::string_view s, const DateTimeContext& ctx,
                                     int precision, bool with_tz) {
  const char* type = with_tz ? "timestamp with time zone" : "timestamp";
  std::optional<Decoder> d;
  OMEN_RETURN_IF_ERROR(Decode(s, ctx, false, type, &d));
  int64_t ts = 0;
  switch (d->dtype) {
    case DType::kDate:
      if (!TmToTimestamp(d->tm, with_tz ? d->tz : 0, &ts)) {
        return Status(kDatetimeFieldOverflow, "timestamp out of range: " + Quote(s));
      }
      break;
    case DType::kEpoch:
      ts = kUnixEpochTimestamp;
      break;
    case DType::kLate:
      return kTimestampInfinity;
    case DType::kEarly:
      return kTimestampNegInfinity;
    case DType::kTime:
      return BadFormat(type, s);
  }
  return RoundTimestamp(ts, precision);
}

}  // namespace

Result<int32_t> ParseDate(std::string_view s, const DateTimeContext& ctx) {
  std::optional<Decoder> d;
  OMEN_RETURN_IF_ERROR(Decode(s, ctx, false, "date", &d));
  switch (d->dtype) {
    case DType::kDate: {
      const Tm& tm = d->tm;
      if (!IsValidJulian(tm.year, tm.mon, tm.mday)) {
        return Status(kDatetimeFieldOverflow, "date out of range: " + Quote(s));
      }
      int64_t date = DateToJulian(tm.year, tm.mon, tm.mday) - kPgEpochJulian;
      if (!IsValidDate(date)) {
        return Status(kDatetimeFieldOverflow, "date out of range: " + Quote(s));
      }
      return static_cast<int32_t>(date);
    }
    case DType::kEpoch:
      return static_cast<int32_t>(kUnixEpochJulian - kPgEpochJulian);
    case DType::kLate:
      return kDateInfinity;
    case DType::kEarly:
      return kDateNegInfinity;
    case DType::kTime:
      break;
  }
  return BadFormat("date", s);
}

Result<int64_t> ParseTime(std::string_view s, const DateTimeContext& ctx, int precision) {
  std::optional<Decoder> d;
  OMEN_RETURN_IF_ERROR(Decode(s, ctx, true, "time", &d));
  const Tm& tm = d->tm;
  int64_t t = ((tm.hour * int64_t{60} + tm.min) * 60 + tm.sec) * kUsecsPerSec + tm.fsec;
  return RoundMicros(t, precision);
}

Result<int64_t> ParseTimestamp(std::string_view s, const DateTimeContext& ctx, int precision) {
  return ParseTimestampCommon(s, ctx, precision, false);
}

Result<int64_t> ParseTimestampTz(std::string_view s, const DateTimeContext& ctx, int precision) {
  return ParseTimestampCommon(s, ctx, precision, true);
}

}  // namespace omendb
