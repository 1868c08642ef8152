// Segment: one immutable piece of a table's main store: rows sorted by storage key, stored
// column by column in blocks of kVectorSize rows with min/max zone maps and validity bitmaps,
// plus a learned index over an integer key column.
//
// A segment is one contiguous byte buffer with a documented layout (docs/formats/segment.md),
// used in place: built in memory by a merge, written to a file at checkpoint, and memory-mapped
// on open after a restart (nothing is deserialized or retrained). Thread-safe: immutable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/env.h"
#include "common/status.h"
#include "index/learned_index.h"
#include "types/vector.h"

namespace omendb {

class Segment {
 public:
  ~Segment();
  Segment(const Segment&) = delete;
  Segment& operator=(const Segment&) = delete;

  // Builds a segment from `rows` (chunks whose columns have `types`), which must be sorted
  // ascending by the key columns `key_columns` with unique, non-null keys. A single integer or
  // bigint key column gets a learned index (epsilon `epsilon`); other keys are binary-searched.
  static Result<std::shared_ptr<const Segment>> Build(
      uint64_t table_id, const std::vector<LogicalType>& types,
      const std::vector<size_t>& key_columns, const std::vector<DataChunk>& rows,
      uint32_t epsilon = index::LearnedIndexOptions{}.epsilon);
  // Maps the segment file at `path` read-only and validates it (layout and CRC32C). XX001
  // naming the file when it is damaged; 58030 for I/O errors.
  static Result<std::shared_ptr<const Segment>> Open(const std::string& path);

  // Writes the segment to `path` (created or truncated) and makes it durable.
  Status WriteTo(Env* env, const std::string& path) const;

  uint64_t table_id() const { return table_id_; }
  uint64_t row_count() const { return rows_; }
  size_t column_count() const { return columns_.size(); }
  LogicalType type(size_t col) const { return columns_[col].type; }
  const std::vector<size_t>& key_columns() const { return key_columns_; }
  size_t block_count() const { return (rows_ + kVectorSize - 1) / kVectorSize; }

  bool IsValid(size_t col, uint64_t row) const;
  Value GetValue(size_t col, uint64_t row) const;
  // Appends row `row`'s values of `column_ids` to the first columns of *out (sizes not set).
  void AppendRow(uint64_t row, const std::vector<size_t>& column_ids, DataChunk* out) const;
  // Appends rows [row, row + count) the same way, column by column.
  void AppendRows(uint64_t row, uint64_t count, const std::vector<size_t>& column_ids,
                  DataChunk* out) const;
  // Appends rows row + sel[k] (k < n) of column `col` to *out (its size grows by n).
  void AppendSelected(size_t col, uint64_t row, const uint32_t* sel, size_t n, Vector* out) const;

  // Whether the key is one integer or bigint column (then the *Int functions apply).
  bool int_key() const { return int_key_; }
  int64_t IntKeyAt(uint64_t row) const;
  // LowerBound/UpperBound of a one-column integer key.
  uint64_t LowerBoundInt(int64_t key) const;
  uint64_t UpperBoundInt(int64_t key) const;
  // The row holding exactly `key` (the first, should it repeat), or UINT64_MAX.
  uint64_t FindInt(int64_t key) const;
  std::vector<Value> KeyAt(uint64_t row) const;

  // The first row whose key is >= (LowerBound) or > (UpperBound) `prefix`, comparing the
  // leading prefix.size() key columns; row_count() if none. `prefix` values have the key
  // columns' types.
  uint64_t LowerBound(const std::vector<Value>& prefix) const;
  uint64_t UpperBound(const std::vector<Value>& prefix) const;

  // Zone map of one block of one column: min and max of its non-null values (NULL values
  // when it has none) and its NULL count.
  struct Zone {
    Value min, max;
    uint32_t nulls = 0;
  };
  Zone ZoneOf(size_t col, size_t block) const;

  bool has_learned_index() const { return !std::holds_alternative<std::monostate>(index_); }
  // The learned index: its error bound, linear models and model bytes (all 0 without one).
  struct IndexInfo {
    uint32_t epsilon = 0;
    uint64_t models = 0;
    size_t bytes = 0;
  };
  IndexInfo index_info() const;
  size_t index_bytes() const { return index_info().bytes; }
  // Bytes of the whole segment.
  size_t byte_size() const { return bytes_.size(); }

 private:
  struct Column {
    LogicalType type;
    const uint8_t* validity = nullptr;  // bit per row, 1 = valid; nullptr = all valid
    const std::byte* data = nullptr;    // fixed-width values, or (rows+1) u64 text offsets
    const char* heap = nullptr;         // text bytes
    uint64_t heap_length = 0;
    const std::byte* zones = nullptr;   // block_count() entries of 24 bytes
  };
  Segment() = default;
  // Validates the buffer and sets up the views over it.
  Status Parse(const std::string& name, bool verify_checksum);
  std::string_view GetString(size_t col, uint64_t row) const;
  template <bool kUpper>
  uint64_t Search(const std::vector<Value>& prefix) const;

  std::vector<uint64_t> owned_;      // the buffer when built in memory (8-byte aligned)
  void* mapped_ = nullptr;           // the buffer when mapped from a file
  size_t mapped_length_ = 0;
  std::span<const std::byte> bytes_;
  uint64_t table_id_ = 0;
  uint64_t rows_ = 0;
  std::vector<size_t> key_columns_;
  std::vector<Column> columns_;
  bool int_key_ = false;
  std::variant<std::monostate, index::LearnedIndexView<int32_t>, index::LearnedIndexView<int64_t>>
      index_;
};

}  // namespace omendb
