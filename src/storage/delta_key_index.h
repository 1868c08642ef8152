// DeltaKeyIndex: the delta store's ordered map from a storage key to its newest version.
//
// A key of one integer column (smallint, integer, bigint, date, timestamp[tz], and the hidden
// row id of tables without a primary key) is held as an int64 in a B-tree: lookups and inserts
// compare machine integers and allocate nothing per key. Other keys are held as Value vectors
// in a B-tree ordered by KeyLess. Either way the index answers the same questions in the same
// order, so callers never see which one they hold.
//
// Not thread-safe: the delta store's latch guards it. Upsert invalidates iterators; a reader
// that releases the latch resumes by key (Seek), not by iterator.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/container/btree_map.h"
#include "types/value.h"

namespace omendb {

// Orders storage keys; compares the common prefix only, so a shorter vector acts as a key
// prefix in lookups.
struct KeyLess {
  using is_transparent = void;
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
      int c = Value::Compare(a[i], b[i]);
      if (c != 0) return c < 0;
    }
    return false;
  }
};

// Whether keys of these types take DeltaKeyIndex's integer path.
bool IsIntegerKey(const std::vector<LogicalType>& key_types);

class DeltaKeyIndex {
  using IntTree = absl::btree_map<int64_t, uint64_t>;
  using ValueTree = absl::btree_map<std::vector<Value>, uint64_t, KeyLess>;

 public:
  // An entry in key order. Valid until the next Upsert.
  class Iterator {
   public:
    uint64_t pos() const { return int_ ? i_->second : v_->second; }
    bool is_int() const { return int_; }
    // REQUIRES: the index is on integer keys.
    int64_t int_key() const { return i_->first; }
    // The entry's key as Values (of the index's key types).
    std::vector<Value> key() const;
    Iterator& operator++();
    Iterator& operator--();
    bool operator==(const Iterator& o) const { return int_ ? i_ == o.i_ : v_ == o.v_; }
    bool operator!=(const Iterator& o) const { return !(*this == o); }

   private:
    friend class DeltaKeyIndex;
    bool int_ = false;
    LogicalType type_;
    IntTree::const_iterator i_;
    ValueTree::const_iterator v_;
  };

  // What Find and Upsert return for no version (kNoPosition).
  static constexpr uint64_t kNone = UINT64_MAX;

  explicit DeltaKeyIndex(std::vector<LogicalType> key_types);

  bool int_key() const { return int_; }
  size_t size() const { return int_ ? ints_.size() : values_.size(); }

  // The newest version of `key` (a whole key), or kNoPosition.
  uint64_t Find(const std::vector<Value>& key) const;
  // REQUIRES: int_key().
  uint64_t FindInt(int64_t key) const {
    if (ints_.empty() || key > max_int_) return kNone;  // saves the descent when appending
    auto it = ints_.find(key);
    return it == ints_.end() ? kNone : it->second;
  }
  // Makes `pos` the newest version of `key`; returns the previous newest, or kNoPosition.
  uint64_t Upsert(const std::vector<Value>& key, uint64_t pos);
  // REQUIRES: int_key().
  uint64_t UpsertInt(int64_t key, uint64_t pos);

  Iterator begin() const;
  Iterator end() const;
  // The first entry whose key is >= `prefix` (> with `upper`), comparing the prefix only.
  // An empty prefix gives begin() (end() with `upper`).
  Iterator Seek(const std::vector<Value>& prefix, bool upper) const;
  // Whether a's key sorts before b's. REQUIRES: neither is end().
  bool Less(const Iterator& a, const Iterator& b) const {
    return int_ ? a.i_->first < b.i_->first : KeyLess()(a.v_->first, b.v_->first);
  }

 private:
  Iterator Make() const {
    Iterator it;
    it.int_ = int_;
    it.type_ = type_;
    return it;
  }

  bool int_;
  LogicalType type_;  // of the integer key
  IntTree ints_;
  int64_t max_int_ = 0;  // the largest key in ints_ (when not empty)
  ValueTree values_;
};

}  // namespace omendb
