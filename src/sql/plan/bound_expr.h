// BoundExpr: a type-checked expression whose column references are positions in its input
// batch and whose operators are resolved functions.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/function/scalar_function.h"
#include "types/cast.h"
#include "types/value.h"

namespace omendb {
struct TableSchema;
}  // namespace omendb

namespace omendb::sql {

struct LogicalOperator;
struct ExecContext;
class SequenceAccess;
class SettingsAccess;
struct InListKeys;

struct BoundExpr {
  enum class Kind {
    kColumn,
    kConstant,
    kFunction,
    kCast,
    kAnd,
    kOr,
    kNot,
    kIsNull,
    kIsNotNull,
    kCase,          // (when, then)..., [else if has_else]; branches evaluated only where reached
    kCoalesce,      // first non-NULL child; later children evaluated only where needed
    kGreatest,      // largest non-NULL child (NaN largest)
    kLeast,
    kNullIf,        // NULL if function(children[0], children[1]) is true, else children[0]
    kIn,            // children[0] = any of children[1..] (function is "="), three-valued
    kDistinctFrom,  // children[0] IS [NOT] DISTINCT FROM children[1] (function is "=")
    kLike,          // children: text, pattern, [escape]
    kBoolTest,      // children[0] IS [NOT] TRUE/FALSE/UNKNOWN (bool_test)
    // An uncorrelated subquery (`subplan`, one output column unless EXISTS), replaced by its
    // result before execution: subquery_kind 0 scalar, 1 EXISTS, 2 children[0] [NOT] IN.
    kSubquery,
    // $n of a statement bound for preparing only (column: n - 1), never executed: a statement
    // bound for execution has each $n replaced by its value as a constant.
    kParameter,
    // nextval / currval / setval(children: value[, is_called]) of `sequence`, or lastval;
    // evaluated row by row through `sequences` (never folded: each call has an effect).
    kSequence,
    // A column of the enclosing query's current row inside a correlated subquery: the value
    // in (*outer_values)[column], set before each run of the subquery.
    kOuterRef,
    // current_setting(children: name[, missing_ok]) or, with setting_set, set_config(children:
    // name, value, is_local), row by row through `settings` (never folded: set_config has an
    // effect, and current_setting may see it).
    kSetting,
  };
  enum class SequenceOp { kNextVal, kCurrVal, kSetVal, kLastVal };
  Kind kind;
  LogicalType type;
  size_t column = 0;                         // kColumn: index in the input batch
  Value constant;                            // kConstant
  const ScalarFunction* function = nullptr;  // kFunction
  std::vector<std::unique_ptr<BoundExpr>> children;
  bool negated = false;           // kIn, kDistinctFrom (IS NOT DISTINCT FROM), kLike
  bool case_insensitive = false;  // kLike (ILIKE)
  bool has_else = false;          // kCase
  CastContext cast_context = CastContext::kExplicit;  // kCast: how a type modifier applies
  int bool_test = 0;              // kBoolTest: ParsedExpr::BoolTest as int
  int subquery_kind = 0;          // kSubquery
  // kSubquery of kind 2: children[0] `function` ANY (any row) or, with subquery_all, ALL;
  // "=" ANY is IN (negated: NOT IN).
  bool subquery_all = false;
  std::shared_ptr<LogicalOperator> subplan;  // kSubquery
  // kSubquery that is correlated: children[correlation_begin..] are the outer expressions
  // whose values (*outer_values) the subplan's kOuterRef nodes read; run once per outer row
  // (per distinct values) through `exec` (set by ResolveSubqueries).
  bool correlated = false;
  size_t correlation_begin = 0;
  std::shared_ptr<std::vector<Value>> outer_values;  // kSubquery (correlated), kOuterRef
  std::shared_ptr<ExecContext> exec;
  // A subquery evaluated row by row without outer values (op ANY/ALL): its rows, run once
  // for the statement and shared by every batch.
  std::shared_ptr<std::vector<Value>> subquery_rows;
  // kParameter: the binder's record of the parameters' types (this one's at `column`), where
  // an untyped parameter's type is decided by the first cast applied to it (see AddCast).
  std::vector<LogicalType>* param_types = nullptr;
  SequenceOp sequence_op = SequenceOp::kNextVal;  // kSequence
  const TableSchema* sequence = nullptr;           // kSequence (null for lastval)
  SequenceAccess* sequences = nullptr;             // kSequence; null when bound only to prepare
  bool setting_set = false;                        // kSetting: set_config (else current_setting)
  // kIn over many constants: their hash keys (in_list.h), set by the optimizer; else null.
  std::shared_ptr<const InListKeys> in_keys;
  SettingsAccess* settings = nullptr;              // kSetting; null when bound only to prepare

  static std::unique_ptr<BoundExpr> Column(size_t index, LogicalType type);
  // A deep copy whose column references are moved by `column_delta` (0: a plain copy).
  std::unique_ptr<BoundExpr> Clone(int64_t column_delta = 0) const;
  // Whether the expression or a part of it is of `k`.
  bool ContainsKind(Kind k) const;
  // Smallest and largest column referenced; false if the expression references none.
  bool ColumnRange(size_t* lo, size_t* hi) const;
  static std::unique_ptr<BoundExpr> Constant(Value v);
  // Text form for EXPLAIN and debugging.
  std::string ToString() const;
};
using BoundExprPtr = std::unique_ptr<BoundExpr>;

}  // namespace omendb::sql
