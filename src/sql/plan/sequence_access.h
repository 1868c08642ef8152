// SequenceAccess: what nextval, currval, setval and lastval need from the session running a
// statement (its transaction and its per-session last values).
#pragma once

#include <cstdint>

#include "catalog/table_schema.h"
#include "common/status.h"

namespace omendb::sql {

class SequenceAccess {
 public:
  virtual ~SequenceAccess() = default;
  // Advances `seq` (2200H when exhausted) and remembers the value for currval and lastval.
  virtual Result<int64_t> NextVal(const TableSchema& seq) = 0;
  // The value nextval last returned for `seq` in this session (55000 if none).
  virtual Result<int64_t> CurrVal(const TableSchema& seq) = 0;
  // Sets `seq` (22003 outside its bounds); returns `value`.
  virtual Result<int64_t> SetVal(const TableSchema& seq, int64_t value, bool is_called) = 0;
  // The value nextval last returned in this session, of any sequence (55000 if none).
  virtual Result<int64_t> LastVal() = 0;
};

}  // namespace omendb::sql
