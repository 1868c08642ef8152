// Generic plans of prepared statements: a SELECT bound once with its parameters as slots
// ($n read when it runs) and optimized, then run by later executions instead of binding each
// one again with its values, as PostgreSQL's plan cache does.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "sql/plan/logical_plan.h"

namespace omendb {

// A prepared statement's generic plan, valid while the catalog, search_path and TimeZone it
// was bound under stay the same.
struct GenericPlanCache {
  std::shared_ptr<const sql::BoundStatement> plan;  // null: none
  // Executions planned with their values under this key. A generic plan is tried at the
  // second to the fourth (a statement run once pays for one binding only; a first value may
  // be special, as NULL is), then no more.
  uint64_t custom_runs = 0;

  // Whether the execution just planned with its values should try a generic plan.
  bool ShouldTry() const { return plan == nullptr && custom_runs >= 2 && custom_runs <= 4; }
  // Drops the plan and the count when any part of the key differs.
  void Revalidate(uint64_t catalog_version, const std::string& search_path,
                  const std::string& time_zone);

 private:
  uint64_t catalog_version_ = 0;
  std::string search_path_;
  std::string time_zone_;
};

// Whether `generic` (a query bound with parameter slots) gives every execution the answer a
// plan bound with its values would: no subqueries (they run while planning), no functions
// whose results differ between statements (now(), current_setting), no recursive query (its
// plan holds the working table).
bool CanReusePlan(const sql::BoundStatement& generic);

// Whether the optimized `generic` plan reads its tables as `custom` (bound with one
// execution's values) does: the same operators, join order, access paths (key lookups, key
// ranges, indexes, zone maps) and scan limits. Filters and projections are not compared.
bool SameAccessPaths(const sql::LogicalOperator& generic, const sql::LogicalOperator& custom);

}  // namespace omendb
