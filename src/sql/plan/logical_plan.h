// Logical plans: what a statement computes, as a tree of relational operators over bound
// expressions, before physical planning. The optimizer rewrites these trees.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "catalog/table_schema.h"
#include "sql/function/aggregate_function.h"
#include "sql/plan/bound_expr.h"
#include "types/vector.h"

namespace omendb::sql {

// A range over the table's primary key (a prefix of its columns), chosen by the optimizer.
struct KeyRange {
  std::vector<Value> lower;  // empty: unbounded
  bool lower_inclusive = true;
  std::vector<Value> upper;  // empty: unbounded
  bool upper_inclusive = true;
};

// "<column> <op> <non-NULL constant>", a conjunct a scan may use to skip blocks of rows whose
// zone map (min/max) proves no row satisfies it; the conjunct itself stays in the filter.
struct ZoneFilter {
  enum class Op { kEq, kLt, kLe, kGt, kGe } op;
  size_t column;  // the table's column
  Value constant; // of the column's type
};

// One aggregate computed by an Aggregate operator, over its input batch's columns.
struct OrderSpec {
  BoundExprPtr expr;
  bool descending = false;
  bool nulls_first = false;
};

struct AggregateCall {
  AggregateKind kind;
  std::vector<BoundExprPtr> args;  // already cast to the signature's types
  bool distinct = false;           // aggregate over the distinct non-NULL argument values
  // agg(... ORDER BY ...): the rows are taken in this order (expressions over the input).
  std::vector<OrderSpec> order;
  LogicalType type;                // result type
  std::string key;                 // canonical text, to reuse one call for repeated uses
};

// A window function call's frame: rows [start, end] around the current row (ROWS: by
// position; RANGE: CURRENT ROW includes its peers, rows with equal ORDER BY values).
struct WindowFrame {
  enum Bound { kUnboundedPreceding, kOffsetPreceding, kCurrentRow, kOffsetFollowing,
               kUnboundedFollowing };
  bool rows = false;
  Bound start = kUnboundedPreceding;
  Bound end = kCurrentRow;
  int64_t start_offset = 0, end_offset = 0;
};

enum class WindowFunction {
  kRowNumber, kRank, kDenseRank, kPercentRank, kCumeDist, kNtile, kLag, kLead,
  kFirstValue, kLastValue, kNthValue,
  kAggregate,  // an aggregate (count, sum, avg, min, max, ...) over the frame
};

struct WindowCall {
  WindowFunction function;
  AggregateKind aggregate = AggregateKind::kCount;  // kAggregate: which
  std::vector<BoundExprPtr> args;       // over the window operator's input
  std::vector<BoundExprPtr> partition;  // PARTITION BY
  std::vector<OrderSpec> order;         // ORDER BY (also decides peers)
  WindowFrame frame;
  LogicalType type;  // result type
};

// The rows a recursive query's previous round produced (filled while the statement runs).
struct WorkTable {
  std::vector<DataChunk> rows;
};

// kSemi / kAnti: each left row once if some right row satisfies the condition (semi) or if
// none does (anti); the output is the left columns only.
enum class JoinType { kInner, kLeft, kRight, kFull, kSemi, kAnti };
enum class SetOpType { kUnion, kIntersect, kExcept };


struct LogicalOperator {
  enum class Kind {
    kGet,
    kDummyScan,
    kFilter,
    kProjection,
    kOrder,
    kLimit,
    kAggregate,
    kJoin,
    kSetOp,
    // generate_series(expressions[0], expressions[1][, expressions[2]]) in FROM, called
    // `alias`: one integer column (the arguments' type).
    kGenerateSeries,
    // VALUES: rows of `expressions`, row-major (types.size() expressions per row), each
    // expression already cast to its column's type.
    kValues,
    // The input's columns, then one column per call of `windows` (window functions).
    kWindow,
    // WITH RECURSIVE: children[0] (the non-recursive term), then children[1] (the recursive
    // term) again and again over the rows of the previous round, which `work_table` holds and
    // kWorkTableScan nodes inside children[1] read, until a round adds none; without
    // `set_all` rows seen before are dropped.
    kRecursiveUnion,
    kWorkTableScan,
  };
  Kind kind;
  std::vector<LogicalType> types;  // output column types
  std::vector<std::unique_ptr<LogicalOperator>> children;

