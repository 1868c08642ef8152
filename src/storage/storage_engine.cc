#include "storage/storage_engine.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "common/coding.h"
#include "storage/row_codec.h"
#include "storage/secondary_index.h"
#include "storage/wal/log_reader.h"

namespace omendb {
namespace {

constexpr char kLockFile[] = "LOCK";
constexpr auto kLockPoll = std::chrono::milliseconds(5);
constexpr auto kFlushInterval = std::chrono::milliseconds(10);

// Operations inside a kCommit WAL record (see docs/formats/wal.md). Codes 3 and 4 were the
// foundation's row-id based insert and delete; they are no longer written or read.
enum class Op : uint8_t { kCreateTable = 1, kDropTable = 2, kInsert = 5, kDelete = 6 };

}  // namespace

StorageEngine::~StorageEngine() {
  {
    std::lock_guard l(maintenance_mu_);
    maintenance_stop_ = true;
  }
  maintenance_cv_.notify_all();
  if (maintenance_.joinable()) maintenance_.join();
  {
    std::lock_guard l(sync_mu_);
    stopping_ = true;
  }
  flusher_cv_.notify_all();
  if (flusher_.joinable()) flusher_.join();
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

Result<std::unique_ptr<StorageEngine>> StorageEngine::Open(const std::string& dir,
                                                          const StorageOptions& options, Env* env) {
  std::unique_ptr<StorageEngine> engine(new StorageEngine(dir, options, env));
  OMEN_RETURN_IF_ERROR(env->CreateDirIfMissing(dir));
  std::string lock_path = dir + "/" + kLockFile;
  engine->lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (engine->lock_fd_ < 0) {
    return IoError("could not open lock file \"" + lock_path + "\": " + std::strerror(errno));
  }
  if (::flock(engine->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    return Status("55006", "data directory \"" + dir + "\" is in use by another OmenDB process");
  }
  OMEN_RETURN_IF_ERROR(engine->Recover());
  StorageEngine* e = engine.get();
  engine->flusher_ = std::thread([e] { e->FlusherLoop(); });
  if (options.background_maintenance) {
    engine->maintenance_ = std::thread([e] { e->MaintenanceLoop(); });
  }
  return engine;
}

std::string StorageEngine::WalPath(uint64_t number) const {
  char name[32];
  std::snprintf(name, sizeof(name), "wal-%016llu.log", static_cast<unsigned long long>(number));
  return dir_ + "/" + name;
}

Status StorageEngine::Recover() {
  if (env_->FileExists(dir_ + "/wal.log")) {
    // The foundation's single log with position-based records: never silently ignored.
    return Status(sqlstate::kFeatureNotSupported,
                  "data directory \"" + dir_ + "\" was written by an older OmenDB (wal.log)")
        .WithHint("Export its data with the older version and load it into a new directory.");
  }
  OMEN_RETURN_IF_ERROR(LoadManifest());
  OMEN_RETURN_IF_ERROR(RemoveUnnamedFiles());
  // The WAL files, oldest first; only the last may end in a torn record.
  std::vector<uint64_t> numbers;
  std::vector<std::string> names;
  OMEN_ASSIGN_OR_RETURN(names, env_->ListDir(dir_));
  for (const std::string& name : names) {
    unsigned long long n;
    char tail;
    if (std::sscanf(name.c_str(), "wal-%16llu.lo%c", &n, &tail) == 2 && tail == 'g' &&
        name.size() == 24) {
      numbers.push_back(n);
    }
  }
  std::sort(numbers.begin(), numbers.end());
  uint64_t next_lsn = 1;
  Timestamp last_ts = catalog_ts_;
  for (size_t f = 0; f < numbers.size(); ++f) {
    const std::string path = WalPath(numbers[f]);
    std::string data;
    OMEN_ASSIGN_OR_RETURN(data, env_->ReadFileToString(path));
    wal::LogReader reader(data, path);
    wal::Record rec;
    Timestamp file_max = 0;
    for (;;) {
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, reader.ReadRecord(&rec));
      if (!more) break;
      Timestamp ts = 0;
      Status s = ApplyCommit(rec.payload, &ts);
      if (!s.ok()) {
        return Status(sqlstate::kDataCorrupted, "WAL file \"" + path + "\": record at LSN " +
                                                    std::to_string(rec.lsn) +
                                                    " cannot be replayed: " + s.message());
      }
      file_max = std::max(file_max, ts);
      last_ts = std::max(last_ts, ts);
      next_lsn = rec.lsn + 1;
    }
    if (reader.valid_end() < data.size()) {
      if (f + 1 < numbers.size()) {
        return Status(sqlstate::kDataCorrupted,
                      "WAL file \"" + path + "\" is corrupt at offset " +
                          std::to_string(reader.valid_end()) + ": a later WAL file follows it");
      }
      // A torn tail was never acknowledged; cut it off so new records follow valid ones.
      OMEN_RETURN_IF_ERROR(env_->TruncateFile(path, reader.valid_end()));
    }
    if (f + 1 < numbers.size()) closed_wal_files_[numbers[f]] = file_max;
  }
  txns_.RecoverTo(last_ts);
  last_logged_ts_ = last_ts;
  wal_number_ = numbers.empty() ? 1 : numbers.back();
  std::unique_ptr<WritableFile> file;
  OMEN_ASSIGN_OR_RETURN(file, env_->NewAppendableFile(WalPath(wal_number_)));
  OMEN_RETURN_IF_ERROR(env_->SyncDir(dir_));
  wal_ = std::make_unique<wal::LogWriter>(std::move(file), next_lsn);
  written_lsn_ = durable_lsn_ = next_lsn - 1;
  return Status::OK();
}

Status StorageEngine::ApplyCommit(std::string_view payload, Timestamp* commit_ts) {
  Decoder in(payload);
  auto bad = [] { return Status(sqlstate::kDataCorrupted, "malformed operation"); };
  uint64_t ts;
  if (!in.GetFixed64(&ts) || !IsCommitTs(ts)) return bad();
  *commit_ts = ts;
  std::unique_ptr<Transaction> txn = Begin(IsolationLevel::kReadCommitted);
  Snapshot latest = txn->LatestSnapshot();
  // What the checkpoint already holds is skipped: DDL up to the catalog's timestamp, a table's
  // rows up to its main store's watermark (and rows of tables dropped before the checkpoint).
  const bool ddl_done = ts <= catalog_ts_;
  auto rows_done = [&](uint64_t table_id) {
    auto it = replay_watermarks_.find(table_id);
    if (it != replay_watermarks_.end()) return ts <= it->second;
    return ddl_done && GetTableData(table_id) == nullptr;
  };
  while (!in.empty()) {
    uint8_t op;
    if (!in.GetByte(&op)) return bad();
    switch (static_cast<Op>(op)) {
      case Op::kCreateTable: {
        std::string_view enc;
        if (!in.GetLengthPrefixed(&enc)) return bad();
        TableSchema schema;
        OMEN_ASSIGN_OR_RETURN(schema, TableSchema::Decode(enc));
        if (!ddl_done) OMEN_RETURN_IF_ERROR(txn->CreateTable(std::move(schema)).status());
        break;
      }
      case Op::kDropTable: {
        std::string_view name;
        if (!in.GetLengthPrefixed(&name)) return bad();
        if (!ddl_done) OMEN_RETURN_IF_ERROR(txn->DropTable(std::string(name)));
        break;
      }
      case Op::kInsert:
      case Op::kDelete: {
        // Row operations: table id, then a length-prefixed body (skipped when the checkpoint
        // holds the table's rows up to this commit).
        uint64_t table_id, n, first_hidden = 0;
        std::string_view body;
        if (!in.GetVarint64(&table_id) || !in.GetLengthPrefixed(&body)) return bad();
        if (rows_done(table_id)) break;
        TableData* table;
        OMEN_ASSIGN_OR_RETURN(table, txn->TableForWrite(table_id));
        Decoder b(body);
        if (!b.GetVarint64(&n) || n > b.remaining()) return bad();
        if (static_cast<Op>(op) == Op::kInsert) {
          if (table->has_hidden_key() && !b.GetVarint64(&first_hidden)) return bad();
          std::vector<LogicalType> types = table->schema().ColumnTypes();
          for (uint64_t done = 0; done < n;) {
            DataChunk chunk(types);
            std::vector<uint64_t> ids;
            while (done < n && chunk.size() < kVectorSize) {
              if (!DecodeRow(&b, &chunk)) return bad();
              ids.push_back(first_hidden + done);
              ++done;
            }
            std::vector<uint64_t> added;
            OMEN_RETURN_IF_ERROR(txn->InsertVersions(
                table, chunk, table->has_hidden_key() ? ids.data() : nullptr, &added));
          }
        } else {
          std::vector<LogicalType> key_types = table->KeyTypes();
          for (uint64_t i = 0; i < n; ++i) {
            DataChunk key_chunk(key_types, 1);
            if (!DecodeRow(&b, &key_chunk)) return bad();
            std::vector<Value> key;
            for (size_t c = 0; c < key_types.size(); ++c) key.push_back(key_chunk.GetValue(c, 0));
            uint64_t pos = table->FindVisible(key, latest);
            if (pos == kNoPosition) return bad();
            LockOutcome outcome;
            OMEN_ASSIGN_OR_RETURN(outcome, txn->LockVersion(table, pos, latest));
            if (outcome.kind != LockOutcome::kLocked) return bad();
          }
        }
        if (!b.empty()) return bad();
        break;
      }
      default:
        return bad();
    }
  }
  txn->CommitReplayed(ts);
  return Status::OK();
}

std::shared_ptr<TableData> StorageEngine::GetTableData(uint64_t table_id) const {
  std::lock_guard l(tables_mu_);
  auto it = tables_.find(table_id);
  return it == tables_.end() ? nullptr : it->second;
}

std::unique_ptr<Transaction> StorageEngine::Begin(IsolationLevel isolation) {
  return std::unique_ptr<Transaction>(new Transaction(this, txns_.Begin(), isolation));
}

Status StorageEngine::WritesRefused() const {
  return Status(sqlstate::kIoError,
                "the server refuses writes after a WAL failure: " + write_failure_.message())
      .WithHint("Restart the server to recover from the write-ahead log.");
}

void StorageEngine::MarkFailed(const Status& s) {
  {
    std::lock_guard l(sync_mu_);
    FailLocked(s);
  }
  sync_cv_.notify_all();
}

void StorageEngine::FailLocked(const Status& s) {
  if (!failed_.load()) write_failure_ = s;
  failed_.store(true, std::memory_order_release);
  // Queued commits that are not durable fail. Durable ones (a WAL rotation synced them) are
  // still completed by their committers.
  auto first = std::find_if(commit_queue_.begin(), commit_queue_.end(),
                            [&](const auto& w) { return w->lsn > durable_lsn_; });
  for (auto it = first; it != commit_queue_.end(); ++it) {
    (*it)->state = CommitWaiter::kDone;
    (*it)->status = WritesRefused();
    (*it)->cv.notify_one();
  }
  commit_queue_.erase(first, commit_queue_.end());
  if (!commit_queue_.empty()) commit_queue_.front()->cv.notify_one();
}

Result<uint64_t> StorageEngine::AppendCommit(const wal::RecordBuffer& payload, Timestamp* ts,
                                             std::shared_ptr<CommitWaiter> waiter) {
  std::vector<std::string_view> pieces = payload.Pieces();
  std::lock_guard l(wal_mu_);
  *ts = txns_.NextCommitTs();
  if (failed()) return WritesRefused();
  // The record: the commit timestamp, then the payload.
  std::string stamp;
  PutFixed64(&stamp, *ts);
  pieces.insert(pieces.begin(), stamp);
  Result<uint64_t> lsn = wal_->AddRecord(wal::RecordType::kCommit, pieces);
  if (lsn.ok()) {
    last_logged_ts_ = *ts;
    wal_bytes_since_checkpoint_ += stamp.size() + payload.size() + wal::kHeaderSize;
  }
  if (!lsn.ok()) {
    // An oversized record was refused before anything was written; any other error leaves
    // the log in an unknown state.
    if (lsn.status().sqlstate() != sqlstate::kProgramLimitExceeded) MarkFailed(lsn.status());
    return lsn;
  }
  {
    std::lock_guard s(sync_mu_);
    written_lsn_ = *lsn;
    if (waiter != nullptr) {
      // Queued under wal_mu_: the queue is in LSN (and commit timestamp) order.
      waiter->ts = *ts;
      waiter->lsn = *lsn;
      commit_queue_.push_back(std::move(waiter));
    }
  }
  return lsn;
}

Status StorageEngine::WaitCommitted(const std::shared_ptr<CommitWaiter>& w) {
  std::unique_lock l(sync_mu_);
  while (w->state != CommitWaiter::kDone) {
    if (w->state == CommitWaiter::kQueued && !syncing_) {
      if (w->lsn <= durable_lsn_) {
        CompleteDurableCommits(l);  // a WAL rotation made it durable
      } else if (failed()) {
        FailLocked(write_failure_);  // never sync again after a failure (queued after it)
      } else if (Status s = LeadSync(l); !s.ok()) {
        return s;  // its own sync failed (the others it failed learn that writes are refused)
      }
      continue;
    }
    w->cv.wait(l);
  }
  return w->status;
}

Status StorageEngine::LeadSync(std::unique_lock<std::mutex>& l) {
  syncing_ = true;
  uint64_t target = written_lsn_;
  wal::LogWriter* log = wal_.get();  // replaced only while no sync runs (RotateWal)
  l.unlock();
  Status s = log->Sync();
  l.lock();
  syncing_ = false;
  if (!s.ok()) {
    FailLocked(s);
    sync_cv_.notify_all();
    return s;
  }
  durable_lsn_ = std::max(durable_lsn_, target);
  sync_cv_.notify_all();
  CompleteDurableCommits(l);
  return Status::OK();
}

void StorageEngine::CompleteDurableCommits(std::unique_lock<std::mutex>& l) {
  std::vector<std::shared_ptr<CommitWaiter>> group;
  while (!commit_queue_.empty() && commit_queue_.front()->lsn <= durable_lsn_) {
    group.push_back(commit_queue_.front());
    group.back()->state = CommitWaiter::kTaken;
    commit_queue_.pop_front();
  }
  // The next group's leader syncs while this group is applied.
  if (!commit_queue_.empty()) commit_queue_.front()->cv.notify_one();
  if (group.empty()) return;
  l.unlock();
  // In commit order, so that each publishes without waiting for the next.
  for (const auto& w : group) w->txn->Apply(w->ts);
  l.lock();
  for (const auto& w : group) {
    w->state = CommitWaiter::kDone;
    w->status = Status::OK();
  }
  // Woken after the lock is released, so that they need not queue for it; `group` keeps
  // each waiter alive until then.
  l.unlock();
  for (const auto& w : group) w->cv.notify_one();
  l.lock();
}

Status StorageEngine::WaitDurable(uint64_t lsn) {
  std::unique_lock l(sync_mu_);
  while (durable_lsn_ < lsn || !options_.group_commit) {
    if (failed()) return WritesRefused();
    if (syncing_) {
      sync_cv_.wait(l);
      continue;
    }
    // Lead a group: one fdatasync makes every record written so far durable.
    OMEN_RETURN_IF_ERROR(LeadSync(l));
    if (!options_.group_commit) break;  // one sync of its own per commit
  }
  return Status::OK();
}

void StorageEngine::FlusherLoop() {
  std::unique_lock l(sync_mu_);
  while (!stopping_) {
    flusher_cv_.wait_for(l, kFlushInterval);
    if (stopping_ || failed() || durable_lsn_ >= written_lsn_) continue;
    uint64_t target = written_lsn_;
    l.unlock();
    (void)WaitDurable(target);  // failures are recorded; committers see them
    l.lock();
  }
}

// --- Transaction ----------------------------------------------------------------------------

Transaction::~Transaction() {
  if (!finished_) Rollback();
}

Snapshot Transaction::StatementSnapshot() {
  if (isolation_ == IsolationLevel::kRepeatableRead && has_snapshot_) return snapshot_;
  snapshot_ = engine_->txns_.TakeSnapshot(id_);
  has_snapshot_ = true;
  return snapshot_;
}

Snapshot Transaction::LatestSnapshot() const { return engine_->txns_.TakeSnapshot(id_); }

Result<TableData*> Transaction::TableForWrite(uint64_t table_id) {
  for (;;) {
    std::shared_ptr<TableData> table = engine_->GetTableData(table_id);
    if (table == nullptr) return InternalError("write to a table that no longer exists");
    if (touched_.count(table.get()) != 0) return table.get();
    uint64_t dropper = table->AddWriter(id_);
    if (dropper == 0) {
      touched_.emplace(table.get(), table);
      return table.get();
    }
    // Another transaction is dropping the table: its outcome decides.
    OMEN_RETURN_IF_ERROR(engine_->txns_.WaitFor(id_, dropper));
    if (engine_->GetTableData(table_id) == nullptr) {
      return Status(sqlstate::kUndefinedTable,
                    "relation \"" + table->schema().name + "\" does not exist");
    }
  }
}

Result<const TableSchema*> Transaction::CreateTable(TableSchema schema) {
  if (engine_->failed()) return engine_->WritesRefused();
  const TableSchema* created;
  for (;;) {
    uint64_t blocker = 0;
    OMEN_ASSIGN_OR_RETURN(created, engine_->catalog_.CreateTable(schema, id_, &blocker));
    if (blocker == 0) break;
    OMEN_RETURN_IF_ERROR(engine_->txns_.WaitFor(id_, blocker));
  }
  if (created->is_schema) {
    // A schema has no rows: its catalog entry is all there is.
    payload_.tail()->push_back(static_cast<char>(Op::kCreateTable));
    std::string enc;
    created->EncodeTo(&enc);
    PutLengthPrefixed(payload_.tail(), enc);
    undo_.push_back({Undo::kCreateEntry, nullptr, 0, created->table_id, nullptr});
    return created;
  }
  if (created->index) {
    Status st = CreateIndex(*created);
    if (!st.ok()) {
      engine_->catalog_.AbortCreate(created->table_id);
      return st;
    }
    return created;
  }
  auto data = std::make_shared<TableData>(*created, &engine_->txns_);
  {
    std::lock_guard l(engine_->tables_mu_);
    engine_->tables_[created->table_id] = data;
  }
  payload_.tail()->push_back(static_cast<char>(Op::kCreateTable));
  std::string enc;
  created->EncodeTo(&enc);
  PutLengthPrefixed(payload_.tail(), enc);
  undo_.push_back({Undo::kCreate, nullptr, 0, created->table_id, std::move(data)});
  return created;
}

Status Transaction::CreateIndex(const TableSchema& index) {
  std::shared_ptr<TableData> base = engine_->GetTableData(index.index->table_id);
  if (base == nullptr) {
    return Status(sqlstate::kUndefinedTable, "the table of index \"" + index.name + "\" does not exist");
  }
  // The entries are built from the versions as they stand once the table's running writers
  // have finished (their outcome decides what is unique); new writers wait meanwhile, and
  // for this transaction, as PostgreSQL's CREATE INDEX lock makes them.
  Status st;
  for (uint64_t writer : base->ExcludeWriters(id_)) {
    st = engine_->txns_.WaitFor(id_, writer);
    if (!st.ok()) break;
  }
  auto entries = std::make_shared<SecondaryIndex>(index);
  entries->set_creator(id_);  // other writers wait for this transaction from now on
  if (st.ok()) st = base->AddIndex(entries);
  base->AdmitWriters(id_);
  OMEN_RETURN_IF_ERROR(st);
  payload_.tail()->push_back(static_cast<char>(Op::kCreateTable));
  std::string enc;
  index.EncodeTo(&enc);
  PutLengthPrefixed(payload_.tail(), enc);
  undo_.push_back({Undo::kCreateEntry, nullptr, 0, index.table_id, std::move(base)});
  return Status::OK();
}

Status Transaction::DropTable(const std::string& name) {
  if (engine_->failed()) return engine_->WritesRefused();
  const TableSchema* schema;
  for (;;) {
    uint64_t blocker = 0;
    OMEN_ASSIGN_OR_RETURN(schema, engine_->catalog_.DropTable(name, id_, &blocker));
    if (blocker == 0) break;
    OMEN_RETURN_IF_ERROR(engine_->txns_.WaitFor(id_, blocker));
  }
  payload_.tail()->push_back(static_cast<char>(Op::kDropTable));
  PutLengthPrefixed(payload_.tail(), name);
  if (schema->index || schema->is_schema) {
    // An index's entries go when the drop commits; until then writers keep them up to date.
    // A schema is only its catalog entry.
    std::shared_ptr<TableData> base =
        schema->index ? engine_->GetTableData(schema->index->table_id) : nullptr;
    if (base != nullptr) {
      if (auto index = base->FindIndex(schema->table_id)) {
        index->set_dropper(id_);
      }
    }
    undo_.push_back({Undo::kDropEntry, nullptr, 0, schema->table_id, std::move(base)});
    return Status::OK();
  }
  std::shared_ptr<TableData> data = engine_->GetTableData(schema->table_id);
  undo_.push_back({Undo::kDrop, nullptr, 0, schema->table_id, data});
  // Transactions with uncommitted writes to the table finish first (as PostgreSQL's DROP
  // waits for their locks); new writers wait for this transaction.
  for (uint64_t writer : data->ExcludeWriters(id_)) {
    OMEN_RETURN_IF_ERROR(engine_->txns_.WaitFor(id_, writer));
  }
  return Status::OK();
}

Status Transaction::InsertVersions(TableData* table, const DataChunk& rows,
                                   const uint64_t* hidden_ids, std::vector<uint64_t>* added) {
  const size_t before = added->size();
  OMEN_RETURN_IF_ERROR(table->Insert(rows, id_, hidden_ids, added));
  // One Insert's positions are consecutive.
  if (added->size() > before) {
    undo_.push_back({Undo::kInsert, table, (*added)[before], 0, nullptr, added->size() - before});
  }
  return Status::OK();
}

Result<LockOutcome> Transaction::LockVersion(TableData* table, uint64_t pos,
                                             const Snapshot& snapshot) {
  LockOutcome outcome;
  OMEN_ASSIGN_OR_RETURN(outcome, table->Lock(pos, snapshot, isolation_));
  if (outcome.kind == LockOutcome::kLocked) undo_.push_back({Undo::kDelete, table, pos, 0, nullptr});
  return outcome;
}

Status Transaction::Insert(uint64_t table_id, const DataChunk& rows,
                           std::vector<uint64_t>* positions) {
  if (engine_->failed()) return engine_->WritesRefused();
  TableData* table;
  OMEN_ASSIGN_OR_RETURN(table, TableForWrite(table_id));
  std::vector<uint64_t> added;
  OMEN_RETURN_IF_ERROR(InsertVersions(table, rows, nullptr, &added));
  payload_.tail()->push_back(static_cast<char>(Op::kInsert));
  PutVarint64(payload_.tail(), table_id);
  // The body, length-prefixed: the row count, the first hidden id (hidden ids of one insert
  // are consecutive), the rows.
  std::string head;
  PutVarint64(&head, rows.size());
  if (table->has_hidden_key()) {
    PutVarint64(&head, added.empty() ? 0 : table->HiddenId(added.front()));
  }
  const size_t rows_size = EncodedRowsSize(rows);
  std::string* out = payload_.tail();
  PutVarint64(out, head.size() + rows_size);
  out->append(head);
  EncodeRows(rows, rows_size, out);
  if (positions) positions->insert(positions->end(), added.begin(), added.end());
  return Status::OK();
}

Result<LockOutcome> Transaction::Lock(uint64_t table_id, uint64_t pos, const Snapshot& snapshot) {
  if (engine_->failed()) return engine_->WritesRefused();
  TableData* table;
  OMEN_ASSIGN_OR_RETURN(table, TableForWrite(table_id));
  LockOutcome outcome;
  OMEN_ASSIGN_OR_RETURN(outcome, LockVersion(table, pos, snapshot));
  if (outcome.kind == LockOutcome::kLocked) {
    payload_.tail()->push_back(static_cast<char>(Op::kDelete));
    PutVarint64(payload_.tail(), table_id);
    std::string body;
    PutVarint64(&body, 1);
    DataChunk key_chunk(table->KeyTypes(), 1);
    key_chunk.AppendRow(table->StorageKey(pos));
    EncodeRow(key_chunk, 0, &body);
    PutLengthPrefixed(payload_.tail(), body);
  }
  return outcome;
}

void Transaction::SetSuccessor(uint64_t table_id, uint64_t pos, uint64_t successor) {
  engine_->GetTableData(table_id)->SetSuccessor(pos, successor);
}

void Transaction::UndoOne(Undo* u) {
  switch (u->kind) {
    case Undo::kCreate: {
      engine_->catalog_.AbortCreate(u->table_id);
      std::lock_guard l(engine_->tables_mu_);
      engine_->tables_.erase(u->table_id);
      break;
    }
    case Undo::kDrop:
      engine_->catalog_.AbortDrop(u->table_id);
      u->data->AdmitWriters(id_);
      break;
    case Undo::kCreateEntry:
      engine_->catalog_.AbortCreate(u->table_id);
      if (u->data != nullptr) u->data->RemoveIndex(u->table_id);
      break;
    case Undo::kDropEntry:
      engine_->catalog_.AbortDrop(u->table_id);
      if (u->data != nullptr) {
        if (auto index = u->data->FindIndex(u->table_id)) {
          index->set_dropper(0);
        }
      }
      break;
    case Undo::kInsert:
      u->table->AbortInserts(u->pos, u->count);
      break;
    case Undo::kDelete:
      u->table->AbortDelete(u->pos);
      break;
  }
}

void Transaction::RollbackTo(const Mark& mark) {
  while (undo_.size() > mark.undo) {
    UndoOne(&undo_.back());
    undo_.pop_back();
  }
  payload_.Truncate(mark.payload);
}

void Transaction::Finish() {
  for (auto& [table, pin] : touched_) table->RemoveWriter(id_);
  touched_.clear();
  undo_.clear();
  payload_.Clear();
  finished_ = true;
  engine_->txns_.Finish(id_);
}

void Transaction::Rollback() {
  if (finished_) return;
  RollbackTo(Mark{});
  Finish();
}

void Transaction::Apply(Timestamp ts, bool publish) {
  for (Undo& u : undo_) {
    switch (u.kind) {
      case Undo::kInsert: u.table->CommitInserts(u.pos, u.count, ts); break;
      case Undo::kDelete: u.table->CommitDelete(u.pos, ts); break;
      case Undo::kCreate: engine_->catalog_.CommitCreate(u.table_id); break;
      case Undo::kCreateEntry:
        engine_->catalog_.CommitCreate(u.table_id);
        if (u.data != nullptr) {
          if (auto index = u.data->FindIndex(u.table_id)) {
            index->set_creator(0);  // enforced on everyone
          }
        }
        break;
      case Undo::kDropEntry:
        engine_->catalog_.CommitDrop(u.table_id);
        if (u.data != nullptr) u.data->RemoveIndex(u.table_id);
        break;
      case Undo::kDrop: {
        engine_->catalog_.CommitDrop(u.table_id);
        std::lock_guard l(engine_->tables_mu_);
        engine_->tables_.erase(u.table_id);  // running scans keep their reference
        break;
      }
    }
  }
  if (publish) engine_->txns_.Publish(ts);
}

Status Transaction::Commit(bool synchronous) {
  if (finished_) return Status::OK();
  if (payload_.empty()) {
    Finish();
    return Status::OK();
  }
  Timestamp ts = 0;
  // Synchronous commits under group commit are applied by the leader of their group.
  const bool grouped = synchronous && engine_->options_.group_commit;
  std::shared_ptr<StorageEngine::CommitWaiter> waiter;
  if (grouped) {
    waiter = std::make_shared<StorageEngine::CommitWaiter>();
    waiter->txn = this;
  }
  Result<uint64_t> lsn = engine_->AppendCommit(payload_, &ts, waiter);
  Status s = lsn.status();
  if (s.ok() && grouped) {
    s = engine_->WaitCommitted(waiter);
    if (s.ok()) {
      Finish();
      return Status::OK();
    }
  } else if (s.ok() && synchronous) {
    s = engine_->WaitDurable(*lsn);
  }
  if (!s.ok()) {
    RollbackTo(Mark{});
    engine_->txns_.Publish(ts);  // timestamps publish in order, failed ones too
    Finish();
    return s;
  }
  Apply(ts);
  Finish();
  return Status::OK();
}

void Transaction::CommitReplayed(Timestamp ts) {
  Apply(ts, /*publish=*/false);
  engine_->txns_.RecoverTo(ts);
  Finish();
}

}  // namespace omendb
