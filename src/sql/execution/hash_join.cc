#include "sql/execution/hash_join.h"

#include <unordered_map>

#include "sql/execution/expression_executor.h"
#include "sql/execution/join_side.h"
#include "types/type_io.h"
#include "sql/plan/join_keys.h"

namespace omendb::sql {
namespace {

class HashJoinOp final : public PhysicalOperator {
 public:
  HashJoinOp(const LogicalOperator& op, PhysicalOperatorPtr left, PhysicalOperatorPtr right,
             std::vector<BoundExprPtr> left_keys, std::vector<BoundExprPtr> right_keys,
             BoundExprPtr residual)
      : PhysicalOperator(op.types), type_(op.join_type), left_(std::move(left)),
        right_(std::move(right)), left_width_(left_->types().size()),
        left_keys_(std::move(left_keys)), right_keys_(std::move(right_keys)),
        residual_(std::move(residual)) {
    pair_types_ = left_->types();
    pair_types_.insert(pair_types_.end(), right_->types().begin(), right_->types().end());
  }

  Result<bool> NextBatch(DataChunk* out) override {
    if (!built_) OMEN_RETURN_IF_ERROR(Build());
    *out = NewChunk();
    while (out->size() < kVectorSize) {
      if (left_row_ >= left_chunk_.size()) {
        if (left_done_) break;
        OMEN_RETURN_IF_ERROR(NextLeftChunk());
        continue;
      }
      OMEN_RETURN_IF_ERROR(ProbeRow(out));
      ++left_row_;
    }
    if (left_done_ && out->size() < kVectorSize &&
        (type_ == JoinType::kRight || type_ == JoinType::kFull)) {
      right_side_.EmitUnmatched(left_width_, out);
    }
    return out->size() > 0;
  }

 private:
  // Key image of row r, or false if a key is NULL (such rows match nothing).
  static bool KeyOf(const std::vector<Vector>& keys, size_t r, std::string* key) {
    key->clear();
    for (const Vector& k : keys) {
      if (!k.IsValid(r)) return false;
      AppendHashKey(k, r, key);
    }
    return true;
  }

  Status Build() {
    built_ = true;
    std::string key;
    for (;;) {
      DataChunk c = right_->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, right_->Next(&c));
      if (!more) break;
      OMEN_RETURN_IF_ERROR(Hold(c));
      std::vector<Vector> keys;
      for (const auto& k : right_keys_) {
        keys.emplace_back(k->type, c.size());
        OMEN_RETURN_IF_ERROR(Evaluate(*k, c, &keys.back()));
      }
      uint32_t chunk = static_cast<uint32_t>(right_side_.chunks().size());
      for (size_t r = 0; r < c.size(); ++r) {
        if (KeyOf(keys, r, &key)) table_[key].emplace_back(chunk, static_cast<uint32_t>(r));
      }
      right_side_.Add(std::move(c));
    }
    return Status::OK();
  }

  Status NextLeftChunk() {
    left_chunk_ = left_->NewChunk();
    left_row_ = 0;
    bool more;
    OMEN_ASSIGN_OR_RETURN(more, left_->Next(&left_chunk_));
    if (!more) {
      left_done_ = true;
      left_chunk_ = left_->NewChunk();
      return Status::OK();
    }
    left_key_values_.clear();
    for (const auto& k : left_keys_) {
      left_key_values_.emplace_back(k->type, left_chunk_.size());
      OMEN_RETURN_IF_ERROR(Evaluate(*k, left_chunk_, &left_key_values_.back()));
    }
    return Status::OK();
  }

  Status ProbeRow(DataChunk* out) {
    const bool semi = type_ == JoinType::kSemi, anti = type_ == JoinType::kAnti;
    bool matched = false;
    std::string key;
    if (KeyOf(left_key_values_, left_row_, &key)) {
      auto it = table_.find(key);
      if (it != table_.end() && !residual_ && (semi || anti)) {
        matched = true;  // a key match decides: no pairs to build
      } else if (it != table_.end()) {
        const auto& rows = it->second;
        DataChunk pairs(pair_types_, rows.size());
        pairs.SetSize(rows.size());
        for (size_t p = 0; p < rows.size(); ++p) {
          for (size_t c = 0; c < left_width_; ++c) {
            pairs.column(c).CopyFrom(left_chunk_.column(c), left_row_, p);
          }
          const DataChunk& right = right_side_.chunks()[rows[p].first];
          for (size_t c = 0; c < right.column_count(); ++c) {
            pairs.column(left_width_ + c).CopyFrom(right.column(c), rows[p].second, p);
          }
        }
        Vector keep(TypeId::kBoolean, rows.size());
        if (residual_) {
          OMEN_RETURN_IF_ERROR(Evaluate(*residual_, pairs, &keep));
        }
        for (size_t p = 0; p < rows.size(); ++p) {
          if (residual_ && !(keep.IsValid(p) && keep.Data<uint8_t>()[p])) continue;
          matched = true;
          if (semi || anti) break;
          out->AppendRowFrom(pairs, p);
          right_side_.MarkMatched(rows[p].first, rows[p].second);
        }
      }
    }
    if (semi || anti) {
      if (matched == semi) out->AppendRowFrom(left_chunk_, left_row_);
    } else if (!matched && (type_ == JoinType::kLeft || type_ == JoinType::kFull)) {
      AppendLeftPadded(left_chunk_, left_row_, out);
    }
    return Status::OK();
  }



  JoinType type_;
  PhysicalOperatorPtr left_, right_;
  size_t left_width_;
  std::vector<LogicalType> pair_types_;  // left columns, then right columns
  std::vector<BoundExprPtr> left_keys_, right_keys_;
  BoundExprPtr residual_;
  bool built_ = false;
  JoinBuildSide right_side_;
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> table_;
  DataChunk left_chunk_;
  std::vector<Vector> left_key_values_;
  size_t left_row_ = 0;
  bool left_done_ = false;
};

}  // namespace

PhysicalOperatorPtr MakeHashJoinIfEquiJoin(const LogicalOperator& op, PhysicalOperatorPtr* left,
                                           PhysicalOperatorPtr* right) {
  if (!op.predicate) return nullptr;
  size_t lw = (*left)->types().size();
  EquiJoinSplit split = SplitEquiJoin(*op.predicate, lw);
  std::vector<BoundExprPtr> left_keys, right_keys, rest;
  for (const auto& [l, r] : split.keys) {
    left_keys.push_back(l->Clone());
    right_keys.push_back(r->Clone(-static_cast<int64_t>(lw)));
  }
  for (const BoundExpr* c : split.rest) rest.push_back(c->Clone());
  if (left_keys.empty()) return nullptr;
  BoundExprPtr residual;
  if (rest.size() == 1) {
    residual = std::move(rest[0]);
  } else if (rest.size() > 1) {
    residual = std::make_unique<BoundExpr>();
    residual->kind = BoundExpr::Kind::kAnd;
    residual->type = TypeId::kBoolean;
    residual->children = std::move(rest);
  }
  return std::make_unique<HashJoinOp>(op, std::move(*left), std::move(*right), std::move(left_keys),
                                      std::move(right_keys), std::move(residual));
}

}  // namespace omendb::sql
