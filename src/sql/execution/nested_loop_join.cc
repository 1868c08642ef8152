#include "sql/execution/nested_loop_join.h"

#include "sql/execution/expression_executor.h"
#include "sql/execution/join_side.h"

namespace omendb::sql {
namespace {

class NestedLoopJoinOp final : public PhysicalOperator {
 public:
  NestedLoopJoinOp(const LogicalOperator& op, PhysicalOperatorPtr left, PhysicalOperatorPtr right)
      : PhysicalOperator(op.types), op_(op), left_(std::move(left)), right_(std::move(right)),
        left_width_(left_->types().size()) {
    pair_types_ = left_->types();
    pair_types_.insert(pair_types_.end(), right_->types().begin(), right_->types().end());
  }

  Result<bool> NextBatch(DataChunk* out) override {
    if (!started_) OMEN_RETURN_IF_ERROR(MaterializeRight());
    *out = NewChunk();
    while (out->size() < kVectorSize) {
      if (left_row_ >= left_chunk_.size()) {
        if (left_done_) break;
        left_chunk_ = left_->NewChunk();
        bool more;
        OMEN_ASSIGN_OR_RETURN(more, left_->Next(&left_chunk_));
        left_row_ = 0;
        if (!more) {
          left_done_ = true;
          left_chunk_ = left_->NewChunk();
          continue;
        }
      }
      OMEN_RETURN_IF_ERROR(JoinLeftRow(out));
      ++left_row_;
    }
    if (left_done_ && out->size() < kVectorSize && KeepsUnmatchedRight()) right_side_.EmitUnmatched(left_width_, out);
    return out->size() > 0;
  }

 private:
  bool KeepsUnmatchedLeft() const {
    return op_.join_type == JoinType::kLeft || op_.join_type == JoinType::kFull;
  }
  bool KeepsUnmatchedRight() const {
    return op_.join_type == JoinType::kRight || op_.join_type == JoinType::kFull;
  }

  Status MaterializeRight() {
    started_ = true;
    for (;;) {
      DataChunk c = right_->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, right_->Next(&c));
      if (!more) break;
      OMEN_RETURN_IF_ERROR(Hold(c));
      right_side_.Add(std::move(c));
    }
    return Status::OK();
  }

  // Pairs the current left row with every right row, keeping pairs where the condition holds.
  // Each right batch is copied once into a pair batch; per left row only the left columns
  // are rewritten.
  Status JoinLeftRow(DataChunk* out) {
    if (pairs_.size() != right_side_.chunks().size()) BuildPairBatches();
    const bool semi = op_.join_type == JoinType::kSemi, anti = op_.join_type == JoinType::kAnti;
    bool matched = false;
    for (size_t rc = 0; rc < pairs_.size() && !(matched && (semi || anti)); ++rc) {
      DataChunk& pairs = pairs_[rc];
      size_t n = pairs.size();
      for (size_t c = 0; c < left_width_; ++c) {
        for (size_t r = 0; r < n; ++r) pairs.column(c).CopyFrom(left_chunk_.column(c), left_row_, r);
      }
      Vector keep(TypeId::kBoolean, n);
      if (op_.predicate) {
        OMEN_RETURN_IF_ERROR(Evaluate(*op_.predicate, pairs, &keep));
      }
      for (size_t r = 0; r < n; ++r) {
        if (op_.predicate && !(keep.IsValid(r) && keep.Data<uint8_t>()[r])) continue;
        matched = true;
        if (semi || anti) break;
        out->AppendRowFrom(pairs, r);
        right_side_.MarkMatched(rc, r);
      }
    }
    if (semi || anti) {
      if (matched == semi) out->AppendRowFrom(left_chunk_, left_row_);
    } else if (!matched && KeepsUnmatchedLeft()) {
      AppendLeftPadded(left_chunk_, left_row_, out);
    }
    return Status::OK();
  }

  void BuildPairBatches() {
    pairs_.clear();
    for (const DataChunk& right : right_side_.chunks()) {
      DataChunk pairs(pair_types_, right.size());
      pairs.SetSize(right.size());
      for (size_t c = 0; c < right.column_count(); ++c) pairs.column(left_width_ + c) = right.column(c);
      pairs_.push_back(std::move(pairs));
    }
  }

  const LogicalOperator& op_;
  PhysicalOperatorPtr left_, right_;
  size_t left_width_;
  std::vector<LogicalType> pair_types_;  // left columns, then right columns
  bool started_ = false;
  JoinBuildSide right_side_;
  std::vector<DataChunk> pairs_;  // per right batch: left columns (rewritten per row) + right
  DataChunk left_chunk_;
  size_t left_row_ = 0;
  bool left_done_ = false;
};

}  // namespace

PhysicalOperatorPtr MakeNestedLoopJoin(const LogicalOperator& op, PhysicalOperatorPtr left,
                                       PhysicalOperatorPtr right) {
  return std::make_unique<NestedLoopJoinOp>(op, std::move(left), std::move(right));
}

}  // namespace omendb::sql
