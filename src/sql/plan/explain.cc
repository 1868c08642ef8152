#include "sql/plan/explain.h"

#include "catalog/table_schema.h"

#include "sql/plan/join_keys.h"
#include "sql/plan/plan_walk.h"

#include <cstdio>
#include <unordered_map>

namespace omendb::sql {
namespace {

// A column as EXPLAIN names it: bare, as in a scan's own conditions, and qualified by its
// relation, as in the conditions of the nodes above when the statement reads several.
struct ColumnName {
  std::string plain;
  std::string qualified;
  bool computed = false;  // an expression's result, not a relation's column
};
using Names = std::vector<ColumnName>;

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

// One line of the plan and what hangs under it, in PostgreSQL's order: properties, InitPlans,
// child nodes, SubPlans.
struct Node {
  std::string label;
  bool scan = false;               // a relation scan: its conditions name columns bare
  std::vector<std::string> props;  // Index Cond, Filter, Hash Cond, Sort Key...
  std::vector<std::string> tail;   // OmenDB's storage lines, after PostgreSQL's own
  std::vector<Node> children;
  std::vector<std::pair<std::string, Node>> init_plans;  // "InitPlan 1 (returns $0)", plan
  std::vector<std::pair<std::string, Node>> sub_plans;   // "SubPlan 1", plan
};

// PostgreSQL's layout, for a node whose text starts at column `at`: its properties and the
// arrows of its children at at + 2, the children's text at at + 6, a subquery's header at
// at + 2 and its plan's text at at + 8.
void Render(const Node& n, size_t at, std::vector<std::string>* out) {
  out->push_back((at == 0 ? std::string() : std::string(at - 4, ' ') + "->  ") + n.label);
  const std::string indent(at + 2, ' ');
  for (const std::string& p : n.props) out->push_back(indent + p);
  for (const std::string& p : n.tail) out->push_back(indent + p);
  for (const auto& [head, plan] : n.init_plans) {
    out->push_back(indent + head);
    Render(plan, at + 8, out);
  }
  for (const Node& c : n.children) Render(c, at + 6, out);
  for (const auto& [head, plan] : n.sub_plans) {
    out->push_back(indent + head);
    Render(plan, at + 8, out);
  }
}

// Numbers shared by the printers of a statement's plan and of its subqueries' plans.
struct Numbering {
  int plans = 0;       // SubPlan and InitPlan numbers
  int init_params = 0; // $n of InitPlan results
};

class Printer {
 public:
  Printer(const PlanStats* stats, bool timing, const KeyIndexDescriber& describe_key_index,
          Numbering* numbering, bool qualify, std::vector<std::string> outer_names)
      : stats_(stats),
        timing_(timing),
        describe_key_index_(describe_key_index),
        numbering_(numbering),
        qualify_(qualify),
        outer_names_(std::move(outer_names)) {}

  // Whether column names are qualified above the scans: PostgreSQL does so when the
  // statement reads more than one relation (its subqueries' included).
  static bool ReadsSeveralRelations(const LogicalOperator& plan) {
    int n = CountScans(plan);
    AnyExpression(plan, [&](const BoundExpr& e) {
      if (e.kind == BoundExpr::Kind::kSubquery && e.subplan != nullptr) n += CountScans(*e.subplan);
      return false;
    });
    return n > 1;
  }

