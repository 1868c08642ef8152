// TimeZone: tz database zones, fixed offsets and POSIX TZ specifications, loaded as
// PostgreSQL's SET TIME ZONE does; and the time zone abbreviations date/time input knows.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <mutex>

#include "types/datetime.h"
#include "types/datetime_internal.h"
#include "types/pg_text.h"

namespace omendb {

// A POSIX TZ rule with daylight saving time ("EST5EDT,M3.2.0,M11.1.0").
struct TimeZone::PosixRule {
  struct When {
    char kind = 'M';  // 'J': Julian day 1..365 without Feb 29; 'D': day 0..365; 'M': month rule
    int day = 0;      // J/D day number, or the weekday (0 = Sunday) for 'M'
    int month = 0;
    int week = 0;  // 1..5, 5 = last
    int32_t time = 7200;  // seconds after local midnight
  };
  std::string std_abbr, dst_abbr;
  int32_t std_offset = 0;  // seconds east
  int32_t dst_offset = 0;
  When start, end;
};

namespace {

using dt::TzAbbrev;

// PostgreSQL's 'Default' timezone_abbreviations set, sorted by abbreviation.
const TzAbbrev kAbbrevs[] = {
    {"acdt", 37800, true, nullptr}, {"acsst", 37800, true, nullptr},
    {"acst", 34200, false, nullptr}, {"act", -18000, false, nullptr},
    {"acwst", 31500, false, nullptr}, {"adt", -10800, true, nullptr},
    {"aedt", 39600, true, nullptr}, {"aesst", 39600, true, nullptr},
    {"aest", 36000, false, nullptr}, {"aft", 16200, false, nullptr},
    {"akdt", -28800, true, nullptr}, {"akst", -32400, false, nullptr},
    {"almst", 25200, true, nullptr}, {"almt", 21600, false, nullptr},
    {"amst", 0, false, "Asia/Yerevan"}, {"amt", -14400, false, nullptr},
    {"anast", 0, false, "Asia/Anadyr"}, {"anat", 0, false, "Asia/Anadyr"},
    {"arst", 0, false, "America/Argentina/Buenos_Aires"},
    {"art", 0, false, "America/Argentina/Buenos_Aires"}, {"ast", -14400, false, nullptr},
    {"awsst", 32400, true, nullptr}, {"awst", 28800, false, nullptr}, {"azost", 0, true, nullptr},
    {"azot", -3600, false, nullptr}, {"azst", 0, false, "Asia/Baku"},
    {"azt", 0, false, "Asia/Baku"}, {"bdst", 7200, true, nullptr}, {"bdt", 21600, false, nullptr},
    {"bnt", 28800, false, nullptr}, {"bort", 28800, false, nullptr},
    {"bot", -14400, false, nullptr}, {"bra", -10800, false, nullptr},
    {"brst", -7200, true, nullptr}, {"brt", -10800, false, nullptr}, {"bst", 3600, true, nullptr},
    {"btt", 21600, false, nullptr}, {"cadt", 37800, true, nullptr}, {"cast", 34200, false, nullptr},
    {"cct", 28800, false, nullptr}, {"cdt", -18000, true, nullptr}, {"cest", 7200, true, nullptr},
    {"cet", 3600, false, nullptr}, {"cetdst", 7200, true, nullptr}, {"chadt", 49500, true, nullptr},
    {"chast", 45900, false, nullptr}, {"chut", 36000, false, nullptr},
    {"ckt", 0, false, "Pacific/Rarotonga"}, {"clst", -10800, true, nullptr},
    {"clt", 0, false, "America/Santiago"}, {"cot", -18000, false, nullptr},
    {"cst", -21600, false, nullptr}, {"cxt", 25200, false, nullptr},
    {"davt", 0, false, "Antarctica/Davis"}, {"ddut", 36000, false, nullptr},
    {"easst", 0, false, "Pacific/Easter"}, {"east", 0, false, "Pacific/Easter"},
    {"eat", 10800, false, nullptr}, {"edt", -14400, true, nullptr}, {"eest", 10800, true, nullptr},
    {"eet", 7200, false, nullptr}, {"eetdst", 10800, true, nullptr}, {"egst", 0, true, nullptr},
    {"egt", -3600, false, nullptr}, {"est", -18000, false, nullptr}, {"fet", 10800, false, nullptr},
    {"fjst", 46800, true, nullptr}, {"fjt", 43200, false, nullptr},
    {"fkst", 0, false, "Atlantic/Stanley"}, {"fkt", 0, false, "Atlantic/Stanley"},
    {"fnst", -3600, true, nullptr}, {"fnt", -7200, false, nullptr},
    {"galt", -21600, false, nullptr}, {"gamt", -32400, false, nullptr},
    {"gest", 0, false, "Asia/Tbilisi"}, {"get", 0, false, "Asia/Tbilisi"},
    {"gft", -10800, false, nullptr}, {"gilt", 43200, false, nullptr}, {"gmt", 0, false, nullptr},
    {"gyt", 0, false, "America/Guyana"}, {"hkt", 28800, false, nullptr},
    {"hst", -36000, false, nullptr}, {"ict", 25200, false, nullptr}, {"idt", 10800, true, nullptr},
    {"iot", 0, false, "Indian/Chagos"}, {"irkst", 0, false, "Asia/Irkutsk"},
    {"irkt", 0, false, "Asia/Irkutsk"}, {"irt", 12600, false, nullptr},
    {"ist", 7200, false, nullptr}, {"jayt", 32400, false, nullptr}, {"jst", 32400, false, nullptr},
    {"kdt", 36000, true, nullptr}, {"kgst", 21600, true, nullptr},
    {"kgt", 0, false, "Asia/Bishkek"}, {"kost", 0, false, "Pacific/Kosrae"},
    {"krast", 0, false, "Asia/Krasnoyarsk"}, {"krat", 0, false, "Asia/Krasnoyarsk"},
    {"kst", 32400, false, nullptr}, {"lhdt", 0, false, "Australia/Lord_Howe"},
    {"lhst", 37800, false, nullptr}, {"ligt", 36000, false, nullptr},
    {"lint", 0, false, "Pacific/Kiritimati"}, {"lkt", 0, false, "Asia/Colombo"},
    {"magst", 0, false, "Asia/Magadan"}, {"magt", 0, false, "Asia/Magadan"},
    {"mart", -34200, false, nullptr}, {"mawt", 0, false, "Antarctica/Mawson"},
    {"mdt", -21600, true, nullptr}, {"mest", 7200, true, nullptr}, {"mesz", 7200, true, nullptr},
    {"met", 3600, false, nullptr}, {"metdst", 7200, true, nullptr}, {"mez", 3600, false, nullptr},
    {"mht", 43200, false, nullptr}, {"mmt", 23400, false, nullptr}, {"mpt", 36000, false, nullptr},
    {"msd", 14400, true, nullptr}, {"msk", 0, false, "Europe/Moscow"},
    {"mst", -25200, false, nullptr}, {"must", 18000, true, nullptr}, {"mut", 14400, false, nullptr},
    {"mvt", 18000, false, nullptr}, {"myt", 28800, false, nullptr}, {"ndt", -9000, true, nullptr},
    {"nft", -12600, false, nullptr}, {"novst", 0, false, "Asia/Novosibirsk"},
    {"novt", 0, false, "Asia/Novosibirsk"}, {"npt", 20700, false, nullptr},
    {"nst", -12600, false, nullptr}, {"nut", 0, false, "Pacific/Niue"},
    {"nzdt", 46800, true, nullptr}, {"nzst", 43200, false, nullptr}, {"nzt", 43200, false, nullptr},
    {"omsst", 0, false, "Asia/Omsk"}, {"omst", 0, false, "Asia/Omsk"},
    {"pdt", -25200, true, nullptr}, {"pet", -18000, false, nullptr},
    {"petst", 0, false, "Asia/Kamchatka"}, {"pett", 0, false, "Asia/Kamchatka"},
    {"pgt", 36000, false, nullptr}, {"pht", 28800, false, nullptr}, {"pkst", 21600, true, nullptr},
    {"pkt", 18000, false, nullptr}, {"pmdt", -7200, true, nullptr},
    {"pmst", -10800, false, nullptr}, {"pont", 39600, false, nullptr},
    {"pst", -28800, false, nullptr}, {"pwt", 32400, false, nullptr},
    {"pyst", -10800, true, nullptr}, {"pyt", 0, false, "America/Asuncion"},
    {"ret", 14400, false, nullptr}, {"sadt", 37800, true, nullptr}, {"sast", 7200, false, nullptr},
    {"sct", 14400, false, nullptr}, {"sgt", 0, false, "Asia/Singapore"},
    {"taht", -36000, false, nullptr}, {"tft", 18000, false, nullptr},
    {"tjt", 18000, false, nullptr}, {"tkt", 0, false, "Pacific/Fakaofo"},
    {"tmt", 0, false, "Asia/Ashgabat"}, {"tot", 46800, false, nullptr},
    {"trut", 36000, false, nullptr}, {"tvt", 43200, false, nullptr}, {"uct", 0, false, nullptr},
    {"ulast", 32400, true, nullptr}, {"ulat", 0, false, "Asia/Ulaanbaatar"},
    {"ut", 0, false, nullptr}, {"utc", 0, false, nullptr}, {"uyst", -7200, true, nullptr},
    {"uyt", -10800, false, nullptr}, {"uzst", 21600, true, nullptr}, {"uzt", 18000, false, nullptr},
    {"vet", 0, false, "America/Caracas"}, {"vlast", 0, false, "Asia/Vladivostok"},
    {"vlat", 0, false, "Asia/Vladivostok"}, {"volt", 0, false, "Europe/Volgograd"},
    {"vut", 39600, false, nullptr}, {"wadt", 28800, true, nullptr}, {"wakt", 43200, false, nullptr},
    {"wast", 25200, false, nullptr}, {"wat", 3600, false, nullptr}, {"wdt", 32400, true, nullptr},
    {"wet", 0, false, nullptr}, {"wetdst", 3600, true, nullptr}, {"wft", 43200, false, nullptr},
    {"wgst", -7200, true, nullptr}, {"wgt", -10800, false, nullptr}, {"xjt", 21600, false, nullptr},
    {"yakst", 0, false, "Asia/Yakutsk"}, {"yakt", 0, false, "Asia/Yakutsk"},
    {"yapt", 36000, false, nullptr}, {"yekst", 21600, true, nullptr},
    {"yekt", 0, false, "Asia/Yekaterinburg"}, {"z", 0, false, nullptr}, {"zulu", 0, false, nullptr},
};

std::string ToUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::string ZoneDir() {
  const char* dir = std::getenv("TZDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

// The canonical spelling of a file below the zone directory matching `name` case-insensitively
// (an exact match preferred), as PostgreSQL looks zone names up.
std::optional<std::string> ResolveZoneFile(std::string_view name) {
  if (name.empty() || name.size() > 255 || name.front() == '/') return std::nullopt;
  std::string path = ZoneDir();
  std::string canonical;
  size_t start = 0;
  while (true) {
    size_t slash = name.find('/', start);
    std::string_view comp = slash == std::string_view::npos ? name.substr(start)
                                                            : name.substr(start, slash - start);
    if (comp.empty() || comp == "." || comp == "..") return std::nullopt;
    DIR* dir = opendir(path.c_str());
    if (dir == nullptr) return std::nullopt;
    std::string match;
    while (dirent* e = readdir(dir)) {
      std::string_view entry(e->d_name);
      if (entry == comp) {
        match = entry;
        break;
      }
      if (EqualsIgnoreAsciiCase(entry, comp) && (match.empty() || entry < match)) match = entry;
    }
    closedir(dir);
    if (match.empty()) return std::nullopt;
    path += "/" + match;
    canonical += (canonical.empty() ? "" : "/") + match;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return canonical;
}

// POSIX TZ syntax (as PostgreSQL's tzcode accepts it). Offsets are returned POSIX-style, in
// seconds west of Greenwich.
class PosixParser {
 public:
  explicit PosixParser(std::string_view s) : s_(s) {}
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[i_]; }
  void Skip() { ++i_; }

  bool Name(std::string* name) {
    if (Peek() == '<') {
      size_t close = s_.find('>', i_ + 1);
      if (close == std::string_view::npos) return false;
      *name = std::string(s_.substr(i_ + 1, close - i_ - 1));
      i_ = close + 1;
      return true;
    }
    size_t begin = i_;
    while (!AtEnd() && !IsDigit(Peek()) && Peek() != ',' && Peek() != '-' && Peek() != '+') ++i_;
    *name = std::string(s_.substr(begin, i_ - begin));
    return true;
  }

  bool Num(int min, int max, int* out) {
    if (!IsDigit(Peek())) return false;
    int v = 0;
    while (IsDigit(Peek())) {
      v = v * 10 + (Peek() - '0');
      if (v > max) return false;
      ++i_;
    }
    if (v < min) return false;
    *out = v;
    return true;
  }

  bool Secs(int32_t* out) {
    int h = 0, m = 0, s = 0;
    if (!Num(0, 24 * 7 - 1, &h)) return false;
    if (Peek() == ':') {
      ++i_;
      if (!Num(0, 59, &m)) return false;
      if (Peek() == ':') {
        ++i_;
        if (!Num(0, 60, &s)) return false;
      }
    }
    *out = h * 3600 + m * 60 + s;
    return true;
  }

  bool Offset(int32_t* out) {
    bool neg = false;
    if (Peek() == '-' || Peek() == '+') {
      neg = Peek() == '-';
      ++i_;
    }
    if (!Secs(out)) return false;
    if (neg) *out = -*out;
    return true;
  }

  bool Rule(TimeZone::PosixRule::When* w) {
    if (Peek() == 'J') {
      ++i_;
      w->kind = 'J';
      if (!Num(1, 365, &w->day)) return false;
    } else if (IsDigit(Peek())) {
      w->kind = 'D';
      if (!Num(0, 365, &w->day)) return false;
    } else if (Peek() == 'M') {
      ++i_;
      w->kind = 'M';
      if (!Num(1, 12, &w->month) || Peek() != '.') return false;
      ++i_;
      if (!Num(1, 5, &w->week) || Peek() != '.') return false;
      ++i_;
      if (!Num(0, 6, &w->day)) return false;
    } else {
      return false;
    }
    w->time = 7200;
    if (Peek() == '/') {
      ++i_;
      if (!Offset(&w->time)) return false;
    }
    return true;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

// Local (Unix-based) seconds at which `w` happens in `year`.
int64_t RuleLocalSeconds(const TimeZone::PosixRule::When& w, int64_t year) {
  int64_t jd;
  if (w.kind == 'J') {
    jd = dt::DateToJulian(year, 1, 1) + w.day - 1 + (dt::IsLeap(year) && w.day >= 60 ? 1 : 0);
  } else if (w.kind == 'D') {
    jd = dt::DateToJulian(year, 1, 1) + w.day;
  } else {
    int64_t first = dt::DateToJulian(year, w.month, 1);
    jd = first + (w.day - dt::DayOfWeek(first) + 7) % 7 + (w.week - 1) * 7;
    int64_t last = first + dt::DaysInMonth(year, w.month) - 1;
    while (jd > last) jd -= 7;
  }
  return (jd - dt::kUnixEpochJulian) * dt::kSecsPerDay + w.time;
}

bool PosixIsDst(const TimeZone::PosixRule& r, int64_t utc) {
  int64_t local_days = FloorDiv(utc + r.std_offset, dt::kSecsPerDay);
  int64_t year;
  int mon, mday;
  dt::JulianToDate(local_days + dt::kUnixEpochJulian, &year, &mon, &mday);
  int64_t start = RuleLocalSeconds(r.start, year) - r.std_offset;
  int64_t end = RuleLocalSeconds(r.end, year) - r.dst_offset;
  if (start < end) return utc >= start && utc < end;
  return !(utc >= end && utc < start);
}

// Offsets in a fixed zone's generated name: "05", "05:30", "05:53:28".
std::string OffsetText(int32_t secs) {
  std::string out;
  dt::AppendPadded(&out, secs / 3600, 2);
  if (secs % 3600 != 0) {
    out += ':';
    dt::AppendPadded(&out, secs / 60 % 60, 2);
    if (secs % 60 != 0) {
      out += ':';
      dt::AppendPadded(&out, secs % 60, 2);
    }
  }
  return out;
}

struct FileZoneCache {
  std::mutex mu;
  std::map<std::string, std::optional<std::pair<std::string, absl::TimeZone>>> entries;
};

FileZoneCache& Cache() {
  static FileZoneCache* cache = new FileZoneCache();
  return *cache;
}

}  // namespace

namespace dt {

const TzAbbrev* LookupTzAbbrev(std::string_view lower) {
  const TzAbbrev* end = kAbbrevs + sizeof(kAbbrevs) / sizeof(kAbbrevs[0]);
  const TzAbbrev* it = std::lower_bound(
      kAbbrevs, end, lower, [](const TzAbbrev& a, std::string_view key) { return a.abbrev < key; });
  if (it != end && it->abbrev == lower) return it;
  return nullptr;
}

std::optional<TimeZone> FindZone(std::string_view name) {
  if (name.empty() || name.size() > 255) return std::nullopt;
  // tzcode ignores a leading ':' on a file name; such a name is never a POSIX spec.
  if (name.front() == ':') return TimeZoneAccess::FromFile(name.substr(1));
  if (auto tz = TimeZoneAccess::FromFile(name)) return tz;
  return TimeZoneAccess::FromPosix(ToUpper(name));
}

}  // namespace dt

std::optional<TimeZone> TimeZoneAccess::FromFile(std::string_view name) {
  FileZoneCache& cache = Cache();
  std::string key = dt::ToLower(name);
  std::optional<std::pair<std::string, absl::TimeZone>> entry;
  {
    std::lock_guard<std::mutex> lock(cache.mu);
    auto it = cache.entries.find(key);
    if (it != cache.entries.end()) {
      entry = it->second;
    } else {
      if (std::optional<std::string> canonical = ResolveZoneFile(name)) {
        absl::TimeZone zone;
        if (absl::LoadTimeZone(ZoneDir() + "/" + *canonical, &zone)) {
          entry.emplace(*canonical, zone);
        }
      }
      cache.entries.emplace(key, entry);
    }
  }
  if (!entry) return std::nullopt;
  TimeZone tz;
  tz.name_ = entry->first;
  tz.zone_ = entry->second;
  tz.fixed_ = false;
  return tz;
}

std::optional<TimeZone> TimeZoneAccess::FromPosix(std::string_view spec) {
  PosixParser p(spec);
  auto rule = std::make_shared<TimeZone::PosixRule>();
  int32_t std_west = 0;
  if (!p.Name(&rule->std_abbr) || p.AtEnd() || !p.Offset(&std_west)) return std::nullopt;
  TimeZone tz;
  tz.name_ = std::string(spec);
  if (p.AtEnd()) {
    tz.fixed_ = true;
    tz.fixed_offset_ = -std_west;
    tz.fixed_abbr_ = rule->std_abbr;
    return tz;
  }
  int32_t dst_west = std_west - 3600;
  if (!p.Name(&rule->dst_abbr) || rule->dst_abbr.empty()) return std::nullopt;
  if (!p.AtEnd() && p.Peek() != ',' && p.Peek() != ';' && !p.Offset(&dst_west)) {
    return std::nullopt;
  }
  if (p.AtEnd()) {
    // No rule: PostgreSQL applies its posixrules file, the United States' current rules.
    rule->start = {'M', 0, 3, 2, 7200};
    rule->end = {'M', 0, 11, 1, 7200};
  } else {
    if (p.Peek() != ',' && p.Peek() != ';') return std::nullopt;
    p.Skip();
    if (!p.Rule(&rule->start) || p.Peek() != ',') return std::nullopt;
    p.Skip();
    if (!p.Rule(&rule->end) || !p.AtEnd()) return std::nullopt;
  }
  rule->std_offset = -std_west;
  rule->dst_offset = -dst_west;
  tz.fixed_ = false;
  tz.posix_ = std::move(rule);
  return tz;
}

int32_t TimeZoneAccess::OffsetAtSeconds(const TimeZone& tz, int64_t utc_secs) {
  if (tz.fixed_) return tz.fixed_offset_;
  if (tz.posix_ != nullptr) {
    return PosixIsDst(*tz.posix_, utc_secs) ? tz.posix_->dst_offset : tz.posix_->std_offset;
  }
  return tz.zone_.At(absl::FromUnixSeconds(utc_secs)).offset;
}

int32_t TimeZoneAccess::OffsetForLocalSeconds(const TimeZone& tz, int64_t local_secs) {
  if (tz.fixed_) return tz.fixed_offset_;
  // A local time in a gap or an overlap takes the smaller of the two offsets: the one before
  // a spring-forward transition, the one after a fall-back transition, as PostgreSQL.
  if (tz.posix_ != nullptr) {
    const TimeZone::PosixRule& r = *tz.posix_;
    bool std_ok = !PosixIsDst(r, local_secs - r.std_offset);
    bool dst_ok = PosixIsDst(r, local_secs - r.dst_offset);
    if (std_ok != dst_ok) return std_ok ? r.std_offset : r.dst_offset;
    return std::min(r.std_offset, r.dst_offset);
  }
  absl::CivilSecond cs = absl::CivilSecond(1970, 1, 1, 0, 0, 0) + local_secs;
  absl::TimeZone::TimeInfo ti = tz.zone_.At(cs);
  int64_t pre = local_secs - absl::ToUnixSeconds(ti.pre);
  if (ti.kind == absl::TimeZone::TimeInfo::UNIQUE) return static_cast<int32_t>(pre);
  int64_t post = local_secs - absl::ToUnixSeconds(ti.post);
  return static_cast<int32_t>(std::min(pre, post));
}

bool TimeZoneAccess::IsFixed(const TimeZone& tz) {
  if (tz.fixed_) return true;
  if (tz.posix_ != nullptr) return false;
  absl::TimeZone::CivilTransition trans;
  return !tz.zone_.NextTransition(absl::InfinitePast(), &trans);
}

TimeZone::TimeZone() : name_("UTC") {}

TimeZone TimeZone::FixedOffset(int32_t seconds_east) {
  TimeZone tz;
  std::string text = OffsetText(seconds_east < 0 ? -seconds_east : seconds_east);
  // PostgreSQL names it as a POSIX spec: "<+05>-05" is five hours east.
  tz.fixed_abbr_ = (seconds_east < 0 ? "-" : "+") + text;
  tz.name_ = "<" + tz.fixed_abbr_ + ">" + (seconds_east < 0 ? "+" : "-") + text;
  tz.fixed_offset_ = seconds_east;
  return tz;
}

Result<TimeZone> TimeZone::Load(std::string_view name) {
  auto invalid = [name] {
    return Status(sqlstate::kInvalidParameterValue,
                  "invalid value for parameter \"TimeZone\": \"" + std::string(name) + "\"");
  };
  // A number of hours, with SQL's sign convention.
  std::string copy(name);
  char* end = nullptr;
  double hours = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() && *end == '\0') {
    double west = -hours * 3600;
    if (!std::isfinite(west) || std::fabs(west) >= 168.0 * 3600) {
      return invalid().WithDetail("UTC timezone offset is out of range.");
    }
    return FixedOffset(-static_cast<int32_t>(west));
  }
  std::optional<TimeZone> tz = dt::FindZone(name);
  // A zone counting leap seconds (the right/ tree, which absl does not load), or a POSIX
  // offset with seconds, does not show midnight at 2000-01-01 00:00 UTC.
  bool leap = tz ? (tz->fixed_ || tz->posix_ != nullptr) &&
                       TimeZoneAccess::OffsetAtSeconds(*tz, kUnixToPgEpochSecs) % 60 != 0
                 : dt::ToLower(name).rfind("right/", 0) == 0 && ResolveZoneFile(name).has_value();
  if (!tz && !leap) return invalid();
  if (leap) {
    return Status(sqlstate::kInvalidParameterValue,
                  "time zone \"" + std::string(name) + "\" appears to use leap seconds",
                  "PostgreSQL does not support leap seconds.");
  }
  return *std::move(tz);
}

int32_t TimeZone::UtcOffsetAt(int64_t utc_us) const {
  return TimeZoneAccess::OffsetAtSeconds(*this,
                                         FloorDiv(utc_us, kUsecsPerSec) + kUnixToPgEpochSecs);
}

int32_t TimeZone::UtcOffsetForLocal(int64_t local_us) const {
  return TimeZoneAccess::OffsetForLocalSeconds(
      *this, FloorDiv(local_us, kUsecsPerSec) + kUnixToPgEpochSecs);
}

std::string TimeZone::AbbreviationAt(int64_t utc_us) const {
  if (fixed_) return fixed_abbr_;
  int64_t secs = FloorDiv(utc_us, kUsecsPerSec) + kUnixToPgEpochSecs;
  if (posix_ != nullptr) return PosixIsDst(*posix_, secs) ? posix_->dst_abbr : posix_->std_abbr;
  return zone_.At(absl::FromUnixSeconds(secs)).zone_abbr;
}

}  // namespace omendb
