// The two stores behind TableData (internal to src/storage): the main store (immutable
// segments plus per-row end stamps) and the delta store (versioned row groups plus a key
// index). A generation of both is swapped in at once by a merge; scans pin the generation
// they started on.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "storage/delta_key_index.h"
#include "storage/segment/segment.h"
#include "storage/table_data.h"

namespace omendb {

// Positions: delta versions are numbered from 0; main rows carry the top bit, their segment
// and their row.
inline constexpr uint64_t kMainBit = uint64_t{1} << 63;
inline constexpr int kRowBits = 40;
inline bool IsMainPos(uint64_t pos) { return pos != kNoPosition && (pos & kMainBit) != 0; }
inline uint64_t MainPos(size_t segment, uint64_t row) {
  return kMainBit | (uint64_t{segment} << kRowBits) | row;
}
inline size_t SegmentOf(uint64_t pos) {
  return static_cast<size_t>((pos & ~kMainBit) >> kRowBits);
}
inline uint64_t RowOf(uint64_t pos) { return pos & ((uint64_t{1} << kRowBits) - 1); }

struct MainSegment {
  std::shared_ptr<const Segment> segment;
  std::unique_ptr<std::atomic<uint64_t>[]> end;  // per row: kNotDeleted, a txn id or a ts
  uint64_t first_row = 0;  // of the whole main store
  std::vector<Value> last_key;
};

struct MainStore {
  std::vector<MainSegment> segments;
  uint64_t rows = 0;
  // Main rows whose end stamp is set (locked or deleted): the store differs from its segments.
  std::atomic<uint64_t> stamped{0};
  // Successors of updated main rows (delta positions), few compared to the rows.
  std::mutex successor_mu;
  std::unordered_map<uint64_t, uint64_t> successors;

  bool int_key = false;  // the key is one integer column: lookups compare int64 directly
  std::vector<int64_t> last_ints;  // with int_key: each segment's last key, for the search

  std::atomic<uint64_t>& End(uint64_t pos) const { return segments[SegmentOf(pos)].end[RowOf(pos)]; }
  // Adds a segment (its rows follow the store's) whose rows' end stamps are `ends`.
  void Append(std::shared_ptr<const Segment> segment, const uint64_t* ends);
  // The main position of exactly `key`, or kNoPosition.
  uint64_t Find(const std::vector<Value>& key) const;
  // Find for a one-integer key. REQUIRES: int_key.
  uint64_t FindInt(int64_t key) const;
  // Global row numbers (0..rows) of the first row whose key is >= `prefix` (or > with
  // `upper`), comparing the prefix only.
  uint64_t Bound(const std::vector<Value>& prefix, bool upper) const;
  // The position of global row `g`. REQUIRES: g < rows.
  uint64_t PosOfGlobal(uint64_t g) const;
  const Segment& SegmentAt(uint64_t pos) const { return *segments[SegmentOf(pos)].segment; }
};

struct RowGroup {
  explicit RowGroup(const std::vector<LogicalType>& types) : data(types) {}
  DataChunk data;
  std::atomic<uint64_t> begin[kVectorSize];
  std::atomic<uint64_t> end[kVectorSize];
  // The version that replaced this one (an update), or kNoPosition.
  std::atomic<uint64_t> successor[kVectorSize];
  // The previous delta version of the same storage key, or kNoPosition. Written under the
  // exclusive latch before the version becomes reachable from the index; never changed after.
  uint64_t older[kVectorSize];
};

struct DeltaStore {
  // Versions of keys of `key_types`, whose values are columns `key_columns` of the rows.
  DeltaStore(const std::vector<LogicalType>& key_types, std::vector<size_t> key_columns)
      : index(key_types), key_columns(std::move(key_columns)) {}

  // Guards groups (the vector), size and index; stamps are atomics read without it.
  mutable std::shared_mutex latch;
  std::vector<std::unique_ptr<RowGroup>> groups;
  uint64_t size = 0;
  DeltaKeyIndex index;  // key -> newest delta version
  const std::vector<size_t> key_columns;
  // index.size(), readable without the latch: point lookups skip an empty delta. A version a
  // snapshot may see was counted before its commit was published.
  std::atomic<uint64_t> keys{0};

  RowGroup& GroupLocked(uint64_t pos) const { return *groups[pos / kVectorSize]; }
  RowGroup& Group(uint64_t pos) const {
    std::shared_lock l(latch);
    return GroupLocked(pos);
  }
  // The begin and end stamps of version `pos`. REQUIRES: latch held.
  struct Stamps {
    uint64_t begin, end;
  };
  Stamps StampsLocked(uint64_t pos) const {
    const RowGroup& g = GroupLocked(pos);
    size_t o = pos % kVectorSize;
    return {g.begin[o].load(std::memory_order_acquire), g.end[o].load(std::memory_order_acquire)};
  }
  // REQUIRES: latch held.
  bool SeesLocked(uint64_t pos, const Snapshot& snapshot) const {
    Stamps s = StampsLocked(pos);
    return snapshot.Sees(s.begin, s.end);
  }
  // The newest version of `head`'s chain (an index entry's position) that `snapshot` sees, or
  // kNoPosition. REQUIRES: latch held.
  uint64_t VisibleInChainLocked(uint64_t head, const Snapshot& snapshot) const {
    for (uint64_t p = head; p != kNoPosition; p = GroupLocked(p).older[p % kVectorSize]) {
      if (SeesLocked(p, snapshot)) return p;
    }
    return kNoPosition;
  }
  // Appends rows [from, from + count) of `rows` (columns as stored) as versions stamped
  // `begin` and `end`, each linked as the newest of its key; returns the first position (the
  // others follow it). REQUIRES: latch held exclusively.
  uint64_t AppendLocked(const std::vector<LogicalType>& types, const DataChunk& rows,
                        size_t from, size_t count, uint64_t begin, uint64_t end);
};

// Orders the key of delta index entry `entry` against that of main row `main_pos`: < 0, 0 or
// > 0. REQUIRES: `entry` is not the end.
inline int CompareToMain(const DeltaKeyIndex::Iterator& entry, const MainStore& main,
                         uint64_t main_pos) {
  const Segment& seg = main.SegmentAt(main_pos);
  if (entry.is_int() && main.int_key) {
    int64_t a = entry.int_key(), b = seg.IntKeyAt(RowOf(main_pos));
    return a < b ? -1 : a > b ? 1 : 0;
  }
  std::vector<Value> mk = seg.KeyAt(RowOf(main_pos));
  std::vector<Value> dk = entry.key();
  KeyLess less;
  return less(dk, mk) ? -1 : less(mk, dk) ? 1 : 0;
}

// The version that replaced `pos` (a delta version's own field, a main row's map entry), or
// kNoPosition when it was deleted or is alive.
inline uint64_t SuccessorOf(MainStore& main, const DeltaStore& delta, uint64_t pos) {
  if (!IsMainPos(pos)) {
    return delta.Group(pos).successor[pos % kVectorSize].load(std::memory_order_acquire);
  }
  std::lock_guard l(main.successor_mu);
  auto it = main.successors.find(pos);
  return it == main.successors.end() ? kNoPosition : it->second;
}

}  // namespace omendb