  // `op` as a node; `names` receives its output columns. `stats_node`: whose actual rows the
  // line shows (a filter or projection above it feeds its rows upward).
  Node Print(const LogicalOperator& op, Names* names, const LogicalOperator* stats_node = nullptr) {
    using K = LogicalOperator::Kind;
    const LogicalOperator* shown = stats_node != nullptr ? stats_node : &op;
    Node n;
    switch (op.kind) {
      case K::kProjection: {
        Names in;
        n = Print(*op.children[0], &in, shown);
        for (const auto& e : op.expressions) names->push_back(Both(*e, in));
        Attach(&n);
        return n;
      }
      case K::kFilter: {
        n = Print(*op.children[0], names, shown);
        // A key lookup by an outer value keeps its condition as a recheck; PostgreSQL shows
        // it as the Index Cond only.
        const std::string kIndexCond = "Index Cond: ";
        const std::string index_cond =
            n.scan && !n.props.empty() && n.props[0].rfind(kIndexCond, 0) == 0
                ? n.props[0].substr(kIndexCond.size())
                : std::string();
        std::vector<const BoundExpr*> conjuncts;
        if (op.predicate->kind == BoundExpr::Kind::kAnd) {
          for (const auto& c : op.predicate->children) conjuncts.push_back(c.get());
        } else {
          conjuncts.push_back(op.predicate.get());
        }
        std::vector<std::string> shown_conds;
        for (const BoundExpr* c : conjuncts) {
          std::string text = Text(*c, *names, !n.scan && qualify_);
          if (text != index_cond) shown_conds.push_back(std::move(text));
        }
        Attach(&n);
        if (shown_conds.empty()) return n;
        std::string cond = shown_conds[0];
        for (size_t i = 1; i < shown_conds.size(); ++i) cond += " AND " + shown_conds[i];
        n.props.push_back("Filter: " + (shown_conds.size() > 1 ? "(" + cond + ")" : cond));
        if (stats_ != nullptr) {
          const OperatorStats* input = Find(op.children[0].get());
          uint64_t removed = RowsTotal(op.children[0].get()) - RowsTotal(&op) +
                             (input == nullptr ? 0 : input->rows_prefiltered);
          n.props.push_back("Rows Removed by Filter: " + PerLoop(removed, &op));
        }
        return n;
      }
      case K::kGet: return PrintGet(op, names, shown);
      case K::kDummyScan:
        n.label = "Result" + Actual(shown);
        return n;
      case K::kValues:
        n.label = "Values Scan on \"*VALUES*\"" + Actual(shown);
        n.scan = true;
        for (size_t i = 0; i < op.types.size(); ++i) {
          std::string c = "column" + std::to_string(i + 1);
          names->push_back({c, "\"*VALUES*\"." + c});
        }
        return n;
      case K::kGenerateSeries:
        n.label = "Function Scan on generate_series" +
                  (op.alias != "generate_series" ? " " + op.alias : std::string()) + Actual(shown);
        n.scan = true;
        names->push_back({op.alias, op.alias + "." + op.alias});
        return n;
      case K::kAggregate: {
        n.label = (op.groups.empty() ? "Aggregate" : "HashAggregate") + Actual(shown);
        Names in;
        n.children.push_back(Print(*op.children[0], &in));
        for (const auto& g : op.groups) names->push_back(Both(*g, in));
        for (const auto& a : op.aggregates) {
          names->push_back({AggregateText(a, in, false), AggregateText(a, in, true), true});
        }
        if (!op.groups.empty()) {
          std::string keys;
          for (size_t i = 0; i < op.groups.size(); ++i) {
            keys += (i ? ", " : "") + (qualify_ ? (*names)[i].qualified : (*names)[i].plain);
          }
          n.props.push_back("Group Key: " + keys);
        }
        Attach(&n);
        return n;
      }
      case K::kRecursiveUnion: {
        n.label = "Recursive Union" + Actual(shown);
        n.children.push_back(Print(*op.children[0], names));
        Names ignored;
        n.children.push_back(Print(*op.children[1], &ignored));
        return n;
      }
      case K::kWorkTableScan:
        n.label = "WorkTable Scan on " + op.alias + Actual(shown);
        n.scan = true;
        for (size_t i = 0; i < op.types.size(); ++i) {
          std::string c = "column" + std::to_string(i + 1);
          names->push_back({c, op.alias + "." + c});
        }
        return n;
      case K::kWindow: {
        n.label = "WindowAgg" + Actual(shown);
        n.children.push_back(Print(*op.children[0], names));
        for (size_t i = 0; i < op.windows.size(); ++i) {
          std::string w = "window" + std::to_string(i + 1);
          names->push_back({w, w});
        }
        return n;
      }
      case K::kJoin: return PrintJoin(op, names, shown);
      case K::kSetOp: {
        static const char* kNames[] = {"Union", "Intersect", "Except"};
        std::string label = op.set_op == SetOpType::kUnion
                                ? (op.set_all ? "Append" : "HashAggregate (Union)")
                                : std::string("HashSetOp ") + kNames[static_cast<int>(op.set_op)] +
                                      (op.set_all ? " All" : "");
        n.label = label + Actual(shown);
        n.children.push_back(Print(*op.children[0], names));
        Names ignored;
        n.children.push_back(Print(*op.children[1], &ignored));
        return n;
      }
      case K::kOrder: {
        n.label = "Sort" + Actual(shown);
        n.children.push_back(Print(*op.children[0], names));
        std::string keys;
        for (size_t i = 0; i < op.orders.size(); ++i) {
          const OrderSpec& o = op.orders[i];
          // A key computed below the sort is parenthesized, as PostgreSQL shows it.
          const bool column = o.expr->kind == BoundExpr::Kind::kColumn &&
                              o.expr->column < names->size() && !(*names)[o.expr->column].computed;
          const std::string text = Text(*o.expr, *names, qualify_);
          keys += (i ? ", " : "") + (column ? text : "(" + text + ")");
          if (o.descending) keys += " DESC";
          if (o.nulls_first != o.descending) keys += o.nulls_first ? " NULLS FIRST" : " NULLS LAST";
        }
        n.props.push_back("Sort Key: " + keys);
        Attach(&n);
        return n;
      }
      case K::kLimit:
        n.label = "Limit" + Actual(shown);
        n.children.push_back(Print(*op.children[0], names));
        return n;
    }
    return n;
  }

