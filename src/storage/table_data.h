// TableData: the rows of one table, stored twice over by age as DESIGN.md describes.
//
// Every table has a storage key: its primary key, or for a table without one a hidden dense
// bigint row id. The main store is a list of immutable segments (storage/segment/) sorted by
// key, each with a learned index when the key is one integer column, plus an end stamp per row
// (who deleted it; storage/txn/mvcc.h). The delta store holds newer versions in row groups of
// kVectorSize rows with begin and end stamps, and an ordered index from key to the newest
// delta version (older versions of the key chained behind it; the main row, if any, is the
// oldest). An update deletes the old version and links the new one as its successor.
//
// A merge (Merge) rebuilds main from the versions alive at a watermark no running snapshot is
// older than, keeps newer versions in a new delta, and swaps both in at once; scans keep
// reading the generation they started on. Positions name versions within a generation:
// writers register (AddWriter) before they read positions; a merge builds while they write,
// then waits until no writer is registered to carry over what changed meanwhile and swap.
//
// Thread-safe: readers and writers of different rows proceed concurrently; waiting for another
// transaction never happens while an internal latch is held.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
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

// "<column> <op> <constant>": a full scan skips main-store blocks whose zone map proves that no
// row satisfies it (rows it returns still need the caller's filter).
struct ScanZoneFilter {
  enum class Op { kEq, kLt, kLe, kGt, kGe } op;
  size_t column;
  Value constant;  // non-NULL, of the column's type
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
  // When set, only these versions are read (if the snapshot sees their creation, deleted
  // since or not, and they satisfy the key range or points above), in this order: the
  // re-check of rows updated concurrently.
  // REQUIRES: the scanning transaction is a registered writer (positions stay valid).
  const std::vector<uint64_t>* positions = nullptr;
  // Key scans (range or points) return rows in descending key order.
  bool descending = false;
  // Upper limit on rows produced (LIMIT pushed down); stops the scan early.
  uint64_t limit = UINT64_MAX;
  // Conditions full scans use to skip blocks of the main store.
  std::vector<ScanZoneFilter> zone_filters;
  // Appends a bigint column holding each row version's position (for UPDATE and DELETE).
  bool with_row_ids = false;
  // When nonzero, the key range or points above bound the values of this secondary index's
  // columns (a prefix of them) instead of the primary key; rows come in index order
  // (ascending only).
  uint64_t index_id = 0;
  // Late materialization in full scans: when set, the scan reads the output columns
  // `prefilter_columns` (positions in column_ids) of a run of main-store rows first, in that
  // order, and `prefilter` narrows the run to the rows (positions in the chunk, ascending) worth
  // reading; only those rows are read and returned. Delta rows are returned unfiltered: the
  // caller still filters every row it gets.
  std::vector<size_t> prefilter_columns;
  std::function<Status(const DataChunk& columns, std::vector<uint32_t>* rows)> prefilter;
};

// Produces the rows of a scan batch by batch.
class TableScanner {
 public:
  virtual ~TableScanner() = default;
  // Fills *out (whose columns match ScanSpec::column_ids) with the next batch of up to
  // kVectorSize rows. Returns false when the scan is exhausted (then out->size() == 0).
  virtual Result<bool> Next(DataChunk* out) = 0;
  // Main-store blocks skipped so far because their zone maps exclude a zone filter.
  virtual uint64_t zone_blocks_skipped() const { return 0; }
  // Rows ScanSpec::prefilter dropped so far.
  virtual uint64_t prefiltered_rows() const { return 0; }
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

class Segment;
class SecondaryIndex;
struct MainStore;
struct DeltaStore;

// Estimates for the optimizer: rows, and per column what the main store's zone maps know.
struct TableStatistics {
  uint64_t rows = 0;  // main rows not deleted plus delta versions (live or not): an upper bound
  struct Column {
    Value min, max;        // over the main store's non-NULL values (NULL when unknown)
    uint64_t nulls = 0;    // NULLs in the main store
  };
  std::vector<Column> columns;  // one per table column
};

// How primary-key lookups search the main store (for EXPLAIN).
struct KeyIndexSummary {
  uint64_t main_rows = 0;
  size_t segments = 0;
  size_t learned_segments = 0;  // segments searched through a learned index
  uint32_t epsilon = 0;         // their error bound (the largest, should they differ)
  uint64_t models = 0;          // their linear models, in all
  uint64_t model_bytes = 0;
  uint64_t delta_keys = 0;      // keys with versions in the delta store
};

// What a merge did.
struct MergeStats {
  bool merged = false;           // false: writers did not drain in time; nothing changed
  Timestamp watermark = 0;       // versions alive at this timestamp went to main
  uint64_t main_rows = 0;        // rows in the new main store
  uint64_t delta_versions = 0;   // versions kept in the new delta
  uint64_t dropped_versions = 0; // dead or aborted versions reclaimed
  size_t segments = 0;
  // How long new writers of the table waited (draining, carrying over changes, the swap);
  // the build before it runs alongside them.
  double writers_held_ms = 0;
};

class TableData {
 public:
  TableData(TableSchema schema, TransactionManager* txns);
  ~TableData();

