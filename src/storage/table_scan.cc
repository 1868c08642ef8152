// The scanners of TableData: full scans, key-range and key-point scans (main store through
// its learned index merged with the delta's key index), and position lists.
#include <algorithm>

#include "storage/table_data.h"
#include "storage/secondary_index.h"
#include "storage/table_stores.h"

namespace omendb {
namespace {

// Appends the version at `pos` (columns `column_ids`, then its position if the output has one
// more column) to *out. REQUIRES: the delta latch held for delta positions.
void Gather(const MainStore& main, const DeltaStore& delta, uint64_t pos,
            const std::vector<size_t>& column_ids, DataChunk* out) {
  if (IsMainPos(pos)) {
    main.SegmentAt(pos).AppendRow(RowOf(pos), column_ids, out);
  } else {
    const DataChunk& src = delta.GroupLocked(pos).data;
    size_t offset = pos % kVectorSize;
    for (size_t i = 0; i < column_ids.size(); ++i) {
      out->column(i).AppendFrom(src.column(column_ids[i]), offset);
    }
  }
  if (out->column_count() > column_ids.size()) {
    out->column(column_ids.size()).Append(Value::BigInt(static_cast<int64_t>(pos)));
  }
}

bool MainSees(const MainStore& main, uint64_t pos, const Snapshot& snapshot) {
  return snapshot.Sees(0, main.End(pos).load(std::memory_order_acquire));
}

// Appends the rows [row, row + count) of main segment `segment` that spec.prefilter keeps.
// Returns the number appended.
Result<uint64_t> GatherPrefiltered(const MainStore& main, size_t segment, uint64_t row,
                                   uint64_t count, const ScanSpec& spec, DataChunk* out,
                                   uint64_t* dropped) {
  const Segment& seg = *main.segments[segment].segment;
  std::vector<size_t> columns;
  std::vector<LogicalType> types;
  for (size_t i : spec.prefilter_columns) {
    columns.push_back(spec.column_ids[i]);
    types.push_back(out->column(i).type());
  }
  DataChunk filter_input(types, static_cast<size_t>(count));
  seg.AppendRows(row, count, columns, &filter_input);
  filter_input.SetSize(static_cast<size_t>(count));
  std::vector<uint32_t> keep;
  OMEN_RETURN_IF_ERROR(spec.prefilter(filter_input, &keep));
  for (size_t i = 0; i < spec.column_ids.size(); ++i) {
    seg.AppendSelected(spec.column_ids[i], row, keep.data(), keep.size(), &out->column(i));
  }
  if (out->column_count() > spec.column_ids.size()) {
    Vector& ids = out->column(spec.column_ids.size());
    for (uint32_t k : keep) ids.Append(Value::BigInt(static_cast<int64_t>(MainPos(segment, row + k))));
  }
  *dropped += count - keep.size();
  return keep.size();
}

// Appends the rows of main segment `segment` in [row, stop) that the snapshot sees (and the
// prefilter keeps, counting the rows it drops in *dropped), copying runs of consecutive
// visible rows column by column. Returns the number appended.
Result<uint64_t> GatherMainRun(const MainStore& main, size_t segment, uint64_t row,
                               uint64_t stop, const ScanSpec& spec, DataChunk* out,
                               uint64_t* dropped) {
  const MainSegment& ms = main.segments[segment];
  // No stamped main row: every row is visible (no end stamp to load per row).
  const bool all_visible = main.stamped.load(std::memory_order_acquire) == 0;
  uint64_t appended = 0;
  while (row < stop) {
    if (!all_visible && !spec.snapshot.Sees(0, ms.end[row].load(std::memory_order_acquire))) {
      ++row;
      continue;
    }
    uint64_t run = all_visible ? stop : row + 1;
    while (run < stop && spec.snapshot.Sees(0, ms.end[run].load(std::memory_order_acquire))) ++run;
    if (spec.prefilter) {
      uint64_t kept;
      OMEN_ASSIGN_OR_RETURN(kept,
                            GatherPrefiltered(main, segment, row, run - row, spec, out, dropped));
      appended += kept;
      row = run;
      continue;
    }
    ms.segment->AppendRows(row, run - row, spec.column_ids, out);
    if (out->column_count() > spec.column_ids.size()) {
      Vector& ids = out->column(spec.column_ids.size());
      for (uint64_t r = row; r < run; ++r) {
        ids.Append(Value::BigInt(static_cast<int64_t>(MainPos(segment, r))));
      }
    }
    appended += run - row;
    row = run;
  }
  return appended;
}

}  // namespace

// Whether a block whose non-NULL values lie in [zone.min, zone.max] may hold a row satisfying
// `f` (NULLs never satisfy a comparison).
bool ZoneMayMatch(const Segment::Zone& zone, const ScanZoneFilter& f) {
  if (zone.min.is_null()) return false;  // only NULLs
  using Op = ScanZoneFilter::Op;
  int lo = Value::Compare(zone.min, f.constant), hi = Value::Compare(zone.max, f.constant);
  switch (f.op) {
    case Op::kEq: return lo <= 0 && hi >= 0;
    case Op::kLt: return lo < 0;
    case Op::kLe: return lo <= 0;
    case Op::kGt: return hi > 0;
    case Op::kGe: return hi >= 0;
  }
  return true;
}

// Every version the snapshot sees: the main store's rows in key order (skipping blocks the
// zone filters exclude), then the delta's.
class FullScanner final : public TableScanner {
 public:
  FullScanner(TableData::State st, ScanSpec spec) : st_(std::move(st)), spec_(std::move(spec)) {}

