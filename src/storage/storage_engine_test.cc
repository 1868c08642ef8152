#include "storage/storage_engine.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace omendb {
namespace {

class StorageEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("omendb_storage_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<StorageEngine> Open() {
    auto e = StorageEngine::Open(dir_.string());
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? std::move(e).value() : nullptr;
  }

  static TableSchema Schema(const std::string& name) {
    TableSchema s;
    s.name = name;
    s.columns = {{"id", TypeId::kInteger, true}, {"x", TypeId::kDouble, false}};
    s.primary_key = {0};
    return s;
  }
  static DataChunk Rows(int from, int to) {
    DataChunk c({TypeId::kInteger, TypeId::kDouble});
    for (int i = from; i < to; ++i) c.AppendRow({Value::Integer(i), Value::Double(i * 0.5)});
    return c;
  }
  uint64_t RowCount(StorageEngine& e, const std::string& table) {
    const TableSchema* t = e.catalog().FindTable(table);
    return t ? e.GetTableData(t->table_id)->row_count() : 0;
  }

  std::filesystem::path dir_;
};

TEST_F(StorageEngineTest, CommittedStateSurvivesReopen) {
  {
    auto e = Open();
    auto tx = e->BeginWrite();
    auto t = tx->CreateTable(Schema("a"));
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(tx->Insert((*t)->table_id, Rows(0, 5000)).ok());
    ASSERT_TRUE(tx->Commit().ok());
    auto tx2 = e->BeginWrite();
    ASSERT_TRUE(tx2->CreateTable(Schema("b")).ok());
    ASSERT_TRUE(tx2->Commit().ok());
    auto tx3 = e->BeginWrite();
    ASSERT_TRUE(tx3->DropTable("b").ok());
    ASSERT_TRUE(tx3->Commit().ok());
  }
  auto e = Open();
  EXPECT_EQ(RowCount(*e, "a"), 5000u);
  EXPECT_EQ(e->catalog().FindTable("b"), nullptr);
  // The replayed primary key still rejects duplicates; ids are not reused.
  const TableSchema* a = e->catalog().FindTable("a");
  EXPECT_EQ(e->GetTableData(a->table_id)->CheckUnique(Rows(4999, 5000)).sqlstate(), "23505");
  auto tx = e->BeginWrite();
  EXPECT_EQ((*tx->CreateTable(Schema("c")))->table_id, 3u);
}

TEST_F(StorageEngineTest, RollbackUndoesEverything) {
  auto e = Open();
  {
    auto tx = e->BeginWrite();
    auto t = tx->CreateTable(Schema("a"));
    ASSERT_TRUE(tx->Insert((*t)->table_id, Rows(0, 10)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  {
    auto tx = e->BeginWrite();
    const TableSchema* a = e->catalog().FindTable("a");
    ASSERT_TRUE(tx->Insert(a->table_id, Rows(10, 20)).ok());
    EXPECT_EQ(tx->Insert(a->table_id, Rows(5, 6)).sqlstate(), "23505");
    ASSERT_TRUE(tx->DropTable("a").ok());
    ASSERT_TRUE(tx->CreateTable(Schema("z")).ok());
    tx->Rollback();
  }
  EXPECT_EQ(RowCount(*e, "a"), 10u);
  EXPECT_EQ(e->catalog().FindTable("z"), nullptr);
  e.reset();
  e = Open();
  EXPECT_EQ(RowCount(*e, "a"), 10u);
}

TEST_F(StorageEngineTest, TornTailIsCutAndLogContinues) {
  {
    auto e = Open();
    auto tx = e->BeginWrite();
    ASSERT_TRUE(tx->CreateTable(Schema("a")).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  {
    std::ofstream f(dir_ / "wal.log", std::ios::app | std::ios::binary);
    f << "\x10\x20\x30 half a record";
  }
  {
    auto e = Open();
    ASSERT_NE(e->catalog().FindTable("a"), nullptr);
    auto tx = e->BeginWrite();
    ASSERT_TRUE(tx->CreateTable(Schema("b")).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto e = Open();
  EXPECT_NE(e->catalog().FindTable("b"), nullptr);
}

TEST_F(StorageEngineTest, MidLogCorruptionRefusesToOpen) {
  {
    auto e = Open();
    for (const char* n : {"a", "b"}) {
      auto tx = e->BeginWrite();
      ASSERT_TRUE(tx->CreateTable(Schema(n)).ok());
      ASSERT_TRUE(tx->Commit().ok());
    }
  }
  {
    std::fstream f(dir_ / "wal.log", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(20);
    f.put('\xff');
  }
  auto e = StorageEngine::Open(dir_.string());
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().sqlstate(), "XX001");
  EXPECT_NE(e.status().message().find("wal.log\" is corrupt at offset 0"), std::string::npos);
}

TEST_F(StorageEngineTest, SecondOpenOfSameDirectoryIsRefused) {
  auto e = Open();
  auto e2 = StorageEngine::Open(dir_.string());
  ASSERT_FALSE(e2.ok());
  EXPECT_EQ(e2.status().sqlstate(), "55006");
}

}  // namespace
}  // namespace omendb
