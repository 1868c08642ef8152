#include "sql/execution/hash_join.h"

#include "absl/container/flat_hash_map.h"

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
    int_keys_ = IsIntKey(left_keys_) && IsIntKey(right_keys_) &&
                left_keys_[0]->type.physical() == right_keys_[0]->type.physical();
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
        int64_t int_key = 0;
        Chain* chain = nullptr;
        if (int_keys_) {
          if (!IntKeyOf(keys[0], r, &int_key)) continue;
          chain = &int_table_[int_key];
        } else {
          if (!KeyOf(keys, r, &key)) continue;
          chain = &table_[key];
        }
        // Matches chained in insertion order: entries_[i] continues at next_[i].
        const uint32_t at = static_cast<uint32_t>(entries_.size());
        entries_.emplace_back(chunk, static_cast<uint32_t>(r));
        next_.push_back(kEnd);
        if (chain->first == kEnd) {
          chain->first = at;
        } else {
          next_[chain->last] = at;
        }
        chain->last = at;
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

  // The first build entry whose key equals the left row's, or kEnd.
  uint32_t FirstMatch() {
    if (int_keys_) {
      int64_t k;
      if (!IntKeyOf(left_key_values_[0], left_row_, &k)) return kEnd;
      auto it = int_table_.find(k);
      return it == int_table_.end() ? kEnd : it->second.first;
    }
    if (!KeyOf(left_key_values_, left_row_, &probe_key_)) return kEnd;
    auto it = table_.find(probe_key_);
    return it == table_.end() ? kEnd : it->second.first;
  }

  Status ProbeRow(DataChunk* out) {
    const bool semi = type_ == JoinType::kSemi, anti = type_ == JoinType::kAnti;
    bool matched = false;
    const uint32_t first = FirstMatch();
    if (first != kEnd && (semi || anti) && !residual_) {
      matched = true;  // a key match decides: no pairs to build
    } else if (first != kEnd && !residual_) {
      // Each match is one output row: the left row's values, then the right row's.
      matched = true;
      for (uint32_t i = first; i != kEnd; i = next_[i]) {
        const uint32_t row = entries_[i].second;
        out->AppendRowPair(left_chunk_, left_row_, right_side_.chunks()[entries_[i].first], row);
        right_side_.MarkMatched(entries_[i].first, row);
      }
    } else if (first != kEnd) {
      std::vector<std::pair<uint32_t, uint32_t>> rows;
      for (uint32_t i = first; i != kEnd; i = next_[i]) rows.push_back(entries_[i]);
      {
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



  // One key column of an integer type: hashed as its value (no byte encoding).
  static bool IntKeyOf(const Vector& k, size_t r, int64_t* out) {
    if (!k.IsValid(r)) return false;
    switch (k.type().physical()) {
      case PhysicalType::kInt16: *out = k.Data<int16_t>()[r]; return true;
      case PhysicalType::kInt32: *out = k.Data<int32_t>()[r]; return true;
      default: *out = k.Data<int64_t>()[r]; return true;
    }
  }
  static bool IsIntKey(const std::vector<BoundExprPtr>& keys) {
    if (keys.size() != 1) return false;
    PhysicalType p = keys[0]->type.physical();
    return p == PhysicalType::kInt16 || p == PhysicalType::kInt32 || p == PhysicalType::kInt64;
  }

  static constexpr uint32_t kEnd = UINT32_MAX;
  struct Chain {
    uint32_t first = kEnd, last = kEnd;
  };

  JoinType type_;
  PhysicalOperatorPtr left_, right_;
  size_t left_width_;
  std::vector<LogicalType> pair_types_;  // left columns, then right columns
  std::vector<BoundExprPtr> left_keys_, right_keys_;
  BoundExprPtr residual_;
  bool built_ = false;
  JoinBuildSide right_side_;
  // Build rows by key: chains over entries_ (right chunk, row) linked by next_.
  bool int_keys_ = false;
  absl::flat_hash_map<int64_t, Chain> int_table_;
  absl::flat_hash_map<std::string, Chain> table_;
  std::vector<std::pair<uint32_t, uint32_t>> entries_;
  std::vector<uint32_t> next_;
  std::string probe_key_;
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
