#include "catalog/catalog.h"

#include <algorithm>

namespace omendb {

const TableSchema* Catalog::FindTable(const std::string& key, uint64_t txn_id) const {
  std::lock_guard l(mu_);
  auto [begin, end] = tables_.equal_range(key);
  for (auto it = begin; it != end; ++it) {
    if (it->second.VisibleTo(txn_id)) return it->second.schema.get();
  }
  return nullptr;
}

Result<const TableSchema*> Catalog::GetTable(const std::string& key, uint64_t txn_id) const {
  const TableSchema* t = FindTable(key, txn_id);
  if (t == nullptr) {
    return Status(sqlstate::kUndefinedTable, "relation \"" + DisplayName(key) + "\" does not exist");
  }
  return t;
}

bool Catalog::SchemaExists(const std::string& name, uint64_t txn_id) const {
  return name == kPublicSchema || FindTable(SchemaKey(name), txn_id) != nullptr;
}

Result<const TableSchema*> Catalog::ResolveRelation(const std::string& schema,
                                                    const std::string& name,
                                                    const std::vector<std::string>& search_path,
                                                    uint64_t txn_id) const {
  if (!schema.empty()) {
    if (!SchemaExists(schema, txn_id)) {
      return Status(sqlstate::kUndefinedTable,
                    "relation \"" + schema + "." + name + "\" does not exist");
    }
    return GetTable(RelationKey(schema, name), txn_id);
  }
  for (const std::string& s : search_path) {
    if (const TableSchema* t = FindTable(RelationKey(s, name), txn_id)) return t;
  }
  return Status(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist");
}

Result<std::string> Catalog::CreationSchema(const std::string& schema,
                                            const std::vector<std::string>& search_path,
                                            uint64_t txn_id) const {
  if (!schema.empty()) {
    if (!SchemaExists(schema, txn_id)) {
      return Status("3F000", "schema \"" + schema + "\" does not exist");
    }
    return schema;
  }
  for (const std::string& s : search_path) {
    if (SchemaExists(s, txn_id)) return s;
  }
  return Status("3F000", "no schema has been selected to create in");
}

std::vector<const TableSchema*> Catalog::RelationsIn(const std::string& name,
                                                     uint64_t txn_id) const {
  std::lock_guard l(mu_);
  std::vector<const TableSchema*> out;
  for (const auto& [key, e] : tables_) {
    if (!e.schema->is_schema && e.schema->schema == name && e.VisibleTo(txn_id)) {
      out.push_back(e.schema.get());
    }
  }
  return out;
}

Result<const TableSchema*> Catalog::CreateTable(TableSchema schema, uint64_t txn_id,
                                                uint64_t* blocker) {
  std::lock_guard l(mu_);
  version_.fetch_add(1, std::memory_order_release);
  *blocker = 0;
  const std::string key = schema.Key();
  if (!schema.is_schema && schema.schema != kPublicSchema) {
    // The schema must exist; a running DROP SCHEMA decides first.
    auto ns = tables_.find(SchemaKey(schema.schema));
    for (; ns != tables_.end() && ns->first == SchemaKey(schema.schema); ++ns) {
      const Entry& e = ns->second;
      if (e.dropped_by != 0 && e.dropped_by != txn_id) {
        *blocker = e.dropped_by;
        return nullptr;
      }
      if (e.VisibleTo(txn_id)) break;
    }
    if (ns == tables_.end() || ns->first != SchemaKey(schema.schema)) {
      return Status("3F000", "schema \"" + schema.schema + "\" does not exist");
    }
  }
  if (schema.index) {
    // The indexed table: a running DROP TABLE decides first; it must exist.
    const Entry* table = nullptr;
    for (const auto& [k, e] : tables_) {
      if (e.schema->table_id != schema.index->table_id) continue;
      if (e.dropped_by != 0 && e.dropped_by != txn_id) {
        *blocker = e.dropped_by;
        return nullptr;
      }
      if (e.VisibleTo(txn_id)) table = &e;
    }
    if (table == nullptr) {
      return Status(sqlstate::kUndefinedTable, "the table of index \"" + schema.name +
                                                   "\" does not exist");
    }
  }
  auto [begin, end] = tables_.equal_range(key);
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
      if (schema.is_schema) {
        return Status("42P06", "schema \"" + schema.name + "\" already exists");
      }
      return Status(sqlstate::kDuplicateTable,
                    "relation \"" + schema.name + "\" already exists");
    }
  }
  if (schema.table_id == 0) schema.table_id = next_table_id_;
  next_table_id_ = std::max(next_table_id_, schema.table_id + 1);
  Entry e{std::make_unique<TableSchema>(std::move(schema)), txn_id, 0};
  const TableSchema* ptr = e.schema.get();
  auto it = tables_.emplace(key, std::move(e));
  if (ptr->index) index_entries_.emplace(ptr->index->table_id, it);
  return ptr;
}

