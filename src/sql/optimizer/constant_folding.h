// Constant folding, as PostgreSQL's planner (eval_const_expressions) does it.
#pragma once

#include "common/status.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Simplifies every expression of `statement`:
// - a strict function or operator with a NULL constant argument is NULL; with all arguments
//   constant it is evaluated now (so `1 / 0` fails even when no row reaches it);
// - casts, NOT and IS [NOT] NULL of constants are evaluated;
// - AND/OR drop constant true/false arguments and stop at a deciding constant; COALESCE stops at
//   its first non-NULL constant; CASE drops arms whose condition is constant false or NULL and
//   ends at one that is constant true. Arguments after such a stop are not simplified (nor
//   evaluated), as in PostgreSQL: `COALESCE(1, 1 / 0)` is 1.
// Errors are those of the evaluated functions (22012, 22003, ...).
Status FoldConstants(BoundStatement* statement);

}  // namespace omendb::sql
