#include "sql/plan/bound_expr.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "catalog/table_schema.h"

namespace omendb::sql {

std::unique_ptr<BoundExpr> BoundExpr::Column(size_t index, LogicalType type) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = Kind::kColumn;
  e->type = type;
  e->column = index;
  return e;
}

std::unique_ptr<BoundExpr> BoundExpr::Constant(Value v) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = Kind::kConstant;
  e->type = v.type();
  e->constant = std::move(v);
  return e;
}

std::unique_ptr<BoundExpr> BoundExpr::Clone(int64_t column_delta) const {
  auto e = std::make_unique<BoundExpr>();
  e->kind = kind;
  e->type = type;
  e->column = kind == Kind::kColumn ? static_cast<size_t>(static_cast<int64_t>(column) + column_delta)
                                    : column;
  e->constant = constant;
  e->function = function;
  e->negated = negated;
  e->case_insensitive = case_insensitive;
  e->has_else = has_else;
  e->cast_context = cast_context;
  e->bool_test = bool_test;
  e->subquery_kind = subquery_kind;
  e->subquery_all = subquery_all;
  e->subplan = subplan;
  e->correlated = correlated;
  e->correlation_begin = correlation_begin;
  e->outer_values = outer_values;
  e->exec = exec;
  e->subquery_rows = subquery_rows;
  e->param_types = param_types;
  e->sequence_op = sequence_op;
  e->sequence = sequence;
  e->sequences = sequences;
  e->setting_set = setting_set;
  e->in_keys = in_keys;
  e->settings = settings;
  for (const auto& c : children) e->children.push_back(c->Clone(column_delta));
  return e;
}

bool BoundExpr::ContainsKind(Kind k) const {
  if (kind == k) return true;
  for (const auto& c : children) {
    if (c->ContainsKind(k)) return true;
  }
  return false;
}

bool BoundExpr::ColumnRange(size_t* lo, size_t* hi) const {
  bool any = false;
  if (kind == Kind::kColumn) {
    *lo = *hi = column;
    any = true;
  }
  for (const auto& c : children) {
    size_t clo, chi;
    if (!c->ColumnRange(&clo, &chi)) continue;
    *lo = any ? std::min(*lo, clo) : clo;
    *hi = any ? std::max(*hi, chi) : chi;
    any = true;
  }
  return any;
}

std::string BoundExpr::ToString() const {
  switch (kind) {
    case Kind::kColumn: return "#" + std::to_string(column);
    case Kind::kParameter: return "$" + std::to_string(column + 1);
    case Kind::kOuterRef: return "$outer" + std::to_string(column + 1);
    case Kind::kSubquery: {
      // Each subquery is its own expression (two with the same arguments differ).
      std::string s = "SUBQUERY@" + std::to_string(reinterpret_cast<uintptr_t>(subplan.get())) + "(";
      for (size_t i = 0; i < children.size(); ++i) s += (i ? ", " : "") + children[i]->ToString();
      return s + ")";
    }
    case Kind::kSequence: {
      static const char* kOps[] = {"nextval", "currval", "setval", "lastval"};
      std::string s = std::string(kOps[static_cast<int>(sequence_op)]) + "(";
      if (sequence != nullptr) s += "'" + sequence->name + "'";
      for (const auto& c : children) s += ", " + c->ToString();
      return s + ")";
    }
    case Kind::kSetting: {
      std::string s = setting_set ? "set_config(" : "current_setting(";
      for (size_t i = 0; i < children.size(); ++i) s += (i ? ", " : "") + children[i]->ToString();
      return s + ")";
    }
    case Kind::kConstant: return constant.is_null() ? "NULL" : constant.ToString();
    case Kind::kFunction:
      if (!function->is_operator) {
        std::string s = function->name + "(";
        for (size_t i = 0; i < children.size(); ++i) s += (i ? ", " : "") + children[i]->ToString();
        return s + ")";
      }
      if (children.size() == 1) return "(" + function->name + children[0]->ToString() + ")";
      return "(" + children[0]->ToString() + " " + function->name + " " + children[1]->ToString() + ")";
    case Kind::kCast: return children[0]->ToString() + "::" + type.pg_name();
    case Kind::kAnd:
    case Kind::kOr: {
      std::string s = "(";
      for (size_t i = 0; i < children.size(); ++i) {
        if (i > 0) s += kind == Kind::kAnd ? " AND " : " OR ";
        s += children[i]->ToString();
      }
      return s + ")";
    }
    case Kind::kNot: return "(NOT " + children[0]->ToString() + ")";
    case Kind::kIsNull: return "(" + children[0]->ToString() + " IS NULL)";
    case Kind::kIsNotNull: return "(" + children[0]->ToString() + " IS NOT NULL)";
    default: {
      static const char* kNames[] = {"", "", "", "", "", "", "", "", "", "CASE", "COALESCE",
                                     "GREATEST", "LEAST", "NULLIF", "IN", "DISTINCT", "LIKE",
                                     "BOOLTEST", "SUBQUERY"};
      auto k = static_cast<size_t>(kind);
      std::string s = std::string(k < std::size(kNames) ? kNames[k] : "EXPR") + "(";
      for (size_t i = 0; i < children.size(); ++i) s += (i ? ", " : "") + children[i]->ToString();
      return s + ")";
    }
  }
  return "?";
}

}  // namespace omendb::sql
