// Checkpoints and the manifest (DESIGN.md "Durability"; docs/formats/manifest.md).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

#include "common/coding.h"
#include "common/crc32c.h"
#include "storage/secondary_index.h"
#include "storage/segment/segment.h"
#include "storage/storage_engine.h"

namespace omendb {
namespace {

constexpr char kManifest[] = "MANIFEST";
constexpr char kManifestTmp[] = "MANIFEST.tmp";
constexpr char kManifestMagic[] = "OMENMAN1";
constexpr auto kMaintenanceInterval = std::chrono::milliseconds(200);

Status CorruptManifest(const std::string& path, const std::string& what) {
  return Status(sqlstate::kDataCorrupted, "manifest \"" + path + "\" is corrupt: " + what);
}

}  // namespace

Status StorageEngine::LoadManifest() {
  const std::string path = dir_ + "/" + kManifest;
  if (!env_->FileExists(path)) return Status::OK();
  std::string data;
  OMEN_ASSIGN_OR_RETURN(data, env_->ReadFileToString(path));
  if (data.size() < 12 || data.compare(0, 8, kManifestMagic) != 0) {
    return CorruptManifest(path, "bad header");
  }
  Decoder crc_in(std::string_view(data).substr(data.size() - 4));
  uint32_t crc;
  crc_in.GetFixed32(&crc);
  if (crc32c::Mask(crc32c::Value(data.data(), data.size() - 4)) != crc) {
    return CorruptManifest(path, "checksum mismatch");
  }
  Decoder in(std::string_view(data).substr(8, data.size() - 12));
  uint64_t next_table_id, ntables;
  if (!in.GetFixed64(&catalog_ts_) || !in.GetVarint64(&next_table_id) ||
      !in.GetVarint64(&ntables)) {
    return CorruptManifest(path, "bad counts");
  }
  struct Entry {
    TableSchema schema;
    uint64_t watermark = 0;
    std::vector<std::string> segments;  // file names
  };
  std::vector<Entry> entries;
  for (uint64_t t = 0; t < ntables; ++t) {
    std::string_view enc;
    uint64_t watermark, nsegments;
    if (!in.GetLengthPrefixed(&enc) || !in.GetFixed64(&watermark) || !in.GetVarint64(&nsegments)) {
      return CorruptManifest(path, "bad table entry");
    }
    Entry e;
    OMEN_ASSIGN_OR_RETURN(e.schema, TableSchema::Decode(enc));
    e.watermark = watermark;
    for (uint64_t s = 0; s < nsegments; ++s) {
      std::string_view name;
      if (!in.GetLengthPrefixed(&name)) return CorruptManifest(path, "bad segment entry");
      e.segments.emplace_back(name);
    }
    if ((e.schema.index || e.schema.is_schema) && !e.segments.empty()) {
      return CorruptManifest(path, "an index or schema with segments");
    }
    entries.push_back(std::move(e));
  }
  // Schemas before what they hold, tables before their indexes (keys do not sort that way).
  auto pass_of = [](const TableSchema& s) { return s.is_schema ? 0 : s.index ? 2 : 1; };
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    return pass_of(a.schema) < pass_of(b.schema);
  });
  std::vector<const TableSchema*> indexes;
  for (Entry& e : entries) {
    uint64_t blocker = 0;
    const TableSchema* created;
    OMEN_ASSIGN_OR_RETURN(created, catalog_.CreateTable(std::move(e.schema), 0, &blocker));
    if (created->index) indexes.push_back(created);
    if (created->index || created->is_schema) continue;
    auto table = std::make_shared<TableData>(*created, &txns_);
    std::vector<std::shared_ptr<const Segment>> segments;
    for (const std::string& name : e.segments) {
      std::shared_ptr<const Segment> seg;
      OMEN_ASSIGN_OR_RETURN(seg, Segment::Open(dir_ + "/" + name));
      if (seg->table_id() != created->table_id) {
        return CorruptManifest(path, "segment \"" + name + "\" belongs to another table");
      }
      segment_files_[seg] = name;
      unsigned long long number;
      if (std::sscanf(name.c_str(), "seg-%16llu.seg", &number) == 1) {
        next_segment_file_ = std::max<uint64_t>(next_segment_file_, number + 1);
      }
      segments.push_back(std::move(seg));
    }
    table->LoadMain(std::move(segments), e.watermark);
    replay_watermarks_[created->table_id] = e.watermark;
    tables_[created->table_id] = std::move(table);
  }
  if (!in.empty()) return CorruptManifest(path, "trailing bytes");
  // Indexes are filled from their tables' main stores (the WAL replay adds the rest).
  for (const TableSchema* index : indexes) {
    auto it = tables_.find(index->index->table_id);
    if (it == tables_.end()) {
      return CorruptManifest(path, "index \"" + index->name + "\" of a missing table");
    }
    // No unique check: the rows as of the checkpoint may hold versions the log deletes.
    OMEN_RETURN_IF_ERROR(
        it->second->AddIndex(std::make_shared<SecondaryIndex>(*index), /*check_unique=*/false));
  }
  catalog_.ReserveTableIds(next_table_id);
  return Status::OK();
}

