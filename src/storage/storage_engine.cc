#include "storage/storage_engine.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/coding.h"
#include "storage/row_codec.h"
#include "storage/wal/log_reader.h"

namespace omendb {
namespace {

constexpr char kWalFile[] = "wal.log";
constexpr char kLockFile[] = "LOCK";

// Operations inside a kCommit WAL record (see docs/formats/wal.md).
enum class Op : uint8_t { kCreateTable = 1, kDropTable = 2, kInsert = 3, kDelete = 4 };

}  // namespace

StorageEngine::~StorageEngine() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

Result<std::unique_ptr<StorageEngine>> StorageEngine::Open(const std::string& dir, Env* env) {
  std::unique_ptr<StorageEngine> engine(new StorageEngine(dir, env));
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
  return engine;
}

Status StorageEngine::Recover() {
  std::string path = dir_ + "/" + kWalFile;
  uint64_t next_lsn = 1;
  if (env_->FileExists(path)) {
    std::string data;
    OMEN_ASSIGN_OR_RETURN(data, env_->ReadFileToString(path));
    wal::LogReader reader(data, path);
    wal::Record rec;
    for (;;) {
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, reader.ReadRecord(&rec));
      if (!more) break;
      Status s = ApplyCommit(rec.payload);
      if (!s.ok()) {
        return Status(sqlstate::kDataCorrupted, "WAL file \"" + path + "\": record at LSN " +
                                                    std::to_string(rec.lsn) +
                                                    " cannot be replayed: " + s.message());
      }
      next_lsn = rec.lsn + 1;
    }
    // A torn tail was never acknowledged; cut it off so new records follow valid ones.
    if (reader.valid_end() < data.size()) {
      OMEN_RETURN_IF_ERROR(env_->TruncateFile(path, reader.valid_end()));
    }
  }
  std::unique_ptr<WritableFile> file;
  OMEN_ASSIGN_OR_RETURN(file, env_->NewAppendableFile(path));
  OMEN_RETURN_IF_ERROR(env_->SyncDir(dir_));
  wal_ = std::make_unique<wal::LogWriter>(std::move(file), next_lsn);
  return Status::OK();
}

Status StorageEngine::ApplyCommit(std::string_view payload) {
  Decoder in(payload);
  auto bad = [] { return Status(sqlstate::kDataCorrupted, "malformed operation"); };
  while (!in.empty()) {
    uint8_t op;
    if (!in.GetByte(&op)) return bad();
    switch (static_cast<Op>(op)) {
      case Op::kCreateTable: {
        std::string_view enc;
        if (!in.GetLengthPrefixed(&enc)) return bad();
        TableSchema schema;
        OMEN_ASSIGN_OR_RETURN(schema, TableSchema::Decode(enc));
        const TableSchema* created;
        OMEN_ASSIGN_OR_RETURN(created, catalog_.CreateTable(schema));
        tables_[created->table_id] = std::make_unique<TableData>(*created);
        break;
      }
      case Op::kDropTable: {
        std::string_view name;
        if (!in.GetLengthPrefixed(&name)) return bad();
        TableSchema dropped;
        OMEN_ASSIGN_OR_RETURN(dropped, catalog_.DropTable(std::string(name)));
        tables_.erase(dropped.table_id);
        break;
      }
      case Op::kInsert: {
        uint64_t table_id, nrows;
        if (!in.GetVarint64(&table_id) || !in.GetVarint64(&nrows)) return bad();
        auto it = tables_.find(table_id);
        if (it == tables_.end()) return bad();
        TableData* table = it->second.get();
        std::vector<LogicalType> types = table->schema().ColumnTypes();
        for (uint64_t done = 0; done < nrows;) {
          DataChunk chunk(types);
          while (done < nrows && chunk.size() < kVectorSize) {
            if (!DecodeRow(&in, &chunk)) return bad();
            ++done;
          }
          OMEN_RETURN_IF_ERROR(table->CheckUnique(chunk));
          table->Append(chunk);
        }
        break;
      }
      case Op::kDelete: {
        uint64_t table_id, n;
        if (!in.GetVarint64(&table_id) || !in.GetVarint64(&n)) return bad();
        auto it = tables_.find(table_id);
        if (it == tables_.end() || n > in.remaining()) return bad();
        std::vector<uint64_t> ids(n);
        for (uint64_t& id : ids) {
          if (!in.GetVarint64(&id) || !it->second->IsLive(id)) return bad();
        }
        it->second->Delete(ids);
        break;
      }
      default:
        return bad();
    }
  }
  return Status::OK();
}

const TableData* StorageEngine::GetTableData(uint64_t table_id) const {
  auto it = tables_.find(table_id);
  return it == tables_.end() ? nullptr : it->second.get();
}

