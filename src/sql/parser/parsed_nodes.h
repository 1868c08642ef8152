// The parse tree OmenDB's binder consumes: a small, owned mirror of the subset of PostgreSQL's
// raw parse tree that OmenDB supports. Produced only by Parser (parser.h); anything outside the
// subset is rejected there with 0A000, so the binder never sees an unknown construct.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "types/logical_type.h"
#include "types/value.h"

namespace omendb::sql {

struct ParsedSelect;
struct ParsedWindow;

struct ParsedExpr {
  enum class Kind {
    kColumnRef,  // names: [table,] column
    kStar,       // names: [table] for t.*
    kConstant,   // constant: Integer, BigInt, Boolean, Unknown (string), numeric, NULL
    kOperator,   // op with 1 (prefix) or 2 args
    kAnd,
    kOr,
    kNot,
    kIsNull,
    kIsNotNull,
    kCast,       // args[0]::cast_type
    kCase,       // [case operand if has_case_operand], (when, then)..., [else if has_else]
    kCoalesce,
    kGreatest,
    kLeast,
    kNullIf,        // NULLIF(args[0], args[1])
    kIn,            // args[0] [NOT] IN (args[1..])
    kDistinctFrom,  // args[0] IS [NOT] DISTINCT FROM args[1]
    kLike,          // args[0] [NOT] [I]LIKE args[1] [ESCAPE args[2]]
    kBoolTest,      // args[0] IS [NOT] TRUE / FALSE / UNKNOWN
    kFunction,      // names[0](args), or names[0](*) when star; distinct for f(DISTINCT x)
    kSubquery,      // (subquery) as a value, EXISTS (subquery), or args[0] [NOT] IN (subquery)
    kParam,         // $param_number
    kDefault,       // DEFAULT as a value in INSERT ... VALUES or UPDATE ... SET
  };
  enum class SubqueryKind { kScalar, kExists, kIn };
  enum class BoolTest { kIsTrue, kIsNotTrue, kIsFalse, kIsNotFalse, kIsUnknown, kIsNotUnknown };
  Kind kind;
  int location = -1;  // byte offset in the statement text, -1 if unknown
  std::vector<std::string> names;
  Value constant;
  std::string op;
  LogicalType cast_type;
  std::vector<std::unique_ptr<ParsedExpr>> args;
  bool negated = false;           // NOT IN, IS NOT DISTINCT FROM, NOT LIKE
  bool case_insensitive = false;  // ILIKE
  bool has_case_operand = false;  // CASE x WHEN ...
  bool has_else = false;
  BoolTest bool_test = BoolTest::kIsTrue;
  bool star = false;      // count(*)
  bool distinct = false;  // aggregate over DISTINCT values
  // agg(args ORDER BY ...): the order the aggregate takes its inputs in.
  std::vector<struct ParsedOrderItem> agg_order;
  // FILTER (WHERE c) was written: the first argument became CASE WHEN c THEN arg END (an
  // aggregate skips NULL inputs), count(*) became count(CASE WHEN c THEN 1 END).
  bool filtered = false;
  int param_number = 0;   // kParam: n of $n (as written; the binder checks the range)
  SubqueryKind subquery_kind = SubqueryKind::kScalar;
  // kIn: args[0] op ANY (subquery), or op ALL with `all` (op "=" for IN; NOT IN is negated).
  bool all = false;
  std::shared_ptr<ParsedSelect> subquery;
  std::shared_ptr<ParsedWindow> over;  // kFunction called as a window function: f(...) OVER (...)
};
using ParsedExprPtr = std::unique_ptr<ParsedExpr>;

struct ParsedTableRef {
  std::string schema;  // as qualified; empty: found through search_path
  std::string name;
  std::string alias;
  int location = -1;
};

// An item of FROM: a table (or WITH query) by name, a subquery, or a join of two items
// (comma lists are cross joins).
struct ParsedFromItem {
  enum class Kind { kTable, kSubquery, kJoin, kFunction };
  enum class JoinType { kInner, kLeft, kRight, kFull, kCross };
  Kind kind = Kind::kTable;
  ParsedTableRef table;  // kTable; for kSubquery only the alias
  std::shared_ptr<ParsedSelect> subquery;  // kSubquery
  std::vector<std::string> column_aliases;  // kSubquery, kFunction: AS alias (a, b, ...)
  std::unique_ptr<ParsedExpr> function;     // kFunction: the call (table.alias: its alias)
  JoinType join_type = JoinType::kCross;
  std::unique_ptr<ParsedFromItem> left, right;
  std::unique_ptr<ParsedExpr> condition;  // ON; null for cross joins and USING / NATURAL
  std::vector<std::string> using_columns;  // JOIN ... USING (columns)
  bool natural = false;                    // NATURAL JOIN: USING the common column names
  int location = -1;
};

struct ParsedSelectItem {
  ParsedExprPtr expr;
  std::string alias;  // AS name, or empty
};

struct ParsedOrderItem {
  ParsedExprPtr expr;
  bool descending = false;
  std::optional<bool> nulls_first;  // unset: PostgreSQL's default (NULLs sort as largest)
};

// OVER (PARTITION BY ... ORDER BY ... [ROWS | RANGE frame]).
struct ParsedWindow {
  std::vector<ParsedExprPtr> partition;
  std::vector<ParsedOrderItem> order;
  // The frame; without one PostgreSQL's default: RANGE UNBOUNDED PRECEDING to CURRENT ROW.
  enum class Bound { kUnboundedPreceding, kOffsetPreceding, kCurrentRow, kOffsetFollowing,
                     kUnboundedFollowing };
  bool rows = false;  // ROWS (else RANGE)
  Bound start = Bound::kUnboundedPreceding;
  Bound end = Bound::kCurrentRow;
  int64_t start_offset = 0, end_offset = 0;  // n of n PRECEDING / FOLLOWING (ROWS only)
};

// WITH name [(columns)] AS (query)
struct ParsedCommonTableExpr {
  std::string name;
  std::vector<std::string> column_aliases;
  std::shared_ptr<ParsedSelect> query;
  // WITH RECURSIVE and the query reads its own name: non-recursive term UNION [ALL]
  // recursive term, evaluated by iteration.
  bool recursive = false;
};

struct ParsedSelect {
  std::vector<ParsedCommonTableExpr> ctes;  // WITH queries visible to this query
  // A set operation (left UNION/INTERSECT/EXCEPT [ALL] right) when set_op is not kNone; then
  // only order_by, limit and offset of this node apply, to the combined result.
  enum class SetOp { kNone, kUnion, kIntersect, kExcept };
  SetOp set_op = SetOp::kNone;
  bool set_all = false;
  std::unique_ptr<ParsedSelect> left, right;
  // VALUES (row), ... as a query: then only order_by, limit and offset apply besides the rows.
  std::vector<std::vector<ParsedExprPtr>> values;
  bool distinct = false;  // SELECT DISTINCT
  std::vector<ParsedExprPtr> distinct_on;  // SELECT DISTINCT ON (expressions)
  std::vector<ParsedSelectItem> targets;
  std::unique_ptr<ParsedFromItem> from;  // null: no FROM
  ParsedExprPtr where;
  std::vector<ParsedExprPtr> group_by;
  ParsedExprPtr having;
  std::vector<ParsedOrderItem> order_by;
  ParsedExprPtr limit;
  ParsedExprPtr offset;
};

struct ParsedSelect;

// INSERT ... ON CONFLICT [(columns) | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET ...
// [WHERE ...]
struct ParsedOnConflict {
  bool do_update = false;
  std::vector<std::string> target_columns;  // the conflict target's columns, if given
  std::string constraint;                   // ON CONSTRAINT name, if given
  int location = -1;
  std::vector<std::string> set_columns;  // DO UPDATE SET column = value, ...
  std::vector<int> set_locations;
  std::vector<ParsedExprPtr> set_values;
  ParsedExprPtr where;  // DO UPDATE ... WHERE
};

struct ParsedInsert {
  ParsedTableRef table;
  std::vector<std::string> columns;  // empty: all columns in order
  std::vector<int> column_locations;
  std::vector<std::vector<ParsedExprPtr>> rows;  // VALUES rows, or
  std::unique_ptr<ParsedSelect> select;          // INSERT ... SELECT
  std::vector<ParsedSelectItem> returning;       // RETURNING list (empty: none)
  std::unique_ptr<ParsedOnConflict> on_conflict;
  bool default_values = false;  // INSERT ... DEFAULT VALUES
  // OVERRIDING SYSTEM VALUE (identity columns take the values given, even GENERATED
  // ALWAYS ones) or OVERRIDING USER VALUE (given values for identity columns are ignored).
  enum class Overriding { kNone, kSystem, kUser } overriding = Overriding::kNone;
};

struct ParsedColumnDef {
  std::string name;
  LogicalType type;
  bool not_null = false;
  bool primary_key = false;
  int location = -1;
  ParsedExprPtr default_expr;  // DEFAULT expression, if any (locations in the statement)
  std::string default_sql;     // the same as SQL text (PostgreSQL's deparsed form)
  // SERIAL / BIGSERIAL, or GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY: the column takes its
  // values from a sequence of its own.
  bool serial = false;
  char identity = 0;  // 'a' ALWAYS, 'd' BY DEFAULT, 0 none
  std::unique_ptr<struct ParsedSequenceOptions> identity_options;
};

// CREATE SEQUENCE's options (also those of an identity column). Unset: PostgreSQL's default.
struct ParsedSequenceOptions {
  std::optional<int64_t> start, increment, min_value, max_value;
  bool no_min = false, no_max = false;
  std::optional<bool> cycle;
  std::optional<LogicalType> as_type;  // AS integer | bigint
  std::vector<std::string> owned_by;   // OWNED BY table.column ({"none"} for NONE)
};

// CREATE SEQUENCE [IF NOT EXISTS] name [options]
struct ParsedCreateSequence {
  std::string schema;  // empty: the first schema of search_path
  std::string name;
  bool if_not_exists = false;
  ParsedSequenceOptions options;
};

// CHECK (expression), on a column or the table.
struct ParsedCheck {
  std::string name;    // CONSTRAINT name, or empty
  std::string column;  // the column it was written on, for a column constraint
  ParsedExprPtr expr;
  std::string sql;  // the expression as SQL text
  int location = -1;
};

// UNIQUE (columns) as a column or table constraint.
struct ParsedUnique {
  std::string name;  // empty: PostgreSQL's default name
  std::vector<std::string> columns;
  int location = -1;
};

struct ParsedCreateTable {
  std::string schema;  // empty: the first schema of search_path
  std::string name;
  bool if_not_exists = false;
  std::vector<ParsedColumnDef> columns;
  std::vector<std::string> primary_key;  // from a table-level PRIMARY KEY (...)
  int primary_key_constraints = 0;       // how many PRIMARY KEY clauses were given
  std::vector<ParsedCheck> checks;       // column constraints first, then table ones
  std::vector<ParsedUnique> uniques;     // likewise
};

// CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON table (columns)
struct ParsedCreateIndex {
  std::string name;  // empty: PostgreSQL's default name (in the table's schema)
  std::string table_schema;
  std::string table;
  std::vector<std::string> columns;
  bool unique = false;
  bool if_not_exists = false;
};

// ALTER TABLE [IF EXISTS] name: one action.
struct ParsedAlterTable {
  enum class Action {
    kAddColumn, kDropColumn, kRenameColumn, kRenameTable, kAddConstraint, kDropConstraint
  };
  Action action;
  std::string table_schema;
  std::string table;
  bool if_exists = false;  // the table
  // kAddColumn: the column (and its constraints) as a one-column CREATE TABLE of `table`;
  // kAddConstraint: the constraint as a table constraint of a CREATE TABLE without columns.
  std::unique_ptr<ParsedCreateTable> add;
  bool column_if_not_exists = false;  // ADD COLUMN IF NOT EXISTS
  bool column_if_exists = false;      // DROP COLUMN / CONSTRAINT IF EXISTS
  std::string column;                 // kDropColumn, kRenameColumn; kDropConstraint: its name
  std::string new_name;               // kRenameColumn, kRenameTable
};

// UPDATE table SET column = expr, ... [FROM items] [WHERE condition]
struct ParsedUpdate {
  ParsedTableRef table;
  std::unique_ptr<ParsedFromItem> from;  // FROM (several items: cross joins), or null
  std::vector<std::string> columns;
  std::vector<int> column_locations;
  std::vector<ParsedExprPtr> values;
  ParsedExprPtr where;
  std::vector<ParsedSelectItem> returning;
};

// DELETE FROM table [USING items] [WHERE condition]
struct ParsedDelete {
  ParsedTableRef table;
  std::unique_ptr<ParsedFromItem> using_;  // USING (several items: cross joins), or null
  ParsedExprPtr where;
  std::vector<ParsedSelectItem> returning;
};

// CREATE TABLE name [(columns)] AS query [WITH [NO] DATA]
struct ParsedCreateTableAs {
  std::string schema;  // empty: the first schema of search_path
  std::string name;
  bool if_not_exists = false;
  std::vector<std::string> column_names;  // optional renames of the query's columns
  std::unique_ptr<ParsedSelect> select;
  bool with_data = true;
};

// DROP TABLE / SEQUENCE / VIEW / INDEX / SCHEMA
struct ParsedDropTable {
  std::vector<std::string> names;
  std::vector<std::string> schemas;  // per name, as qualified (empty: search_path)
  bool if_exists = false;
  bool sequence = false;  // DROP SEQUENCE
  bool view = false;      // DROP VIEW
  bool index = false;     // DROP INDEX
  bool schema = false;    // DROP SCHEMA (names are schemas)
  bool cascade = false;   // DROP SCHEMA ... CASCADE
};

// CREATE SCHEMA [IF NOT EXISTS] name
struct ParsedCreateSchema {
  std::string name;
  bool if_not_exists = false;
};

// CREATE [OR REPLACE] VIEW name [(columns)] AS query
struct ParsedCreateView {
  std::string schema;  // empty: the first schema of search_path
  std::string name;
  bool replace = false;
  std::vector<std::string> column_names;
  std::unique_ptr<ParsedSelect> query;
  std::string sql;  // the query as SQL text (PostgreSQL's deparsed form)
};

// Transaction characteristics (BEGIN ISOLATION LEVEL ..., SET TRANSACTION ...).
struct ParsedTransactionModes {
  std::string isolation;  // PostgreSQL's spelling ("read committed"), empty when not given
  std::optional<bool> read_only;
};

// BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT, SAVEPOINT, RELEASE, ROLLBACK TO.
struct ParsedTransaction {
  enum class Kind { kBegin, kCommit, kRollback, kSavepoint, kRelease, kRollbackTo } kind;
  bool start = false;  // kBegin spelled START TRANSACTION
  std::string savepoint;
  ParsedTransactionModes modes;  // kBegin
};

// SET [SESSION | LOCAL] name {TO | =} value | DEFAULT, RESET name, SET TRANSACTION modes,
// SET SESSION CHARACTERISTICS AS TRANSACTION modes.
// Leads a SET value written as INTERVAL '...' (SET TIME ZONE INTERVAL '-03:30').
inline constexpr char kIntervalValueMark[] = "\x1einterval:";

struct ParsedSet {
  enum class Kind { kValue, kDefault, kTransaction, kSessionCharacteristics } kind;
  std::string name;  // lower case
  std::vector<std::string> values;  // kValue: the values as written (strings unquoted)
  bool is_local = false;
  bool reset = false;  // kDefault written as RESET (else SET ... TO DEFAULT)
  ParsedTransactionModes modes;  // kTransaction, kSessionCharacteristics
};

struct ParsedStatement {
  enum class Kind {
    kSelect,
    kInsert,
    kUpdate,
    kDelete,
    kCreateTable,
    kCreateTableAs,
    kDropTable,
    kExplain,  // EXPLAIN of `explained`
    kTransaction,
    kSet,
    kShow,  // SHOW `show_name`
    kCheckpoint,
    kCreateSequence,
    kDeclareCursor,  // DECLARE cursor_name CURSOR FOR select (in `select`)
    kFetch,          // FETCH / MOVE [FORWARD] [n | ALL | NEXT] [FROM | IN] cursor_name
    kCloseCursor,    // CLOSE cursor_name | ALL (cursor_name empty)
    kPrepare,        // PREPARE statement_name [(types)] AS `prepared`
    kExecute,        // EXECUTE statement_name [(args: the targets of `select`)]
    kDeallocate,     // DEALLOCATE [PREPARE] statement_name | ALL (statement_name empty)
    kTruncate,       // TRUNCATE: `truncate` holds a DELETE of all rows per table
    kCreateView,     // CREATE [OR REPLACE] VIEW: `create_view`
    kAlterTable,     // ALTER TABLE: `alter_table`
    kCreateIndex,    // CREATE INDEX: `create_index`
    kCreateSchema,   // CREATE SCHEMA: `create_schema`
  };
  Kind kind;
  std::string text;  // this statement's source text
  std::unique_ptr<ParsedSelect> select;
  std::unique_ptr<ParsedInsert> insert;
  std::unique_ptr<ParsedUpdate> update;
  std::unique_ptr<ParsedDelete> del;
  std::unique_ptr<ParsedCreateTable> create_table;
  std::unique_ptr<ParsedCreateTableAs> create_table_as;
  std::unique_ptr<ParsedDropTable> drop_table;
  std::unique_ptr<ParsedCreateSequence> create_sequence;
  std::unique_ptr<struct ParsedCreateView> create_view;
  std::unique_ptr<ParsedAlterTable> alter_table;
  std::unique_ptr<ParsedCreateIndex> create_index;
  std::unique_ptr<ParsedCreateSchema> create_schema;
  std::unique_ptr<ParsedStatement> explained;
  std::unique_ptr<ParsedTransaction> transaction;
  std::unique_ptr<ParsedSet> set;
  std::string show_name;  // lower case
  std::string cursor_name;  // kDeclareCursor, kFetch, kCloseCursor
  std::string statement_name;  // kPrepare, kExecute, kDeallocate
  std::vector<LogicalType> prepare_types;        // kPrepare: declared parameter types
  std::shared_ptr<ParsedStatement> prepared;     // kPrepare
  std::vector<std::shared_ptr<ParsedStatement>> truncate;  // kTruncate
  uint64_t fetch_count = 0; // kFetch: rows (UINT64_MAX for ALL; 0 only for MOVE: a no-op)
  bool move = false;        // kFetch: MOVE (rows are skipped, not returned)
  struct ExplainOptions {
    bool analyze = false;  // run the statement, show actual rows (and times)
    bool timing = true;    // with analyze: per-node times
    bool summary = true;   // with analyze: total execution time
  } explain;
};

}  // namespace omendb::sql