 private:
  Node PrintGet(const LogicalOperator& op, Names* names, const LogicalOperator* shown) {
    const TableSchema& t = *op.table;
    Node n;
    n.scan = true;
    const std::string on = t.name + (op.alias != t.name ? " " + op.alias : "");
    for (size_t id : op.column_ids) {
      names->push_back({t.columns[id].name, op.alias + "." + t.columns[id].name});
    }
    if (op.with_row_ids) names->push_back({"ctid", op.alias + ".ctid"});
    const std::string index_scan =
        std::string(op.key_descending ? "Index Scan Backward using " : "Index Scan using ") +
        (op.index != nullptr ? op.index->name : t.PrimaryKeyName()) + " on " + on;
    // The column the key range or points are on.
    const size_t key_column = op.index != nullptr ? op.index->index->columns[0]
                              : t.primary_key.empty() ? 0 : t.primary_key[0];
    const std::string& key = t.columns[key_column].name;
    if (op.use_key_points) {
      n.label = index_scan;
      if (!op.key_point_exprs.empty()) {
        n.props.push_back("Index Cond: (" + key + " = " + Text(*op.key_point_exprs[0], {}, false) +
                          ")");
      } else {
        std::string list;
        for (size_t i = 0; i < op.key_points.size(); ++i) {
          list += (i ? "," : "") + op.key_points[i].ToString();
        }
        n.props.push_back("Index Cond: (" + key + " = ANY ('{" + list + "}'::" +
                          t.columns[key_column].type.sql_name() + "[]))");
      }
      KeyIndexProperties(op, &n);
    } else if (op.use_key_range) {
      n.label = index_scan;
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
      // Bounds known when the scan starts (parameters, an enclosing query's values).
      const std::string lower =
          op.key_lower_expr ? Text(*op.key_lower_expr, {}, false) : std::string();
      const std::string upper =
          op.key_upper_expr ? Text(*op.key_upper_expr, {}, false) : std::string();
      if (!lower.empty() && lower == upper && op.key_lower_expr_inclusive &&
          op.key_upper_expr_inclusive) {
        conds.push_back("(" + key + " = " + lower + ")");
      } else {
        if (!lower.empty()) {
          conds.push_back("(" + key + (op.key_lower_expr_inclusive ? " >= " : " > ") + lower + ")");
        }
        if (!upper.empty()) {
          conds.push_back("(" + key + (op.key_upper_expr_inclusive ? " <= " : " < ") + upper + ")");
        }
      }
      if (conds.size() == 1) n.props.push_back("Index Cond: " + conds[0]);
      if (conds.size() > 1) {
        std::string all = conds[0];
        for (size_t i = 1; i < conds.size(); ++i) all += " AND " + conds[i];
        n.props.push_back("Index Cond: (" + all + ")");
      }
      KeyIndexProperties(op, &n);
    } else {
      n.label = "Seq Scan on " + on;
    }
    n.label += Actual(shown);
    Attach(&n);
    if (stats_ != nullptr) {
      // OmenDB's own line (shown when non-zero, as PostgreSQL shows "Rows Removed by
      // Filter"): main-store blocks the filter's comparisons skipped by their zone maps.
      auto it = stats_->find(&op);
      if (it != stats_->end() && it->second.zone_blocks_skipped > 0) {
        n.tail.push_back("Blocks Skipped by Zone Maps: " +
                         std::to_string(it->second.zone_blocks_skipped));
      }
    }
    return n;
  }

