// EXPLAIN: a logical plan as the lines of PostgreSQL's text format with COSTS OFF
// ("Seq Scan on t", "  ->  Hash Join", "        Hash Cond: (a.id = b.id)", ...).
#pragma once

#include <string>
#include <vector>

#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// One line per node and per node property (Filter, Index Cond, Hash Cond, Sort Key...).
// Projections are not shown (as in PostgreSQL); a filter is shown on the node below it.
std::vector<std::string> ExplainPlan(const LogicalOperator& plan);

}  // namespace omendb::sql
