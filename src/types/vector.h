// Vector and DataChunk: the columnar batches that flow between execution operators and out of
// storage scans (DuckDB / Vectorwise style).
//
// A Vector holds up to its capacity values of one LogicalType: a fixed-width buffer (bool as one
// byte, int32, int64, double) or, for text, an array of strings; plus a validity mask (NULL =
// invalid). A DataChunk is a set of equally long Vectors: one batch of rows.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "types/logical_type.h"
#include "types/value.h"

namespace omendb {

// Rows per batch: large enough to amortise per-batch overhead, small enough to stay in cache.
inline constexpr size_t kVectorSize = 2048;

// Positions of rows in a batch, ascending: the rows a filter keeps, or the rows a CASE branch
// or a later AND/OR operand is evaluated for. Operators use it to work on part of a batch
// without copying the batch.
using SelectionVector = std::vector<uint32_t>;

class Vector {
 public:
  explicit Vector(LogicalType type, size_t capacity = kVectorSize);

  LogicalType type() const { return type_; }
  size_t size() const { return size_; }
  // Sets the number of rows; new rows are valid with unspecified contents.
  void Resize(size_t n);

  bool IsValid(size_t i) const { return validity_[i] != 0; }
  void SetValid(size_t i, bool valid) { validity_[i] = valid ? 1 : 0; }
  bool AllValid() const;
  // Row i's validity as a byte, 1 (valid) or 0, for whole-batch passes.
  const uint8_t* ValidityData() const { return validity_.data(); }
  uint8_t* ValidityData() { return validity_.data(); }

  // Typed buffer access. REQUIRES: T matches type() (uint8_t for boolean).
  template <typename T>
  T* Data() {
    return reinterpret_cast<T*>(fixed_.data());
  }
  template <typename T>
  const T* Data() const {
    return reinterpret_cast<const T*>(fixed_.data());
  }
  std::vector<std::string>& Strings() { return strings_; }
  const std::vector<std::string>& Strings() const { return strings_; }

  // Slow path, for constants, tests and row-at-a-time code.
  Value GetValue(size_t i) const;
  // REQUIRES: v is NULL or of type(); i < size().
  void SetValue(size_t i, const Value& v);
  void Append(const Value& v);
  // Sets every row to `v` (NULL or of type()).
  void Fill(const Value& v);
  // Appends row `i` of `other` (same type).
  void AppendFrom(const Vector& other, size_t i);
  // Appends rows [from, from + n) of `other` (same type).
  void AppendRange(const Vector& other, size_t from, size_t n);
  // Sets row `to` to row `from` of `other` (same type). REQUIRES: to < size().
  void CopyFrom(const Vector& other, size_t from, size_t to);
  // Makes this vector rows sel[0..n) of `other` (same type), in that order: one typed pass.
  void Gather(const Vector& other, const uint32_t* sel, size_t n);

 private:
  LogicalType type_;
  size_t size_ = 0;
  std::vector<uint8_t> validity_;
  std::vector<uint64_t> fixed_;  // 8-byte aligned storage for fixed-width values
  std::vector<std::string> strings_;
};

class DataChunk {
 public:
  DataChunk() = default;
  explicit DataChunk(const std::vector<LogicalType>& types, size_t capacity = kVectorSize);

  size_t size() const { return size_; }
  size_t column_count() const { return columns_.size(); }
  void SetSize(size_t n);
  Vector& column(size_t i) { return columns_[i]; }
  const Vector& column(size_t i) const { return columns_[i]; }
  std::vector<LogicalType> Types() const;

  // Slow path helpers.
  Value GetValue(size_t col, size_t row) const { return columns_[col].GetValue(row); }
  void AppendRow(const std::vector<Value>& row);
  // Appends row `row` of `other` (same types).
  void AppendRowFrom(const DataChunk& other, size_t row);
  // Appends a row made of row `lrow` of `left` then row `rrow` of `right` (a join's pair;
  // their types, in that order, are this chunk's).
  void AppendRowPair(const DataChunk& left, size_t lrow, const DataChunk& right, size_t rrow);
  // Makes this chunk rows sel[0..n) of `other` (same types), column by column.
  void Gather(const DataChunk& other, const uint32_t* sel, size_t n);

 private:
  std::vector<Vector> columns_;
  size_t size_ = 0;
};

}  // namespace omendb
