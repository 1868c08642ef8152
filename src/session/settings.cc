#include "session/settings.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "sql/parser/parsed_nodes.h"
#include "types/type_io.h"

namespace omendb {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Status InvalidValue(const std::string& parameter, const std::string& value,
                    const std::string& available) {
  return Status(sqlstate::kInvalidParameterValue,
                "invalid value for parameter \"" + parameter + "\": \"" + value + "\"")
      .WithHint("Available values: " + available + ".");
}

}  // namespace

Result<IsolationLevel> ParseIsolationLevel(const std::string& value,
                                           const std::string& parameter) {
  std::string v = Lower(value);
  if (v == "read committed" || v == "read uncommitted") return IsolationLevel::kReadCommitted;
  if (v == "repeatable read") return IsolationLevel::kRepeatableRead;
  if (v == "serializable") {
    return Status(sqlstate::kFeatureNotSupported, "SERIALIZABLE isolation is not supported yet")
        .WithHint("REPEATABLE READ gives snapshot isolation.");
  }
  return InvalidValue(parameter, value,
                      "serializable, repeatable read, read committed, read uncommitted");
}

namespace {

// A time parameter in milliseconds as PostgreSQL reads it: a number, optionally followed by
// a unit (ms, s, min, h, d); 0 .. INT32_MAX.
// A setting's value as a number and its unit ("10 s" -> 10, "s"); false if not a number.
bool SplitQuantity(const std::string& value, double* number, std::string* unit) {
  size_t i = 0;
  while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
  size_t start = i;
  if (i < value.size() && (value[i] == '-' || value[i] == '+')) ++i;
  while (i < value.size() && (std::isdigit(static_cast<unsigned char>(value[i])) || value[i] == '.')) ++i;
  std::string digits = value.substr(start, i - start);
  while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
  *unit = value.substr(i);
  while (!unit->empty() && std::isspace(static_cast<unsigned char>(unit->back()))) unit->pop_back();
  char* end = nullptr;
  *number = digits.empty() ? 0 : std::strtod(digits.c_str(), &end);
  return !digits.empty() && end != nullptr && *end == '\0';
}

Status InvalidQuantity(const std::string& name, const std::string& value, const char* units) {
  return Status(sqlstate::kInvalidParameterValue,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"", "",
                units == nullptr ? "" : std::string("Valid units for this parameter are ") + units + ".");
}

Result<int64_t> ParseMilliseconds(const std::string& name, const std::string& value) {
  double v;
  std::string unit;
  bool number = SplitQuantity(value, &v, &unit);
  double factor = unit.empty() || unit == "ms" ? 1
                  : unit == "s"               ? 1000
                  : unit == "min"             ? 60000
                  : unit == "h"               ? 3600000
                  : unit == "d"               ? 86400000
                                              : -1;
  if (factor < 0 || !number) {
    return InvalidQuantity(name, value,
                           factor < 0 ? "\"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\"" : nullptr);
  }
  double ms = v * factor;
  if (ms < 0 || ms > 2147483647.0) {
    return Status(sqlstate::kInvalidParameterValue,
                  std::to_string(static_cast<long long>(ms)) + " ms is outside the valid range "
                  "for parameter \"" + name + "\" (0 .. 2147483647)");
  }
  return static_cast<int64_t>(ms + 0.5);
}

// A memory size as PostgreSQL's memory settings take it: a number of kB, or with a unit
// (B, kB, MB, GB, TB). Returns bytes.
Result<int64_t> ParseBytes(const std::string& name, const std::string& value) {
  double v;
  std::string unit;
  bool number = SplitQuantity(value, &v, &unit);
  double factor = unit == "B"                     ? 1
                  : unit.empty() || unit == "kB" ? 1024.0
                  : unit == "MB"                 ? 1024.0 * 1024
                  : unit == "GB"                 ? 1024.0 * 1024 * 1024
                  : unit == "TB"                 ? 1024.0 * 1024 * 1024 * 1024
                                                 : -1;
  if (factor < 0 || !number) {
    return InvalidQuantity(name, value, factor < 0 ? "\"B\", \"kB\", \"MB\", \"GB\", and \"TB\"" : nullptr);
  }
  double bytes = v * factor;
  if (bytes < 65536 || bytes > 9.0e18) {
    return Status(sqlstate::kInvalidParameterValue,
                  "invalid value for parameter \"" + name + "\": \"" + value + "\"", "",
                  "It must be between 64kB and 8EB.");
  }
  return static_cast<int64_t>(bytes);
}

// PostgreSQL's display of a memory size: the largest unit that divides it exactly.
std::string FormatBytes(int64_t bytes) {
  static const char* kUnits[] = {"kB", "MB", "GB", "TB"};
  int64_t v = bytes / 1024;
  if (bytes % 1024 != 0) return std::to_string(bytes) + "B";
  int u = 0;
  while (u < 3 && v % 1024 == 0 && v != 0) {
    v /= 1024;
    ++u;
  }
  return std::to_string(v) + kUnits[u];
}

// PostgreSQL's SHOW form: the largest unit that divides the value.
std::string FormatMilliseconds(int64_t ms) {
  if (ms == 0) return "0";
  const std::pair<int64_t, const char*> units[] = {
      {86400000, "d"}, {3600000, "h"}, {60000, "min"}, {1000, "s"}};
  for (const auto& [size, name] : units) {
    if (ms % size == 0) return std::to_string(ms / size) + name;
  }
  return std::to_string(ms) + "ms";
}

}  // namespace

