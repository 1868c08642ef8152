#include "session/plan_cache.h"

#include "sql/plan/plan_walk.h"

namespace omendb {

void GenericPlanCache::Revalidate(uint64_t catalog_version, const std::string& search_path,
                                  const std::string& time_zone) {
  if (catalog_version == catalog_version_ && search_path == search_path_ &&
      time_zone == time_zone_) {
    return;
  }
  plan.reset();
  custom_runs = 0;
  catalog_version_ = catalog_version;
  search_path_ = search_path;
  time_zone_ = time_zone;
}

namespace {

bool HasRecursion(const sql::LogicalOperator& op) {
  using K = sql::LogicalOperator::Kind;
  if (op.kind == K::kRecursiveUnion || op.kind == K::kWorkTableScan) return true;
  for (const auto& c : op.children) {
    if (HasRecursion(*c)) return true;
  }
  return false;
}

// The node below any filters and projections.
const sql::LogicalOperator& Skip(const sql::LogicalOperator& op) {
  using K = sql::LogicalOperator::Kind;
  if ((op.kind == K::kFilter || op.kind == K::kProjection) && op.children.size() == 1) {
    return Skip(*op.children[0]);
  }
  return op;
}

// How a scan finds its rows: 0 reads them all, 1 looks keys up (points, or a range of one
// key), else a key range: 2 + 1 if bounded below + 2 if bounded above.
int KeyAccess(const sql::LogicalOperator& get) {
  if (get.use_key_points) return 1;
  if (!get.use_key_range) return 0;
  const sql::KeyRange& r = get.key_range;
  if (!r.lower.empty() && !r.upper.empty() && r.lower_inclusive && r.upper_inclusive &&
      r.lower.size() == r.upper.size() && Value::Compare(r.lower[0], r.upper[0]) == 0) {
    return 1;
  }
  // Bounds known when the scan starts: one expression as both (an equality) is a lookup.
  if (get.key_lower_expr && get.key_upper_expr && get.key_lower_expr_inclusive &&
      get.key_upper_expr_inclusive &&
      get.key_lower_expr->ToString() == get.key_upper_expr->ToString()) {
    return 1;
  }
  const bool lower = !r.lower.empty() || get.key_lower_expr != nullptr;
  const bool upper = !r.upper.empty() || get.key_upper_expr != nullptr;
  return 2 + (lower ? 1 : 0) + (upper ? 2 : 0);
}

}  // namespace

bool CanReusePlan(const sql::BoundStatement& generic) {
  if (generic.kind != sql::BoundStatement::Kind::kQuery || !generic.plan) return false;
  if (HasRecursion(*generic.plan)) return false;
  return !sql::AnyExpression(*generic.plan, [](const sql::BoundExpr& e) {
    using K = sql::BoundExpr::Kind;
    return e.kind == K::kSubquery || e.kind == K::kSetting || e.kind == K::kOuterRef ||
           (e.kind == K::kFunction && e.function != nullptr && e.function->is_stable);
  });
}

bool SameAccessPaths(const sql::LogicalOperator& generic, const sql::LogicalOperator& custom) {
  const sql::LogicalOperator& a = Skip(generic);
  const sql::LogicalOperator& b = Skip(custom);
  if (a.kind != b.kind || a.children.size() != b.children.size()) return false;
  if (a.kind == sql::LogicalOperator::Kind::kGet) {
    if (a.table != b.table || a.index != b.index || KeyAccess(a) != KeyAccess(b) ||
        a.key_descending != b.key_descending ||
        (a.scan_limit == UINT64_MAX) != (b.scan_limit == UINT64_MAX) ||
        a.zone_filters.size() != b.zone_filters.size()) {
      return false;
    }
  }
  if (a.kind == sql::LogicalOperator::Kind::kJoin && a.join_type != b.join_type) return false;
  for (size_t i = 0; i < a.children.size(); ++i) {
    if (!SameAccessPaths(*a.children[i], *b.children[i])) return false;
  }
  return true;
}

}  // namespace omendb
