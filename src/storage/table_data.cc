#include "storage/table_data.h"

#include <algorithm>
#include <set>

namespace omendb {

bool TableData::KeyLess::operator()(const std::vector<Value>& a,
                                    const std::vector<Value>& b) const {
  // Compares the common prefix only, so a shorter vector acts as a key prefix in lookups.
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    int c = Value::Compare(a[i], b[i]);
    if (c != 0) return c < 0;
  }
  return false;
}

std::vector<Value> TableData::KeyOf(const DataChunk& chunk, size_t row) const {
  std::vector<Value> key;
  key.reserve(schema_.primary_key.size());
  for (size_t k : schema_.primary_key) key.push_back(chunk.GetValue(k, row));
  return key;
}

Status TableData::CheckUnique(const DataChunk& rows) const {
  if (schema_.primary_key.empty()) return Status::OK();
  std::set<std::vector<Value>, KeyLess> batch;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<Value> key = KeyOf(rows, r);
    if (pk_index_.count(key) != 0 || !batch.insert(key).second) {
      std::string cols, vals;
      for (size_t i = 0; i < key.size(); ++i) {
        if (i > 0) {
          cols += ", ";
          vals += ", ";
        }
        cols += schema_.columns[schema_.primary_key[i]].name;
        vals += key[i].ToString();
      }
      return Status(sqlstate::kUniqueViolation,
                    "duplicate key value violates unique constraint \"" +
                        schema_.PrimaryKeyName() + "\"",
                    "Key (" + cols + ")=(" + vals + ") already exists.");
    }
  }
  return Status::OK();
}

void TableData::Append(const DataChunk& rows) {
  for (size_t r = 0; r < rows.size(); ++r) {
    if (chunks_.empty() || chunks_.back().size() == kVectorSize) {
      chunks_.emplace_back(schema_.ColumnTypes());
    }
    chunks_.back().AppendRowFrom(rows, r);
    if (!schema_.primary_key.empty()) pk_index_.emplace(KeyOf(rows, r), row_count_);
    deleted_.push_back(0);
    ++row_count_;
  }
}

void TableData::TruncateTo(uint64_t rows) {
  if (rows >= row_count_) return;
  for (auto it = pk_index_.begin(); it != pk_index_.end();) {
    it = it->second >= rows ? pk_index_.erase(it) : std::next(it);
  }
  size_t keep_chunks = (rows + kVectorSize - 1) / kVectorSize;
  chunks_.resize(keep_chunks);
  if (rows % kVectorSize != 0) chunks_.back().SetSize(rows % kVectorSize);
  deleted_.resize(rows);
  row_count_ = rows;
}

void TableData::Delete(const std::vector<uint64_t>& row_ids) {
  for (uint64_t id : row_ids) {
    deleted_[id] = 1;
    if (!schema_.primary_key.empty()) {
      pk_index_.erase(KeyOf(chunks_[id / kVectorSize], id % kVectorSize));
    }
  }
}

void TableData::Undelete(const std::vector<uint64_t>& row_ids) {
  for (uint64_t id : row_ids) {
    deleted_[id] = 0;
    if (!schema_.primary_key.empty()) {
      pk_index_.emplace(KeyOf(chunks_[id / kVectorSize], id % kVectorSize), id);
    }
  }
}

void TableData::GatherRow(uint64_t row_id, const std::vector<size_t>& column_ids,
                          DataChunk* out) const {
  const DataChunk& src = chunks_[row_id / kVectorSize];
  size_t offset = row_id % kVectorSize;
  for (size_t i = 0; i < column_ids.size(); ++i) {
    out->column(i).AppendFrom(src.column(column_ids[i]), offset);
  }
  if (out->column_count() > column_ids.size()) {
    out->column(column_ids.size()).Append(Value::BigInt(static_cast<int64_t>(row_id)));
  }
}

namespace {

void ResetChunk(DataChunk* out) { out->SetSize(0); }

}  // namespace

class FullScanner final : public TableScanner {
 public:
  FullScanner(const TableData* table, ScanSpec spec) : table_(table), spec_(std::move(spec)) {}

  Result<bool> Next(DataChunk* out) override {
    ResetChunk(out);
    for (;;) {
      if (chunk_ >= table_->chunks_.size() || produced_ >= spec_.limit) return false;
      const DataChunk& src = table_->chunks_[chunk_];
      uint64_t base = chunk_ * kVectorSize;
      ++chunk_;
      size_t n = 0;
      for (size_t r = 0; r < src.size() && produced_ < spec_.limit; ++r) {
        if (table_->deleted_[base + r]) continue;
        table_->GatherRow(base + r, spec_.column_ids, out);
        ++produced_;
        ++n;
      }
      out->SetSize(n);
      if (n > 0) return true;
    }
  }

 private:
  const TableData* table_;
  ScanSpec spec_;
  size_t chunk_ = 0;
  uint64_t produced_ = 0;
};

// Reads the rows of a sequence of key-index ranges, in order: one range for a key-range scan,
// one per key point for an IN list.
class KeyIndexScanner final : public TableScanner {
 public:
  KeyIndexScanner(const TableData* table, ScanSpec spec) : table_(table), spec_(std::move(spec)) {
    const Index& index = table_->pk_index_;
    if (spec_.use_key_points) {
      for (const std::vector<Value>& p : spec_.key_points) {
        ranges_.emplace_back(index.lower_bound(p), index.upper_bound(p));
      }
      return;
    }
    const KeyBound& lo = spec_.lower;
    const KeyBound& hi = spec_.upper;
    Index::const_iterator it = index.begin(), end = index.end();
    if (!lo.prefix.empty()) {
      it = lo.inclusive ? index.lower_bound(lo.prefix) : index.upper_bound(lo.prefix);
    }
    if (!hi.prefix.empty()) {
      end = hi.inclusive ? index.upper_bound(hi.prefix) : index.lower_bound(hi.prefix);
    }
    // When lower lies above upper, end precedes it: the range is empty.
    if (end != index.end() && (it == index.end() || index.key_comp()(end->first, it->first))) {
      it = end;
    }
    ranges_.emplace_back(it, end);
  }

  Result<bool> Next(DataChunk* out) override {
    ResetChunk(out);
    size_t n = 0;
    while (n < kVectorSize && produced_ < spec_.limit && range_ < ranges_.size()) {
      auto& [it, end] = ranges_[range_];
      if (it == end) {
        ++range_;
        continue;
      }
      table_->GatherRow(it->second, spec_.column_ids, out);
      ++it;
      ++n;
      ++produced_;
    }
    out->SetSize(n);
    return n > 0;
  }

 private:
  using Index = std::map<std::vector<Value>, uint64_t, TableData::KeyLess>;
  const TableData* table_;
  ScanSpec spec_;
  std::vector<std::pair<Index::const_iterator, Index::const_iterator>> ranges_;
  size_t range_ = 0;
  uint64_t produced_ = 0;
};

std::unique_ptr<TableScanner> TableData::Scan(const ScanSpec& spec) const {
  if ((spec.use_key_points || spec.use_key_range) && !schema_.primary_key.empty()) {
    return std::make_unique<KeyIndexScanner>(this, spec);
  }
  return std::make_unique<FullScanner>(this, spec);
}

}  // namespace omendb
