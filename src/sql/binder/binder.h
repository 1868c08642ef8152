// Binder: resolves a parsed statement against the catalog into a typed, bound statement
// (PostgreSQL's parse analysis): names (42P01, 42703, 42702), types and implicit casts (42804,
// 42883, 22P02 for literals), and statement-level checks.
#pragma once

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "common/status.h"
#include "sql/parser/parsed_nodes.h"
#include "sql/plan/logical_plan.h"
#include "sql/plan/sequence_access.h"
#include "sql/plan/settings_access.h"

namespace omendb::sql {

// The parameters ($1, $2, ...) of a statement (the extended query protocol, PREPARE).
struct BindParameters {
  // Per parameter, its type; kInvalid where not yet known.
  std::vector<LogicalType> types;
  // Null: the statement is bound only to learn its parameter and result types (preparing).
  // Types not given are then inferred from context as PostgreSQL infers them (the type an
  // untyped literal in that place would get; text where nothing decides), and `types` grows
  // to the highest $n used. Otherwise (executing): values[n-1], of types[n-1] or NULL, stands
  // for $n as a constant, so access paths and folding treat it as one.
  const std::vector<Value>* values = nullptr;
};

class Binder {
 public:
  // Binds against the tables transaction `txn_id` sees in `catalog`. Without `params`, $n is
  // an error (42P02 "there is no parameter $n").
  explicit Binder(const Catalog& catalog, uint64_t txn_id = 0, BindParameters* params = nullptr)
      : catalog_(catalog), txn_id_(txn_id), params_(params) {}

  // The session's sequence state for nextval & co. (without it they fail when run).
  void set_sequences(SequenceAccess* sequences) { sequences_ = sequences; }
  // The schemas unqualified names are looked up in, in order (and the first existing one
  // is where new relations go); {"public"} by default.
  void set_search_path(std::vector<std::string> schemas) { search_path_ = std::move(schemas); }
  // The session's configuration parameters, for current_setting() and set_config(). Without
  // them those fail with 0A000, except when binding only to prepare.
  void set_settings(SettingsAccess* settings) { settings_ = settings; }

  // Errors as above; when preparing, also 42P18 for a parameter whose type nothing decides
  // (unused, or used only where any type would do) and 42P08 for one used as two types.
  Result<BoundStatement> Bind(const ParsedStatement& stmt);

 private:
  Result<BoundStatement> BindStatement(const ParsedStatement& stmt);
  Result<BoundExprPtr> BindParam(const ParsedExpr& expr);

  // The tables visible to expressions, in FROM order; their columns are laid side by side in
  // the input batch (table i's columns start at `offset`).
  struct Scope {
    struct Entry {
      const TableSchema* table;
      std::string name;  // alias or table name
      size_t offset;
    };
    std::vector<Entry> tables;
    // A column of an entry.
    struct ColumnRef {
      size_t entry;
      size_t column;
    };
    // The columns an unqualified `*` lists, in order: every entry's, except that a USING
    // join lists its join columns once, first (PostgreSQL's order).
    std::vector<ColumnRef> star;
    // Columns an unqualified name does not find: the other side's copy of a USING column.
    std::vector<ColumnRef> hidden;
    size_t width() const {
      return tables.empty() ? 0 : tables.back().offset + tables.back().table->columns.size();
    }
    // The entry called `name`, or nullptr.
    const Entry* Find(const std::string& name) const;
    // Adds an entry after the others (its columns follow in `star`).
    void Add(const TableSchema* table, std::string name);
    bool IsHidden(size_t entry, size_t column) const;
  };