  const TableSchema& schema() const { return schema_; }
  bool has_hidden_key() const { return schema_.primary_key.empty(); }
  // Versions in the delta store (live, dead and aborted): what a merge would fold into main.
  uint64_t delta_versions() const;
  // Rows in the main store.
  uint64_t main_rows() const;

  // Appends `rows` as new versions created by `txn_id`, appending their positions to
  // *positions. For a table without primary key each row gets the next hidden row id (or
  // the ids from `hidden_ids` when replaying). Waits for running transactions that insert or
  // delete the same key, then errors 23505 if the key is taken by a version that is committed
  // and not deleted, or written by this transaction (PostgreSQL's unique check sees committed
  // rows outside the snapshot too); likewise for the non-NULL values of each unique index.
  // Adds the new versions' entries to every secondary index. On error nothing is appended.
  // REQUIRES: rows match the table's column types; NOT NULL checked by the caller; `txn_id`
  // registered with AddWriter.
  Status Insert(const DataChunk& rows, uint64_t txn_id, const uint64_t* hidden_ids,
                std::vector<uint64_t>* positions);

  // Takes the version at `pos` (one `snapshot` sees) for deletion by `snapshot.txn_id`,
  // waiting while another running transaction holds it. A concurrent committed update gives
  // kUpdated in READ COMMITTED and 40001 in REPEATABLE READ. 40P01 on deadlock.
  Result<LockOutcome> Lock(uint64_t pos, const Snapshot& snapshot, IsolationLevel isolation);
  // Records that the version at `pos` (locked by the caller) was replaced by `successor`.
  void SetSuccessor(uint64_t pos, uint64_t successor);

  // Finishing a transaction: stamps its versions with the commit timestamp, or undoes them.
  // Inserts stamp the `count` consecutive versions from `pos` (one Insert's positions).
  void CommitInserts(uint64_t pos, uint64_t count, Timestamp ts);
  void CommitDelete(uint64_t pos, Timestamp ts);
  void AbortInserts(uint64_t pos, uint64_t count);
  void AbortDelete(uint64_t pos);

  // The types of the storage key's columns.
  std::vector<LogicalType> KeyTypes() const;
  // The storage key of the version at `pos` (primary key values, or the hidden row id).
  std::vector<Value> StorageKey(uint64_t pos) const;
  // The hidden row id of a version. REQUIRES: has_hidden_key().
  uint64_t HiddenId(uint64_t pos) const;
  // The position of the version of `key` that `snapshot` sees, or kNoPosition.
  uint64_t FindVisible(const std::vector<Value>& key, const Snapshot& snapshot) const;

  // Registers `txn_id` as a writer of the table (waiting while a merge swaps the stores in),
  // unless another running transaction excludes writers (it drops the table or creates an
  // index on it): then returns that transaction's id (wait for it), else 0.
  uint64_t AddWriter(uint64_t txn_id);
  void RemoveWriter(uint64_t txn_id);
  // Makes new writers other than `txn_id` wait for `txn_id` (DROP TABLE, CREATE INDEX; more
  // than one transaction may exclude at a time); returns the other running writers (the
  // caller waits for them). AdmitWriters(txn_id) undoes it.
  std::vector<uint64_t> ExcludeWriters(uint64_t txn_id);
  void AdmitWriters(uint64_t txn_id);

  // Secondary indexes. AddIndex fills `index` from every version of the table and attaches
  // it; for a unique index it errors 23505 when two live rows (not aborted, not deleted) have
  // equal non-NULL values, and nothing changes. REQUIRES: no running transaction but the
  // caller's writes the table (ExcludeWriters, then wait for the writers it returned).
  // `check_unique` false (recovery) attaches without the check: the rows loaded may include
  // versions deleted later in the log.
  Status AddIndex(std::shared_ptr<SecondaryIndex> index, bool check_unique = true);
  void RemoveIndex(uint64_t index_id);
  // The attached index `index_id`, or nullptr.
  std::shared_ptr<const SecondaryIndex> FindIndex(uint64_t index_id) const;
  // The position of a version `snapshot` sees whose values of index `index_id`'s columns are
  // `values` (none NULL), or kNoPosition (also when the index is gone).
  uint64_t FindVisibleByIndex(uint64_t index_id, const std::vector<Value>& values,
                              const Snapshot& snapshot) const;

