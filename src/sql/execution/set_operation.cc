#include "sql/execution/set_operation.h"

#include <unordered_map>

#include "types/type_io.h"

namespace omendb::sql {
namespace {

std::string RowImage(const DataChunk& c, size_t r) {
  std::string key;
  for (size_t i = 0; i < c.column_count(); ++i) AppendHashKey(c.column(i), r, &key);
  return key;
}

class SetOperationOp final : public PhysicalOperator {
 public:
  SetOperationOp(const LogicalOperator& op, PhysicalOperatorPtr left, PhysicalOperatorPtr right)
      : PhysicalOperator(op.types), type_(op.set_op), all_(op.set_all), left_(std::move(left)),
        right_(std::move(right)) {}

  Result<bool> NextBatch(DataChunk* out) override {
    if (!started_) OMEN_RETURN_IF_ERROR(Start());
    *out = NewChunk();
    while (out->size() == 0) {
      PhysicalOperator* input = reading_left_ ? left_.get() : right_.get();
      DataChunk in = input->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, input->Next(&in));
      if (!more) {
        if (reading_left_ && type_ == SetOpType::kUnion) {
          reading_left_ = false;  // UNION continues with the right input
          continue;
        }
        return false;
      }
      if (!(type_ == SetOpType::kUnion && all_)) OMEN_RETURN_IF_ERROR(Hold(in));  // remembered rows
      for (size_t r = 0; r < in.size(); ++r) {
        if (Keep(in, r)) out->AppendRowFrom(in, r);
      }
    }
    return true;
  }

 private:
  // INTERSECT and EXCEPT first count the right input's rows.
  Status Start() {
    started_ = true;
    if (type_ == SetOpType::kUnion) return Status::OK();
    for (;;) {
      DataChunk in = right_->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, right_->Next(&in));
      if (!more) break;
      OMEN_RETURN_IF_ERROR(Hold(in));
      for (size_t r = 0; r < in.size(); ++r) ++right_counts_[RowImage(in, r)];
    }
    return Status::OK();
  }

  bool Keep(const DataChunk& in, size_t r) {
    if (type_ == SetOpType::kUnion && all_) return true;
    std::string key = RowImage(in, r);
    switch (type_) {
      case SetOpType::kUnion:
        return emitted_.emplace(key, 1).second;
      case SetOpType::kIntersect: {
        auto it = right_counts_.find(key);
        if (it == right_counts_.end() || it->second == 0) return false;
        if (all_) {
          --it->second;  // min(left count, right count) copies
          return true;
        }
        return emitted_.emplace(key, 1).second;
      }
      case SetOpType::kExcept: {
        auto it = right_counts_.find(key);
        if (all_) {
          if (it != right_counts_.end() && it->second > 0) {
            --it->second;  // max(left count - right count, 0) copies
            return false;
          }
          return true;
        }
        if (it != right_counts_.end()) return false;
        return emitted_.emplace(key, 1).second;
      }
    }
    return false;
  }

  SetOpType type_;
  bool all_;
  PhysicalOperatorPtr left_, right_;
  bool started_ = false;
  bool reading_left_ = true;
  std::unordered_map<std::string, uint64_t> right_counts_;
  std::unordered_map<std::string, int> emitted_;
};

}  // namespace

PhysicalOperatorPtr MakeSetOperation(const LogicalOperator& op, PhysicalOperatorPtr left,
                                     PhysicalOperatorPtr right) {
  return std::make_unique<SetOperationOp>(op, std::move(left), std::move(right));
}

}  // namespace omendb::sql
