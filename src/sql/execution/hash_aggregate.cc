#include "sql/execution/hash_aggregate.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "sql/execution/aggregate_state.h"
#include "sql/execution/expression_executor.h"
#include "types/type_io.h"

namespace omendb::sql {
namespace {

struct AggState {
  explicit AggState(const AggregateCall& call) : acc(call.kind, call.type) {}
  AggregateAccumulator acc;
  std::unordered_set<std::string> seen;  // DISTINCT: the argument values taken so far
};

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
        OMEN_ASSIGN_OR_RETURN(v, Finalize(op_.aggregates[a], states_[g][a]));
        row.push_back(std::move(v));
      }
      out->AppendRow(row);
    }
    return out->size() > 0;
  }

 private:
  Status Consume() {
    done_ = true;
    for (;;) {
      DataChunk in = child_->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, child_->Next(&in));
      if (!more) break;
      size_t n = in.size();
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
      }
      std::string key;
      for (size_t r = 0; r < n; ++r) {
        key.clear();
        for (const Vector& k : keys) AppendHashKey(k, r, &key);
        auto [it, inserted] = index_.emplace(key, num_groups_);
        if (inserted) {
          // A group: its key (twice: index and values) and its aggregates' states.
          constexpr int64_t kPerAggregate = 96, kPerGroup = 64;
          OMEN_RETURN_IF_ERROR(Hold(2 * static_cast<int64_t>(key.size()) + kPerGroup +
                                    kPerAggregate * static_cast<int64_t>(op_.aggregates.size())));
          NewGroup(keys, r);
        }
        size_t g = it->second;
        for (size_t a = 0; a < op_.aggregates.size(); ++a) {
          OMEN_RETURN_IF_ERROR(Update(op_.aggregates[a], args[a], r, &states_[g][a]));
        }
      }
    }
    // An aggregate without GROUP BY yields one row even for no input.
    if (op_.groups.empty() && num_groups_ == 0) NewGroup({}, 0);
    return Status::OK();
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

  static Status Update(const AggregateCall& call, const std::vector<Vector>& args, size_t r,
                       AggState* s) {
    if (call.distinct) {
      if (!args[0].IsValid(r)) return Status::OK();  // aggregates skip NULL inputs
      std::string key;
      for (const Vector& a : args) AppendHashKey(a, r, &key);
      if (!s->seen.insert(key).second) return Status::OK();
    }
    return s->acc.Add(args, r);
  }

  static Result<Value> Finalize(const AggregateCall&, const AggState& s) { return s.acc.Finish(); }

  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
  bool done_ = false;
  std::unordered_map<std::string, size_t> index_;
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
