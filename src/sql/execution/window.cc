#include "sql/execution/window.h"

#include <algorithm>
#include <numeric>

#include "sql/execution/aggregate_state.h"
#include "sql/execution/expression_executor.h"
#include "types/type_io.h"

namespace omendb::sql {
namespace {

using W = WindowFunction;

// The values of expressions over all input rows, one Vector per expression.
Result<std::vector<Vector>> EvaluateAll(const std::vector<const BoundExpr*>& exprs,
                                        const std::vector<DataChunk>& input, size_t total) {
  std::vector<Vector> out;
  for (const BoundExpr* e : exprs) {
    Vector all(e->type, total);
    for (const DataChunk& chunk : input) {
      Vector part(e->type, chunk.size());
      OMEN_RETURN_IF_ERROR(Evaluate(*e, chunk, &part));
      for (size_t r = 0; r < chunk.size(); ++r) all.AppendFrom(part, r);
    }
    out.push_back(std::move(all));
  }
  return out;
}

// -1/0/1 comparing rows a and b of `keys` in order: NULLs placed as `order` says (partition
// keys: NULLs equal to each other).
int CompareKeys(const std::vector<Vector>& keys, const std::vector<const OrderSpec*>& order,
                size_t a, size_t b) {
  for (size_t k = 0; k < keys.size(); ++k) {
    const Vector& v = keys[k];
    bool an = !v.IsValid(a), bn = !v.IsValid(b);
    bool desc = order[k] != nullptr && order[k]->descending;
    bool nulls_first = order[k] != nullptr && order[k]->nulls_first;
    if (an || bn) {
      if (an && bn) continue;
      return an == nulls_first ? -1 : 1;
    }
    int c = CompareCells(v, a, v, b);
    if (c != 0) return desc ? -c : c;
  }
  return 0;
}

class WindowOp final : public PhysicalOperator {
 public:
  WindowOp(const LogicalOperator& op, PhysicalOperatorPtr child)
      : PhysicalOperator(op.types), op_(op), child_(std::move(child)) {}

  Result<bool> NextBatch(DataChunk* out) override {
    if (!computed_) OMEN_RETURN_IF_ERROR(Compute());
    if (next_chunk_ >= input_.size()) return false;
    const DataChunk& in = input_[next_chunk_];
    // The input batch's columns, then each call's results for its rows.
    *out = NewChunk();
    const size_t width = in.column_count();
    for (size_t r = 0; r < in.size(); ++r) {
      for (size_t c = 0; c < width; ++c) out->column(c).AppendFrom(in.column(c), r);
      for (size_t k = 0; k < results_.size(); ++k) {
        out->column(width + k).AppendFrom(results_[k], emitted_ + r);
      }
    }
    out->SetSize(in.size());
    emitted_ += in.size();
    ++next_chunk_;
    return true;
  }

 private:
  Status Compute() {
    computed_ = true;
    for (;;) {
      DataChunk chunk = child_->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, child_->Next(&chunk));
      if (!more) break;
      OMEN_RETURN_IF_ERROR(Hold(chunk));
      total_ += chunk.size();
      input_.push_back(std::move(chunk));
    }
    for (const WindowCall& call : op_.windows) {
      Vector result(call.type, total_);
      result.Resize(total_);
      OMEN_RETURN_IF_ERROR(ComputeCall(call, &result));
      results_.push_back(std::move(result));
    }
    return Status::OK();
  }