Status StorageEngine::RemoveUnnamedFiles() {
  // Left by a checkpoint that did not finish: segment files no manifest names, a manifest
  // that was never renamed into place.
  std::vector<std::string> names;
  OMEN_ASSIGN_OR_RETURN(names, env_->ListDir(dir_));
  std::set<std::string> named;
  for (const auto& [seg, name] : segment_files_) named.insert(name);
  for (const std::string& name : names) {
    bool orphan_segment = name.size() == 24 && name.compare(0, 4, "seg-") == 0 &&
                          name.compare(20, 4, ".seg") == 0 && named.count(name) == 0;
    if (orphan_segment || name == kManifestTmp) {
      OMEN_RETURN_IF_ERROR(env_->RemoveFile(dir_ + "/" + name));
    }
  }
  return Status::OK();
}

Status StorageEngine::RotateWal() {
  {
    // Keep group-commit leaders away from the file while it is replaced.
    std::unique_lock l(sync_mu_);
    sync_cv_.wait(l, [&] { return !syncing_; });
    syncing_ = true;
  }
  auto release = [&](const Status& s) {
    {
      std::lock_guard l(sync_mu_);
      syncing_ = false;
      if (!s.ok()) {
        FailLocked(s);
      } else if (!commit_queue_.empty()) {
        commit_queue_.front()->cv.notify_one();  // to complete or lead: nobody syncs now
      }
    }
    sync_cv_.notify_all();
    return s;
  };
  Status s = wal_->Sync();
  if (!s.ok()) return release(s);
  std::unique_ptr<WritableFile> file;
  Result<std::unique_ptr<WritableFile>> opened = env_->NewAppendableFile(WalPath(wal_number_ + 1));
  if (!opened.ok()) return release(opened.status());
  s = env_->SyncDir(dir_);
  if (!s.ok()) return release(s);
  closed_wal_files_[wal_number_] = last_logged_ts_;
  ++wal_number_;
  wal_ = std::make_unique<wal::LogWriter>(std::move(opened).value(), wal_->next_lsn());
  {
    std::lock_guard l(sync_mu_);
    durable_lsn_ = written_lsn_;
  }
  return release(Status::OK());
}