const char* IsolationLevelName(IsolationLevel level) {
  return level == IsolationLevel::kRepeatableRead ? "repeatable read" : "read committed";
}

bool IsCustomSetting(const std::string& name) {
  const size_t dot = name.find('.');
  return dot != std::string::npos && dot > 0 && name.back() != '.' &&
         name.compare(0, 7, "omendb.") != 0;
}

Status ApplySetting(const std::string& name, const std::vector<std::string>& values,
                    SessionSettings* settings) {
  if (IsCustomSetting(name)) {
    std::string joined;
    for (size_t i = 0; i < values.size(); ++i) joined += (i ? ", " : "") + values[i];
    settings->custom[name] = joined;  // TO DEFAULT / RESET: empty, as PostgreSQL's reset value
    return Status::OK();
  }
  SessionSettings defaults;
  if (values.size() > 1 && name != "search_path") {
    return Status(sqlstate::kInvalidParameterValue, "SET " + name + " takes only one argument");
  }
  const std::string value = values.empty() ? "" : values[0];
  if (name == "default_transaction_isolation") {
    if (values.empty()) {
      settings->default_isolation = defaults.default_isolation;
      return Status::OK();
    }
    OMEN_ASSIGN_OR_RETURN(settings->default_isolation, ParseIsolationLevel(value, name));
    return Status::OK();
  }
  if (name == "default_transaction_read_only") {
    std::string v = Lower(value);
    if (values.empty() || v == "off" || v == "false" || v == "0" || v == "no") {
      settings->default_read_only = false;
    } else if (v == "on" || v == "true" || v == "1" || v == "yes") {
      settings->default_read_only = true;
    } else {
      return Status(sqlstate::kInvalidParameterValue,
                    "parameter \"" + name + "\" requires a Boolean value");
    }
    return Status::OK();
  }
  if (name == "synchronous_commit") {
    std::string v = Lower(value);
    if (values.empty()) {
      settings->synchronous_commit = defaults.synchronous_commit;
    } else if (v == "on" || v == "true" || v == "yes" || v == "1") {
      settings->synchronous_commit = "on";
    } else if (v == "off" || v == "false" || v == "no" || v == "0") {
      settings->synchronous_commit = "off";
    } else if (v == "local" || v == "remote_write" || v == "remote_apply") {
      settings->synchronous_commit = v;  // one node: every level waits for the local flush
    } else {
      return InvalidValue(name, value, "local, remote_write, remote_apply, on, off");
    }
    return Status::OK();
  }
  if (name == "plan_cache_mode") {
    std::string v = Lower(value);
    if (values.empty()) {
      settings->plan_cache_mode = defaults.plan_cache_mode;
    } else if (v == "auto" || v == "force_custom_plan" || v == "force_generic_plan") {
      settings->plan_cache_mode = v;
    } else {
      return InvalidValue(name, value, "auto, force_generic_plan, force_custom_plan");
    }
    return Status::OK();
  }
  if (name == "application_name") {
    settings->application_name = value;
    return Status::OK();
  }
  if (name == "statement_timeout") {
    if (values.empty()) {
      settings->statement_timeout_ms = defaults.statement_timeout_ms;
      return Status::OK();
    }
    OMEN_ASSIGN_OR_RETURN(settings->statement_timeout_ms, ParseMilliseconds(name, value));
    return Status::OK();
  }
  if (name == "timezone") {
    if (values.empty() || Lower(value) == "local") {
      settings->time_zone = defaults.time_zone;
      return Status::OK();
    }
    const std::string_view mark = sql::kIntervalValueMark;
    if (value.compare(0, mark.size(), mark) == 0) {
      // INTERVAL '-03:30': a fixed offset from UTC (no days or months).
      std::string text = value.substr(mark.size());
      Result<Value> iv = ParseValueText(text, LogicalType(TypeId::kInterval));
      if (!iv.ok()) return iv.status();
      auto invalid = [&](const char* detail) {
        return Status(sqlstate::kInvalidParameterValue,
                      "invalid value for parameter \"TimeZone\": \"INTERVAL '" +
                          FormatValueText(*iv) + "'\"",
                      detail);
      };
      IntervalValue v = iv->GetInterval();
      if (v.months != 0) return invalid("Cannot specify months in time zone interval.");
      if (v.days != 0) return invalid("Cannot specify days in time zone interval.");
      if (v.micros % 1000000 != 0 || std::llabs(v.micros) >= int64_t{168} * 3600 * 1000000) {
        return invalid("UTC timezone offset is out of range.");
      }
      settings->time_zone = TimeZone::FixedOffset(static_cast<int32_t>(v.micros / 1000000));
      return Status::OK();
    }
    OMEN_ASSIGN_OR_RETURN(settings->time_zone, TimeZone::Load(value));
    return Status::OK();
  }
  if (name == "omendb.query_memory_limit") {
    if (values.empty()) {
      settings->query_memory_limit = defaults.query_memory_limit;
      return Status::OK();
    }
    OMEN_ASSIGN_OR_RETURN(settings->query_memory_limit, ParseBytes(name, value));
    return Status::OK();
  }
  if (name == "search_path") {
    if (values.empty()) {
      settings->search_path = defaults.search_path;
      settings->search_schemas = defaults.search_schemas;
      return Status::OK();
    }
    // Each value is a schema name as the parser gave it (identifiers folded, strings as
    // written), or a list as text (commas or quotes in it: folded unless quoted).
    std::vector<std::string> items;
    for (const std::string& v : values) {
      if (v.find(',') == std::string::npos && v.find('"') == std::string::npos) {
        items.push_back("\"" + v + "\"");  // verbatim
        continue;
      }
      std::string item;
      bool quoted = false;
      for (size_t i = 0; i <= v.size(); ++i) {
        char c = i < v.size() ? v[i] : ',';
        if (c == '"') {
          if (quoted && i + 1 < v.size() && v[i + 1] == '"') {
            item += '"';
            ++i;
          } else {
            quoted = !quoted;
            item += '"';
          }
        } else if (c == ',' && !quoted) {
          size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
          items.push_back(b == std::string::npos ? std::string() : item.substr(b, e - b + 1));
          item.clear();
        } else {
          item += c;
        }
      }
    }
    std::vector<std::string> schemas;
    std::string text;
    if (items.size() == 1 && (items[0].empty() || items[0] == "\"\"")) {  // SET search_path = ''
      settings->search_path = "\"\"";
      settings->search_schemas.clear();
      return Status::OK();
    }
    for (const std::string& item : items) {
      if (item.empty()) return InvalidValue(name, value, "a list of schema names");
      std::string schema;
      bool was_quoted = item.front() == '"' && item.back() == '"' && item.size() >= 2;
      if (was_quoted) {
        for (size_t i = 1; i + 1 < item.size(); ++i) {
          if (item[i] != '"') schema += item[i];
          else if (i + 2 < item.size() && item[i + 1] == '"') schema += '"', ++i;
        }
      } else {
        schema = Lower(item);
      }
      schemas.push_back(schema == "$user" ? std::string("postgres") : schema);
      bool plain = !schema.empty() && (std::islower(static_cast<unsigned char>(schema[0])) ||
                                        schema[0] == '_');
      for (char c : schema) {
        plain = plain && (std::islower(static_cast<unsigned char>(c)) ||
                          std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '$');
      }
      std::string shown = plain ? schema : "\"" + schema + "\"";
      text += (text.empty() ? "" : ", ") + shown;
    }
    settings->search_path = text;
    settings->search_schemas = std::move(schemas);
    return Status::OK();
  }
  if (name == "datestyle" || name == "intervalstyle") {
    // Only PostgreSQL's defaults are implemented: ISO with MDY order, postgres intervals.
    std::string v = Lower(value);
    bool is_default = values.empty() || (name == "datestyle" ? (v == "iso, mdy" || v == "iso")
                                                             : v == "postgres");
    if (!is_default) return NotSupported("SET " + name + " = " + value);
    return Status::OK();
  }
  return NotSupported("SET " + name);
}

