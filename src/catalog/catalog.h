// Catalog: the set of tables of the one database ("postgres") with its one schema ("public").
// Not thread-safe: callers serialise DDL against readers (the storage engine's lock).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "catalog/table_schema.h"
#include "common/status.h"

namespace omendb {

inline constexpr char kDefaultDatabase[] = "postgres";
inline constexpr char kDefaultSchema[] = "public";
inline constexpr char kDefaultSuperuser[] = "postgres";

class Catalog {
 public:
  // Returns the table called `name`, or nullptr.
  const TableSchema* FindTable(const std::string& name) const;
  // Errors 42P01 `relation "<name>" does not exist`.
  Result<const TableSchema*> GetTable(const std::string& name) const;

  // Adds `schema`, assigning a table id when schema.table_id is 0 (replay keeps logged ids).
  // Errors 42P07 when the name is taken.
  Result<const TableSchema*> CreateTable(TableSchema schema);
  // Removes and returns the table. Errors 42P01 when absent.
  Result<TableSchema> DropTable(const std::string& name);

  std::vector<const TableSchema*> Tables() const;

 private:
  std::map<std::string, std::unique_ptr<TableSchema>> tables_;
  uint64_t next_table_id_ = 1;
};

}  // namespace omendb
