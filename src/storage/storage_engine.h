// StorageEngine: the catalog and the tables of one data directory, MVCC transactions over them,
// and their durability through a write-ahead log with group commit.
//
// Concurrency: transactions run concurrently under timestamp MVCC (storage/txn/mvcc.h); row
// writes conflict first-updater-wins. DDL is transactional through the catalog: uncommitted
// tables are private to their creator; DROP TABLE waits for transactions that wrote the table,
// and writers of a table being dropped wait for the dropper. Tables stay alive while a scan
// holds them, so a committed DROP never pulls a table from under a running statement.
//
// Durability: a commit is acknowledged only after its WAL record is durable (fdatasync, shared
// by every commit waiting at the time: group commit), unless the transaction asked for
// synchronous_commit = off. After any WAL write or sync failure the engine refuses further
// writes (durability of the failed records is unknown); a restart recovers from the log.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "catalog/catalog.h"
#include "common/env.h"
#include "common/status.h"
#include "storage/table_data.h"
#include "storage/txn/transaction_manager.h"
#include "storage/wal/log_writer.h"
#include "storage/wal/record_buffer.h"

namespace omendb {

class Transaction;

struct StorageOptions {
  // Share one fdatasync among the commits waiting at the time (group commit). Off, every commit
  // syncs on its own (the baseline group commit is measured against).
  bool group_commit = true;
  // A table whose delta holds this many row versions is merged into its main store.
  uint64_t merge_threshold = 1'000'000;
  // Rows per main-store segment.
  uint64_t segment_rows = 1'000'000;
  // A checkpoint runs once this many WAL bytes were written since the last one.
  uint64_t checkpoint_wal_bytes = uint64_t{64} << 20;
  // Merge and checkpoint in a background thread (otherwise only through Checkpoint()).
  bool background_maintenance = true;
};

class StorageEngine {
 public:
  ~StorageEngine();

  // Opens (creating if missing) the data directory `dir`, taking an exclusive lock on it: maps
  // the segment files the manifest names and replays the WAL written after them. Errors: 58030
  // for I/O, 55006 when another process has it open, XX001 for a corrupt manifest, segment or
  // log (start-up refused, naming the file and offset).
  static Result<std::unique_ptr<StorageEngine>> Open(const std::string& dir,
                                                     const StorageOptions& options = {},
                                                     Env* env = Env::Default());

  // Starts a transaction. Its reads see a snapshot taken at its first statement (REPEATABLE
  // READ) or at each statement (READ COMMITTED).
  std::unique_ptr<Transaction> Begin(IsolationLevel isolation);

  // Thread-safe; uncommitted DDL is visible only to its transaction.
  const Catalog& catalog() const { return catalog_; }
  // The table's data, or nullptr when it has been dropped.
  std::shared_ptr<TableData> GetTableData(uint64_t table_id) const;

  TransactionManager& txns() { return txns_; }
  const std::string& dir() const { return dir_; }

  // Sequences (CREATE SEQUENCE; `seq` is the sequence's catalog entry). Not transactional: a
  // value handed out is never handed out again, whatever happens to `caller`, and is durable
  // before it is returned: the sequence's one row (last_value, log_cnt, is_called) is logged
  // ahead (32 values at a time) by a transaction of its own committed at once, or by `caller`
  // when `caller` created the sequence and has not committed yet.
  // NextVal errors 2200H when a sequence without CYCLE is exhausted.
  Result<int64_t> NextVal(const TableSchema& seq, Transaction* caller);
  // Gives sequence `to` (a copy of `from` with a new table id, made by `caller` with the same
  // row) `from`'s state in memory, so it continues exactly where `from` stands (ALTER TABLE
  // of the owning table). A nextval of `from` running concurrently may still hand out values
  // `to` hands out again.
  Status CopySequenceState(const TableSchema& from, const TableSchema& to, Transaction* caller);
  // Sets the sequence's last value (22003 outside its bounds); with `is_called` false the next
  // NextVal returns `value` itself.
  Status SetVal(const TableSchema& seq, int64_t value, bool is_called, Transaction* caller);
  // The row a new sequence starts with (its columns' types: bigint, bigint, boolean).
  static DataChunk InitialSequenceRow(const SequenceOptions& options);

