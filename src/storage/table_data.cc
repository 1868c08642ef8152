#include "storage/table_data.h"

#include <algorithm>
#include <mutex>
#include <set>

namespace omendb {

struct TableData::RowGroup {
  explicit RowGroup(const std::vector<LogicalType>& types) : data(types) {}
  DataChunk data;
  std::atomic<uint64_t> begin[kVectorSize];
  std::atomic<uint64_t> end[kVectorSize];
  // The version that replaced this one (an update), or kNoPosition.
  std::atomic<uint64_t> successor[kVectorSize];
  // The previous version of the same storage key, or kNoPosition. Written under the exclusive
  // latch before the version becomes reachable from the index; never changed after.
  uint64_t older[kVectorSize];
};

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

TableData::TableData(TableSchema schema, TransactionManager* txns)
    : schema_(std::move(schema)), txns_(txns) {
  key_columns_ = schema_.primary_key;
  if (key_columns_.empty()) key_columns_.push_back(schema_.columns.size());
}

TableData::~TableData() = default;

uint64_t TableData::AddWriter(uint64_t txn_id) {
  std::lock_guard l(writers_mu_);
  if (dropping_ != 0 && dropping_ != txn_id) return dropping_;
  writers_.push_back(txn_id);
  return 0;
}

void TableData::RemoveWriter(uint64_t txn_id) {
  std::lock_guard l(writers_mu_);
  writers_.erase(std::remove(writers_.begin(), writers_.end(), txn_id), writers_.end());
}

std::vector<uint64_t> TableData::MarkDropping(uint64_t txn_id) {
  std::lock_guard l(writers_mu_);
  dropping_ = txn_id;
  std::vector<uint64_t> others;
  for (uint64_t w : writers_) {
    if (w != txn_id) others.push_back(w);
  }
  return others;
}

void TableData::ClearDropping() {
  std::lock_guard l(writers_mu_);
  dropping_ = 0;
}

uint64_t TableData::version_count() const {
  std::shared_lock l(latch_);
  return size_;
}

TableData::RowGroup& TableData::Group(uint64_t pos) const {
  std::shared_lock l(latch_);
  return *groups_[pos / kVectorSize];
}

std::atomic<uint64_t>& TableData::BeginStamp(uint64_t pos) const {
  return Group(pos).begin[pos % kVectorSize];
}

std::atomic<uint64_t>& TableData::EndStamp(uint64_t pos) const {
  return Group(pos).end[pos % kVectorSize];
}

std::vector<Value> TableData::KeyOf(const DataChunk& chunk, size_t row) const {
  std::vector<Value> key;
  key.reserve(key_columns_.size());
  for (size_t k : key_columns_) key.push_back(chunk.GetValue(k, row));
  return key;
}

std::vector<LogicalType> TableData::KeyTypes() const {
  if (has_hidden_key()) return {TypeId::kBigInt};
  std::vector<LogicalType> types;
  for (size_t k : key_columns_) types.push_back(schema_.columns[k].type);
  return types;
}

std::vector<Value> TableData::StorageKey(uint64_t pos) const {
  std::shared_lock l(latch_);
  return KeyOf(groups_[pos / kVectorSize]->data, pos % kVectorSize);
}

uint64_t TableData::HiddenId(uint64_t pos) const {
  std::shared_lock l(latch_);
  const DataChunk& d = groups_[pos / kVectorSize]->data;
  return static_cast<uint64_t>(d.column(schema_.columns.size()).Data<int64_t>()[pos % kVectorSize]);
}

Status TableData::DuplicateKey(const std::vector<Value>& key) const {
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
                "duplicate key value violates unique constraint \"" + schema_.PrimaryKeyName() +
                    "\"",
                "Key (" + cols + ")=(" + vals + ") already exists.");
}

