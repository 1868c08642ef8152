// TableData's merge: folds the delta store into a new main store (DESIGN.md "Merge").
#include <chrono>
#include <unordered_map>

#include "storage/table_data.h"
#include "common/rcu.h"
#include "storage/secondary_index.h"
#include "storage/table_stores.h"

namespace omendb {
namespace {

// Whether a version with end stamp `end` is still alive at `watermark`.
bool AliveAt(uint64_t end, Timestamp watermark) {
  return end == kNotDeleted || !IsCommitTs(end) || end > watermark;
}

// Accumulates the rows of the new main store and cuts them into segments.
class MainBuilder {
 public:
  MainBuilder(const TableSchema& schema, std::vector<LogicalType> types,
              std::vector<size_t> key_columns, uint64_t segment_rows)
      : schema_(schema), types_(std::move(types)), key_columns_(std::move(key_columns)),
        segment_rows_(std::max<uint64_t>(segment_rows, 1)) {}

  // Adds one row (copied from `src` row `r`) whose end stamp is `end`.
  Status Add(const DataChunk& src, size_t r, uint64_t end) {
    if (chunks_.empty() || chunks_.back().size() == kVectorSize) chunks_.emplace_back(types_);
    chunks_.back().AppendRowFrom(src, r);
    ends_.push_back(end);
    if (ends_.size() == segment_rows_) return Cut();
    return Status::OK();
  }
  // Adds main row `pos` of `main`.
  Status AddMain(const MainStore& main, uint64_t pos, uint64_t end) {
    if (scratch_.column_count() == 0) scratch_ = DataChunk(types_, 1);
    scratch_.SetSize(0);
    for (size_t c = 0; c < types_.size(); ++c) scratch_.column(c).Resize(0);
    std::vector<size_t> all(types_.size());
    for (size_t c = 0; c < all.size(); ++c) all[c] = c;
    main.SegmentAt(pos).AppendRow(RowOf(pos), all, &scratch_);
    scratch_.SetSize(1);
    return Add(scratch_, 0, end);
  }

  Result<std::shared_ptr<MainStore>> Finish() {
    OMEN_RETURN_IF_ERROR(Cut());
    return std::move(store_);
  }

 private:
  Status Cut() {
    if (ends_.empty()) return Status::OK();
    std::shared_ptr<const Segment> seg;
    // The learned index's default error bound: its last-mile search is tuned for that window.
    OMEN_ASSIGN_OR_RETURN(seg, Segment::Build(schema_.table_id, types_, key_columns_, chunks_));
    store_->Append(std::move(seg), ends_.data());
    chunks_.clear();
    ends_.clear();
    return Status::OK();
  }