  // Merges every table's delta into its main store (best effort: a table whose writers do not
  // drain in time keeps its delta), writes new segment files and the catalog, atomically
  // replaces the manifest, then removes the WAL files and segment files no longer needed.
  // Commits proceed meanwhile except for a moment while the catalog is captured. One
  // checkpoint at a time.
  Status Checkpoint();

 private:
  friend class Transaction;
  StorageEngine(std::string dir, const StorageOptions& options, Env* env)
      : dir_(std::move(dir)), options_(options), env_(env) {}

  Status Recover();
  // Loads the manifest's catalog and segments; sets the replay bounds.
  Status LoadManifest();
  // Deletes segment files the manifest does not name and a leftover MANIFEST.tmp.
  Status RemoveUnnamedFiles();
  // Applies one committed transaction's payload (replay), skipping what the checkpoint holds.
  Status ApplyCommit(std::string_view payload, Timestamp* commit_ts);
  // Starts a new WAL file after making the current one durable. REQUIRES: wal_mu_ held.
  Status RotateWal();
  std::string WalPath(uint64_t number) const;
  void MaintenanceLoop();
  Status WritesRefused() const;
  void MarkFailed(const Status& s);
  bool failed() const { return failed_.load(std::memory_order_acquire); }
  // A synchronous commit under group commit, from its WAL append until a group leader has
  // made it durable and applied it (shared: the leader wakes it after releasing sync_mu_).
  struct CommitWaiter {
    Transaction* txn = nullptr;
    Timestamp ts = 0;
    uint64_t lsn = 0;
    enum State { kQueued, kTaken, kDone } state = kQueued;  // kTaken: a leader applies it
    Status status;  // with kDone: OK once applied, else why it failed (nothing applied)
    std::condition_variable cv;
  };
  // Appends a commit record; returns its LSN. Assigns *ts in WAL order. With `waiter`, queues
  // it (on success) for WaitCommitted.
  Result<uint64_t> AppendCommit(const wal::RecordBuffer& payload, Timestamp* ts,
                                std::shared_ptr<CommitWaiter> waiter);
  // Blocks until every record up to `lsn` is durable, syncing as the group's leader when no
  // sync is running.
  Status WaitDurable(uint64_t lsn);
  // Blocks until the queued `waiter`'s commit is durable and applied (by whichever committer
  // leads the sync that covers it: the leader applies its whole group in commit order, so
  // the others wake once, finished), or failed.
  Status WaitCommitted(const std::shared_ptr<CommitWaiter>& waiter);
  // Syncs the WAL up to what is written, then completes the queued commits it made durable.
  // REQUIRES: `l` holds sync_mu_; !syncing_. Returns with `l` held.
  Status LeadSync(std::unique_lock<std::mutex>& l);
  // Applies the queued commits that are durable, in order, and wakes their committers; wakes
  // the next queued committer to lead a sync. REQUIRES: `l` holds sync_mu_; !syncing_.
  void CompleteDurableCommits(std::unique_lock<std::mutex>& l);
  // Records a WAL failure; queued commits not yet durable fail (writes refused). REQUIRES:
  // sync_mu_ held.
  void FailLocked(const Status& s);
  void FlusherLoop();

  std::string dir_;
  StorageOptions options_;
  Env* env_;
  int lock_fd_ = -1;
  TransactionManager txns_;

  Catalog catalog_;
  mutable std::mutex tables_mu_;
  std::unordered_map<uint64_t, std::shared_ptr<TableData>> tables_;

