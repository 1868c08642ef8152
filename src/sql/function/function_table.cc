#include "sql/function/function_table.h"

#include "types/cast.h"

namespace omendb::sql {
namespace {

bool IsUntyped(LogicalType t) { return t.id() == TypeId::kUnknown || t.id() == TypeId::kNull; }
// kInvalid in a signature accepts any type.
bool IsAny(LogicalType t) { return t.id() == TypeId::kInvalid; }

LogicalType ArgType(const ScalarFunction& f, size_t i) {
  return f.variadic ? f.arg_types[0] : f.arg_types[i];
}

bool Accepts(LogicalType want, LogicalType have) {
  return IsAny(want) || IsUntyped(have) || want.SameBase(have) ||
         CanCast(have, want, CastContext::kImplicit);
}

template <typename Score>
void KeepBest(std::vector<const ScalarFunction*>* c, Score score) {
  int best = -1;
  std::vector<const ScalarFunction*> kept;
  for (const ScalarFunction* f : *c) {
    int s = score(*f);
    if (s > best) {
      best = s;
      kept.clear();
    }
    if (s == best) kept.push_back(f);
  }
  *c = std::move(kept);
}

}  // namespace

ScalarFunction& FunctionTable::Add(std::string name, std::vector<LogicalType> args,
                                   LogicalType ret, ScalarKernel kernel, bool is_operator) {
  auto f = std::make_unique<ScalarFunction>();
  f->name = std::move(name);
  f->arg_types = std::move(args);
  f->return_type = ret;
  f->kernel = kernel;
  f->is_operator = is_operator;
  by_name_[f->name].push_back(f.get());
  functions_.push_back(std::move(f));
  return *functions_.back();
}

bool FunctionTable::Has(const std::string& name) const { return by_name_.count(name) != 0; }

const ScalarFunction* FunctionTable::Select(const std::string& name,
                                            const std::vector<LogicalType>& arg_types,
                                            bool binary_operator, bool* ambiguous) const {
  *ambiguous = false;
  const size_t n = arg_types.size();
  std::vector<const ScalarFunction*> all;
  auto named = by_name_.find(name);
  if (named == by_name_.end()) return nullptr;
  for (const ScalarFunction* f : named->second) {
    // A variadic function takes at least one argument (PostgreSQL's VARIADIC "any").
    if (f->variadic ? n >= 1 : f->arg_types.size() == n) all.push_back(f);
  }
  // 1. An exact match; for a binary operator with one untyped side, as if it had the other's
  // type.
  std::vector<LogicalType> exact = arg_types;
  if (binary_operator && n == 2 && IsUntyped(exact[0]) != IsUntyped(exact[1])) {
    exact[0] = exact[1] = IsUntyped(exact[0]) ? exact[1] : exact[0];
  }
  for (const ScalarFunction* f : all) {
    bool match = true;
    for (size_t i = 0; i < n && match; ++i) {
      match = !IsUntyped(exact[i]) && (IsAny(ArgType(*f, i)) || ArgType(*f, i).SameBase(exact[i]));
    }
    if (match) return f;
  }
  // 2. Candidates every argument converts to implicitly.
  std::vector<const ScalarFunction*> c;
  for (const ScalarFunction* f : all) {
    bool ok = true;
    for (size_t i = 0; i < n && ok; ++i) ok = Accepts(ArgType(*f, i), arg_types[i]);
    if (ok) c.push_back(f);
  }
  if (c.size() <= 1) return c.empty() ? nullptr : c[0];
  // 3. Most exact matches.
  KeepBest(&c, [&](const ScalarFunction& f) {
    int s = 0;
    for (size_t i = 0; i < n; ++i) s += ArgType(f, i).SameBase(arg_types[i]);
    return s;
  });
  if (c.size() == 1) return c[0];
  // 4. Most preferred types of the argument's category where a conversion is needed.
  KeepBest(&c, [&](const ScalarFunction& f) {
    int s = 0;
    for (size_t i = 0; i < n; ++i) {
      LogicalType want = ArgType(f, i), have = arg_types[i];
      s += !IsUntyped(have) && !want.SameBase(have) && want.IsPreferred() &&
           want.category() == have.category();
    }
    return s;
  });
  if (c.size() == 1) return c[0];
  // 5. Untyped arguments: the string category if any candidate takes it there, else the one
  // category all take; then preferred types of that category.
  bool any_untyped = false;
  for (size_t i = 0; i < n; ++i) {
    if (!IsUntyped(arg_types[i])) continue;
    any_untyped = true;
    bool string = false, same = true;
    TypeCategory cat = TypeCategory::kUnknown;
    for (size_t k = 0; k < c.size(); ++k) {
      TypeCategory ck = ArgType(*c[k], i).category();
      string = string || ck == TypeCategory::kString;
      if (k == 0) cat = ck;
      same = same && ck == cat;
    }
    if (string) {
      cat = TypeCategory::kString;
    } else if (!same) {
      *ambiguous = true;
      return nullptr;
    }
    std::vector<const ScalarFunction*> kept;
    bool preferred = false;
    for (const ScalarFunction* f : c) {
      if (ArgType(*f, i).category() != cat) continue;
      kept.push_back(f);
      preferred = preferred || ArgType(*f, i).IsPreferred();
    }
    if (preferred) {
      std::erase_if(kept, [&](const ScalarFunction* f) { return !ArgType(*f, i).IsPreferred(); });
    }
    c = std::move(kept);
  }
  if (c.size() == 1) return c[0];
  // 6. Untyped arguments beside known ones all of one type: take that type for them.
  if (any_untyped) {
    std::optional<LogicalType> known;
    bool one = true;
    for (LogicalType t : arg_types) {
      if (IsUntyped(t)) continue;
      if (known && !known->SameBase(t)) one = false;
      known = t;
    }
    if (known && one) {
      std::vector<const ScalarFunction*> kept;
      for (const ScalarFunction* f : c) {
        bool ok = true;
        for (size_t i = 0; i < n && ok; ++i) {
          if (IsUntyped(arg_types[i])) ok = Accepts(ArgType(*f, i), *known);
        }
        if (ok) kept.push_back(f);
      }
      if (kept.size() == 1) return kept[0];
    }
  }
  *ambiguous = !c.empty();
  return nullptr;
}

}  // namespace omendb::sql
