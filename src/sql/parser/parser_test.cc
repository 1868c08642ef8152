#include "sql/parser/parser.h"

#include <gtest/gtest.h>

namespace omendb::sql {
namespace {

TEST(ParserTest, MultipleStatements) {
  auto r = Parse("CREATE TABLE t (id int PRIMARY KEY, v text NOT NULL); INSERT INTO t VALUES (1, 'a'), (2, 'b');"
                 " SELECT id + 1 AS n FROM t WHERE v IS NOT NULL ORDER BY 1 DESC NULLS LAST LIMIT 3; DROP TABLE IF EXISTS t");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 4u);
  const auto& create = *(*r)[0].create_table;
  EXPECT_EQ(create.name, "t");
  ASSERT_EQ(create.columns.size(), 2u);
  EXPECT_TRUE(create.columns[0].primary_key);
  EXPECT_EQ(create.columns[0].type, LogicalType(TypeId::kInteger));
  EXPECT_TRUE(create.columns[1].not_null);
  EXPECT_EQ((*r)[1].insert->rows.size(), 2u);
  EXPECT_EQ((*r)[1].insert->rows[1][1]->constant, Value::Unknown("b"));
  const auto& sel = *(*r)[2].select;
  EXPECT_EQ(sel.targets[0].alias, "n");
  EXPECT_EQ(sel.targets[0].expr->op, "+");
  EXPECT_TRUE(sel.order_by[0].descending);
  EXPECT_EQ(sel.order_by[0].nulls_first, false);
  EXPECT_EQ((*r)[2].text, "SELECT id + 1 AS n FROM t WHERE v IS NOT NULL ORDER BY 1 DESC NULLS LAST LIMIT 3");
  EXPECT_TRUE((*r)[3].drop_table->if_exists);
}

TEST(ParserTest, ConstantsAreTypedAsPostgresTypesThem) {
  auto r = Parse("SELECT 1, 3000000000, 1.5, 'x', NULL, true, -7");
  ASSERT_TRUE(r.ok());
  const auto& t = (*r)[0].select->targets;
  EXPECT_EQ(t[0].expr->constant, Value::Integer(1));
  EXPECT_EQ(t[1].expr->constant, Value::BigInt(3000000000LL));
  EXPECT_EQ(t[2].expr->constant, Value::String(TypeId::kNumeric, "1.5"));
  EXPECT_EQ(t[3].expr->constant, Value::Unknown("x"));
  EXPECT_TRUE(t[4].expr->constant.is_null());
  EXPECT_EQ(t[5].expr->constant, Value::Boolean(true));
  EXPECT_EQ(t[6].expr->constant, Value::Integer(-7));
}

TEST(ParserTest, SyntaxErrorHasPostgresMessageAndPosition) {
  auto r = Parse("SELECT 1; SELEC 2");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().sqlstate(), "42601");
  EXPECT_EQ(r.status().message(), "syntax error at or near \"SELEC\"");
  EXPECT_EQ(r.status().position(), 10);
}

TEST(ParserTest, UnsupportedConstructsAreNamed) {
  EXPECT_EQ(Parse("WITH x AS (SELECT 1) UPDATE t SET a = 1").status().message(),
            "WITH queries is not supported");
  EXPECT_EQ(Parse("SELECT count(*) OVER w FROM t WINDOW w AS ()").status().message(),
            "WINDOW clauses is not supported");
  EXPECT_EQ(Parse("SELECT * FROM a JOIN b USING (x) AS j").status().message(),
            "aliases on JOIN ... USING is not supported");
  EXPECT_EQ(Parse("CREATE TABLE t (a jsonb)").status().message(), "type jsonb is not supported");
  EXPECT_EQ(Parse("CREATE TABLE t (a nosuchtype)").status().sqlstate(), "42704");
}

TEST(ParserTest, EmptyInputHasNoStatements) {
  EXPECT_TRUE(Parse("")->empty());
  EXPECT_TRUE(Parse(" ; ;")->empty());
}

TEST(ParserTest, SplitKeepsQuotedSemicolons) {
  auto r = SplitStatements("SELECT 'a;b';\n -- note; here\n SELEC 2 /* x; */;; SELECT 3");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0], "SELECT 'a;b';");
  EXPECT_EQ((*r)[1], "SELEC 2 /* x; */;");
  EXPECT_EQ((*r)[2], "SELECT 3");
  EXPECT_EQ(SplitStatements("SELECT 'open").status().sqlstate(), "42601");
}

}  // namespace
}  // namespace omendb::sql

namespace omendb::sql {
namespace {

std::string Chain(const std::string& term, const std::string& op, int n) {
  std::string s = "SELECT " + term;
  for (int i = 1; i < n; ++i) s += op + term;
  return s;
}

TEST(ParserTest, DeepNestingIsRefusedCleanly) {
#if !defined(__SANITIZE_ADDRESS__)
  // Sanitizer builds use far bigger frames and stop earlier, still cleanly.
  EXPECT_TRUE(Parse(Chain("1", "+", 3000)).ok());
#endif
  for (int n : {3000, 20000}) {
    auto r = Parse(Chain("1", "+", n));
    EXPECT_TRUE(r.ok() || r.status().sqlstate() == "54001") << n;
  }
  auto deep = Parse(Chain("1", "+", 300000));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().sqlstate(), "54001");
  // AND/OR chains are flat in PostgreSQL's tree and are not limited.
  EXPECT_TRUE(Parse(Chain("1=1", " OR ", 50000)).ok());
  std::string values = "INSERT INTO t VALUES (1, -1)";
  for (int i = 0; i < 50000; ++i) values += ", (1, -1)";
  EXPECT_TRUE(Parse(values).ok());
}

}  // namespace
}  // namespace omendb::sql
