#include "storage/table_data.h"

#include <algorithm>
#include <set>

#include "storage/table_stores.h"

namespace omendb {

void MainStore::Append(std::shared_ptr<const Segment> segment, const uint64_t* ends) {
  MainSegment ms;
  const uint64_t n = segment->row_count();
  ms.end = std::make_unique<std::atomic<uint64_t>[]>(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t e = ends ? ends[i] : kNotDeleted;
    ms.end[i].store(e, std::memory_order_relaxed);
    if (e != kNotDeleted) stamped.fetch_add(1, std::memory_order_relaxed);
  }
  ms.first_row = rows;
  ms.last_key = segment->KeyAt(n - 1);
  int_key = segment->int_key();
  if (int_key) ms.last_int = segment->IntKeyAt(n - 1);
  rows += n;
  ms.segment = std::move(segment);
  segments.push_back(std::move(ms));
}

uint64_t MainStore::Find(const std::vector<Value>& key) const {
  if (int_key && key.size() == 1) {
    // The hot path of point lookups: no Value comparisons, no allocation.
    const int64_t k = key[0].GetInt();
    auto it = std::partition_point(segments.begin(), segments.end(),
                                   [&](const MainSegment& s) { return s.last_int < k; });
    if (it == segments.end()) return kNoPosition;
    uint64_t row = it->segment->LowerBoundInt(k);
    if (row >= it->segment->row_count() || it->segment->IntKeyAt(row) != k) return kNoPosition;
    return MainPos(static_cast<size_t>(it - segments.begin()), row);
  }
  uint64_t g = Bound(key, /*upper=*/false);
  if (g >= rows) return kNoPosition;
  uint64_t pos = PosOfGlobal(g);
  std::vector<Value> found = SegmentAt(pos).KeyAt(RowOf(pos));
  KeyLess less;
  return less(key, found) || less(found, key) ? kNoPosition : pos;
}

uint64_t MainStore::Bound(const std::vector<Value>& prefix, bool upper) const {
  if (int_key && prefix.size() == 1) {
    const int64_t k = prefix[0].GetInt();
    auto it = std::partition_point(segments.begin(), segments.end(), [&](const MainSegment& s) {
      return upper ? s.last_int <= k : s.last_int < k;
    });
    if (it == segments.end()) return rows;
    return it->first_row + (upper ? it->segment->UpperBoundInt(k) : it->segment->LowerBoundInt(k));
  }
  KeyLess less;
  // The first segment that can hold the bound: its last key is >= prefix (> for upper).
  auto it = std::partition_point(segments.begin(), segments.end(), [&](const MainSegment& s) {
    return upper ? !less(prefix, s.last_key) : less(s.last_key, prefix);
  });
  if (it == segments.end()) return rows;
  uint64_t row = upper ? it->segment->UpperBound(prefix) : it->segment->LowerBound(prefix);
  return it->first_row + row;
}

uint64_t MainStore::PosOfGlobal(uint64_t g) const {
  auto it = std::partition_point(segments.begin(), segments.end(),
                                 [&](const MainSegment& s) { return s.first_row <= g; });
  size_t seg = static_cast<size_t>(it - segments.begin()) - 1;
  return MainPos(seg, g - segments[seg].first_row);
}

uint64_t DeltaStore::AppendLocked(const std::vector<LogicalType>& types, const DataChunk& rows,
                                  size_t r, std::vector<Value> key, uint64_t begin,
                                  uint64_t end) {
  if (size % kVectorSize == 0) groups.push_back(std::make_unique<RowGroup>(types));
  uint64_t pos = size;
  RowGroup& g = *groups.back();
  size_t o = pos % kVectorSize;
  for (size_t c = 0; c < types.size(); ++c) g.data.column(c).AppendFrom(rows.column(c), r);
  g.data.SetSize(o + 1);
  g.begin[o].store(begin, std::memory_order_relaxed);
  g.end[o].store(end, std::memory_order_relaxed);
  g.successor[o].store(kNoPosition, std::memory_order_relaxed);
  auto [it, inserted] = index.try_emplace(std::move(key), pos);
  if (inserted) keys.fetch_add(1, std::memory_order_release);
  g.older[o] = inserted ? kNoPosition : it->second;
  it->second = pos;
  ++size;
  return pos;
}

TableData::TableData(TableSchema schema, TransactionManager* txns)
    : schema_(std::move(schema)), txns_(txns) {
  key_columns_ = schema_.primary_key;
  if (key_columns_.empty()) key_columns_.push_back(schema_.columns.size());
  state_.main = std::make_shared<MainStore>();
  state_.delta = std::make_shared<DeltaStore>();
}

TableData::~TableData() = default;

TableData::State TableData::CurrentState() const {
  std::shared_lock l(state_mu_);
  return state_;
}

uint64_t TableData::delta_versions() const {
  State st = CurrentState();
  std::shared_lock l(st.delta->latch);
  return st.delta->size;
}

uint64_t TableData::main_rows() const { return CurrentState().main->rows; }

uint64_t TableData::AddWriter(uint64_t txn_id) {
  std::unique_lock l(writers_mu_);
  writers_cv_.wait(l, [&] { return !merge_pending_; });
  if (dropping_ != 0 && dropping_ != txn_id) return dropping_;
  writers_.push_back(txn_id);
  return 0;
}

void TableData::RemoveWriter(uint64_t txn_id) {
  {
    std::lock_guard l(writers_mu_);
    writers_.erase(std::remove(writers_.begin(), writers_.end(), txn_id), writers_.end());
  }
  writers_cv_.notify_all();
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

std::atomic<uint64_t>& TableData::EndStamp(const State& st, uint64_t pos) const {
  if (IsMainPos(pos)) return st.main->End(pos);
  return st.delta->Group(pos).end[pos % kVectorSize];
}

std::vector<Value> TableData::KeyOfChunk(const DataChunk& chunk, size_t row) const {
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

std::vector<Value> TableData::StorageKeyOf(const DeltaStore& delta, uint64_t pos) const {
  return KeyOfChunk(delta.GroupLocked(pos).data, pos % kVectorSize);
}

std::vector<Value> TableData::StorageKey(uint64_t pos) const {
  State st = CurrentState();
  if (IsMainPos(pos)) return st.main->SegmentAt(pos).KeyAt(RowOf(pos));
  std::shared_lock l(st.delta->latch);
  return StorageKeyOf(*st.delta, pos);
}

uint64_t TableData::HiddenId(uint64_t pos) const {
  std::vector<Value> key = StorageKey(pos);
  return static_cast<uint64_t>(key[0].GetInt());
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
  std::vector<LogicalType> types = schema_.ColumnTypes();
  if (has_hidden_key()) types.push_back(TypeId::kBigInt);
  State st = CurrentState();
  DeltaStore& delta = *st.delta;
  for (;;) {
    uint64_t wait_for = 0;
    {
      std::unique_lock l(delta.latch);
      if (!has_hidden_key()) {
        std::set<std::vector<Value>, KeyLess> batch;
        for (size_t r = 0; r < rows.size() && wait_for == 0; ++r) {
          std::vector<Value> key = KeyOfChunk(rows, r);
          // The key's versions, newest first: the delta chain, then the main row.
          auto it = delta.index.find(key);
          bool decided = false;
          for (uint64_t p = it == delta.index.end() ? kNoPosition : it->second; p != kNoPosition;) {
            RowGroup& g = delta.GroupLocked(p);
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
              if (IsCommitTs(e)) {
                decided = true;  // older versions were deleted before this one
                break;
              }
            }
            p = g.older[o];
          }
          if (wait_for == 0 && !decided) {
            uint64_t m = st.main->Find(key);
            if (m != kNoPosition) {
              uint64_t e = st.main->End(m).load(std::memory_order_acquire);
              if (e == kNotDeleted) return DuplicateKey(key);
              if (IsTxnId(e) && e != txn_id) wait_for = e;
            }
          }
          if (wait_for == 0 && !batch.insert(std::move(key)).second) {
            return DuplicateKey(KeyOfChunk(rows, r));
          }
        }
      }
      if (wait_for == 0) {
        DataChunk one(types, 1);
        for (size_t r = 0; r < rows.size(); ++r) {
          const DataChunk* src = &rows;
          size_t at = r;
          std::vector<Value> key;
          if (has_hidden_key()) {
            uint64_t id = hidden_ids ? hidden_ids[r] : next_hidden_id_.load();
            uint64_t next = next_hidden_id_.load();
            while (next <= id && !next_hidden_id_.compare_exchange_weak(next, id + 1)) {
            }
            one.SetSize(0);
            for (size_t c = 0; c < ncols; ++c) one.column(c).AppendFrom(rows.column(c), r);
            one.column(ncols).Append(Value::BigInt(static_cast<int64_t>(id)));
            one.SetSize(1);
            src = &one;
            at = 0;
            key = {Value::BigInt(static_cast<int64_t>(id))};
          } else {
            key = KeyOfChunk(rows, r);
          }
          positions->push_back(delta.AppendLocked(types, *src, at, std::move(key), txn_id, kNotDeleted));
        }
        return Status::OK();
      }
    }
    OMEN_RETURN_IF_ERROR(txns_->WaitFor(txn_id, wait_for));
  }
}

Result<LockOutcome> TableData::Lock(uint64_t pos, const Snapshot& snapshot,
                                    IsolationLevel isolation) {
  State st = CurrentState();
  std::atomic<uint64_t>& end = EndStamp(st, pos);
  for (;;) {
    uint64_t e = end.load(std::memory_order_acquire);
    if (e == kNotDeleted) {
      if (end.compare_exchange_strong(e, snapshot.txn_id, std::memory_order_acq_rel)) {
        if (IsMainPos(pos)) st.main->stamped.fetch_add(1);
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
    uint64_t succ = SuccessorOf(*st.main, *st.delta, pos);
    if (isolation == IsolationLevel::kRepeatableRead) {
      return Status(sqlstate::kSerializationFailure,
                    succ == kNoPosition ? "could not serialize access due to concurrent delete"
                                        : "could not serialize access due to concurrent update");
    }
    // Follow the update chain to its newest committed version.
    while (succ != kNoPosition) {
      uint64_t se = EndStamp(st, succ).load(std::memory_order_acquire);
      if (!IsCommitTs(se) || se == kNotDeleted) break;
      txns_->WaitVisible(se);
      succ = SuccessorOf(*st.main, *st.delta, succ);
    }
    return LockOutcome{LockOutcome::kUpdated, succ};
  }
}

void TableData::SetSuccessor(uint64_t pos, uint64_t successor) {
  State st = CurrentState();
  if (IsMainPos(pos)) {
    std::lock_guard l(st.main->successor_mu);
    st.main->successors[pos] = successor;
    return;
  }
  st.delta->Group(pos).successor[pos % kVectorSize].store(successor, std::memory_order_release);
}

void TableData::CommitInsert(uint64_t pos, Timestamp ts) {
  CurrentState().delta->Group(pos).begin[pos % kVectorSize].store(ts, std::memory_order_release);
}

void TableData::CommitDelete(uint64_t pos, Timestamp ts) {
  EndStamp(CurrentState(), pos).store(ts, std::memory_order_release);
}

void TableData::AbortInsert(uint64_t pos) {
  CurrentState().delta->Group(pos).begin[pos % kVectorSize].store(kAborted,
                                                                   std::memory_order_release);
}

void TableData::AbortDelete(uint64_t pos) {
  State st = CurrentState();
  if (IsMainPos(pos)) {
    std::lock_guard l(st.main->successor_mu);
    st.main->successors.erase(pos);
    st.main->stamped.fetch_sub(1);
  } else {
    st.delta->Group(pos).successor[pos % kVectorSize].store(kNoPosition, std::memory_order_relaxed);
  }
  EndStamp(st, pos).store(kNotDeleted, std::memory_order_release);
}

uint64_t TableData::FindVisible(const std::vector<Value>& key, const Snapshot& snapshot) const {
  // The stores cannot be swapped while the lookup holds state_mu_ shared (cheaper than
  // pinning them).
  std::shared_lock state(state_mu_);
  const State& st = state_;
  if (st.delta->keys.load(std::memory_order_acquire) != 0) {
    std::shared_lock l(st.delta->latch);
    auto it = st.delta->index.find(key);
    if (it != st.delta->index.end()) {
      for (uint64_t p = it->second; p != kNoPosition;
           p = st.delta->GroupLocked(p).older[p % kVectorSize]) {
        if (st.delta->SeesLocked(p, snapshot)) return p;
      }
    }
  }
  uint64_t m = st.main->Find(key);
  if (m == kNoPosition) return kNoPosition;
  // No stamped main row: every one is alive (saves loading its end stamp).
  if (st.main->stamped.load(std::memory_order_acquire) == 0) return m;
  return snapshot.Sees(0, st.main->End(m).load(std::memory_order_acquire)) ? m : kNoPosition;
}

}  // namespace omendb
