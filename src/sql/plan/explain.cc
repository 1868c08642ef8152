#include "sql/plan/explain.h"

#include "catalog/table_schema.h"

#include "sql/plan/join_keys.h"

#include <cstdio>
#include <unordered_set>

namespace omendb::sql {
namespace {

constexpr char kZoneLine[] = "Blocks Skipped by Zone Maps: ";


using Names = std::vector<std::string>;

std::string Deparse(const BoundExpr& e, const Names& names);

std::string List(const std::vector<std::unique_ptr<BoundExpr>>& exprs, const Names& names,
                 size_t from = 0) {
  std::string s;
  for (size_t i = from; i < exprs.size(); ++i) s += (i > from ? ", " : "") + Deparse(*exprs[i], names);
  return s;
}

std::string Constant(const Value& v) {
  if (v.is_null()) return "NULL";
  switch (v.type().id()) {
    case TypeId::kInteger:
    case TypeId::kBigInt:
    case TypeId::kNumeric: {
      std::string text = v.ToString();
      bool plain = text[0] != '-' && text != "NaN" && text != "Infinity";
      return plain ? text : "'" + text + "'::" + v.type().ToString();
    }
    case TypeId::kBoolean: return v.GetBool() ? "true" : "false";
    default: {
      std::string quoted = "'";
      for (char c : v.ToString()) quoted += c == '\'' ? std::string("''") : std::string(1, c);
      return quoted + "'::" + v.type().ToString();
    }
  }
}

std::string Deparse(const BoundExpr& e, const Names& names) {
  using K = BoundExpr::Kind;
  switch (e.kind) {
    case K::kColumn: return e.column < names.size() ? names[e.column] : "?";
    case K::kParameter: return "$" + std::to_string(e.column + 1);
    case K::kSequence: {
      static const char* kOps[] = {"nextval", "currval", "setval", "lastval"};
      std::string s = std::string(kOps[static_cast<int>(e.sequence_op)]) + "(";
      if (e.sequence != nullptr) s += "'" + e.sequence->name + "'::regclass";
      for (const auto& c : e.children) s += ", " + Deparse(*c, names);
      return s + ")";
    }
    case K::kSetting:
      return std::string(e.setting_set ? "set_config(" : "current_setting(") +
             List(e.children, names) + ")";
    case K::kConstant: return Constant(e.constant);
    case K::kFunction:
      if (!e.function->is_operator) return e.function->name + "(" + List(e.children, names) + ")";
      if (e.children.size() == 1) return "(" + e.function->name + " " + Deparse(*e.children[0], names) + ")";
      return "(" + Deparse(*e.children[0], names) + " " + e.function->name + " " +
             Deparse(*e.children[1], names) + ")";
    case K::kCast: return "(" + Deparse(*e.children[0], names) + ")::" + e.type.sql_name();
    case K::kAnd:
    case K::kOr: {
      std::string s = "(";
      for (size_t i = 0; i < e.children.size(); ++i) {
        s += (i ? (e.kind == K::kAnd ? " AND " : " OR ") : "") + Deparse(*e.children[i], names);
      }
      return s + ")";
    }
    case K::kNot: return "(NOT " + Deparse(*e.children[0], names) + ")";
    case K::kIsNull: return "(" + Deparse(*e.children[0], names) + " IS NULL)";
    case K::kIsNotNull: return "(" + Deparse(*e.children[0], names) + " IS NOT NULL)";
    case K::kCase: {
      std::string s = "CASE";
      size_t pairs = (e.children.size() - (e.has_else ? 1 : 0)) / 2;
      for (size_t p = 0; p < pairs; ++p) {
        s += " WHEN " + Deparse(*e.children[2 * p], names) + " THEN " +
             Deparse(*e.children[2 * p + 1], names);
      }
      if (e.has_else) s += " ELSE " + Deparse(*e.children.back(), names);
      return s + " END";
    }
    case K::kCoalesce: return "COALESCE(" + List(e.children, names) + ")";
    case K::kGreatest: return "GREATEST(" + List(e.children, names) + ")";
    case K::kLeast: return "LEAST(" + List(e.children, names) + ")";
    case K::kNullIf: return "NULLIF(" + List(e.children, names) + ")";
    case K::kIn:
      return "(" + Deparse(*e.children[0], names) + (e.negated ? " NOT IN (" : " IN (") +
             List(e.children, names, 1) + "))";
    case K::kDistinctFrom:
      return "(" + Deparse(*e.children[0], names) +
             (e.negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") +
             Deparse(*e.children[1], names) + ")";
    case K::kLike: {
      std::string op = std::string(e.negated ? " !~~" : " ~~") + (e.case_insensitive ? "* " : " ");
      return "(" + Deparse(*e.children[0], names) + op + Deparse(*e.children[1], names) + ")";
    }
    case K::kOuterRef: return "$outer" + std::to_string(e.column + 1);
    case K::kSubquery: {
      static const char* kKinds[] = {"(SubPlan)", "(EXISTS SubPlan)", "(SubPlan)"};
      if (e.subquery_kind == 2) {
        return "(" + Deparse(*e.children[0], names) + (e.negated ? " NOT IN " : " IN ") + "(SubPlan))";
      }
      return kKinds[e.subquery_kind];
    }
    case K::kBoolTest: {
      static const char* kTests[] = {"IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE",
                                     "IS UNKNOWN", "IS NOT UNKNOWN"};
      return "(" + Deparse(*e.children[0], names) + " " + kTests[e.bool_test] + ")";
    }
  }
  return "?";
}

std::string AggregateText(const AggregateCall& a, const Names& names) {
  static const char* kNames[] = {"count", "count", "sum", "avg", "min", "max", "bool_and",
                                 "bool_or", "string_agg"};
  std::string s = std::string(kNames[static_cast<int>(a.kind)]) + "(";
  if (a.kind == AggregateKind::kCountStar) return s + "*)";
  if (a.distinct) s += "DISTINCT ";
  s += List(a.args, names);
  for (size_t i = 0; i < a.order.size(); ++i) {
    s += (i == 0 ? " ORDER BY " : ", ") + Deparse(*a.order[i].expr, names) +
         (a.order[i].descending ? " DESC" : "");
  }
  return s + ")";
}

class Printer {
 public:
  Printer(const LogicalOperator& root, const PlanStats* stats, bool timing,
          const KeyIndexDescriber& describe_key_index)
      : stats_(stats), timing_(timing), describe_key_index_(describe_key_index) {
    qualify_ = CountScans(root) > 1;
  }

  // Prints `op` at `depth` with `extra` properties (filters from above); returns its output
  // column names.
  Names Print(const LogicalOperator& op, int depth, std::vector<std::string> extra,
              const LogicalOperator* stats_node = nullptr) {
    using K = LogicalOperator::Kind;
    // A node's line shows the rows of what it feeds upward (a filter or projection above it).
    current_ = stats_node != nullptr ? stats_node : &op;
    switch (op.kind) {
      case K::kProjection: {
        Names in = Print(*op.children[0], depth, std::move(extra), current_);
        Names out;
        for (const auto& e : op.expressions) out.push_back(Deparse(*e, in));
        return out;
      }
      case K::kFilter: {
        // The filter's names are its child's: print the child first into a buffer.
        const LogicalOperator* shown = current_;
        std::vector<std::string> child_lines;
        std::swap(lines_, child_lines);
        Names names = Print(*op.children[0], depth, {}, shown);
        std::swap(lines_, child_lines);
        // Insert "Filter:" after the child's label line and its own properties.
        size_t at = 1;
        while (at < child_lines.size() && IsPropertyOf(child_lines[at], depth) &&
               child_lines[at].find(kZoneLine) == std::string::npos &&
               storage_lines_.count(child_lines[at]) == 0) {
          ++at;
        }
        std::vector<std::string> props = {"Filter: " + Deparse(*op.predicate, names)};
        if (stats_ != nullptr) {
          props.push_back("Rows Removed by Filter: " +
                          std::to_string(Rows(op.children[0].get()) - Rows(&op)));
        }
        props.insert(props.end(), extra.begin(), extra.end());
        for (const std::string& p : props) {
          child_lines.insert(child_lines.begin() + static_cast<long>(at++), PropertyIndent(depth) + p);
        }
        lines_.insert(lines_.end(), child_lines.begin(), child_lines.end());
        return names;
      }
      case K::kGet: {
        const TableSchema& t = *op.table;
        std::string on = t.name + (op.alias != t.name ? " " + op.alias : "");
        Names names;
        for (size_t id : op.column_ids) {
          names.push_back(qualify_ ? op.alias + "." + t.columns[id].name : t.columns[id].name);
        }
        if (op.with_row_ids) names.push_back("ctid");
        const std::string index_scan =
            std::string(op.key_descending ? "Index Scan Backward using " : "Index Scan using ") +
            (op.index != nullptr ? op.index->name : t.PrimaryKeyName()) + " on " + on;
        // The column the key range or points are on.
        const size_t key_column = op.index != nullptr ? op.index->index->columns[0]
                                  : t.primary_key.empty() ? 0 : t.primary_key[0];
        if (op.use_key_points) {
          Label(depth, index_scan);
          std::string key = qualify_ ? op.alias + "." + t.columns[key_column].name
                                     : t.columns[key_column].name;
          std::string list;
          for (size_t i = 0; i < op.key_points.size(); ++i) {
            list += (i ? "," : "") + op.key_points[i].ToString();
          }
          LogicalType key_type = t.columns[key_column].type;
          if (!op.key_point_exprs.empty()) {
            Property(depth, "Index Cond: (" + key + " = " + Deparse(*op.key_point_exprs[0], {}) +
                                ")");
          } else {
            Property(depth, "Index Cond: (" + key + " = ANY ('{" + list + "}'::" +
                                key_type.sql_name() + "[]))");
          }
          KeyIndexProperties(op, depth);
          for (const std::string& p : extra) Property(depth, p);
          return names;
        } else if (op.use_key_range) {
          Label(depth, index_scan);
          std::string key = qualify_ ? op.alias + "." + t.columns[key_column].name
                                     : t.columns[key_column].name;
          const KeyRange& r = op.key_range;
          std::vector<std::string> conds;
          if (!r.lower.empty() && !r.upper.empty() && r.lower_inclusive && r.upper_inclusive &&
              Value::Compare(r.lower[0], r.upper[0]) == 0) {
            conds.push_back("(" + key + " = " + Constant(r.lower[0]) + ")");
          } else {
            if (!r.lower.empty()) {
              conds.push_back("(" + key + (r.lower_inclusive ? " >= " : " > ") + Constant(r.lower[0]) + ")");
            }
            if (!r.upper.empty()) {
              conds.push_back("(" + key + (r.upper_inclusive ? " <= " : " < ") + Constant(r.upper[0]) + ")");
            }
          }
          if (conds.size() == 1) Property(depth, "Index Cond: " + conds[0]);
          if (conds.size() == 2) Property(depth, "Index Cond: (" + conds[0] + " AND " + conds[1] + ")");
          KeyIndexProperties(op, depth);
        } else {
          Label(depth, "Seq Scan on " + on);
        }
        for (const std::string& p : extra) Property(depth, p);
        if (stats_ != nullptr) {
          // OmenDB's own line (shown when non-zero, as PostgreSQL shows "Rows Removed by
          // Filter"): main-store blocks the filter's comparisons skipped by their zone maps.
          auto it = stats_->find(&op);
          if (it != stats_->end() && it->second.zone_blocks_skipped > 0) {
            Property(depth, kZoneLine + std::to_string(it->second.zone_blocks_skipped));
          }
        }
        return names;
      }
      case K::kDummyScan:
        Label(depth, "Result");
        for (const std::string& p : extra) Property(depth, p);
        return {};
      case K::kValues: {
        Label(depth, "Values Scan on \"*VALUES*\"", &op);
        for (const std::string& p : extra) Property(depth, p);
        Names names;
        for (size_t i = 0; i < op.types.size(); ++i) {
          names.push_back("\"*VALUES*\".column" + std::to_string(i + 1));
        }
        return names;
      }
      case K::kGenerateSeries:
        Label(depth, "Function Scan on generate_series" +
                         (op.alias != "generate_series" ? " " + op.alias : std::string()),
              &op);
        for (const std::string& p : extra) Property(depth, p);
        return {qualify_ ? op.alias + "." + op.alias : op.alias};
      case K::kAggregate: {
        size_t at = lines_.size();
        Label(depth, op.groups.empty() ? "Aggregate" : "HashAggregate");
        std::vector<std::string> child_lines;
        std::swap(lines_, child_lines);
        Names in = Print(*op.children[0], depth + 1, {});
        std::swap(lines_, child_lines);
        Names out;
        for (const auto& g : op.groups) out.push_back(Deparse(*g, in));
        for (const auto& a : op.aggregates) out.push_back(AggregateText(a, in));
        std::vector<std::string> props;
        if (!op.groups.empty()) {
          std::string keys;
          for (size_t i = 0; i < op.groups.size(); ++i) keys += (i ? ", " : "") + out[i];
          props.push_back("Group Key: " + keys);
        }
        props.insert(props.end(), extra.begin(), extra.end());
        for (const std::string& p : props) lines_.insert(lines_.begin() + static_cast<long>(++at), PropertyIndent(depth) + p);
        lines_.insert(lines_.end(), child_lines.begin(), child_lines.end());
        return out;
      }
      case K::kRecursiveUnion: {
        Label(depth, "Recursive Union");
        for (const std::string& p : extra) Property(depth, p);
        Names out = Print(*op.children[0], depth + 1, {});
        Print(*op.children[1], depth + 1, {});
        return out;
      }
      case K::kWorkTableScan: {
        Label(depth, "WorkTable Scan on " + op.alias);
        for (const std::string& p : extra) Property(depth, p);
        Names names;
        for (size_t i = 0; i < op.types.size(); ++i) names.push_back(op.alias + ".column" + std::to_string(i + 1));
        return names;
      }
      case K::kWindow: {
        Label(depth, "WindowAgg");
        for (const std::string& p : extra) Property(depth, p);
        Names out = Print(*op.children[0], depth + 1, {});
        for (size_t i = 0; i < op.windows.size(); ++i) {
          out.push_back("window" + std::to_string(i + 1));
        }
        return out;
      }
      case K::kJoin: return PrintJoin(op, depth, std::move(extra));
      case K::kSetOp: {
        static const char* kNames[] = {"Union", "Intersect", "Except"};
        std::string label = op.set_op == SetOpType::kUnion
                                ? (op.set_all ? "Append" : "HashAggregate (Union)")
                                : std::string("HashSetOp ") + kNames[static_cast<int>(op.set_op)] +
                                      (op.set_all ? " All" : "");
        Label(depth, label);
        for (const std::string& p : extra) Property(depth, p);
        Names names = Print(*op.children[0], depth + 1, {});
        Print(*op.children[1], depth + 1, {});
        return names;
      }
      case K::kOrder: {
        size_t at = lines_.size();
        Label(depth, "Sort");
        Names names = Print(*op.children[0], depth + 1, {});
        std::string keys;
        for (size_t i = 0; i < op.orders.size(); ++i) {
          const OrderSpec& o = op.orders[i];
          keys += (i ? ", " : "") + Deparse(*o.expr, names);
          if (o.descending) keys += " DESC";
          if (o.nulls_first != o.descending) keys += o.nulls_first ? " NULLS FIRST" : " NULLS LAST";
        }
        std::vector<std::string> props = {"Sort Key: " + keys};
        props.insert(props.end(), extra.begin(), extra.end());
        for (const std::string& p : props) lines_.insert(lines_.begin() + static_cast<long>(++at), PropertyIndent(depth) + p);
        return names;
      }
      case K::kLimit: {
        Label(depth, "Limit");
        for (const std::string& p : extra) Property(depth, p);
        return Print(*op.children[0], depth + 1, {});
      }
    }
    return {};
  }

  std::vector<std::string> lines() { return std::move(lines_); }

 private:
  Names PrintJoin(const LogicalOperator& op, int depth, std::vector<std::string> extra) {
    static const char* kTypes[] = {"", " Left", " Right", " Full", " Semi", " Anti"};
    const char* type = kTypes[static_cast<int>(op.join_type)];
    size_t left_width = op.children[0]->types.size();
    EquiJoinSplit split;
    if (op.predicate) split = SplitEquiJoin(*op.predicate, left_width);
    bool hash = !split.keys.empty();
    size_t at = lines_.size();
    Label(depth, hash ? std::string("Hash") + type + " Join"
                      : std::string("Nested Loop") + (op.join_type == JoinType::kInner ? "" : std::string(type) + " Join"));
    Names left = Print(*op.children[0], depth + 1, {});
    Names right;
    if (hash) {
      Label(depth + 1, "Hash", op.children[1].get());
      right = Print(*op.children[1], depth + 2, {});
    } else {
      right = Print(*op.children[1], depth + 1, {});
    }
    Names names = left;
    names.insert(names.end(), right.begin(), right.end());
    const bool left_only = op.join_type == JoinType::kSemi || op.join_type == JoinType::kAnti;
    std::vector<std::string> props;
    if (hash) {
      std::string cond;
      for (size_t i = 0; i < split.keys.size(); ++i) {
        cond += (i ? " AND " : "") + std::string("(") + Deparse(*split.keys[i].first, names) + " = " +
                Deparse(*split.keys[i].second, names) + ")";
      }
      props.push_back("Hash Cond: " + (split.keys.size() > 1 ? "(" + cond + ")" : cond));
    }
    if (!split.rest.empty()) {
      std::string cond;
      for (size_t i = 0; i < split.rest.size(); ++i) {
        cond += (i ? " AND " : "") + Deparse(*split.rest[i], names);
      }
      props.push_back("Join Filter: " + (split.rest.size() > 1 ? "(" + cond + ")" : cond));
    }
    props.insert(props.end(), extra.begin(), extra.end());
    for (const std::string& p : props) lines_.insert(lines_.begin() + static_cast<long>(++at), PropertyIndent(depth) + p);
    return left_only ? left : names;
  }

  static int CountScans(const LogicalOperator& op) {
    int n = op.kind == LogicalOperator::Kind::kGet ? 1 : 0;
    for (const auto& c : op.children) n += CountScans(*c);
    return n;
  }
  // PostgreSQL's layout: the root at column 0 with properties at 2; a child at depth d is
  // "->  " after 6(d-1)+2 spaces, its properties at 6d+2.
  static std::string PropertyIndent(int depth) { return std::string(6 * depth + 2, ' '); }
  static bool IsPropertyOf(const std::string& line, int depth) {
    std::string indent = PropertyIndent(depth);
    return line.compare(0, indent.size(), indent) == 0 && line.size() > indent.size() &&
           line[indent.size()] != ' ' && line.compare(indent.size(), 2, "->") != 0;
  }
  void Label(int depth, const std::string& text, const LogicalOperator* node = nullptr) {
    std::string line = depth == 0 ? text : std::string(6 * (depth - 1) + 2, ' ') + "->  " + text;
    lines_.push_back(line + Actual(node != nullptr ? node : current_));
  }
  uint64_t Rows(const LogicalOperator* node) const {
    if (stats_ == nullptr) return 0;
    auto it = stats_->find(node);
    return it == stats_->end() ? 0 : it->second.rows;
  }
  // " (actual time=a..b rows=n loops=1)", PostgreSQL's EXPLAIN ANALYZE annotation.
  std::string Actual(const LogicalOperator* node) const {
    if (stats_ == nullptr) return "";
    auto it = stats_->find(node);
    if (it == stats_->end()) return " (never executed)";
    const OperatorStats& st = it->second;
    char buf[128];
    if (timing_) {
      std::snprintf(buf, sizeof(buf), " (actual time=%.3f..%.3f rows=%llu loops=1)",
                    st.first_ms < 0 ? st.total_ms : st.first_ms, st.total_ms,
                    static_cast<unsigned long long>(st.rows));
    } else {
      std::snprintf(buf, sizeof(buf), " (actual rows=%llu loops=1)",
                    static_cast<unsigned long long>(st.rows));
    }
    return buf;
  }
  void Property(int depth, const std::string& text) { lines_.push_back(PropertyIndent(depth) + text); }
  // Under a primary-key index scan: how the table's storage searches keys.
  void KeyIndexProperties(const LogicalOperator& get, int depth) {
    if (get.index != nullptr || !describe_key_index_) return;
    for (const std::string& p : describe_key_index_(*get.table)) {
      Property(depth, p);
      storage_lines_.insert(lines_.back());  // they follow PostgreSQL's own (Filter) lines
    }
  }

  const PlanStats* stats_;
  bool timing_;
  const KeyIndexDescriber& describe_key_index_;
  std::unordered_set<std::string> storage_lines_;  // lines KeyIndexProperties printed
  const LogicalOperator* current_ = nullptr;
  bool qualify_ = false;
  std::vector<std::string> lines_;
};

}  // namespace

std::vector<std::string> ExplainPlan(const LogicalOperator& plan, const PlanStats* stats,
                                     bool timing, const KeyIndexDescriber& describe_key_index) {
  Printer printer(plan, stats, timing, describe_key_index);
  printer.Print(plan, 0, {});
  return printer.lines();
}

std::vector<std::string> ExplainModify(const std::string& head, const LogicalOperator* plan,
                                       const PlanStats* stats, bool timing,
                                       const KeyIndexDescriber& describe_key_index) {
  std::vector<std::string> lines = {head};
  if (plan == nullptr) {
    lines.push_back(stats == nullptr ? "  ->  Result"
                    : timing         ? "  ->  Result (actual time=0.000..0.000 rows=1 loops=1)"
                                     : "  ->  Result (actual rows=1 loops=1)");
    return lines;
  }
  Printer printer(*plan, stats, timing, describe_key_index);
  printer.Print(*plan, 1, {});
  for (const std::string& l : printer.lines()) lines.push_back(l);
  return lines;
}

}  // namespace omendb::sql
