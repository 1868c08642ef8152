// The extended query protocol's steps on a Session: parameter type inference, binding,
// portals run in parts, transaction boundaries at Sync, errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "session/session.h"

namespace omendb {
namespace {

class Collect final : public ResultSink {
 public:
  Status OnColumns(const std::vector<ResultColumn>& c) override {
    columns_announced = c.size();
    return Status::OK();
  }
  Status OnChunk(const DataChunk& chunk, size_t n) override {
    for (size_t r = 0; r < chunk.size(); ++r) {
      std::string row;
      for (size_t c = 0; c < n; ++c) {
        Value v = chunk.GetValue(c, r);
        row += (c ? "|" : "") + (v.is_null() ? std::string("NULL") : v.ToString());
      }
      rows.push_back(row);
    }
    return Status::OK();
  }
  Status OnComplete(const std::string& tag) override {
    tags.push_back(tag);
    return Status::OK();
  }
  void OnEmptyQuery() override { tags.push_back("<empty>"); }
  std::vector<std::string> rows;
  std::vector<std::string> tags;
  size_t columns_announced = 0;
};

class ExtendedQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("omendb_extended_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto db = Database::Open(dir_.string());
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(db).value();
    session_ = std::make_unique<Session>(db_.get());
    Run("CREATE TABLE t (id integer PRIMARY KEY, name text, score double precision);"
        "INSERT INTO t VALUES (1, 'a', 0.5), (2, 'b', NULL), (3, 'c', 2), (4, NULL, 4),"
        " (5, 'e', 8)");
  }
  void TearDown() override {
    session_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  Collect Run(std::string_view sql, Session* s = nullptr) {
    Collect c;
    Status st = (s ? s : session_.get())->Execute(sql, &c);
    EXPECT_TRUE(st.ok()) << sql << ": " << st.message();
    return c;
  }
  // Parse + Bind (text parameters) + Execute + Sync of the unnamed statement.
  Result<Collect> Query(std::string_view sql, std::vector<Value> params,
                        std::vector<LogicalType> types = {}) {
    Collect c;
    OMEN_RETURN_IF_ERROR(session_->Prepare("", sql, std::move(types)));
    OMEN_RETURN_IF_ERROR(session_->Bind("", "", std::move(params), {}));
    OMEN_RETURN_IF_ERROR(session_->ExecutePortal("", 0, &c).status());
    OMEN_RETURN_IF_ERROR(session_->Sync());
    return c;
  }
  static Value T(const char* s) { return Value::Unknown(s); }

  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Session> session_;
};

TEST_F(ExtendedQueryTest, InfersParameterTypesFromContext) {
  ASSERT_TRUE(session_->Prepare("s", "SELECT name, score FROM t WHERE id = $1 AND name <> $2 "
                                     "AND score < $3 LIMIT $4", {}).ok());
  const PreparedStatement* ps = *session_->GetStatement("s");
  ASSERT_EQ(ps->param_types.size(), 4u);
  EXPECT_EQ(ps->param_types[0].id(), TypeId::kInteger);
  EXPECT_EQ(ps->param_types[1].id(), TypeId::kText);
  EXPECT_EQ(ps->param_types[2].id(), TypeId::kDouble);
  EXPECT_EQ(ps->param_types[3].id(), TypeId::kBigInt);
  ASSERT_TRUE(ps->columns.has_value());
  ASSERT_EQ(ps->columns->size(), 2u);
  EXPECT_EQ((*ps->columns)[1].type.id(), TypeId::kDouble);
  // A parameter alone in the select list is text; a declared type is kept.
  ASSERT_TRUE(session_->Prepare("u", "SELECT $1, $2 + 1", {TypeId::kInvalid, TypeId::kBigInt}).ok());
  ps = *session_->GetStatement("u");
  EXPECT_EQ(ps->param_types[0].id(), TypeId::kText);
  EXPECT_EQ((*ps->columns)[1].type.id(), TypeId::kBigInt);
  // DML returns no rows; its parameters take the columns' types.
  ASSERT_TRUE(session_->Prepare("i", "INSERT INTO t VALUES ($1, $2, $3)", {}).ok());
  ps = *session_->GetStatement("i");
  EXPECT_FALSE(ps->columns.has_value());
  EXPECT_EQ(ps->param_types[2].id(), TypeId::kDouble);
}

TEST_F(ExtendedQueryTest, RunsWithParameterValues) {
  auto r = Query("SELECT id, name FROM t WHERE id >= $1 AND id <= $2 ORDER BY id DESC",
                 {T("2"), T("4")});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows, (std::vector<std::string>{"4|NULL", "3|c", "2|b"}));
  EXPECT_EQ(r->tags, std::vector<std::string>{"SELECT 3"});
  EXPECT_EQ(r->columns_announced, 0u);  // Describe, not Execute, tells the columns
  // Typed values (as a binary Bind delivers them) and NULL.
  r = Query("SELECT count(*) FROM t WHERE name = $1 OR score = $2", {Value(), Value::Double(8)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows, std::vector<std::string>{"1"});
  // Parameters in INSERT, UPDATE, DELETE and LIMIT.
  ASSERT_TRUE(Query("INSERT INTO t VALUES ($1, $2, $3)", {T("6"), T("f"), Value()}).ok());
  r = Query("UPDATE t SET name = $1 WHERE id = $2", {T("six"), T("6")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tags, std::vector<std::string>{"UPDATE 1"});
  r = Query("SELECT name FROM t ORDER BY id DESC LIMIT $1", {T("2")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows, (std::vector<std::string>{"six", "e"}));
  r = Query("DELETE FROM t WHERE id = $1", {Value::Integer(6)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tags, std::vector<std::string>{"DELETE 1"});
  // The same parameter twice.
  r = Query("SELECT id FROM t WHERE id = $1 OR id = $1 + 2 ORDER BY id", {T("1")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows, (std::vector<std::string>{"1", "3"}));
}

TEST_F(ExtendedQueryTest, PrimaryKeyParameterUsesTheLearnedIndex) {
  auto r = Query("EXPLAIN SELECT * FROM t WHERE id = $1", {T("3")});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_FALSE(r->rows.empty());
  EXPECT_NE(r->rows[0].find("Index"), std::string::npos) << r->rows[0];
  r = Query("EXPLAIN SELECT * FROM t WHERE score = $1", {T("3")});
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->rows[0].find("Seq Scan"), std::string::npos) << r->rows[0];
}

TEST_F(ExtendedQueryTest, ParameterErrors) {
  // Simple query: there are no parameters.
  Collect c;
  EXPECT_EQ(session_->Execute("SELECT $1", &c).sqlstate(), "42P02");
  EXPECT_EQ(session_->Prepare("", "SELECT $0", {}).sqlstate(), "42P02");
  // $1 unused: its type cannot be determined.
  EXPECT_EQ(session_->Prepare("", "SELECT $2 + 1", {}).sqlstate(), "42P18");
  EXPECT_EQ(session_->Prepare("", "SELECT 1; SELECT 2", {}).sqlstate(), "42601");
  EXPECT_EQ(session_->Prepare("", "SELECT * FROM nosuch WHERE id = $1", {}).sqlstate(), "42P01");
  ASSERT_TRUE(session_->Prepare("", "SELECT name FROM t WHERE id = $1", {}).ok());
  EXPECT_EQ(session_->Bind("", "", {}, {}).sqlstate(), "08P01");
  EXPECT_EQ(session_->Bind("", "", {T("x")}, {}).sqlstate(), "22P02");
  EXPECT_EQ(session_->Bind("", "", {T("99999999999")}, {}).sqlstate(), "22003");
  EXPECT_EQ(session_->Bind("", "nosuch", {}, {}).sqlstate(), "26000");
  EXPECT_EQ(session_->ExecutePortal("nosuch", 0, &c).status().sqlstate(), "34000");
  ASSERT_TRUE(session_->Prepare("dup", "SELECT 1", {}).ok());
  EXPECT_EQ(session_->Prepare("dup", "SELECT 2", {}).sqlstate(), "42P05");
  session_->CloseStatement("dup");
  EXPECT_TRUE(session_->Prepare("dup", "SELECT 2", {}).ok());
  EXPECT_TRUE(session_->Sync().ok());
  EXPECT_EQ(session_->TransactionStatus(), 'I');
}

TEST_F(ExtendedQueryTest, PortalReturnsRowsInParts) {
  ASSERT_TRUE(session_->Prepare("", "SELECT id FROM t ORDER BY id", {}).ok());
  ASSERT_TRUE(session_->Bind("p", "", {}, {}).ok());
  Collect c;
  EXPECT_EQ(session_->ExecutePortal("p", 2, &c).value(), true);
  EXPECT_EQ(c.rows, (std::vector<std::string>{"1", "2"}));
  EXPECT_TRUE(c.tags.empty());
  EXPECT_EQ(session_->ExecutePortal("p", 2, &c).value(), true);
  EXPECT_EQ(session_->ExecutePortal("p", 2, &c).value(), false);
  EXPECT_EQ(c.rows, (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(c.tags, std::vector<std::string>{"SELECT 1"});  // PostgreSQL counts the last part
  // Exactly as many rows as asked: the portal is suspended without looking further.
  ASSERT_TRUE(session_->Bind("q", "", {}, {}).ok());
  Collect d;
  EXPECT_EQ(session_->ExecutePortal("q", 5, &d).value(), true);
  EXPECT_EQ(session_->ExecutePortal("q", 5, &d).value(), false);
  EXPECT_EQ(session_->ExecutePortal("q", 5, &d).value(), false);
  EXPECT_EQ(d.rows.size(), 5u);
  EXPECT_EQ(d.tags, (std::vector<std::string>{"SELECT 0", "SELECT 0"}));
  // Portals end with their transaction.
  ASSERT_TRUE(session_->Sync().ok());
  EXPECT_EQ(session_->ExecutePortal("p", 0, &c).status().sqlstate(), "34000");
  // An empty query.
  ASSERT_TRUE(session_->Prepare("", "", {}).ok());
  ASSERT_TRUE(session_->Bind("", "", {}, {}).ok());
  Collect e;
  ASSERT_TRUE(session_->ExecutePortal("", 0, &e).ok());
  EXPECT_EQ(e.tags, std::vector<std::string>{"<empty>"});
}

TEST_F(ExtendedQueryTest, SyncCommitsTheImplicitTransaction) {
  Session other(db_.get());
  ASSERT_TRUE(session_->Prepare("ins", "INSERT INTO t VALUES ($1, 'x', 1)", {}).ok());
  ASSERT_TRUE(session_->Bind("", "ins", {T("10")}, {}).ok());
  Collect c;
  ASSERT_TRUE(session_->ExecutePortal("", 0, &c).ok());
  ASSERT_TRUE(session_->Bind("", "ins", {T("11")}, {}).ok());
  ASSERT_TRUE(session_->ExecutePortal("", 0, &c).ok());
  EXPECT_EQ(c.tags, (std::vector<std::string>{"INSERT 0 1", "INSERT 0 1"}));
  EXPECT_EQ(Run("SELECT count(*) FROM t", &other).rows, std::vector<std::string>{"5"});
  ASSERT_TRUE(session_->Sync().ok());
  EXPECT_EQ(Run("SELECT count(*) FROM t", &other).rows, std::vector<std::string>{"7"});
  // An error before Sync rolls back everything since the last Sync.
  ASSERT_TRUE(session_->Bind("", "ins", {T("12")}, {}).ok());
  ASSERT_TRUE(session_->ExecutePortal("", 0, &c).ok());
  ASSERT_TRUE(session_->Bind("", "ins", {T("12")}, {}).ok());
  EXPECT_EQ(session_->ExecutePortal("", 0, &c).status().sqlstate(), "23505");
  ASSERT_TRUE(session_->Sync().ok());
  EXPECT_EQ(Run("SELECT count(*) FROM t", &other).rows, std::vector<std::string>{"7"});
}

TEST_F(ExtendedQueryTest, FailedBlockAcceptsOnlyItsEnd) {
  Run("BEGIN");
  auto r = Query("INSERT INTO t VALUES ($1, 'dup', 0)", {T("1")});
  EXPECT_EQ(r.status().sqlstate(), "23505");
  EXPECT_EQ(session_->TransactionStatus(), 'E');
  EXPECT_EQ(session_->Prepare("", "SELECT 1", {}).sqlstate(), "25P02");
  EXPECT_EQ(session_->Sync().ok(), true);
  EXPECT_EQ(session_->TransactionStatus(), 'E');  // Sync does not end an explicit block
  auto end = Query("ROLLBACK", {});
  ASSERT_TRUE(end.ok()) << end.status().message();
  EXPECT_EQ(end->tags, std::vector<std::string>{"ROLLBACK"});
  EXPECT_EQ(session_->TransactionStatus(), 'I');
  // In a block, statements run by Execute commit with the block, not at Sync.
  Run("BEGIN");
  ASSERT_TRUE(Query("UPDATE t SET name = $1 WHERE id = 1", {T("z")}).ok());
  EXPECT_EQ(session_->TransactionStatus(), 'T');
  Session other(db_.get());
  EXPECT_EQ(Run("SELECT name FROM t WHERE id = 1", &other).rows, std::vector<std::string>{"a"});
  ASSERT_TRUE(Query("COMMIT", {}).ok());
  EXPECT_EQ(Run("SELECT name FROM t WHERE id = 1", &other).rows, std::vector<std::string>{"z"});
}

}  // namespace
}  // namespace omendb
