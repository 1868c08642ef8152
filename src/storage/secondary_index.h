// SecondaryIndex: the entries of one index over some columns of a table (CREATE INDEX, UNIQUE
// constraints), in memory.
//
// An entry is the indexed values followed by the storage key of a row version (its primary
// key, or the hidden row id): one per distinct (values, key) pair ever inserted, so an update
// that leaves the indexed columns alone adds nothing, and entries stay valid across merges
// (they name keys, not positions). An entry may outlive the version it was made for: readers
// resolve the key to the version their snapshot sees and keep it only if that version's
// indexed values equal the entry's (TableData does both). The entries are rebuilt from the
// table's rows when the engine opens, so they need no log or file of their own.
//
// Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <shared_mutex>
#include <string>
#include <vector>

#include "absl/container/btree_set.h"
#include "catalog/table_schema.h"
#include "storage/table_data.h"

namespace omendb {

// Orders entries column by column, NULLs after every value (PostgreSQL's default index order);
// compares the common prefix only, so a shorter vector acts as a prefix in lookups.
struct IndexEntryLess {
  using is_transparent = void;
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    return Compare(a, b) < 0;
  }
  static int Compare(const std::vector<Value>& a, const std::vector<Value>& b);
};

class SecondaryIndex {
 public:
  // `schema` is the index's catalog entry (schema.index set).
  explicit SecondaryIndex(const TableSchema& schema)
      : id_(schema.table_id), name_(schema.name), columns_(schema.index->columns),
        unique_(schema.index->unique) {}

  uint64_t id() const { return id_; }
  const std::string& name() const { return name_; }
  // The indexed table's columns, in index order.
  const std::vector<size_t>& columns() const { return columns_; }
  bool unique() const { return unique_; }

  // An index with the same definition and no entries (to rebuild one).
  std::shared_ptr<SecondaryIndex> EmptyCopy() const {
    auto copy = std::shared_ptr<SecondaryIndex>(new SecondaryIndex(id_, name_, columns_, unique_));
    copy->set_creator(creator());
    copy->set_dropper(dropper());
    return copy;
  }

  // Adds the entry (indexed values, then storage key) unless present.
  void Add(std::vector<Value> entry);
  // Entries whose indexed values (the first columns().size() values) start with a prefix in
  // [lower, upper] (bounds as given; an empty prefix is unbounded), in index order, beginning
  // after `after` (when not empty; a whole entry), at most `max` of them.
  std::vector<std::vector<Value>> Range(const KeyBound& lower, const KeyBound& upper,
                                        const std::vector<Value>& after, size_t max) const;
  size_t entries() const;

  // The running transaction that created the index (0 once committed), and the one that
  // drops it (0: none): other writers wait for them, as PostgreSQL's locks make them; the
  // dropper's own writes are no longer held to the index.
  uint64_t creator() const { return creator_.load(std::memory_order_acquire); }
  void set_creator(uint64_t txn_id) const { creator_.store(txn_id, std::memory_order_release); }
  uint64_t dropper() const { return dropper_.load(std::memory_order_acquire); }
  void set_dropper(uint64_t txn_id) const { dropper_.store(txn_id, std::memory_order_release); }

 private:
  SecondaryIndex(uint64_t id, std::string name, std::vector<size_t> columns, bool unique)
      : id_(id), name_(std::move(name)), columns_(std::move(columns)), unique_(unique) {}

  const uint64_t id_;
  const std::string name_;
  const std::vector<size_t> columns_;
  const bool unique_;
  // Transaction state beside the entries (settable through a const index).
  mutable std::atomic<uint64_t> creator_{0};
  mutable std::atomic<uint64_t> dropper_{0};
  mutable std::shared_mutex mu_;
  absl::btree_set<std::vector<Value>, IndexEntryLess> entries_;
};

}  // namespace omendb
