// EXPLAIN: a logical plan as the lines of PostgreSQL's text format with COSTS OFF
// ("Seq Scan on t", "  ->  Hash Join", "        Hash Cond: (a.id = b.id)", ...).
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// What EXPLAIN ANALYZE measured for one plan node.
// Sums over the node's loops (runs: a subquery's plan runs once per outer row), shown as
// per-loop averages as PostgreSQL does; times are spent inside the node, its inputs included.
struct OperatorStats {
  uint64_t loops = 0;       // runs that asked the node for rows (0: never executed)
  uint64_t rows = 0;        // rows produced
  double first_ms = 0;      // time until the first batch (or the end, without one)
  double total_ms = 0;      // time until the node was exhausted or stopped
  uint64_t zone_blocks_skipped = 0;  // scans: main-store blocks skipped by zone maps
  uint64_t rows_prefiltered = 0;     // scans: rows the filter above dropped inside the scan
};
using PlanStats = std::unordered_map<const LogicalOperator*, OperatorStats>;

// Property lines saying how primary-key lookups search a table's storage ("Learned Index:
// ..."), shown under its primary-key index scans; none when it returns nothing.
using KeyIndexDescriber = std::function<std::vector<std::string>(const TableSchema& table)>;

// One line per node and per node property (Filter, Index Cond, Hash Cond, Sort Key...).
// Projections are not shown (as in PostgreSQL); a filter is shown on the node below it, and a
// subquery's plan under the node whose expressions use it ("SubPlan n", or "InitPlan n" for
// one run once). With `stats` (EXPLAIN ANALYZE), each node line ends with its actual rows per
// loop and loops (and times if `timing`), and filters report the rows they removed.
std::vector<std::string> ExplainPlan(const LogicalOperator& plan, const PlanStats* stats = nullptr,
                                     bool timing = true,
                                     const KeyIndexDescriber& describe_key_index = {});

// EXPLAIN of INSERT, UPDATE or DELETE: the line `head` ("Update on t") above the plan that
// finds or produces its rows (a one-row Result for INSERT ... VALUES, when `plan` is null).
// With `stats` (EXPLAIN ANALYZE), the plan's lines show actual rows (and times if `timing`).
std::vector<std::string> ExplainModify(const std::string& head, const LogicalOperator* plan,
                                       const PlanStats* stats = nullptr, bool timing = true,
                                       const KeyIndexDescriber& describe_key_index = {});

}  // namespace omendb::sql