  Node PrintJoin(const LogicalOperator& op, Names* names, const LogicalOperator* shown) {
    static const char* kTypes[] = {"", " Left", " Right", " Full", " Semi", " Anti"};
    const char* type = kTypes[static_cast<int>(op.join_type)];
    size_t left_width = op.children[0]->types.size();
    EquiJoinSplit split;
    if (op.predicate) split = SplitEquiJoin(*op.predicate, left_width);
    const bool hash = !split.keys.empty();
    Node n;
    n.label = (hash ? std::string("Hash") + type + " Join"
                    : std::string("Nested Loop") +
                          (op.join_type == JoinType::kInner ? "" : std::string(type) + " Join")) +
              Actual(shown);
    Names left, right;
    n.children.push_back(Print(*op.children[0], &left));
    if (hash) {
      Node h;
      h.label = "Hash" + Actual(op.children[1].get());
      h.children.push_back(Print(*op.children[1], &right));
      n.children.push_back(std::move(h));
    } else {
      n.children.push_back(Print(*op.children[1], &right));
    }
    Names both = left;
    both.insert(both.end(), right.begin(), right.end());
    if (hash) {
      std::string cond;
      for (size_t i = 0; i < split.keys.size(); ++i) {
        cond += (i ? " AND " : "") + std::string("(") + Text(*split.keys[i].first, both, qualify_) +
                " = " + Text(*split.keys[i].second, both, qualify_) + ")";
      }
      n.props.push_back("Hash Cond: " + (split.keys.size() > 1 ? "(" + cond + ")" : cond));
    }
    if (!split.rest.empty()) {
      std::string cond;
      for (size_t i = 0; i < split.rest.size(); ++i) {
        cond += (i ? " AND " : "") + Text(*split.rest[i], both, qualify_);
      }
      n.props.push_back("Join Filter: " + (split.rest.size() > 1 ? "(" + cond + ")" : cond));
    }
    Attach(&n);
    const bool left_only = op.join_type == JoinType::kSemi || op.join_type == JoinType::kAnti;
    *names = left_only ? std::move(left) : std::move(both);
    return n;
  }

  // An expression's text with bare and with qualified column names.
  ColumnName Both(const BoundExpr& e, const Names& names) {
    if (e.kind == BoundExpr::Kind::kColumn && e.column < names.size()) return names[e.column];
    return {Text(e, names, false), Text(e, names, true), true};
  }

