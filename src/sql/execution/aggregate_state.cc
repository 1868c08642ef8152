#include "sql/execution/aggregate_state.h"

#include <cmath>

#include "types/datetime.h"
#include "types/type_io.h"

namespace omendb::sql {
namespace {

using Int128 = AggregateInt128;
__extension__ typedef unsigned __int128 UInt128;

std::string Int128ToString(Int128 v) {
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

bool IsIntegerPhysical(PhysicalType p) {
  return p == PhysicalType::kInt16 || p == PhysicalType::kInt32 || p == PhysicalType::kInt64;
}

// Calls f(r, value) for the non-NULL rows r < n of `v`, a vector of T.
template <typename T, typename F>
void ForEachValid(const Vector& v, size_t n, F f) {
  const T* d = v.Data<T>();
  if (v.AllValid()) {
    for (size_t r = 0; r < n; ++r) f(r, d[r]);
  } else {
    for (size_t r = 0; r < n; ++r) {
      if (v.IsValid(r)) f(r, d[r]);
    }
  }
}

// Whether a sorts before b in PostgreSQL's order of double precision values: NaN above
// every number, -0 equal to 0.
bool DoubleLess(double a, double b) {
  if (std::isnan(a)) return false;
  return std::isnan(b) || a < b;
}

// Whether min (max) replaces `state` by `x`: PostgreSQL's smaller/larger functions keep the
// state only when it is strictly smaller (larger), so of equal values the later one stays
// (-0 after 0, 1.00 after 1.0, '24 hours' after '1 day').
bool DoubleReplaces(double x, double state, bool min) {
  return min ? !DoubleLess(state, x) : !DoubleLess(x, state);
}

}  // namespace

template <typename T, typename Acc>
Status AggregateAccumulator::AddIntegers(Acc acc, const Vector& v, size_t n) {
  const AggregateKind kind = acc(0)->kind_;
  const LogicalType type = v.type();
  auto seen = [&type](AggregateAccumulator* a) {
    ++a->count_;
    a->arg_type_ = type;
  };
  switch (kind) {
    case AggregateKind::kCount:
      ForEachValid<T>(v, n, [&](size_t r, T) { seen(acc(r)); });
      break;
    case AggregateKind::kSum:
    case AggregateKind::kAvg: {
      const bool bigint_result = acc(0)->type_.id() == TypeId::kBigInt;
      bool overflow = false;
      ForEachValid<T>(v, n, [&](size_t r, T x) {
        AggregateAccumulator* a = acc(r);
        seen(a);
        a->isum_ += x;
        a->has_value_ = true;
        overflow |= bigint_result && (a->isum_ > INT64_MAX || a->isum_ < INT64_MIN);
      });
      if (overflow) return Status(sqlstate::kNumericValueOutOfRange, "bigint out of range");
      break;
    }
    case AggregateKind::kMin:
    case AggregateKind::kMax: {
      const bool min = kind == AggregateKind::kMin;
      ForEachValid<T>(v, n, [&](size_t r, T x) {
        AggregateAccumulator* a = acc(r);
        seen(a);
        if (!a->has_value_ || (min ? x < a->iextreme_ : x > a->iextreme_)) a->iextreme_ = x;
        a->has_value_ = true;
      });
      break;
    }
    default:
      return InternalError("no integer fast path for this aggregate");
  }
  return Status::OK();
}

template <typename Acc>
Status AggregateAccumulator::AddRows(Acc acc, const std::vector<Vector>& args, size_t n) {
  if (n == 0) return Status::OK();
  const AggregateKind kind = acc(0)->kind_;
  if (kind == AggregateKind::kCountStar) {
    for (size_t r = 0; r < n; ++r) ++acc(r)->count_;
    return Status::OK();
  }
  const Vector& v = args[0];
  const bool integer_kind = kind == AggregateKind::kCount || kind == AggregateKind::kSum ||
                            kind == AggregateKind::kAvg || kind == AggregateKind::kMin ||
                            kind == AggregateKind::kMax;
  switch (v.type().physical()) {
    case PhysicalType::kInt16:
      if (integer_kind) return AddIntegers<int16_t>(acc, v, n);
      break;
    case PhysicalType::kInt32:
      if (integer_kind) return AddIntegers<int32_t>(acc, v, n);
      break;
    case PhysicalType::kInt64:
      if (integer_kind) return AddIntegers<int64_t>(acc, v, n);
      break;
    case PhysicalType::kDouble:
      if ((kind == AggregateKind::kMin || kind == AggregateKind::kMax) &&
          v.type().id() == TypeId::kDouble) {
        const LogicalType type = v.type();
        const bool min = kind == AggregateKind::kMin;
        ForEachValid<double>(v, n, [&](size_t r, double x) {
          AggregateAccumulator* a = acc(r);
          ++a->count_;
          a->arg_type_ = type;
          if (!a->has_value_ || DoubleReplaces(x, a->dextreme_, min)) a->dextreme_ = x;
          a->has_value_ = true;
        });
        return Status::OK();
      }
      if (kind == AggregateKind::kSum || kind == AggregateKind::kAvg) {
        const LogicalType type = v.type();
        ForEachValid<double>(v, n, [&](size_t r, double x) {
          AggregateAccumulator* a = acc(r);
          ++a->count_;
          a->arg_type_ = type;
          a->dsum_ += x;
          a->has_value_ = true;
        });
        return Status::OK();
      }
      break;
    default:
      break;
  }
  for (size_t r = 0; r < n; ++r) OMEN_RETURN_IF_ERROR(acc(r)->Add(args, r));
  return Status::OK();
}

Status AggregateAccumulator::AddScattered(AggregateAccumulator* const* accs,
                                          const std::vector<Vector>& args, size_t n) {
  return AddRows([accs](size_t r) { return accs[r]; }, args, n);
}

Status AggregateAccumulator::AddBatch(const std::vector<Vector>& args, size_t n) {
  if (kind_ == AggregateKind::kCountStar) {
    count_ += static_cast<int64_t>(n);
    return Status::OK();
  }
  return AddRows([this](size_t) { return this; }, args, n);
}

Status AggregateAccumulator::Add(const std::vector<Vector>& args, size_t r) {
  if (kind_ == AggregateKind::kCountStar) {
    ++count_;
    return Status::OK();
  }
  const Vector& v = args[0];
  if (!v.IsValid(r)) return Status::OK();
  ++count_;
  arg_type_ = v.type();
  switch (kind_) {
    case AggregateKind::kCount:
    case AggregateKind::kCountStar:
      break;
    case AggregateKind::kSum:
    case AggregateKind::kAvg:
      switch (v.type().id()) {
        case TypeId::kDouble: dsum_ += v.Data<double>()[r]; break;
        case TypeId::kReal:
          fsum_ += v.Data<float>()[r];
          dsum_ += v.Data<float>()[r];
          break;
        case TypeId::kNumeric: {
          Numeric x;
          OMEN_ASSIGN_OR_RETURN(x, Numeric::Parse(v.Strings()[r]));
          OMEN_ASSIGN_OR_RETURN(nsum_, Numeric::Add(nsum_, x));
          break;
        }
        case TypeId::kInterval: {
          OMEN_ASSIGN_OR_RETURN(ivsum_, IntervalPlus(ivsum_, v.Data<IntervalValue>()[r]));
          break;
        }
        default:
          isum_ += v.GetValue(r).GetInt();
          if (type_.id() == TypeId::kBigInt && (isum_ > INT64_MAX || isum_ < INT64_MIN)) {
            return Status(sqlstate::kNumericValueOutOfRange, "bigint out of range");
          }
          break;
      }
      break;
    case AggregateKind::kMin:
    case AggregateKind::kMax: {
      if (IsIntegerPhysical(v.type().physical())) {
        int64_t x = v.GetValue(r).GetInt();
        bool min = kind_ == AggregateKind::kMin;
        if (!has_value_ || (min ? x < iextreme_ : x > iextreme_)) iextreme_ = x;
        break;
      }
      if (v.type().id() == TypeId::kDouble) {
        const double x = v.Data<double>()[r];
        if (!has_value_ || DoubleReplaces(x, dextreme_, kind_ == AggregateKind::kMin)) dextreme_ = x;
        break;
      }
      Value x = v.GetValue(r);
      int c = has_value_ ? CompareValues(x, extreme_) : 0;
      if (!has_value_ || (kind_ == AggregateKind::kMin ? c <= 0 : c >= 0)) extreme_ = std::move(x);
      break;
    }
    case AggregateKind::kBoolAnd:
    case AggregateKind::kBoolOr: {
      bool b = v.Data<uint8_t>()[r] != 0;
      flag_ = !has_value_ ? b : (kind_ == AggregateKind::kBoolAnd ? flag_ && b : flag_ || b);
      break;
    }
    case AggregateKind::kStringAgg:
      // The delimiter precedes every value but the first; a NULL delimiter adds nothing.
      if (has_value_ && args[1].IsValid(r)) text_ += args[1].Strings()[r];
      text_ += v.Strings()[r];
      break;
  }
  has_value_ = true;
  return Status::OK();
}

Result<Value> AggregateAccumulator::Finish() const {
  switch (kind_) {
    case AggregateKind::kCountStar:
    case AggregateKind::kCount:
      return Value::BigInt(count_);
    default:
      break;
  }
  if (!has_value_) return Value::Null(type_);
  switch (kind_) {
    case AggregateKind::kSum:
    case AggregateKind::kAvg:
      return FinishSum();
    case AggregateKind::kMin:
    case AggregateKind::kMax:
      if (IsIntegerPhysical(arg_type_.physical())) return Value::Int(arg_type_, iextreme_);
      if (arg_type_.id() == TypeId::kDouble) return Value::Double(dextreme_);
      return extreme_;
    case AggregateKind::kBoolAnd:
    case AggregateKind::kBoolOr:
      return Value::Boolean(flag_);
    case AggregateKind::kStringAgg:
      return Value::String(type_, text_);
    default:
      return InternalError("unexpected aggregate");
  }
}

Result<Value> AggregateAccumulator::FinishSum() const {
  bool avg = kind_ == AggregateKind::kAvg;
  switch (arg_type_.id()) {
    case TypeId::kDouble:
      return Value::Double(avg ? dsum_ / static_cast<double>(count_) : dsum_);
    case TypeId::kReal:
      return avg ? Value::Double(dsum_ / static_cast<double>(count_)) : Value::Real(fsum_);
    case TypeId::kInterval: {
      if (!avg) return Value::Interval(ivsum_);
      IntervalValue r;
      OMEN_ASSIGN_OR_RETURN(r, IntervalDivide(ivsum_, static_cast<double>(count_)));
      return Value::Interval(r);
    }
    default:
      break;
  }
  if (type_.id() == TypeId::kBigInt) return Value::BigInt(static_cast<int64_t>(isum_));
  Numeric sum = nsum_;
  if (arg_type_.id() != TypeId::kNumeric) {
    OMEN_ASSIGN_OR_RETURN(sum, Numeric::Parse(Int128ToString(isum_)));
  }
  if (avg) {
    OMEN_ASSIGN_OR_RETURN(sum, Numeric::Avg(sum, count_));
  }
  return Value::String(TypeId::kNumeric, sum.ToString());
}

}  // namespace omendb::sql