  Result<bool> Next(DataChunk* out) override {
    out->SetSize(0);
    size_t n = 0;
    const MainStore& main = *st_.main;
    const DeltaStore& delta = *st_.delta;
    // With a prefilter, a batch ends once it has rows and about a batch of rows was examined:
    // the prefilter runs no further ahead of the operators above than a filter over full
    // batches would (a LIMIT may stop before the rows after them).
    uint64_t examined = 0;
    while (n < kVectorSize && produced_ < spec_.limit && main_row_ < main.rows &&
           (n == 0 || examined < kVectorSize)) {
      uint64_t pos = main.PosOfGlobal(main_row_);
      const Segment& seg = main.SegmentAt(pos);
      const uint64_t row = RowOf(pos);
      if (!spec_.zone_filters.empty() && row % kVectorSize == 0) {
        size_t block = static_cast<size_t>(row / kVectorSize);
        bool may_match = true;
        for (const ScanZoneFilter& f : spec_.zone_filters) {
          may_match = may_match && ZoneMayMatch(seg.ZoneOf(f.column, block), f);
        }
        if (!may_match) {
          main_row_ += std::min<uint64_t>(kVectorSize, seg.row_count() - row);
          ++skipped_;
          continue;
        }
      }
      // The rest of this block, as far as the batch and the limit allow.
      const uint64_t room = std::min<uint64_t>(kVectorSize - n, spec_.limit - produced_);
      uint64_t stop = std::min<uint64_t>((row / kVectorSize + 1) * kVectorSize, seg.row_count());
      stop = std::min<uint64_t>(stop, row + room);
      uint64_t got;
      OMEN_ASSIGN_OR_RETURN(
          got, GatherMainRun(main, SegmentOf(pos), row, stop, spec_, out, &prefiltered_));
      n += got;
      produced_ += got;
      main_row_ += stop - row;
      examined += stop - row;
    }
    std::shared_lock l(delta.latch);
    while (n < kVectorSize && produced_ < spec_.limit && pos_ < delta.size) {
      if (delta.SeesLocked(pos_, spec_.snapshot)) {
        Gather(main, delta, pos_, spec_.column_ids, out);
        ++produced_;
        ++n;
      }
      ++pos_;
    }
    out->SetSize(n);
    return n > 0;
  }
  uint64_t zone_blocks_skipped() const override { return skipped_; }
  uint64_t prefiltered_rows() const override { return prefiltered_; }