Status TableData::Insert(const DataChunk& rows, uint64_t txn_id, const uint64_t* hidden_ids,
                         std::vector<uint64_t>* positions) {
  const size_t ncols = schema_.columns.size();
  for (;;) {
    uint64_t wait_for = 0;
    {
      std::unique_lock l(latch_);
      if (!has_hidden_key()) {
        std::set<std::vector<Value>, KeyLess> batch;
        for (size_t r = 0; r < rows.size() && wait_for == 0; ++r) {
          std::vector<Value> key = KeyOf(rows, r);
          auto it = index_.find(key);
          for (uint64_t p = it == index_.end() ? kNoPosition : it->second; p != kNoPosition;) {
            RowGroup& g = *groups_[p / kVectorSize];
            size_t o = p % kVectorSize;
            uint64_t b = g.begin[o].load(std::memory_order_acquire);
            uint64_t e = g.end[o].load(std::memory_order_acquire);
            if (b != kAborted) {
              if (IsTxnId(b) && b != txn_id) {
                wait_for = b;  // an insert in progress decides the key's fate
                break;
              }
              if (e == kNotDeleted) return DuplicateKey(key);
              if (IsTxnId(e) && e != txn_id) {
                wait_for = e;  // a delete in progress
                break;
              }
              if (IsCommitTs(e)) break;  // older versions were deleted before this one
            }
            p = g.older[o];
          }
          if (wait_for == 0 && !batch.insert(std::move(key)).second) {
            return DuplicateKey(KeyOf(rows, r));
          }
        }
      }
      if (wait_for == 0) {
        for (size_t r = 0; r < rows.size(); ++r) {
          if (size_ % kVectorSize == 0) {
            std::vector<LogicalType> types = schema_.ColumnTypes();
            if (has_hidden_key()) types.push_back(TypeId::kBigInt);
            groups_.push_back(std::make_unique<RowGroup>(types));
          }
          uint64_t pos = size_;
          RowGroup& g = *groups_.back();
          size_t o = pos % kVectorSize;
          DataChunk& d = g.data;
          for (size_t c = 0; c < ncols; ++c) d.column(c).AppendFrom(rows.column(c), r);
          if (has_hidden_key()) {
            uint64_t id = hidden_ids ? hidden_ids[r] : next_hidden_id_;
            next_hidden_id_ = std::max(next_hidden_id_, id + 1);
            d.column(ncols).Append(Value::BigInt(static_cast<int64_t>(id)));
          }
          d.SetSize(o + 1);
          g.begin[o].store(txn_id, std::memory_order_relaxed);
          g.end[o].store(kNotDeleted, std::memory_order_relaxed);
          g.successor[o].store(kNoPosition, std::memory_order_relaxed);
          auto [it, inserted] = index_.try_emplace(KeyOf(d, o), pos);
          g.older[o] = inserted ? kNoPosition : it->second;
          it->second = pos;
          ++size_;
          positions->push_back(pos);
        }
        return Status::OK();
      }
    }
    OMEN_RETURN_IF_ERROR(txns_->WaitFor(txn_id, wait_for));
  }
}

Result<LockOutcome> TableData::Lock(uint64_t pos, const Snapshot& snapshot,
                                    IsolationLevel isolation) {
  RowGroup& g = Group(pos);
  std::atomic<uint64_t>& end = g.end[pos % kVectorSize];
  for (;;) {
    uint64_t e = end.load(std::memory_order_acquire);
    if (e == kNotDeleted) {
      if (end.compare_exchange_strong(e, snapshot.txn_id, std::memory_order_acq_rel)) {
        return LockOutcome{LockOutcome::kLocked, 0};
      }
      continue;
    }
    if (e == snapshot.txn_id) return LockOutcome{LockOutcome::kSelfDeleted, 0};
    if (IsTxnId(e)) {
      OMEN_RETURN_IF_ERROR(txns_->WaitFor(snapshot.txn_id, e));
      continue;
    }
    // Committed by a transaction the snapshot does not see. Its successor is stamped by the
    // time the commit is published; wait for that so the caller's next snapshot sees it.
    txns_->WaitVisible(e);
    uint64_t succ = g.successor[pos % kVectorSize].load(std::memory_order_acquire);
    if (isolation == IsolationLevel::kRepeatableRead) {
      return Status(sqlstate::kSerializationFailure,
                    succ == kNoPosition ? "could not serialize access due to concurrent delete"
                                        : "could not serialize access due to concurrent update");
    }
    // Follow the update chain to its newest committed version.
    while (succ != kNoPosition) {
      RowGroup& s = Group(succ);
      uint64_t se = s.end[succ % kVectorSize].load(std::memory_order_acquire);
      if (!IsCommitTs(se) || se == kNotDeleted) break;
      txns_->WaitVisible(se);
      succ = s.successor[succ % kVectorSize].load(std::memory_order_acquire);
    }
    return LockOutcome{LockOutcome::kUpdated, succ};
  }
}

