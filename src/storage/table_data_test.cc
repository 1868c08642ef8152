#include "storage/table_data.h"

#include <gtest/gtest.h>

#include "storage/segment/segment.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

namespace omendb {
namespace {

TableSchema KeyValue() {
  TableSchema s;
  s.table_id = 1;
  s.name = "kv";
  s.columns = {{"k", TypeId::kBigInt, true}, {"v", TypeId::kText, false}};
  s.primary_key = {0};
  return s;
}

DataChunk Rows(const std::vector<int64_t>& keys) {
  DataChunk c({TypeId::kBigInt, TypeId::kText});
  for (int64_t k : keys) c.AppendRow({Value::BigInt(k), Value::Text("v" + std::to_string(k))});
  return c;
}

// A transaction of the tests: begins in `txns`, commits by stamping its versions.
struct Txn {
  TransactionManager* txns;
  uint64_t id;
  std::vector<std::pair<TableData*, uint64_t>> inserted, deleted;
  explicit Txn(TransactionManager* m) : txns(m), id(m->Begin()) {}
  Snapshot snapshot() const { return txns->TakeSnapshot(id); }
  Status Insert(TableData* t, const DataChunk& rows) {
    std::vector<uint64_t> pos;
    Status s = t->Insert(rows, id, nullptr, &pos);
    for (uint64_t p : pos) inserted.emplace_back(t, p);
    return s;
  }
  Result<LockOutcome> Lock(TableData* t, uint64_t pos,
                           IsolationLevel iso = IsolationLevel::kReadCommitted) {
    Result<LockOutcome> o = t->Lock(pos, snapshot(), iso);
    if (o.ok() && o->kind == LockOutcome::kLocked) deleted.emplace_back(t, pos);
    return o;
  }
  void Commit() {
    Timestamp ts = txns->NextCommitTs();
    for (auto [t, p] : inserted) t->CommitInserts(p, 1, ts);
    for (auto [t, p] : deleted) t->CommitDelete(p, ts);
    txns->Publish(ts);
    txns->Finish(id);
  }
  void Abort() {
    for (auto [t, p] : inserted) t->AbortInserts(p, 1);
    for (auto [t, p] : deleted) t->AbortDelete(p);
    txns->Finish(id);
  }
};

std::vector<int64_t> Keys(const TableData& t, const ScanSpec& spec) {
  auto scan = t.Scan(spec);
  std::vector<int64_t> out;
  DataChunk chunk({TypeId::kBigInt});
  for (;;) {
    auto more = scan->Next(&chunk);
    EXPECT_TRUE(more.ok());
    if (!*more) break;
    for (size_t r = 0; r < chunk.size(); ++r) out.push_back(chunk.GetValue(0, r).GetInt());
  }
  return out;
}

ScanSpec Range(const Snapshot& snap, std::optional<int64_t> lo, bool lo_inc,
               std::optional<int64_t> hi, bool hi_inc) {
  ScanSpec s;
  s.snapshot = snap;
  s.column_ids = {0};
  s.use_key_range = true;
  if (lo) s.lower = {{Value::BigInt(*lo)}, lo_inc};
  if (hi) s.upper = {{Value::BigInt(*hi)}, hi_inc};
  return s;
}

ScanSpec Full(const Snapshot& snap) {
  ScanSpec s;
  s.snapshot = snap;
  s.column_ids = {0};
  return s;
}

// The position of the version of `key` that `snap` sees.
uint64_t PosOf(const TableData& t, int64_t key, const Snapshot& snap) {
  return t.FindVisible({Value::BigInt(key)}, snap);
}

TEST(TableDataTest, UniqueViolations) {
  TransactionManager m;
  TableData t(KeyValue(), &m);
  Txn a(&m);
  ASSERT_TRUE(a.Insert(&t, Rows({1, 2})).ok());
  a.Commit();
  Txn b(&m);
  Status s = b.Insert(&t, Rows({3, 2}));
  EXPECT_EQ(s.sqlstate(), "23505");
  EXPECT_EQ(s.message(), "duplicate key value violates unique constraint \"kv_pkey\"");
  EXPECT_EQ(s.detail(), "Key (k)=(2) already exists.");
  EXPECT_EQ(t.delta_versions(), 2u);  // nothing of the failed batch was appended
  EXPECT_EQ(b.Insert(&t, Rows({5, 5})).detail(), "Key (k)=(5) already exists.");
  ASSERT_TRUE(b.Insert(&t, Rows({7})).ok());
  EXPECT_EQ(b.Insert(&t, Rows({7})).sqlstate(), "23505");  // its own uncommitted row
  // A key deleted by the same transaction may be inserted again.
  ASSERT_EQ(b.Lock(&t, PosOf(t, 1, b.snapshot()))->kind, LockOutcome::kLocked);
  EXPECT_TRUE(b.Insert(&t, Rows({1})).ok());
  b.Abort();
}

TEST(TableDataTest, RangeScansAcrossChunks) {
  TransactionManager m;
  TableData t(KeyValue(), &m);
  std::vector<int64_t> keys;
  for (int64_t k = 10000; k > 0; k -= 2) keys.push_back(k);  // inserted in descending order
  Txn a(&m);
  ASSERT_TRUE(a.Insert(&t, Rows(keys)).ok());
  a.Commit();
  Snapshot s = m.TakeSnapshot(0);
  EXPECT_EQ(t.delta_versions(), 5000u);
  EXPECT_EQ(Keys(t, Range(s, 4, true, 10, true)), (std::vector<int64_t>{4, 6, 8, 10}));
  EXPECT_EQ(Keys(t, Range(s, 4, false, 10, false)), (std::vector<int64_t>{6, 8}));
  EXPECT_EQ(Keys(t, Range(s, 5, true, 9, true)), (std::vector<int64_t>{6, 8}));
  EXPECT_EQ(Keys(t, Range(s, 9996, false, std::nullopt, true)), (std::vector<int64_t>{9998, 10000}));
  EXPECT_EQ(Keys(t, Range(s, std::nullopt, true, 3, true)), (std::vector<int64_t>{2}));
  EXPECT_TRUE(Keys(t, Range(s, 10, true, 4, true)).empty());
  EXPECT_TRUE(Keys(t, Range(s, 6, false, 6, true)).empty());
  EXPECT_TRUE(Keys(t, Range(s, 20000, true, std::nullopt, true)).empty());
  EXPECT_EQ(Keys(t, Range(s, std::nullopt, true, std::nullopt, true)).size(), 5000u);
  ScanSpec limited = Range(s, 100, true, std::nullopt, true);
  limited.limit = 3;
  EXPECT_EQ(Keys(t, limited), (std::vector<int64_t>{100, 102, 104}));
  ScanSpec down = Range(s, 4, true, 10, false);
  down.descending = true;
  EXPECT_EQ(Keys(t, down), (std::vector<int64_t>{8, 6, 4}));
  down = Range(s, std::nullopt, true, std::nullopt, true);
  down.descending = true;
  down.limit = 2;
  EXPECT_EQ(Keys(t, down), (std::vector<int64_t>{10000, 9998}));
  ScanSpec full = Full(s);
  full.limit = 2049;
  EXPECT_EQ(Keys(t, full).size(), 2049u);
  // A position list is filtered by visibility and by the key range.
  std::vector<uint64_t> positions = {PosOf(t, 8, s), PosOf(t, 4, s), PosOf(t, 5000, s), 99999};
  ScanSpec listed = Range(s, 4, true, 10, true);
  listed.positions = &positions;
  EXPECT_EQ(Keys(t, listed), (std::vector<int64_t>{8, 4}));
}

// A key scan releases the delta latch between batches; writers that add index entries
// meanwhile (moving the B-tree's entries around) must not make it skip or repeat a row.
TEST(TableDataTest, KeyScansResumeByKeyWhileWritersAddEntries) {
  TransactionManager m;
  TableData t(KeyValue(), &m);
  std::vector<int64_t> main_keys, delta_keys;
  for (int64_t k = 0; k < 20000; k += 4) main_keys.push_back(k);
  for (int64_t k = 2; k < 20000; k += 4) delta_keys.push_back(k);
  Txn load(&m);
  ASSERT_TRUE(load.Insert(&t, Rows(main_keys)).ok());
  load.Commit();
  ASSERT_TRUE(t.Merge(/*segment_rows=*/1500).ok());
  Txn more(&m);
  ASSERT_TRUE(more.Insert(&t, Rows(delta_keys)).ok());
  more.Commit();
  const Snapshot s = m.TakeSnapshot(0);
  int64_t next_odd = 1;
  for (bool desc : {false, true}) {
    ScanSpec spec = Range(s, 1000, true, 18000, false);
    spec.descending = desc;
    std::vector<int64_t> expected;
    for (int64_t k = 1000; k < 18000; k += 2) expected.push_back(k);
    if (desc) std::reverse(expected.begin(), expected.end());
    auto scan = t.Scan(spec);
    std::vector<int64_t> got;
    DataChunk chunk({TypeId::kBigInt});
    for (;;) {
      auto next = scan->Next(&chunk);
      ASSERT_TRUE(next.ok());
      if (!*next) break;
      for (size_t r = 0; r < chunk.size(); ++r) got.push_back(chunk.GetValue(0, r).GetInt());
      // Odd keys all over the range, committed after the scan's snapshot: invisible to it.
      Txn w(&m);
      std::vector<int64_t> odd;
      for (int i = 0; i < 400; ++i, next_odd += 2) odd.push_back(next_odd % 20000);
      ASSERT_TRUE(w.Insert(&t, Rows(odd)).ok());
      w.Commit();
    }
    EXPECT_EQ(got, expected) << (desc ? "descending" : "ascending");
  }
  EXPECT_GT(next_odd, 4000);  // writers ran between batches
}

TEST(TableDataTest, SnapshotsSeeCommittedVersionsOnly) {
  TransactionManager m;
  TableData t(KeyValue(), &m);
  Txn a(&m);
  ASSERT_TRUE(a.Insert(&t, Rows({1, 2, 3})).ok());
  Snapshot before = m.TakeSnapshot(0);
  EXPECT_TRUE(Keys(t, Full(before)).empty());
  EXPECT_EQ(Keys(t, Full(a.snapshot())), (std::vector<int64_t>{1, 2, 3}));  // its own rows
  a.Commit();
  EXPECT_TRUE(Keys(t, Full(before)).empty());  // an old snapshot stays as it was
  Snapshot after = m.TakeSnapshot(0);
  EXPECT_EQ(Keys(t, Full(after)), (std::vector<int64_t>{1, 2, 3}));

  // An update: the old version is deleted, a new one inserted and linked as its successor.
  Txn b(&m);
  uint64_t old_pos = PosOf(t, 2, b.snapshot());
  ASSERT_EQ(b.Lock(&t, old_pos)->kind, LockOutcome::kLocked);
  DataChunk updated({TypeId::kBigInt, TypeId::kText});
  updated.AppendRow({Value::BigInt(2), Value::Text("new")});
  ASSERT_TRUE(b.Insert(&t, updated).ok());
  t.SetSuccessor(old_pos, b.inserted.back().second);
  EXPECT_EQ(b.Lock(&t, old_pos)->kind, LockOutcome::kSelfDeleted);
  b.Commit();
  Snapshot later = m.TakeSnapshot(0);
  EXPECT_EQ(Keys(t, Range(later, 2, true, 2, true)), (std::vector<int64_t>{2}));
  EXPECT_EQ(Keys(t, Full(after)), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(Keys(t, Full(later)), (std::vector<int64_t>{1, 3, 2}));  // storage order

  // A re-check reads listed versions whose creation it sees even when they were deleted since
  // (Lock then reports the update), but never ones created after its snapshot.
  std::vector<uint64_t> listed_positions = {old_pos, PosOf(t, 2, later)};
  ScanSpec recheck = Full(after);
  recheck.positions = &listed_positions;
  EXPECT_EQ(Keys(t, recheck), (std::vector<int64_t>{2}));
  recheck.snapshot = later;
  EXPECT_EQ(Keys(t, recheck), (std::vector<int64_t>{2, 2}));
  // READ COMMITTED: a transaction whose snapshot saw the old version is led to the new one.
  Txn c(&m);
  auto o = t.Lock(old_pos, after, IsolationLevel::kReadCommitted);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->kind, LockOutcome::kUpdated);
  EXPECT_EQ(o->successor, PosOf(t, 2, later));
  // REPEATABLE READ: the same conflict is a serialization failure.
  auto rr = t.Lock(old_pos, Snapshot{after.read_ts, c.id}, IsolationLevel::kRepeatableRead);
  EXPECT_EQ(rr.status().sqlstate(), "40001");
  EXPECT_EQ(rr.status().message(), "could not serialize access due to concurrent update");
  c.Abort();

  // Aborted work disappears: inserts are never seen, deletes are undone.
  Txn d(&m);
  ASSERT_TRUE(d.Insert(&t, Rows({9})).ok());
  ASSERT_EQ(d.Lock(&t, PosOf(t, 1, d.snapshot()))->kind, LockOutcome::kLocked);
  d.Abort();
  EXPECT_EQ(Keys(t, Full(m.TakeSnapshot(0))), (std::vector<int64_t>{1, 3, 2}));
}

TEST(TableDataTest, WritersWaitForTheRowsOwnerAndDetectDeadlocks) {
  TransactionManager m;
  TableData t(KeyValue(), &m);
  Txn load(&m);
  ASSERT_TRUE(load.Insert(&t, Rows({1, 2})).ok());
  load.Commit();
  Snapshot s = m.TakeSnapshot(0);
  uint64_t p1 = PosOf(t, 1, s), p2 = PosOf(t, 2, s);

  // b waits for a's lock on row 1; a's commit of a delete hands b "deleted" (no successor).
  Txn a(&m), b(&m);
  ASSERT_EQ(a.Lock(&t, p1)->kind, LockOutcome::kLocked);
  std::atomic<bool> done{false};
  std::optional<Result<LockOutcome>> waited;
  std::thread waiter([&] {
    waited.emplace(b.Lock(&t, p1));
    done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(done.load());
  a.Commit();
  waiter.join();
  ASSERT_TRUE(waited->ok());
  EXPECT_EQ((*waited)->kind, LockOutcome::kUpdated);
  EXPECT_EQ((*waited)->successor, kNoPosition);

  // c holds row 2 and waits for d's insert of key 3; d then waits for row 2: deadlock.
  Txn c(&m), d(&m);
  ASSERT_EQ(c.Lock(&t, p2)->kind, LockOutcome::kLocked);
  ASSERT_TRUE(d.Insert(&t, Rows({3})).ok());
  Status c_insert;
  std::thread c_thread([&] { c_insert = c.Insert(&t, Rows({3})); });
  while (!m.WaitsFor(c.id, d.id)) std::this_thread::yield();
  auto cycle = d.Lock(&t, p2);
  EXPECT_EQ(cycle.status().sqlstate(), "40P01");
  d.Abort();  // the victim rolls back; c's insert of key 3 goes ahead
  c_thread.join();
  EXPECT_TRUE(c_insert.ok()) << c_insert.ToString();
  c.Commit();
  b.Abort();
  EXPECT_EQ(Keys(t, Full(m.TakeSnapshot(0))), (std::vector<int64_t>{3}));
}

TEST(TableDataTest, TablesWithoutPrimaryKeyUseHiddenRowIds) {
  TransactionManager m;
  TableSchema schema = KeyValue();
  schema.primary_key.clear();
  TableData t(schema, &m);
  EXPECT_TRUE(t.has_hidden_key());
  Txn a(&m);
  ASSERT_TRUE(a.Insert(&t, Rows({5, 5, 6})).ok());  // duplicates are fine
  a.Commit();
  EXPECT_EQ(t.HiddenId(0), 1u);
  EXPECT_EQ(t.HiddenId(2), 3u);
  EXPECT_EQ(t.StorageKey(1), std::vector<Value>{Value::BigInt(2)});
  Snapshot s = m.TakeSnapshot(0);
  EXPECT_EQ(t.FindVisible({Value::BigInt(3)}, s), 2u);
  EXPECT_EQ(Keys(t, Full(s)), (std::vector<int64_t>{5, 5, 6}));
  // Replay assigns logged ids; new ids continue after the largest.
  Txn b(&m);
  std::vector<uint64_t> pos;
  uint64_t ids[] = {10};
  ASSERT_TRUE(t.Insert(Rows({7}), b.id, ids, &pos).ok());
  EXPECT_EQ(t.HiddenId(pos[0]), 10u);
  ASSERT_TRUE(b.Insert(&t, Rows({8})).ok());
  EXPECT_EQ(t.HiddenId(b.inserted.back().second), 11u);
  b.Abort();
}

// (key, value text) of every row a snapshot sees, through a full scan and through a key-range
// scan (which must agree, in key order).
std::map<int64_t, std::string> Contents(const TableData& t, const Snapshot& snap) {
  std::map<int64_t, std::string> out;
  for (bool by_key : {false, true}) {
    ScanSpec spec = by_key ? Range(snap, std::nullopt, true, std::nullopt, true) : Full(snap);
    spec.column_ids = {0, 1};
    auto scan = t.Scan(spec);
    DataChunk chunk({TypeId::kBigInt, TypeId::kText});
    std::map<int64_t, std::string> got;
    int64_t last = INT64_MIN;
    for (;;) {
      auto more = scan->Next(&chunk);
      EXPECT_TRUE(more.ok());
      if (!*more) break;
      for (size_t r = 0; r < chunk.size(); ++r) {
        int64_t k = chunk.GetValue(0, r).GetInt();
        if (by_key) {
          EXPECT_GT(k, last);
          last = k;
        }
        EXPECT_TRUE(got.emplace(k, chunk.GetValue(1, r).GetString()).second) << "duplicate " << k;
      }
    }
    if (by_key) {
      EXPECT_EQ(got, out);
    } else {
      out = std::move(got);
    }
  }
  return out;
}

DataChunk Row(int64_t k, const std::string& v) {
  DataChunk c({TypeId::kBigInt, TypeId::kText});
  c.AppendRow({Value::BigInt(k), Value::Text(v)});
  return c;
}

// Updates key k to value v in txn (lock the visible version, insert the new one, link them).
void Update(Txn* txn, TableData* t, int64_t k, const std::string& v) {
  uint64_t pos = PosOf(*t, k, txn->snapshot());
  ASSERT_NE(pos, kNoPosition) << k;
  ASSERT_EQ(txn->Lock(t, pos)->kind, LockOutcome::kLocked) << k;
  ASSERT_TRUE(txn->Insert(t, Row(k, v)).ok());
  t->SetSuccessor(pos, txn->inserted.back().second);
}

TEST(TableDataTest, MergeMovesLiveVersionsToLearnedIndexedSegments) {
  TransactionManager m;
  TableData t(KeyValue(), &m);
  std::map<int64_t, std::string> model;
  {
    Txn load(&m);
    std::vector<int64_t> keys;
    for (int64_t k = 0; k < 10000; ++k) keys.push_back(k * 2);
    ASSERT_TRUE(load.Insert(&t, Rows(keys)).ok());
    load.Commit();
    for (int64_t k : keys) model[k] = "v" + std::to_string(k);
  }
  {
    Txn w(&m);  // updates, deletes and an aborted transaction before the first merge
    Update(&w, &t, 10, "ten");
    model[10] = "ten";
    ASSERT_EQ(w.Lock(&t, PosOf(t, 12, w.snapshot()))->kind, LockOutcome::kLocked);
    model.erase(12);
    w.Commit();
    Txn gone(&m);
    ASSERT_TRUE(gone.Insert(&t, Rows({13})).ok());
    gone.Abort();
  }
  auto first = t.Merge(/*segment_rows=*/3000);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->merged);
  EXPECT_EQ(first->main_rows, 9999u);
  EXPECT_EQ(first->segments, 4u);
  EXPECT_EQ(first->delta_versions, 0u);
  EXPECT_EQ(first->dropped_versions, 3u);  // 10's old version, 12, and the aborted 13
  EXPECT_EQ(t.main_rows(), 9999u);
  EXPECT_EQ(t.delta_versions(), 0u);
  Timestamp w0;
  auto segs = t.MainSegments(&w0);
  ASSERT_EQ(segs.size(), 4u);
  EXPECT_TRUE(segs[0]->has_learned_index());
  EXPECT_EQ(Contents(t, m.TakeSnapshot(0)), model);

  // A reader whose snapshot predates later writes keeps seeing its versions across a merge.
  Txn reader(&m);
  Snapshot old_snap = reader.snapshot();
  std::map<int64_t, std::string> old_model = model;
  {
    Txn w(&m);
    Update(&w, &t, 0, "zero");  // a main row
    ASSERT_EQ(w.Lock(&t, PosOf(t, 4, w.snapshot()))->kind, LockOutcome::kLocked);
    ASSERT_TRUE(w.Insert(&t, Rows({5, 100001})).ok());
    EXPECT_EQ(w.Insert(&t, Rows({6})).sqlstate(), "23505");  // taken by a main row
    w.Commit();
    model[0] = "zero";
    model.erase(4);
    model[5] = "v5";
    model[100001] = "v100001";
  }
  EXPECT_EQ(Contents(t, m.TakeSnapshot(0)), model);
  auto second = t.Merge(3000);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->merged);
  EXPECT_EQ(second->watermark, old_snap.read_ts);
  EXPECT_EQ(second->delta_versions, 3u);  // "zero", 5 and 100001 are newer than the reader
  EXPECT_EQ(Contents(t, old_snap), old_model);
  EXPECT_EQ(Contents(t, m.TakeSnapshot(0)), model);
  // Update chains survive the merge: a READ COMMITTED writer that saw key 0's old version is
  // led to the new one.
  {
    Txn late(&m);
    uint64_t old_version = t.FindVisible({Value::BigInt(0)}, old_snap);
    auto chained = t.Lock(old_version, Snapshot{old_snap.read_ts, late.id},
                          IsolationLevel::kReadCommitted);
    ASSERT_TRUE(chained.ok());
    EXPECT_EQ(chained->kind, LockOutcome::kUpdated);
    EXPECT_EQ(chained->successor, PosOf(t, 0, m.TakeSnapshot(0)));
    late.Abort();
  }
  // Point and IN lookups reach main rows and delta versions alike.
  EXPECT_EQ(Keys(t, Range(m.TakeSnapshot(0), 4, true, 6, true)), (std::vector<int64_t>{5, 6}));
  ScanSpec points = Full(m.TakeSnapshot(0));
  points.use_key_points = true;
  points.key_points = {{Value::BigInt(0)}, {Value::BigInt(3)}, {Value::BigInt(100001)}};
  EXPECT_EQ(Keys(t, points), (std::vector<int64_t>{0, 100001}));
  points.descending = true;
  EXPECT_EQ(Keys(t, points), (std::vector<int64_t>{100001, 0}));
  // Descending and ascending key scans over main rows and delta versions agree.
  {
    ScanSpec up = Range(m.TakeSnapshot(0), 0, true, 20, true), down = up;
    down.descending = true;
    std::vector<int64_t> asc = Keys(t, up), desc = Keys(t, down);
    std::reverse(desc.begin(), desc.end());
    EXPECT_EQ(asc, desc);
    EXPECT_EQ(asc, (std::vector<int64_t>{0, 2, 5, 6, 8, 10, 14, 16, 18, 20}));
  }
  reader.Abort();
  auto third = t.Merge(3000);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->delta_versions, 0u);
  EXPECT_EQ(Contents(t, m.TakeSnapshot(0)), model);

