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
  // Bind + Execute + Sync of prepared statement `name`: its rows, or its error.
  Result<Collect> Exec(const std::string& name, std::vector<Value> params) {
    Collect c;
    OMEN_RETURN_IF_ERROR(session_->Bind("", name, std::move(params), {}));
    OMEN_RETURN_IF_ERROR(session_->ExecutePortal("", 0, &c).status());
    OMEN_RETURN_IF_ERROR(session_->Sync());
    return c;
  }
  std::vector<std::string> Rows(const std::string& name, std::vector<Value> params) {
    Result<Collect> r = Exec(name, std::move(params));
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r->rows : std::vector<std::string>{"<error " + std::string(r.status().sqlstate()) + ">"};
  }
  bool HasGenericPlan(const std::string& name) {
    Result<const PreparedStatement*> ps = session_->GetStatement(name);
    return ps.ok() && (*ps)->generic->plan != nullptr;
  }

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

// From its second execution a prepared SELECT runs a plan bound once with parameter slots,
// with each execution's values; it gives the answers binding with the values gives.
TEST_F(ExtendedQueryTest, PreparedQueryReusesAGenericPlan) {
  ASSERT_TRUE(session_->Prepare("pk", "SELECT name, score FROM t WHERE id = $1", {}).ok());
  EXPECT_EQ(Rows("pk", {T("3")}), std::vector<std::string>{"c|2"});
  EXPECT_FALSE(HasGenericPlan("pk"));
  EXPECT_EQ(Rows("pk", {T("1")}), std::vector<std::string>{"a|0.5"});
  EXPECT_TRUE(HasGenericPlan("pk"));
  EXPECT_EQ(Rows("pk", {T("4")}), std::vector<std::string>{"NULL|4"});
  EXPECT_TRUE(Rows("pk", {T("9")}).empty());
  EXPECT_TRUE(Rows("pk", {Value()}).empty());  // id = NULL
  EXPECT_EQ(Rows("pk", {T("5")}), std::vector<std::string>{"e|8"});
  // Several parameters, an expression of them.
  ASSERT_TRUE(session_->Prepare("expr", "SELECT id FROM t WHERE id = $1::int + $2 OR name = $3 "
                                        "ORDER BY id", {}).ok());
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(Rows("expr", {T("1"), T("1"), T("e")}), (std::vector<std::string>{"2", "5"}));
    EXPECT_EQ(Rows("expr", {T("1"), T("2"), T("x")}), std::vector<std::string>{"3"});
    EXPECT_EQ(Rows("expr", {Value(), T("1"), Value()}), std::vector<std::string>{});
  }
  EXPECT_TRUE(HasGenericPlan("expr"));
  // LIMIT $n: a constant limit stops the key-ordered scan early, which a generic plan would
  // not (it stays per execution).
  ASSERT_TRUE(session_->Prepare("lim", "SELECT id FROM t ORDER BY id LIMIT $1", {}).ok());
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(Rows("lim", {T("2")}), (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(Rows("lim", {T("1")}), std::vector<std::string>{"1"});
  }
  EXPECT_FALSE(HasGenericPlan("lim"));
  // A secondary index is looked up by the parameter's value.
  Run("CREATE INDEX t_name ON t (name)");
  ASSERT_TRUE(session_->Prepare("by_name", "SELECT id FROM t WHERE name = $1", {}).ok());
  EXPECT_EQ(Rows("by_name", {T("b")}), std::vector<std::string>{"2"});
  EXPECT_EQ(Rows("by_name", {T("e")}), std::vector<std::string>{"5"});
  EXPECT_TRUE(HasGenericPlan("by_name"));
  EXPECT_EQ(Rows("by_name", {T("a")}), std::vector<std::string>{"1"});
  EXPECT_TRUE(Rows("by_name", {Value()}).empty());
  // Key ranges bounded by parameters (keyset pagination), narrowed when the scan starts.
  ASSERT_TRUE(session_->Prepare("page", "SELECT id FROM t WHERE id > $1 AND id <= $2 "
                                        "ORDER BY id LIMIT 2", {}).ok());
  EXPECT_EQ(Rows("page", {T("0"), T("9")}), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(Rows("page", {T("2"), T("9")}), (std::vector<std::string>{"3", "4"}));
  EXPECT_TRUE(HasGenericPlan("page"));
  EXPECT_EQ(Rows("page", {T("4"), T("9")}), std::vector<std::string>{"5"});
  EXPECT_EQ(Rows("page", {T("1"), T("2")}), std::vector<std::string>{"2"});
  EXPECT_TRUE(Rows("page", {Value(), T("9")}).empty());
  EXPECT_TRUE(Rows("page", {T("3"), T("1")}).empty());
  ASSERT_TRUE(session_->Prepare("below", "SELECT id FROM t WHERE id >= $1 AND id < 4 "
                                         "ORDER BY id DESC", {}).ok());
  EXPECT_EQ(Rows("below", {T("2")}), (std::vector<std::string>{"3", "2"}));
  EXPECT_EQ(Rows("below", {T("3")}), std::vector<std::string>{"3"});
  EXPECT_TRUE(HasGenericPlan("below"));
  EXPECT_EQ(Rows("below", {T("-5")}), (std::vector<std::string>{"3", "2", "1"}));
  EXPECT_TRUE(Rows("below", {T("4")}).empty());
  // Without parameters too; the plan keeps no rows.
  ASSERT_TRUE(session_->Prepare("count", "SELECT count(*) FROM t", {}).ok());
  EXPECT_EQ(Rows("count", {}), std::vector<std::string>{"5"});
  EXPECT_EQ(Rows("count", {}), std::vector<std::string>{"5"});
  EXPECT_TRUE(HasGenericPlan("count"));
  Run("INSERT INTO t VALUES (6, 'f', 1)");
  EXPECT_EQ(Rows("count", {}), std::vector<std::string>{"6"});
  Run("DELETE FROM t WHERE id = 6");
  // Errors come from the values as before.
  ASSERT_TRUE(session_->Prepare("div", "SELECT id / $1 FROM t WHERE id = $2", {}).ok());
  EXPECT_EQ(Rows("div", {T("2"), T("4")}), std::vector<std::string>{"2"});
  EXPECT_EQ(Rows("div", {T("2"), T("5")}), std::vector<std::string>{"2"});
  EXPECT_TRUE(HasGenericPlan("div"));
  EXPECT_EQ(Exec("div", {T("0"), T("5")}).status().sqlstate(), "22012");
  EXPECT_EQ(Rows("div", {T("1"), T("3")}), std::vector<std::string>{"3"});
}

// Two portals of one statement, suspended in turn, each read their own values.
TEST_F(ExtendedQueryTest, GenericPlanPortalsKeepTheirOwnValues) {
  ASSERT_TRUE(
      session_->Prepare("gt", "SELECT id FROM t WHERE score + 0 >= $1 ORDER BY id", {}).ok());
  EXPECT_EQ(Rows("gt", {T("2")}), (std::vector<std::string>{"3", "4", "5"}));
  EXPECT_EQ(Rows("gt", {T("4")}), (std::vector<std::string>{"4", "5"}));
  ASSERT_TRUE(HasGenericPlan("gt"));
  Collect begin;
  ASSERT_TRUE(session_->Execute("BEGIN", &begin).ok());
  ASSERT_TRUE(session_->Bind("a", "gt", {T("0")}, {}).ok());
  ASSERT_TRUE(session_->Bind("b", "gt", {T("4")}, {}).ok());
  Collect a, b;
  EXPECT_EQ(session_->ExecutePortal("a", 1, &a).value(), true);
  EXPECT_EQ(session_->ExecutePortal("b", 1, &b).value(), true);
  EXPECT_EQ(session_->ExecutePortal("a", 0, &a).value(), false);
  EXPECT_EQ(session_->ExecutePortal("b", 0, &b).value(), false);
  EXPECT_EQ(a.rows, (std::vector<std::string>{"1", "3", "4", "5"}));
  EXPECT_EQ(b.rows, (std::vector<std::string>{"4", "5"}));
  Collect commit;
  ASSERT_TRUE(session_->Execute("COMMIT", &commit).ok());
}

// A generic plan is dropped when what it was bound against changes: the catalog (ALTER,
// DROP/CREATE), search_path, TimeZone.
TEST_F(ExtendedQueryTest, GenericPlanFollowsSchemaChanges) {
  ASSERT_TRUE(session_->Prepare("q", "SELECT * FROM t WHERE id = $1", {}).ok());
  EXPECT_EQ(Rows("q", {T("1")}), std::vector<std::string>{"1|a|0.5"});
  EXPECT_EQ(Rows("q", {T("1")}), std::vector<std::string>{"1|a|0.5"});
  ASSERT_TRUE(HasGenericPlan("q"));
  Run("ALTER TABLE t ADD COLUMN extra integer DEFAULT 7");
  EXPECT_EQ(Rows("q", {T("1")}), std::vector<std::string>{"1|a|0.5|7"});
  EXPECT_FALSE(HasGenericPlan("q"));
  EXPECT_EQ(Rows("q", {T("2")}), std::vector<std::string>{"2|b|NULL|7"});
  EXPECT_TRUE(HasGenericPlan("q"));
  Run("DROP TABLE t; CREATE TABLE t (id integer PRIMARY KEY, name text, score double precision);"
      "INSERT INTO t VALUES (2, 'new', 1)");
  EXPECT_EQ(Rows("q", {T("2")}), std::vector<std::string>{"2|new|1"});
  Run("CREATE SCHEMA s; CREATE TABLE s.t (id integer PRIMARY KEY, name text, score double "
      "precision); INSERT INTO s.t VALUES (2, 'in s', 3)");
  EXPECT_EQ(Rows("q", {T("2")}), std::vector<std::string>{"2|new|1"});
  EXPECT_EQ(Rows("q", {T("2")}), std::vector<std::string>{"2|new|1"});
  EXPECT_TRUE(HasGenericPlan("q"));
  Run("SET search_path = s, public");
  EXPECT_EQ(Rows("q", {T("2")}), std::vector<std::string>{"2|in s|3"});
  EXPECT_FALSE(HasGenericPlan("q"));
  // A table dropped under the plan: the error binding gives.
  Run("DROP TABLE s.t; SET search_path = s");
  EXPECT_EQ(Exec("q", {T("2")}).status().sqlstate(), "42P01");
}

// Statements a plan made once cannot serve keep being planned with their values: now() and
// current_setting() (fixed per statement), subqueries, and access paths that need the value
// (zone maps).
TEST_F(ExtendedQueryTest, SomeStatementsKeepPerExecutionPlans) {
  const char* statements[] = {
      "SELECT id FROM t WHERE id = $1 AND now() > '2000-01-01'",
      "SELECT id FROM t WHERE id = $1 AND current_setting('TimeZone') <> ''",
      "SELECT id FROM t WHERE id = $1 AND id IN (SELECT id FROM t)",
      "SELECT id FROM t WHERE score = $1 - 1",  // zone maps skip blocks by the value
  };
  for (const char* sql : statements) {
    ASSERT_TRUE(session_->Prepare("s", sql, {}).ok()) << sql;
    for (int i = 0; i < 6; ++i) EXPECT_EQ(Rows("s", {T("3")}), std::vector<std::string>{"3"});
    EXPECT_FALSE(HasGenericPlan("s")) << sql;
    session_->CloseStatement("s");
  }
  // A literal read as the current moment ('today', 'now') keeps per-execution plans too.
  ASSERT_TRUE(session_->Prepare("today", "SELECT id FROM t WHERE id = $1 AND "
                                         "'today'::date > '2000-01-01'", {}).ok());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Rows("today", {T("3")}), std::vector<std::string>{"3"});
  EXPECT_FALSE(HasGenericPlan("today"));
  // now() is its transaction's start: a generic plan would keep the first one's.
  ASSERT_TRUE(session_->Prepare("now", "SELECT now() = $1::timestamptz", {}).ok());
  for (int i = 0; i < 4; ++i) {
    Run("BEGIN");
    Collect now = Run("SELECT now()");
    ASSERT_EQ(now.rows.size(), 1u);
    EXPECT_EQ(Rows("now", {T(now.rows[0].c_str())}), std::vector<std::string>{"t"});
    Run("COMMIT");
  }
}

