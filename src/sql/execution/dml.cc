#include "sql/execution/dml.h"

#include <functional>
#include <optional>
#include <set>

#include "sql/execution/expression_executor.h"
#include "sql/execution/physical_plan.h"

namespace omendb::sql {

namespace {

// PostgreSQL's DETAIL for a row that violates a constraint.
std::string FailingRow(const TableSchema& t, const DataChunk& rows, size_t r) {
  std::string failing;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    Value v = rows.GetValue(i, r);
    failing += (i > 0 ? ", " : "") + (v.is_null() ? std::string("null") : v.ToString());
  }
  return "Failing row contains (" + failing + ").";
}

Status CheckNotNull(const TableSchema& t, const DataChunk& rows) {
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (!t.columns[c].not_null) continue;
    for (size_t r = 0; r < rows.size(); ++r) {
      if (rows.column(c).IsValid(r)) continue;
      return Status(sqlstate::kNotNullViolation,
                    "null value in column \"" + t.columns[c].name + "\" of relation \"" + t.name +
                        "\" violates not-null constraint",
                    FailingRow(t, rows, r));
    }
  }
  return Status::OK();
}

// NOT NULL, then the statement's CHECK constraints (23514 for a row where one is false), on
// new rows of `t`.
Status CheckRows(const BoundStatement& stmt, const TableSchema& t, const DataChunk& rows) {
  OMEN_RETURN_IF_ERROR(CheckNotNull(t, rows));
  for (size_t i = 0; i < stmt.checks.size(); ++i) {
    Vector pass(TypeId::kBoolean, rows.size());
    OMEN_RETURN_IF_ERROR(Evaluate(*stmt.checks[i], rows, &pass));
    for (size_t r = 0; r < rows.size(); ++r) {
      if (!pass.IsValid(r) || pass.Data<uint8_t>()[r] != 0) continue;
      return Status("23514",
                    "new row for relation \"" + t.name + "\" violates check constraint \"" +
                        stmt.check_names[i] + "\"",
                    FailingRow(t, rows, r));
    }
  }
  return Status::OK();
}

}  // namespace

