#include "sql/optimizer/optimizer.h"

#include <gtest/gtest.h>

#include "sql/binder/binder.h"
#include "sql/parser/parser.h"

namespace omendb::sql {
namespace {

class OptimizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TableSchema t;
    t.name = "t";
    t.columns = {{"id", TypeId::kBigInt, true}, {"v", TypeId::kInteger, false}};
    t.primary_key = {0};
    uint64_t blocker = 0;
    ASSERT_TRUE(catalog_.CreateTable(t, 0, &blocker).ok());
  }

  BoundStatement Plan(const std::string& sql) {
    auto parsed = Parse(sql);
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    Binder binder(catalog_);
    auto bound = binder.Bind((*parsed)[0]);
    EXPECT_TRUE(bound.ok()) << bound.status().ToString();
    BoundStatement stmt = std::move(bound).value();
    EXPECT_TRUE(Optimize(&stmt).ok());
    return stmt;
  }

  // The scan at the bottom of the plan.
  static const LogicalOperator* Scan(const LogicalOperator* op) {
    while (!op->children.empty()) op = op->children[0].get();
    return op;
  }

  Catalog catalog_;
};

TEST_F(OptimizerTest, KeyRangeFromConjunctsAndResidualFilter) {
  BoundStatement s = Plan("SELECT v FROM t WHERE id >= 5 AND 10 > id AND v = 1 AND id > 2");
  const LogicalOperator* get = Scan(s.plan.get());
  ASSERT_EQ(get->kind, LogicalOperator::Kind::kGet);
  ASSERT_TRUE(get->use_key_range);
  EXPECT_EQ(get->key_range.lower, std::vector<Value>{Value::BigInt(5)});
  EXPECT_TRUE(get->key_range.lower_inclusive);
  EXPECT_EQ(get->key_range.upper, std::vector<Value>{Value::BigInt(10)});
  EXPECT_FALSE(get->key_range.upper_inclusive);
  // Only v = 1 is left to filter, over the one column the scan still reads (v).
  const LogicalOperator* filter = s.plan->children[0].get();
  ASSERT_EQ(filter->kind, LogicalOperator::Kind::kFilter);
  EXPECT_EQ(filter->predicate->ToString(), "(#0 = 1)");
  EXPECT_EQ(get->column_ids, std::vector<size_t>{1});
}

