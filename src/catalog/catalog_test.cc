#include "catalog/catalog.h"

#include <gtest/gtest.h>

namespace omendb {
namespace {

TableSchema Accounts() {
  TableSchema s;
  s.name = "accounts";
  s.columns = {{"id", TypeId::kBigInt, true}, {"owner", TypeId::kText, false}};
  s.primary_key = {0};
  return s;
}

TEST(CatalogTest, CreateFindDrop) {
  Catalog c;
  auto t = c.CreateTable(Accounts());
  ASSERT_TRUE(t.ok());
  EXPECT_EQ((*t)->table_id, 1u);
  EXPECT_EQ(c.FindTable("accounts"), *t);
  EXPECT_EQ(c.CreateTable(Accounts()).status().sqlstate(), "42P07");
  EXPECT_EQ(c.GetTable("nope").status().message(), "relation \"nope\" does not exist");
  ASSERT_TRUE(c.DropTable("accounts").ok());
  EXPECT_EQ(c.FindTable("accounts"), nullptr);
  EXPECT_EQ(c.DropTable("accounts").status().sqlstate(), "42P01");
  // Ids are never reused.
  EXPECT_EQ((*c.CreateTable(Accounts()))->table_id, 2u);
}

TEST(TableSchemaTest, EncodingRoundTripsAndRejectsGarbage) {
  TableSchema s = Accounts();
  s.table_id = 7;
  std::string buf;
  s.EncodeTo(&buf);
  auto d = TableSchema::Decode(buf);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->name, "accounts");
  EXPECT_EQ(d->table_id, 7u);
  ASSERT_EQ(d->columns.size(), 2u);
  EXPECT_EQ(d->columns[1].type, LogicalType(TypeId::kText));
  EXPECT_TRUE(d->columns[0].not_null);
  EXPECT_EQ(d->primary_key, std::vector<size_t>{0});
  for (size_t cut = 0; cut < buf.size(); ++cut) {
    EXPECT_FALSE(TableSchema::Decode(std::string_view(buf).substr(0, cut)).ok()) << cut;
  }
}

}  // namespace
}  // namespace omendb