// plan_cache_mode, as in PostgreSQL: force_custom_plan never uses a generic plan,
// force_generic_plan uses one from the first execution wherever the statement allows it.
TEST_F(ExtendedQueryTest, PlanCacheModeChoosesThePlans) {
  EXPECT_EQ(Run("SHOW plan_cache_mode").rows, std::vector<std::string>{"auto"});
  Collect c;
  EXPECT_EQ(session_->Execute("SET plan_cache_mode = sometimes", &c).sqlstate(), "22023");
  Run("SET plan_cache_mode = force_custom_plan");
  ASSERT_TRUE(session_->Prepare("pk", "SELECT id FROM t WHERE id = $1", {}).ok());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Rows("pk", {T("2")}), std::vector<std::string>{"2"});
  EXPECT_FALSE(HasGenericPlan("pk"));
  Run("SET plan_cache_mode = force_generic_plan");
  ASSERT_TRUE(session_->Prepare("range", "SELECT id FROM t WHERE id >= $1 AND id < 4", {}).ok());
  EXPECT_EQ(Rows("range", {T("2")}), (std::vector<std::string>{"2", "3"}));
  EXPECT_TRUE(HasGenericPlan("range"));
  EXPECT_EQ(Rows("range", {T("3")}), std::vector<std::string>{"3"});
  EXPECT_EQ(Rows("range", {T("0")}), (std::vector<std::string>{"1", "2", "3"}));
  // Still never for a statement a generic plan cannot serve.
  ASSERT_TRUE(session_->Prepare("now", "SELECT id FROM t WHERE id = $1 AND now() > '2000-01-01'",
                                {}).ok());
  EXPECT_EQ(Rows("now", {T("2")}), std::vector<std::string>{"2"});
  EXPECT_FALSE(HasGenericPlan("now"));
  Run("RESET plan_cache_mode");
  EXPECT_EQ(Run("SHOW plan_cache_mode").rows, std::vector<std::string>{"auto"});
}

}  // namespace
}  // namespace omendb