void TableData::SetSuccessor(uint64_t pos, uint64_t successor) {
  Group(pos).successor[pos % kVectorSize].store(successor, std::memory_order_release);
}

void TableData::CommitInsert(uint64_t pos, Timestamp ts) {
  BeginStamp(pos).store(ts, std::memory_order_release);
}

void TableData::CommitDelete(uint64_t pos, Timestamp ts) {
  EndStamp(pos).store(ts, std::memory_order_release);
}

void TableData::AbortInsert(uint64_t pos) {
  BeginStamp(pos).store(kAborted, std::memory_order_release);
}

void TableData::AbortDelete(uint64_t pos) {
  RowGroup& g = Group(pos);
  g.successor[pos % kVectorSize].store(kNoPosition, std::memory_order_relaxed);
  g.end[pos % kVectorSize].store(kNotDeleted, std::memory_order_release);
}

bool TableData::SeesLocked(uint64_t pos, const Snapshot& snapshot) const {
  const RowGroup& g = *groups_[pos / kVectorSize];
  size_t o = pos % kVectorSize;
  return snapshot.Sees(g.begin[o].load(std::memory_order_acquire),
                       g.end[o].load(std::memory_order_acquire));
}

uint64_t TableData::VisibleInChainLocked(uint64_t newest, const Snapshot& snapshot) const {
  for (uint64_t p = newest; p != kNoPosition; p = groups_[p / kVectorSize]->older[p % kVectorSize]) {
    if (SeesLocked(p, snapshot)) return p;
  }
  return kNoPosition;
}

uint64_t TableData::FindVisible(const std::vector<Value>& key, const Snapshot& snapshot) const {
  std::shared_lock l(latch_);
  auto it = index_.find(key);
  return it == index_.end() ? kNoPosition : VisibleInChainLocked(it->second, snapshot);
}

bool TableData::KeyInRange(uint64_t pos, const ScanSpec& spec) const {
  if (!spec.use_key_range && !spec.use_key_points) return true;
  std::vector<Value> key = KeyOf(groups_[pos / kVectorSize]->data, pos % kVectorSize);
  KeyLess less;
  if (spec.use_key_points) {
    return std::any_of(spec.key_points.begin(), spec.key_points.end(), [&](const auto& p) {
      return !less(key, p) && !less(p, key);
    });
  }
  const KeyBound& lo = spec.lower;
  const KeyBound& hi = spec.upper;
  if (!lo.prefix.empty() && (less(key, lo.prefix) || (!lo.inclusive && !less(lo.prefix, key)))) {
    return false;
  }
  if (!hi.prefix.empty() && (less(hi.prefix, key) || (!hi.inclusive && !less(key, hi.prefix)))) {
    return false;
  }
  return true;
}

void TableData::GatherRow(uint64_t pos, const std::vector<size_t>& column_ids,
                          DataChunk* out) const {
  const DataChunk& src = groups_[pos / kVectorSize]->data;
  size_t offset = pos % kVectorSize;
  for (size_t i = 0; i < column_ids.size(); ++i) {
    out->column(i).AppendFrom(src.column(column_ids[i]), offset);
  }
  if (out->column_count() > column_ids.size()) {
    out->column(column_ids.size()).Append(Value::BigInt(static_cast<int64_t>(pos)));
  }
}

