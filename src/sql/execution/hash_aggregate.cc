#include "sql/execution/hash_aggregate.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_set>

#include "absl/container/flat_hash_map.h"
#include "sql/execution/aggregate_state.h"
#include "sql/execution/expression_executor.h"
#include "types/type_io.h"

namespace omendb::sql {
namespace {

struct AggState {
  explicit AggState(const AggregateCall& call) : acc(call.kind, call.type) {}
  AggregateAccumulator acc;
  std::unordered_set<std::string> seen;  // DISTINCT: the argument values taken so far
  // agg(... ORDER BY ...): the rows (arguments, then order keys), aggregated at the end.
  std::vector<std::vector<Value>> rows;
};

// Sorts `rows` (arguments, then one value per order key) by the order keys.
void SortRows(const AggregateCall& call, std::vector<std::vector<Value>>* rows) {
  const size_t first = call.args.size();
  std::stable_sort(rows->begin(), rows->end(), [&](const auto& a, const auto& b) {
    for (size_t k = 0; k < call.order.size(); ++k) {
      const Value& x = a[first + k];
      const Value& y = b[first + k];
      const OrderSpec& o = call.order[k];
      if (x.is_null() || y.is_null()) {
        if (x.is_null() == y.is_null()) continue;
        return x.is_null() == o.nulls_first;
      }
      int c = CompareValues(x, y);
      if (c != 0) return o.descending ? c > 0 : c < 0;
    }
    return false;
  });
}

class HashAggregateOp final : public PhysicalOperator {
 public:
  HashAggregateOp(const LogicalOperator& op, PhysicalOperatorPtr child)
      : PhysicalOperator(op.types), op_(op), child_(std::move(child)) {}

  Result<bool> NextBatch(DataChunk* out) override {
    if (!done_) OMEN_RETURN_IF_ERROR(Consume());
    *out = NewChunk();
    while (emitted_ < num_groups_ && out->size() < kVectorSize) {
      size_t g = emitted_++;
      std::vector<Value> row;
      for (size_t c = 0; c < op_.groups.size(); ++c) row.push_back(group_values_[g][c]);
      for (size_t a = 0; a < op_.aggregates.size(); ++a) {
        Value v;
        OMEN_ASSIGN_OR_RETURN(v, Finalize(op_.aggregates[a], &states_[g][a]));
        row.push_back(std::move(v));
      }
      out->AppendRow(row);
    }
    return out->size() > 0;
  }

 private:
  Status Consume() {
    done_ = true;
    // One integer group key (smallint ... bigint, date, timestamp) is hashed as its value;
    // other keys through their byte encoding (AppendHashKey).
    const bool int_key = op_.groups.size() == 1 && IsIntegerKey(op_.groups[0]->type);
    if (op_.groups.empty()) NewGroup({}, 0);  // every row goes to the one group
    DataChunk in = child_->NewChunk();
    std::vector<uint32_t> group_of;
    std::vector<AggregateAccumulator*> accs;
    for (;;) {
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, child_->Next(&in));
      if (!more) break;
      const size_t n = in.size();
      std::vector<Vector> keys;
      for (const auto& g : op_.groups) {
        keys.emplace_back(g->type, n);
        OMEN_RETURN_IF_ERROR(Evaluate(*g, in, &keys.back()));
      }
      std::vector<std::vector<Vector>> args(op_.aggregates.size());
      for (size_t a = 0; a < op_.aggregates.size(); ++a) {
        for (const auto& e : op_.aggregates[a].args) {
          args[a].emplace_back(e->type, n);
          OMEN_RETURN_IF_ERROR(Evaluate(*e, in, &args[a].back()));
        }
        for (const OrderSpec& o : op_.aggregates[a].order) {  // after the arguments
          args[a].emplace_back(o.expr->type, n);
          OMEN_RETURN_IF_ERROR(Evaluate(*o.expr, in, &args[a].back()));
        }
      }
      group_of.assign(n, 0);
      if (int_key) {
        OMEN_RETURN_IF_ERROR(GroupIntegers(keys, &group_of));
      } else if (!keys.empty()) {
        OMEN_RETURN_IF_ERROR(GroupEncoded(keys, &group_of));
      }
      accs.resize(n);
      for (size_t a = 0; a < op_.aggregates.size(); ++a) {
        const AggregateCall& call = op_.aggregates[a];
        if (call.distinct || !call.order.empty()) {
          for (size_t r = 0; r < n; ++r) {
            OMEN_RETURN_IF_ERROR(Update(call, args[a], r, &states_[group_of[r]][a]));
          }
          continue;
        }
        if (op_.groups.empty()) {
          OMEN_RETURN_IF_ERROR(states_[0][a].acc.AddBatch(args[a], n));
          continue;
        }
        for (size_t r = 0; r < n; ++r) accs[r] = &states_[group_of[r]][a].acc;
        OMEN_RETURN_IF_ERROR(AggregateAccumulator::AddScattered(accs.data(), args[a], n));
      }
    }
    return Status::OK();
  }

