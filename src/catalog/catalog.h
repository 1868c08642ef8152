// Catalog: the schemas, tables, sequences, views and indexes of the one database
// ("postgres"). Entries are filed under their keys (TableSchema::Key): schema "public" always
// exists; other schemas are entries of their own.
//
// Transactional: a table created by a running transaction is visible only to that transaction,
// and a table it drops disappears for it at once and for others when it commits. Transactions
// are named by their ids (0: none, or an operation that is final at once). Thread-safe;
// schemas returned stay valid and unchanged while the catalog exists (dropped ones are kept).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
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
  // Returns the entry filed under `key` (a relation's or a schema's) that `txn_id` sees, or
  // nullptr.
  const TableSchema* FindTable(const std::string& key, uint64_t txn_id = 0) const;
  // Errors 42P01 `relation "<name>" does not exist`.
  Result<const TableSchema*> GetTable(const std::string& key, uint64_t txn_id = 0) const;

  // Whether schema `name` exists for `txn_id` ("public" always does).
  bool SchemaExists(const std::string& name, uint64_t txn_id) const;
  // The relation `name` in `schema` or, when `schema` is empty, in the first schema of
  // `search_path` that has one. Errors 42P01 when none is found (also when the named schema
  // does not exist, as PostgreSQL reports it).
  Result<const TableSchema*> ResolveRelation(const std::string& schema, const std::string& name,
                                             const std::vector<std::string>& search_path,
                                             uint64_t txn_id) const;
  // The schema a new relation `schema`.name goes to: `schema` itself (3F000 when it does not
  // exist) or, when empty, the first existing schema of `search_path` (3F000 when none).
  Result<std::string> CreationSchema(const std::string& schema,
                                     const std::vector<std::string>& search_path,
                                     uint64_t txn_id) const;
  // The relations in schema `name` that `txn_id` sees, by key.
  std::vector<const TableSchema*> RelationsIn(const std::string& name, uint64_t txn_id) const;

  // Adds `schema` as created by `txn_id`, assigning a table id when schema.table_id is 0
  // (replay keeps logged ids). Errors 42P07 when `txn_id` sees a table of that name. When a
  // running transaction's uncommitted CREATE or DROP of that name stands in the way, nothing
  // changes and *blocker is set to that transaction (wait for it, then retry).
  Result<const TableSchema*> CreateTable(TableSchema schema, uint64_t txn_id, uint64_t* blocker);
  // Marks the entry under `key` dropped by `txn_id`. Errors 42P01 (`table "<name>" does not
  // exist`) when
  // `txn_id` sees no such table; sets *blocker as CreateTable does when another running
  // transaction is dropping it.
  Result<const TableSchema*> DropTable(const std::string& key, uint64_t txn_id,
                                       uint64_t* blocker);

  // Ending a transaction's DDL, table by table.
  void CommitCreate(uint64_t table_id);
  void AbortCreate(uint64_t table_id);
  void CommitDrop(uint64_t table_id);
  void AbortDrop(uint64_t table_id);

  // The committed entries (relations and schemas), by key.
  std::vector<const TableSchema*> Tables() const;
  // The sequences owned by table `owner_table_id` (SERIAL, identity, OWNED BY) that `txn_id`
  // sees.
  std::vector<const TableSchema*> OwnedSequences(uint64_t owner_table_id, uint64_t txn_id) const;
  // The indexes of table `table_id` that `txn_id` sees, by name.
  std::vector<const TableSchema*> Indexes(uint64_t table_id, uint64_t txn_id) const;
  // The id the next new table gets; ReserveTableIds makes ids below `next` unused (recovery
  // of ids handed out before a checkpoint, so a dropped table's id is never reused).
  uint64_t next_table_id() const;
  void ReserveTableIds(uint64_t next);
  // Changes whenever an entry is created or dropped, or such a change commits or aborts: what
  // was bound against the catalog at one version binds the same way while it stays the same.
  uint64_t version() const { return version_.load(std::memory_order_acquire); }

 private:
  struct Entry {
    std::unique_ptr<TableSchema> schema;
    uint64_t created_by = 0;  // running creator, 0 once committed
    uint64_t dropped_by = 0;  // running dropper, 0 if none
    bool VisibleTo(uint64_t txn_id) const {
      return (created_by == 0 || created_by == txn_id) && (dropped_by == 0 || dropped_by != txn_id);
    }
  };
  Entry* FindEntry(uint64_t table_id);
  void Remove(uint64_t table_id);
  void Bury(std::multimap<std::string, Entry>::iterator it);

  mutable std::mutex mu_;
  std::multimap<std::string, Entry> tables_;
  // The index entries of tables_, by the id of the table they index.
  std::multimap<uint64_t, std::multimap<std::string, Entry>::iterator> index_entries_;
  std::vector<std::unique_ptr<TableSchema>> dropped_;  // kept: readers may hold pointers
  uint64_t next_table_id_ = 1;
  std::atomic<uint64_t> version_{0};
};

}  // namespace omendb
