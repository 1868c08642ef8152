#include "sql/execution/row_key.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace omendb::sql {

void AppendRowKey(const Vector& v, size_t i, std::string* key) {
  if (!v.IsValid(i)) {
    key->push_back(0);
    return;
  }
  key->push_back(1);
  switch (v.type().id()) {
    case TypeId::kBoolean: key->push_back(static_cast<char>(v.Data<uint8_t>()[i])); break;
    case TypeId::kInteger: key->append(reinterpret_cast<const char*>(&v.Data<int32_t>()[i]), 4); break;
    case TypeId::kBigInt: key->append(reinterpret_cast<const char*>(&v.Data<int64_t>()[i]), 8); break;
    case TypeId::kDouble: {
      double d = v.Data<double>()[i];
      if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();
      if (d == 0) d = 0;
      key->append(reinterpret_cast<const char*>(&d), 8);
      break;
    }
    default: {
      const std::string& s = v.Strings()[i];
      uint64_t n = s.size();
      key->append(reinterpret_cast<const char*>(&n), 8);
      key->append(s);
    }
  }
}

}  // namespace omendb::sql
