#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "omendb/omendb.h"

namespace omendb {
namespace {

class EmbeddedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("omendb_embedded_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    db_ = DB::Open(dir_.string());
    ASSERT_NE(db_, nullptr);
    conn_ = db_->Connect();
  }
  void TearDown() override {
    conn_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<DB> db_;
  std::unique_ptr<Connection> conn_;
};

TEST_F(EmbeddedTest, EndToEnd) {
  auto r = conn_->Query(
      "CREATE TABLE t (id integer PRIMARY KEY, name text, score double precision);"
      "INSERT INTO t VALUES (2, 'b', 1.5), (1, 'a', NULL), (3, NULL, -0.25);"
      "SELECT id, name, score * 2 AS s FROM t WHERE id >= 2 OR score IS NULL ORDER BY id DESC");
  ASSERT_TRUE(r.ok()) << r.error->message;
  ASSERT_EQ(r.statements.size(), 3u);
  EXPECT_EQ(r.statements[0].command_tag, "CREATE TABLE");
  EXPECT_EQ(r.statements[1].command_tag, "INSERT 0 3");
  const StatementResult& s = r.statements[2];
  EXPECT_EQ(s.command_tag, "SELECT 3");
  ASSERT_EQ(s.columns.size(), 3u);
  EXPECT_EQ(s.columns[2].name, "s");
  EXPECT_EQ(s.columns[2].type_oid, 701u);
  ASSERT_EQ(s.rows.size(), 3u);
  EXPECT_EQ(s.rows[0][0], "3");
  EXPECT_EQ(s.rows[0][1], std::nullopt);
  EXPECT_EQ(s.rows[0][2], "-0.5");
  EXPECT_EQ(s.rows[2][0], "1");
  EXPECT_EQ(s.rows[2][2], std::nullopt);
}

TEST_F(EmbeddedTest, ErrorUndoesWholeQueryString) {
  ASSERT_TRUE(conn_->Query("CREATE TABLE t (id int PRIMARY KEY)").ok());
  auto r = conn_->Query("INSERT INTO t VALUES (1); INSERT INTO t VALUES (1)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->sqlstate, "23505");
  EXPECT_EQ(r.error->detail, "Key (id)=(1) already exists.");
  auto count = conn_->Query("SELECT id FROM t");
  EXPECT_TRUE(count.statements[0].rows.empty());
}

TEST_F(EmbeddedTest, DataSurvivesReopen) {
  ASSERT_TRUE(conn_->Query("CREATE TABLE t (id bigint PRIMARY KEY, ok boolean NOT NULL);"
                           "INSERT INTO t VALUES (10, true), (20, false)").ok());
  conn_.reset();
  db_.reset();
  db_ = DB::Open(dir_.string());
  ASSERT_NE(db_, nullptr);
  conn_ = db_->Connect();
  auto r = conn_->Query("SELECT ok FROM t WHERE id = 20");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.statements[0].rows.size(), 1u);
  EXPECT_EQ(r.statements[0].rows[0][0], "f");
}

TEST_F(EmbeddedTest, Parameters) {
  ASSERT_TRUE(conn_->Query("CREATE TABLE t (id bigint PRIMARY KEY, name text)").ok());
  auto r = conn_->Query("INSERT INTO t VALUES ($1, $2), ($3, $4)",
                        {"1", "it's", "2", std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error->message;
  EXPECT_EQ(r.statements[0].command_tag, "INSERT 0 2");
  r = conn_->Query("SELECT id, name FROM t WHERE id = $1", {"1"});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.statements[0].columns.size(), 2u);
  EXPECT_EQ(r.statements[0].columns[0].type_oid, 20u);
  ASSERT_EQ(r.statements[0].rows.size(), 1u);
  EXPECT_EQ(r.statements[0].rows[0][1], "it's");  // a value, never spliced into the text
  ASSERT_FALSE(conn_->Prepare("q", "SELECT name IS NULL FROM t WHERE id = $1").has_value());
  r = conn_->ExecutePrepared("q", {"2"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.statements[0].rows[0][0], "t");
  r = conn_->ExecutePrepared("q", {"x"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->sqlstate, "22P02");
  EXPECT_EQ(conn_->Prepare("q", "SELECT 1")->sqlstate, "42P05");
  conn_->Deallocate("q");
  EXPECT_EQ(conn_->ExecutePrepared("q", {}).error->sqlstate, "26000");
  // Each call outside a block is its own transaction; a failed one leaves nothing.
  r = conn_->Query("INSERT INTO t VALUES ($1, 'x')", {"1"});
  EXPECT_EQ(r.error->sqlstate, "23505");
  EXPECT_EQ(conn_->Query("SELECT count(*) FROM t").statements[0].rows[0][0], "2");
}

}  // namespace
}  // namespace omendb
