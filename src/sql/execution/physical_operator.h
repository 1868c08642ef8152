// PhysicalOperator: the pull-based, batch-at-a-time operator contract of the executor.
//
// Next() fills `out` with the next batch (at most kVectorSize rows, columns of types()) and
// returns true, or returns false once the operator is exhausted. Batches may be empty only
// when false is returned. Operators stop pulling from children as soon as they can (LIMIT).
#pragma once

#include <memory>
#include <vector>

#include "common/cancel.h"
#include "common/status.h"
#include "sql/execution/query_memory.h"
#include "types/vector.h"

namespace omendb::sql {

class PhysicalOperator {
 public:
  explicit PhysicalOperator(std::vector<LogicalType> types) : types_(std::move(types)) {}
  virtual ~PhysicalOperator() = default;

  // The next batch (see above); 57014 once the statement is cancelled (checked every batch,
  // so joins and aggregates stop as promptly as scans).
  Result<bool> Next(DataChunk* out) {
    OMEN_RETURN_IF_ERROR(CheckCancel(cancel_));
    return NextBatch(out);
  }
  // The flag that cancels the statement (ExecContext::cancel), or null.
  void set_cancel(const CancelFlag* cancel) { cancel_ = cancel; }
  // The statement's memory budget (ExecContext::memory), or null for none.
  void set_memory(std::shared_ptr<QueryMemory> memory) { memory_ = std::move(memory); }
  // Scans: blocks of the main store skipped by zone maps so far (EXPLAIN ANALYZE).
  virtual uint64_t ZoneBlocksSkipped() const { return 0; }
  // Scans: rows the filter pushed into the scan dropped so far, before reading all their
  // columns (EXPLAIN ANALYZE counts them as removed by the filter).
  virtual uint64_t RowsPrefiltered() const { return 0; }
  const std::vector<LogicalType>& types() const { return types_; }
  // A fresh, empty batch of this operator's types. Its vectors allocate as rows arrive (a
  // point query's batches stay small; a scan's grow once to the batch size).
  DataChunk NewChunk() const { return DataChunk(types_, 0); }

 protected:
  virtual Result<bool> NextBatch(DataChunk* out) = 0;
  // Counts rows (or bytes) the operator keeps against the statement's memory budget: 53200
  // when exceeded. For operators that hold their input (sort, hash tables, window).
  Status Hold(const DataChunk& chunk) { return Hold(ApproximateBytes(chunk)); }
  Status Hold(int64_t bytes) { return memory_ ? memory_->Charge(bytes) : Status::OK(); }

 private:
  std::vector<LogicalType> types_;
  const CancelFlag* cancel_ = nullptr;
  std::shared_ptr<QueryMemory> memory_;
};
using PhysicalOperatorPtr = std::unique_ptr<PhysicalOperator>;

}  // namespace omendb::sql
