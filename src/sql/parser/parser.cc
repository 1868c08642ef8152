// The only translation unit that sees libpg_query's protobuf tree (it is large to compile).
#include "sql/parser/parser.h"

#include <pg_query.h>

#include <cctype>
#include <limits>
#include <google/protobuf/io/coded_stream.h>

#include "common/stack_guard.h"
#include "pg_query.pb.h"
#include "types/datetime.h"
#include "types/numeric.h"

namespace omendb::sql {
namespace {

using pg_query::Node;

// Deepest expression nesting accepted. PostgreSQL 15 (2 MB max_stack_depth) takes a few
// thousand; 12,000 levels were measured to run safely on an 8 MB thread stack.
constexpr int kMaxNesting = 5000;
// Protobuf nesting levels needed for kMaxNesting expression levels (a few per level).
constexpr int kMaxTreeDepth = 8 * kMaxNesting;

Status Unsupported(const std::string& what, int location = -1) {
  Status s = NotSupported(what);
  if (location >= 0) s.WithPosition(location);
  return s;
}

Status SyntaxError(const std::string& message, int location) {
  return Status(sqlstate::kSyntaxError, message).WithPosition(location);
}

// Maps a PostgreSQL type name to an OmenDB type.
// The last part of a type's name ("int4" for pg_catalog.int4).
std::string TypeNameOf(const pg_query::TypeName& tn) {
  std::string name;
  for (const Node& n : tn.names()) {
    if (n.has_string()) name = n.string().sval();
  }
  return name;
}

bool IsRegclass(const pg_query::TypeName& tn) {
  return TypeNameOf(tn) == "regclass" && tn.array_bounds_size() == 0;
}

// The integer type modifiers of `tn` ("varchar(10)" -> {10}).
Result<std::vector<int>> TypeModifiers(const pg_query::TypeName& tn) {
  std::vector<int> mods;
  for (const Node& m : tn.typmods()) {
    if (!m.has_a_const() || !m.a_const().has_ival()) {
      return SyntaxError("type modifiers must be simple constants or identifiers", tn.location());
    }
    mods.push_back(m.a_const().ival().ival());
  }
  return mods;
}

Status InvalidModifier(std::string message, int location) {
  return Status(sqlstate::kInvalidParameterValue, std::move(message)).WithPosition(location);
}

Result<LogicalType> TransformTypeName(const pg_query::TypeName& tn) {
  std::string name;
  for (const Node& n : tn.names()) {
    if (n.has_string()) name = n.string().sval();  // the last part, after "pg_catalog."
  }
  if (tn.array_bounds_size() > 0) return Unsupported("array types", tn.location());
  std::vector<int> mods;
  OMEN_ASSIGN_OR_RETURN(mods, TypeModifiers(tn));
  static const std::pair<const char*, TypeId> kNames[] = {
      {"bool", TypeId::kBoolean},      {"boolean", TypeId::kBoolean},
      {"int2", TypeId::kSmallInt},     {"smallint", TypeId::kSmallInt},
      {"int4", TypeId::kInteger},      {"integer", TypeId::kInteger},
      {"int", TypeId::kInteger},       {"int8", TypeId::kBigInt},
      {"bigint", TypeId::kBigInt},     {"float4", TypeId::kReal},
      {"real", TypeId::kReal},         {"float8", TypeId::kDouble},
      {"numeric", TypeId::kNumeric},   {"decimal", TypeId::kNumeric},
      {"text", TypeId::kText},         {"varchar", TypeId::kVarchar},
      {"bpchar", TypeId::kChar},       {"bytea", TypeId::kBytea},
      {"date", TypeId::kDate},         {"time", TypeId::kTime},
      {"timestamp", TypeId::kTimestamp}, {"timestamptz", TypeId::kTimestampTz},
      {"interval", TypeId::kInterval}, {"uuid", TypeId::kUuid},
  };
  TypeId id = TypeId::kInvalid;
  for (const auto& [n, t] : kNames) {
    if (name == n) id = t;
  }
  if (id == TypeId::kInvalid) {
    static const char* kKnownLater[] = {"json", "jsonb", "timetz", "bit", "varbit", "money",
                                        "inet", "cidr", "macaddr", "xml", "point", "char"};
    for (const char* k : kKnownLater) {
      if (name == k) return Unsupported("type " + name, tn.location());
    }
    return Status(sqlstate::kUndefinedObject, "type \"" + name + "\" does not exist")
        .WithPosition(tn.location());
  }
  if (mods.empty()) return LogicalType(id);
  const int loc = tn.location();
  switch (id) {
    case TypeId::kVarchar:
    case TypeId::kChar: {
      const char* pg = id == TypeId::kVarchar ? "varchar" : "char";
      if (mods.size() != 1) return InvalidModifier(std::string("invalid type modifier"), loc);
      if (mods[0] < 1) {
        return InvalidModifier(std::string("length for type ") + pg + " must be at least 1", loc);
      }
      if (mods[0] > 10485760) {
        return InvalidModifier(std::string("length for type ") + pg + " cannot exceed 10485760", loc);
      }
      return id == TypeId::kVarchar ? LogicalType::Varchar(mods[0]) : LogicalType::Char(mods[0]);
    }
    case TypeId::kNumeric: {
      if (mods.size() > 2) return InvalidModifier("invalid NUMERIC type modifier", loc);
      int precision = mods[0], scale = mods.size() > 1 ? mods[1] : 0;
      if (precision < 1 || precision > 1000) {
        return InvalidModifier("NUMERIC precision " + std::to_string(precision) +
                                   " must be between 1 and 1000", loc);
      }
      if (scale < -1000 || scale > 1000) {
        return InvalidModifier("NUMERIC scale " + std::to_string(scale) +
                                   " must be between -1000 and 1000", loc);
      }
      return LogicalType::Numeric(precision, scale);
    }
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: {
      const char* label = id == TypeId::kTime ? "TIME" : "TIMESTAMP";
      const char* suffix = id == TypeId::kTimestampTz ? " WITH TIME ZONE" : "";
      if (mods.size() != 1) return InvalidModifier("invalid type modifier", loc);
      if (mods[0] < 0) {
        return InvalidModifier(std::string(label) + "(" + std::to_string(mods[0]) + ")" + suffix +
                                   " precision must not be negative", loc);
      }
      // PostgreSQL reduces a larger precision to 6 with a warning.
      return LogicalType(id, std::min(mods[0], 6));
    }
    case TypeId::kInterval: {
      Result<int32_t> typmod = IntervalTypmod(mods);
      if (!typmod.ok()) return Status(typmod.status()).WithPosition(loc);
      return LogicalType(id, *typmod);
    }
    default:
      return Status(sqlstate::kSyntaxError,
                    "type modifier is not allowed for type \"" + name + "\"").WithPosition(loc);
  }
}

ParsedExprPtr MakeExpr(ParsedExpr::Kind kind, int location) {
  auto e = std::make_unique<ParsedExpr>();
  e->kind = kind;
  e->location = location;
  return e;
}

Result<ParsedExprPtr> TransformExpr(const Node& node);

// The items of an ORDER BY (of a query or a window).
template <typename Nodes>
Status TransformSortClause(const Nodes& clause, std::vector<ParsedOrderItem>* out) {
  for (const Node& n : clause) {
    const auto& sb = n.sort_by();
    if (sb.sortby_dir() == pg_query::SORTBY_USING) return Unsupported("ORDER BY ... USING", sb.location());
    ParsedOrderItem item;
    OMEN_ASSIGN_OR_RETURN(item.expr, TransformExpr(sb.node()));
    item.descending = sb.sortby_dir() == pg_query::SORTBY_DESC;
    if (sb.sortby_nulls() == pg_query::SORTBY_NULLS_FIRST) item.nulls_first = true;
    if (sb.sortby_nulls() == pg_query::SORTBY_NULLS_LAST) item.nulls_first = false;
    out->push_back(std::move(item));
  }
  return Status::OK();
}

// OVER (...): partition, order and a ROWS or RANGE frame whose offsets are integer constants.
Result<std::shared_ptr<ParsedWindow>> TransformWindow(const pg_query::WindowDef& w) {
  if (!w.name().empty() || !w.refname().empty()) return Unsupported("named windows", w.location());
  auto out = std::make_shared<ParsedWindow>();
  for (const Node& p : w.partition_clause()) {
    ParsedExprPtr e;
    OMEN_ASSIGN_OR_RETURN(e, TransformExpr(p));
    out->partition.push_back(std::move(e));
  }
  OMEN_RETURN_IF_ERROR(TransformSortClause(w.order_clause(), &out->order));
  // PostgreSQL's FRAMEOPTION_* bits.
  const int f = w.frame_options();
  constexpr int kNonDefault = 0x1, kRange = 0x2, kRows = 0x4, kGroups = 0x8;
  constexpr int kStartUnboundedPreceding = 0x20, kEndUnboundedFollowing = 0x100;
  constexpr int kStartCurrentRow = 0x200, kEndCurrentRow = 0x400;
  constexpr int kStartOffsetPreceding = 0x800, kEndOffsetPreceding = 0x1000;
  constexpr int kStartOffsetFollowing = 0x2000, kEndOffsetFollowing = 0x4000;
  constexpr int kExclusions = 0x8000 | 0x10000 | 0x20000;
  if (!(f & kNonDefault)) return out;
  if (f & kGroups) return Unsupported("GROUPS frames", w.location());
  if (f & kExclusions) return Unsupported("frame exclusions", w.location());
  out->rows = (f & kRows) != 0;
  (void)kRange;
  bool offsets = f & (kStartOffsetPreceding | kEndOffsetPreceding | kStartOffsetFollowing |
                      kEndOffsetFollowing);
  if (offsets && !out->rows) return Unsupported("RANGE frames with offsets", w.location());
  auto offset_of = [&](const Node& n, int64_t* v) -> Status {
    if (!n.has_a_const() || !n.a_const().has_ival() || n.a_const().ival().ival() < 0) {
      return Unsupported("frame offsets other than non-negative integer constants", w.location());
    }
    *v = n.a_const().ival().ival();
    return Status::OK();
  };
  using B = ParsedWindow::Bound;
  if (f & kStartUnboundedPreceding) {
    out->start = B::kUnboundedPreceding;
  } else if (f & kStartCurrentRow) {
    out->start = B::kCurrentRow;
  } else if (f & kStartOffsetPreceding) {
    out->start = B::kOffsetPreceding;
    OMEN_RETURN_IF_ERROR(offset_of(w.start_offset(), &out->start_offset));
  } else if (f & kStartOffsetFollowing) {
    out->start = B::kOffsetFollowing;
    OMEN_RETURN_IF_ERROR(offset_of(w.start_offset(), &out->start_offset));
  }
  if (f & kEndUnboundedFollowing) {
    out->end = B::kUnboundedFollowing;
  } else if (f & kEndCurrentRow) {
    out->end = B::kCurrentRow;
  } else if (f & kEndOffsetPreceding) {
    out->end = B::kOffsetPreceding;
    OMEN_RETURN_IF_ERROR(offset_of(w.end_offset(), &out->end_offset));
  } else if (f & kEndOffsetFollowing) {
    out->end = B::kOffsetFollowing;
    OMEN_RETURN_IF_ERROR(offset_of(w.end_offset(), &out->end_offset));
  }
  return out;
}


// A SELECT or RETURNING list.
Result<std::vector<ParsedSelectItem>> TransformTargetList(
    const google::protobuf::RepeatedPtrField<Node>& list) {
  std::vector<ParsedSelectItem> items;
  for (const Node& t : list) {
    const auto& rt = t.res_target();
    ParsedSelectItem item;
    OMEN_ASSIGN_OR_RETURN(item.expr, TransformExpr(rt.val()));
    item.alias = rt.name();
    items.push_back(std::move(item));
  }
  return items;
}

Result<std::unique_ptr<ParsedSelect>> TransformSelect(const pg_query::SelectStmt& s);

Result<ParsedExprPtr> TransformConst(const pg_query::A_Const& c) {
  auto e = MakeExpr(ParsedExpr::Kind::kConstant, c.location());
  if (c.isnull()) {
    e->constant = Value();
  } else if (c.has_ival()) {
    e->constant = Value::Integer(c.ival().ival());
  } else if (c.has_fval()) {
    // Integers outside int4's positive range arrive as Float (the sign is folded in later);
    // PostgreSQL types them int4 if they fit (-2147483648), else int8 if they fit.
    const std::string& s = c.fval().fval();
    bool integral = s.find_first_of(".eE") == std::string::npos;
    if (integral) {
      errno = 0;
      char* end = nullptr;
      long long v = std::strtoll(s.c_str(), &end, 10);
      if (errno == 0 && end && *end == '\0') {
        bool int4 = v >= INT32_MIN && v <= INT32_MAX;
        e->constant = int4 ? Value::Integer(static_cast<int32_t>(v)) : Value::BigInt(v);
        return e;
      }
    }
    Result<Numeric> n = Numeric::Parse(s);
    if (!n.ok()) return std::move(n).status();
    e->constant = Value::String(TypeId::kNumeric, n->ToString());
  } else if (c.has_boolval()) {
    e->constant = Value::Boolean(c.boolval().boolval());
  } else if (c.has_sval()) {
    e->constant = Value::Unknown(c.sval().sval());
  } else {
    return Unsupported("bit-string constants", c.location());
  }
  return e;
}

std::string OperatorName(const pg_query::A_Expr& a) {
  std::string op;
  for (const Node& n : a.name()) {
    if (n.has_string()) op = n.string().sval();
  }
  return op;
}

ParsedExprPtr MakeBinary(std::string op, ParsedExprPtr l, ParsedExprPtr r, int location) {
  auto e = MakeExpr(ParsedExpr::Kind::kOperator, location);
  e->op = std::move(op);
  e->args.push_back(std::move(l));
  e->args.push_back(std::move(r));
  return e;
}

// Row constructors compared element by element, as PostgreSQL defines it: = is the AND of the
// pairs' equalities, <> the OR of their inequalities, IS [NOT] DISTINCT FROM likewise, and
// < <= > >= compare lexicographically (the first pair that is unequal or NULL decides):
// l1 < r1 OR (l1 = r1 AND (l2 < r2 OR ...)). Elements may be evaluated more than once.
using NodeList = google::protobuf::RepeatedPtrField<Node>;

ParsedExprPtr Combine(ParsedExpr::Kind kind, std::vector<ParsedExprPtr> parts, int location) {
  if (parts.size() == 1) return std::move(parts[0]);
  auto e = MakeExpr(kind, location);
  e->args = std::move(parts);
  return e;
}

Result<ParsedExprPtr> TransformRowComparison(const std::string& op, const NodeList& l,
                                             const NodeList& r, int location) {
  if (l.size() != r.size()) {
    return Status(sqlstate::kSyntaxError, "unequal number of entries in row expressions");
  }
  if (l.empty()) return Unsupported("comparisons of empty rows", location);
  auto pair = [&](const std::string& o, int i) -> Result<ParsedExprPtr> {
    ParsedExprPtr a, b;
    OMEN_ASSIGN_OR_RETURN(a, TransformExpr(l[i]));
    OMEN_ASSIGN_OR_RETURN(b, TransformExpr(r[i]));
    return MakeBinary(o, std::move(a), std::move(b), location);
  };
  if (op == "=" || op == "<>") {
    std::vector<ParsedExprPtr> parts;
    for (int i = 0; i < l.size(); ++i) {
      ParsedExprPtr p;
      OMEN_ASSIGN_OR_RETURN(p, pair(op, i));
      parts.push_back(std::move(p));
    }
    return Combine(op == "=" ? ParsedExpr::Kind::kAnd : ParsedExpr::Kind::kOr, std::move(parts),
                   location);
  }
  if (op != "<" && op != "<=" && op != ">" && op != ">=") {
    return Unsupported("operator " + op + " on row constructors", location);
  }
  const std::string strict = op.substr(0, 1);
  ParsedExprPtr acc;
  OMEN_ASSIGN_OR_RETURN(acc, pair(op, l.size() - 1));
  for (int i = l.size() - 2; i >= 0; --i) {
    ParsedExprPtr less, equal;
    OMEN_ASSIGN_OR_RETURN(less, pair(strict, i));
    OMEN_ASSIGN_OR_RETURN(equal, pair("=", i));
    std::vector<ParsedExprPtr> both;
    both.push_back(std::move(equal));
    both.push_back(std::move(acc));
    std::vector<ParsedExprPtr> either;
    either.push_back(std::move(less));
    either.push_back(Combine(ParsedExpr::Kind::kAnd, std::move(both), location));
    acc = Combine(ParsedExpr::Kind::kOr, std::move(either), location);
  }
  return acc;
}

Result<ParsedExprPtr> TransformRowDistinct(bool negated, const NodeList& l, const NodeList& r,
                                           int location) {
  if (l.size() != r.size()) {
    return Status(sqlstate::kSyntaxError, "unequal number of entries in row expressions");
  }
  if (l.empty()) return Unsupported("IS DISTINCT FROM of empty rows", location);
  std::vector<ParsedExprPtr> parts;
  for (int i = 0; i < l.size(); ++i) {
    auto e = MakeExpr(ParsedExpr::Kind::kDistinctFrom, location);
    e->negated = negated;
    ParsedExprPtr a, b;
    OMEN_ASSIGN_OR_RETURN(a, TransformExpr(l[i]));
    OMEN_ASSIGN_OR_RETURN(b, TransformExpr(r[i]));
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    parts.push_back(std::move(e));
  }
  // Distinct when any pair is; not distinct when every pair is not.
  return Combine(negated ? ParsedExpr::Kind::kAnd : ParsedExpr::Kind::kOr, std::move(parts),
                 location);
}

// x BETWEEN a AND b is x >= a AND x <= b; NOT BETWEEN is x < a OR x > b (PostgreSQL's own
// rewrite; x is evaluated twice).
Result<ParsedExprPtr> TransformBetween(const pg_query::A_Expr& a) {
  bool negated = a.kind() == pg_query::AEXPR_NOT_BETWEEN || a.kind() == pg_query::AEXPR_NOT_BETWEEN_SYM;
  if (a.kind() == pg_query::AEXPR_BETWEEN_SYM || a.kind() == pg_query::AEXPR_NOT_BETWEEN_SYM) {
    // x BETWEEN SYMMETRIC a AND b: x BETWEEN a AND b OR x BETWEEN b AND a (NOT: both fail).
    pg_query::A_Expr forward = a, backward = a;
    forward.set_kind(negated ? pg_query::AEXPR_NOT_BETWEEN : pg_query::AEXPR_BETWEEN);
    backward.set_kind(forward.kind());
    auto* items = backward.mutable_rexpr()->mutable_list()->mutable_items();
    if (items->size() != 2) return InternalError("malformed BETWEEN");
    items->SwapElements(0, 1);
    auto e = MakeExpr(negated ? ParsedExpr::Kind::kAnd : ParsedExpr::Kind::kOr, a.location());
    ParsedExprPtr f, b;
    OMEN_ASSIGN_OR_RETURN(f, TransformBetween(forward));
    OMEN_ASSIGN_OR_RETURN(b, TransformBetween(backward));
    e->args.push_back(std::move(f));
    e->args.push_back(std::move(b));
    return e;
  }
  const auto& bounds = a.rexpr().list().items();
  if (bounds.size() != 2) return InternalError("malformed BETWEEN");
  ParsedExprPtr x1, x2, lo, hi;
  OMEN_ASSIGN_OR_RETURN(x1, TransformExpr(a.lexpr()));
  OMEN_ASSIGN_OR_RETURN(x2, TransformExpr(a.lexpr()));
  OMEN_ASSIGN_OR_RETURN(lo, TransformExpr(bounds[0]));
  OMEN_ASSIGN_OR_RETURN(hi, TransformExpr(bounds[1]));
  auto e = MakeExpr(negated ? ParsedExpr::Kind::kOr : ParsedExpr::Kind::kAnd, a.location());
  e->args.push_back(MakeBinary(negated ? "<" : ">=", std::move(x1), std::move(lo), a.location()));
  e->args.push_back(MakeBinary(negated ? ">" : "<=", std::move(x2), std::move(hi), a.location()));
  return e;
}

Result<ParsedExprPtr> TransformArgs(ParsedExprPtr e, const pg_query::Node& first,
                                    const google::protobuf::RepeatedPtrField<Node>& rest) {
  ParsedExprPtr a;
  OMEN_ASSIGN_OR_RETURN(a, TransformExpr(first));
  e->args.push_back(std::move(a));
  for (const Node& n : rest) {
    OMEN_ASSIGN_OR_RETURN(a, TransformExpr(n));
    e->args.push_back(std::move(a));
  }
  return e;
}

Result<ParsedExprPtr> TransformAExpr(const pg_query::A_Expr& a) {
  static const google::protobuf::RepeatedPtrField<Node> kNone;
  switch (a.kind()) {
    case pg_query::AEXPR_BETWEEN:
    case pg_query::AEXPR_NOT_BETWEEN:
    case pg_query::AEXPR_BETWEEN_SYM:
    case pg_query::AEXPR_NOT_BETWEEN_SYM:
      return TransformBetween(a);
    case pg_query::AEXPR_IN: {
      auto e = MakeExpr(ParsedExpr::Kind::kIn, a.location());
      e->negated = OperatorName(a) == "<>";
      if (!a.rexpr().has_list()) return Unsupported("IN with a subquery", a.location());
      if (a.lexpr().has_row_expr()) {
        // (a, b) IN ((1, 2), ...): the OR of row equalities (NOT IN: NOT of that).
        std::vector<ParsedExprPtr> parts;
        for (const Node& item : a.rexpr().list().items()) {
          if (!item.has_row_expr()) return Unsupported("IN of a row and a non-row", a.location());
          ParsedExprPtr p;
          OMEN_ASSIGN_OR_RETURN(p, TransformRowComparison("=", a.lexpr().row_expr().args(),
                                                          item.row_expr().args(), a.location()));
          parts.push_back(std::move(p));
        }
        ParsedExprPtr any = Combine(ParsedExpr::Kind::kOr, std::move(parts), a.location());
        if (!e->negated) return any;
        auto n = MakeExpr(ParsedExpr::Kind::kNot, a.location());
        n->args.push_back(std::move(any));
        return n;
      }
      return TransformArgs(std::move(e), a.lexpr(), a.rexpr().list().items());
    }
    case pg_query::AEXPR_DISTINCT:
    case pg_query::AEXPR_NOT_DISTINCT: {
      if (a.lexpr().has_row_expr() && a.rexpr().has_row_expr()) {
        return TransformRowDistinct(a.kind() == pg_query::AEXPR_NOT_DISTINCT,
                                    a.lexpr().row_expr().args(), a.rexpr().row_expr().args(),
                                    a.location());
      }
      auto e = MakeExpr(ParsedExpr::Kind::kDistinctFrom, a.location());
      e->negated = a.kind() == pg_query::AEXPR_NOT_DISTINCT;
      google::protobuf::RepeatedPtrField<Node> right;
      *right.Add() = a.rexpr();
      return TransformArgs(std::move(e), a.lexpr(), right);
    }
    case pg_query::AEXPR_NULLIF: {
      auto e = MakeExpr(ParsedExpr::Kind::kNullIf, a.location());
      google::protobuf::RepeatedPtrField<Node> right;
      *right.Add() = a.rexpr();
      return TransformArgs(std::move(e), a.lexpr(), right);
    }
    case pg_query::AEXPR_LIKE:
    case pg_query::AEXPR_ILIKE: {
      auto e = MakeExpr(ParsedExpr::Kind::kLike, a.location());
      std::string op = OperatorName(a);
      e->negated = op[0] == '!';
      e->case_insensitive = a.kind() == pg_query::AEXPR_ILIKE;
      OMEN_ASSIGN_OR_RETURN(e, TransformArgs(std::move(e), a.lexpr(), kNone));
      // "x LIKE p ESCAPE e" arrives as x ~~ like_escape(p, e).
      const Node& r = a.rexpr();
      if (r.has_func_call() && r.func_call().funcname_size() > 0 &&
          r.func_call().funcname(r.func_call().funcname_size() - 1).string().sval() == "like_escape" &&
          r.func_call().args_size() == 2) {
        for (const Node& n : r.func_call().args()) {
          ParsedExprPtr p;
          OMEN_ASSIGN_OR_RETURN(p, TransformExpr(n));
          e->args.push_back(std::move(p));
        }
        return e;
      }
      ParsedExprPtr p;
      OMEN_ASSIGN_OR_RETURN(p, TransformExpr(r));
      e->args.push_back(std::move(p));
      return e;
    }
    default:
      break;
  }
  if (a.kind() != pg_query::AEXPR_OP) {
    static const char* kNames[] = {"", "", "ANY/SOME", "ALL", "IS DISTINCT FROM",
                                   "IS NOT DISTINCT FROM", "NULLIF", "IN lists", "LIKE", "ILIKE",
                                   "SIMILAR TO", "BETWEEN", "NOT BETWEEN", "BETWEEN SYMMETRIC",
                                   "NOT BETWEEN SYMMETRIC"};
    int k = static_cast<int>(a.kind());
    std::string what = (k >= 0 && k < 15) ? kNames[k] : "this expression";
    return Unsupported(what, a.location());
  }
  const std::string name = OperatorName(a);
  if (a.has_lexpr() && a.lexpr().has_row_expr() && a.rexpr().has_row_expr()) {
    return TransformRowComparison(name, a.lexpr().row_expr().args(), a.rexpr().row_expr().args(),
                                  a.location());
  }
  if ((name == "~~" || name == "!~~" || name == "~~*" || name == "!~~*") && a.has_lexpr()) {
    // The operator spellings of [NOT] [I]LIKE.
    auto e = MakeExpr(ParsedExpr::Kind::kLike, a.location());
    e->negated = name[0] == '!';
    e->case_insensitive = name.back() == '*';
    google::protobuf::RepeatedPtrField<Node> right;
    *right.Add() = a.rexpr();
    return TransformArgs(std::move(e), a.lexpr(), right);
  }
  auto e = MakeExpr(ParsedExpr::Kind::kOperator, a.location());
  e->op = name;
  if (a.has_lexpr()) {
    ParsedExprPtr l;
    OMEN_ASSIGN_OR_RETURN(l, TransformExpr(a.lexpr()));
    e->args.push_back(std::move(l));
  }
  if (!a.has_rexpr()) return Unsupported("postfix operators", a.location());
  ParsedExprPtr r;
  OMEN_ASSIGN_OR_RETURN(r, TransformExpr(a.rexpr()));
  e->args.push_back(std::move(r));
  return e;
}

Result<ParsedExprPtr> TransformExpr(const Node& node) {
  OMEN_RETURN_IF_ERROR(CheckStackDepth());
  switch (node.node_case()) {
    case Node::kAConst:
      return TransformConst(node.a_const());
    case Node::kColumnRef: {
      const auto& ref = node.column_ref();
      bool star = false;
      std::vector<std::string> names;
      for (const Node& f : ref.fields()) {
        if (f.has_a_star()) {
          star = true;
        } else if (f.has_string()) {
          names.push_back(f.string().sval());
        }
      }
      auto e = MakeExpr(star ? ParsedExpr::Kind::kStar : ParsedExpr::Kind::kColumnRef,
                        ref.location());
      if (names.size() > (star ? 1u : 2u)) {
        return Unsupported("schema- or database-qualified column references", ref.location());
      }
      e->names = std::move(names);
      return e;
    }
    case Node::kAExpr:
      return TransformAExpr(node.a_expr());
    case Node::kBoolExpr: {
      const auto& b = node.bool_expr();
      ParsedExpr::Kind kind = b.boolop() == pg_query::AND_EXPR  ? ParsedExpr::Kind::kAnd
                              : b.boolop() == pg_query::OR_EXPR ? ParsedExpr::Kind::kOr
                                                                : ParsedExpr::Kind::kNot;
      auto e = MakeExpr(kind, b.location());
      for (const Node& arg : b.args()) {
        ParsedExprPtr a;
        OMEN_ASSIGN_OR_RETURN(a, TransformExpr(arg));
        e->args.push_back(std::move(a));
      }
      return e;
    }
    case Node::kNullTest: {
      const auto& t = node.null_test();
      if (t.arg().has_row_expr()) {
        // A row IS NULL when every element is, IS NOT NULL when every element is not.
        std::vector<ParsedExprPtr> parts;
        for (const Node& item : t.arg().row_expr().args()) {
          auto e = MakeExpr(t.nulltesttype() == pg_query::IS_NULL ? ParsedExpr::Kind::kIsNull
                                                                   : ParsedExpr::Kind::kIsNotNull,
                            t.location());
          ParsedExprPtr a;
          OMEN_ASSIGN_OR_RETURN(a, TransformExpr(item));
          e->args.push_back(std::move(a));
          parts.push_back(std::move(e));
        }
        if (parts.empty()) return Unsupported("IS NULL of an empty row", t.location());
        return Combine(ParsedExpr::Kind::kAnd, std::move(parts), t.location());
      }
      auto e = MakeExpr(t.nulltesttype() == pg_query::IS_NULL ? ParsedExpr::Kind::kIsNull
                                                               : ParsedExpr::Kind::kIsNotNull,
                        t.location());
      ParsedExprPtr a;
      OMEN_ASSIGN_OR_RETURN(a, TransformExpr(t.arg()));
      e->args.push_back(std::move(a));
      return e;
    }
    case Node::kTypeCast: {
      const auto& c = node.type_cast();
      auto e = MakeExpr(ParsedExpr::Kind::kCast, c.location());
      if (IsRegclass(c.type_name()) && c.arg().has_a_const() && c.arg().a_const().has_sval()) {
        // 'name'::regclass (as in nextval('s'::regclass)): the relation's name, resolved by
        // the function that takes it.
        return TransformExpr(c.arg());
      }
      OMEN_ASSIGN_OR_RETURN(e->cast_type, TransformTypeName(c.type_name()));
      ParsedExprPtr a;
      OMEN_ASSIGN_OR_RETURN(a, TransformExpr(c.arg()));
      e->args.push_back(std::move(a));
      return e;
    }
    case Node::kFuncCall: {
      const auto& f = node.func_call();
      if (f.agg_within_group()) return Unsupported("WITHIN GROUP", f.location());
      if (f.func_variadic()) return Unsupported("VARIADIC", f.location());
      std::vector<std::string> names;
      for (const Node& n : f.funcname()) names.push_back(n.string().sval());
      if (names.size() > 1 && names[0] != "pg_catalog") {
        return Unsupported("schema-qualified functions", f.location());
      }
      auto e = MakeExpr(ParsedExpr::Kind::kFunction, f.location());
      e->names = {names.back()};
      e->star = f.agg_star();
      e->distinct = f.agg_distinct();
      for (const Node& a : f.args()) {
        ParsedExprPtr p;
        OMEN_ASSIGN_OR_RETURN(p, TransformExpr(a));
        e->args.push_back(std::move(p));
      }
      OMEN_RETURN_IF_ERROR(TransformSortClause(f.agg_order(), &e->agg_order));
      if (f.has_agg_filter()) {
        // agg(x) FILTER (WHERE c) is agg(CASE WHEN c THEN x END): every aggregate skips NULLs.
        e->filtered = true;
        if (e->star) {
          e->star = false;
          auto one = MakeExpr(ParsedExpr::Kind::kConstant, f.location());
          one->constant = Value::Integer(1);
          e->args.push_back(std::move(one));
        }
        if (e->args.empty()) return Unsupported("FILTER on a call without arguments", f.location());
        auto when = MakeExpr(ParsedExpr::Kind::kCase, f.location());
        ParsedExprPtr cond;
        OMEN_ASSIGN_OR_RETURN(cond, TransformExpr(f.agg_filter()));
        when->args.push_back(std::move(cond));
        when->args.push_back(std::move(e->args[0]));
        e->args[0] = std::move(when);
      }
      if (f.has_over()) {
        OMEN_ASSIGN_OR_RETURN(e->over, TransformWindow(f.over()));
      }
      return e;
    }
    case Node::kSubLink: {
      const auto& l = node.sub_link();
      auto e = MakeExpr(ParsedExpr::Kind::kSubquery, l.location());
      switch (l.sub_link_type()) {
        case pg_query::EXPR_SUBLINK: e->subquery_kind = ParsedExpr::SubqueryKind::kScalar; break;
        case pg_query::EXISTS_SUBLINK: e->subquery_kind = ParsedExpr::SubqueryKind::kExists; break;
        case pg_query::ANY_SUBLINK:
        case pg_query::ALL_SUBLINK: {
          // x IN (subquery) is ANY with "=" (no operator name); x op ANY/ALL (subquery).
          std::string op;
          for (const Node& n : l.oper_name()) op = n.string().sval();
          e->op = op.empty() ? "=" : op;
          e->all = l.sub_link_type() == pg_query::ALL_SUBLINK;
          e->subquery_kind = ParsedExpr::SubqueryKind::kIn;
          ParsedExprPtr test;
          OMEN_ASSIGN_OR_RETURN(test, TransformExpr(l.testexpr()));
          e->args.push_back(std::move(test));
          break;
        }
        default:
          return Unsupported("this kind of subquery", l.location());
      }
      std::unique_ptr<ParsedSelect> select;
      OMEN_ASSIGN_OR_RETURN(select, TransformSelect(l.subselect().select_stmt()));
      e->subquery = std::shared_ptr<ParsedSelect>(std::move(select));
      return e;
    }
    case Node::kCaseExpr: {
      const auto& c = node.case_expr();
      auto e = MakeExpr(ParsedExpr::Kind::kCase, c.location());
      ParsedExprPtr p;
      if (c.has_arg()) {
        e->has_case_operand = true;
        OMEN_ASSIGN_OR_RETURN(p, TransformExpr(c.arg()));
        e->args.push_back(std::move(p));
      }
      for (const Node& w : c.args()) {
        OMEN_ASSIGN_OR_RETURN(p, TransformExpr(w.case_when().expr()));
        e->args.push_back(std::move(p));
        OMEN_ASSIGN_OR_RETURN(p, TransformExpr(w.case_when().result()));
        e->args.push_back(std::move(p));
      }
      if (c.has_defresult()) {
        e->has_else = true;
        OMEN_ASSIGN_OR_RETURN(p, TransformExpr(c.defresult()));
        e->args.push_back(std::move(p));
      }
      return e;
    }
    case Node::kCoalesceExpr: {
      const auto& c = node.coalesce_expr();
      auto e = MakeExpr(ParsedExpr::Kind::kCoalesce, c.location());
      for (const Node& n : c.args()) {
        ParsedExprPtr p;
        OMEN_ASSIGN_OR_RETURN(p, TransformExpr(n));
        e->args.push_back(std::move(p));
      }
      return e;
    }
    case Node::kMinMaxExpr: {
      const auto& m = node.min_max_expr();
      auto e = MakeExpr(m.op() == pg_query::IS_GREATEST ? ParsedExpr::Kind::kGreatest
                                                        : ParsedExpr::Kind::kLeast,
                        m.location());
      for (const Node& n : m.args()) {
        ParsedExprPtr p;
        OMEN_ASSIGN_OR_RETURN(p, TransformExpr(n));
        e->args.push_back(std::move(p));
      }
      return e;
    }
    case Node::kBooleanTest: {
      const auto& b = node.boolean_test();
      auto e = MakeExpr(ParsedExpr::Kind::kBoolTest, b.location());
      using BT = ParsedExpr::BoolTest;
      switch (b.booltesttype()) {
        case pg_query::IS_TRUE: e->bool_test = BT::kIsTrue; break;
        case pg_query::IS_NOT_TRUE: e->bool_test = BT::kIsNotTrue; break;
        case pg_query::IS_FALSE: e->bool_test = BT::kIsFalse; break;
        case pg_query::IS_NOT_FALSE: e->bool_test = BT::kIsNotFalse; break;
        case pg_query::IS_UNKNOWN: e->bool_test = BT::kIsUnknown; break;
        default: e->bool_test = BT::kIsNotUnknown; break;
      }
      ParsedExprPtr p;
      OMEN_ASSIGN_OR_RETURN(p, TransformExpr(b.arg()));
      e->args.push_back(std::move(p));
      return e;
    }
    case Node::kSetToDefault:
      return MakeExpr(ParsedExpr::Kind::kDefault, node.set_to_default().location());
    case Node::kParamRef: {
      auto e = MakeExpr(ParsedExpr::Kind::kParam, node.param_ref().location());
      e->param_number = node.param_ref().number();
      return e;
    }
    case Node::kSqlvalueFunction: {
      // CURRENT_USER and the like: calls of the functions of the same name.
      const auto& f = node.sqlvalue_function();
      const char* name = nullptr;
      switch (f.op()) {
        case pg_query::SVFOP_CURRENT_ROLE: name = "current_role"; break;
        case pg_query::SVFOP_CURRENT_USER: name = "current_user"; break;
        case pg_query::SVFOP_USER: name = "user"; break;
        case pg_query::SVFOP_SESSION_USER: name = "session_user"; break;
        case pg_query::SVFOP_CURRENT_CATALOG: name = "current_catalog"; break;
        case pg_query::SVFOP_CURRENT_SCHEMA: name = "current_schema"; break;
        case pg_query::SVFOP_CURRENT_DATE: name = "current_date"; break;
        case pg_query::SVFOP_CURRENT_TIMESTAMP: name = "now"; break;
        case pg_query::SVFOP_LOCALTIMESTAMP: name = "localtimestamp"; break;
        case pg_query::SVFOP_LOCALTIME: name = "localtime"; break;
        default: return Unsupported("CURRENT_TIME and precisions of date and time values", f.location());
      }
      auto e = MakeExpr(ParsedExpr::Kind::kFunction, f.location());
      e->names = {name};
      return e;
    }
    case Node::kCollateClause:
      return Unsupported("COLLATE", node.collate_clause().location());
    default:
      return Unsupported("this kind of expression");
  }
}

Result<ParsedTableRef> TransformRangeVar(const pg_query::RangeVar& rv) {
  if (!rv.catalogname().empty() && rv.catalogname() != "postgres") {
    return Unsupported("cross-database references", rv.location());
  }
  if (rv.schemaname() == "pg_catalog" || rv.schemaname() == "information_schema") {
    return Unsupported("the system catalogs (pg_catalog, information_schema)", rv.location());
  }
  ParsedTableRef ref;
  ref.schema = rv.schemaname();
  ref.name = rv.relname();
  ref.location = rv.location();
  if (rv.has_alias()) {
    if (rv.alias().colnames_size() > 0) return Unsupported("column aliases in FROM", rv.location());
    ref.alias = rv.alias().aliasname();
  }
  return ref;
}

Result<std::unique_ptr<ParsedFromItem>> TransformFromItem(const Node& n) {
  auto item = std::make_unique<ParsedFromItem>();
  if (n.has_range_var()) {
    item->kind = ParsedFromItem::Kind::kTable;
    OMEN_ASSIGN_OR_RETURN(item->table, TransformRangeVar(n.range_var()));
    item->location = item->table.location;
    return item;
  }
  if (n.has_range_subselect()) {
    const auto& r = n.range_subselect();
    if (r.lateral()) return Unsupported("LATERAL");
    if (!r.has_alias()) {
      return Status(sqlstate::kSyntaxError, "subquery in FROM must have an alias")
          .WithHint("For example, FROM (SELECT ...) [AS] foo.");
    }
    item->kind = ParsedFromItem::Kind::kSubquery;
    item->table.alias = r.alias().aliasname();
    item->table.name = r.alias().aliasname();
    for (const Node& c : r.alias().colnames()) item->column_aliases.push_back(c.string().sval());
    std::unique_ptr<ParsedSelect> sub;
    OMEN_ASSIGN_OR_RETURN(sub, TransformSelect(r.subquery().select_stmt()));
    item->subquery = std::shared_ptr<ParsedSelect>(std::move(sub));
    return item;
  }
  if (n.has_range_function()) {
    const auto& rf = n.range_function();
    if (rf.lateral()) return Unsupported("LATERAL");
    if (rf.ordinality()) return Unsupported("WITH ORDINALITY");
    if (rf.is_rowsfrom() || rf.functions_size() != 1) return Unsupported("ROWS FROM");
    const auto& pair = rf.functions(0).list();
    if (pair.items_size() < 1 || !pair.items(0).has_func_call()) {
      return Unsupported("this function in FROM");
    }
    if (pair.items_size() > 1 && pair.items(1).has_list() && pair.items(1).list().items_size() > 0) {
      return Unsupported("column definition lists");
    }
    item->kind = ParsedFromItem::Kind::kFunction;
    OMEN_ASSIGN_OR_RETURN(item->function, TransformExpr(pair.items(0)));
    item->location = item->function->location;
    if (rf.has_alias()) {
      item->table.alias = rf.alias().aliasname();
      for (const Node& c : rf.alias().colnames()) item->column_aliases.push_back(c.string().sval());
    }
    return item;
  }
  if (!n.has_join_expr()) {
    return Unsupported("this kind of FROM item");
  }
  const auto& j = n.join_expr();
  if (j.has_alias()) return Unsupported("aliases on joins");
  if (j.has_join_using_alias()) return Unsupported("aliases on JOIN ... USING");
  item->natural = j.is_natural();
  for (const Node& c : j.using_clause()) item->using_columns.push_back(c.string().sval());
  bool using_like = item->natural || !item->using_columns.empty();
  item->kind = ParsedFromItem::Kind::kJoin;
  switch (j.jointype()) {
    case pg_query::JOIN_INNER:
      item->join_type = j.has_quals() || using_like ? ParsedFromItem::JoinType::kInner
                                                    : ParsedFromItem::JoinType::kCross;
      break;
    case pg_query::JOIN_LEFT: item->join_type = ParsedFromItem::JoinType::kLeft; break;
    case pg_query::JOIN_RIGHT: item->join_type = ParsedFromItem::JoinType::kRight; break;
    case pg_query::JOIN_FULL: item->join_type = ParsedFromItem::JoinType::kFull; break;
    default: return Unsupported("this join type");
  }
  OMEN_ASSIGN_OR_RETURN(item->left, TransformFromItem(j.larg()));
  OMEN_ASSIGN_OR_RETURN(item->right, TransformFromItem(j.rarg()));
  if (j.has_quals()) {
    OMEN_ASSIGN_OR_RETURN(item->condition, TransformExpr(j.quals()));
    item->location = item->condition->location;
  }
  return item;
}

// ORDER BY, LIMIT and OFFSET of a SELECT (also of a set operation's result).
Status TransformSortAndLimit(const pg_query::SelectStmt& s, ParsedSelect* out) {
  OMEN_RETURN_IF_ERROR(TransformSortClause(s.sort_clause(), &out->order_by));
  if (s.has_limit_count()) {
    OMEN_ASSIGN_OR_RETURN(out->limit, TransformExpr(s.limit_count()));
  }
  if (s.has_limit_offset()) {
    OMEN_ASSIGN_OR_RETURN(out->offset, TransformExpr(s.limit_offset()));
  }
  return Status::OK();
}

// Whether `q` reads a table called `name` in a FROM clause (its own or a nested query's).
bool ReadsTable(const ParsedSelect& q, const std::string& name);

bool ReadsTable(const ParsedFromItem& item, const std::string& name) {
  switch (item.kind) {
    case ParsedFromItem::Kind::kTable: return item.table.name == name;
    case ParsedFromItem::Kind::kSubquery: return ReadsTable(*item.subquery, name);
    case ParsedFromItem::Kind::kJoin:
      return ReadsTable(*item.left, name) || ReadsTable(*item.right, name);
    case ParsedFromItem::Kind::kFunction: return false;
  }
  return false;
}

bool ReadsTable(const ParsedSelect& q, const std::string& name) {
  if (q.left && ReadsTable(*q.left, name)) return true;
  if (q.right && ReadsTable(*q.right, name)) return true;
  return q.from && ReadsTable(*q.from, name);
}

Status TransformWith(const pg_query::SelectStmt& s, ParsedSelect* out) {
  if (!s.has_with_clause()) return Status::OK();
  const auto& w = s.with_clause();
  for (const Node& n : w.ctes()) {
    const auto& c = n.common_table_expr();
    if (!c.ctequery().has_select_stmt()) {
      return Unsupported("data-modifying statements in WITH", c.location());
    }
    ParsedCommonTableExpr cte;
    cte.name = c.ctename();
    for (const Node& a : c.aliascolnames()) cte.column_aliases.push_back(a.string().sval());
    std::unique_ptr<ParsedSelect> q;
    OMEN_ASSIGN_OR_RETURN(q, TransformSelect(c.ctequery().select_stmt()));
    cte.query = std::shared_ptr<ParsedSelect>(std::move(q));
    cte.recursive = w.recursive() && ReadsTable(*cte.query, cte.name);
    if (cte.recursive && cte.query->set_op == ParsedSelect::SetOp::kUnion &&
        ReadsTable(*cte.query->left, cte.name)) {
      return Status("42P19", "recursive reference to query \"" + cte.name +
                                 "\" must not appear within its non-recursive term")
          .WithPosition(c.location());
    }
    for (const auto& other : out->ctes) {
      if (other.name == cte.name) {
        return Status("42712", "WITH query name \"" + cte.name + "\" specified more than once")
            .WithPosition(c.location());
      }
    }
    out->ctes.push_back(std::move(cte));
  }
  return Status::OK();
}

// A FROM (or UPDATE's FROM, DELETE's USING) list: several items are cross joins; null when
// empty.
Result<std::unique_ptr<ParsedFromItem>> TransformFromList(
    const google::protobuf::RepeatedPtrField<Node>& list) {
  std::unique_ptr<ParsedFromItem> from;
  for (const Node& f : list) {
    std::unique_ptr<ParsedFromItem> item;
    OMEN_ASSIGN_OR_RETURN(item, TransformFromItem(f));
    if (!from) {
      from = std::move(item);
      continue;
    }
    auto cross = std::make_unique<ParsedFromItem>();
    cross->kind = ParsedFromItem::Kind::kJoin;
    cross->join_type = ParsedFromItem::JoinType::kCross;
    cross->left = std::move(from);
    cross->right = std::move(item);
    from = std::move(cross);
  }
  return from;
}

Result<std::unique_ptr<ParsedSelect>> TransformSelect(const pg_query::SelectStmt& s) {
  if (s.op() != pg_query::SETOP_NONE) {
    auto out = std::make_unique<ParsedSelect>();
    OMEN_RETURN_IF_ERROR(TransformWith(s, out.get()));
    out->set_op = s.op() == pg_query::SETOP_UNION       ? ParsedSelect::SetOp::kUnion
                  : s.op() == pg_query::SETOP_INTERSECT ? ParsedSelect::SetOp::kIntersect
                                                        : ParsedSelect::SetOp::kExcept;
    out->set_all = s.all();
    OMEN_ASSIGN_OR_RETURN(out->left, TransformSelect(s.larg()));
    OMEN_ASSIGN_OR_RETURN(out->right, TransformSelect(s.rarg()));
    OMEN_RETURN_IF_ERROR(TransformSortAndLimit(s, out.get()));
    return out;
  }
  if (s.values_lists_size() > 0) {
    auto out = std::make_unique<ParsedSelect>();
    OMEN_RETURN_IF_ERROR(TransformWith(s, out.get()));
    for (const Node& row : s.values_lists()) {
      std::vector<ParsedExprPtr> values;
      for (const Node& v : row.list().items()) {
        if (v.has_set_to_default()) {
          return Status(sqlstate::kSyntaxError, "DEFAULT is not allowed in this context")
              .WithPosition(v.set_to_default().location());
        }
        ParsedExprPtr e;
        OMEN_ASSIGN_OR_RETURN(e, TransformExpr(v));
        values.push_back(std::move(e));
      }
      out->values.push_back(std::move(values));
    }
    OMEN_RETURN_IF_ERROR(TransformSortAndLimit(s, out.get()));
    return out;
  }
  if (s.has_into_clause()) return Unsupported("SELECT INTO");
  // Plain DISTINCT is one empty node; DISTINCT ON lists expressions.
  bool distinct = s.distinct_clause_size() == 1 &&
                  s.distinct_clause(0).node_case() == Node::NODE_NOT_SET;

  if (s.group_distinct()) return Unsupported("GROUP BY DISTINCT");
  if (s.window_clause_size() > 0) return Unsupported("WINDOW clauses");
  if (s.locking_clause_size() > 0) return Unsupported("FOR UPDATE/SHARE");
  if (s.limit_option() == pg_query::LIMIT_OPTION_WITH_TIES) return Unsupported("FETCH ... WITH TIES");
  auto out = std::make_unique<ParsedSelect>();
  OMEN_RETURN_IF_ERROR(TransformWith(s, out.get()));
  out->distinct = distinct;
  if (!distinct) {
    for (const Node& n : s.distinct_clause()) {
      ParsedExprPtr e;
      OMEN_ASSIGN_OR_RETURN(e, TransformExpr(n));
      out->distinct_on.push_back(std::move(e));
    }
  }
  // FROM a, b, c is ((a CROSS JOIN b) CROSS JOIN c).
  OMEN_ASSIGN_OR_RETURN(out->from, TransformFromList(s.from_clause()));
  OMEN_ASSIGN_OR_RETURN(out->targets, TransformTargetList(s.target_list()));
  if (s.has_where_clause()) {
    OMEN_ASSIGN_OR_RETURN(out->where, TransformExpr(s.where_clause()));
  }
  for (const Node& g : s.group_clause()) {
    if (g.has_grouping_set()) return Unsupported("GROUPING SETS, ROLLUP and CUBE");
    ParsedExprPtr e;
    OMEN_ASSIGN_OR_RETURN(e, TransformExpr(g));
    out->group_by.push_back(std::move(e));
  }
  if (s.has_having_clause()) {
    OMEN_ASSIGN_OR_RETURN(out->having, TransformExpr(s.having_clause()));
  }
  OMEN_RETURN_IF_ERROR(TransformSortAndLimit(s, out.get()));
  return out;
}

// SET column = value, ... of UPDATE and of ON CONFLICT DO UPDATE.
Status TransformSetList(const google::protobuf::RepeatedPtrField<Node>& list,
                        std::vector<std::string>* columns, std::vector<int>* locations,
                        std::vector<ParsedExprPtr>* values) {
  for (const Node& t : list) {
    const auto& rt = t.res_target();
    if (rt.indirection_size() > 0) return Unsupported("subscripted UPDATE targets", rt.location());
    if (rt.val().has_multi_assign_ref()) return Unsupported("multiple-column UPDATE", rt.location());
    ParsedExprPtr v;
    if (rt.val().has_set_to_default()) {
      v = MakeExpr(ParsedExpr::Kind::kDefault, rt.val().set_to_default().location());
    } else {
      OMEN_ASSIGN_OR_RETURN(v, TransformExpr(rt.val()));
    }
    columns->push_back(rt.name());
    locations->push_back(rt.location());
    values->push_back(std::move(v));
  }
  return Status::OK();
}

Result<std::unique_ptr<ParsedOnConflict>> TransformOnConflict(const pg_query::OnConflictClause& c) {
  auto out = std::make_unique<ParsedOnConflict>();
  out->do_update = c.action() == pg_query::ONCONFLICT_UPDATE;
  out->location = c.location();
  if (c.has_infer()) {
    const auto& infer = c.infer();
    if (infer.has_where_clause()) {
      return Unsupported("ON CONFLICT with a WHERE clause on the conflict target", infer.location());
    }
    out->constraint = infer.conname();
    for (const Node& e : infer.index_elems()) {
      const auto& elem = e.index_elem();
      if (elem.name().empty()) return Unsupported("expressions as ON CONFLICT targets", infer.location());
      out->target_columns.push_back(elem.name());
    }
  }
  OMEN_RETURN_IF_ERROR(TransformSetList(c.target_list(), &out->set_columns, &out->set_locations,
                                        &out->set_values));
  if (c.has_where_clause()) {
    OMEN_ASSIGN_OR_RETURN(out->where, TransformExpr(c.where_clause()));
  }
  return out;
}

Result<std::unique_ptr<ParsedInsert>> TransformInsert(const pg_query::InsertStmt& s) {
  if (s.has_with_clause()) return Unsupported("WITH queries");
  auto out = std::make_unique<ParsedInsert>();
  OMEN_ASSIGN_OR_RETURN(out->returning, TransformTargetList(s.returning_list()));
  if (s.has_on_conflict_clause()) {
    OMEN_ASSIGN_OR_RETURN(out->on_conflict, TransformOnConflict(s.on_conflict_clause()));
  }
  OMEN_ASSIGN_OR_RETURN(out->table, TransformRangeVar(s.relation()));
  if (s.override() == pg_query::OVERRIDING_SYSTEM_VALUE) {
    out->overriding = ParsedInsert::Overriding::kSystem;
  } else if (s.override() == pg_query::OVERRIDING_USER_VALUE) {
    out->overriding = ParsedInsert::Overriding::kUser;
  }
  if (!s.has_select_stmt()) {
    out->default_values = true;  // INSERT ... DEFAULT VALUES
    return out;
  }
  const auto& sel = s.select_stmt().select_stmt();
  if (sel.values_lists_size() == 0) {
    OMEN_ASSIGN_OR_RETURN(out->select, TransformSelect(sel));
  }
  for (const Node& c : s.cols()) {
    const auto& rt = c.res_target();
    if (rt.indirection_size() > 0) return Unsupported("subscripted INSERT targets", rt.location());
    out->columns.push_back(rt.name());
    out->column_locations.push_back(rt.location());
  }
  for (const Node& row : sel.values_lists()) {
    std::vector<ParsedExprPtr> values;
    for (const Node& v : row.list().items()) {
      ParsedExprPtr e;
      if (v.has_set_to_default()) {
        e = MakeExpr(ParsedExpr::Kind::kDefault, v.set_to_default().location());
      } else {
        OMEN_ASSIGN_OR_RETURN(e, TransformExpr(v));
      }
      values.push_back(std::move(e));
    }
    out->rows.push_back(std::move(values));
  }
  return out;
}

Result<std::unique_ptr<ParsedUpdate>> TransformUpdate(const pg_query::UpdateStmt& s) {
  if (s.has_with_clause()) return Unsupported("WITH queries");
  auto out = std::make_unique<ParsedUpdate>();
  OMEN_ASSIGN_OR_RETURN(out->from, TransformFromList(s.from_clause()));
  OMEN_ASSIGN_OR_RETURN(out->returning, TransformTargetList(s.returning_list()));
  OMEN_ASSIGN_OR_RETURN(out->table, TransformRangeVar(s.relation()));
  OMEN_RETURN_IF_ERROR(
      TransformSetList(s.target_list(), &out->columns, &out->column_locations, &out->values));
  if (s.has_where_clause()) {
    OMEN_ASSIGN_OR_RETURN(out->where, TransformExpr(s.where_clause()));
  }
  return out;
}

Result<std::unique_ptr<ParsedDelete>> TransformDelete(const pg_query::DeleteStmt& s) {
  if (s.has_with_clause()) return Unsupported("WITH queries");
  auto out = std::make_unique<ParsedDelete>();
  OMEN_ASSIGN_OR_RETURN(out->using_, TransformFromList(s.using_clause()));
  OMEN_ASSIGN_OR_RETURN(out->returning, TransformTargetList(s.returning_list()));
  OMEN_ASSIGN_OR_RETURN(out->table, TransformRangeVar(s.relation()));
  if (s.has_where_clause()) {
    OMEN_ASSIGN_OR_RETURN(out->where, TransformExpr(s.where_clause()));
  }
  return out;
}

Result<std::unique_ptr<ParsedCreateTableAs>> TransformCreateAs(const pg_query::CreateTableAsStmt& s) {
  if (s.objtype() != pg_query::OBJECT_TABLE) return Unsupported("CREATE MATERIALIZED VIEW");
  if (!s.query().has_select_stmt()) return Unsupported("CREATE TABLE AS EXECUTE");
  const auto& into = s.into();
  if (into.rel().relpersistence() == "t") return Unsupported("temporary tables");
  auto out = std::make_unique<ParsedCreateTableAs>();
  ParsedTableRef ref;
  OMEN_ASSIGN_OR_RETURN(ref, TransformRangeVar(into.rel()));
  out->schema = ref.schema;
  out->name = ref.name;
  out->if_not_exists = s.if_not_exists();
  out->with_data = !into.skip_data();
  for (const Node& c : into.col_names()) out->column_names.push_back(c.string().sval());
  OMEN_ASSIGN_OR_RETURN(out->select, TransformSelect(s.query().select_stmt()));
  return out;
}

// An integer option's value (Integer, or Float for values beyond int4).
Result<int64_t> OptionInt(const pg_query::DefElem& d) {
  const Node& a = d.arg();
  if (a.has_integer()) return static_cast<int64_t>(a.integer().ival());
  if (a.has_float_()) {
    errno = 0;
    char* end = nullptr;
    const std::string& text = a.float_().fval();
    long long v = std::strtoll(text.c_str(), &end, 10);
    if (errno == 0 && end != nullptr && *end == '\0') return static_cast<int64_t>(v);
  }
  return Status(sqlstate::kInvalidParameterValue,
                "invalid value for sequence option \"" + d.defname() + "\"");
}

Status TransformSequenceOptions(const google::protobuf::RepeatedPtrField<Node>& options,
                                ParsedSequenceOptions* out) {
  for (const Node& n : options) {
    const auto& d = n.def_elem();
    const std::string& name = d.defname();
    if (name == "start") {
      OMEN_ASSIGN_OR_RETURN(out->start, OptionInt(d));
    } else if (name == "increment") {
      OMEN_ASSIGN_OR_RETURN(out->increment, OptionInt(d));
    } else if (name == "minvalue") {
      if (!d.has_arg()) {
        out->no_min = true;
      } else {
        OMEN_ASSIGN_OR_RETURN(out->min_value, OptionInt(d));
      }
    } else if (name == "maxvalue") {
      if (!d.has_arg()) {
        out->no_max = true;
      } else {
        OMEN_ASSIGN_OR_RETURN(out->max_value, OptionInt(d));
      }
    } else if (name == "cycle") {
      out->cycle = d.arg().has_boolean() ? d.arg().boolean().boolval() : true;
    } else if (name == "cache") {
      int64_t cache;
      OMEN_ASSIGN_OR_RETURN(cache, OptionInt(d));
      if (cache < 1) {
        return Status(sqlstate::kInvalidParameterValue,
                      "CACHE (" + std::to_string(cache) + ") must be greater than zero");
      }
      // Values are handed out one at a time (CACHE 1); a larger cache only changes which
      // values concurrent sessions get, never their uniqueness.
    } else if (name == "as") {
      LogicalType t;
      OMEN_ASSIGN_OR_RETURN(t, TransformTypeName(d.arg().type_name()));
      if (!t.IsInteger()) {
        return Status(sqlstate::kInvalidParameterValue,
                      "sequence type must be smallint, integer, or bigint");
      }
      out->as_type = t;
    } else if (name == "owned_by") {
      for (const Node& part : d.arg().list().items()) out->owned_by.push_back(part.string().sval());
    } else if (name == "sequence_name") {
      return Unsupported("SEQUENCE NAME in identity options", d.location());
    } else {
      return Unsupported("sequence option " + name, d.location());
    }
  }
  return Status::OK();
}

Result<std::unique_ptr<ParsedCreateSequence>> TransformCreateSequence(
    const pg_query::CreateSeqStmt& s) {
  auto out = std::make_unique<ParsedCreateSequence>();
  if (s.sequence().relpersistence() == "t") return Unsupported("temporary sequences");
  ParsedTableRef ref;
  OMEN_ASSIGN_OR_RETURN(ref, TransformRangeVar(s.sequence()));
  out->schema = ref.schema;
  out->name = ref.name;
  out->if_not_exists = s.if_not_exists();
  OMEN_RETURN_IF_ERROR(TransformSequenceOptions(s.options(), &out->options));
  return out;
}

// A statement as SQL text, as PostgreSQL's deparser writes it (for what the catalog keeps).
Result<std::string> DeparseStatement(const Node& stmt) {
  pg_query::ParseResult tree;
  *tree.add_stmts()->mutable_stmt() = stmt;
  std::string bytes;
  if (!tree.SerializeToString(&bytes)) return InternalError("could not serialize a statement");
  PgQueryProtobuf pb{bytes.size(), bytes.data()};
  PgQueryDeparseResult res = pg_query_deparse_protobuf(pb);
  if (res.error != nullptr) {
    Status st = InternalError(std::string("could not deparse a statement: ") + res.error->message);
    pg_query_free_deparse_result(res);
    return st;
  }
  std::string text = res.query;
  pg_query_free_deparse_result(res);
  return text;
}

// `expr` as SQL text, as PostgreSQL's deparser writes it (DEFAULT, CHECK).
Result<std::string> DeparseExpr(const Node& expr) {
  Node select;
  auto* s = select.mutable_select_stmt();
  s->set_limit_option(pg_query::LIMIT_OPTION_DEFAULT);
  s->set_op(pg_query::SETOP_NONE);
  *s->add_target_list()->mutable_res_target()->mutable_val() = expr;
  std::string text;
  OMEN_ASSIGN_OR_RETURN(text, DeparseStatement(select));
  constexpr std::string_view kPrefix = "SELECT ";
  if (text.compare(0, kPrefix.size(), kPrefix) != 0) {
    return InternalError("unexpected deparsed expression: " + text);
  }
  return text.substr(kPrefix.size());
}

Result<ParsedCheck> TransformCheck(const pg_query::Constraint& c) {
  if (c.is_no_inherit()) return Unsupported("NO INHERIT", c.location());
  ParsedCheck check;
  check.name = c.conname();
  check.location = c.location();
  OMEN_ASSIGN_OR_RETURN(check.expr, TransformExpr(c.raw_expr()));
  OMEN_ASSIGN_OR_RETURN(check.sql, DeparseExpr(c.raw_expr()));
  return check;
}

Result<ParsedUnique> TransformUnique(const pg_query::Constraint& c) {
  if (c.nulls_not_distinct()) return Unsupported("NULLS NOT DISTINCT", c.location());
  if (c.including_size() > 0) return Unsupported("INCLUDE", c.location());
  if (c.deferrable()) return Unsupported("DEFERRABLE constraints", c.location());
  if (c.options_size() > 0 || !c.indexspace().empty()) {
    return Unsupported("index options of UNIQUE", c.location());
  }
  ParsedUnique u;
  u.name = c.conname();
  u.location = c.location();
  for (const Node& k : c.keys()) u.columns.push_back(k.string().sval());
  return u;
}

// A column definition (name, type, column constraints) of CREATE TABLE or ALTER TABLE ADD
// COLUMN; its CHECK constraints and PRIMARY KEY count go to `out`.
Status TransformColumnDef(const pg_query::ColumnDef& cd, ParsedCreateTable* out) {
  ParsedColumnDef col;
  col.name = cd.colname();
  col.location = cd.location();
  std::string type_name = TypeNameOf(cd.type_name());
  if ((type_name == "serial" || type_name == "serial4" || type_name == "bigserial" ||
       type_name == "serial8") &&
      cd.type_name().array_bounds_size() == 0 && cd.type_name().typmods_size() == 0) {
    col.serial = true;
    col.type = type_name == "serial" || type_name == "serial4" ? LogicalType(TypeId::kInteger)
                                                               : LogicalType(TypeId::kBigInt);
  } else {
    OMEN_ASSIGN_OR_RETURN(col.type, TransformTypeName(cd.type_name()));
  }
  if (cd.has_coll_clause()) return Unsupported("COLLATE", cd.location());
  for (const Node& cn : cd.constraints()) {
    const auto& c = cn.constraint();
    switch (c.contype()) {
      case pg_query::CONSTR_NOTNULL: col.not_null = true; break;
      case pg_query::CONSTR_NULL: col.not_null = false; break;
      case pg_query::CONSTR_PRIMARY:
        col.primary_key = true;
        ++out->primary_key_constraints;
        break;
      case pg_query::CONSTR_DEFAULT: {
        OMEN_ASSIGN_OR_RETURN(col.default_expr, TransformExpr(c.raw_expr()));
        OMEN_ASSIGN_OR_RETURN(col.default_sql, DeparseExpr(c.raw_expr()));
        break;
      }
      case pg_query::CONSTR_CHECK: {
        ParsedCheck check;
        OMEN_ASSIGN_OR_RETURN(check, TransformCheck(c));
        check.column = col.name;
        out->checks.push_back(std::move(check));
        break;
      }
      case pg_query::CONSTR_UNIQUE: {
        ParsedUnique u;
        OMEN_ASSIGN_OR_RETURN(u, TransformUnique(c));
        u.columns = {col.name};
        out->uniques.push_back(std::move(u));
        break;
      }
      case pg_query::CONSTR_FOREIGN: return Unsupported("foreign keys", c.location());
      case pg_query::CONSTR_IDENTITY: {
        col.identity = c.generated_when() == "a" ? 'a' : 'd';
        col.identity_options = std::make_unique<ParsedSequenceOptions>();
        OMEN_RETURN_IF_ERROR(TransformSequenceOptions(c.options(), col.identity_options.get()));
        break;
      }
      case pg_query::CONSTR_GENERATED: return Unsupported("generated columns", c.location());
      default: return Unsupported("this column constraint", c.location());
    }
  }
  out->columns.push_back(std::move(col));
  return Status::OK();
}

Result<std::unique_ptr<ParsedCreateTable>> TransformCreate(const pg_query::CreateStmt& s) {
  if (s.inh_relations_size() > 0) return Unsupported("INHERITS");
  if (s.has_partspec() || s.has_partbound()) return Unsupported("partitioned tables");
  if (s.relation().relpersistence() == "t") return Unsupported("temporary tables");
  if (s.has_of_typename()) return Unsupported("typed tables");
  auto out = std::make_unique<ParsedCreateTable>();
  ParsedTableRef ref;
  OMEN_ASSIGN_OR_RETURN(ref, TransformRangeVar(s.relation()));
  out->schema = ref.schema;
  out->name = ref.name;
  out->if_not_exists = s.if_not_exists();
  auto keys_of = [](const pg_query::Constraint& c) {
    std::vector<std::string> keys;
    for (const Node& k : c.keys()) keys.push_back(k.string().sval());
    return keys;
  };
  std::vector<const pg_query::Constraint*> table_constraints;
  for (const Node& elt : s.table_elts()) {
    if (elt.has_column_def()) {
      OMEN_RETURN_IF_ERROR(TransformColumnDef(elt.column_def(), out.get()));
    } else if (elt.has_constraint()) {
      table_constraints.push_back(&elt.constraint());
    } else {
      return Unsupported("LIKE in CREATE TABLE");
    }
  }
  // Table constraints after the columns' (PostgreSQL names CHECK constraints in this order).
  for (const pg_query::Constraint* c : table_constraints) {
    if (c->contype() == pg_query::CONSTR_PRIMARY) {
      out->primary_key = keys_of(*c);
      ++out->primary_key_constraints;
    } else if (c->contype() == pg_query::CONSTR_CHECK) {
      ParsedCheck check;
      OMEN_ASSIGN_OR_RETURN(check, TransformCheck(*c));
      out->checks.push_back(std::move(check));
    } else if (c->contype() == pg_query::CONSTR_UNIQUE) {
      ParsedUnique u;
      OMEN_ASSIGN_OR_RETURN(u, TransformUnique(*c));
      out->uniques.push_back(std::move(u));
    } else {
      return Unsupported("table constraints other than PRIMARY KEY, UNIQUE and CHECK",
                         c->location());
    }
  }
  return out;
}

Result<std::unique_ptr<ParsedAlterTable>> TransformAlterTable(const pg_query::AlterTableStmt& s) {
  if (s.objtype() != pg_query::OBJECT_TABLE) return Unsupported("ALTER of this object type");
  if (s.cmds_size() != 1) return Unsupported("ALTER TABLE with several actions");
  auto out = std::make_unique<ParsedAlterTable>();
  ParsedTableRef ref;
  OMEN_ASSIGN_OR_RETURN(ref, TransformRangeVar(s.relation()));
  out->table_schema = ref.schema;
  out->table = ref.name;
  out->if_exists = s.missing_ok();
  const pg_query::AlterTableCmd& cmd = s.cmds(0).alter_table_cmd();
  switch (cmd.subtype()) {
    case pg_query::AT_AddColumn: {
      out->action = ParsedAlterTable::Action::kAddColumn;
      out->column_if_not_exists = cmd.missing_ok();
      out->add = std::make_unique<ParsedCreateTable>();
      out->add->name = out->table;
      out->add->schema = out->table_schema;
      OMEN_RETURN_IF_ERROR(TransformColumnDef(cmd.def().column_def(), out->add.get()));
      return out;
    }
    case pg_query::AT_AddConstraint: {
      const pg_query::Constraint& c = cmd.def().constraint();
      if (c.skip_validation()) return Unsupported("NOT VALID", c.location());
      out->action = ParsedAlterTable::Action::kAddConstraint;
      out->add = std::make_unique<ParsedCreateTable>();
      out->add->name = out->table;
      out->add->schema = out->table_schema;
      if (c.contype() == pg_query::CONSTR_PRIMARY) {
        if (c.including_size() > 0 || c.options_size() > 0) {
          return Unsupported("index options of PRIMARY KEY", c.location());
        }
        for (const Node& k : c.keys()) out->add->primary_key.push_back(k.string().sval());
        out->add->primary_key_constraints = 1;
      } else if (c.contype() == pg_query::CONSTR_CHECK) {
        ParsedCheck check;
        OMEN_ASSIGN_OR_RETURN(check, TransformCheck(c));
        out->add->checks.push_back(std::move(check));
      } else if (c.contype() == pg_query::CONSTR_UNIQUE) {
        ParsedUnique u;
        OMEN_ASSIGN_OR_RETURN(u, TransformUnique(c));
        out->add->uniques.push_back(std::move(u));
      } else {
        return Unsupported("ADD CONSTRAINT other than PRIMARY KEY, UNIQUE and CHECK", c.location());
      }
      return out;
    }
    case pg_query::AT_DropConstraint:
      if (cmd.behavior() == pg_query::DROP_CASCADE) return Unsupported("DROP CONSTRAINT ... CASCADE");
      out->action = ParsedAlterTable::Action::kDropConstraint;
      out->column = cmd.name();
      out->column_if_exists = cmd.missing_ok();
      return out;
    case pg_query::AT_DropColumn:
      if (cmd.behavior() == pg_query::DROP_CASCADE) return Unsupported("DROP COLUMN ... CASCADE");
      out->action = ParsedAlterTable::Action::kDropColumn;
      out->column = cmd.name();
      out->column_if_exists = cmd.missing_ok();
      return out;
    default:
      return Unsupported(
          "this ALTER TABLE action (ADD/DROP COLUMN, ADD/DROP CONSTRAINT, RENAME are supported)");
  }
}

// ALTER TABLE ... RENAME [COLUMN] a TO b, ALTER TABLE ... RENAME TO name.
Result<std::unique_ptr<ParsedAlterTable>> TransformRename(const pg_query::RenameStmt& s) {
  auto out = std::make_unique<ParsedAlterTable>();
  if (s.rename_type() == pg_query::OBJECT_TABLE) {
    out->action = ParsedAlterTable::Action::kRenameTable;
  } else if (s.rename_type() == pg_query::OBJECT_COLUMN &&
             s.relation_type() == pg_query::OBJECT_TABLE) {
    out->action = ParsedAlterTable::Action::kRenameColumn;
    out->column = s.subname();
  } else {
    return Unsupported("RENAME of this object type");
  }
  ParsedTableRef ref;
  OMEN_ASSIGN_OR_RETURN(ref, TransformRangeVar(s.relation()));
  out->table_schema = ref.schema;
  out->table = ref.name;
  out->if_exists = s.missing_ok();
  out->new_name = s.newname();
  return out;
}

Result<std::unique_ptr<ParsedCreateIndex>> TransformIndex(const pg_query::IndexStmt& s) {
  if (s.concurrent()) return Unsupported("CREATE INDEX CONCURRENTLY");
  if (s.has_where_clause()) return Unsupported("partial indexes (CREATE INDEX ... WHERE)");
  if (s.index_including_params_size() > 0) return Unsupported("INCLUDE");
  if (s.nulls_not_distinct()) return Unsupported("NULLS NOT DISTINCT");
  if (s.options_size() > 0 || !s.table_space().empty()) return Unsupported("index storage options");
  if (s.access_method() != "btree" && s.access_method() != "hash") {
    return Unsupported("index access method \"" + s.access_method() + "\"");
  }
  auto out = std::make_unique<ParsedCreateIndex>();
  ParsedTableRef ref;
  OMEN_ASSIGN_OR_RETURN(ref, TransformRangeVar(s.relation()));
  out->table_schema = ref.schema;
  out->table = ref.name;
  out->name = s.idxname();
  out->unique = s.unique();
  out->if_not_exists = s.if_not_exists();
  for (const Node& p : s.index_params()) {
    const auto& e = p.index_elem();
    if (e.has_expr() || e.name().empty()) return Unsupported("indexes on expressions");
    if (e.collation_size() > 0 || e.opclass_size() > 0) {
      return Unsupported("collations and operator classes in indexes");
    }
    out->columns.push_back(e.name());  // ASC/DESC, NULLS FIRST/LAST: any order serves
  }
  return out;
}

Result<std::unique_ptr<ParsedDropTable>> TransformDrop(const pg_query::DropStmt& s) {
  if (s.remove_type() == pg_query::OBJECT_SCHEMA) {
    auto out = std::make_unique<ParsedDropTable>();
    out->schema = true;
    out->if_exists = s.missing_ok();
    out->cascade = s.behavior() == pg_query::DROP_CASCADE;
    for (const Node& obj : s.objects()) {
      out->names.push_back(obj.string().sval());
      out->schemas.emplace_back();
    }
    return out;
  }
  if (s.remove_type() != pg_query::OBJECT_TABLE && s.remove_type() != pg_query::OBJECT_SEQUENCE &&
      s.remove_type() != pg_query::OBJECT_VIEW && s.remove_type() != pg_query::OBJECT_INDEX) {
    return Unsupported("DROP of this object type");
  }
  if (s.behavior() == pg_query::DROP_CASCADE) return Unsupported("DROP ... CASCADE");
  if (s.concurrent()) return Unsupported("DROP INDEX CONCURRENTLY");
  auto out = std::make_unique<ParsedDropTable>();
  out->if_exists = s.missing_ok();
  out->sequence = s.remove_type() == pg_query::OBJECT_SEQUENCE;
  out->view = s.remove_type() == pg_query::OBJECT_VIEW;
  out->index = s.remove_type() == pg_query::OBJECT_INDEX;
  for (const Node& obj : s.objects()) {
    std::vector<std::string> parts;
    for (const Node& p : obj.list().items()) parts.push_back(p.string().sval());
    if (parts.size() > 3 || (parts.size() == 3 && parts[0] != "postgres")) {
      return Unsupported("cross-database references");
    }
    out->names.push_back(parts.back());
    out->schemas.push_back(parts.size() > 1 ? parts[parts.size() - 2] : std::string());
  }
  return out;
}

const char* StatementName(const Node& n) {
  switch (n.node_case()) {
    case Node::kTransactionStmt: return "transaction control statements (BEGIN/COMMIT/ROLLBACK)";
    case Node::kVariableSetStmt: return "SET";
    case Node::kVariableShowStmt: return "SHOW";
    case Node::kCopyStmt: return "COPY";
    case Node::kIndexStmt: return "CREATE INDEX";
    case Node::kAlterTableStmt: return "ALTER TABLE";
    case Node::kViewStmt: return "CREATE VIEW";
    case Node::kTruncateStmt: return "TRUNCATE";
    case Node::kCreateSchemaStmt: return "CREATE SCHEMA";
    case Node::kCreateSeqStmt: return "CREATE SEQUENCE";
    case Node::kPrepareStmt: return "PREPARE";
    case Node::kExecuteStmt: return "EXECUTE";
    default: return "this statement";
  }
}

// The text of a SET argument or transaction option value: strings, numbers and booleans as
// written.
std::string ConstText(const Node& n) {
  if (n.has_a_const()) {
    const auto& c = n.a_const();
    if (c.has_sval()) return c.sval().sval();
    if (c.has_ival()) return std::to_string(c.ival().ival());
    if (c.has_fval()) return c.fval().fval();
    if (c.has_boolval()) return c.boolval().boolval() ? "on" : "off";
  }
  if (n.has_string()) return n.string().sval();
  if (n.has_type_cast() && n.type_cast().has_arg()) return ConstText(n.type_cast().arg());
  return "";
}

Result<ParsedTransactionModes> TransformTransactionModes(
    const google::protobuf::RepeatedPtrField<Node>& options) {
  ParsedTransactionModes modes;
  for (const Node& o : options) {
    const auto& d = o.def_elem();
    if (d.defname() == "transaction_isolation") {
      modes.isolation = ConstText(d.arg());
    } else if (d.defname() == "transaction_read_only") {
      modes.read_only = ConstText(d.arg()) == "1";
    } else if (d.defname() == "transaction_deferrable") {
      // DEFERRABLE only matters for SERIALIZABLE READ ONLY transactions; PostgreSQL ignores
      // it otherwise, and SERIALIZABLE is refused.
    } else {
      return Unsupported("transaction option " + d.defname(), d.location());
    }
  }
  return modes;
}

Result<std::unique_ptr<ParsedTransaction>> TransformTransaction(const pg_query::TransactionStmt& t) {
  auto out = std::make_unique<ParsedTransaction>();
  using K = ParsedTransaction::Kind;
  if (t.chain()) return Unsupported("AND CHAIN");
  switch (t.kind()) {
    case pg_query::TRANS_STMT_BEGIN:
    case pg_query::TRANS_STMT_START: {
      out->kind = K::kBegin;
      out->start = t.kind() == pg_query::TRANS_STMT_START;
      OMEN_ASSIGN_OR_RETURN(out->modes, TransformTransactionModes(t.options()));
      return out;
    }
    case pg_query::TRANS_STMT_COMMIT: out->kind = K::kCommit; return out;
    case pg_query::TRANS_STMT_ROLLBACK: out->kind = K::kRollback; return out;
    case pg_query::TRANS_STMT_SAVEPOINT: out->kind = K::kSavepoint; break;
    case pg_query::TRANS_STMT_RELEASE: out->kind = K::kRelease; break;
    case pg_query::TRANS_STMT_ROLLBACK_TO: out->kind = K::kRollbackTo; break;
    default: return Unsupported("two-phase commit");
  }
  out->savepoint = t.savepoint_name();
  return out;
}

Result<std::unique_ptr<ParsedSet>> TransformSet(const pg_query::VariableSetStmt& v) {
  auto out = std::make_unique<ParsedSet>();
  out->name = v.name();
  for (char& ch : out->name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  out->is_local = v.is_local();
  switch (v.kind()) {
    case pg_query::VAR_SET_VALUE:
      out->kind = ParsedSet::Kind::kValue;
      for (const Node& a : v.args()) {
        // SET TIME ZONE INTERVAL '...': marked, so the setting reads it as an interval.
        bool interval = a.has_type_cast() && TypeNameOf(a.type_cast().type_name()) == "interval";
        out->values.push_back((interval ? std::string(kIntervalValueMark) : std::string()) +
                              ConstText(a));
      }
      return out;
    case pg_query::VAR_SET_DEFAULT:
    case pg_query::VAR_RESET:
      out->kind = ParsedSet::Kind::kDefault;
      out->reset = v.kind() == pg_query::VAR_RESET;
      return out;
    case pg_query::VAR_SET_MULTI:
      if (out->name == "transaction") {
        out->kind = ParsedSet::Kind::kTransaction;
      } else if (out->name == "session characteristics") {
        out->kind = ParsedSet::Kind::kSessionCharacteristics;
      } else {
        return Unsupported("SET " + v.name());
      }
      {
        OMEN_ASSIGN_OR_RETURN(out->modes, TransformTransactionModes(v.args()));
      }
      return out;
    case pg_query::VAR_RESET_ALL:
      return Unsupported("RESET ALL");
    default:
      return Unsupported("SET ... FROM CURRENT");
  }
}

Result<ParsedStatement> TransformStatement(const Node& n) {
  ParsedStatement st;
  switch (n.node_case()) {
    case Node::kSelectStmt: {
      st.kind = ParsedStatement::Kind::kSelect;
      OMEN_ASSIGN_OR_RETURN(st.select, TransformSelect(n.select_stmt()));
      return st;
    }
    case Node::kInsertStmt: {
      st.kind = ParsedStatement::Kind::kInsert;
      OMEN_ASSIGN_OR_RETURN(st.insert, TransformInsert(n.insert_stmt()));
      return st;
    }
    case Node::kCreateStmt: {
      st.kind = ParsedStatement::Kind::kCreateTable;
      OMEN_ASSIGN_OR_RETURN(st.create_table, TransformCreate(n.create_stmt()));
      return st;
    }
    case Node::kUpdateStmt: {
      st.kind = ParsedStatement::Kind::kUpdate;
      OMEN_ASSIGN_OR_RETURN(st.update, TransformUpdate(n.update_stmt()));
      return st;
    }
    case Node::kDeleteStmt: {
      st.kind = ParsedStatement::Kind::kDelete;
      OMEN_ASSIGN_OR_RETURN(st.del, TransformDelete(n.delete_stmt()));
      return st;
    }
    case Node::kCreateTableAsStmt: {
      if (n.create_table_as_stmt().is_select_into()) return Unsupported("SELECT INTO");
      st.kind = ParsedStatement::Kind::kCreateTableAs;
      OMEN_ASSIGN_OR_RETURN(st.create_table_as, TransformCreateAs(n.create_table_as_stmt()));
      return st;
    }
    case Node::kExplainStmt: {
      const auto& e = n.explain_stmt();
      bool summary_set = false;
      for (const Node& o : e.options()) {
        const auto& d = o.def_elem();
        std::string value = "true";
        if (d.has_arg()) {
          if (d.arg().has_string()) value = d.arg().string().sval();
          if (d.arg().has_boolean()) value = d.arg().boolean().boolval() ? "true" : "false";
          if (d.arg().has_integer()) value = d.arg().integer().ival() ? "true" : "false";
        }
        bool on = value == "true" || value == "on" || value == "1";
        const std::string& name = d.defname();
        if (name == "analyze") {
          st.explain.analyze = on;
        } else if (name == "timing") {
          st.explain.timing = on;
        } else if (name == "summary") {
          st.explain.summary = on;
          summary_set = true;
        } else if (name == "format") {
          if (value != "text") return Unsupported("EXPLAIN formats other than text", d.location());
        } else if (name == "costs") {
          // Costs are never shown (as with COSTS OFF): OmenDB has no cost model yet.
        } else if (on) {
          return Unsupported("EXPLAIN option " + name, d.location());
        }
      }
      if (!summary_set) st.explain.summary = st.explain.analyze;
      st.kind = ParsedStatement::Kind::kExplain;
      ParsedStatement inner;
      OMEN_ASSIGN_OR_RETURN(inner, TransformStatement(e.query()));
      st.explained = std::make_unique<ParsedStatement>(std::move(inner));
      return st;
    }
    case Node::kTransactionStmt: {
      st.kind = ParsedStatement::Kind::kTransaction;
      OMEN_ASSIGN_OR_RETURN(st.transaction, TransformTransaction(n.transaction_stmt()));
      return st;
    }
    case Node::kVariableSetStmt: {
      st.kind = ParsedStatement::Kind::kSet;
      OMEN_ASSIGN_OR_RETURN(st.set, TransformSet(n.variable_set_stmt()));
      return st;
    }
    case Node::kCheckPointStmt:
      st.kind = ParsedStatement::Kind::kCheckpoint;
      return st;
    case Node::kVariableShowStmt: {
      st.kind = ParsedStatement::Kind::kShow;
      st.show_name = n.variable_show_stmt().name();
      for (char& ch : st.show_name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return st;
    }
    case Node::kDropStmt: {
      st.kind = ParsedStatement::Kind::kDropTable;
      OMEN_ASSIGN_OR_RETURN(st.drop_table, TransformDrop(n.drop_stmt()));
      return st;
    }
    case Node::kCreateSchemaStmt: {
      const auto& cs = n.create_schema_stmt();
      if (cs.schema_elts_size() > 0) return Unsupported("CREATE SCHEMA with schema elements");
      st.kind = ParsedStatement::Kind::kCreateSchema;
      st.create_schema = std::make_unique<ParsedCreateSchema>();
      st.create_schema->if_not_exists = cs.if_not_exists();
      st.create_schema->name = cs.schemaname();
      if (cs.has_authrole()) {
        const auto& role = cs.authrole();
        std::string who = role.roletype() == pg_query::ROLESPEC_CSTRING ? role.rolename()
                                                                        : std::string("postgres");
        if (who != "postgres") return Status("42704", "role \"" + who + "\" does not exist");
        if (st.create_schema->name.empty()) st.create_schema->name = who;
      }
      return st;
    }
    case Node::kIndexStmt: {
      st.kind = ParsedStatement::Kind::kCreateIndex;
      OMEN_ASSIGN_OR_RETURN(st.create_index, TransformIndex(n.index_stmt()));
      return st;
    }
    case Node::kAlterTableStmt: {
      st.kind = ParsedStatement::Kind::kAlterTable;
      OMEN_ASSIGN_OR_RETURN(st.alter_table, TransformAlterTable(n.alter_table_stmt()));
      return st;
    }
    case Node::kRenameStmt: {
      st.kind = ParsedStatement::Kind::kAlterTable;
      OMEN_ASSIGN_OR_RETURN(st.alter_table, TransformRename(n.rename_stmt()));
      return st;
    }
    case Node::kDeclareCursorStmt: {
      const auto& d = n.declare_cursor_stmt();
      // PostgreSQL's CURSOR_OPT_* bits.
      constexpr int kBinary = 0x1, kScroll = 0x2, kHold = 0x20;
      if (d.options() & kHold) return Unsupported("WITH HOLD cursors");
      if (d.options() & kScroll) return Unsupported("SCROLL cursors");
      if (d.options() & kBinary) return Unsupported("BINARY cursors");
      if (!d.query().has_select_stmt()) return Unsupported("this cursor query");
      st.kind = ParsedStatement::Kind::kDeclareCursor;
      st.cursor_name = d.portalname();
      OMEN_ASSIGN_OR_RETURN(st.select, TransformSelect(d.query().select_stmt()));
      return st;
    }
    case Node::kFetchStmt: {
      const auto& f = n.fetch_stmt();
      st.kind = ParsedStatement::Kind::kFetch;
      st.cursor_name = f.portalname();
      st.move = f.ismove();
      // FORWARD n, NEXT, ALL (how_many = LONG_MAX); RELATIVE n > 0 reads n rows and keeps the
      // last, which a forward-only cursor could do, but PostgreSQL's other directions need a
      // scrollable cursor.
      if (f.direction() != pg_query::FETCH_FORWARD || f.how_many() < 0) {
        return Status(sqlstate::kObjectNotInPrerequisiteState, "cursor can only scan forward")
            .WithHint("Declare it with SCROLL option to enable backward scan.");
      }
      if (f.how_many() == 0 && !f.ismove()) {
        return Unsupported("FETCH FORWARD 0 (fetching the current row again)");
      }
      st.fetch_count = f.how_many() == std::numeric_limits<int64_t>::max()
                           ? UINT64_MAX
                           : static_cast<uint64_t>(f.how_many());
      return st;
    }
    case Node::kPrepareStmt: {
      const auto& p = n.prepare_stmt();
      st.kind = ParsedStatement::Kind::kPrepare;
      st.statement_name = p.name();
      for (const Node& t : p.argtypes()) {
        LogicalType type;
        OMEN_ASSIGN_OR_RETURN(type, TransformTypeName(t.type_name()));
        st.prepare_types.push_back(type);
      }
      Result<ParsedStatement> inner = TransformStatement(p.query());
      if (!inner.ok()) return std::move(inner).status();
      st.prepared = std::make_shared<ParsedStatement>(std::move(inner).value());
      return st;
    }
    case Node::kExecuteStmt: {
      const auto& e = n.execute_stmt();
      st.kind = ParsedStatement::Kind::kExecute;
      st.statement_name = e.name();
      // The arguments, evaluated as the select list of a query without FROM.
      st.select = std::make_unique<ParsedSelect>();
      for (const Node& a : e.params()) {
        ParsedSelectItem item;
        OMEN_ASSIGN_OR_RETURN(item.expr, TransformExpr(a));
        st.select->targets.push_back(std::move(item));
      }
      return st;
    }
    case Node::kViewStmt: {
      const auto& v = n.view_stmt();
      if (v.with_check_option() != pg_query::NO_CHECK_OPTION) return Unsupported("WITH CHECK OPTION");
      if (v.options_size() > 0) return Unsupported("view options");
      if (v.view().relpersistence() == "t") return Unsupported("temporary views");
      if (!v.query().has_select_stmt()) return Unsupported("this view query");
      auto view = std::make_unique<ParsedCreateView>();
      ParsedTableRef ref;
      OMEN_ASSIGN_OR_RETURN(ref, TransformRangeVar(v.view()));
      view->schema = ref.schema;
      view->name = ref.name;
      view->replace = v.replace();
      for (const Node& a : v.aliases()) view->column_names.push_back(a.string().sval());
      OMEN_ASSIGN_OR_RETURN(view->query, TransformSelect(v.query().select_stmt()));
      OMEN_ASSIGN_OR_RETURN(view->sql, DeparseStatement(v.query()));
      st.kind = ParsedStatement::Kind::kCreateView;
      st.create_view = std::move(view);
      return st;
    }
    case Node::kTruncateStmt: {
      const auto& t = n.truncate_stmt();
      // Resetting sequences would not roll back with the TRUNCATE here.
      if (t.restart_seqs()) return Unsupported("TRUNCATE ... RESTART IDENTITY");
      st.kind = ParsedStatement::Kind::kTruncate;
      for (const Node& r : t.relations()) {
        if (!r.range_var().inh()) return Unsupported("TRUNCATE ONLY");
        auto del = std::make_shared<ParsedStatement>();
        del->kind = ParsedStatement::Kind::kDelete;
        del->del = std::make_unique<ParsedDelete>();
        OMEN_ASSIGN_OR_RETURN(del->del->table, TransformRangeVar(r.range_var()));
        st.truncate.push_back(std::move(del));
      }
      return st;
    }
    case Node::kDeallocateStmt:
      st.kind = ParsedStatement::Kind::kDeallocate;
      st.statement_name = n.deallocate_stmt().name();
      return st;
    case Node::kClosePortalStmt:
      st.kind = ParsedStatement::Kind::kCloseCursor;
      st.cursor_name = n.close_portal_stmt().portalname();
      return st;
    case Node::kCreateSeqStmt: {
      st.kind = ParsedStatement::Kind::kCreateSequence;
      OMEN_ASSIGN_OR_RETURN(st.create_sequence, TransformCreateSequence(n.create_seq_stmt()));
      return st;
    }
    default:
      return Unsupported(StatementName(n));
  }
}

// PostgreSQL's lexer over `input` (not recursive, safe on any input).
Result<pg_query::ScanResult> Scan(const std::string& input) {
  PgQueryScanResult res = pg_query_scan(input.c_str());
  if (res.error != nullptr) {
    Status s = SyntaxError(res.error->message, res.error->cursorpos - 1);
    pg_query_free_scan_result(res);
    return s;
  }
  pg_query::ScanResult scan;
  bool ok = scan.ParseFromArray(res.pbuf.data, static_cast<int>(res.pbuf.len));
  pg_query_free_scan_result(res);
  if (!ok) return InternalError("could not decode the token stream");
  return scan;
}

// libpg_query serializes its tree recursively and would overflow the stack on a deep one
// (SELECT 1+1+...+1 with 30,000 terms), as would the recursive passes after it. Bound the depth
// from the tokens first: within one parenthesis level a chain of operators or keywords nests
// one level each, while commas, AND and OR (flattened into one node) start a new chain.
Status CheckNestingDepth(const std::string& input) {
  pg_query::ScanResult scan;
  OMEN_ASSIGN_OR_RETURN(scan, Scan(input));
  std::vector<int> chain{0};
  int bound = 0;
  for (const pg_query::ScanToken& t : scan.tokens()) {
    switch (t.token()) {
      case pg_query::ASCII_40:
        chain.push_back(0);
        bound += 3;
        break;
      case pg_query::ASCII_41:
        if (chain.size() > 1) {
          bound -= chain.back() + 3;
          chain.pop_back();
        }
        break;
      case pg_query::ASCII_44:
      case pg_query::ASCII_59:
      case pg_query::AND:
      case pg_query::OR:
        bound -= chain.back();
        chain.back() = 0;
        break;
      case pg_query::IDENT:
      case pg_query::UIDENT:
      case pg_query::FCONST:
      case pg_query::SCONST:
      case pg_query::USCONST:
      case pg_query::BCONST:
      case pg_query::XCONST:
      case pg_query::ICONST:
      case pg_query::PARAM:
      case pg_query::SQL_COMMENT:
      case pg_query::C_COMMENT:
        break;
      default:
        ++chain.back();
        ++bound;
    }
    if (bound > kMaxNesting) {
      return Status("54001", "stack depth limit exceeded")
          .WithHint("The statement nests expressions more than " + std::to_string(kMaxNesting) +
                    " levels deep; simplify it or split it.");
    }
  }
  return Status::OK();
}

}  // namespace

Result<std::vector<ParsedStatement>> Parse(std::string_view sql) {
  StackBase stack_base;
  std::string input(sql);
  // A tree deeper than kMaxNesting needs more than two characters per level.
  if (input.size() > 2 * static_cast<size_t>(kMaxNesting)) {
    OMEN_RETURN_IF_ERROR(CheckNestingDepth(input));
  }
  PgQueryProtobufParseResult res = pg_query_parse_protobuf(input.c_str());
  if (res.error != nullptr) {
    Status s = SyntaxError(res.error->message, res.error->cursorpos - 1);
    pg_query_free_protobuf_parse_result(res);
    return s;
  }
  pg_query::ParseResult tree;
  // Expression trees nest as deep as the query does (a+b+c+... is one level per term);
  // protobuf's default limit of 100 levels is far too low. libpg_query has already bounded
  // the depth by its own stack check.
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(res.parse_tree.data),
                                            static_cast<int>(res.parse_tree.len));
  in.SetRecursionLimit(kMaxTreeDepth);
  bool ok = tree.ParseFromCodedStream(&in) && in.ConsumedEntireMessage();
  pg_query_free_protobuf_parse_result(res);
  if (!ok) {
    return Status(sqlstate::kProgramLimitExceeded, "statement is too deeply nested")
        .WithHint("Simplify the expression or split the statement.");
  }
  std::vector<ParsedStatement> out;
  for (const auto& raw : tree.stmts()) {
    // Positions in errors are relative to the whole query string, as PostgreSQL reports them.
    Result<ParsedStatement> st = TransformStatement(raw.stmt());
    if (!st.ok()) return std::move(st).status();
    size_t begin = static_cast<size_t>(raw.stmt_location());
    size_t len = raw.stmt_len() == 0 ? input.size() - begin : static_cast<size_t>(raw.stmt_len());
    // stmt_location includes whitespace after the previous ';' (libpg_query's convention).
    while (len > 0 && std::isspace(static_cast<unsigned char>(input[begin]))) ++begin, --len;
    st->text = input.substr(begin, len);
    out.push_back(std::move(st).value());
  }
  return out;
}

Result<ParsedExprPtr> ParseExpression(std::string_view sql) {
  std::vector<ParsedStatement> parsed;
  OMEN_ASSIGN_OR_RETURN(parsed, Parse("SELECT " + std::string(sql)));
  if (parsed.size() != 1 || parsed[0].kind != ParsedStatement::Kind::kSelect ||
      parsed[0].select->targets.size() != 1 || parsed[0].select->from ||
      !parsed[0].select->targets[0].alias.empty()) {
    return Status(sqlstate::kSyntaxError, "not a single expression: " + std::string(sql));
  }
  return std::move(parsed[0].select->targets[0].expr);
}

Result<std::vector<std::string>> SplitStatements(std::string_view sql) {
  // Split at top-level ';' tokens of PostgreSQL's own lexer, so semicolons inside quotes,
  // dollar quotes and comments never split (libpg_query's scanner-based splitter drops
  // statements that start with an unknown word, so it is not used).
  std::string input(sql);
  pg_query::ScanResult scan;
  OMEN_ASSIGN_OR_RETURN(scan, Scan(input));
  std::vector<std::string> out;
  int begin = -1, end = -1;  // first token start and last token end of the current statement
  auto emit = [&]() {
    if (begin >= 0) out.push_back(input.substr(begin, end - begin));
    begin = end = -1;
  };
  for (const pg_query::ScanToken& t : scan.tokens()) {
    if (t.token() == pg_query::ASCII_59) {
      if (begin >= 0) end = t.end();  // keep the ';', as psql sends it
      emit();
      continue;
    }
    if (t.token() == pg_query::SQL_COMMENT || t.token() == pg_query::C_COMMENT) continue;
    if (begin < 0) begin = t.start();
    end = t.end();
  }
  emit();
  return out;
}

}  // namespace omendb::sql