namespace {

// Appends row `r` of `from` to the last chunk of *to (a new one when it is full).
void AppendRowTo(const DataChunk& from, size_t r, std::vector<DataChunk>* to) {
  if (to->empty() || to->back().size() == kVectorSize) to->emplace_back(from.Types());
  to->back().AppendRowFrom(from, r);
}

// An injective text form of a key's values (each length-prefixed).
std::string KeyText(const std::vector<Value>& key) {
  std::string out;
  for (const Value& v : key) {
    std::string s = v.ToString();
    out += std::to_string(s.size()) + ":" + s;
  }
  return out;
}

// The version at `pos` (all table columns), as `snapshot` sees its creation.
Result<DataChunk> ReadVersion(const TableData& data, uint64_t pos, const Snapshot& snapshot) {
  ScanSpec spec;
  for (size_t c = 0; c < data.schema().columns.size(); ++c) spec.column_ids.push_back(c);
  spec.snapshot = snapshot;
  std::vector<uint64_t> positions{pos};
  spec.positions = &positions;
  std::unique_ptr<TableScanner> scan = data.Scan(spec);
  DataChunk row(data.schema().ColumnTypes(), 1);
  bool more;
  OMEN_ASSIGN_OR_RETURN(more, scan->Next(&row));
  if (!more || row.size() != 1) return InternalError("ON CONFLICT: the conflicting row vanished");
  return row;
}

// INSERT ... ON CONFLICT on the primary key, row by row (PostgreSQL's speculative insertion:
// find the key's newest committed or own version; if none, insert, and if a concurrent
// transaction committed the key meanwhile, look again).
Result<uint64_t> InsertOnConflict(const BoundStatement& insert, const TableSchema& t,
                                  const ExecContext& ctx, Transaction* txn,
                                  const std::vector<DataChunk>& batches,
                                  std::vector<DataChunk>* written) {
  OMEN_RETURN_IF_ERROR(txn->DeclareWrite(t.table_id));
  std::shared_ptr<const TableData> data = ctx.engine->GetTableData(t.table_id);
  const bool do_update = insert.on_conflict == BoundStatement::OnConflict::kUpdate;
  const bool repeatable = txn->isolation() == IsolationLevel::kRepeatableRead;
  const size_t ncols = t.columns.size();
  std::vector<LogicalType> both_types = t.ColumnTypes();
  for (size_t c = 0; c < ncols; ++c) both_types.push_back(t.columns[c].type);
  // The values of an arbiter (the primary key, or a unique index) in row `r` of `rows`;
  // none when one is NULL (NULLs never conflict).
  auto arbiter_values = [&](const TableSchema* index, const DataChunk& rows,
                            size_t r) -> std::optional<std::vector<Value>> {
    std::vector<Value> values;
    for (size_t c : index != nullptr ? index->index->columns : t.primary_key) {
      values.push_back(rows.GetValue(c, r));
      if (values.back().is_null()) return std::nullopt;
    }
    return values;
  };
  // The version `snapshot` sees that row `r` conflicts with, or kNoPosition.
  auto find_conflict = [&](const DataChunk& rows, size_t r, const Snapshot& snapshot) {
    if (insert.conflict_on_key) {
      uint64_t pos = data->FindVisible(*arbiter_values(nullptr, rows, r), snapshot);
      if (pos != kNoPosition) return pos;
    }
    for (const TableSchema* index : insert.conflict_indexes) {
      std::optional<std::vector<Value>> values = arbiter_values(index, rows, r);
      if (!values) continue;
      uint64_t pos = data->FindVisibleByIndex(index->table_id, *values, snapshot);
      if (pos != kNoPosition) return pos;
    }
    return kNoPosition;
  };
  // DO UPDATE has one arbiter: the text of its values in a row (empty: NULL, no conflict).
  auto arbiter_text = [&](const DataChunk& rows, size_t r) {
    std::optional<std::vector<Value>> values = arbiter_values(
        insert.conflict_on_key ? nullptr : insert.conflict_indexes.at(0), rows, r);
    return values ? KeyText(*values) : std::string();
  };
  std::set<std::string> affected;  // arbiter values this statement inserted or updated
  uint64_t total = 0;
  for (const DataChunk& batch : batches) {
    for (size_t r = 0; r < batch.size(); ++r) {
      const std::string key = do_update ? arbiter_text(batch, r) : std::string();
      if (do_update && !key.empty() && affected.count(key) != 0) {
        return Status("21000", "ON CONFLICT DO UPDATE command cannot affect row a second time",
                      "", "Ensure that no rows proposed for insertion within the same command "
                          "have duplicate constrained values.");
      }
      for (int attempt = 0;; ++attempt) {
        if (attempt == 1000) {
          return Status(sqlstate::kSerializationFailure,
                        "could not serialize access due to concurrent update");
        }
        Snapshot latest = txn->LatestSnapshot();
        uint64_t pos = find_conflict(batch, r, latest);
        if (pos == kNoPosition) {
          DataChunk row(batch.Types(), 1);
          row.AppendRowFrom(batch, r);
          Status st = txn->Insert(t.table_id, row);
          if (st.sqlstate() == sqlstate::kUniqueViolation &&
              find_conflict(batch, r, txn->LatestSnapshot()) != kNoPosition) {
            continue;  // an arbiter's values were committed meanwhile: look again
          }
          OMEN_RETURN_IF_ERROR(st);  // also a violation of a constraint that is no arbiter
          ++total;
          if (!key.empty()) affected.insert(key);
          if (written != nullptr) AppendRowTo(batch, r, written);
          break;
        }
        // PostgreSQL: in REPEATABLE READ a conflict with a row the snapshot cannot see is a
        // serialization failure (it would act on a row the transaction never saw).
        if (repeatable && find_conflict(batch, r, ctx.snapshot) != pos) {
          return Status(sqlstate::kSerializationFailure,
                        "could not serialize access due to concurrent update");
        }
        if (!do_update) break;  // DO NOTHING
        // The existing row, then the proposed one ("excluded"), side by side. Versions are
        // immutable, so the row read now is the row the lock below takes, if it succeeds.
        DataChunk existing;
        OMEN_ASSIGN_OR_RETURN(existing, ReadVersion(*data, pos, latest));
        DataChunk both(both_types, 1);
        both.SetSize(1);
        for (size_t c = 0; c < ncols; ++c) {
          both.column(c).SetValue(0, existing.GetValue(c, 0));
          both.column(ncols + c).SetValue(0, batch.GetValue(c, r));
        }
        if (insert.conflict_where) {
          // Checked before taking the row (a taken row is deleted at commit); PostgreSQL
          // would also keep a row it does not update locked until the transaction ends.
          Vector pass(TypeId::kBoolean, 1);
          OMEN_RETURN_IF_ERROR(Evaluate(*insert.conflict_where, both, &pass));
          if (!pass.IsValid(0) || pass.Data<uint8_t>()[0] == 0) break;
        }
        LockOutcome lock;
        OMEN_ASSIGN_OR_RETURN(lock, txn->Lock(t.table_id, pos, latest));
        if (lock.kind != LockOutcome::kLocked) continue;  // changed meanwhile: look again
        DataChunk updated(t.ColumnTypes(), 1);
        for (size_t c = 0; c < ncols; ++c) {
          OMEN_RETURN_IF_ERROR(Evaluate(*insert.conflict_set[c], both, &updated.column(c)));
        }
        updated.SetSize(1);
        OMEN_RETURN_IF_ERROR(CheckRows(insert, t, updated));
        std::vector<uint64_t> added;
        OMEN_RETURN_IF_ERROR(txn->Insert(t.table_id, updated, &added));
        txn->SetSuccessor(t.table_id, pos, added.at(0));
        ++total;
        if (!key.empty()) affected.insert(key);
        std::string new_key = arbiter_text(updated, 0);
        if (!new_key.empty()) affected.insert(new_key);
        if (written != nullptr) AppendRowTo(updated, 0, written);
        break;
      }
    }
  }
  return total;
}

}  // namespace