Result<const TableSchema*> Catalog::DropTable(const std::string& key, uint64_t txn_id,
                                              uint64_t* blocker) {
  std::lock_guard l(mu_);
  version_.fetch_add(1, std::memory_order_release);
  *blocker = 0;
  auto [begin, end] = tables_.equal_range(key);
  if (!key.empty() && key[0] == '\x1e') {
    // A schema: relations a running transaction is creating in it decide first; then it
    // must hold nothing this transaction has not dropped (a relation committed meanwhile
    // makes the drop fail rather than leave it without its schema).
    const std::string name = key.substr(1);
    for (const auto& [k, e] : tables_) {
      if (e.schema->is_schema || e.schema->schema != name) continue;
      if (e.created_by != 0 && e.created_by != txn_id) {
        *blocker = e.created_by;
        return nullptr;
      }
      if (e.VisibleTo(txn_id)) {
        return Status("2BP01", "cannot drop schema " + name +
                                   " because other objects depend on it",
                      "relation " + name + "." + e.schema->name + " depends on schema " + name,
                      "Use DROP ... CASCADE to drop the dependent objects too.");
      }
    }
  } else {
    // A table: indexes a running transaction is creating on it decide first.
    for (auto it = begin; it != end; ++it) {
      if (!it->second.VisibleTo(txn_id)) continue;
      const uint64_t id = it->second.schema->table_id;
      for (const auto& [k, e] : tables_) {
        if (e.schema->index && e.schema->index->table_id == id && e.created_by != 0 &&
            e.created_by != txn_id) {
          *blocker = e.created_by;
          return nullptr;
        }
      }
    }
  }
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
  return Status(sqlstate::kUndefinedTable, "table \"" + DisplayName(key) + "\" does not exist");
}

Catalog::Entry* Catalog::FindEntry(uint64_t table_id) {
  for (auto& [name, e] : tables_) {
    if (e.schema->table_id == table_id) return &e;
  }
  return nullptr;
}

void Catalog::Bury(std::multimap<std::string, Entry>::iterator it) {
  if (const auto& index = it->second.schema->index) {
    auto [from, to] = index_entries_.equal_range(index->table_id);
    for (auto i = from; i != to; ++i) {
      if (i->second == it) {
        index_entries_.erase(i);
        break;
      }
    }
  }
  dropped_.push_back(std::move(it->second.schema));
  tables_.erase(it);
}

void Catalog::CommitCreate(uint64_t table_id) {
  std::lock_guard l(mu_);
  version_.fetch_add(1, std::memory_order_release);
  if (Entry* e = FindEntry(table_id)) e->created_by = 0;
}

void Catalog::Remove(uint64_t table_id) {
  std::lock_guard l(mu_);
  version_.fetch_add(1, std::memory_order_release);
  for (auto it = tables_.begin(); it != tables_.end(); ++it) {
    if (it->second.schema->table_id == table_id) return Bury(it);
  }
}

void Catalog::AbortCreate(uint64_t table_id) { Remove(table_id); }

void Catalog::CommitDrop(uint64_t table_id) { Remove(table_id); }

void Catalog::AbortDrop(uint64_t table_id) {
  std::lock_guard l(mu_);
  version_.fetch_add(1, std::memory_order_release);
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
  // Per table, not a walk of the catalog: the binder asks for every table a statement names.
  std::vector<std::multimap<std::string, Entry>::const_iterator> found;
  auto [from, to] = index_entries_.equal_range(table_id);
  for (auto i = from; i != to; ++i) {
    if (i->second->second.VisibleTo(txn_id)) found.push_back(i->second);
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a->first < b->first; });
  std::vector<const TableSchema*> out;
  out.reserve(found.size());
  for (const auto& it : found) out.push_back(it->second.schema.get());
  return out;
}

}  // namespace omendb