  static bool IsIntegerKey(LogicalType t) {
    PhysicalType p = t.physical();
    return p == PhysicalType::kInt16 || p == PhysicalType::kInt32 || p == PhysicalType::kInt64;
  }

  // Finds or makes the group of every row, by the value of the one integer key.
  Status GroupIntegers(const std::vector<Vector>& keys, std::vector<uint32_t>* group_of) {
    switch (keys[0].type().physical()) {
      case PhysicalType::kInt64: return GroupIntegers<int64_t>(keys, group_of);
      case PhysicalType::kInt32: return GroupIntegers<int32_t>(keys, group_of);
      default: return GroupIntegers<int16_t>(keys, group_of);
    }
  }

  template <typename T>
  Status GroupIntegers(const std::vector<Vector>& keys, std::vector<uint32_t>* group_of) {
    const Vector& k = keys[0];
    const T* values = k.Data<T>();
    const bool all_valid = k.AllValid();
    uint32_t* out = group_of->data();
    for (size_t r = 0; r < group_of->size(); ++r) {
      if (!all_valid && !k.IsValid(r)) {
        if (null_group_ == kNoGroup) {
          OMEN_RETURN_IF_ERROR(HoldGroup(8));
          null_group_ = static_cast<uint32_t>(num_groups_);
          NewGroup(keys, r);
        }
        out[r] = null_group_;
        continue;
      }
      const int64_t v = values[r];
      // Small non-negative keys (codes, small counts) index an array directly.
      if (static_cast<uint64_t>(v) < kSmallKeys) {
        if (small_index_.empty()) small_index_.assign(kSmallKeys, kNoGroup);
        uint32_t& g = small_index_[static_cast<size_t>(v)];
        if (g == kNoGroup) {
          OMEN_RETURN_IF_ERROR(HoldGroup(8));
          g = static_cast<uint32_t>(num_groups_);
          NewGroup(keys, r);
        }
        out[r] = g;
        continue;
      }
      auto it = int_index_.find(v);
      if (it == int_index_.end()) {
        OMEN_RETURN_IF_ERROR(HoldGroup(8));
        it = int_index_.emplace(v, static_cast<uint32_t>(num_groups_)).first;
        NewGroup(keys, r);
      }
      out[r] = it->second;
    }
    return Status::OK();
  }

  // Finds or makes the group of every row, by the byte encoding of its keys.
  Status GroupEncoded(const std::vector<Vector>& keys, std::vector<uint32_t>* group_of) {
    std::string key;
    for (size_t r = 0; r < group_of->size(); ++r) {
      key.clear();
      for (const Vector& k : keys) AppendHashKey(k, r, &key);
      auto it = index_.find(key);
      if (it == index_.end()) {
        OMEN_RETURN_IF_ERROR(HoldGroup(2 * static_cast<int64_t>(key.size())));
        it = index_.emplace(key, static_cast<uint32_t>(num_groups_)).first;
        NewGroup(keys, r);
      }
      (*group_of)[r] = it->second;
    }
    return Status::OK();
  }

