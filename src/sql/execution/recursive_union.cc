#include "sql/execution/recursive_union.h"

#include <unordered_set>

#include "sql/execution/physical_plan.h"
#include "types/type_io.h"

namespace omendb::sql {
namespace {

class RecursiveUnionOp final : public PhysicalOperator {
 public:
  RecursiveUnionOp(const LogicalOperator& op, PhysicalOperatorPtr anchor, const ExecContext& ctx)
      : PhysicalOperator(op.types), op_(op), current_(std::move(anchor)), ctx_(ctx) {}

  Result<bool> NextBatch(DataChunk* out) override {
    *out = NewChunk();
    while (out->size() == 0) {
      if (!current_) {
        // A round ended: the rows it produced are the next round's work table.
        if (produced_.empty()) return false;
        op_.work_table->rows = std::move(produced_);
        produced_.clear();
        OMEN_ASSIGN_OR_RETURN(current_, CreatePhysicalPlan(*op_.children[1], ctx_));
      }
      DataChunk in = current_->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, current_->Next(&in));
      if (!more) {
        current_.reset();
        continue;
      }
      DataChunk kept = NewChunk();
      std::string key;
      for (size_t r = 0; r < in.size(); ++r) {
        if (!op_.set_all) {
          key.clear();
          for (size_t c = 0; c < in.column_count(); ++c) AppendHashKey(in.column(c), r, &key);
          if (!seen_.insert(key).second) continue;
          OMEN_RETURN_IF_ERROR(Hold(static_cast<int64_t>(key.size()) + 32));
        }
        kept.AppendRowFrom(in, r);
      }
      if (kept.size() == 0) continue;
      OMEN_RETURN_IF_ERROR(Hold(kept));  // the work table holds them for the next round
      produced_.push_back(kept);
      *out = std::move(kept);
    }
    return true;
  }

 private:
  const LogicalOperator& op_;
  PhysicalOperatorPtr current_;  // the term being read (the anchor first)
  ExecContext ctx_;
  std::vector<DataChunk> produced_;  // this round's rows
  std::unordered_set<std::string> seen_;  // UNION: every row produced so far
};

class WorkTableScanOp final : public PhysicalOperator {
 public:
  explicit WorkTableScanOp(const LogicalOperator& op)
      : PhysicalOperator(op.types), rows_(op.work_table->rows) {}

  Result<bool> NextBatch(DataChunk* out) override {
    if (next_ >= rows_.size()) return false;
    *out = rows_[next_++];
    return true;
  }

 private:
  std::vector<DataChunk> rows_;  // a copy: the work table changes between rounds
  size_t next_ = 0;
};

}  // namespace

PhysicalOperatorPtr MakeRecursiveUnion(const LogicalOperator& op, PhysicalOperatorPtr anchor,
                                       const ExecContext& ctx) {
  return std::make_unique<RecursiveUnionOp>(op, std::move(anchor), ctx);
}

PhysicalOperatorPtr MakeWorkTableScan(const LogicalOperator& op) {
  return std::make_unique<WorkTableScanOp>(op);
}

}  // namespace omendb::sql