 private:
  TableData::State st_;
  ScanSpec spec_;
  uint64_t skipped_ = 0;
  uint64_t prefiltered_ = 0;
  uint64_t main_row_ = 0;
  uint64_t pos_ = 0;
  uint64_t produced_ = 0;
};

// Reads the rows of a sequence of key ranges in key order: one range for a key-range scan, one
// per key point for an IN list. Each range merges the main store's rows (found through the
// segments' learned indexes) with the delta's index entries; for a key in both, the delta's
// visible version wins, else the main row if the snapshot sees it. Between batches the latch
// is released and writers may add index entries, so a range remembers how far it has read
// its delta entries by key, not by iterator.
class KeyIndexScanner final : public TableScanner {
 public:
  KeyIndexScanner(TableData::State st, ScanSpec spec) : st_(std::move(st)), spec_(std::move(spec)) {
    const MainStore& main = *st_.main;
    if (spec_.use_key_points) {
      for (const std::vector<Value>& p : spec_.key_points) {
        const KeyBound point{p, true};
        ranges_.push_back({point, point, main.Bound(p, false), main.Bound(p, true)});
      }
      if (spec_.descending) std::reverse(ranges_.begin(), ranges_.end());
      return;
    }
    const KeyBound& lo = spec_.lower;
    const KeyBound& hi = spec_.upper;
    uint64_t mlo = lo.prefix.empty() ? 0 : main.Bound(lo.prefix, !lo.inclusive);
    uint64_t mhi = hi.prefix.empty() ? main.rows : main.Bound(hi.prefix, hi.inclusive);
    ranges_.push_back({lo, hi, mlo, std::max(mlo, mhi)});
  }

  Result<bool> Next(DataChunk* out) override {
    out->SetSize(0);
    size_t n = 0;
    const MainStore& main = *st_.main;
    const DeltaStore& delta = *st_.delta;
    const DeltaKeyIndex& index = delta.index;
    std::shared_lock l(delta.latch);
    const bool desc = spec_.descending;
    while (n < kVectorSize && produced_ < spec_.limit && range_ < ranges_.size()) {
      Range& r = ranges_[range_];
      // The range's delta entries not read yet: [it, end).
      DeltaKeyIndex::Iterator it =
          r.lo.prefix.empty() ? index.begin() : index.Seek(r.lo.prefix, !r.lo.inclusive);
      DeltaKeyIndex::Iterator end =
          r.hi.prefix.empty() ? index.end() : index.Seek(r.hi.prefix, r.hi.inclusive);
      // When lower lies above upper, end precedes it: the range is empty.
      if (end != index.end() && (it == index.end() || index.Less(end, it))) it = end;
      DeltaKeyIndex::Iterator last;  // the last entry read in this call
      bool read_delta = false;
      while (n < kVectorSize && produced_ < spec_.limit) {
        bool delta_left = it != end, main_left = r.main < r.main_end;
        if (!delta_left && !main_left) break;
        // The next entries in scan order: the front of the range, or its back when descending.
        if (!delta_left && !desc) {
          // Only main rows remain: copy them in runs within a segment.
          uint64_t pos = main.PosOfGlobal(r.main);
          const MainSegment& ms = main.segments[SegmentOf(pos)];
          const uint64_t room = std::min<uint64_t>(
              {r.main_end - r.main, kVectorSize - n, spec_.limit - produced_});
          const uint64_t stop = std::min<uint64_t>(ms.segment->row_count(), RowOf(pos) + room);
          uint64_t got;
          OMEN_ASSIGN_OR_RETURN(got, GatherMainRun(main, SegmentOf(pos), RowOf(pos), stop, spec_,
                                                   out, &prefiltered_));
          r.main += stop - RowOf(pos);
          n += got;
          produced_ += got;
          continue;
        }
        DeltaKeyIndex::Iterator entry = it;
        if (delta_left && desc) {
          entry = end;
          --entry;
        }
        uint64_t main_pos =
            main_left ? main.PosOfGlobal(desc ? r.main_end - 1 : r.main) : kNoPosition;
        int order = 0;  // < 0: the delta key comes first; > 0: the main row; 0: the same key
        if (!main_left) {
          order = -1;
        } else if (!delta_left) {
          order = 1;
        } else {
          order = CompareToMain(entry, main, main_pos);
          if (desc) order = -order;
        }
        uint64_t pos = kNoPosition;
        if (order <= 0) {
          pos = delta.VisibleInChainLocked(entry.pos(), spec_.snapshot);
          last = entry;
          read_delta = true;
          if (desc) {
            end = entry;
          } else {
            ++it;
          }
        }
        if (order >= 0) {
          if (pos == kNoPosition && MainSees(main, main_pos, spec_.snapshot)) pos = main_pos;
          if (desc) {
            --r.main_end;
          } else {
            ++r.main;
          }
        }
        if (pos == kNoPosition) continue;
        Gather(main, delta, pos, spec_.column_ids, out);
        ++n;
        ++produced_;
      }
      if (it == end && r.main >= r.main_end) {
        ++range_;
      } else if (read_delta) {
        // Resume after the last entry read (before it when descending).
        (desc ? r.hi : r.lo) = KeyBound{last.key(), false};
      }
    }
    out->SetSize(n);
    return n > 0;
  }