  // A sequence's state in memory (loaded from its row on first use).
  struct SequenceState {
    std::mutex mu;  // held while the row is logged, so values are handed out in order
    bool loaded = false;
    int64_t last_value = 0;
    bool is_called = false;
    bool covered = false;      // values up to covered_upto are logged
    int64_t covered_upto = 0;  // (in the direction of the increment)
  };
  std::shared_ptr<SequenceState> SequenceStateOf(uint64_t id);
  // Loads the state from the sequence's row (as `caller` sees it). REQUIRES: state->mu held.
  Status LoadSequence(const TableSchema& seq, Transaction* caller, SequenceState* state);
  // Replaces the sequence's row with (last_value, is_called), durably (see NextVal).
  Status StoreSequenceRow(const TableSchema& seq, int64_t last_value, bool is_called,
                          Transaction* caller);
  std::mutex sequences_mu_;
  std::unordered_map<uint64_t, std::shared_ptr<SequenceState>> sequences_;

  std::mutex wal_mu_;  // appends, in commit-timestamp order
  std::unique_ptr<wal::LogWriter> wal_;
  uint64_t wal_number_ = 1;            // the file being appended to (under wal_mu_)
  Timestamp last_logged_ts_ = 0;       // under wal_mu_
  std::map<uint64_t, Timestamp> closed_wal_files_;  // number -> newest ts in it (under wal_mu_)
  std::atomic<uint64_t> wal_bytes_since_checkpoint_{0};

  // Checkpoints: one at a time; the segment files already written, by segment.
  std::mutex checkpoint_mu_;
  // Keyed by the segment itself (kept alive until a checkpoint no longer names it).
  std::unordered_map<std::shared_ptr<const Segment>, std::string> segment_files_;
  uint64_t next_segment_file_ = 1;
  // Replay bounds from the manifest: DDL up to catalog_ts_ and each table's rows up to its
  // watermark are in the checkpoint.
  Timestamp catalog_ts_ = 0;
  std::unordered_map<uint64_t, Timestamp> replay_watermarks_;

  std::mutex maintenance_mu_;
  std::condition_variable maintenance_cv_;
  bool maintenance_stop_ = false;
  std::thread maintenance_;
  std::mutex sync_mu_;
  std::condition_variable sync_cv_;
  uint64_t written_lsn_ = 0;  // under sync_mu_
  uint64_t durable_lsn_ = 0;  // under sync_mu_
  bool syncing_ = false;      // under sync_mu_
  std::deque<std::shared_ptr<CommitWaiter>> commit_queue_;  // under sync_mu_, in LSN order
  bool stopping_ = false;     // under sync_mu_
  std::atomic<bool> failed_{false};
  Status write_failure_;  // set once (under sync_mu_) before failed_
  std::thread flusher_;   // makes synchronous_commit = off commits durable within ~10 ms
  std::condition_variable flusher_cv_;  // wakes the flusher only to stop (under sync_mu_)
};

// One transaction. Not thread-safe (one session drives it). Destroying an unfinished
// transaction rolls it back.
class Transaction {
 public:
  ~Transaction();

  uint64_t id() const { return id_; }
  IsolationLevel isolation() const { return isolation_; }
  // Changes the isolation level. REQUIRES: no statement has taken a snapshot yet.
  void set_isolation(IsolationLevel level) { isolation_ = level; }
  // Whether a statement has run (SET TRANSACTION ISOLATION LEVEL must precede it).
  bool has_snapshot() const { return has_snapshot_; }
  // The snapshot for a new statement: the transaction's one snapshot in REPEATABLE READ, a
  // fresh one in READ COMMITTED.
  Snapshot StatementSnapshot();
  // A fresh snapshot, for READ COMMITTED's re-check of concurrently updated rows.
  Snapshot LatestSnapshot() const;

  // DDL on catalog entries (tables, sequences, views, indexes, schemas), named by their keys
  // (TableSchema::Key). Waits while another running transaction creates or drops the same
  // key (40P01 on deadlock). 42P07 (42P06 for a schema) if the key is taken. Creating an index (schema.index set) fills it
  // from the table's rows after waiting for the table's running writers (23505 when a
  // unique index finds duplicates).
  Result<const TableSchema*> CreateTable(TableSchema schema);
  // Dropping a table also waits for running transactions that wrote it. 42P01 if absent.
  // Dropping an index drops it alone (the caller drops a table's indexes with it).
  Status DropTable(const std::string& name);