  // Counts a new group against the memory budget: its key (in the index and as values) and
  // its aggregates' states.
  Status HoldGroup(int64_t key_bytes) {
    constexpr int64_t kPerAggregate = 96, kPerGroup = 64;
    return Hold(key_bytes + kPerGroup +
                kPerAggregate * static_cast<int64_t>(op_.aggregates.size()));
  }

  void NewGroup(const std::vector<Vector>& keys, size_t r) {
    std::vector<Value> values;
    for (const Vector& k : keys) values.push_back(k.GetValue(r));
    group_values_.push_back(std::move(values));
    std::vector<AggState> states;
    states.reserve(op_.aggregates.size());
    for (const AggregateCall& call : op_.aggregates) states.emplace_back(call);
    states_.push_back(std::move(states));
    ++num_groups_;
  }

  Status Update(const AggregateCall& call, const std::vector<Vector>& args, size_t r,
                AggState* s) {
    if (call.distinct) {
      if (!args[0].IsValid(r)) return Status::OK();  // aggregates skip NULL inputs
      std::string key;
      for (size_t i = 0; i < call.args.size(); ++i) AppendHashKey(args[i], r, &key);
      if (!s->seen.insert(key).second) return Status::OK();
    }
    if (!call.order.empty()) {
      std::vector<Value> row;
      int64_t bytes = 16;
      for (const Vector& v : args) {
        row.push_back(v.GetValue(r));
        bytes += static_cast<int64_t>(sizeof(Value) + (row.back().type().physical() == PhysicalType::kString
                                                           ? row.back().GetString().size() : 0));
      }
      OMEN_RETURN_IF_ERROR(Hold(bytes));
      s->rows.push_back(std::move(row));
      return Status::OK();
    }
    return s->acc.Add(args, r);
  }

  // Called once per group, when its row is emitted.
  static Result<Value> Finalize(const AggregateCall& call, AggState* s) {
    if (call.order.empty()) return s->acc.Finish();
    // The rows in the aggregate's order, through a fresh accumulator.
    std::vector<std::vector<Value>>& rows = s->rows;
    SortRows(call, &rows);
    AggregateAccumulator acc(call.kind, call.type);
    std::vector<Vector> one;
    for (const auto& a : call.args) {
      one.emplace_back(a->type, 1);
      one.back().Resize(1);
    }
    for (const std::vector<Value>& row : rows) {
      for (size_t i = 0; i < one.size(); ++i) one[i].SetValue(0, row[i]);
      OMEN_RETURN_IF_ERROR(acc.Add(one, 0));
    }
    return acc.Finish();
  }

  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
  bool done_ = false;
  static constexpr uint32_t kNoGroup = UINT32_MAX;
  absl::flat_hash_map<std::string, uint32_t> index_;
  absl::flat_hash_map<int64_t, uint32_t> int_index_;
  // Groups of integer keys in [0, kSmallKeys), by key (allocated at the first such key).
  static constexpr uint64_t kSmallKeys = 4096;
  std::vector<uint32_t> small_index_;
  uint32_t null_group_ = kNoGroup;  // the group of a NULL integer key, once seen
  std::vector<std::vector<Value>> group_values_;
  std::vector<std::vector<AggState>> states_;
  size_t num_groups_ = 0;
  size_t emitted_ = 0;
};

}  // namespace

PhysicalOperatorPtr MakeHashAggregate(const LogicalOperator& op, PhysicalOperatorPtr child) {
  return std::make_unique<HashAggregateOp>(op, std::move(child));
}

}  // namespace omendb::sql
