#include "sql/execution/hash_aggregate.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "sql/execution/expression_executor.h"
#include "types/datetime.h"
#include "types/numeric.h"
#include "types/pg_text.h"
#include "types/type_io.h"

namespace omendb::sql {
namespace {

__extension__ using Int128 = __int128;
__extension__ using UInt128 = unsigned __int128;

struct AggState {
  int64_t count = 0;    // rows counted (count) or values seen (others)
  Int128 isum = 0;    // sum of integers (sum(integer) checks the bigint range)
  double dsum = 0;      // sum of doubles (and of reals for avg)
  float fsum = 0;       // sum(real)
  Numeric nsum;         // sum of numerics
  IntervalValue ivsum;  // sum of intervals
  bool has_value = false;
  Value extreme;        // min / max
  bool flag = false;    // bool_and / bool_or
  std::string text;     // string_agg
  std::unordered_set<std::string> seen;  // DISTINCT
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
        if (inserted) NewGroup(keys, r);
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
    states_.emplace_back(op_.aggregates.size());
    ++num_groups_;
  }

  static Status Update(const AggregateCall& call, const std::vector<Vector>& args, size_t r,
                       AggState* s) {
    if (call.kind == AggregateKind::kCountStar) {
      ++s->count;
      return Status::OK();
    }
    const Vector& v = args[0];
    if (!v.IsValid(r)) return Status::OK();  // aggregates skip NULL inputs
    if (call.distinct) {
      std::string key;
      for (const Vector& a : args) AppendHashKey(a, r, &key);
      if (!s->seen.insert(key).second) return Status::OK();
    }
    ++s->count;
    switch (call.kind) {
      case AggregateKind::kCount:
        break;
      case AggregateKind::kSum:
      case AggregateKind::kAvg:
        switch (v.type().id()) {
          case TypeId::kDouble: s->dsum += v.Data<double>()[r]; break;
          case TypeId::kReal:
            s->fsum += v.Data<float>()[r];
            s->dsum += v.Data<float>()[r];
            break;
          case TypeId::kNumeric: {
            Numeric x;
            OMEN_ASSIGN_OR_RETURN(x, Numeric::Parse(v.Strings()[r]));
            OMEN_ASSIGN_OR_RETURN(s->nsum, Numeric::Add(s->nsum, x));
            break;
          }
          case TypeId::kInterval: {
            OMEN_ASSIGN_OR_RETURN(s->ivsum, IntervalPlus(s->ivsum, v.Data<IntervalValue>()[r]));
            break;
          }
          default:
            s->isum += v.GetValue(r).GetInt();
            if (call.type.id() == TypeId::kBigInt && (s->isum > INT64_MAX || s->isum < INT64_MIN)) {
              return Status(sqlstate::kNumericValueOutOfRange, "bigint out of range");
            }
            break;
        }
        break;
      case AggregateKind::kMin:
      case AggregateKind::kMax: {
        Value x = v.GetValue(r);
        int c = s->has_value ? Value::Compare(x, s->extreme) : 0;
        if (!s->has_value || (call.kind == AggregateKind::kMin ? c < 0 : c > 0)) {
          s->extreme = std::move(x);
        }
        break;
      }
      case AggregateKind::kBoolAnd:
      case AggregateKind::kBoolOr: {
        bool b = v.Data<uint8_t>()[r] != 0;
        s->flag = !s->has_value ? b : (call.kind == AggregateKind::kBoolAnd ? s->flag && b : s->flag || b);
        break;
      }
      case AggregateKind::kStringAgg:
        // The delimiter precedes every value but the first; a NULL delimiter adds nothing.
        if (s->has_value && args[1].IsValid(r)) s->text += args[1].Strings()[r];
        s->text += v.Strings()[r];
        break;
      case AggregateKind::kCountStar:
        break;
    }
    s->has_value = true;
    return Status::OK();
  }

  // sum() and avg() of a non-empty group, of PostgreSQL's result types.
  static Result<Value> FinalizeSum(const AggregateCall& call, const AggState& s) {
    bool avg = call.kind == AggregateKind::kAvg;
    switch (call.args[0]->type.id()) {
      case TypeId::kDouble:
        return Value::Double(avg ? s.dsum / static_cast<double>(s.count) : s.dsum);
      case TypeId::kReal:
        return avg ? Value::Double(s.dsum / static_cast<double>(s.count)) : Value::Real(s.fsum);
      case TypeId::kInterval: {
        if (!avg) return Value::Interval(s.ivsum);
        IntervalValue r;
        OMEN_ASSIGN_OR_RETURN(r, IntervalDivide(s.ivsum, static_cast<double>(s.count)));
        return Value::Interval(r);
      }
      default: break;
    }
    if (call.type.id() == TypeId::kBigInt) return Value::BigInt(static_cast<int64_t>(s.isum));
    Numeric sum = s.nsum;
    if (call.args[0]->type.id() != TypeId::kNumeric) {
      OMEN_ASSIGN_OR_RETURN(sum, Numeric::Parse(Int128ToString(s.isum)));
    }
    if (avg) {
      OMEN_ASSIGN_OR_RETURN(sum, Numeric::Avg(sum, s.count));
    }
    return Value::String(TypeId::kNumeric, sum.ToString());
  }

  static std::string Int128ToString(Int128 v) {
    bool neg = v < 0;
    UInt128 u = neg ? -static_cast<UInt128>(v) : static_cast<UInt128>(v);
    std::string digits;
    do {
      digits.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
      u /= 10;
    } while (u != 0);
    if (neg) digits.push_back('-');
    return std::string(digits.rbegin(), digits.rend());
  }

  static Result<Value> Finalize(const AggregateCall& call, const AggState& s) {
    switch (call.kind) {
      case AggregateKind::kCountStar:
      case AggregateKind::kCount:
        return Value::BigInt(s.count);
      default:
        break;
    }
    if (!s.has_value) return Value::Null(call.type);
    switch (call.kind) {
      case AggregateKind::kSum:
      case AggregateKind::kAvg:
        return FinalizeSum(call, s);
      case AggregateKind::kMin:
      case AggregateKind::kMax:
        return s.extreme;
      case AggregateKind::kBoolAnd:
      case AggregateKind::kBoolOr:
        return Value::Boolean(s.flag);
      case AggregateKind::kStringAgg:
        return Value::String(call.type, s.text);
      default:
        return InternalError("unexpected aggregate");
    }
  }

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