  // Registers the transaction as a writer of the table before it reads the row positions it
  // will update or delete (they stay valid until it ends: merges wait for writers). Waits for
  // a running transaction dropping the table (42P01 if that one commits).
  Status DeclareWrite(uint64_t table_id) { return TableForWrite(table_id).status(); }

  // Inserts rows (see TableData::Insert for unique checks and waits); appends the new
  // versions' positions to *positions when given.
  // REQUIRES: rows match the table's column types; NOT NULL already checked by the caller.
  Status Insert(uint64_t table_id, const DataChunk& rows,
                std::vector<uint64_t>* positions = nullptr);
  // Takes the version at `pos` for update or delete (see TableData::Lock); when locked, the
  // version is deleted when the transaction commits.
  Result<LockOutcome> Lock(uint64_t table_id, uint64_t pos, const Snapshot& snapshot);
  // Records that the locked version at `pos` was replaced by the inserted version `successor`.
  void SetSuccessor(uint64_t table_id, uint64_t pos, uint64_t successor);

  // Savepoints: a mark of the work done so far, and undoing everything after a mark.
  struct Mark {
    size_t undo = 0;
    size_t payload = 0;
  };
  Mark Savepoint() const { return Mark{undo_.size(), payload_.size()}; }
  void RollbackTo(const Mark& mark);

  // Makes the transaction durable (unless `synchronous` is false: then it is logged and made
  // durable by the background flusher within milliseconds) and visible. On error nothing of it
  // survives in memory (it is rolled back) and the engine refuses further writes if the WAL
  // failed.
  Status Commit(bool synchronous = true);
  void Rollback();
  bool finished() const { return finished_; }

 private:
  friend class StorageEngine;
  Transaction(StorageEngine* engine, uint64_t id, IsolationLevel isolation)
      : engine_(engine), id_(id), isolation_(isolation) {}

  struct Undo {
    // kCreateEntry, kDropEntry: an index or a schema (catalog entries without rows).
    enum Kind { kCreate, kDrop, kInsert, kDelete, kCreateEntry, kDropEntry } kind;
    TableData* table = nullptr;  // kept alive by touched_ (kInsert, kDelete) or `data`
    uint64_t pos = 0;            // kInsert (the first of `count` consecutive), kDelete
    uint64_t table_id = 0;       // kCreate, kDrop; the entry's id for kCreateEntry, kDropEntry
    std::shared_ptr<TableData> data;  // kCreate, kDrop; an index's table for the entry kinds
    uint64_t count = 1;               // kInsert
  };
  // The table for a write: registers this transaction as its writer, waiting first for a
  // running transaction that drops it (42P01 if that one commits).
  Result<TableData*> TableForWrite(uint64_t table_id);
  void UndoOne(Undo* u);
  // Builds and attaches the entries of `index` (just added to the catalog) and logs it.
  Status CreateIndex(const TableSchema& index);
  // Inserts versions / takes a version and records the undo (no WAL payload: callers log).
  Status InsertVersions(TableData* table, const DataChunk& rows, const uint64_t* hidden_ids,
                        std::vector<uint64_t>* added);
  Result<LockOutcome> LockVersion(TableData* table, uint64_t pos, const Snapshot& snapshot);
  // Ends the transaction: unregisters it as a writer and wakes waiters.
  void Finish();
  // Stamps every version with `ts`, makes the DDL final and (unless replaying) publishes `ts`.
  void Apply(Timestamp ts, bool publish = true);
  // Replay: stamps the transaction committed at `ts` without logging it.
  void CommitReplayed(Timestamp ts);

  StorageEngine* engine_;
  uint64_t id_;
  IsolationLevel isolation_;
  bool has_snapshot_ = false;
  Snapshot snapshot_;
  wal::RecordBuffer payload_;  // the WAL record being built
  std::vector<Undo> undo_;
  // Tables this transaction wrote (kept alive until it ends).
  std::unordered_map<TableData*, std::shared_ptr<TableData>> touched_;
  bool finished_ = false;
};

}  // namespace omendb
