#include "storage/secondary_index.h"

#include <algorithm>
#include <mutex>

namespace omendb {

int IndexEntryLess::Compare(const std::vector<Value>& a, const std::vector<Value>& b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const bool an = a[i].is_null(), bn = b[i].is_null();
    if (an || bn) {
      if (an != bn) return an ? 1 : -1;
      continue;
    }
    int c = Value::Compare(a[i], b[i]);
    if (c != 0) return c;
  }
  return 0;
}

void SecondaryIndex::Add(std::vector<Value> entry) {
  std::unique_lock l(mu_);
  entries_.insert(std::move(entry));
}

size_t SecondaryIndex::entries() const {
  std::shared_lock l(mu_);
  return entries_.size();
}

std::vector<std::vector<Value>> SecondaryIndex::Range(const KeyBound& lower,
                                                      const KeyBound& upper,
                                                      const std::vector<Value>& after,
                                                      size_t max) const {
  std::vector<std::vector<Value>> out;
  std::shared_lock l(mu_);
  // Transparent comparison on a prefix: lower_bound finds the first entry starting with it,
  // upper_bound the first beyond all that start with it.
  auto it = entries_.begin();
  if (!lower.prefix.empty()) {
    it = lower.inclusive ? entries_.lower_bound(lower.prefix) : entries_.upper_bound(lower.prefix);
  }
  if (!after.empty()) {
    auto next = entries_.upper_bound(after);  // entries all have after's length
    if (it != entries_.end() && (next == entries_.end() || IndexEntryLess::Compare(*it, *next) < 0)) {
      it = next;
    }
  }
  for (; it != entries_.end() && out.size() < max; ++it) {
    if (!upper.prefix.empty()) {
      int c = IndexEntryLess::Compare(*it, upper.prefix);
      if (c > 0 || (c == 0 && !upper.inclusive)) break;
    }
    out.push_back(*it);
  }
  return out;
}

}  // namespace omendb