  // kGet: reads `column_ids` of `table` (output in that order), called `alias` in the query.
  const TableSchema* table = nullptr;
  std::string alias;
  std::vector<size_t> column_ids;
  bool use_key_range = false;
  KeyRange key_range;
  // Key points (IN list on the first key column), sorted and distinct; may be empty (no rows).
  bool use_key_points = false;
  std::vector<Value> key_points;
  // With use_key_points: points known only when the scan starts, replacing key_points then.
  // Expressions without columns (a correlated subquery's outer references: a key lookup per
  // outer row); NULL ones select nothing.
  std::vector<BoundExprPtr> key_point_exprs;
  // With use_key_range on the primary key: bounds known only when the scan starts (likewise
  // expressions without columns), narrowing key_range then; a NULL bound selects nothing.
  BoundExprPtr key_lower_expr, key_upper_expr;
  bool key_lower_expr_inclusive = true, key_upper_expr_inclusive = true;
  uint64_t scan_limit = UINT64_MAX;  // rows the scan may stop after (LIMIT pushdown)
  bool with_row_ids = false;         // one more output column: the row id (bigint)
  bool key_descending = false;       // key scans: rows in descending key order
  std::vector<ZoneFilter> zone_filters;  // blocks the scan may skip
  // The table's secondary indexes (their catalog entries), for the optimizer to choose from.
  std::vector<const TableSchema*> indexes;
  // When set, the key range or points are on this index's first column, not the primary key.
  const TableSchema* index = nullptr;

  // kWindow
  std::vector<WindowCall> windows;
  // kRecursiveUnion, kWorkTableScan (shared by the two)
  std::shared_ptr<WorkTable> work_table;

  // kJoin: pairs of rows (left columns, then right columns) for which `predicate` is true
  // (every pair if it is null); outer joins add unmatched rows with NULLs for the other side;
  // semi and anti joins output left rows only (see JoinType).
  JoinType join_type = JoinType::kInner;
  // kSetOp: the rows of children[0] combined with those of children[1] (same column types);
  // without `set_all`, duplicates are removed (NULLs count as equal).
  SetOpType set_op = SetOpType::kUnion;
  bool set_all = false;
  // kFilter: rows where `predicate` is true.
  BoundExprPtr predicate;
  // kProjection: one output column per expression.
  std::vector<BoundExprPtr> expressions;
  // kOrder
  std::vector<OrderSpec> orders;
  // kAggregate: output columns are the groups, then the aggregates. Without groups it emits
  // exactly one row (even for empty input); with groups, one row per distinct group.
  std::vector<BoundExprPtr> groups;
  std::vector<AggregateCall> aggregates;
  // kLimit: NULL limit means none. Both are constant expressions of type bigint.
  BoundExprPtr limit;
  BoundExprPtr offset;

  explicit LogicalOperator(Kind k) : kind(k) {}
};
using LogicalOperatorPtr = std::unique_ptr<LogicalOperator>;

// A bound statement, ready for optimization and execution.
struct BoundStatement {
  enum class Kind {
    kQuery,
    kInsert,
    kUpdate,
    kDelete,
    kCreateTable,
    kCreateTableAs,
    kDropTable,
    kExplain,
    // ALTER TABLE: `table` is replaced by `schema` (same rows, changed columns or name): it is
    // dropped, `schema` created, and `plan` (over the old table) fills it, as an INSERT with
    // `checks`. `rewrites` do the same for the sequences it owns (their owner changes);
    // `drop_names` are sequences dropped with a dropped column. With `notice` set (IF [NOT]
    // EXISTS found nothing to do) only the notice is sent.
    kAlterTable,
  };
  Kind kind;