  Status ComputeCall(const WindowCall& call, Vector* result) {
    std::vector<const BoundExpr*> part_exprs, order_exprs, arg_exprs;
    std::vector<const OrderSpec*> part_order, order_order;
    for (const auto& p : call.partition) {
      part_exprs.push_back(p.get());
      part_order.push_back(nullptr);
    }
    for (const OrderSpec& o : call.order) {
      order_exprs.push_back(o.expr.get());
      order_order.push_back(&o);
    }
    for (const auto& a : call.args) arg_exprs.push_back(a.get());
    std::vector<Vector> parts, orders, args;
    OMEN_ASSIGN_OR_RETURN(parts, EvaluateAll(part_exprs, input_, total_));
    OMEN_ASSIGN_OR_RETURN(orders, EvaluateAll(order_exprs, input_, total_));
    OMEN_ASSIGN_OR_RETURN(args, EvaluateAll(arg_exprs, input_, total_));
    // Rows sorted by partition, then by the window's ORDER BY (stable: input order breaks ties).
    std::vector<size_t> rows(total_);
    std::iota(rows.begin(), rows.end(), 0);
    std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
      int c = CompareKeys(parts, part_order, a, b);
      if (c != 0) return c < 0;
      return CompareKeys(orders, order_order, a, b) < 0;
    });
    size_t begin = 0;
    while (begin < rows.size()) {
      size_t end = begin + 1;
      while (end < rows.size() && CompareKeys(parts, part_order, rows[begin], rows[end]) == 0) ++end;
      OMEN_RETURN_IF_ERROR(ComputePartition(call, rows, begin, end, orders, order_order, args, result));
      begin = end;
    }
    return Status::OK();
  }

  // Rows [begin, end) of `rows` are one partition in window order.
  Status ComputePartition(const WindowCall& call, const std::vector<size_t>& rows, size_t begin,
                          size_t end, const std::vector<Vector>& orders,
                          const std::vector<const OrderSpec*>& order_order,
                          const std::vector<Vector>& args, Vector* result) {
    const size_t n = end - begin;
    auto peer = [&](size_t i, size_t j) {
      return CompareKeys(orders, order_order, rows[begin + i], rows[begin + j]) == 0;
    };
    // Peer groups: first and one-past-last position of each row's group of equal ORDER BY keys.
    std::vector<size_t> group_start(n), group_end(n);
    for (size_t i = 0; i < n;) {
      size_t j = i + 1;
      while (j < n && peer(i, j)) ++j;
      for (size_t k = i; k < j; ++k) {
        group_start[k] = i;
        group_end[k] = j;
      }
      i = j;
    }
    auto set_int = [&](size_t i, int64_t v) {
      result->SetValue(rows[begin + i], Value::Int(call.type, v));
    };
    auto copy_arg = [&](size_t i, std::optional<size_t> from, const Value* fallback) {
      size_t at = rows[begin + i];
      if (from) {
        result->CopyFrom(args[0], rows[begin + *from], at);
      } else if (fallback != nullptr) {
        result->SetValue(at, *fallback);
      } else {
        result->SetValid(at, false);
      }
    };
    switch (call.function) {
      case W::kRowNumber:
        for (size_t i = 0; i < n; ++i) set_int(i, static_cast<int64_t>(i + 1));
        return Status::OK();
      case W::kRank:
        for (size_t i = 0; i < n; ++i) set_int(i, static_cast<int64_t>(group_start[i] + 1));
        return Status::OK();
      case W::kDenseRank: {
        int64_t rank = 0;
        for (size_t i = 0; i < n; ++i) {
          if (group_start[i] == i) ++rank;
          set_int(i, rank);
        }
        return Status::OK();
      }
      case W::kPercentRank:
      case W::kCumeDist:
        for (size_t i = 0; i < n; ++i) {
          double v = call.function == W::kPercentRank
                         ? (n > 1 ? static_cast<double>(group_start[i]) / static_cast<double>(n - 1) : 0.0)
                         : static_cast<double>(group_end[i]) / static_cast<double>(n);
          result->SetValue(rows[begin + i], Value::Double(v));
        }
        return Status::OK();
      case W::kNtile: {
        for (size_t i = 0; i < n; ++i) {
          size_t at = rows[begin + i];
          if (!args[0].IsValid(at)) {
            result->SetValid(at, false);
            continue;
          }
          int64_t buckets = args[0].GetValue(at).GetInt();
          if (buckets <= 0) {
            return Status("22014",
                          "argument of ntile must be greater than zero");
          }
          // PostgreSQL: the first n % buckets buckets get one row more.
          int64_t size = static_cast<int64_t>(n) / buckets, extra = static_cast<int64_t>(n) % buckets;
          int64_t pos = static_cast<int64_t>(i), bucket;
          if (pos < extra * (size + 1)) {
            bucket = pos / (size + 1) + 1;
          } else {
            bucket = size == 0 ? pos + 1 : extra + (pos - extra * (size + 1)) / size + 1;
          }
          set_int(i, bucket);
        }
        return Status::OK();
      }
      case W::kLag:
      case W::kLead:
        for (size_t i = 0; i < n; ++i) {
          size_t at = rows[begin + i];
          int64_t offset = 1;
          if (args.size() > 1) {
            if (!args[1].IsValid(at)) {
              result->SetValid(at, false);
              continue;
            }
            offset = args[1].GetValue(at).GetInt();
          }
          int64_t target = static_cast<int64_t>(i) + (call.function == W::kLag ? -offset : offset);
          Value fallback = args.size() > 2 ? args[2].GetValue(at) : Value::Null(call.type);
          if (target >= 0 && target < static_cast<int64_t>(n)) {
            copy_arg(i, static_cast<size_t>(target), nullptr);
          } else {
            copy_arg(i, std::nullopt, &fallback);
          }
        }
        return Status::OK();
      default:
        break;
    }
    // Frame functions: first_value, last_value, nth_value and aggregates.
    std::unique_ptr<AggregateAccumulator> acc;
    size_t acc_start = 0, acc_end = 0;
    for (size_t i = 0; i < n; ++i) {
      size_t fs, fe;
      OMEN_RETURN_IF_ERROR(FrameOf(call.frame, i, n, group_start, group_end, &fs, &fe));
      size_t at = rows[begin + i];
      switch (call.function) {
        case W::kFirstValue:
          copy_arg(i, fs < fe ? std::optional<size_t>(fs) : std::nullopt, nullptr);
          continue;
        case W::kLastValue:
          copy_arg(i, fs < fe ? std::optional<size_t>(fe - 1) : std::nullopt, nullptr);
          continue;
        case W::kNthValue: {
          if (!args[1].IsValid(at)) {
            result->SetValid(at, false);
            continue;
          }
          int64_t nth = args[1].GetValue(at).GetInt();
          if (nth <= 0) {
            return Status("22016", "argument of nth_value must be greater than zero");
          }
          size_t pos = fs + static_cast<size_t>(nth - 1);
          copy_arg(i, pos < fe ? std::optional<size_t>(pos) : std::nullopt, nullptr);
          continue;
        }
        default:
          break;
      }
      // An aggregate over the frame: extended incrementally while the frame only grows at its
      // end, recomputed otherwise.
      if (!acc || fs != acc_start || fe < acc_end) {
        acc = std::make_unique<AggregateAccumulator>(call.aggregate, call.type);
        acc_start = acc_end = fs;
      }
      for (; acc_end < fe; ++acc_end) {
        OMEN_RETURN_IF_ERROR(acc->Add(args, rows[begin + acc_end]));
      }
      Value v;
      OMEN_ASSIGN_OR_RETURN(v, acc->Finish());
      result->SetValue(at, v);
    }
    return Status::OK();
  }

  // The frame of row i as positions [*fs, *fe) of the partition.
  static Status FrameOf(const WindowFrame& f, size_t i, size_t n, const std::vector<size_t>& gs,
                        const std::vector<size_t>& ge, size_t* fs, size_t* fe) {
    auto bound = [&](WindowFrame::Bound b, int64_t offset, bool is_start) -> size_t {
      int64_t pos = static_cast<int64_t>(i);
      switch (b) {
        case WindowFrame::kUnboundedPreceding: return 0;
        case WindowFrame::kUnboundedFollowing: return n;
        case WindowFrame::kCurrentRow:
          if (f.rows) return is_start ? i : i + 1;
          return is_start ? gs[i] : ge[i];  // RANGE: the row's peers too
        case WindowFrame::kOffsetPreceding: pos -= offset; break;
        case WindowFrame::kOffsetFollowing: pos += offset; break;
      }
      if (!is_start) ++pos;
      return static_cast<size_t>(std::clamp<int64_t>(pos, 0, static_cast<int64_t>(n)));
    };
    *fs = bound(f.start, f.start_offset, true);
    *fe = bound(f.end, f.end_offset, false);
    if (*fe < *fs) *fe = *fs;
    return Status::OK();
  }

  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
  bool computed_ = false;
  std::vector<DataChunk> input_;
  size_t total_ = 0;
  std::vector<Vector> results_;
  size_t next_chunk_ = 0;
  size_t emitted_ = 0;
};

}  // namespace

PhysicalOperatorPtr MakeWindow(const LogicalOperator& op, PhysicalOperatorPtr child) {
  return std::make_unique<WindowOp>(op, std::move(child));
}

}  // namespace omendb::sql
