#include "storage/table_data.h"

#include <algorithm>
#include <set>

#include "common/rcu.h"
#include "storage/secondary_index.h"
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
  if (int_key) last_ints.push_back(segment->IntKeyAt(n - 1));
  rows += n;
  ms.segment = std::move(segment);
  segments.push_back(std::move(ms));
}

static_assert(DeltaKeyIndex::kNone == kNoPosition);

uint64_t MainStore::FindInt(int64_t k) const {
  // The hot path of point lookups: no Value comparisons, no allocation.
  const size_t s = static_cast<size_t>(std::lower_bound(last_ints.begin(), last_ints.end(), k) -
                                       last_ints.begin());
  if (s == segments.size()) return kNoPosition;
  const uint64_t row = segments[s].segment->FindInt(k);
  return row == UINT64_MAX ? kNoPosition : MainPos(s, row);
}

uint64_t MainStore::Find(const std::vector<Value>& key) const {
  if (int_key && key.size() == 1) return FindInt(key[0].GetInt());
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
    auto at = upper ? std::upper_bound(last_ints.begin(), last_ints.end(), k)
                    : std::lower_bound(last_ints.begin(), last_ints.end(), k);
    if (at == last_ints.end()) return rows;
    const MainSegment& ms = segments[static_cast<size_t>(at - last_ints.begin())];
    return ms.first_row + (upper ? ms.segment->UpperBoundInt(k) : ms.segment->LowerBoundInt(k));
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

// Reads `n` values of an integer vector as int64.
static void IntsOf(const Vector& v, size_t from, size_t n, int64_t* out) {
  switch (v.type().physical()) {
    case PhysicalType::kInt16: std::copy_n(v.Data<int16_t>() + from, n, out); break;
    case PhysicalType::kInt32: std::copy_n(v.Data<int32_t>() + from, n, out); break;
    default: std::copy_n(v.Data<int64_t>() + from, n, out); break;
  }
}

uint64_t DeltaStore::AppendLocked(const std::vector<LogicalType>& types, const DataChunk& rows,
                                  size_t from, size_t count, uint64_t begin, uint64_t end) {
  const uint64_t first = size;
  std::vector<int64_t> ints;
  std::vector<Value> key;
  while (count > 0) {
    if (size % kVectorSize == 0) groups.push_back(std::make_unique<RowGroup>(types));
    RowGroup& g = *groups.back();
    const size_t o0 = size % kVectorSize;
    const size_t n = std::min<size_t>(count, kVectorSize - o0);
    for (size_t c = 0; c < types.size(); ++c) g.data.column(c).AppendRange(rows.column(c), from, n);
    g.data.SetSize(o0 + n);
    if (index.int_key()) {
      ints.resize(n);
      IntsOf(rows.column(key_columns[0]), from, n, ints.data());
    }
    uint64_t added = 0;
    for (size_t i = 0; i < n; ++i) {
      const size_t o = o0 + i;
      g.begin[o].store(begin, std::memory_order_relaxed);
      g.end[o].store(end, std::memory_order_relaxed);
      g.successor[o].store(kNoPosition, std::memory_order_relaxed);
      uint64_t older;
      if (index.int_key()) {
        older = index.UpsertInt(ints[i], size + i);
      } else {
        key.clear();
        for (size_t k : key_columns) key.push_back(rows.GetValue(k, from + i));
        older = index.Upsert(key, size + i);
      }
      g.older[o] = older;
      added += older == kNoPosition ? 1 : 0;
    }
    keys.fetch_add(added, std::memory_order_release);
    size += n;
    from += n;
    count -= n;
  }
  return first;
}

TableData::TableData(TableSchema schema, TransactionManager* txns)
    : schema_(std::move(schema)), txns_(txns) {
  key_columns_ = schema_.primary_key;
  if (key_columns_.empty()) key_columns_.push_back(schema_.columns.size());
  state_.store(new State{std::make_shared<MainStore>(),
                         std::make_shared<DeltaStore>(KeyTypes(), key_columns_)},
                std::memory_order_release);
}

// No reader can be left: whoever destroys the table holds its last reference.
TableData::~TableData() { delete state_.load(std::memory_order_acquire); }

TableData::State TableData::CurrentState() const {
  rcu::ReadGuard guard;
  return *state_.load(std::memory_order_acquire);
}

const TableData::State* TableData::SwapState(State next) {
  return state_.exchange(new State(std::move(next)), std::memory_order_acq_rel);
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
  for (uint64_t x : excluders_) {
    if (x != txn_id) return x;
  }
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

std::vector<uint64_t> TableData::ExcludeWriters(uint64_t txn_id) {
  std::lock_guard l(writers_mu_);
  if (std::find(excluders_.begin(), excluders_.end(), txn_id) == excluders_.end()) {
    excluders_.push_back(txn_id);
  }
  std::vector<uint64_t> others;
  for (uint64_t w : writers_) {
    if (w != txn_id) others.push_back(w);
  }
  return others;
}

void TableData::AdmitWriters(uint64_t txn_id) {
  {
    std::lock_guard l(writers_mu_);
    excluders_.erase(std::remove(excluders_.begin(), excluders_.end(), txn_id), excluders_.end());
  }
  writers_cv_.notify_all();
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

Status TableData::CheckKeysFree(const State& st, const DataChunk& rows, uint64_t txn_id,
                               uint64_t* wait_for) const {
  const DeltaStore& delta = *st.delta;
  const MainStore& main = *st.main;
  // Whether a key whose newest delta version is `head` may be inserted: walks the key's
  // versions, newest first (the delta chain, then the main row `main_find()` gives). kWait
  // sets *wait_for to the running transaction that decides the key's fate; kTaken means a
  // committed or own version holds it.
  enum Fate { kFree, kTaken, kWait };
  auto fate = [&](uint64_t head, auto&& main_find) -> Fate {
    for (uint64_t p = head; p != kNoPosition;) {
      RowGroup& g = delta.GroupLocked(p);
      size_t o = p % kVectorSize;
      uint64_t b = g.begin[o].load(std::memory_order_acquire);
      uint64_t e = g.end[o].load(std::memory_order_acquire);
      if (b != kAborted) {
        if (IsTxnId(b) && b != txn_id) {
          *wait_for = b;  // an insert in progress decides the key's fate
          return kWait;
        }
        if (e == kNotDeleted) return kTaken;
        if (IsTxnId(e) && e != txn_id) {
          *wait_for = e;  // a delete in progress
          return kWait;
        }
        if (IsCommitTs(e)) return kFree;  // older versions were deleted before this one
      }
      p = g.older[o];
    }
    uint64_t m = main_find();
    if (m == kNoPosition) return kFree;
    uint64_t e = main.End(m).load(std::memory_order_acquire);
    if (e == kNotDeleted) return kTaken;
    if (IsTxnId(e) && e != txn_id) {
      *wait_for = e;
      return kWait;
    }
    return kFree;
  };
  const size_t n = rows.size();
  if (delta.index.int_key()) {
    std::vector<int64_t> keys(n);
    IntsOf(rows.column(key_columns_[0]), 0, n, keys.data());
    // The first row repeating an earlier row's key (n when none).
    size_t repeat = n;
    {
      std::vector<std::pair<int64_t, size_t>> sorted(n);
      for (size_t r = 0; r < n; ++r) sorted[r] = {keys[r], r};
      std::sort(sorted.begin(), sorted.end());
      for (size_t i = 1; i < n; ++i) {
        if (sorted[i].first == sorted[i - 1].first) repeat = std::min(repeat, sorted[i].second);
      }
    }
    const LogicalType type = KeyTypes()[0];
    for (size_t r = 0; r < n; ++r) {
      const int64_t k = keys[r];
      auto main_find = [&] {
        if (main.int_key) return main.FindInt(k);
        return main.segments.empty() ? kNoPosition : main.Find({Value::Int(type, k)});
      };
      Fate f = fate(delta.index.FindInt(k), main_find);
      if (f == kTaken) return DuplicateKey(KeyOfChunk(rows, r));
      if (f == kWait) return Status::OK();
      if (r == repeat) return DuplicateKey(KeyOfChunk(rows, r));
    }
    return Status::OK();
  }
  std::set<std::vector<Value>, KeyLess> batch;
  for (size_t r = 0; r < n; ++r) {
    std::vector<Value> key = KeyOfChunk(rows, r);
    Fate f = fate(delta.index.Find(key), [&] { return main.Find(key); });
    if (f == kTaken) return DuplicateKey(key);
    if (f == kWait) return Status::OK();
    if (!batch.insert(std::move(key)).second) return DuplicateKey(KeyOfChunk(rows, r));
  }
  return Status::OK();
}

Status TableData::Insert(const DataChunk& rows, uint64_t txn_id, const uint64_t* hidden_ids,
                         std::vector<uint64_t>* positions) {
  const size_t ncols = schema_.columns.size();
  const size_t n = rows.size();
  std::vector<LogicalType> types = schema_.ColumnTypes();
  if (has_hidden_key()) types.push_back(TypeId::kBigInt);
  State st = CurrentState();
  DeltaStore& delta = *st.delta;
  for (;;) {
    uint64_t wait_for = 0;
    {
      std::unique_lock l(delta.latch);
      if (!has_hidden_key()) OMEN_RETURN_IF_ERROR(CheckKeysFree(st, rows, txn_id, &wait_for));
      // Read under the exclusive latch: AddIndex attaches an index under it too, so every
      // version appended after that is in the index.
      const std::vector<std::shared_ptr<SecondaryIndex>> indexes = Indexes();
      for (size_t i = 0; i < indexes.size() && wait_for == 0; ++i) {
        const SecondaryIndex& index = *indexes[i];
        // A running CREATE or DROP of the index decides what this write must satisfy.
        const uint64_t creator = index.creator(), dropper = index.dropper();
        if ((creator != 0 && creator != txn_id) || (dropper != 0 && dropper != txn_id)) {
          wait_for = creator != 0 && creator != txn_id ? creator : dropper;
          break;
        }
        if (!index.unique() || index.dropper() == txn_id) continue;
        std::set<std::vector<Value>, IndexEntryLess> batch;
        for (size_t r = 0; r < n && wait_for == 0; ++r) {
          OMEN_RETURN_IF_ERROR(CheckUnique(st, index, rows, r, txn_id, &wait_for));
          std::vector<Value> values;
          for (size_t c : index.columns()) values.push_back(rows.GetValue(c, r));
          bool has_null = std::any_of(values.begin(), values.end(),
                                      [](const Value& v) { return v.is_null(); });
          if (wait_for == 0 && !has_null && !batch.insert(values).second) {
            return DuplicateIndexKey(index, values, false);
          }
        }
      }
      if (wait_for == 0) {
        // The rows as stored: a table without primary key gets its hidden row id column.
        const DataChunk* src = &rows;
        DataChunk with_ids;
        if (has_hidden_key()) {
          with_ids = DataChunk(types, n);
          for (size_t c = 0; c < ncols; ++c) with_ids.column(c).AppendRange(rows.column(c), 0, n);
          Vector& ids = with_ids.column(ncols);
          ids.Resize(n);
          int64_t* id = ids.Data<int64_t>();
          if (hidden_ids == nullptr) {
            const uint64_t first = next_hidden_id_.fetch_add(n);
            for (size_t r = 0; r < n; ++r) id[r] = static_cast<int64_t>(first + r);
          } else {
            for (size_t r = 0; r < n; ++r) {
              id[r] = static_cast<int64_t>(hidden_ids[r]);
              uint64_t next = next_hidden_id_.load();
              while (next <= hidden_ids[r] &&
                     !next_hidden_id_.compare_exchange_weak(next, hidden_ids[r] + 1)) {
              }
            }
          }
          with_ids.SetSize(n);
          src = &with_ids;
        }
        for (const auto& index : indexes) {
          for (size_t r = 0; r < n; ++r) {
            std::vector<Value> entry;
            entry.reserve(index->columns().size() + key_columns_.size());
            for (size_t c : index->columns()) entry.push_back(rows.GetValue(c, r));
            for (size_t k : key_columns_) entry.push_back(src->GetValue(k, r));
            index->Add(std::move(entry));
          }
        }
        const uint64_t first = delta.AppendLocked(types, *src, 0, n, txn_id, kNotDeleted);
        for (size_t r = 0; r < n; ++r) positions->push_back(first + r);
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

void TableData::CommitInserts(uint64_t pos, uint64_t count, Timestamp ts) {
  StampBegins(pos, count, ts);
}

void TableData::CommitDelete(uint64_t pos, Timestamp ts) {
  EndStamp(CurrentState(), pos).store(ts, std::memory_order_release);
}

void TableData::AbortInserts(uint64_t pos, uint64_t count) { StampBegins(pos, count, kAborted); }

void TableData::StampBegins(uint64_t pos, uint64_t count, uint64_t stamp) {
  State st = CurrentState();
  std::shared_lock l(st.delta->latch);
  for (uint64_t p = pos; p < pos + count; ++p) {
    st.delta->GroupLocked(p).begin[p % kVectorSize].store(stamp, std::memory_order_release);
  }
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
  // The stores stay alive while the guard lives (cheaper than pinning them, and lock-free).
  rcu::ReadGuard guard;
  return FindVisibleIn(*state_.load(std::memory_order_acquire), key, snapshot);
}

uint64_t TableData::FindVisibleIn(const State& st, const std::vector<Value>& key,
                                  const Snapshot& snapshot) {
  if (st.delta->keys.load(std::memory_order_acquire) != 0) {
    std::shared_lock l(st.delta->latch);
    uint64_t p = st.delta->VisibleInChainLocked(st.delta->index.Find(key), snapshot);
    if (p != kNoPosition) return p;
  }
  uint64_t m = st.main->Find(key);
  if (m == kNoPosition) return kNoPosition;
  // No stamped main row: every one is alive (saves loading its end stamp).
  if (st.main->stamped.load(std::memory_order_acquire) == 0) return m;
  return snapshot.Sees(0, st.main->End(m).load(std::memory_order_acquire)) ? m : kNoPosition;
}

std::vector<Value> TableData::ValuesAt(const State& st, uint64_t pos,
                                       const std::vector<size_t>& columns) const {
  std::vector<Value> values;
  values.reserve(columns.size());
  if (IsMainPos(pos)) {
    const Segment& seg = st.main->SegmentAt(pos);
    for (size_t c : columns) values.push_back(seg.GetValue(c, RowOf(pos)));
  } else {
    const DataChunk& data = st.delta->GroupLocked(pos).data;
    for (size_t c : columns) values.push_back(data.GetValue(c, pos % kVectorSize));
  }
  return values;
}

std::vector<std::shared_ptr<SecondaryIndex>> TableData::Indexes() const {
  std::lock_guard l(indexes_mu_);
  return indexes_;
}

std::shared_ptr<const SecondaryIndex> TableData::FindIndex(uint64_t index_id) const {
  std::lock_guard l(indexes_mu_);
  for (const auto& index : indexes_) {
    if (index->id() == index_id) return index;
  }
  return nullptr;
}

uint64_t TableData::FindVisibleByIndex(uint64_t index_id, const std::vector<Value>& values,
                                       const Snapshot& snapshot) const {
  std::shared_ptr<const SecondaryIndex> index = FindIndex(index_id);
  if (index == nullptr) return kNoPosition;
  State st = CurrentState();
  const KeyBound bound{values, true};
  const size_t k = index->columns().size();
  std::vector<Value> after;
  constexpr size_t kBatch = 64;
  for (;;) {
    std::vector<std::vector<Value>> entries = index->Range(bound, bound, after, kBatch);
    for (const std::vector<Value>& entry : entries) {
      std::vector<Value> key(entry.begin() + static_cast<long>(k), entry.end());
      uint64_t pos = FindVisibleIn(st, key, snapshot);
      if (pos == kNoPosition) continue;
      std::shared_lock l(st.delta->latch);
      if (IndexEntryLess::Compare(ValuesAt(st, pos, index->columns()), values) == 0) return pos;
    }
    if (entries.size() < kBatch) return kNoPosition;
    after = entries.back();
  }
}

void TableData::RemoveIndex(uint64_t index_id) {
  std::lock_guard l(indexes_mu_);
  indexes_.erase(std::remove_if(indexes_.begin(), indexes_.end(),
                                [&](const auto& index) { return index->id() == index_id; }),
                 indexes_.end());
}

Status TableData::DuplicateIndexKey(const SecondaryIndex& index, const std::vector<Value>& values,
                                    bool creating) const {
  std::string cols, vals;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) {
      cols += ", ";
      vals += ", ";
    }
    cols += schema_.columns[index.columns()[i]].name;
    vals += values[i].ToString();
  }
  if (creating) {
    return Status(sqlstate::kUniqueViolation,
                  "could not create unique index \"" + index.name() + "\"",
                  "Key (" + cols + ")=(" + vals + ") is duplicated.");
  }
  return Status(sqlstate::kUniqueViolation,
                "duplicate key value violates unique constraint \"" + index.name() + "\"",
                "Key (" + cols + ")=(" + vals + ") already exists.");
}

Status TableData::CheckUnique(const State& st, const SecondaryIndex& index, const DataChunk& rows,
                              size_t r, uint64_t txn_id, uint64_t* wait_for) const {
  std::vector<Value> values;
  for (size_t c : index.columns()) {
    Value v = rows.GetValue(c, r);
    if (v.is_null()) return Status::OK();  // NULLs are distinct
    values.push_back(std::move(v));
  }
  const size_t k = values.size();
  const DeltaStore& delta = *st.delta;
  // Whether a version (stamps b, e) holding `values` makes the row a duplicate: committed or
  // ours and not deleted. Running transactions' versions decide after they finish.
  auto live = [&](uint64_t b, uint64_t e) -> Result<bool> {
    if (b == kAborted) return false;
    if (IsTxnId(b) && b != txn_id) {
      *wait_for = b;
      return false;
    }
    if (e == kNotDeleted) return true;
    if (IsTxnId(e) && e != txn_id) *wait_for = e;
    return false;
  };
  const KeyBound bound{values, true};
  std::vector<Value> after;
  constexpr size_t kBatch = 64;
  for (;;) {
    std::vector<std::vector<Value>> entries = index.Range(bound, bound, after, kBatch);
    for (const std::vector<Value>& entry : entries) {
      std::vector<Value> key(entry.begin() + static_cast<long>(k), entry.end());
      // (`values` has no NULL, and a NULL never compares equal to a value.)
      auto same = [&](uint64_t pos) {
        return IndexEntryLess::Compare(ValuesAt(st, pos, index.columns()), values) == 0;
      };
      for (uint64_t p = delta.index.Find(key); p != kNoPosition;
           p = delta.GroupLocked(p).older[p % kVectorSize]) {
        const RowGroup& g = delta.GroupLocked(p);
        size_t o = p % kVectorSize;
        if (!same(p)) continue;
        bool dup;
        OMEN_ASSIGN_OR_RETURN(dup, live(g.begin[o].load(std::memory_order_acquire),
                                        g.end[o].load(std::memory_order_acquire)));
        if (dup) return DuplicateIndexKey(index, values, false);
        if (*wait_for != 0) return Status::OK();
      }
      uint64_t m = st.main->Find(key);
      if (m != kNoPosition && same(m)) {
        bool dup;
        OMEN_ASSIGN_OR_RETURN(dup, live(0, st.main->End(m).load(std::memory_order_acquire)));
        if (dup) return DuplicateIndexKey(index, values, false);
        if (*wait_for != 0) return Status::OK();
      }
    }
    if (entries.size() < kBatch) return Status::OK();
    after = entries.back();
  }
}

void TableData::FillIndex(const State& st, SecondaryIndex* index,
                          std::vector<std::vector<Value>>* live) const {
  std::vector<size_t> columns = index->columns();
  const size_t k = columns.size();
  columns.insert(columns.end(), key_columns_.begin(), key_columns_.end());
  std::vector<LogicalType> types = schema_.ColumnTypes();
  if (has_hidden_key()) types.push_back(TypeId::kBigInt);
  std::vector<LogicalType> chunk_types;
  for (size_t c : columns) chunk_types.push_back(types[c]);
  // Live rows (not aborted, not deleted) are collected for a unique check when asked.
  auto add_rows = [&](const DataChunk& chunk, const std::vector<bool>& alive) {
    for (size_t r = 0; r < chunk.size(); ++r) {
      std::vector<Value> entry;
      entry.reserve(columns.size());
      for (size_t c = 0; c < columns.size(); ++c) entry.push_back(chunk.GetValue(c, r));
      if (live != nullptr && alive[r]) {
        std::vector<Value> values(entry.begin(), entry.begin() + static_cast<long>(k));
        if (std::none_of(values.begin(), values.end(), [](const Value& v) { return v.is_null(); })) {
          live->push_back(std::move(values));
        }
      }
      index->Add(std::move(entry));
    }
  };
  const MainStore& main = *st.main;
  for (size_t s = 0; s < main.segments.size(); ++s) {
    const MainSegment& ms = main.segments[s];
    const uint64_t n = ms.segment->row_count();
    for (uint64_t row = 0; row < n; row += kVectorSize) {
      const uint64_t count = std::min<uint64_t>(kVectorSize, n - row);
      DataChunk chunk(chunk_types);
      ms.segment->AppendRows(row, count, columns, &chunk);
      chunk.SetSize(static_cast<size_t>(count));
      std::vector<bool> alive(count);
      for (uint64_t i = 0; i < count; ++i) {
        alive[i] = ms.end[row + i].load(std::memory_order_acquire) == kNotDeleted;
      }
      add_rows(chunk, alive);
    }
  }
  const DeltaStore& delta = *st.delta;
  for (uint64_t pos = 0; pos < delta.size; pos += kVectorSize) {
    const RowGroup& g = delta.GroupLocked(pos);
    DataChunk chunk(chunk_types);
    std::vector<bool> alive;
    for (size_t o = 0; o < g.data.size(); ++o) {
      uint64_t b = g.begin[o].load(std::memory_order_acquire);
      if (b == kAborted) continue;
      for (size_t c = 0; c < columns.size(); ++c) chunk.column(c).AppendFrom(g.data.column(columns[c]), o);
      chunk.SetSize(chunk.size() + 1);
      alive.push_back(g.end[o].load(std::memory_order_acquire) == kNotDeleted);
    }
    add_rows(chunk, alive);
  }
}

Status TableData::AddIndex(std::shared_ptr<SecondaryIndex> index, bool check_unique) {
  const size_t ncols = schema_.columns.size();
  for (size_t c : index->columns()) {
    if (c >= ncols) {
      return Status(sqlstate::kDataCorrupted, "index \"" + index->name() + "\" names column " +
                                                  std::to_string(c) + " of a table of " +
                                                  std::to_string(ncols) + " columns");
    }
  }
  State st = CurrentState();
  std::unique_lock l(st.delta->latch);  // no insert interleaves until the index is attached
  // Live rows' values, for the unique check: not aborted and not deleted (other writers are
  // excluded, so a transaction's stamp is the caller's: its own rows count, its deletions
  // too).
  std::vector<std::vector<Value>> live;
  const bool check = check_unique && index->unique();
  FillIndex(st, index.get(), check ? &live : nullptr);
  if (check) {
    IndexEntryLess less;
    std::sort(live.begin(), live.end(), less);
    for (size_t i = 1; i < live.size(); ++i) {
      if (IndexEntryLess::Compare(live[i - 1], live[i]) == 0) {
        return DuplicateIndexKey(*index, live[i], /*creating=*/true);
      }
    }
  }
  std::lock_guard il(indexes_mu_);
  indexes_.push_back(std::move(index));
  return Status::OK();
}

void TableData::CompactIndexes() {
  std::vector<std::shared_ptr<SecondaryIndex>> indexes = Indexes();
  if (indexes.empty()) return;
  State st = CurrentState();
  std::shared_lock l(st.delta->latch);
  const uint64_t versions = st.main->rows + st.delta->size;
  for (const auto& index : indexes) {
    // Entries of versions a merge reclaimed stay until the index is rebuilt; rebuild once
    // they outnumber the versions (so an index holds at most about twice what it needs).
    if (index->entries() <= 2 * versions + 1024) continue;
    std::shared_ptr<SecondaryIndex> fresh = index->EmptyCopy();
    FillIndex(st, fresh.get(), nullptr);
    std::lock_guard il(indexes_mu_);
    for (auto& slot : indexes_) {
      if (slot == index) slot = fresh;  // running scans keep the one they hold
    }
  }
}

}  // namespace omendb
