// The embedded SQL shell (`omendb shell`): runs SQL against a data directory in-process and
// prints results in psql's aligned format.
#pragma once

#include <istream>
#include <ostream>
#include <string>

namespace omendb::tools {

// Reads SQL from `in` (statement by statement, like psql), prints results to `out` and errors
// to `err` as psql does ("ERROR:  ..."). Prompts when `interactive`. Returns the process exit
// code: 0, or 1 if the database cannot be opened.
int RunShell(const std::string& data_dir, std::istream& in, std::ostream& out, std::ostream& err,
             bool interactive);

}  // namespace omendb::tools
