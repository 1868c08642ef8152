#include "sql/execution/join_side.h"

namespace omendb::sql {

void JoinBuildSide::EmitUnmatched(size_t left_width, DataChunk* out) {
  while (next_chunk_ < chunks_.size() && out->size() < kVectorSize) {
    const DataChunk& right = chunks_[next_chunk_];
    if (next_row_ >= right.size()) {
      ++next_chunk_;
      next_row_ = 0;
      continue;
    }
    size_t r = next_row_++;
    if (matched_[next_chunk_][r]) continue;
    size_t at = out->size();
    out->SetSize(at + 1);
    for (size_t c = 0; c < left_width; ++c) out->column(c).SetValid(at, false);
    for (size_t c = 0; c < right.column_count(); ++c) {
      out->column(left_width + c).CopyFrom(right.column(c), r, at);
    }
  }
}

void AppendLeftPadded(const DataChunk& left, size_t row, DataChunk* out) {
  size_t at = out->size();
  out->SetSize(at + 1);
  for (size_t c = 0; c < left.column_count(); ++c) out->column(c).CopyFrom(left.column(c), row, at);
  for (size_t c = left.column_count(); c < out->column_count(); ++c) out->column(c).SetValid(at, false);
}

}  // namespace omendb::sql
