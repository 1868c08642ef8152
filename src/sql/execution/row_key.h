// Byte images of values that are equal exactly when SQL would group or join them together.
#pragma once

#include <string>

#include "types/vector.h"

namespace omendb::sql {

// Appends the image of row i of v: NULL has its own image (grouping treats NULLs as equal;
// joins must skip NULL keys themselves), floats are normalized so that NaN = NaN and -0 = 0,
// as in PostgreSQL's float equality.
void AppendRowKey(const Vector& v, size_t i, std::string* key);

}  // namespace omendb::sql
