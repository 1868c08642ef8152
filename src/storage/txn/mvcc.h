// Multi-version concurrency control: the stamps every row version carries and the rule that
// decides which versions a snapshot sees (timestamp MVCC as in HyPer and Hekaton).
//
// A version has a `begin` stamp (who created it) and an `end` stamp (who deleted it). A stamp
// is either a commit timestamp (< kTxnIdBase), the id of a transaction that has not finished
// (kTxnIdBase <= id < kAborted), or one of the markers kNotDeleted / kAborted. Transactions
// stamp their versions with their id while running and replace the ids with their commit
// timestamp when they commit, before the timestamp becomes visible to new snapshots.
#pragma once

#include <cstdint>

namespace omendb {

using Timestamp = uint64_t;

inline constexpr uint64_t kTxnIdBase = uint64_t{1} << 63;
// `end` of a version nobody has deleted.
inline constexpr uint64_t kNotDeleted = UINT64_MAX;
// `begin` of a version whose creator rolled back: never visible.
inline constexpr uint64_t kAborted = UINT64_MAX - 1;

inline bool IsTxnId(uint64_t stamp) { return stamp >= kTxnIdBase && stamp < kAborted; }
inline bool IsCommitTs(uint64_t stamp) { return stamp < kTxnIdBase; }

enum class IsolationLevel : uint8_t { kReadCommitted, kRepeatableRead };

// What one statement reads: every version committed at or before `read_ts`, plus the versions
// written by transaction `txn_id` itself (0: none).
struct Snapshot {
  Timestamp read_ts = 0;
  uint64_t txn_id = 0;

  bool Sees(uint64_t begin, uint64_t end) const {
    bool born = begin == txn_id || begin <= read_ts;
    if (!born) return false;
    if (end == kNotDeleted) return true;
    if (end == txn_id) return false;
    if (!IsCommitTs(end)) return true;  // another transaction's uncommitted delete
    return end > read_ts;
  }
};

}  // namespace omendb
