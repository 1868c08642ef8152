// TableData: the row versions of one table (the delta store of DESIGN.md) and its key index.
//
// Versions are appended into row groups of kVectorSize rows (columnar, with per-row MVCC stamps,
// see storage/txn/mvcc.h) and never move, so a position identifies a version for good. Every
// table has a storage key: its primary key, or for a table without one a hidden dense bigint row
// id. An ordered index maps each storage key to its newest version; older versions of the same
// key are chained behind it. An update is the deletion of the old version plus a new version
// linked from it as its successor.
//
// Thread-safe: readers and writers of different rows proceed concurrently (an internal latch
// guards the physical structures for short sections; MVCC stamps decide visibility). Waiting
// for another transaction never happens while the latch is held.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <vector>

#include "catalog/table_schema.h"
#include "common/status.h"
#include "storage/txn/mvcc.h"
#include "storage/txn/transaction_manager.h"
#include "types/vector.h"

namespace omendb {

// A bound on the primary key: a prefix of the key columns' values (all non-null, of the key
// columns' types). An empty prefix means unbounded.
struct KeyBound {
  std::vector<Value> prefix;
  bool inclusive = true;
};

// What a scan reads. Rows come in storage order for full scans and in key order for key scans.
struct ScanSpec {
  std::vector<size_t> column_ids;  // output columns, in this order
  // The versions the scan sees.
  Snapshot snapshot;
  // When set, only rows whose key lies in [lower, upper] (bounds as given) are read, through
  // the primary-key index.
  bool use_key_range = false;
  KeyBound lower, upper;
  // When set, only rows whose key starts with one of `key_points` are read (IN lists), in key
  // order. REQUIRES: points sorted ascending, no duplicates; exclusive with use_key_range.
  bool use_key_points = false;
  std::vector<std::vector<Value>> key_points;
  // When set, only these versions are read (if the snapshot sees them and they satisfy the key
  // range or points above), in this order: the re-check of rows updated concurrently.
  const std::vector<uint64_t>* positions = nullptr;
  // Upper limit on rows produced (LIMIT pushed down); stops the scan early.
  uint64_t limit = UINT64_MAX;
  // Appends a bigint column holding each row version's position (for UPDATE and DELETE).
  bool with_row_ids = false;
};

// Produces the rows of a scan batch by batch.
class TableScanner {
 public:
  virtual ~TableScanner() = default;
  // Fills *out (whose columns match ScanSpec::column_ids) with the next batch of up to
  // kVectorSize rows. Returns false when the scan is exhausted (then out->size() == 0).
  virtual Result<bool> Next(DataChunk* out) = 0;
};

// The result of trying to take a version for update or delete.
struct LockOutcome {
  enum Kind {
    kLocked,        // the caller now owns the deletion of the version
    kSelfDeleted,   // the caller's transaction already deleted it
    kUpdated,       // a concurrent transaction committed an update or delete of it
  } kind;
  // kUpdated: the newest committed version the update chain leads to, or kNoPosition when
  // the row was deleted (or its chain ends in a deletion).
  uint64_t successor = 0;
};

inline constexpr uint64_t kNoPosition = UINT64_MAX;

class TableData {
 public:
  TableData(TableSchema schema, TransactionManager* txns);
  ~TableData();

  const TableSchema& schema() const { return schema_; }
  bool has_hidden_key() const { return schema_.primary_key.empty(); }
  // Versions stored so far (live, dead and aborted).
  uint64_t version_count() const;

  // Appends `rows` as new versions created by `txn_id`, appending their positions to
  // *positions. For a table without primary key each row gets the next hidden row id (or
  // the ids from `hidden_ids` when replaying). Waits for running transactions that insert or
  // delete the same key, then errors 23505 if the key is taken by a version that is committed
  // and not deleted, or written by this transaction (PostgreSQL's unique check sees committed
  // rows outside the snapshot too). On error nothing is appended.
  // REQUIRES: rows match the table's column types; NOT NULL checked by the caller.
  Status Insert(const DataChunk& rows, uint64_t txn_id, const uint64_t* hidden_ids,
                std::vector<uint64_t>* positions);

