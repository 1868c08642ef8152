// SettingsAccess: what current_setting and set_config need from the session running a
// statement (its run-time parameters, as SET and SHOW see them).
#pragma once

#include <optional>
#include <string>

#include "common/status.h"

namespace omendb::sql {

class SettingsAccess {
 public:
  virtual ~SettingsAccess() = default;
  // The parameter's value as SHOW prints it; 42704 for an unknown name.
  virtual Result<std::string> SettingValue(const std::string& name) const = 0;
  // SET [LOCAL] name = value (no value: SET name TO DEFAULT), as set_config(name, value,
  // is_local) does it, with the errors of SET; returns the parameter's new value as SHOW
  // prints it.
  virtual Result<std::string> SetConfig(const std::string& name,
                                        const std::optional<std::string>& value,
                                        bool is_local) = 0;
};

}  // namespace omendb::sql
