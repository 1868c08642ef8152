#include "sql/plan/join_keys.h"

namespace omendb::sql {
namespace {

void Conjuncts(const BoundExpr& e, std::vector<const BoundExpr*>* out) {
  if (e.kind == BoundExpr::Kind::kAnd) {
    for (const auto& c : e.children) Conjuncts(*c, out);
    return;
  }
  out->push_back(&e);
}

// -1: reads left columns only; 1: right columns only; 0: both, or no column at all.
int SideOf(const BoundExpr& e, size_t left_width) {
  size_t lo, hi;
  if (!e.ColumnRange(&lo, &hi)) return 0;
  if (hi < left_width) return -1;
  if (lo >= left_width) return 1;
  return 0;
}

}  // namespace

EquiJoinSplit SplitEquiJoin(const BoundExpr& predicate, size_t left_width) {
  std::vector<const BoundExpr*> conjuncts;
  Conjuncts(predicate, &conjuncts);
  EquiJoinSplit split;
  for (const BoundExpr* c : conjuncts) {
    if (c->kind == BoundExpr::Kind::kFunction && c->function->name == "=" &&
        c->children.size() == 2) {
      int a = SideOf(*c->children[0], left_width), b = SideOf(*c->children[1], left_width);
      if (a == -1 && b == 1) {
        split.keys.emplace_back(c->children[0].get(), c->children[1].get());
        continue;
      }
      if (a == 1 && b == -1) {
        split.keys.emplace_back(c->children[1].get(), c->children[0].get());
        continue;
      }
    }
    split.rest.push_back(c);
  }
  return split;
}

}  // namespace omendb::sql
