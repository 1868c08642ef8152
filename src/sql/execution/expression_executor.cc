#include "sql/execution/expression_executor.h"

#include <algorithm>
#include <cstring>

#include "common/stack_guard.h"
#include "sql/function/like.h"
#include "sql/execution/parameter_values.h"
#include "sql/execution/subquery.h"
#include "sql/plan/in_list.h"
#include "sql/plan/sequence_access.h"
#include "sql/plan/settings_access.h"
#include "types/cast.h"
#include "types/type_io.h"

namespace omendb::sql {
namespace {

void Broadcast(const Value& v, size_t n, Vector* out) {
  out->Resize(n);
  out->Fill(v);
}

// The rows of a batch an evaluation covers: all of `input` (sel == nullptr), or the positions
// sel[0..n) of it. Results are dense: row k of a result belongs to input row At(k).
struct Rows {
  const DataChunk& input;
  const uint32_t* sel;
  size_t n;
  uint32_t At(size_t k) const { return sel ? sel[k] : static_cast<uint32_t>(k); }
};

Status Eval(const BoundExpr& expr, const Rows& rows, Vector* out);
Result<const Vector*> Argument(const BoundExpr& expr, const Rows& rows, Vector* scratch);

// Whether evaluating `expr` can raise an error (overflow, division by zero, bad input...).
// Comparisons, boolean logic, NULL tests, column references and constants cannot.
bool CanFail(const BoundExpr& e) {
  using K = BoundExpr::Kind;
  switch (e.kind) {
    case K::kColumn:
    case K::kConstant:
    case K::kOuterRef:
    case K::kAnd:
    case K::kOr:
    case K::kNot:
    case K::kIsNull:
    case K::kIsNotNull:
    case K::kBoolTest:
    case K::kDistinctFrom:
    case K::kIn:
    case K::kGreatest:
    case K::kLeast:
    case K::kCoalesce:
    case K::kNullIf:
    case K::kCase:
      break;
    case K::kFunction: {
      const std::string& op = e.function->name;
      bool comparison = e.function->is_operator &&
                        (op == "=" || op == "<>" || op == "<" || op == "<=" || op == ">" ||
                         op == ">=" || op == "||");
      if (!comparison) return true;
      break;
    }
    default:
      return true;
  }
  for (const auto& c : e.children) {
    if (CanFail(*c)) return true;
  }
  return false;
}

// Evaluates `expr` for the rows subset[0..) of `rows` only (positions in rows' dense order),
// so that, as in PostgreSQL, a CASE branch or a later COALESCE argument is not evaluated for
// rows that do not reach it. Returns one value per entry of `subset`.
Result<Vector> EvaluateRows(const BoundExpr& expr, const Rows& rows,
                            const std::vector<uint32_t>& subset) {
  Vector out(expr.type, subset.size());
  if (subset.size() == rows.n) {
    OMEN_RETURN_IF_ERROR(Eval(expr, rows, &out));
    return out;
  }
  if (!CanFail(expr) && subset.size() * 4 >= rows.n * 3) {
    // Evaluating the other rows too is harmless and cheaper than selecting the few left out.
    Vector all(expr.type, rows.n);
    OMEN_RETURN_IF_ERROR(Eval(expr, rows, &all));
    out.Gather(all, subset.data(), subset.size());
    return out;
  }
  SelectionVector sel(subset.size());
  for (size_t k = 0; k < subset.size(); ++k) sel[k] = rows.At(subset[k]);
  OMEN_RETURN_IF_ERROR(Eval(expr, Rows{rows.input, sel.data(), sel.size()}, &out));
  return out;
}

bool IsTrue(const Vector& v, size_t i) { return v.IsValid(i) && v.Data<uint8_t>()[i] != 0; }

// AND/OR with three-valued logic, evaluated left to right: a later operand is evaluated only
// for rows the earlier ones left undecided (false decides AND, true decides OR), so that, as in
// PostgreSQL, `x <> 0 AND 1 / x > 0` never divides by zero.
Status EvaluateLogical(const BoundExpr& expr, const Rows& rows, Vector* out) {
  bool is_and = expr.kind == BoundExpr::Kind::kAnd;
  OMEN_RETURN_IF_ERROR(Eval(*expr.children[0], rows, out));
  uint8_t* a = out->Data<uint8_t>();
  for (size_t c = 1; c < expr.children.size(); ++c) {
    std::vector<uint32_t> undecided;
    for (size_t i = 0; i < rows.n; ++i) {
      bool decided = out->IsValid(i) && (a[i] != 0) != is_and;
      if (!decided) undecided.push_back(static_cast<uint32_t>(i));
    }
    if (undecided.empty()) break;
    Vector operand(TypeId::kBoolean);
    OMEN_ASSIGN_OR_RETURN(operand, EvaluateRows(*expr.children[c], rows, undecided));
    for (size_t k = 0; k < undecided.size(); ++k) {
      size_t i = undecided[k];
      bool bv = operand.IsValid(k), b = bv && operand.Data<uint8_t>()[k] != 0;
      if (bv && b != is_and) {
        out->SetValid(i, true);  // the deciding value
        a[i] = is_and ? 0 : 1;
      } else if (!bv) {
        out->SetValid(i, false);  // unknown unless a later operand decides
      }
    }
  }
  return Status::OK();
}

// x [NOT] IN (a long list of constants, e.g. a subquery's rows): one hash lookup per row.
// Equal values have equal hash keys (AppendHashKey, as hash joins use), so the answer is the
// `=` test's: true on a match; else NULL if x or an item is NULL; else false.
Status EvaluateInKeys(const BoundExpr& expr, const InListKeys& items, const Rows& rows,
                      Vector* out) {
  Vector scratch(expr.children[0]->type, 0);
  const Vector* lhs;
  OMEN_ASSIGN_OR_RETURN(lhs, Argument(*expr.children[0], rows, &scratch));
  std::string key;
  uint8_t* d = out->Data<uint8_t>();
  for (size_t i = 0; i < rows.n; ++i) {
    key.clear();
    bool found = false;
    if (lhs->IsValid(i)) {
      AppendHashKey(*lhs, i, &key);
      found = items.keys.contains(key);
    }
    const bool known = found || (lhs->IsValid(i) && !items.has_null);
    out->SetValid(i, known);
    d[i] = (found != expr.negated) ? 1 : 0;
  }
  return Status::OK();
}

// x IN (a, b, ...) as x = a OR x = b OR ...: each item is evaluated only for rows not yet true.
Status EvaluateIn(const BoundExpr& expr, const Rows& rows, Vector* out) {
  if (expr.in_keys) return EvaluateInKeys(expr, *expr.in_keys, rows, out);
  // Lists the optimizer did not see (made when a subquery's plan runs): keys per batch.
  if (std::shared_ptr<const InListKeys> keys = MakeInListKeys(expr)) {
    return EvaluateInKeys(expr, *keys, rows, out);
  }
  size_t n = rows.n;
  Vector lhs(expr.children[0]->type, n);
  OMEN_RETURN_IF_ERROR(Eval(*expr.children[0], rows, &lhs));
  std::vector<std::optional<bool>> result(n, false);
  for (size_t a = 1; a < expr.children.size(); ++a) {
    std::vector<uint32_t> open;
    for (size_t i = 0; i < n; ++i) {
      if (result[i] != true) open.push_back(static_cast<uint32_t>(i));
    }
    if (open.empty()) break;
    Vector item(expr.children[a]->type);
    OMEN_ASSIGN_OR_RETURN(item, EvaluateRows(*expr.children[a], rows, open));
    Vector left(lhs.type(), open.size());
    left.Gather(lhs, open.data(), open.size());
    Vector eq(TypeId::kBoolean, open.size());
    eq.Resize(open.size());
    for (size_t k = 0; k < open.size(); ++k) eq.SetValid(k, left.IsValid(k) && item.IsValid(k));
    OMEN_RETURN_IF_ERROR(expr.function->kernel({&left, &item}, open.size(), &eq));
    for (size_t k = 0; k < open.size(); ++k) {
      size_t i = open[k];
      if (!eq.IsValid(k)) {
        result[i] = std::nullopt;  // unknown unless a later item matches
      } else if (eq.Data<uint8_t>()[k]) {
        result[i] = true;
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    std::optional<bool> r = result[i];
    if (r && expr.negated) r = !*r;
    out->SetValid(i, r.has_value());
    if (r) out->Data<uint8_t>()[i] = *r ? 1 : 0;
  }
  return Status::OK();
}

Status EvaluateCase(const BoundExpr& expr, const Rows& rows, Vector* out) {
  size_t n = rows.n;
  for (size_t i = 0; i < n; ++i) out->SetValid(i, false);
  std::vector<uint32_t> remaining(n);
  for (size_t i = 0; i < n; ++i) remaining[i] = static_cast<uint32_t>(i);
  size_t pairs = (expr.children.size() - (expr.has_else ? 1 : 0)) / 2;
  for (size_t p = 0; p < pairs && !remaining.empty(); ++p) {
    Vector cond(TypeId::kBoolean);
    OMEN_ASSIGN_OR_RETURN(cond, EvaluateRows(*expr.children[2 * p], rows, remaining));
    std::vector<uint32_t> taken, rest;
    for (size_t k = 0; k < remaining.size(); ++k) {
      (IsTrue(cond, k) ? taken : rest).push_back(remaining[k]);
    }
    if (!taken.empty()) {
      Vector value(expr.type);
      OMEN_ASSIGN_OR_RETURN(value, EvaluateRows(*expr.children[2 * p + 1], rows, taken));
      for (size_t k = 0; k < taken.size(); ++k) out->CopyFrom(value, k, taken[k]);
    }
    remaining = std::move(rest);
  }
  if (expr.has_else && !remaining.empty()) {
    Vector value(expr.type);
    OMEN_ASSIGN_OR_RETURN(value, EvaluateRows(*expr.children.back(), rows, remaining));
    for (size_t k = 0; k < remaining.size(); ++k) out->CopyFrom(value, k, remaining[k]);
  }
  return Status::OK();
}

Status EvaluateCoalesce(const BoundExpr& expr, const Rows& rows, Vector* out) {
  size_t n = rows.n;
  for (size_t i = 0; i < n; ++i) out->SetValid(i, false);
  std::vector<uint32_t> remaining(n);
  for (size_t i = 0; i < n; ++i) remaining[i] = static_cast<uint32_t>(i);
  for (const auto& child : expr.children) {
    if (remaining.empty()) break;
    Vector value(expr.type);
    OMEN_ASSIGN_OR_RETURN(value, EvaluateRows(*child, rows, remaining));
    std::vector<uint32_t> rest;
    for (size_t k = 0; k < remaining.size(); ++k) {
      if (value.IsValid(k)) {
        out->CopyFrom(value, k, remaining[k]);
      } else {
        rest.push_back(remaining[k]);
      }
    }
    remaining = std::move(rest);
  }
  return Status::OK();
}

Status EvaluateChildren(const BoundExpr& expr, const Rows& rows, std::vector<Vector>* out) {
  for (const auto& c : expr.children) {
    out->emplace_back(c->type, rows.n);
    OMEN_RETURN_IF_ERROR(Eval(*c, rows, &out->back()));
  }
  return Status::OK();
}

// a = b through the bound "=" function, row by row (valid only where both are non-NULL).
Status Equal(const BoundExpr& expr, const Vector& a, const Vector& b, size_t n, Vector* eq) {
  *eq = Vector(TypeId::kBoolean, n);
  eq->Resize(n);
  for (size_t i = 0; i < n; ++i) eq->SetValid(i, a.IsValid(i) && b.IsValid(i));
  return expr.function->kernel({&a, &b}, n, eq);
}

void SetBool(Vector* out, size_t i, std::optional<bool> v) {
  out->SetValid(i, v.has_value());
  if (v) out->Data<uint8_t>()[i] = *v ? 1 : 0;
}

// LIKE with a constant pattern (and escape): the pattern is prepared once for the batch.
Status EvaluateLikeConstant(const BoundExpr& expr, const Rows& rows, Vector* out) {
  const Value& pattern = expr.children[1]->constant;
  std::optional<std::string_view> escape = std::string_view("\\");
  bool null = pattern.is_null();
  if (expr.children.size() == 3) {
    const Value& e = expr.children[2]->constant;
    null = null || e.is_null();
    if (!e.is_null()) {
      OMEN_ASSIGN_OR_RETURN(escape, LikeEscape(e.GetString()));
    }
  }
  const size_t n = rows.n;
  if (null) {
    for (size_t i = 0; i < n; ++i) out->SetValid(i, false);
    return Status::OK();
  }
  LikeMatcher matcher(pattern.GetString(), escape, expr.case_insensitive);
  Vector scratch(expr.children[0]->type, 0);
  const Vector* text;
  OMEN_ASSIGN_OR_RETURN(text, Argument(*expr.children[0], rows, &scratch));
  uint8_t* d = out->Data<uint8_t>();
  for (size_t i = 0; i < n; ++i) {
    out->SetValid(i, text->IsValid(i));
    if (!text->IsValid(i)) continue;
    bool m;
    OMEN_ASSIGN_OR_RETURN(m, matcher.Matches(text->Strings()[i]));
    d[i] = m != expr.negated ? 1 : 0;
  }
  return Status::OK();
}

Status EvaluateOther(const BoundExpr& expr, const Rows& rows, Vector* out) {
  size_t n = rows.n;
  if (expr.kind == BoundExpr::Kind::kLike &&
      expr.children[1]->kind == BoundExpr::Kind::kConstant &&
      (expr.children.size() < 3 || expr.children[2]->kind == BoundExpr::Kind::kConstant)) {
    return EvaluateLikeConstant(expr, rows, out);
  }
  std::vector<Vector> args;
  OMEN_RETURN_IF_ERROR(EvaluateChildren(expr, rows, &args));
  switch (expr.kind) {
    case BoundExpr::Kind::kGreatest:
    case BoundExpr::Kind::kLeast: {
      int sign = expr.kind == BoundExpr::Kind::kGreatest ? 1 : -1;
      for (size_t i = 0; i < n; ++i) {
        std::optional<size_t> best;
        Value best_value;
        for (size_t a = 0; a < args.size(); ++a) {
          if (!args[a].IsValid(i)) continue;
          Value v = args[a].GetValue(i);
          if (!best || sign * Value::Compare(v, best_value) > 0) {
            best = a;
            best_value = std::move(v);
          }
        }
        if (best) {
          out->CopyFrom(args[*best], i, i);
        } else {
          out->SetValid(i, false);
        }
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kNullIf: {
      Vector eq(TypeId::kBoolean);
      OMEN_RETURN_IF_ERROR(Equal(expr, args[0], args[1], n, &eq));
      for (size_t i = 0; i < n; ++i) {
        out->CopyFrom(args[0], i, i);
        if (IsTrue(eq, i)) out->SetValid(i, false);
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kDistinctFrom: {
      Vector eq(TypeId::kBoolean);
      OMEN_RETURN_IF_ERROR(Equal(expr, args[0], args[1], n, &eq));
      for (size_t i = 0; i < n; ++i) {
        bool an = !args[0].IsValid(i), bn = !args[1].IsValid(i);
        bool distinct = (an || bn) ? an != bn : !IsTrue(eq, i);
        SetBool(out, i, expr.negated ? !distinct : distinct);
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kLike: {
      for (size_t i = 0; i < n; ++i) {
        bool null = false;
        for (const Vector& a : args) null = null || !a.IsValid(i);
        if (null) {
          SetBool(out, i, std::nullopt);
          continue;
        }
        std::optional<std::string_view> escape = std::string_view("\\");
        if (args.size() == 3) {
          OMEN_ASSIGN_OR_RETURN(escape, LikeEscape(args[2].Strings()[i]));
        }
        bool m;
        OMEN_ASSIGN_OR_RETURN(m, LikeMatch(args[0].Strings()[i], args[1].Strings()[i], escape,
                                           expr.case_insensitive));
        SetBool(out, i, m != expr.negated);
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kBoolTest: {
      for (size_t i = 0; i < n; ++i) {
        bool valid = args[0].IsValid(i), v = valid && args[0].Data<uint8_t>()[i] != 0;
        bool r = false;
        switch (expr.bool_test) {
          case 0: r = valid && v; break;     // IS TRUE
          case 1: r = !(valid && v); break;  // IS NOT TRUE
          case 2: r = valid && !v; break;    // IS FALSE
          case 3: r = !(valid && !v); break; // IS NOT FALSE
          case 4: r = !valid; break;         // IS UNKNOWN
          default: r = valid; break;         // IS NOT UNKNOWN
        }
        SetBool(out, i, r);
      }
      return Status::OK();
    }
    default:
      return InternalError("unexpected expression kind");
  }
}

// nextval & co., row by row: each call has an effect (or reads the session's state).
Status EvaluateSequence(const BoundExpr& expr, const Rows& rows, Vector* out) {
  using Op = BoundExpr::SequenceOp;
  if (expr.sequences == nullptr) return InternalError("sequence function without a session");
  std::vector<Vector> args;
  for (const auto& c : expr.children) {
    args.emplace_back(c->type, rows.n);
    OMEN_RETURN_IF_ERROR(Eval(*c, rows, &args.back()));
  }
  size_t n = rows.n;
  for (size_t i = 0; i < n; ++i) {
    Result<int64_t> v = Status::OK();
    switch (expr.sequence_op) {
      case Op::kNextVal: v = expr.sequences->NextVal(*expr.sequence); break;
      case Op::kCurrVal: v = expr.sequences->CurrVal(*expr.sequence); break;
      case Op::kLastVal: v = expr.sequences->LastVal(); break;
      case Op::kSetVal: {
        // setval is strict: a NULL argument gives NULL and sets nothing.
        bool null = !args[0].IsValid(i) || (args.size() > 1 && !args[1].IsValid(i));
        if (null) {
          out->SetValid(i, false);
          continue;
        }
        bool is_called = args.size() < 2 || args[1].Data<uint8_t>()[i] != 0;
        v = expr.sequences->SetVal(*expr.sequence, args[0].Data<int64_t>()[i], is_called);
        break;
      }
    }
    if (!v.ok()) return v.status();
    out->Data<int64_t>()[i] = *v;
  }
  return Status::OK();
}

// current_setting / set_config, row by row: set_config changes the session's parameters, and
// a later row (or call) sees the change. current_setting is strict; set_config requires a
// name, and a NULL value sets the default.
Status EvaluateSetting(const BoundExpr& expr, const Rows& rows, Vector* out) {
  if (expr.settings == nullptr) return InternalError("setting function without a session");
  std::vector<Vector> args;
  OMEN_RETURN_IF_ERROR(EvaluateChildren(expr, rows, &args));
  for (size_t i = 0; i < rows.n; ++i) {
    const bool flag = args.size() > (expr.setting_set ? 2u : 1u) &&
                      args.back().IsValid(i) && args.back().Data<uint8_t>()[i] != 0;
    if (!args[0].IsValid(i)) {
      if (expr.setting_set) return Status(sqlstate::kNullValueNotAllowed, "SET requires parameter name");
      out->SetValid(i, false);
      continue;
    }
    std::string name = args[0].Strings()[i];
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::optional<std::string> set_to;
    if (expr.setting_set && args[1].IsValid(i)) set_to = args[1].Strings()[i];
    Result<std::string> value = expr.setting_set ? expr.settings->SetConfig(name, set_to, flag)
                                                 : expr.settings->SettingValue(name);
    if (!value.ok()) {
      // current_setting(name, missing_ok => true): NULL for an unknown parameter.
      const bool missing = value.status().sqlstate() == std::string(sqlstate::kUndefinedObject);
      if (!expr.setting_set && flag && missing) {
        out->SetValid(i, false);
        continue;
      }
      return value.status();
    }
    out->SetValid(i, true);
    out->Strings()[i] = std::move(value).value();
  }
  return Status::OK();
}

// The value of an argument: the input's own vector for a column over all rows (no copy),
// otherwise `scratch` filled by evaluation.
Result<const Vector*> Argument(const BoundExpr& expr, const Rows& rows, Vector* scratch) {
  if (expr.kind == BoundExpr::Kind::kColumn && rows.sel == nullptr) {
    return &rows.input.column(expr.column);
  }
  OMEN_RETURN_IF_ERROR(Eval(expr, rows, scratch));
  return scratch;
}

Status Eval(const BoundExpr& expr, const Rows& rows, Vector* out) {
  OMEN_RETURN_IF_ERROR(CheckStackDepth());
  const size_t n = rows.n;
  if (expr.kind == BoundExpr::Kind::kColumn) {
    const Vector& src = rows.input.column(expr.column);
    if (rows.sel == nullptr) {
      *out = src;
    } else {
      if (out->type() != src.type()) *out = Vector(src.type(), n);
      out->Gather(src, rows.sel, n);
    }
    return Status::OK();
  }
  *out = Vector(expr.type, n);
  out->Resize(n);
  switch (expr.kind) {
    case BoundExpr::Kind::kConstant:
      Broadcast(expr.constant, n, out);
      return Status::OK();
    case BoundExpr::Kind::kFunction: {
      std::vector<Vector> scratch;
      scratch.reserve(expr.children.size());
      std::vector<const Vector*> ptrs;
      ptrs.reserve(expr.children.size());
      for (const auto& c : expr.children) {
        scratch.emplace_back(c->type, 0);
        const Vector* arg;
        OMEN_ASSIGN_OR_RETURN(arg, Argument(*c, rows, &scratch.back()));
        ptrs.push_back(arg);
      }
      if (expr.function->strict && !ptrs.empty()) {
        // A row is valid where every argument is: the AND of their validity bytes.
        uint8_t* valid = out->ValidityData();
        std::memcpy(valid, ptrs[0]->ValidityData(), n);
        for (size_t k = 1; k < ptrs.size(); ++k) {
          const uint8_t* arg = ptrs[k]->ValidityData();
          for (size_t i = 0; i < n; ++i) valid[i] &= arg[i];
        }
      }
      return expr.function->kernel(ptrs, n, out);
    }
    case BoundExpr::Kind::kCast: {
      Vector scratch(expr.children[0]->type, 0);
      const Vector* arg;
      OMEN_ASSIGN_OR_RETURN(arg, Argument(*expr.children[0], rows, &scratch));
      for (size_t i = 0; i < n; ++i) {
        Value v;
        OMEN_ASSIGN_OR_RETURN(v, CastValue(arg->GetValue(i), expr.type, expr.cast_context));
        out->SetValue(i, v);
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kAnd:
    case BoundExpr::Kind::kOr:
      return EvaluateLogical(expr, rows, out);
    case BoundExpr::Kind::kIn:
      return EvaluateIn(expr, rows, out);
    case BoundExpr::Kind::kNot: {
      OMEN_RETURN_IF_ERROR(Eval(*expr.children[0], rows, out));
      uint8_t* d = out->Data<uint8_t>();
      for (size_t i = 0; i < n; ++i) d[i] = d[i] ? 0 : 1;
      return Status::OK();
    }
    case BoundExpr::Kind::kIsNull:
    case BoundExpr::Kind::kIsNotNull: {
      Vector scratch(expr.children[0]->type, 0);
      const Vector* arg;
      OMEN_ASSIGN_OR_RETURN(arg, Argument(*expr.children[0], rows, &scratch));
      bool want_null = expr.kind == BoundExpr::Kind::kIsNull;
      uint8_t* d = out->Data<uint8_t>();
      for (size_t i = 0; i < n; ++i) {
        out->SetValid(i, true);
        d[i] = (arg->IsValid(i) != want_null) ? 1 : 0;
      }
      return Status::OK();
    }
    case BoundExpr::Kind::kCase:
      return EvaluateCase(expr, rows, out);
    case BoundExpr::Kind::kCoalesce:
      return EvaluateCoalesce(expr, rows, out);
    case BoundExpr::Kind::kSubquery: {
      if (!expr.correlated) return InternalError("subquery evaluated before it was resolved");
      if (rows.sel == nullptr) return EvaluateCorrelated(expr, rows.input, out);
      DataChunk selected;
      selected.Gather(rows.input, rows.sel, n);
      return EvaluateCorrelated(expr, selected, out);
    }
    case BoundExpr::Kind::kOuterRef:
      Broadcast((*expr.outer_values)[expr.column], n, out);
      return Status::OK();
    case BoundExpr::Kind::kParameter: {
      const std::vector<Value>* values = CurrentParameterValues();
      if (values == nullptr || expr.column >= values->size()) {
        return InternalError("parameter evaluated in a statement bound only for preparing");
      }
      Broadcast((*values)[expr.column], n, out);
      return Status::OK();
    }
    case BoundExpr::Kind::kSequence:
      return EvaluateSequence(expr, rows, out);
    case BoundExpr::Kind::kSetting:
      return EvaluateSetting(expr, rows, out);
    default:
      return EvaluateOther(expr, rows, out);
  }
}

// Narrows sel[0..*n) (positions of `input`) to the rows where `predicate` is true, keeping
// their order. A top-level AND is applied operand by operand, each one evaluated only for the
// rows all earlier ones passed: as PostgreSQL's qual lists stop at the first operand that is
// not true, `x <> 0 AND 1 / x > 0` never divides by zero.
Status SelectRows(const BoundExpr& predicate, const DataChunk& input, uint32_t* sel, size_t* n) {
  if (predicate.kind == BoundExpr::Kind::kAnd) {
    for (const auto& operand : predicate.children) {
      if (*n == 0) break;
      OMEN_RETURN_IF_ERROR(SelectRows(*operand, input, sel, n));
    }
    return Status::OK();
  }
  const bool all = *n == input.size();
  Vector keep(TypeId::kBoolean, 0);
  OMEN_RETURN_IF_ERROR(Eval(predicate, Rows{input, all ? nullptr : sel, *n}, &keep));
  const uint8_t* k = keep.Data<uint8_t>();
  const uint8_t* valid = keep.ValidityData();
  size_t kept = 0;
  for (size_t i = 0; i < *n; ++i) {
    sel[kept] = sel[i];
    kept += valid[i] & static_cast<uint8_t>(k[i] != 0);
  }
  *n = kept;
  return Status::OK();
}

}  // namespace

Status Evaluate(const BoundExpr& expr, const DataChunk& input, Vector* out) {
  return Eval(expr, Rows{input, nullptr, input.size()}, out);
}

Status Evaluate(const BoundExpr& expr, const DataChunk& input, const SelectionVector& sel,
                Vector* out) {
  return Eval(expr, Rows{input, sel.data(), sel.size()}, out);
}

Status Select(const BoundExpr& predicate, const DataChunk& input, SelectionVector* sel) {
  size_t n = input.size();
  sel->resize(n);
  for (size_t i = 0; i < n; ++i) (*sel)[i] = static_cast<uint32_t>(i);
  OMEN_RETURN_IF_ERROR(SelectRows(predicate, input, sel->data(), &n));
  sel->resize(n);
  return Status::OK();
}

Result<Value> EvaluateConstant(const BoundExpr& expr) {
  DataChunk one;
  one.SetSize(1);
  Vector out(expr.type, 1);
  OMEN_RETURN_IF_ERROR(Evaluate(expr, one, &out));
  return out.GetValue(0);
}

}  // namespace omendb::sql
