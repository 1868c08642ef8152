#include "catalog/catalog.h"

#include <algorithm>

namespace omendb {

const TableSchema* Catalog::FindTable(const std::string& name, uint64_t txn_id) const {
  std::lock_guard l(mu_);
  auto [begin, end] = tables_.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    if (it->second.VisibleTo(txn_id)) return it->second.schema.get();
  }
  return nullptr;
}

Result<const TableSchema*> Catalog::GetTable(const std::string& name, uint64_t txn_id) const {
  const TableSchema* t = FindTable(name, txn_id);
  if (t == nullptr) {
    return Status(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist");
  }
  return t;
}

Result<const TableSchema*> Catalog::CreateTable(TableSchema schema, uint64_t txn_id,
                                                uint64_t* blocker) {
  std::lock_guard l(mu_);
  *blocker = 0;
  auto [begin, end] = tables_.equal_range(schema.name);
  for (auto it = begin; it != end; ++it) {
    const Entry& e = it->second;
    if (e.created_by != 0 && e.created_by != txn_id) {
      *blocker = e.created_by;
      return nullptr;
    }
    if (e.dropped_by != 0 && e.dropped_by != txn_id) {
      *blocker = e.dropped_by;
      return nullptr;
    }
    if (e.VisibleTo(txn_id)) {
      return Status(sqlstate::kDuplicateTable,
                    "relation \"" + schema.name + "\" already exists");
    }
  }
  if (schema.table_id == 0) schema.table_id = next_table_id_;
  next_table_id_ = std::max(next_table_id_, schema.table_id + 1);
  Entry e{std::make_unique<TableSchema>(std::move(schema)), txn_id, 0};
  const TableSchema* ptr = e.schema.get();
  tables_.emplace(ptr->name, std::move(e));
  return ptr;
}

Result<const TableSchema*> Catalog::DropTable(const std::string& name, uint64_t txn_id,
                                              uint64_t* blocker) {
  std::lock_guard l(mu_);
  *blocker = 0;
  auto [begin, end] = tables_.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    Entry& e = it->second;
    if (!e.VisibleTo(txn_id)) continue;
    if (e.dropped_by != 0) {
      *blocker = e.dropped_by;
      return nullptr;
    }
    e.dropped_by = txn_id;
    return e.schema.get();
  }
  return Status(sqlstate::kUndefinedTable, "table \"" + name + "\" does not exist");
}

Catalog::Entry* Catalog::FindEntry(uint64_t table_id) {
  for (auto& [name, e] : tables_) {
    if (e.schema->table_id == table_id) return &e;
  }
  return nullptr;
}

void Catalog::Bury(std::multimap<std::string, Entry>::iterator it) {
  dropped_.push_back(std::move(it->second.schema));
  tables_.erase(it);
}

void Catalog::CommitCreate(uint64_t table_id) {
  std::lock_guard l(mu_);
  if (Entry* e = FindEntry(table_id)) e->created_by = 0;
}

void Catalog::Remove(uint64_t table_id) {
  std::lock_guard l(mu_);
  for (auto it = tables_.begin(); it != tables_.end(); ++it) {
    if (it->second.schema->table_id == table_id) return Bury(it);
  }
}

void Catalog::AbortCreate(uint64_t table_id) { Remove(table_id); }

void Catalog::CommitDrop(uint64_t table_id) { Remove(table_id); }

void Catalog::AbortDrop(uint64_t table_id) {
  std::lock_guard l(mu_);
  if (Entry* e = FindEntry(table_id)) e->dropped_by = 0;
}

uint64_t Catalog::next_table_id() const {
  std::lock_guard l(mu_);
  return next_table_id_;
}

void Catalog::ReserveTableIds(uint64_t next) {
  std::lock_guard l(mu_);
  next_table_id_ = std::max(next_table_id_, next);
}

std::vector<const TableSchema*> Catalog::Tables() const {
  std::lock_guard l(mu_);
  std::vector<const TableSchema*> out;
  for (const auto& [name, e] : tables_) {
    if (e.created_by == 0) out.push_back(e.schema.get());
  }
  return out;
}

std::vector<const TableSchema*> Catalog::OwnedSequences(uint64_t owner_table_id,
                                                        uint64_t txn_id) const {
  std::lock_guard l(mu_);
  std::vector<const TableSchema*> out;
  for (const auto& [name, e] : tables_) {
    const auto& seq = e.schema->sequence;
    if (seq && seq->owner_table_id == owner_table_id && e.VisibleTo(txn_id)) {
      out.push_back(e.schema.get());
    }
  }
  return out;
}

std::vector<const TableSchema*> Catalog::Indexes(uint64_t table_id, uint64_t txn_id) const {
  std::lock_guard l(mu_);
  std::vector<const TableSchema*> out;
  for (const auto& [name, e] : tables_) {
    const auto& index = e.schema->index;
    if (index && index->table_id == table_id && e.VisibleTo(txn_id)) out.push_back(e.schema.get());
  }
  return out;
}

}  // namespace omendb
