// StorageEngine: the catalog and the data of every table in one data directory, made durable
// by a write-ahead log.
//
// Concurrency (foundation design, replaced by MVCC in the storage issue): readers hold mutex()
// shared; a writer holds it exclusively from BeginWrite() until Commit()/Rollback(), so no
// reader ever sees uncommitted changes. A commit is acknowledged only after its WAL record is
// durable (fdatasync). After any WAL write or sync failure the engine refuses further writes
// (durability of the failed record is unknown); a restart recovers from the log.
#pragma once

#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/catalog.h"
#include "common/env.h"
#include "common/status.h"
#include "storage/table_data.h"
#include "storage/wal/log_writer.h"

namespace omendb {

class WriteTransaction;

class StorageEngine {
 public:
  ~StorageEngine();

  // Opens (creating if missing) the data directory `dir`, taking an exclusive lock on it and
  // replaying its WAL. Errors: 58030 for I/O, 55006 when another process has it open, XX001 for
  // a corrupt log (start-up refused, naming the file and offset).
  static Result<std::unique_ptr<StorageEngine>> Open(const std::string& dir,
                                                     Env* env = Env::Default());

  // Readers take this shared; BeginWrite() callers take it exclusively.
  std::shared_mutex& mutex() { return mu_; }

  // REQUIRES: mutex() held (shared or exclusive).
  const Catalog& catalog() const { return catalog_; }
  const TableData* GetTableData(uint64_t table_id) const;

  // Starts the one write transaction. REQUIRES: mutex() held exclusively until it ends.
  std::unique_ptr<WriteTransaction> BeginWrite();

  const std::string& dir() const { return dir_; }

 private:
  friend class WriteTransaction;
  StorageEngine(std::string dir, Env* env) : dir_(std::move(dir)), env_(env) {}

  Status Recover();
  // Applies one committed transaction's payload (replay).
  Status ApplyCommit(std::string_view payload);
  Status WritesRefused() const;

  std::string dir_;
  Env* env_;
  int lock_fd_ = -1;
  std::shared_mutex mu_;
  Catalog catalog_;
  std::unordered_map<uint64_t, std::unique_ptr<TableData>> tables_;
  std::unique_ptr<wal::LogWriter> wal_;
  Status write_failure_;  // set once a WAL write or sync fails
};

// The changes of one transaction: applied in memory at once (visible only to its owner, who
// holds the exclusive lock), logged as one WAL record at Commit(), undone by Rollback() or by
// destruction without Commit().
class WriteTransaction {
 public:
  ~WriteTransaction();

  // Errors 42P07 if the name is taken.
  Result<const TableSchema*> CreateTable(TableSchema schema);
  // Errors 42P01 if absent.
  Status DropTable(const std::string& name);
  // Appends rows to the table. Errors 23505 on a duplicate primary key (nothing appended).
  // REQUIRES: rows match the table's column types; NOT NULL already checked by the caller.
  Status Insert(uint64_t table_id, const DataChunk& rows);
  // Deletes the rows with these ids (from a scan with ScanSpec::with_row_ids). Errors XX000
  // if one is not a live row of the table.
  Status Delete(uint64_t table_id, const std::vector<uint64_t>& row_ids);

  // Makes the transaction durable. On error nothing of it survives (it is rolled back) and the
  // engine refuses further writes if the WAL failed.
  Status Commit();
  void Rollback();

 private:
  friend class StorageEngine;
  explicit WriteTransaction(StorageEngine* engine) : engine_(engine) {}

  struct Undo {
    enum Kind { kCreate, kDrop, kInsert, kDelete } kind;
    std::string table_name;
    uint64_t table_id = 0;
    uint64_t old_row_count = 0;
    std::unique_ptr<TableData> dropped;
    std::vector<uint64_t> row_ids;  // kDelete
  };

  StorageEngine* engine_;
  std::string payload_;  // the WAL record being built
  std::vector<Undo> undo_;
  bool done_ = false;
};

}  // namespace omendb
