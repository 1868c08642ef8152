#include "catalog/catalog.h"

#include <algorithm>

namespace omendb {

const TableSchema* Catalog::FindTable(const std::string& name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : it->second.get();
}

Result<const TableSchema*> Catalog::GetTable(const std::string& name) const {
  const TableSchema* t = FindTable(name);
  if (t == nullptr) {
    return Status(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist");
  }
  return t;
}

Result<const TableSchema*> Catalog::CreateTable(TableSchema schema) {
  if (tables_.count(schema.name) != 0) {
    return Status(sqlstate::kDuplicateTable, "relation \"" + schema.name + "\" already exists");
  }
  if (schema.table_id == 0) schema.table_id = next_table_id_;
  next_table_id_ = std::max(next_table_id_, schema.table_id + 1);
  auto owned = std::make_unique<TableSchema>(std::move(schema));
  const TableSchema* ptr = owned.get();
  tables_.emplace(ptr->name, std::move(owned));
  return ptr;
}

Result<TableSchema> Catalog::DropTable(const std::string& name) {
  auto it = tables_.find(name);
  if (it == tables_.end()) {
    return Status(sqlstate::kUndefinedTable, "table \"" + name + "\" does not exist");
  }
  TableSchema s = std::move(*it->second);
  tables_.erase(it);
  return s;
}

std::vector<const TableSchema*> Catalog::Tables() const {
  std::vector<const TableSchema*> out;
  for (const auto& [name, t] : tables_) out.push_back(t.get());
  return out;
}

}  // namespace omendb