  std::string List(const std::vector<std::unique_ptr<BoundExpr>>& exprs, const Names& names,
                   bool q, size_t from = 0, size_t to = SIZE_MAX) {
    std::string s;
    for (size_t i = from; i < exprs.size() && i < to; ++i) {
      s += (i > from ? ", " : "") + Text(*exprs[i], names, q);
    }
    return s;
  }

  // The text of `e` over input columns `names` (qualified ones if `q`). Subqueries become
  // "(SubPlan n)" or an InitPlan's "$n", their plans kept for the node that shows them.
  std::string Text(const BoundExpr& e, const Names& names, bool q) {
    using K = BoundExpr::Kind;
    switch (e.kind) {
      case K::kColumn:
        if (e.column >= names.size()) return "?";
        return q ? names[e.column].qualified : names[e.column].plain;
      case K::kParameter: return "$" + std::to_string(e.column + 1);
      case K::kSequence: {
        static const char* kOps[] = {"nextval", "currval", "setval", "lastval"};
        std::string s = std::string(kOps[static_cast<int>(e.sequence_op)]) + "(";
        if (e.sequence != nullptr) s += "'" + e.sequence->name + "'::regclass";
        for (const auto& c : e.children) s += ", " + Text(*c, names, q);
        return s + ")";
      }
      case K::kSetting:
        return std::string(e.setting_set ? "set_config(" : "current_setting(") +
               List(e.children, names, q) + ")";
      case K::kConstant: return Constant(e.constant);
      case K::kFunction:
        if (!e.function->is_operator) return e.function->name + "(" + List(e.children, names, q) + ")";
        if (e.children.size() == 1) {
          return "(" + e.function->name + " " + Text(*e.children[0], names, q) + ")";
        }
        return "(" + Text(*e.children[0], names, q) + " " + e.function->name + " " +
               Text(*e.children[1], names, q) + ")";
      case K::kCast: return "(" + Text(*e.children[0], names, q) + ")::" + e.type.sql_name();
      case K::kAnd:
      case K::kOr: {
        std::string s = "(";
        for (size_t i = 0; i < e.children.size(); ++i) {
          s += (i ? (e.kind == K::kAnd ? " AND " : " OR ") : "") + Text(*e.children[i], names, q);
        }
        return s + ")";
      }
      case K::kNot: return "(NOT " + Text(*e.children[0], names, q) + ")";
      case K::kIsNull: return "(" + Text(*e.children[0], names, q) + " IS NULL)";
      case K::kIsNotNull: return "(" + Text(*e.children[0], names, q) + " IS NOT NULL)";
      case K::kCase: {
        std::string s = "CASE";
        size_t pairs = (e.children.size() - (e.has_else ? 1 : 0)) / 2;
        for (size_t p = 0; p < pairs; ++p) {
          s += " WHEN " + Text(*e.children[2 * p], names, q) + " THEN " +
               Text(*e.children[2 * p + 1], names, q);
        }
        if (e.has_else) s += " ELSE " + Text(*e.children.back(), names, q);
        return s + " END";
      }
      case K::kCoalesce: return "COALESCE(" + List(e.children, names, q) + ")";
      case K::kGreatest: return "GREATEST(" + List(e.children, names, q) + ")";
      case K::kLeast: return "LEAST(" + List(e.children, names, q) + ")";
      case K::kNullIf: return "NULLIF(" + List(e.children, names, q) + ")";
      case K::kIn:
        return "(" + Text(*e.children[0], names, q) + (e.negated ? " NOT IN (" : " IN (") +
               List(e.children, names, q, 1) + "))";
      case K::kDistinctFrom:
        return "(" + Text(*e.children[0], names, q) +
               (e.negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") +
               Text(*e.children[1], names, q) + ")";
      case K::kLike: {
        std::string op = std::string(e.negated ? " !~~" : " ~~") + (e.case_insensitive ? "* " : " ");
        return "(" + Text(*e.children[0], names, q) + op + Text(*e.children[1], names, q) + ")";
      }
      case K::kOuterRef:
        return e.column < outer_names_.size() ? outer_names_[e.column]
                                              : "$outer" + std::to_string(e.column + 1);
      case K::kSubquery: return Subquery(e, names);
      case K::kBoolTest: {
        static const char* kTests[] = {"IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE",
                                       "IS UNKNOWN", "IS NOT UNKNOWN"};
        return "(" + Text(*e.children[0], names, q) + " " + kTests[e.bool_test] + ")";
      }
    }
    return "?";
  }

  // PostgreSQL 15's forms: a subquery run once for the statement (uncorrelated scalar or
  // EXISTS) is an InitPlan whose result is "$n"; one run per outer row is "(SubPlan n)"; an
  // uncorrelated IN is a hashed SubPlan (ours becomes a hashed list of its rows).
  std::string Subquery(const BoundExpr& e, const Names& names) {
    auto known = subquery_text_.find(&e);  // the same expression printed with other names
    if (known != subquery_text_.end()) return known->second;
    const int id = ++numbering_->plans;
    std::vector<std::string> outer;
    if (e.correlated) {
      for (size_t k = e.correlation_begin; k < e.children.size(); ++k) {
        outer.push_back(Text(*e.children[k], names, true));
      }
    }
    Printer sub(stats_, timing_, describe_key_index_, numbering_, qualify_, std::move(outer));
    Names ignored;
    Node plan = sub.Print(*e.subplan, &ignored);
    sub.Attach(&plan);
    const bool once = !e.correlated && e.subquery_kind != 2;
    if (once) {
      const std::string param = "$" + std::to_string(numbering_->init_params++);
      pending_init_.emplace_back("InitPlan " + std::to_string(id) + " (returns " + param + ")",
                                 std::move(plan));
      return subquery_text_[&e] = param;
    }
    pending_sub_.emplace_back("SubPlan " + std::to_string(id), std::move(plan));
    const bool hashed = !e.correlated && !e.subquery_all && e.function != nullptr &&
                        e.function->name == "=";
    std::string s = std::string(hashed ? "(hashed " : "(") + "SubPlan " + std::to_string(id) + ")";
    return subquery_text_[&e] = e.negated ? "(NOT " + s + ")" : s;
  }

  std::string AggregateText(const AggregateCall& a, const Names& names, bool q) {
    static const char* kNames[] = {"count", "count", "sum", "avg", "min", "max", "bool_and",
                                   "bool_or", "string_agg"};
    std::string s = std::string(kNames[static_cast<int>(a.kind)]) + "(";
    if (a.kind == AggregateKind::kCountStar) return s + "*)";
    if (a.distinct) s += "DISTINCT ";
    s += List(a.args, names, q);
    for (size_t i = 0; i < a.order.size(); ++i) {
      s += (i == 0 ? " ORDER BY " : ", ") + Text(*a.order[i].expr, names, q) +
           (a.order[i].descending ? " DESC" : "");
    }
    return s + ")";
  }

  // Hands the subquery plans met in the expressions printed so far to `n`, which shows them.
  void Attach(Node* n) {
    for (auto& p : pending_init_) n->init_plans.push_back(std::move(p));
    for (auto& p : pending_sub_) n->sub_plans.push_back(std::move(p));
    pending_init_.clear();
    pending_sub_.clear();
  }

  static int CountScans(const LogicalOperator& op) {
    int n = op.kind == LogicalOperator::Kind::kGet ? 1 : 0;
    for (const auto& c : op.children) n += CountScans(*c);
    return n;
  }

  const OperatorStats* Find(const LogicalOperator* node) const {
    if (stats_ == nullptr) return nullptr;
    auto it = stats_->find(node);
    return it == stats_->end() ? nullptr : &it->second;
  }
  uint64_t RowsTotal(const LogicalOperator* node) const {
    const OperatorStats* st = Find(node);
    return st == nullptr ? 0 : st->rows;
  }
  // `total` over the loops `node` ran, rounded as PostgreSQL rounds its per-loop figures.
  std::string PerLoop(uint64_t total, const LogicalOperator* node) const {
    const OperatorStats* st = Find(node);
    const uint64_t loops = st == nullptr || st->loops == 0 ? 1 : st->loops;
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.0f", static_cast<double>(total) / static_cast<double>(loops));
    return buf;
  }
  // " (actual time=a..b rows=n loops=l)", PostgreSQL's EXPLAIN ANALYZE annotation: averages
  // over the loops.
  std::string Actual(const LogicalOperator* node) const {
    if (stats_ == nullptr) return "";
    const OperatorStats* st = Find(node);
    if (st == nullptr || st->loops == 0) return " (never executed)";
    const double loops = static_cast<double>(st->loops);
    char buf[160];
    if (timing_) {
      std::snprintf(buf, sizeof(buf), " (actual time=%.3f..%.3f rows=%.0f loops=%llu)",
                    st->first_ms / loops, st->total_ms / loops,
                    static_cast<double>(st->rows) / loops,
                    static_cast<unsigned long long>(st->loops));
    } else {
      std::snprintf(buf, sizeof(buf), " (actual rows=%.0f loops=%llu)",
                    static_cast<double>(st->rows) / loops,
                    static_cast<unsigned long long>(st->loops));
    }
    return buf;
  }
  // Under a primary-key index scan: how the table's storage searches keys.
  void KeyIndexProperties(const LogicalOperator& get, Node* n) {
    if (get.index != nullptr || !describe_key_index_) return;
    for (std::string& p : describe_key_index_(*get.table)) n->tail.push_back(std::move(p));
  }

  const PlanStats* stats_;
  bool timing_;
  const KeyIndexDescriber& describe_key_index_;
  Numbering* numbering_;
  bool qualify_;
  std::vector<std::string> outer_names_;  // the enclosing query's values kOuterRef reads
  std::vector<std::pair<std::string, Node>> pending_init_, pending_sub_;
  std::unordered_map<const BoundExpr*, std::string> subquery_text_;
};

Node PrintRoot(const LogicalOperator& plan, const PlanStats* stats, bool timing,
               const KeyIndexDescriber& describe_key_index, Numbering* numbering) {
  Printer printer(stats, timing, describe_key_index, numbering,
                  Printer::ReadsSeveralRelations(plan), {});
  Names names;
  return printer.Print(plan, &names);
}

}  // namespace

std::vector<std::string> ExplainPlan(const LogicalOperator& plan, const PlanStats* stats,
                                     bool timing, const KeyIndexDescriber& describe_key_index) {
  Numbering numbering;
  Node root = PrintRoot(plan, stats, timing, describe_key_index, &numbering);
  std::vector<std::string> lines;
  Render(root, 0, &lines);
  return lines;
}

std::vector<std::string> ExplainModify(const std::string& head, const LogicalOperator* plan,
                                       const PlanStats* stats, bool timing,
                                       const KeyIndexDescriber& describe_key_index) {
  Node root;
  root.label = head;
  if (plan == nullptr) {
    Node result;
    result.label = stats == nullptr ? "Result"
                   : timing         ? "Result (actual time=0.000..0.000 rows=1 loops=1)"
                                    : "Result (actual rows=1 loops=1)";
    root.children.push_back(std::move(result));
  } else {
    Numbering numbering;
    root.children.push_back(PrintRoot(*plan, stats, timing, describe_key_index, &numbering));
  }
  std::vector<std::string> lines;
  Render(root, 0, &lines);
  return lines;
}

}  // namespace omendb::sql
