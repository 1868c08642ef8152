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
  uint64_t blocker = 1;
  auto t = c.CreateTable(Accounts(), 0, &blocker);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(blocker, 0u);
  EXPECT_EQ((*t)->table_id, 1u);
  EXPECT_EQ(c.FindTable("accounts"), *t);
  EXPECT_EQ(c.CreateTable(Accounts(), 0, &blocker).status().sqlstate(), "42P07");
  EXPECT_EQ(c.GetTable("nope").status().message(), "relation \"nope\" does not exist");
  ASSERT_TRUE(c.DropTable("accounts", 0, &blocker).ok());
  c.CommitDrop((*t)->table_id);
  EXPECT_EQ(c.FindTable("accounts"), nullptr);
  EXPECT_EQ((*t)->name, "accounts");  // dropped schemas stay valid
  EXPECT_EQ(c.DropTable("accounts", 0, &blocker).status().sqlstate(), "42P01");
  // Ids are never reused.
  EXPECT_EQ((*c.CreateTable(Accounts(), 0, &blocker))->table_id, 2u);
}

TEST(CatalogTest, UncommittedDdlIsPrivateToItsTransaction) {
  Catalog c;
  const uint64_t t1 = 100, t2 = 200;
  uint64_t blocker = 0;
  auto created = c.CreateTable(Accounts(), t1, &blocker);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(c.FindTable("accounts", t1), *created);
  EXPECT_EQ(c.FindTable("accounts", t2), nullptr);
  EXPECT_TRUE(c.Tables().empty());
  // A second creator must wait for the first.
  EXPECT_TRUE(c.CreateTable(Accounts(), t2, &blocker).ok());
  EXPECT_EQ(blocker, t1);
  c.CommitCreate((*created)->table_id);
  EXPECT_EQ(c.FindTable("accounts", t2), *created);
  EXPECT_EQ(c.CreateTable(Accounts(), t2, &blocker).status().sqlstate(), "42P07");

  // A drop hides the table from the dropper only, until it commits; rollback restores it.
  ASSERT_TRUE(c.DropTable("accounts", t1, &blocker).ok());
  EXPECT_EQ(c.FindTable("accounts", t1), nullptr);
  EXPECT_EQ(c.FindTable("accounts", t2), *created);
  EXPECT_TRUE(c.DropTable("accounts", t2, &blocker).ok());
  EXPECT_EQ(blocker, t1);
  // The dropper may create a new table of the same name.
  auto again = c.CreateTable(Accounts(), t1, &blocker);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(blocker, 0u);
  EXPECT_EQ(c.FindTable("accounts", t1), *again);
  c.AbortCreate((*again)->table_id);
  c.AbortDrop((*created)->table_id);
  EXPECT_EQ(c.FindTable("accounts", t1), *created);
  EXPECT_EQ(c.Tables().size(), 1u);
}

TEST(CatalogTest, IndexesAreListedPerTableAsTheTransactionSeesThem) {
  Catalog c;
  uint64_t blocker = 0;
  const TableSchema* a = *c.CreateTable(Accounts(), 0, &blocker);
  TableSchema other = Accounts();
  other.name = "other";
  const TableSchema* b = *c.CreateTable(other, 0, &blocker);
  auto index = [&](const std::string& name, const TableSchema* on, uint64_t txn) {
    TableSchema s;
    s.name = name;
    s.columns = {{"owner", TypeId::kText, false}};
    s.index = IndexOptions{on->table_id, {1}, false, false};
    return *c.CreateTable(s, txn, &blocker);
  };
  const TableSchema* z = index("z_idx", a, 0);
  const TableSchema* m = index("m_idx", a, 0);
  index("b_idx", b, 0);
  const TableSchema* pending = index("p_idx", a, 7);
  using List = std::vector<const TableSchema*>;
  EXPECT_EQ(c.Indexes(a->table_id, 0), (List{m, z}));  // by name; p_idx is not committed
  EXPECT_EQ(c.Indexes(a->table_id, 7), (List{m, pending, z}));
  EXPECT_EQ(c.Indexes(b->table_id, 0).size(), 1u);
  ASSERT_TRUE(c.DropTable("m_idx", 7, &blocker).ok());
  EXPECT_EQ(c.Indexes(a->table_id, 7), (List{pending, z}));
  EXPECT_EQ(c.Indexes(a->table_id, 0), (List{m, z}));
  c.CommitDrop(m->table_id);
  c.AbortCreate(pending->table_id);
  EXPECT_EQ(c.Indexes(a->table_id, 7), (List{z}));
  EXPECT_EQ(c.Indexes(a->table_id, 0), (List{z}));
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

TEST(TableSchemaTest, DefaultsAndChecksRoundTrip) {
  TableSchema s = Accounts();
  std::string plain;
  s.EncodeTo(&plain);  // without the optional section: the format written before it existed
  s.columns[1].default_sql = "'x'::text || 'y'::text";
  s.checks = {{"accounts_id_check", "id > 0"}, {"sane", "(id < 10) OR (name = 'z'::text)"}};
  std::string buf;
  s.EncodeTo(&buf);
  EXPECT_GT(buf.size(), plain.size());
  EXPECT_EQ(buf.compare(0, plain.size(), plain), 0);  // the section is appended
  auto d = TableSchema::Decode(buf);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->columns[0].default_sql, "");
  EXPECT_EQ(d->columns[1].default_sql, "'x'::text || 'y'::text");
  ASSERT_EQ(d->checks.size(), 2u);
  EXPECT_EQ(d->checks[1].name, "sane");
  EXPECT_EQ(d->checks[1].sql, "(id < 10) OR (name = 'z'::text)");
  for (size_t cut = plain.size() + 1; cut < buf.size(); ++cut) {
    EXPECT_FALSE(TableSchema::Decode(std::string_view(buf).substr(0, cut)).ok()) << cut;
  }
  std::string wrong_tag = plain + '\x09';
  EXPECT_FALSE(TableSchema::Decode(wrong_tag).ok());
}

}  // namespace
}  // namespace omendb