  Result<BoundStatement> BindSelect(const ParsedSelect& select);
  Result<BoundStatement> BindSetOperation(const ParsedSelect& select);
  // VALUES (row), ... as a query: columns column1..n of the rows' common types.
  Result<BoundStatement> BindValues(const ParsedSelect& select);
  // ORDER BY of a set operation or VALUES, which may name result columns only (by name or
  // position), then LIMIT/OFFSET, over `out`'s plan.
  Status BindResultOrder(const ParsedSelect& select, const std::vector<LogicalType>& types,
                         BoundStatement* out);
  // Puts the ORDER BY (already bound to `orders`) and LIMIT/OFFSET of `select` on `plan`.
  Result<LogicalOperatorPtr> AddOrderAndLimit(LogicalOperatorPtr plan, std::vector<OrderSpec> orders,
                                              const ParsedSelect& select);
  // BindSelect once the query's WITH list is in scope.
  Result<BoundStatement> BindSelectBody(const ParsedSelect& select);
  // Binds a FROM item, adding its tables to *scope.
  Result<LogicalOperatorPtr> BindFromItem(const ParsedFromItem& item, Scope* scope);
  // A function in FROM: generate_series(start, stop[, step]) over integers.
  Result<LogicalOperatorPtr> BindFunctionScan(const ParsedFromItem& item, Scope* scope);
  // JOIN ... USING / NATURAL JOIN whose sides' columns are scope->star[star_begin, star_mid)
  // and [star_mid, end): the join condition (null: no common columns), and the merged
  // columns' place in `*` and in name lookup (42703, 42702, 42701).
  // For FULL JOIN the merged columns are COALESCE(left, right), computed by a projection
  // over the join: *merged gets each pair (left, right) and both copies are hidden.
  Result<BoundExprPtr> BindUsing(const ParsedFromItem& item, size_t star_begin, size_t star_mid,
                                 Scope* scope,
                                 std::vector<std::pair<Scope::ColumnRef, Scope::ColumnRef>>* merged);
  // FULL JOIN ... USING: `join` under a projection adding COALESCE(left, right) per pair.
  Result<LogicalOperatorPtr> AddMergedColumns(
      LogicalOperatorPtr join,
      const std::vector<std::pair<Scope::ColumnRef, Scope::ColumnRef>>& merged,
      size_t star_begin, Scope* scope);
  // A subquery or WITH query used as a table called `alias`.
  // `plan` (whose first columns are `names`) as a FROM item called `alias`.
  Result<LogicalOperatorPtr> AddDerived(LogicalOperatorPtr plan, const std::vector<std::string>& names,
                                        const std::string& alias,
                                        const std::vector<std::string>& column_aliases,
                                        int location, Scope* scope);
  // A WITH RECURSIVE query read as `alias` (bind_recursive.cc).
  Result<LogicalOperatorPtr> BindRecursiveQuery(const ParsedCommonTableExpr& cte,
                                                const std::string& alias, int location,
                                                Scope* scope);
  // Where the recursive term of a query being bound reads its own name: the work table.
  struct RecursiveRef {
    std::string name;
    std::vector<LogicalType> types;
    std::vector<std::string> column_names;
    std::shared_ptr<WorkTable> work_table;
  };
  std::vector<RecursiveRef> recursive_refs_;
  Result<LogicalOperatorPtr> BindDerivedTable(const ParsedSelect& query, const std::string& alias,
                                              const std::vector<std::string>& column_aliases,
                                              int location, Scope* scope);
  Result<BoundStatement> BindInsert(const ParsedInsert& insert);
  Result<BoundStatement> BindCreateTable(const ParsedCreateTable& create);
  Result<BoundStatement> BindCreateTableAs(const ParsedCreateTableAs& create);
  // The relation a (possibly schema-qualified) name refers to (3F000, 42P01).
  Result<const TableSchema*> ResolveRelation(const std::string& schema, const std::string& name) const {
    return catalog_.ResolveRelation(schema, name, search_path_, txn_id_);
  }
  // The schema a new relation named `schema`.`name` goes to (3F000), checking the name.
  Result<std::string> CreationSchema(const std::string& schema, const std::string& name) const;
  // CREATE SCHEMA (a kCreateTable of the schema's entry) and DROP of any kind.
  Result<BoundStatement> BindCreateSchema(const ParsedCreateSchema& create);
  Result<BoundStatement> BindDrop(const ParsedDropTable& drop);
  // Indexes (bind_index.cc). CREATE INDEX binds as a kCreateTable of the index's schema.
  Result<BoundStatement> BindCreateIndex(const ParsedCreateIndex& create);
  // PostgreSQL's default name <table>_<columns>_<label>, numbered when taken (in `schema`
  // or by `also_taken`).
  std::string ChooseIndexName(const std::string& schema, const std::string& table,
                              const std::vector<std::string>& columns,
                              const std::string& label,
                              const std::vector<TableSchema>& also_taken) const;
  // The catalog entry of an index over `columns` of `table` (42703 for unknown columns).
  Result<TableSchema> IndexSchema(const TableSchema& table, const std::string& name,
                                  const std::vector<std::string>& columns, bool unique,
                                  bool constraint) const;
  // Appends CHECK constraints to s->checks, named as PostgreSQL names them (42710 when a
  // given name is taken).
  Status AddCheckConstraints(const std::vector<ParsedCheck>& checks, TableSchema* s);
  // Appends the unique indexes of UNIQUE constraints on `table` to *out (42P07 when a name
  // is taken).
  Status BindUniqueConstraints(const std::vector<ParsedUnique>& uniques, const TableSchema& table,
                               std::vector<TableSchema>* out) const;
  // ALTER TABLE (bind_alter.cc): the new definition and the copy of the rows into it.
  Result<BoundStatement> BindAlterTable(const ParsedAlterTable& alter);
  Result<BoundStatement> BindUpdate(const ParsedUpdate& update);
  Result<BoundStatement> BindDelete(const ParsedDelete& del);
  // The scan (with row ids), joined with UPDATE's FROM / DELETE's USING items (`from`, may be
  // null), and WHERE filter that UPDATE and DELETE start from. The target is the last entry
  // of *scope; its row id is the plan's last column.
  Result<LogicalOperatorPtr> BindTargetRows(const ParsedTableRef& table, const ParsedFromItem* from,
                                            const ParsedExpr* where, Scope* scope,
                                            BoundStatement* out);
  // INSERT ... SELECT: a projection onto the table's columns over the query's plan.
  Status BindInsertQuery(const ParsedInsert& insert, const std::vector<size_t>& targets,
                         BoundStatement* out);