Result<std::string> ShowSetting(const std::string& name, const SessionSettings& settings) {
  if (name == "default_transaction_isolation") {
    return std::string(IsolationLevelName(settings.default_isolation));
  }
  if (name == "default_transaction_read_only") return std::string(settings.default_read_only ? "on" : "off");
  if (name == "synchronous_commit") return settings.synchronous_commit;
  if (name == "application_name") return settings.application_name;
  if (name == "plan_cache_mode") return settings.plan_cache_mode;
  if (name == "statement_timeout") return FormatMilliseconds(settings.statement_timeout_ms);
  if (name == "server_version") return std::string("15.0");
  if (name == "timezone") return settings.time_zone.name();
  if (name == "omendb.query_memory_limit") return FormatBytes(settings.query_memory_limit);
  if (name == "datestyle") return std::string("ISO, MDY");
  if (name == "search_path") return settings.search_path;
  if (name == "intervalstyle") return std::string("postgres");
  if (name == "server_encoding" || name == "client_encoding") return std::string("UTF8");
  if (name == "standard_conforming_strings" || name == "integer_datetimes") {
    return std::string("on");
  }
  if (auto it = settings.custom.find(name); it != settings.custom.end()) return it->second;
  return Status(sqlstate::kUndefinedObject, "unrecognized configuration parameter \"" + name + "\"");
}

}  // namespace omendb