  // kQuery: the plan and its visible output columns (a prefix of the plan's columns).
  // kInsert from a query: a plan producing exactly the table's columns, cast to their types.
  // kUpdate: a plan producing the updated rows (all table columns) plus their row id.
  // kDelete: a plan producing the row ids of the rows to delete.
  // kCreateTableAs: the query whose rows fill the new table.
  LogicalOperatorPtr plan;
  std::vector<std::string> column_names;

  // kInsert: for each table column, the row expressions' value or NULL; constants already
  // cast to the column types (empty when `plan` supplies the rows).
  const TableSchema* table = nullptr;
  std::vector<std::vector<BoundExprPtr>> rows;  // [row][table column]

  // kCreateTable, kCreateTableAs
  TableSchema schema;
  bool if_not_exists = false;
  bool with_data = true;  // kCreateTableAs: false for WITH NO DATA
  // kCreateTable: the sequences of its SERIAL and identity columns, created with it (owned by
  // it: the session sets owner_table_id).
  std::vector<TableSchema> owned_sequences;
  // kCreateTable, kAlterTable: the indexes created with the table (UNIQUE constraints; for
  // ALTER TABLE the table's indexes again, over its new columns); the session sets their
  // table ids.
  std::vector<TableSchema> indexes;
  // kCreateTable of a view: CREATE OR REPLACE (an existing view is replaced)
  bool or_replace = false;
  // kDropTable (DROP SEQUENCE when drop_sequence, DROP VIEW when drop_view)
  bool drop_sequence = false;
  bool drop_view = false;
  bool drop_index = false;  // DROP INDEX
  bool drop_schema = false;  // DROP SCHEMA (drop_cascade: with everything in it)
  bool drop_cascade = false;
  // As written (kAlterTable: catalog keys; "\x1e<schema>" for a missing schema under IF
  // EXISTS).
  std::vector<std::string> drop_names;
  std::vector<std::string> drop_keys;   // kDropTable: their catalog keys (empty: none found)
  bool if_exists = false;
  // kInsert ... ON CONFLICT: skip the rows whose arbiter values are taken (kNothing)
  // or update the existing row (kUpdate): conflict_set gives each table column's new value
  // over the existing row's columns followed by the proposed row's ("excluded"), where
  // conflict_where (if set) holds.
  enum class OnConflict { kNone, kNothing, kUpdate };
  OnConflict on_conflict = OnConflict::kNone;
  // The arbiters: the primary key (conflict_on_key) and unique indexes whose equal values
  // make a conflict.
  bool conflict_on_key = false;
  std::vector<const TableSchema*> conflict_indexes;
  std::vector<BoundExprPtr> conflict_set;
  BoundExprPtr conflict_where;
  // kInsert, kUpdate: the table's CHECK constraints over its columns (a new row for which
  // one is false violates it: 23514).
  std::vector<BoundExprPtr> checks;
  std::vector<std::string> check_names;
  // kInsert, kUpdate, kDelete with RETURNING: expressions over the table's columns (the row
  // inserted, the new version, the row deleted), named by column_names.
  std::vector<BoundExprPtr> returning;
  std::vector<LogicalType> returning_types;
  // kAlterTable
  std::vector<BoundStatement> rewrites;
  // kAlterTable ADD CONSTRAINT: the copy validates existing rows against a new constraint
  // (its errors are reported as PostgreSQL's validation reports them).
  bool validating = false;
  std::string notice;
  std::string notice_sqlstate;
  // kExplain: the statement whose plan is shown; with analyze it is run too.
  std::unique_ptr<BoundStatement> explained;
  bool analyze = false;
  bool timing = true;
  bool summary = false;
};

}  // namespace omendb::sql