  // Binds a select list (or RETURNING list: `what` names it in errors), expanding `*` and
  // `t.*`; untyped literals become text. With `aggregate`, column references go through the
  // grouping (see AggregateContext).
  Status BindTargetList(const std::vector<ParsedSelectItem>& items, const Scope& scope,
                        bool aggregate, const char* what, std::vector<BoundExprPtr>* exprs,
                        std::vector<LogicalType>* types, std::vector<std::string>* names);
  // SET column = value, ... over `scope`: per table column, the new value (cast to the
  // column's type), or the column itself (`t`'s columns start at `offset` in the input)
  // where not assigned (42703; 42601 for a column set twice; 42804).
  Result<std::vector<BoundExprPtr>> BindAssignments(const TableSchema& t, size_t offset,
                                                    const std::vector<std::string>& columns,
                                                    const std::vector<int>& locations,
                                                    const std::vector<ParsedExprPtr>& exprs,
                                                    const Scope& scope);
  // INSERT ... ON CONFLICT: checks the conflict target (42P10, 42704) and binds DO UPDATE.
  Status BindOnConflict(const ParsedOnConflict& c, const TableSchema& t, const std::string& name,
                        BoundStatement* out);
  // DEFAULT expression `expr` for `col`: no column references or subqueries (0A000), no
  // aggregates (42803), assignable to the column's type (42804).
  Result<BoundExprPtr> BindDefaultExpr(const ParsedExpr& expr, const ColumnDefinition& col);
  // The value column `column` of `t` gets when an INSERT does not give one: its DEFAULT
  // (bound from the catalog's text) or NULL.
  Result<BoundExprPtr> BindColumnDefault(const TableSchema& t, size_t column);
  // A CHECK expression over `t`'s columns (boolean: 42804; no subqueries or aggregates).
  Result<BoundExprPtr> BindCheckExpr(const ParsedExpr& expr, const TableSchema& t);
  // `t`'s CHECK constraints, bound for an INSERT or UPDATE into out->checks.
  Status BindChecks(const TableSchema& t, BoundStatement* out);
  // RETURNING of INSERT/UPDATE/DELETE over `table` (visible as `name`) into out->returning.
  Status BindReturning(const std::vector<ParsedSelectItem>& items, const TableSchema& table,
                       const std::string& name, BoundStatement* out);