  // Folds the delta into a new main store: builds main from the versions alive at the
  // watermark (the oldest running snapshot) in segments of up to `segment_rows` rows while
  // writers go on; then waits up to `drain_timeout_ms` for registered writers to finish (new
  // ones wait meanwhile; if they do not drain, nothing changes), carries over the end stamps
  // set and the versions added since, keeps newer versions in a new delta, and swaps.
  Result<MergeStats> Merge(uint64_t segment_rows, int drain_timeout_ms = 200);
  // The main store's segments and the watermark they hold the table as of (checkpoint).
  std::vector<std::shared_ptr<const Segment>> MainSegments(Timestamp* watermark) const;
  // Replaces an empty table's main store with `segments` (recovery). REQUIRES: no versions yet.
  void LoadMain(std::vector<std::shared_ptr<const Segment>> segments, Timestamp watermark);

  // Row count and per-column statistics (from the zone maps; no scan).
  TableStatistics Statistics() const;
  KeyIndexSummary KeyIndex() const;

  // The scanner reads a consistent snapshot while writers proceed.
  std::unique_ptr<TableScanner> Scan(const ScanSpec& spec) const;

 private:
  struct State {
    std::shared_ptr<MainStore> main;
    std::shared_ptr<DeltaStore> delta;
  };
  friend class KeyIndexScanner;
  friend class FullScanner;
  friend class PositionScanner;
  friend class SecondaryIndexScanner;

  State CurrentState() const;
  // Publishes `next` as the current stores. REQUIRES: state_mu_ held exclusively. The caller
  // must call rcu::Synchronize() and delete the result once it has released its locks.
  const State* SwapState(State next);
  // The position of the version of `key` in `st` that `snapshot` sees, or kNoPosition.
  static uint64_t FindVisibleIn(const State& st, const std::vector<Value>& key,
                                const Snapshot& snapshot);
  // The values of `columns` of the version at `pos`. REQUIRES: the delta latch held for delta
  // positions.
  std::vector<Value> ValuesAt(const State& st, uint64_t pos,
                              const std::vector<size_t>& columns) const;
  std::vector<std::shared_ptr<SecondaryIndex>> Indexes() const;
  // Adds an entry to `index` for every version in `st` (aborted ones aside); appends the
  // indexed values of live versions without NULLs to *live when given. REQUIRES: the delta
  // latch held.
  void FillIndex(const State& st, SecondaryIndex* index,
                 std::vector<std::vector<Value>>* live) const;
  // After a merge (writers drained): rebuilds the indexes whose entries outnumber the
  // versions by far (entries of reclaimed versions are dropped).
  void CompactIndexes();
  // Checks row `r` of `rows` against unique index `index`: 23505 when a live version has its
  // non-NULL values; sets *wait_for when a running transaction's version decides it.
  // REQUIRES: the delta latch held exclusively.
  Status CheckUnique(const State& st, const SecondaryIndex& index, const DataChunk& rows,
                     size_t r, uint64_t txn_id, uint64_t* wait_for) const;
  Status DuplicateIndexKey(const SecondaryIndex& index, const std::vector<Value>& values,
                           bool creating) const;
  std::vector<Value> KeyOfChunk(const DataChunk& chunk, size_t row) const;
  // Checks that the primary keys of `rows` may be inserted: 23505 when a key is taken by a
  // version that is committed and not deleted or is written by `txn_id`, or repeats within
  // `rows`; sets *wait_for when a running transaction's version decides a key. REQUIRES: the
  // delta latch held exclusively; the table has a primary key.
  Status CheckKeysFree(const State& st, const DataChunk& rows, uint64_t txn_id,
                       uint64_t* wait_for) const;
  void StampBegins(uint64_t pos, uint64_t count, uint64_t stamp);
  // The storage key of delta version `pos`. REQUIRES: the delta's latch held.
  std::vector<Value> StorageKeyOf(const DeltaStore& delta, uint64_t pos) const;
  std::atomic<uint64_t>& EndStamp(const State& st, uint64_t pos) const;
  Status DuplicateKey(const std::vector<Value>& key) const;

  TableSchema schema_;
  TransactionManager* txns_;
  std::vector<size_t> key_columns_;  // storage key columns (hidden id: the extra last column)

  // Serializes swaps of the stores; guards the merge watermark.
  mutable std::shared_mutex state_mu_;
  // The current stores, published for lock-free readers (rcu.h); owned. Swapped under
  // state_mu_ by SwapState.
  std::atomic<const State*> state_{nullptr};
  Timestamp main_watermark_ = 0;
  std::atomic<uint64_t> next_hidden_id_{1};

  mutable std::mutex writers_mu_;
  std::condition_variable writers_cv_;
  std::vector<uint64_t> writers_;
  std::vector<uint64_t> excluders_;  // running transactions excluding other writers
  bool merging_ = false;        // a merge runs (one at a time)
  bool merge_pending_ = false;  // new writers wait while a merge drains and swaps

  mutable std::mutex indexes_mu_;
  std::vector<std::shared_ptr<SecondaryIndex>> indexes_;
};

}  // namespace omendb