Result<uint64_t> ExecuteInsert(const BoundStatement& insert, const TableSchema& t,
                               const ExecContext& ctx, Transaction* txn,
                               std::vector<DataChunk>* written) {
  std::vector<LogicalType> types = t.ColumnTypes();
  std::vector<DataChunk> batches;
  if (insert.plan) {
    PhysicalOperatorPtr root;
    OMEN_ASSIGN_OR_RETURN(root, CreatePhysicalPlan(*insert.plan, ctx));
    for (;;) {
      DataChunk chunk = root->NewChunk();
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, root->Next(&chunk));
      if (!more) break;
      if (ctx.memory) OMEN_RETURN_IF_ERROR(ctx.memory->Charge(ApproximateBytes(chunk)));
      batches.push_back(std::move(chunk));
    }
  } else {
    DataChunk one;
    one.SetSize(1);
    DataChunk batch(types);
    for (const auto& row : insert.rows) {
      std::vector<Value> values;
      for (size_t c = 0; c < row.size(); ++c) {
        Vector v(types[c], 1);
        OMEN_RETURN_IF_ERROR(Evaluate(*row[c], one, &v));
        values.push_back(v.GetValue(0));
      }
      batch.AppendRow(values);
      if (batch.size() == kVectorSize) {
        batches.push_back(std::move(batch));
        batch = DataChunk(types);
      }
    }
    if (batch.size() > 0) batches.push_back(std::move(batch));
  }
  for (const DataChunk& b : batches) OMEN_RETURN_IF_ERROR(CheckRows(insert, t, b));
  if (insert.on_conflict != BoundStatement::OnConflict::kNone &&
      (insert.conflict_on_key || !insert.conflict_indexes.empty())) {
    return InsertOnConflict(insert, t, ctx, txn, batches, written);
  }
  uint64_t total = 0;
  for (const DataChunk& b : batches) {
    OMEN_RETURN_IF_ERROR(txn->Insert(t.table_id, b));
    total += b.size();
  }
  if (written != nullptr) {
    for (DataChunk& b : batches) written->push_back(std::move(b));
  }
  return total;
}

