// Binary encoding of rows for WAL records: per column a null byte, then the value
// (bool 1 byte, integer 4 bytes, bigint and double 8 bytes little endian, text length-prefixed).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/coding.h"
#include "common/status.h"
#include "types/vector.h"

namespace omendb {

void EncodeRow(const DataChunk& chunk, size_t row, std::string* dst);
// The bytes EncodeRows appends for `chunk`.
size_t EncodedRowsSize(const DataChunk& chunk);
// Appends every row of `chunk`, each as EncodeRow encodes it. REQUIRES: `encoded_size` is
// EncodedRowsSize(chunk) (callers that length-prefix the rows have it already).
void EncodeRows(const DataChunk& chunk, size_t encoded_size, std::string* dst);
// Appends one decoded row of `types` to *chunk. Returns false on malformed input.
bool DecodeRow(Decoder* in, DataChunk* chunk);

}  // namespace omendb