  uint64_t prefiltered_rows() const override { return prefiltered_; }

 private:
  struct Range {
    KeyBound lo, hi;           // the delta entries still to read (an empty prefix: unbounded)
    uint64_t main, main_end;   // global main rows still to read
  };
  TableData::State st_;
  ScanSpec spec_;
  std::vector<Range> ranges_;
  size_t range_ = 0;
  uint64_t produced_ = 0;
  uint64_t prefiltered_ = 0;
};

// Reads the rows a secondary index's entries lead to, in index order: each entry's storage
// key resolves to the version the snapshot sees, which is kept when its indexed values equal
// the entry's (so each row comes once, under its current values, and only if they lie in
// the scanned ranges).
class SecondaryIndexScanner final : public TableScanner {
 public:
  SecondaryIndexScanner(const TableData* table, TableData::State st, ScanSpec spec,
                        std::shared_ptr<const SecondaryIndex> index)
      : table_(table), st_(std::move(st)), spec_(std::move(spec)), index_(std::move(index)) {
    if (spec_.use_key_points) {
      for (const std::vector<Value>& p : spec_.key_points) {
        ranges_.push_back({KeyBound{p, true}, KeyBound{p, true}});
      }
    } else {
      ranges_.push_back({spec_.lower, spec_.upper});
    }
  }

  Result<bool> Next(DataChunk* out) override {
    out->SetSize(0);
    size_t n = 0;
    const size_t k = index_->columns().size();
    while (n < kVectorSize && produced_ < spec_.limit && range_ < ranges_.size()) {
      if (next_ == entries_.size()) {
        constexpr size_t kBatch = 256;
        entries_ = index_->Range(ranges_[range_].first, ranges_[range_].second, after_, kBatch);
        next_ = 0;
        if (entries_.empty()) {
          ++range_;
          after_.clear();
          continue;
        }
        after_ = entries_.back();
      }
      const std::vector<Value>& entry = entries_[next_++];
      // NULLs sort after every value: a range open above reaches them, yet no comparison
      // holds for NULL.
      const size_t bounded = std::max(ranges_[range_].first.prefix.size(),
                                      ranges_[range_].second.prefix.size());
      if (std::any_of(entry.begin(), entry.begin() + static_cast<long>(bounded),
                      [](const Value& v) { return v.is_null(); })) {
        continue;
      }
      std::vector<Value> key(entry.begin() + static_cast<long>(k), entry.end());
      uint64_t pos = TableData::FindVisibleIn(st_, key, spec_.snapshot);
      if (pos == kNoPosition) continue;
      std::shared_lock l(st_.delta->latch);
      std::vector<Value> values = table_->ValuesAt(st_, pos, index_->columns());
      values.insert(values.end(), key.begin(), key.end());
      if (IndexEntryLess::Compare(values, entry) != 0) continue;  // the row has moved on
      Gather(*st_.main, *st_.delta, pos, spec_.column_ids, out);
      ++n;
      ++produced_;
    }
    out->SetSize(n);
    return n > 0;
  }

 private:
  const TableData* table_;
  TableData::State st_;
  ScanSpec spec_;
  std::shared_ptr<const SecondaryIndex> index_;
  std::vector<std::pair<KeyBound, KeyBound>> ranges_;
  size_t range_ = 0;
  std::vector<std::vector<Value>> entries_;  // the batch of entries being resolved
  size_t next_ = 0;
  std::vector<Value> after_;  // the last entry read from the index
  uint64_t produced_ = 0;
};

// A scan that cannot run: Next reports `status`.
class FailedScanner final : public TableScanner {
 public:
  explicit FailedScanner(Status status) : status_(std::move(status)) {}
  Result<bool> Next(DataChunk* out) override {
    out->SetSize(0);
    return status_;
  }