// Every version the snapshot sees, in storage order.
class FullScanner final : public TableScanner {
 public:
  FullScanner(const TableData* table, ScanSpec spec) : table_(table), spec_(std::move(spec)) {}

  Result<bool> Next(DataChunk* out) override {
    out->SetSize(0);
    size_t n = 0;
    std::shared_lock l(table_->latch_);
    while (n < kVectorSize && produced_ < spec_.limit && pos_ < table_->size_) {
      if (table_->SeesLocked(pos_, spec_.snapshot)) {
        table_->GatherRow(pos_, spec_.column_ids, out);
        ++produced_;
        ++n;
      }
      ++pos_;
    }
    out->SetSize(n);
    return n > 0;
  }

 private:
  const TableData* table_;
  ScanSpec spec_;
  uint64_t pos_ = 0;
  uint64_t produced_ = 0;
};

// Reads the rows of a sequence of key-index ranges, in order: one range for a key-range scan,
// one per key point for an IN list. Index iterators stay valid while the latch is released
// between batches, since entries are never erased while the table is open.
class KeyIndexScanner final : public TableScanner {
 public:
  KeyIndexScanner(const TableData* table, ScanSpec spec) : table_(table), spec_(std::move(spec)) {
    std::shared_lock l(table_->latch_);
    const Index& index = table_->index_;
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
    out->SetSize(0);
    size_t n = 0;
    std::shared_lock l(table_->latch_);
    while (n < kVectorSize && produced_ < spec_.limit && range_ < ranges_.size()) {
      auto& [it, end] = ranges_[range_];
      if (it == end) {
        ++range_;
        continue;
      }
      uint64_t pos = table_->VisibleInChainLocked(it->second, spec_.snapshot);
      ++it;
      if (pos == kNoPosition) continue;
      table_->GatherRow(pos, spec_.column_ids, out);
      ++n;
      ++produced_;
    }
    out->SetSize(n);
    return n > 0;
  }

 private:
  using Index = TableData::KeyIndex;
  const TableData* table_;
  ScanSpec spec_;
  std::vector<std::pair<Index::const_iterator, Index::const_iterator>> ranges_;
  size_t range_ = 0;
  uint64_t produced_ = 0;
};

// The versions listed in ScanSpec::positions that the snapshot sees and the key bounds admit.
class PositionScanner final : public TableScanner {
 public:
  PositionScanner(const TableData* table, ScanSpec spec) : table_(table), spec_(std::move(spec)) {}

  Result<bool> Next(DataChunk* out) override {
    out->SetSize(0);
    size_t n = 0;
    std::shared_lock l(table_->latch_);
    const std::vector<uint64_t>& list = *spec_.positions;
    while (n < kVectorSize && produced_ < spec_.limit && next_ < list.size()) {
      uint64_t pos = list[next_++];
      if (pos >= table_->size_ || !table_->SeesLocked(pos, spec_.snapshot) ||
          !table_->KeyInRange(pos, spec_)) {
        continue;
      }
      table_->GatherRow(pos, spec_.column_ids, out);
      ++n;
      ++produced_;
    }
    out->SetSize(n);
    return n > 0;
  }

 private:
  const TableData* table_;
  ScanSpec spec_;
  size_t next_ = 0;
  uint64_t produced_ = 0;
};

std::unique_ptr<TableScanner> TableData::Scan(const ScanSpec& spec) const {
  if (spec.positions != nullptr) return std::make_unique<PositionScanner>(this, spec);
  if ((spec.use_key_points || spec.use_key_range) && !schema_.primary_key.empty()) {
    return std::make_unique<KeyIndexScanner>(this, spec);
  }
  return std::make_unique<FullScanner>(this, spec);
}

}  // namespace omendb