TEST_F(OptimizerTest, ScansReadOnlyTheColumnsUsedAboveThem) {
  // Projection and filter: v only; references renumbered to the scan's new layout.
  BoundStatement s = Plan("SELECT v + 1 FROM t WHERE v > 2");
  EXPECT_EQ(Scan(s.plan.get())->column_ids, std::vector<size_t>{1});
  EXPECT_EQ(Scan(s.plan.get())->types, std::vector<LogicalType>{TypeId::kInteger});
  EXPECT_EQ(s.plan->expressions[0]->ToString(), "(#0 + 1)");
  // No column used: the narrowest one is kept so that rows are still counted.
  EXPECT_EQ(Scan(Plan("SELECT count(*) FROM t").plan.get())->column_ids, std::vector<size_t>{1});
  // Every column used: nothing removed.
  EXPECT_EQ(Scan(Plan("SELECT * FROM t").plan.get())->column_ids, (std::vector<size_t>{0, 1}));
  // Joins: each side keeps the columns of the output and of the join condition, and the
  // references above the join are renumbered across both sides.
  BoundStatement j = Plan("SELECT b.v FROM t a JOIN t b ON a.id = b.v WHERE b.id + 0 > 3");
  const LogicalOperator* join = j.plan->children[0].get();
  while (join->kind != LogicalOperator::Kind::kJoin) join = join->children[0].get();
  EXPECT_EQ(Scan(join->children[0].get())->column_ids, std::vector<size_t>{0});
  EXPECT_EQ(Scan(join->children[1].get())->column_ids, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(j.plan->expressions[0]->ToString(), "#2");
}

TEST_F(OptimizerTest, CorrelatedSubqueryLooksUpTheKeyOfTheOuterRow) {
  // t2.id = t1.v: the subquery's scan becomes a key lookup by the outer value (cast to the
  // key's type), computed each time the subquery runs; the condition stays as a recheck.
  BoundStatement s = Plan("SELECT (SELECT v FROM t t2 WHERE t2.id = t1.v) FROM t t1");
  const BoundExpr& sub = *s.plan->expressions[0];
  ASSERT_EQ(sub.kind, BoundExpr::Kind::kSubquery);
  const LogicalOperator* get = Scan(sub.subplan.get());
  ASSERT_EQ(get->kind, LogicalOperator::Kind::kGet);
  EXPECT_TRUE(get->use_key_points);
  ASSERT_EQ(get->key_point_exprs.size(), 1u);
  EXPECT_TRUE(get->key_point_exprs[0]->ContainsKind(BoundExpr::Kind::kOuterRef));
  EXPECT_EQ(get->key_point_exprs[0]->type, LogicalType(TypeId::kBigInt));
  // A key compared with an expression of the subquery's own columns is no lookup.
  BoundStatement scan = Plan("SELECT (SELECT v FROM t t2 WHERE t2.id = t2.v + t1.v) FROM t t1");
  EXPECT_FALSE(Scan(scan.plan->expressions[0]->subplan.get())->use_key_points);
}

TEST_F(OptimizerTest, PointLookupRemovesFilter) {
  BoundStatement s = Plan("SELECT v FROM t WHERE id = 7");
  const LogicalOperator* get = s.plan->children[0].get();
  ASSERT_EQ(get->kind, LogicalOperator::Kind::kGet);
  EXPECT_EQ(get->key_range.lower, get->key_range.upper);
}

TEST_F(OptimizerTest, InListOnKeyBecomesSortedDistinctPointsWithinTheRange) {
  BoundStatement s = Plan("SELECT v FROM t WHERE id IN (9, 2, NULL, 2, 30) AND id < 20");
  const LogicalOperator* get = s.plan->children[0].get();
  ASSERT_EQ(get->kind, LogicalOperator::Kind::kGet);
  ASSERT_TRUE(get->use_key_points);
  EXPECT_EQ(get->key_points, (std::vector<Value>{Value::BigInt(2), Value::BigInt(9)}));
  EXPECT_FALSE(Scan(Plan("SELECT v FROM t WHERE id NOT IN (1, 2)").plan.get())->use_key_points);
  EXPECT_FALSE(Scan(Plan("SELECT v FROM t WHERE v IN (1, 2)").plan.get())->use_key_points);
}

TEST_F(OptimizerTest, NonKeyOrCastComparisonsStayFilters) {
  // OR, comparisons on other columns and NULL constants cannot bound the key.
  for (const char* sql : {"SELECT v FROM t WHERE id = 1 OR id = 2", "SELECT v FROM t WHERE v > 3",
                          "SELECT v FROM t WHERE id = NULL"}) {
    BoundStatement s = Plan(sql);
    EXPECT_FALSE(Scan(s.plan.get())->use_key_range) << sql;
    EXPECT_EQ(s.plan->children[0]->kind, LogicalOperator::Kind::kFilter) << sql;
  }
}

TEST_F(OptimizerTest, LimitPushedIntoScanOnlyWithoutFilterOrSort) {
  EXPECT_EQ(Scan(Plan("SELECT v FROM t LIMIT 3 OFFSET 2").plan.get())->scan_limit, 5u);
  EXPECT_EQ(Scan(Plan("SELECT v FROM t WHERE id > 4 LIMIT 3").plan.get())->scan_limit, 3u);
  EXPECT_EQ(Scan(Plan("SELECT v FROM t WHERE v > 4 LIMIT 3").plan.get())->scan_limit, UINT64_MAX);
  EXPECT_EQ(Scan(Plan("SELECT v FROM t ORDER BY v LIMIT 3").plan.get())->scan_limit, UINT64_MAX);
}

}  // namespace
}  // namespace omendb::sql