Status StorageEngine::Checkpoint() {
  std::lock_guard checkpoint(checkpoint_mu_);
  if (failed()) return WritesRefused();
  std::vector<std::shared_ptr<TableData>> tables;
  {
    std::lock_guard l(tables_mu_);
    for (const auto& [id, t] : tables_) tables.push_back(t);
  }
  // 1. Fold deltas into main stores (best effort); unchanged tables only move their
  //    watermark forward.
  for (const auto& t : tables) OMEN_RETURN_IF_ERROR(t->Merge(options_.segment_rows).status());
  // 2. At a moment when every commit so far is published: a new WAL file, and the catalog and
  //    main stores as of that moment.
  struct TableEntry {
    const TableSchema* schema;
    Timestamp watermark;
    std::vector<std::shared_ptr<const Segment>> segments;
  };
  std::vector<TableEntry> entries;
  Timestamp catalog_ts;
  uint64_t next_table_id;
  {
    std::lock_guard l(wal_mu_);
    while (!txns_.AllPublished()) std::this_thread::sleep_for(std::chrono::microseconds(50));
    OMEN_RETURN_IF_ERROR(RotateWal());
    catalog_ts = txns_.visible_ts();
    next_table_id = catalog_.next_table_id();
    for (const TableSchema* schema : catalog_.Tables()) {
      std::shared_ptr<TableData> data = GetTableData(schema->table_id);
      if (data == nullptr && !schema->index && !schema->is_schema) continue;
      TableEntry e{schema, 0, {}};  // an index or a schema has no rows
      if (data != nullptr) e.segments = data->MainSegments(&e.watermark);
      entries.push_back(std::move(e));
    }
  }
  wal_bytes_since_checkpoint_ = 0;
  // 3. Segment files, each written once and durable before the manifest names it.
  std::set<std::string> referenced;
  for (const TableEntry& e : entries) {
    for (const auto& seg : e.segments) {
      auto it = segment_files_.find(seg);
      if (it == segment_files_.end()) {
        char name[32];
        std::snprintf(name, sizeof(name), "seg-%016llu.seg",
                      static_cast<unsigned long long>(next_segment_file_++));
        Status written = seg->WriteTo(env_, dir_ + "/" + name);
        if (!written.ok()) {
          (void)env_->RemoveFile(dir_ + "/" + name);  // never named by a manifest
          return written;
        }
        it = segment_files_.emplace(seg, name).first;
      }
      referenced.insert(it->second);
    }
  }
  // 4. The manifest, replaced atomically.
  std::string m(kManifestMagic);
  PutFixed64(&m, catalog_ts);
  PutVarint64(&m, next_table_id);
  PutVarint64(&m, entries.size());
  Timestamp keep_after = catalog_ts;
  for (const TableEntry& e : entries) {
    std::string enc;
    e.schema->EncodeTo(&enc);
    PutLengthPrefixed(&m, enc);
    PutFixed64(&m, e.watermark);
    PutVarint64(&m, e.segments.size());
    for (const auto& seg : e.segments) PutLengthPrefixed(&m, segment_files_[seg]);
    keep_after = std::min(keep_after, e.watermark);
  }
  PutFixed32(&m, crc32c::Mask(crc32c::Value(m.data(), m.size())));
  const std::string tmp = dir_ + "/" + kManifestTmp;
  if (env_->FileExists(tmp)) OMEN_RETURN_IF_ERROR(env_->RemoveFile(tmp));
  {
    std::unique_ptr<WritableFile> file;
    OMEN_ASSIGN_OR_RETURN(file, env_->NewAppendableFile(tmp));
    OMEN_RETURN_IF_ERROR(file->Append(m));
    OMEN_RETURN_IF_ERROR(file->Sync());
    OMEN_RETURN_IF_ERROR(file->Close());
  }
  OMEN_RETURN_IF_ERROR(env_->RenameFile(tmp, dir_ + "/" + kManifest));
  OMEN_RETURN_IF_ERROR(env_->SyncDir(dir_));
  // 5. What the manifest made redundant: WAL files holding only commits it covers, and
  //    segment files it no longer names.
  std::vector<uint64_t> obsolete;
  {
    std::lock_guard l(wal_mu_);
    for (auto it = closed_wal_files_.begin(); it != closed_wal_files_.end();) {
      if (it->second > keep_after) break;  // this file and later ones are still needed
      obsolete.push_back(it->first);
      it = closed_wal_files_.erase(it);
    }
  }
  for (uint64_t n : obsolete) OMEN_RETURN_IF_ERROR(env_->RemoveFile(WalPath(n)));
  for (auto it = segment_files_.begin(); it != segment_files_.end();) {
    if (referenced.count(it->second) == 0) {
      OMEN_RETURN_IF_ERROR(env_->RemoveFile(dir_ + "/" + it->second));
      it = segment_files_.erase(it);
    } else {
      ++it;
    }
  }
  return Status::OK();
}

void StorageEngine::MaintenanceLoop() {
  std::unique_lock l(maintenance_mu_);
  while (!maintenance_stop_) {
    maintenance_cv_.wait_for(l, kMaintenanceInterval);
    if (maintenance_stop_ || failed()) continue;
    bool due = wal_bytes_since_checkpoint_.load() >= options_.checkpoint_wal_bytes;
    {
      std::lock_guard t(tables_mu_);
      for (const auto& [id, table] : tables_) {
        due = due || table->delta_versions() >= options_.merge_threshold;
      }
    }
    if (!due) continue;
    l.unlock();
    // A failed checkpoint leaves the previous manifest in force; the next attempt retries.
    (void)Checkpoint();
    l.lock();
  }
}

}  // namespace omendb