  Result<BoundExprPtr> BindExpr(const ParsedExpr& expr, const Scope& scope);
  Result<BoundExprPtr> BindColumnRef(const ParsedExpr& expr, const Scope& scope);
  Result<BoundExprPtr> BindOperator(const ParsedExpr& expr, const Scope& scope);
  // Binds a condition that must be boolean (`clause` names it in errors: "WHERE", "AND").
  Result<BoundExprPtr> BindCondition(const ParsedExpr& expr, const Scope& scope,
                                     const char* clause);
  Result<BoundExprPtr> BindLimitValue(const ParsedExpr* expr);
  // CASE, COALESCE, GREATEST/LEAST, NULLIF, IN, IS [NOT] DISTINCT FROM, LIKE, IS TRUE...
  Result<BoundExprPtr> BindConditional(const ParsedExpr& expr, const Scope& scope);
  Result<BoundExprPtr> BindCase(const ParsedExpr& expr, const Scope& scope);
  // Binds `exprs` and casts them to their common type (PostgreSQL's select_common_type).
  Result<std::vector<BoundExprPtr>> BindCommon(const std::vector<const ParsedExpr*>& exprs,
                                               const Scope& scope, const char* context);

  // Set while binding the select list, HAVING and ORDER BY of a grouped or aggregate query:
  // column references must then match a GROUP BY expression, and aggregate calls are collected.
  struct AggregateContext {
    const Scope* input = nullptr;
    std::vector<BoundExprPtr>* groups = nullptr;  // bound over the input
    std::vector<std::string> group_keys;
    std::vector<AggregateCall>* aggregates = nullptr;
    bool in_aggregate_args = false;
  };
  Result<BoundExprPtr> BindGrouped(const ParsedExpr& expr, bool* handled);
  // Window functions (bind_window.cc): a call is recorded in `window_` and bound as a column
  // numbered provisionally, moved after the Window node's input columns by PlaceWindowColumns.
  struct WindowContext {
    std::vector<WindowCall>* calls = nullptr;
  };
  WindowContext* window_ = nullptr;
  // Binding a branch of UNION/INTERSECT/EXCEPT: its untyped select-list literals stay untyped.
  bool set_operation_branch_ = false;
  bool keep_untyped_targets_ = false;  // where window functions may appear (select list, ORDER BY)
  Result<BoundExprPtr> BindWindowCall(const ParsedExpr& expr, const Scope& scope);
  static void PlaceWindowColumns(BoundExpr* e, size_t input_width);
  Result<BoundExprPtr> BindAggregateCall(const ParsedExpr& expr);
  Result<BoundExprPtr> BindFunction(const ParsedExpr& expr, const Scope& scope);
  // nextval('seq'), currval('seq'), setval('seq', v[, is_called]), lastval().
  Result<BoundExprPtr> BindSequenceCall(const ParsedExpr& expr, const Scope& scope);
  // current_setting(name [, missing_ok]) and set_config(name, value, is_local), evaluated row
  // by row (the optimizer makes a constant of current_setting of constants).
  Result<BoundExprPtr> BindSettingCall(const ParsedExpr& expr, const Scope& scope);
  Result<BoundStatement> BindCreateSequence(const ParsedCreateSequence& create);
  // CREATE [OR REPLACE] VIEW: its columns from binding the query (OR REPLACE may only add
  // columns: 42P16).
  Result<BoundStatement> BindCreateView(const ParsedCreateView& create);
  // A view in FROM, called `name`: its stored query bound as a subquery.
  Result<LogicalOperatorPtr> BindView(const TableSchema& view, const std::string& name,
                                      int location, Scope* scope);
  // 42809 for a sequence, 0A000 for a view, as the target of INSERT, UPDATE or DELETE.
  Status CheckWritable(const TableSchema& t, int location);
  // A sequence's catalog entry from CREATE SEQUENCE's (or an identity column's) options,
  // checked as PostgreSQL checks them (22023).
  Result<TableSchema> SequenceSchema(const std::string& name, const ParsedSequenceOptions& o,
                                     LogicalType column_type);
  Result<BoundExprPtr> BindSubquery(const ParsedExpr& expr, const Scope& scope);
  Result<LogicalOperatorPtr> BindAggregation(const ParsedSelect& select, const Scope& scope,
                                             LogicalOperatorPtr input, AggregateContext* ctx);

