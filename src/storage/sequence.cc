// Sequences: state in memory, logged ahead as the sequence's one row (see NextVal).
#include <algorithm>

#include "storage/storage_engine.h"

namespace omendb {
namespace {

constexpr int64_t kLogAhead = 32;  // values covered by one logged row, as PostgreSQL's SEQ_LOG_VALS

std::vector<LogicalType> SequenceRowTypes() {
  return {TypeId::kBigInt, TypeId::kBigInt, TypeId::kBoolean};
}

// `from` + n * increment, clamped to the sequence's bounds.
int64_t Advance(const SequenceOptions& o, int64_t from, int64_t n) {
  int64_t step, v;
  bool overflow = __builtin_mul_overflow(n, o.increment, &step) ||
                  __builtin_add_overflow(from, step, &v);
  if (overflow) return o.increment > 0 ? o.max_value : o.min_value;
  return std::clamp(v, o.min_value, o.max_value);
}

}  // namespace

DataChunk StorageEngine::InitialSequenceRow(const SequenceOptions& options) {
  DataChunk row(SequenceRowTypes(), 1);
  row.AppendRow({Value::BigInt(options.start), Value::BigInt(0), Value::Boolean(false)});
  return row;
}

std::shared_ptr<StorageEngine::SequenceState> StorageEngine::SequenceStateOf(uint64_t id) {
  std::lock_guard<std::mutex> lock(sequences_mu_);
  std::shared_ptr<SequenceState>& s = sequences_[id];
  if (!s) s = std::make_shared<SequenceState>();
  return s;
}

Status StorageEngine::LoadSequence(const TableSchema& seq, Transaction* caller,
                                   SequenceState* state) {
  std::shared_ptr<TableData> data = GetTableData(seq.table_id);
  if (!data) return Status(sqlstate::kUndefinedTable, "relation \"" + seq.name + "\" does not exist");
  ScanSpec spec;
  spec.column_ids = {0, 1, 2};
  spec.snapshot = caller->LatestSnapshot();
  std::unique_ptr<TableScanner> scan = data->Scan(spec);
  DataChunk row(SequenceRowTypes(), 1);
  bool more;
  OMEN_ASSIGN_OR_RETURN(more, scan->Next(&row));
  if (!more || row.size() != 1) return InternalError("sequence \"" + seq.name + "\" has no row");
  state->last_value = row.GetValue(0, 0).GetInt();
  state->is_called = row.GetValue(2, 0).GetBool();
  // A called row's value and those before it may have been handed out already.
  state->covered = state->is_called;
  state->covered_upto = state->last_value;
  state->loaded = true;
  return Status::OK();
}

Status StorageEngine::StoreSequenceRow(const TableSchema& seq, int64_t last_value, bool is_called,
                                       Transaction* caller) {
  // A sequence its creator has not committed is written by the creator (no one else sees
  // it); otherwise by a transaction of its own, committed (durably) now.
  bool committed = catalog_.FindTable(seq.Key(), 0) == &seq;
  std::unique_ptr<Transaction> own;
  Transaction* w = caller;
  if (committed) {
    own = Begin(IsolationLevel::kReadCommitted);
    w = own.get();
  }
  OMEN_RETURN_IF_ERROR(w->DeclareWrite(seq.table_id));
  std::shared_ptr<TableData> data = GetTableData(seq.table_id);
  ScanSpec spec;
  spec.column_ids = {0};
  spec.snapshot = w->LatestSnapshot();
  spec.with_row_ids = true;
  std::unique_ptr<TableScanner> scan = data->Scan(spec);
  DataChunk old({TypeId::kBigInt, TypeId::kBigInt}, 1);
  bool more;
  OMEN_ASSIGN_OR_RETURN(more, scan->Next(&old));
  if (!more || old.size() != 1) return InternalError("sequence \"" + seq.name + "\" has no row");
  uint64_t pos = static_cast<uint64_t>(old.GetValue(1, 0).GetInt());
  LockOutcome lock;
  OMEN_ASSIGN_OR_RETURN(lock, w->Lock(seq.table_id, pos, spec.snapshot));
  if (lock.kind != LockOutcome::kLocked) {
    return InternalError("sequence \"" + seq.name + "\" row changed concurrently");
  }
  DataChunk row(SequenceRowTypes(), 1);
  row.AppendRow({Value::BigInt(last_value), Value::BigInt(0), Value::Boolean(is_called)});
  std::vector<uint64_t> added;
  OMEN_RETURN_IF_ERROR(w->Insert(seq.table_id, row, &added));
  w->SetSuccessor(seq.table_id, pos, added.at(0));
  if (own) return own->Commit(/*synchronous=*/true);
  return Status::OK();
}

Result<int64_t> StorageEngine::NextVal(const TableSchema& seq, Transaction* caller) {
  const SequenceOptions& o = *seq.sequence;
  std::shared_ptr<SequenceState> state = SequenceStateOf(seq.table_id);
  std::lock_guard<std::mutex> lock(state->mu);
  if (!state->loaded) OMEN_RETURN_IF_ERROR(LoadSequence(seq, caller, state.get()));
  int64_t result = state->last_value;
  bool wrapped = false;
  if (state->is_called) {
    int64_t next;
    bool overflow = __builtin_add_overflow(state->last_value, o.increment, &next);
    if (overflow || next > o.max_value || next < o.min_value) {
      if (!o.cycle) {
        bool up = o.increment > 0;
        return Status("2200H", std::string("nextval: reached ") + (up ? "maximum" : "minimum") +
                                   " value of sequence \"" + seq.name + "\" (" +
                                   std::to_string(up ? o.max_value : o.min_value) + ")");
      }
      next = o.increment > 0 ? o.min_value : o.max_value;
      wrapped = true;
    }
    result = next;
  }
  bool covered = state->covered && !wrapped &&
                 (o.increment > 0 ? result <= state->covered_upto : result >= state->covered_upto);
  if (!covered) {
    int64_t upto = Advance(o, result, kLogAhead - 1);
    OMEN_RETURN_IF_ERROR(StoreSequenceRow(seq, upto, true, caller));
    state->covered = true;
    state->covered_upto = upto;
  }
  state->last_value = result;
  state->is_called = true;
  return result;
}

Status StorageEngine::CopySequenceState(const TableSchema& from, const TableSchema& to,
                                        Transaction* caller) {
  std::shared_ptr<SequenceState> src = SequenceStateOf(from.table_id);
  std::shared_ptr<SequenceState> dst = SequenceStateOf(to.table_id);
  std::scoped_lock lock(src->mu, dst->mu);
  if (!src->loaded) OMEN_RETURN_IF_ERROR(LoadSequence(from, caller, src.get()));
  dst->loaded = true;
  dst->last_value = src->last_value;
  dst->is_called = src->is_called;
  dst->covered = src->covered;
  dst->covered_upto = src->covered_upto;
  return Status::OK();
}

Status StorageEngine::SetVal(const TableSchema& seq, int64_t value, bool is_called,
                             Transaction* caller) {
  const SequenceOptions& o = *seq.sequence;
  if (value < o.min_value || value > o.max_value) {
    return Status(sqlstate::kNumericValueOutOfRange,
                  "setval: value " + std::to_string(value) + " is out of bounds for sequence \"" +
                      seq.name + "\" (" + std::to_string(o.min_value) + ".." +
                      std::to_string(o.max_value) + ")");
  }
  std::shared_ptr<SequenceState> state = SequenceStateOf(seq.table_id);
  std::lock_guard<std::mutex> lock(state->mu);
  OMEN_RETURN_IF_ERROR(StoreSequenceRow(seq, value, is_called, caller));
  state->loaded = true;
  state->last_value = value;
  state->is_called = is_called;
  state->covered = is_called;
  state->covered_upto = value;
  return Status::OK();
}

}  // namespace omendb
