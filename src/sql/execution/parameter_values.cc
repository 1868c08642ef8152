#include "sql/execution/parameter_values.h"

namespace omendb::sql {
namespace {
thread_local const std::vector<Value>* current_values = nullptr;
}  // namespace

const std::vector<Value>* CurrentParameterValues() { return current_values; }

ScopedParameterValues::ScopedParameterValues(const std::vector<Value>* values)
    : saved_(current_values) {
  current_values = values;
}

ScopedParameterValues::~ScopedParameterValues() { current_values = saved_; }

}  // namespace omendb::sql
