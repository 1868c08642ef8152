// CRC32C (Castagnoli), hardware-accelerated with SSE4.2. Used by the WAL and on-disk formats.
#pragma once

#include <cstddef>
#include <cstdint>

namespace omendb::crc32c {

// Returns the CRC32C of data[0, n) continuing from `init` (the CRC of preceding bytes).
uint32_t Extend(uint32_t init, const void* data, size_t n);
inline uint32_t Value(const void* data, size_t n) { return Extend(0, data, n); }

// Masked CRCs are stored on disk so that a CRC over data containing CRCs stays well distributed
// (the LevelDB convention).
inline uint32_t Mask(uint32_t crc) { return ((crc >> 15) | (crc << 17)) + 0xa282ead8u; }
inline uint32_t Unmask(uint32_t masked) {
  uint32_t rot = masked - 0xa282ead8u;
  return (rot >> 17) | (rot << 15);
}

}  // namespace omendb::crc32c
