// Schemas: CREATE SCHEMA, where new relations go, and DROP of every kind of catalog entry
// (names resolved through search_path to catalog keys).
#include "catalog/catalog.h"
#include "sql/binder/binder.h"

namespace omendb::sql {
namespace {

// The catalog keys use two control characters as separators; names holding them are refused.
Status CheckName(const std::string& name) {
  if (name.find('\x1e') != std::string::npos || name.find('\x1f') != std::string::npos) {
    return Status("42602", "invalid name \"" + name + "\"");
  }
  return Status::OK();
}

}  // namespace

Result<std::string> Binder::CreationSchema(const std::string& schema,
                                           const std::string& name) const {
  OMEN_RETURN_IF_ERROR(CheckName(name));
  return catalog_.CreationSchema(schema, search_path_, txn_id_);
}

Result<BoundStatement> Binder::BindCreateSchema(const ParsedCreateSchema& create) {
  OMEN_RETURN_IF_ERROR(CheckName(create.name));
  if (create.name.compare(0, 3, "pg_") == 0) {
    return Status("42939", "unacceptable schema name \"" + create.name + "\"",
                  "The prefix \"pg_\" is reserved for system schemas.");
  }
  BoundStatement out;
  out.kind = BoundStatement::Kind::kCreateTable;
  out.if_not_exists = create.if_not_exists;
  out.schema.name = create.name;
  out.schema.schema = create.name;
  out.schema.is_schema = true;
  if (create.name == kPublicSchema || create.name == "information_schema") {
    // Built in (public always exists; the system schemas are not built).
    if (create.if_not_exists && create.name == kPublicSchema) {
      out.notice = "schema \"" + create.name + "\" already exists, skipping";
      out.notice_sqlstate = "42P06";
      return out;
    }
    return Status("42P06", "schema \"" + create.name + "\" already exists");
  }
  return out;
}

Result<BoundStatement> Binder::BindDrop(const ParsedDropTable& drop) {
  BoundStatement b;
  b.kind = BoundStatement::Kind::kDropTable;
  b.if_exists = drop.if_exists;
  b.drop_sequence = drop.sequence;
  b.drop_view = drop.view;
  b.drop_index = drop.index;
  b.drop_schema = drop.schema;
  b.drop_cascade = drop.cascade;
  for (size_t i = 0; i < drop.names.size(); ++i) {
    const std::string& name = drop.names[i];
    const std::string& schema = drop.schemas[i];
    b.drop_names.push_back(schema.empty() ? name : schema + "." + name);
    if (drop.schema) {
      b.drop_keys.push_back(SchemaKey(name));
      continue;
    }
    if (!schema.empty()) {
      if (!catalog_.SchemaExists(schema, txn_id_)) {
        if (!drop.if_exists) return Status("3F000", "schema \"" + schema + "\" does not exist");
        b.drop_keys.emplace_back();
        b.drop_names.back() = "\x1e" + schema;  // the notice names the missing schema
        continue;
      }
      b.drop_keys.push_back(RelationKey(schema, name));
      continue;
    }
    Result<const TableSchema*> found = ResolveRelation("", name);
    b.drop_keys.push_back(found.ok() ? (*found)->Key() : std::string());
  }
  return b;
}

}  // namespace omendb::sql