  const TableSchema& schema_;
  std::vector<LogicalType> types_;
  std::vector<size_t> key_columns_;
  uint64_t segment_rows_;
  std::vector<DataChunk> chunks_;
  std::vector<uint64_t> ends_;
  DataChunk scratch_;
  std::shared_ptr<MainStore> store_ = std::make_shared<MainStore>();
};

}  // namespace

Result<MergeStats> TableData::Merge(uint64_t segment_rows, int drain_timeout_ms) {
  MergeStats stats;
  {
    std::lock_guard l(writers_mu_);
    if (merging_ || !excluders_.empty()) return stats;
    merging_ = true;
  }
  // Ends the merge: writers may register again.
  std::chrono::steady_clock::time_point held_since{};
  auto done = [&] {
    {
      std::lock_guard l(writers_mu_);
      if (merge_pending_) {
        stats.writers_held_ms = std::chrono::duration<double, std::milli>(
                                    std::chrono::steady_clock::now() - held_since)
                                    .count();
      }
      merging_ = false;
      merge_pending_ = false;
    }
    writers_cv_.notify_all();
  };
  State st = CurrentState();
  const Timestamp watermark = txns_->OldestSnapshot();
  if (st.main->stamped.load() == 0 && delta_versions() == 0) {
    // Nothing changed since the last merge: the main store holds the table as of now too.
    std::unique_lock l(state_mu_);
    main_watermark_ = std::max(main_watermark_, watermark);
    stats.merged = true;
    stats.watermark = main_watermark_;
    stats.main_rows = st.main->rows;  // only merges swap the stores, one at a time
    stats.segments = st.main->segments.size();
    done();
    return stats;
  }
  std::vector<LogicalType> types = schema_.ColumnTypes();
  if (has_hidden_key()) types.push_back(TypeId::kBigInt);
  const MainStore& main = *st.main;
  const DeltaStore& old = *st.delta;

  // Build, while writers go on: the new main store gets every key's version alive at the
  // watermark among the versions that exist now (delta positions below `frozen`). Their end
  // stamps may still change, so the source of each new main row is remembered; delta versions
  // newer than the watermark, or not yet committed, are remembered to be carried over.
  MainBuilder builder(schema_, types, key_columns_, segment_rows);
  std::vector<uint64_t> main_source;  // old position of each new main row
  std::vector<uint64_t> carried;      // delta versions to carry over, oldest first per key
  uint64_t frozen;
  Status status;
  {
    std::shared_lock l(old.latch);
    frozen = old.size;
  }
  {
    uint64_t g = 0;
    std::vector<Value> resume;  // the last key whose delta versions were walked
    bool started = false;
    std::vector<uint64_t> kept;  // a key's delta versions that stay, newest first
    constexpr size_t kEntriesPerLatch = 4096;
    while (status.ok()) {
      // The delta's latch is held for a batch of index entries at a time, so that writers
      // are never held up for long; the walk resumes after the last key it finished.
      std::shared_lock l(old.latch);
      DeltaKeyIndex::Iterator it =
          started ? old.index.Seek(resume, /*upper=*/true) : old.index.begin();
      if (it == old.index.end() && g >= main.rows) break;
      for (size_t n = 0; status.ok() && n < kEntriesPerLatch; ++n) {
        if (it == old.index.end() && g >= main.rows) break;
        uint64_t main_pos = g < main.rows ? main.PosOfGlobal(g) : kNoPosition;
        int order = g >= main.rows              ? -1
                    : it == old.index.end()     ? 1
                                                : CompareToMain(it, main, main_pos);
        // The version alive at the watermark goes to main (at most one per key); committed
        // versions newer than the watermark, and running transactions' versions, stay in the
        // delta; the rest is reclaimed.
        bool to_main = false;
        if (order >= 0) {
          uint64_t end = main.End(main_pos).load(std::memory_order_acquire);
          if (AliveAt(end, watermark)) {
            status = builder.AddMain(main, main_pos, end);
            main_source.push_back(main_pos);
            to_main = true;
          } else {
            ++stats.dropped_versions;
          }
          ++g;
        }
        if (order <= 0) {
          kept.clear();
          for (uint64_t p = it.pos(); p != kNoPosition && status.ok();
               p = old.GroupLocked(p).older[p % kVectorSize]) {
            if (p >= frozen) continue;  // added during the build: carried over at the swap
            const auto [b, e] = old.StampsLocked(p);
            if (b == kAborted) {
              ++stats.dropped_versions;
            } else if (!IsCommitTs(b) || b > watermark) {
              kept.push_back(p);
            } else if (AliveAt(e, watermark) && !to_main) {
              status = builder.Add(old.GroupLocked(p).data, p % kVectorSize, e);
              main_source.push_back(p);
              to_main = true;
            } else {
              ++stats.dropped_versions;
            }
          }
          carried.insert(carried.end(), kept.rbegin(), kept.rend());
          resume = it.key();
          started = true;
          ++it;
        }
      }
    }
  }
  Result<std::shared_ptr<MainStore>> built =
      status.ok() ? builder.Finish() : Result<std::shared_ptr<MainStore>>(status);
  if (!built.ok()) {
    done();
    return built.status();
  }

  // Drain: new writers wait; registered ones must finish (or the merge gives up, so that a
  // writer waiting for a lock elsewhere never deadlocks with it). Writers are held up from
  // here to the swap only.
  {
    std::unique_lock l(writers_mu_);
    merge_pending_ = true;
    held_since = std::chrono::steady_clock::now();
    bool drained = writers_cv_.wait_for(l, std::chrono::milliseconds(drain_timeout_ms),
                                        [&] { return writers_.empty(); });
    if (!drained) {
      l.unlock();
      done();
      stats = MergeStats{.writers_held_ms = stats.writers_held_ms};
      return stats;
    }
  }
  // No transaction can write the table now, and every version is committed or aborted.
  MainStore& fresh = **built;
  auto delta = std::make_shared<DeltaStore>(KeyTypes(), key_columns_);
  // Update chains cross the merge: READ COMMITTED writers follow a deleted version's successor
  // to the row's newest version. A successor is always newer than the watermark, so it stays
  // in the delta: old -> new positions of the delta versions carried over, and the versions
  // deleted since the watermark (new position, old position) whose successor is carried over.
  std::unordered_map<uint64_t, uint64_t> moved;
  std::vector<std::pair<uint64_t, uint64_t>> chained;
  {
    std::unique_lock new_latch(delta->latch);
    std::shared_lock l(old.latch);
    // The new main rows' end stamps as they are now.
    uint64_t stamped = 0;
    size_t row = 0;
    for (size_t seg = 0; seg < fresh.segments.size(); ++seg) {
      MainSegment& ms = fresh.segments[seg];
      for (uint64_t r = 0; r < ms.segment->row_count(); ++r, ++row) {
        const uint64_t src = main_source[row];
        const uint64_t e = IsMainPos(src) ? main.End(src).load(std::memory_order_acquire)
                                          : old.StampsLocked(src).end;
        ms.end[r].store(e, std::memory_order_relaxed);
        if (e != kNotDeleted) {
          ++stamped;
          chained.emplace_back(MainPos(seg, r), src);
        }
      }
    }
    fresh.stamped.store(stamped, std::memory_order_relaxed);
    // The delta versions that stay, then those added during the build, in order.
    auto carry = [&](uint64_t p) {
      const auto [b, e] = old.StampsLocked(p);
      if (b == kAborted) {
        ++stats.dropped_versions;
        return;
      }
      uint64_t pos = delta->AppendLocked(types, old.GroupLocked(p).data, p % kVectorSize, 1, b, e);
      moved[p] = pos;
      if (e != kNotDeleted) chained.emplace_back(pos, p);
      ++stats.delta_versions;
    };
    for (uint64_t p : carried) carry(p);
    for (uint64_t p = frozen; p < old.size; ++p) carry(p);
  }
  for (auto [pos, old_pos] : chained) {
    uint64_t succ = SuccessorOf(*st.main, old, old_pos);
    if (succ == kNoPosition) continue;  // deleted, not updated
    auto target = moved.find(succ);
    if (target == moved.end()) continue;  // cannot happen: a successor outlives its predecessor
    if (IsMainPos(pos)) {
      fresh.successors[pos] = target->second;
    } else {
      delta->Group(pos).successor[pos % kVectorSize].store(target->second,
                                                           std::memory_order_relaxed);
    }
  }
  stats.merged = true;
  stats.watermark = watermark;
  stats.main_rows = fresh.rows;
  stats.segments = fresh.segments.size();
  const State* replaced;
  {
    std::unique_lock l(state_mu_);
    replaced = SwapState(State{std::move(*built), std::move(delta)});
    main_watermark_ = watermark;
  }
  // Lookups that may still read the old stores finish first (scans hold their own pins).
  rcu::Synchronize();
  delete replaced;
  CompactIndexes();  // writers are still drained
  done();
  return stats;
}

KeyIndexSummary TableData::KeyIndex() const {
  State st = CurrentState();
  KeyIndexSummary s;
  s.main_rows = st.main->rows;
  s.segments = st.main->segments.size();
  for (const MainSegment& ms : st.main->segments) {
    if (!ms.segment->has_learned_index()) continue;
    ++s.learned_segments;
    const Segment::IndexInfo info = ms.segment->index_info();
    s.epsilon = std::max(s.epsilon, info.epsilon);
    s.models += info.models;
    s.model_bytes += info.bytes;
  }
  s.delta_keys = st.delta->keys.load(std::memory_order_acquire);
  return s;
}

TableStatistics TableData::Statistics() const {
  State st = CurrentState();
  const MainStore& main = *st.main;
  TableStatistics stats;
  stats.rows = main.rows - std::min(main.rows, main.stamped.load()) + delta_versions();
  stats.columns.resize(schema_.columns.size());
  for (size_t c = 0; c < stats.columns.size(); ++c) {
    TableStatistics::Column& col = stats.columns[c];
    col.min = col.max = Value::Null(schema_.columns[c].type);
    for (const MainSegment& ms : main.segments) {
      for (size_t b = 0; b < ms.segment->block_count(); ++b) {
        Segment::Zone z = ms.segment->ZoneOf(c, b);
        col.nulls += z.nulls;
        if (z.min.is_null()) continue;
        if (col.min.is_null() || Value::Compare(z.min, col.min) < 0) col.min = z.min;
        if (col.max.is_null() || Value::Compare(z.max, col.max) > 0) col.max = z.max;
      }
    }
  }
  return stats;
}

std::vector<std::shared_ptr<const Segment>> TableData::MainSegments(Timestamp* watermark) const {
  std::shared_lock l(state_mu_);
  *watermark = main_watermark_;
  std::vector<std::shared_ptr<const Segment>> out;
  for (const MainSegment& s : state_.load(std::memory_order_acquire)->main->segments) {
    out.push_back(s.segment);
  }
  return out;
}

void TableData::LoadMain(std::vector<std::shared_ptr<const Segment>> segments,
                         Timestamp watermark) {
  auto store = std::make_shared<MainStore>();
  for (auto& seg : segments) {
    if (seg->row_count() > 0) store->Append(std::move(seg), nullptr);
  }
  if (has_hidden_key() && !store->segments.empty()) {
    // Hidden ids continue after the largest one stored.
    next_hidden_id_ = static_cast<uint64_t>(store->segments.back().last_key[0].GetInt()) + 1;
  }
  const State* old;
  {
    std::unique_lock l(state_mu_);
    old = SwapState(State{std::move(store), state_.load(std::memory_order_acquire)->delta});
    main_watermark_ = watermark;
  }
  rcu::Synchronize();
  delete old;
}

}  // namespace omendb
