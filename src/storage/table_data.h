// TableData: the rows of one table and its primary-key index.
//
// This is the foundation's simple store (issue 2): rows appended into columnar chunks of
// kVectorSize under increasing row ids, an ordered map from primary key to row id, deletion
// flags (an update is a delete plus an insert). The storage issue replaces it with main
// segments (learned index) + MVCC delta behind the same scan API.
// Not thread-safe: the storage engine's lock serialises writers against readers.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "catalog/table_schema.h"
#include "common/status.h"
#include "types/vector.h"

namespace omendb {

// A bound on the primary key: a prefix of the key columns' values (all non-null, of the key
// columns' types). An empty prefix means unbounded.
struct KeyBound {
  std::vector<Value> prefix;
  bool inclusive = true;
};

// What a scan reads. Rows come in storage order for full scans and in key order for key scans.
struct ScanSpec {
  std::vector<size_t> column_ids;  // output columns, in this order
  // When set, only rows whose key lies in [lower, upper] (bounds as given) are read, through
  // the primary-key index.
  bool use_key_range = false;
  KeyBound lower, upper;
  // When set, only rows whose key starts with one of `key_points` are read (IN lists), in key
  // order. REQUIRES: points sorted ascending, no duplicates; exclusive with use_key_range.
  bool use_key_points = false;
  std::vector<std::vector<Value>> key_points;
  // Upper limit on rows produced (LIMIT pushed down); stops the scan early.
  uint64_t limit = UINT64_MAX;
  // Appends a bigint column holding each row's id (for UPDATE and DELETE).
  bool with_row_ids = false;
};

// Produces the rows of a scan batch by batch.
class TableScanner {
 public:
  virtual ~TableScanner() = default;
  // Fills *out (whose columns match ScanSpec::column_ids) with the next batch of up to
  // kVectorSize rows. Returns false when the scan is exhausted (then out->size() == 0).
  virtual Result<bool> Next(DataChunk* out) = 0;
};

class TableData {
 public:
  explicit TableData(TableSchema schema) : schema_(std::move(schema)) {}

  const TableSchema& schema() const { return schema_; }
  // Row ids issued so far (live and deleted rows).
  uint64_t row_count() const { return row_count_; }
  bool IsLive(uint64_t row_id) const { return row_id < row_count_ && !deleted_[row_id]; }

  // Errors 23505 (with PostgreSQL's message and "Key (...)=(...) already exists." detail) if a
  // row's primary key is already present or repeats within `rows`.
  Status CheckUnique(const DataChunk& rows) const;
  // REQUIRES: CheckUnique(rows) is OK; rows has the table's column types.
  void Append(const DataChunk& rows);
  // Removes every row from row id `rows` on (undo of appends).
  void TruncateTo(uint64_t rows);
  // Deletes rows: they leave scans and the key index. REQUIRES: each id IsLive, no repeats.
  void Delete(const std::vector<uint64_t>& row_ids);
  // Undoes Delete of the same ids.
  void Undelete(const std::vector<uint64_t>& row_ids);

  // REQUIRES: the table is not modified while the scanner is alive.
  std::unique_ptr<TableScanner> Scan(const ScanSpec& spec) const;

 private:
  struct KeyLess {
    using is_transparent = void;
    bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
  };
  friend class KeyIndexScanner;
  friend class FullScanner;

  std::vector<Value> KeyOf(const DataChunk& chunk, size_t row) const;
  void GatherRow(uint64_t row_id, const std::vector<size_t>& column_ids, DataChunk* out) const;

  TableSchema schema_;
  std::vector<DataChunk> chunks_;
  std::vector<uint8_t> deleted_;  // per row id
  uint64_t row_count_ = 0;
  std::map<std::vector<Value>, uint64_t, KeyLess> pk_index_;
};

}  // namespace omendb
