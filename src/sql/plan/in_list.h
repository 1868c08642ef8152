// Long IN lists of constants (literal, or a subquery's rows) answered by hashing: the items'
// hash keys, built once per statement by the optimizer and shared by every batch.
#pragma once

#include <memory>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "sql/plan/bound_expr.h"

namespace omendb::sql {

struct InListKeys {
  // Each non-NULL item's AppendHashKey image (equal values have equal images, as hash joins
  // rely on), and whether some item is NULL.
  absl::flat_hash_set<std::string> keys;
  bool has_null = false;
};

// The keys of `in` (a kIn) when it is `=` against more than 16 constants of the tested
// expression's type; null otherwise (then comparing item by item is as fast).
std::shared_ptr<const InListKeys> MakeInListKeys(const BoundExpr& in);

}  // namespace omendb::sql
