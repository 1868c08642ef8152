// How values and results travel in the PostgreSQL protocol: result messages (RowDescription,
// DataRow in text or binary format per column, CommandComplete...) and parameter values of
// the extended protocol (types by OID, binary input).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "session/session.h"
#include "types/value.h"

namespace omendb::pgwire {

// The format code (0 text, 1 binary) of column or parameter `i` under a list of codes as the
// protocol sends it: none (all text), one (for all) or one per item.
int16_t FormatOf(const std::vector<int16_t>& formats, size_t i);

// Checks a list of format codes for `count` items: 08P01 for codes other than 0 and 1 and for
// a list that is neither empty, one code, nor one per item (`what`: "parameter", "result").
Status CheckFormats(const std::vector<int16_t>& formats, size_t count, const char* what);

// The type a Parse message's parameter OID stands for: kInvalid for 0 (unspecified) and 705
// (unknown). OIDs of types OmenDB does not have: 0A000.
Result<LogicalType> ParameterType(uint32_t oid);

// A binary-format parameter value of `type`, as PostgreSQL's receive functions read it:
// 08P01 "insufficient data left in message" when too short, 22P03 when longer than the type's
// layout or malformed.
Result<Value> DecodeBinary(LogicalType type, std::string_view bytes);

// Appends the binary format of non-NULL `v`.
void EncodeBinary(const Value& v, std::string* out);

// RowDescription for `columns`, each with its format code from `formats`.
void WriteRowDescription(std::string* out, const std::vector<ResultColumn>& columns,
                         const std::vector<int16_t>& formats);

// Encodes a query's results as backend messages. With `describe` false OnColumns sends
// nothing (Execute: Describe has told the columns).
// Sends *out to the client now and clears it (a statement's rows stream out as they are
// produced); an error ends the statement (the client is gone).
using FlushFn = std::function<Status(std::string* out)>;

// ParameterStatus ('S'): a run-time parameter's value, sent at start-up and when it changes.
void WriteParameterStatus(std::string* out, std::string_view name, std::string_view value);

class WireSink final : public ResultSink {
 public:
  explicit WireSink(std::string* out, std::vector<int16_t> formats = {}, bool describe = true,
                    const FlushFn* flush = nullptr)
      : out_(out), formats_(std::move(formats)), describe_(describe), flush_(flush) {}

  Status OnColumns(const std::vector<ResultColumn>& columns) override;
  Status OnChunk(const DataChunk& chunk, size_t column_count) override;
  Status OnComplete(const std::string& tag) override;
  void OnEmptyQuery() override;
  void OnNotice(std::string_view sqlstate, const std::string& message,
                const std::string& detail = {}) override;
  void OnWarning(std::string_view sqlstate, const std::string& message) override;
  void OnParameterStatus(const std::string& name, const std::string& value) override;

 private:
  std::string* out_;
  std::vector<int16_t> formats_;
  bool describe_;
  const FlushFn* flush_;
};

// Bytes of pending output after which a WireSink with a FlushFn sends them.
inline constexpr size_t kStreamFlushBytes = 256 * 1024;

}  // namespace omendb::pgwire