namespace {

Result<std::vector<DataChunk>> RunToCompletion(const LogicalOperator& plan,
                                               const ExecContext& ctx) {
  PhysicalOperatorPtr root;
  OMEN_ASSIGN_OR_RETURN(root, CreatePhysicalPlan(plan, ctx));
  std::vector<DataChunk> out;
  for (;;) {
    DataChunk chunk = root->NewChunk();
    bool more;
    OMEN_ASSIGN_OR_RETURN(more, root->Next(&chunk));
    if (!more) break;
    if (ctx.memory) OMEN_RETURN_IF_ERROR(ctx.memory->Charge(ApproximateBytes(chunk)));
    out.push_back(std::move(chunk));
  }
  return out;
}

// Runs a DML statement's target plan (whose column `pos_column` holds row positions) and takes
// each row it returns (see Transaction::Lock), calling `on_taken(chunk, row, position)`; rows a
// concurrent transaction updated and committed are re-evaluated on their newest version
// (READ COMMITTED, as PostgreSQL's EvalPlanQual) in further passes. `after_pass` runs after
// every pass. Returns the rows taken.
Result<uint64_t> TakeTargetRows(const LogicalOperator& plan, const ExecContext& ctx,
                                Transaction* txn, uint64_t table_id, size_t pos_column,
                                const std::function<void(const DataChunk&, size_t, uint64_t)>& on_taken,
                                const std::function<Status()>& after_pass) {
  OMEN_RETURN_IF_ERROR(txn->DeclareWrite(table_id));
  ExecContext run = ctx;
  std::vector<uint64_t> recheck;
  uint64_t taken = 0;
  for (;;) {
    std::vector<DataChunk> chunks;
    OMEN_ASSIGN_OR_RETURN(chunks, RunToCompletion(plan, run));
    std::vector<uint64_t> next_recheck;
    for (const DataChunk& c : chunks) {
      const int64_t* pos = c.column(pos_column).Data<int64_t>();
      for (size_t r = 0; r < c.size(); ++r) {
        LockOutcome o;
        OMEN_ASSIGN_OR_RETURN(o, txn->Lock(table_id, static_cast<uint64_t>(pos[r]), run.snapshot));
        if (o.kind == LockOutcome::kUpdated && o.successor != kNoPosition) {
          next_recheck.push_back(o.successor);
        }
        if (o.kind != LockOutcome::kLocked) continue;
        on_taken(c, r, static_cast<uint64_t>(pos[r]));
        ++taken;
      }
    }
    OMEN_RETURN_IF_ERROR(after_pass());
    if (next_recheck.empty()) return taken;
    recheck = std::move(next_recheck);
    run.recheck_positions = &recheck;
    run.snapshot = txn->LatestSnapshot();
  }
}

}  // namespace

Result<uint64_t> ExecuteUpdate(const BoundStatement& update, const ExecContext& ctx,
                               Transaction* txn, std::vector<DataChunk>* written) {
  const TableSchema& t = *update.table;
  const size_t ncols = t.columns.size();
  std::vector<LogicalType> types = t.ColumnTypes();
  // Take every target row of a pass first, then write the new versions, so keys are checked
  // against the table after the pass's deletions (SET id = id + 1 succeeds).
  std::vector<uint64_t> old_positions;
  std::vector<DataChunk> new_rows;
  auto take = [&](const DataChunk& c, size_t r, uint64_t pos) {
    if (new_rows.empty() || new_rows.back().size() == kVectorSize) new_rows.emplace_back(types);
    DataChunk& out = new_rows.back();
    for (size_t col = 0; col < ncols; ++col) out.column(col).AppendFrom(c.column(col), r);
    out.SetSize(out.column(0).size());
    old_positions.push_back(pos);
  };
  auto write = [&]() -> Status {
    size_t next_old = 0;
    for (const DataChunk& rows : new_rows) {
      OMEN_RETURN_IF_ERROR(CheckRows(update, t, rows));
      std::vector<uint64_t> added;
      OMEN_RETURN_IF_ERROR(txn->Insert(t.table_id, rows, &added));
      for (uint64_t pos : added) txn->SetSuccessor(t.table_id, old_positions[next_old++], pos);
    }
    if (written != nullptr) {
      for (DataChunk& rows : new_rows) written->push_back(std::move(rows));
    }
    new_rows.clear();
    old_positions.clear();
    return Status::OK();
  };
  return TakeTargetRows(*update.plan, ctx, txn, t.table_id, ncols, take, write);
}

Result<uint64_t> ExecuteDelete(const BoundStatement& del, const ExecContext& ctx,
                               Transaction* txn, std::vector<DataChunk>* written) {
  const TableSchema& t = *del.table;
  // The plan yields the row id last, after the row's columns when they are wanted.
  const size_t pos_column = del.plan->types.size() - 1;
  std::vector<LogicalType> types = t.ColumnTypes();
  auto take = [&](const DataChunk& c, size_t r, uint64_t) {
    if (written == nullptr) return;
    if (written->empty() || written->back().size() == kVectorSize) written->emplace_back(types);
    DataChunk& out = written->back();
    for (size_t col = 0; col < types.size(); ++col) out.column(col).AppendFrom(c.column(col), r);
    out.SetSize(out.column(0).size());
  };
  return TakeTargetRows(*del.plan, ctx, txn, t.table_id, pos_column, take,
                        [] { return Status::OK(); });
}

}  // namespace omendb::sql