Status StorageEngine::WritesRefused() const {
  return Status(sqlstate::kIoError,
                "the server refuses writes after a WAL failure: " + write_failure_.message())
      .WithHint("Restart the server to recover from the write-ahead log.");
}

std::unique_ptr<WriteTransaction> StorageEngine::BeginWrite() {
  return std::unique_ptr<WriteTransaction>(new WriteTransaction(this));
}

WriteTransaction::~WriteTransaction() {
  if (!done_) Rollback();
}

Result<const TableSchema*> WriteTransaction::CreateTable(TableSchema schema) {
  if (!engine_->write_failure_.ok()) return engine_->WritesRefused();
  const TableSchema* created;
  OMEN_ASSIGN_OR_RETURN(created, engine_->catalog_.CreateTable(std::move(schema)));
  engine_->tables_[created->table_id] = std::make_unique<TableData>(*created);
  payload_.push_back(static_cast<char>(Op::kCreateTable));
  std::string enc;
  created->EncodeTo(&enc);
  PutLengthPrefixed(&payload_, enc);
  undo_.push_back({Undo::kCreate, created->name, created->table_id, 0, nullptr, {}});
  return created;
}

Status WriteTransaction::DropTable(const std::string& name) {
  if (!engine_->write_failure_.ok()) return engine_->WritesRefused();
  TableSchema dropped;
  OMEN_ASSIGN_OR_RETURN(dropped, engine_->catalog_.DropTable(name));
  auto it = engine_->tables_.find(dropped.table_id);
  Undo u{Undo::kDrop, name, dropped.table_id, 0, std::move(it->second), {}};
  engine_->tables_.erase(it);
  undo_.push_back(std::move(u));
  payload_.push_back(static_cast<char>(Op::kDropTable));
  PutLengthPrefixed(&payload_, name);
  return Status::OK();
}

Status WriteTransaction::Insert(uint64_t table_id, const DataChunk& rows) {
  if (!engine_->write_failure_.ok()) return engine_->WritesRefused();
  auto it = engine_->tables_.find(table_id);
  if (it == engine_->tables_.end()) return InternalError("insert into unknown table id");
  TableData* table = it->second.get();
  OMEN_RETURN_IF_ERROR(table->CheckUnique(rows));
  undo_.push_back(
      {Undo::kInsert, table->schema().name, table_id, table->row_count(), nullptr, {}});
  table->Append(rows);
  payload_.push_back(static_cast<char>(Op::kInsert));
  PutVarint64(&payload_, table_id);
  PutVarint64(&payload_, rows.size());
  for (size_t r = 0; r < rows.size(); ++r) EncodeRow(rows, r, &payload_);
  return Status::OK();
}

Status WriteTransaction::Delete(uint64_t table_id, const std::vector<uint64_t>& row_ids) {
  if (!engine_->write_failure_.ok()) return engine_->WritesRefused();
  auto it = engine_->tables_.find(table_id);
  if (it == engine_->tables_.end()) return InternalError("delete from unknown table id");
  TableData* table = it->second.get();
  for (uint64_t id : row_ids) {
    if (!table->IsLive(id)) return InternalError("delete of a row that is not live");
  }
  table->Delete(row_ids);
  undo_.push_back({Undo::kDelete, table->schema().name, table_id, 0, nullptr, row_ids});
  payload_.push_back(static_cast<char>(Op::kDelete));
  PutVarint64(&payload_, table_id);
  PutVarint64(&payload_, row_ids.size());
  for (uint64_t id : row_ids) PutVarint64(&payload_, id);
  return Status::OK();
}

Status WriteTransaction::Commit() {
  if (payload_.empty()) {
    done_ = true;
    return Status::OK();
  }
  if (!engine_->write_failure_.ok()) {
    Rollback();
    return engine_->WritesRefused();
  }
  Status s = engine_->wal_->AddRecord(wal::RecordType::kCommit, payload_).status();
  if (s.ok()) s = engine_->wal_->Sync();
  if (!s.ok()) {
    engine_->write_failure_ = s;
    Rollback();
    return s;
  }
  done_ = true;
  return Status::OK();
}

void WriteTransaction::Rollback() {
  for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) {
    switch (it->kind) {
      case Undo::kCreate:
        (void)engine_->catalog_.DropTable(it->table_name);
        engine_->tables_.erase(it->table_id);
        break;
      case Undo::kDrop: {
        TableSchema schema = it->dropped->schema();
        (void)engine_->catalog_.CreateTable(std::move(schema));
        engine_->tables_[it->table_id] = std::move(it->dropped);
        break;
      }
      case Undo::kInsert:
        engine_->tables_[it->table_id]->TruncateTo(it->old_row_count);
        break;
      case Undo::kDelete:
        engine_->tables_[it->table_id]->Undelete(it->row_ids);
        break;
    }
  }
  undo_.clear();
  payload_.clear();
  done_ = true;
}

}  // namespace omendb