  // Conflicts on main rows follow the same rules as on delta versions.
  Snapshot before = m.TakeSnapshot(0);
  uint64_t main_pos = PosOf(t, 8, before);
  Txn a(&m);
  Update(&a, &t, 8, "eight");
  a.Commit();
  Txn rr(&m);
  auto conflict = t.Lock(main_pos, Snapshot{before.read_ts, rr.id}, IsolationLevel::kRepeatableRead);
  EXPECT_EQ(conflict.status().sqlstate(), "40001");
  auto rc = t.Lock(main_pos, Snapshot{before.read_ts, rr.id}, IsolationLevel::kReadCommitted);
  ASSERT_TRUE(rc.ok());
  EXPECT_EQ(rc->kind, LockOutcome::kUpdated);
  EXPECT_EQ(rc->successor, PosOf(t, 8, m.TakeSnapshot(0)));
  rr.Abort();
}

TEST(TableDataTest, FullScansOfMainRowsFollowDeletesWhileSomeRowIsStamped) {
  // A main store without a stamped row is read in whole runs; once a row is locked or
  // deleted, each row's end stamp decides again, and after an abort the runs are whole again.
  TransactionManager m;
  TableData t(KeyValue(), &m);
  std::vector<int64_t> keys;
  for (int64_t k = 0; k < 5000; ++k) keys.push_back(k);
  {
    Txn load(&m);
    ASSERT_TRUE(load.Insert(&t, Rows(keys)).ok());
    load.Commit();
  }
  ASSERT_TRUE(t.Merge(/*segment_rows=*/2000).ok());
  ASSERT_EQ(t.delta_versions(), 0u);
  EXPECT_EQ(Keys(t, Full(m.TakeSnapshot(0))), keys);

  Txn del(&m);
  ASSERT_EQ(del.Lock(&t, PosOf(t, 2500, del.snapshot()))->kind, LockOutcome::kLocked);
  std::vector<int64_t> without = keys;
  without.erase(without.begin() + 2500);
  EXPECT_EQ(Keys(t, Full(m.TakeSnapshot(0))), keys);   // not committed: others still see it
  EXPECT_EQ(Keys(t, Full(del.snapshot())), without);  // its own transaction does not
  del.Abort();
  EXPECT_EQ(Keys(t, Full(m.TakeSnapshot(0))), keys);

  Snapshot before = m.TakeSnapshot(0);
  Txn gone(&m);
  ASSERT_EQ(gone.Lock(&t, PosOf(t, 2500, gone.snapshot()))->kind, LockOutcome::kLocked);
  gone.Commit();
  EXPECT_EQ(Keys(t, Full(m.TakeSnapshot(0))), without);
  EXPECT_EQ(Keys(t, Full(before)), keys);  // a snapshot from before the delete
}

TEST(TableDataTest, StatisticsComeFromZoneMaps) {
  TransactionManager m;
  TableData t(KeyValue(), &m);
  Txn a(&m);
  DataChunk rows({TypeId::kBigInt, TypeId::kText});
  for (int64_t k = 1; k <= 5000; ++k) {
    rows.AppendRow({Value::BigInt(k), k % 10 == 0 ? Value::Null(TypeId::kText)
                                                   : Value::Text("t" + std::to_string(k % 7))});
    if (rows.size() == kVectorSize) {
      ASSERT_TRUE(a.Insert(&t, rows).ok());
      rows = DataChunk({TypeId::kBigInt, TypeId::kText});
    }
  }
  ASSERT_TRUE(a.Insert(&t, rows).ok());
  a.Commit();
  EXPECT_EQ(t.Statistics().rows, 5000u);
  ASSERT_TRUE(t.Merge(2000).ok());
  TableStatistics s = t.Statistics();
  EXPECT_EQ(s.rows, 5000u);
  ASSERT_EQ(s.columns.size(), 2u);
  EXPECT_EQ(s.columns[0].min, Value::BigInt(1));
  EXPECT_EQ(s.columns[0].max, Value::BigInt(5000));
  EXPECT_EQ(s.columns[0].nulls, 0u);
  EXPECT_EQ(s.columns[1].min, Value::Text("t0"));
  EXPECT_EQ(s.columns[1].max, Value::Text("t6"));
  EXPECT_EQ(s.columns[1].nulls, 500u);
}

TEST(TableDataTest, MergeWaitsForRegisteredWriters) {
  TransactionManager m;
  TableData t(KeyValue(), &m);
  Txn w(&m);
  ASSERT_EQ(t.AddWriter(w.id), 0u);
  ASSERT_TRUE(w.Insert(&t, Rows({1, 2})).ok());
  auto busy = t.Merge(1000, /*drain_timeout_ms=*/20);
  ASSERT_TRUE(busy.ok());
  EXPECT_FALSE(busy->merged);  // the writer did not finish: nothing changed
  EXPECT_EQ(t.delta_versions(), 2u);
  std::thread finish([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    w.Commit();
    t.RemoveWriter(w.id);
  });
  auto merged = t.Merge(1000, /*drain_timeout_ms=*/5000);
  finish.join();
  ASSERT_TRUE(merged.ok());
  EXPECT_TRUE(merged->merged);
  // Committed after the merge began building: still in the delta, folded by the next merge.
  EXPECT_EQ(t.main_rows(), 0u);
  EXPECT_EQ(t.delta_versions(), 2u);
  ASSERT_TRUE(t.Merge(1000).ok());
  EXPECT_EQ(t.main_rows(), 2u);
  EXPECT_EQ(t.delta_versions(), 0u);
}

// Merges build while a writer inserts, updates and deletes (it is held up only while a merge
// carries over what changed and swaps); the table ends exactly as the writer left it.
TEST(TableDataTest, MergesBuildWhileWritersWrite) {
  TransactionManager m;
  TableData t(KeyValue(), &m);
  std::map<int64_t, std::string> model;
  {
    Txn load(&m);
    std::vector<int64_t> keys;
    for (int64_t k = 0; k < 40000; k += 2) keys.push_back(k);
    ASSERT_TRUE(load.Insert(&t, Rows(keys)).ok());
    load.Commit();
    for (int64_t k : keys) model[k] = "v" + std::to_string(k);
  }
  std::mutex model_mu;
  std::atomic<bool> stop{false};
  std::atomic<int> writes{0}, failures{0};
  std::thread writer([&] {
    std::mt19937_64 rng(3);
    while (!stop.load()) {
      Txn w(&m);
      if (t.AddWriter(w.id) != 0) {
        ++failures;
        return;
      }
      const int64_t k = static_cast<int64_t>(rng() % 40000);
      std::map<int64_t, std::string> changes;  // value "" = deleted
      uint64_t pos = PosOf(t, k, w.snapshot());
      if (pos == kNoPosition) {
        if (!w.Insert(&t, Row(k, "new" + std::to_string(k))).ok()) ++failures;
        changes[k] = "new" + std::to_string(k);
      } else if (rng() % 2 == 0) {
        Update(&w, &t, k, "upd" + std::to_string(writes.load()));
        changes[k] = "upd" + std::to_string(writes.load());
      } else {
        auto locked = w.Lock(&t, pos);
        if (!locked.ok() || locked->kind != LockOutcome::kLocked) ++failures;
        changes[k] = "";
      }
      if (rng() % 8 == 0) {
        w.Abort();  // an aborted write changes nothing
      } else {
        std::lock_guard l(model_mu);  // the model changes with the commit
        w.Commit();
        for (const auto& [key, v] : changes) {
          if (v.empty()) {
            model.erase(key);
          } else {
            model[key] = v;
          }
        }
      }
      t.RemoveWriter(w.id);
      ++writes;
    }
  });
  int merges = 0;
  for (int i = 0; i < 6; ++i) {
    auto merged = t.Merge(/*segment_rows=*/7000, /*drain_timeout_ms=*/5000);
    ASSERT_TRUE(merged.ok());
    merges += merged->merged ? 1 : 0;
    // Between merges the table agrees with the writer's committed state.
    std::lock_guard l(model_mu);
    EXPECT_EQ(Contents(t, m.TakeSnapshot(0)), model) << "after merge " << i;
  }
  stop = true;
  writer.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(merges, 6);
  EXPECT_GT(writes.load(), 10);
  ASSERT_TRUE(t.Merge(7000).ok());
  EXPECT_EQ(Contents(t, m.TakeSnapshot(0)), model);
  EXPECT_EQ(t.delta_versions(), 0u);
  EXPECT_EQ(t.main_rows(), model.size());
}

TEST(TableDataTest, HiddenKeyTablesMergeToo) {
  TransactionManager m;
  TableSchema schema = KeyValue();
  schema.primary_key.clear();
  TableData t(schema, &m);
  Txn a(&m);
  std::vector<int64_t> vals(5000, 7);
  ASSERT_TRUE(a.Insert(&t, Rows(vals)).ok());
  a.Commit();
  Txn d(&m);
  ASSERT_EQ(d.Lock(&t, PosOf(t, 1, d.snapshot()))->kind, LockOutcome::kLocked);
  d.Commit();
  auto merged = t.Merge(2000);
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->main_rows, 4999u);
  Timestamp w;
  EXPECT_TRUE(t.MainSegments(&w)[0]->has_learned_index());
  EXPECT_EQ(Keys(t, Full(m.TakeSnapshot(0))).size(), 4999u);
  EXPECT_EQ(t.FindVisible({Value::BigInt(1)}, m.TakeSnapshot(0)), kNoPosition);
  uint64_t p = t.FindVisible({Value::BigInt(4000)}, m.TakeSnapshot(0));
  EXPECT_EQ(t.HiddenId(p), 4000u);
  Txn b(&m);
  std::vector<uint64_t> pos;
  ASSERT_TRUE(b.Insert(&t, Rows({9})).ok());
  EXPECT_EQ(t.HiddenId(b.inserted.back().second), 5001u);
  b.Commit();
}

}  // namespace
}  // namespace omendb
