// Session settings reached by SET and SHOW, with PostgreSQL's names, values and errors.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/txn/mvcc.h"
#include "types/datetime.h"

namespace omendb {

struct SessionSettings {
  IsolationLevel default_isolation = IsolationLevel::kReadCommitted;
  bool default_read_only = false;
  std::string synchronous_commit = "on";  // as set: on, off, local, remote_write, remote_apply
  std::string application_name;
  // plan_cache_mode: when prepared statements run a generic plan (see GenericPlanCache):
  // auto (when it takes the access paths a plan with the values takes), force_custom_plan
  // (never), force_generic_plan (whenever the statement allows one, from its first run).
  std::string plan_cache_mode = "auto";
  int64_t statement_timeout_ms = 0;  // 0: none
  TimeZone time_zone;  // TimeZone (UTC by default): timestamptz input and output
  // omendb.query_memory_limit: bytes a statement's operators may hold (sorts, hash tables,
  // materialized inputs) before it fails with 53200.
  int64_t query_memory_limit = int64_t{4} << 30;
  // search_path as SHOW prints it, and the schemas it names in order ("$user" is the
  // schema named after the user, postgres).
  std::string search_path = "\"$user\", public";
  std::vector<std::string> search_schemas = {"postgres", "public"};
  // Custom parameters ("myapp.user_id"): any name with a dot outside OmenDB's own "omendb."
  // prefix, as PostgreSQL's placeholder variables; the value as set (a list joined by ", ").
  std::map<std::string, std::string> custom;

  // Whether commits wait for their WAL record to be durable.
  bool SynchronousCommit() const { return synchronous_commit != "off"; }
};

// Parses an isolation level as PostgreSQL spells it ("read committed"). READ UNCOMMITTED is READ
// COMMITTED, as in PostgreSQL; SERIALIZABLE errors 0A000 (not implemented, never weakened);
// anything else 22023 naming `parameter`.
Result<IsolationLevel> ParseIsolationLevel(const std::string& value, const std::string& parameter);
const char* IsolationLevelName(IsolationLevel level);

// Whether `name` is a custom parameter's (see SessionSettings::custom).
bool IsCustomSetting(const std::string& name);

// SET name = values / SET name TO DEFAULT (values empty). Errors 22023 for a bad value and
// 0A000 for parameters OmenDB does not have. The transaction_* parameters are handled by the
// session, which owns the transaction.
Status ApplySetting(const std::string& name, const std::vector<std::string>& values,
                    SessionSettings* settings);

// The value SHOW prints for a session-level parameter; 42704 for unknown names.
Result<std::string> ShowSetting(const std::string& name, const SessionSettings& settings);

}  // namespace omendb