  // Takes the version at `pos` (one `snapshot` sees) for deletion by `snapshot.txn_id`,
  // waiting while another running transaction holds it. A concurrent committed update gives
  // kUpdated in READ COMMITTED and 40001 in REPEATABLE READ. 40P01 on deadlock.
  Result<LockOutcome> Lock(uint64_t pos, const Snapshot& snapshot, IsolationLevel isolation);
  // Records that the version at `pos` (locked by the caller) was replaced by `successor`.
  void SetSuccessor(uint64_t pos, uint64_t successor);

  // Finishing a transaction: stamps its versions with the commit timestamp, or undoes them.
  void CommitInsert(uint64_t pos, Timestamp ts);
  void CommitDelete(uint64_t pos, Timestamp ts);
  void AbortInsert(uint64_t pos);
  void AbortDelete(uint64_t pos);

  // The types of the storage key's columns.
  std::vector<LogicalType> KeyTypes() const;
  // The storage key of the version at `pos` (primary key values, or the hidden row id).
  std::vector<Value> StorageKey(uint64_t pos) const;
  // The hidden row id of a version. REQUIRES: has_hidden_key().
  uint64_t HiddenId(uint64_t pos) const;
  // The position of the version of `key` that `snapshot` sees, or kNoPosition.
  uint64_t FindVisible(const std::vector<Value>& key, const Snapshot& snapshot) const;

  // Registers `txn_id` as a writer of the table, unless another running transaction is
  // dropping it: then returns that transaction's id (wait for it), else 0.
  uint64_t AddWriter(uint64_t txn_id);
  void RemoveWriter(uint64_t txn_id);
  // Marks the table as being dropped by `txn_id`; returns the other running writers (DROP
  // waits for them). ClearDropping undoes it (the drop rolled back).
  std::vector<uint64_t> MarkDropping(uint64_t txn_id);
  void ClearDropping();

  // The scanner reads a consistent snapshot while writers proceed.
  std::unique_ptr<TableScanner> Scan(const ScanSpec& spec) const;

 private:
  struct KeyLess {
    using is_transparent = void;
    bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
  };
  using KeyIndex = std::map<std::vector<Value>, uint64_t, KeyLess>;
  struct RowGroup;
  friend class KeyIndexScanner;
  friend class FullScanner;
  friend class PositionScanner;

  std::vector<Value> KeyOf(const DataChunk& chunk, size_t row) const;
  RowGroup& Group(uint64_t pos) const;
  std::atomic<uint64_t>& BeginStamp(uint64_t pos) const;
  std::atomic<uint64_t>& EndStamp(uint64_t pos) const;
  // Whether `snapshot` sees the version at `pos`. REQUIRES: latch_ held.
  bool SeesLocked(uint64_t pos, const Snapshot& snapshot) const;
  // The newest version of `key`'s chain that `snapshot` sees. REQUIRES: latch_ held.
  uint64_t VisibleInChainLocked(uint64_t newest, const Snapshot& snapshot) const;
  // REQUIRES: latch_ held (shared is enough).
  bool KeyInRange(uint64_t pos, const ScanSpec& spec) const;
  void GatherRow(uint64_t pos, const std::vector<size_t>& column_ids, DataChunk* out) const;
  Status DuplicateKey(const std::vector<Value>& key) const;

  TableSchema schema_;
  TransactionManager* txns_;
  std::vector<size_t> key_columns_;  // storage key columns (hidden id: the extra last column)

  mutable std::shared_mutex latch_;  // guards groups_ (the vector), size_ and index_
  std::vector<std::unique_ptr<RowGroup>> groups_;
  uint64_t size_ = 0;
  KeyIndex index_;
  uint64_t next_hidden_id_ = 1;

  mutable std::mutex writers_mu_;
  std::vector<uint64_t> writers_;
  uint64_t dropping_ = 0;  // the running transaction dropping the table
};

}  // namespace omendb