  const Catalog& catalog_;
  std::vector<std::string> search_path_ = {kPublicSchema};
  SettingsAccess* settings_ = nullptr;
  uint64_t txn_id_;
  BindParameters* params_;
  SequenceAccess* sequences_ = nullptr;
  AggregateContext* agg_ = nullptr;
  // Scopes of the queries enclosing the one being bound (to recognise correlated references).
  std::vector<const Scope*> outer_scopes_;
  // The subqueries being bound, innermost last (parallel to outer_scopes_): what their
  // references to the enclosing query read.
  struct Correlation {
    const Scope* outer = nullptr;
    AggregateContext* outer_grouping = nullptr;  // the enclosing query's, when grouped
    std::vector<BoundExprPtr> sources;           // bound in the enclosing query
    std::vector<std::string> keys;
    std::shared_ptr<std::vector<Value>> values = std::make_shared<std::vector<Value>>();
  };
  std::vector<Correlation*> correlations_;
  // A column of an enclosing query's row (a correlated reference).
  Result<BoundExprPtr> BindOuterRef(const ParsedExpr& expr);
  // WITH queries in scope, innermost last; each frame sees the first `visible` of its list.
  struct CteFrame {
    const std::vector<ParsedCommonTableExpr>* list;
    size_t visible;
  };
  std::vector<CteFrame> ctes_;
  // Column lists of derived tables (subqueries in FROM, WITH queries) for name resolution.
  std::deque<TableSchema> derived_schemas_;
  const char* clause_ = nullptr;  // where aggregates are not allowed ("WHERE", "GROUP BY"...)
  // Set while binding an expression the catalog keeps (which may not hold subqueries; a
  // DEFAULT may not reference columns either).
  enum class StoredExpression { kNone, kDefault, kCheck };
  StoredExpression stored_expression_ = StoredExpression::kNone;
};

// An untyped literal or NULL: its type is decided by where it is used.
inline bool IsUntyped(LogicalType t) {
  return t.id() == TypeId::kUnknown || t.id() == TypeId::kNull;
}

// `s` pointing at `location` in the statement (unless it points somewhere already).
inline Status WithPos(Status s, int location) {
  if (location >= 0 && !s.position()) s.WithPosition(location);
  return s;
}

// A stored expression (DEFAULT, CHECK: the catalog keeps SQL text), parsed once per text.
Result<std::shared_ptr<const ParsedExpr>> ParseStoredExpression(const std::string& sql);

// Converts `expr` to `target`. Constants are converted now (so bad literals fail at bind
// time, as in PostgreSQL); an untyped parameter takes `target` as its type (42P08 if it
// already has another); other expressions get a cast node.
Result<BoundExprPtr> AddCast(BoundExprPtr expr, LogicalType target,
                             CastContext context = CastContext::kExplicit);

// The type that values of `types` are converted to when they meet in CASE, COALESCE, IN...
// Untyped literals take the others' type (text if all are untyped); numbers widen. Errors
// 42804 "<context> types X and Y cannot be matched"; 0A000 when it would be numeric.
// On error, *bad_index (if given) is the index of the type that did not match.
Result<LogicalType> CommonType(const std::vector<LogicalType>& types, const char* context,
                               size_t* bad_index = nullptr);

// Whether `expr` contains an aggregate function call.
bool ContainsAggregate(const ParsedExpr& expr);

// PostgreSQL's output column name for a select-list expression without an alias.
std::string OutputColumnName(const ParsedExpr& expr);

}  // namespace omendb::sql
