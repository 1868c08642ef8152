#include "sql/plan/in_list.h"

#include "types/type_io.h"

namespace omendb::sql {

std::shared_ptr<const InListKeys> MakeInListKeys(const BoundExpr& in) {
  constexpr size_t kMinItems = 16;
  if (in.kind != BoundExpr::Kind::kIn || in.children.size() <= kMinItems ||
      in.function == nullptr || in.function->name != "=") {
    return nullptr;
  }
  const LogicalType type = in.children[0]->type;
  for (size_t a = 1; a < in.children.size(); ++a) {
    const BoundExpr& item = *in.children[a];
    if (item.kind != BoundExpr::Kind::kConstant) return nullptr;
    if (!item.constant.is_null() && item.constant.type() != type) return nullptr;
  }
  auto out = std::make_shared<InListKeys>();
  Vector one(type, 1);
  one.Resize(1);
  std::string key;
  for (size_t a = 1; a < in.children.size(); ++a) {
    const Value& v = in.children[a]->constant;
    if (v.is_null()) {
      out->has_null = true;
      continue;
    }
    one.SetValue(0, v);
    key.clear();
    AppendHashKey(one, 0, &key);
    out->keys.insert(key);
  }
  return out;
}

}  // namespace omendb::sql