 private:
  Status status_;
};

// The versions listed in ScanSpec::positions that the key bounds admit and whose creation the
// snapshot sees, deleted or not: the re-check of concurrently updated rows takes each one,
// and Lock then reports an update committed meanwhile (whose successor is re-checked next).
class PositionScanner final : public TableScanner {
 public:
  // With `index`, the spec's bounds are on the index's columns.
  PositionScanner(const TableData* table, TableData::State st, ScanSpec spec,
                  std::shared_ptr<const SecondaryIndex> index)
      : table_(table), st_(std::move(st)), spec_(std::move(spec)), index_(std::move(index)) {}

  Result<bool> Next(DataChunk* out) override {
    out->SetSize(0);
    size_t n = 0;
    const MainStore& main = *st_.main;
    const DeltaStore& delta = *st_.delta;
    const std::vector<uint64_t>& list = *spec_.positions;
    while (n < kVectorSize && produced_ < spec_.limit && next_ < list.size()) {
      uint64_t pos = list[next_++];
      std::vector<Value> key;
      if (IsMainPos(pos)) {
        if (SegmentOf(pos) >= main.segments.size() || RowOf(pos) >= main.SegmentAt(pos).row_count()) {
          continue;
        }
        key = main.SegmentAt(pos).KeyAt(RowOf(pos));
      } else {
        std::shared_lock l(delta.latch);
        if (pos >= delta.size ||
            !spec_.snapshot.Sees(delta.GroupLocked(pos).begin[pos % kVectorSize].load(
                                     std::memory_order_acquire),
                                 kNotDeleted)) {
          continue;
        }
        key = table_->StorageKeyOf(delta, pos);
      }
      std::shared_lock l(delta.latch);
      if (index_ != nullptr) {
        key = table_->ValuesAt(st_, pos, index_->columns());
        // Bounds start at the first column; NULL meets none.
        const bool bounded = spec_.use_key_points || !spec_.lower.prefix.empty() ||
                             !spec_.upper.prefix.empty();
        if (bounded && key[0].is_null()) continue;
      }
      if (!KeyInRange(key)) continue;
      Gather(main, delta, pos, spec_.column_ids, out);
      ++n;
      ++produced_;
    }
    out->SetSize(n);
    return n > 0;
  }

 private:
  bool KeyInRange(const std::vector<Value>& key) const {
    if (!spec_.use_key_range && !spec_.use_key_points) return true;
    IndexEntryLess less;  // NULLs (in index columns) after every bound
    if (spec_.use_key_points) {
      return std::any_of(spec_.key_points.begin(), spec_.key_points.end(),
                         [&](const auto& p) { return !less(key, p) && !less(p, key); });
    }
    const KeyBound& lo = spec_.lower;
    const KeyBound& hi = spec_.upper;
    if (!lo.prefix.empty() && (less(key, lo.prefix) || (!lo.inclusive && !less(lo.prefix, key)))) {
      return false;
    }
    return hi.prefix.empty() || !(less(hi.prefix, key) || (!hi.inclusive && !less(key, hi.prefix)));
  }

  const TableData* table_;
  TableData::State st_;
  ScanSpec spec_;
  std::shared_ptr<const SecondaryIndex> index_;
  size_t next_ = 0;
  uint64_t produced_ = 0;
};

std::unique_ptr<TableScanner> TableData::Scan(const ScanSpec& spec) const {
  State st = CurrentState();
  std::shared_ptr<const SecondaryIndex> index;
  if (spec.index_id != 0 && (spec.use_key_points || spec.use_key_range)) {
    index = FindIndex(spec.index_id);
    if (index == nullptr) {
      // DROP INDEX committed after the statement chose the index (PostgreSQL's lock would
      // have made the drop wait): the statement can be retried.
      return std::make_unique<FailedScanner>(
          Status(sqlstate::kSerializationFailure,
                 "could not serialize access due to a concurrent DROP INDEX"));
    }
  }
  if (spec.positions != nullptr) {
    return std::make_unique<PositionScanner>(this, std::move(st), spec, std::move(index));
  }
  if (index != nullptr) {
    return std::make_unique<SecondaryIndexScanner>(this, std::move(st), spec, std::move(index));
  }
  if ((spec.use_key_points || spec.use_key_range) && !schema_.primary_key.empty()) {
    return std::make_unique<KeyIndexScanner>(std::move(st), spec);
  }
  return std::make_unique<FullScanner>(std::move(st), spec);
}

}  // namespace omendb
