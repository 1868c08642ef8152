#include "storage/segment/segment.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <climits>
#include <cstring>

#include "common/coding.h"
#include "common/crc32c.h"
#include "types/type_io.h"

namespace omendb {
namespace {

constexpr char kMagic[8] = {'O', 'M', 'E', 'N', 'S', 'E', 'G', '1'};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kTrailerMagic = 0x45534D4F;  // "OMSE"
constexpr size_t kHeaderSize = 64;
constexpr size_t kColumnEntrySize = 48;
constexpr size_t kZoneSize = 24;
constexpr size_t kTrailerSize = 8;
constexpr uint32_t kMaxColumns = 1600;  // PostgreSQL's limit

enum IndexKind : uint32_t { kNoIndex = 0, kInt32Index = 1, kInt64Index = 2 };

uint64_t Load64(const std::byte* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
uint32_t Load32(const std::byte* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

void Pad8(std::string* buf) { buf->resize((buf->size() + 7) & ~size_t{7}, '\0'); }

void Store64(std::string* buf, size_t at, uint64_t v) { std::memcpy(buf->data() + at, &v, 8); }
void Store32(std::string* buf, size_t at, uint32_t v) { std::memcpy(buf->data() + at, &v, 4); }

// PostgreSQL's float8 order: -0 equals 0, NaN is greater than everything.
bool DoubleLess(double a, double b) {
  if (std::isnan(a)) return false;
  if (std::isnan(b)) return true;
  return a < b;
}

size_t Width(TypeId t) { return LogicalType(t).FixedWidth(); }

// Zone maps keep numbers in place; other types keep the row numbers of their min and max.
bool ZoneByRow(PhysicalType p) {
  return p == PhysicalType::kString || p == PhysicalType::kInterval || p == PhysicalType::kUuid;
}

Status Corrupt(const std::string& name, const std::string& what) {
  return Status(sqlstate::kDataCorrupted, "segment file \"" + name + "\" is corrupt: " + what);
}

}  // namespace

Segment::~Segment() {
  if (mapped_ != nullptr) ::munmap(mapped_, mapped_length_);
}

Result<std::shared_ptr<const Segment>> Segment::Build(uint64_t table_id,
                                                      const std::vector<LogicalType>& types,
                                                      const std::vector<size_t>& key_columns,
                                                      const std::vector<DataChunk>& rows,
                                                      uint32_t epsilon) {
  uint64_t n = 0;
  for (const DataChunk& c : rows) n += c.size();
  const size_t ncols = types.size();
  std::string buf(kHeaderSize, '\0');
  std::memcpy(buf.data(), kMagic, 8);
  Store32(&buf, 8, kVersion);
  Store32(&buf, 12, static_cast<uint32_t>(ncols));
  Store64(&buf, 16, n);
  Store64(&buf, 24, table_id);
  Store32(&buf, 32, static_cast<uint32_t>(key_columns.size()));
  for (size_t k : key_columns) PutFixed32(&buf, static_cast<uint32_t>(k));
  Pad8(&buf);
  const size_t dir = buf.size();
  buf.resize(dir + ncols * kColumnEntrySize, '\0');
  const size_t blocks = (n + kVectorSize - 1) / kVectorSize;

  for (size_t c = 0; c < ncols; ++c) {
    const TypeId t = types[c].id();
    const size_t entry = dir + c * kColumnEntrySize;
    buf[entry] = static_cast<char>(t);
    // Validity bitmap, only when the column has NULLs.
    bool any_null = false;
    for (const DataChunk& chunk : rows) any_null = any_null || !chunk.column(c).AllValid();
    if (any_null) {
      Pad8(&buf);
      Store64(&buf, entry + 8, buf.size());
      std::string bits((n + 7) / 8, '\0');
      uint64_t row = 0;
      for (const DataChunk& chunk : rows) {
        for (size_t r = 0; r < chunk.size(); ++r, ++row) {
          if (chunk.column(c).IsValid(r)) bits[row / 8] = static_cast<char>(bits[row / 8] | (1 << (row % 8)));
        }
      }
      buf += bits;
    }
    // Values.
    Pad8(&buf);
    Store64(&buf, entry + 16, buf.size());
    const size_t w = Width(t);
    if (w > 0) {
      for (const DataChunk& chunk : rows) {
        buf.append(reinterpret_cast<const char*>(chunk.column(c).Data<uint8_t>()), chunk.size() * w);
      }
    } else {
      uint64_t offset = 0;
      PutFixed64(&buf, 0);
      for (const DataChunk& chunk : rows) {
        const auto& strings = chunk.column(c).Strings();
        for (size_t r = 0; r < chunk.size(); ++r) {
          if (chunk.column(c).IsValid(r)) offset += strings[r].size();
          PutFixed64(&buf, offset);
        }
      }
      Pad8(&buf);
      Store64(&buf, entry + 24, buf.size());
      Store64(&buf, entry + 32, offset);
      for (const DataChunk& chunk : rows) {
        const auto& strings = chunk.column(c).Strings();
        for (size_t r = 0; r < chunk.size(); ++r) {
          if (chunk.column(c).IsValid(r)) buf += strings[r];
        }
      }
    }
    // Zone maps: per block min, max (text: their row numbers), NULL count, value count.
    Pad8(&buf);
    Store64(&buf, entry + 40, buf.size());
    std::vector<uint64_t> zone(3 * blocks, 0);
    uint64_t row = 0;
    std::vector<uint64_t> nulls(blocks, 0), values(blocks, 0);
    // For row-numbered zones: where the block's current min and max are.
    std::vector<std::pair<const Vector*, size_t>> zmin(blocks), zmax(blocks);
    const PhysicalType p = types[c].physical();
    for (const DataChunk& chunk : rows) {
      const Vector& v = chunk.column(c);
      for (size_t r = 0; r < chunk.size(); ++r, ++row) {
        size_t b = row / kVectorSize;
        if (!v.IsValid(r)) {
          ++nulls[b];
          continue;
        }
        bool first = values[b]++ == 0;
        uint64_t& lo = zone[3 * b];
        uint64_t& hi = zone[3 * b + 1];
        if (ZoneByRow(p)) {
          if (first || CompareCells(v, r, *zmin[b].first, zmin[b].second) < 0) {
            zmin[b] = {&v, r};
            lo = row;
          }
          if (first || CompareCells(v, r, *zmax[b].first, zmax[b].second) > 0) {
            zmax[b] = {&v, r};
            hi = row;
          }
        } else if (p == PhysicalType::kDouble || p == PhysicalType::kFloat) {
          double x = p == PhysicalType::kDouble ? v.Data<double>()[r] : v.Data<float>()[r], l, h;
          std::memcpy(&l, &lo, 8);
          std::memcpy(&h, &hi, 8);
          if (first || DoubleLess(x, l)) std::memcpy(&lo, &x, 8);
          if (first || DoubleLess(h, x)) std::memcpy(&hi, &x, 8);
        } else {
          int64_t x = v.GetValue(r).GetInt();
          if (p == PhysicalType::kBool) x = v.Data<uint8_t>()[r];
          if (first || x < static_cast<int64_t>(lo)) lo = static_cast<uint64_t>(x);
          if (first || x > static_cast<int64_t>(hi)) hi = static_cast<uint64_t>(x);
        }
      }
    }
    for (size_t b = 0; b < blocks; ++b) {
      PutFixed64(&buf, zone[3 * b]);
      PutFixed64(&buf, zone[3 * b + 1]);
      PutFixed32(&buf, static_cast<uint32_t>(nulls[b]));
      PutFixed32(&buf, static_cast<uint32_t>(values[b]));
    }
  }

  // The learned index over a single integer key column.
  uint32_t kind = kNoIndex;
  std::vector<std::byte> model;
  if (key_columns.size() == 1 && n > 0) {
    PhysicalType kt = types[key_columns[0]].physical();
    auto build = [&](auto tag) -> Status {
      using K = decltype(tag);
      std::vector<K> keys;
      keys.reserve(n);
      for (const DataChunk& chunk : rows) {
        const K* d = chunk.column(key_columns[0]).Data<K>();
        keys.insert(keys.end(), d, d + chunk.size());
      }
      index::LearnedIndexOptions options;
      options.epsilon = epsilon;
      OMEN_ASSIGN_OR_RETURN(auto idx, index::LearnedIndex<K>::Build(keys, options));
      model.assign(idx.bytes().begin(), idx.bytes().end());
      return Status::OK();
    };
    if (kt == PhysicalType::kInt32) {
      OMEN_RETURN_IF_ERROR(build(int32_t{}));
      kind = kInt32Index;
    } else if (kt == PhysicalType::kInt64) {
      OMEN_RETURN_IF_ERROR(build(int64_t{}));
      kind = kInt64Index;
    }
  }
  Pad8(&buf);
  Store32(&buf, 36, kind);
  Store64(&buf, 40, model.empty() ? 0 : buf.size());
  Store64(&buf, 48, model.size());
  buf.append(reinterpret_cast<const char*>(model.data()), model.size());
  Pad8(&buf);
  Store64(&buf, 56, buf.size() + kTrailerSize);
  PutFixed32(&buf, crc32c::Mask(crc32c::Value(buf.data(), buf.size())));
  PutFixed32(&buf, kTrailerMagic);

  std::shared_ptr<Segment> seg(new Segment());
  seg->owned_.resize(buf.size() / 8);
  std::memcpy(seg->owned_.data(), buf.data(), buf.size());
  seg->bytes_ = std::as_bytes(std::span<const uint64_t>(seg->owned_));
  OMEN_RETURN_IF_ERROR(seg->Parse("(in memory)", /*verify_checksum=*/false));
  return std::shared_ptr<const Segment>(std::move(seg));
}

Result<std::shared_ptr<const Segment>> Segment::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError("could not open segment file \"" + path + "\": " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return IoError("could not stat segment file \"" + path + "\": " + std::strerror(e));
  }
  std::shared_ptr<Segment> seg(new Segment());
  size_t length = static_cast<size_t>(st.st_size);
  if (length > 0) {
    void* p = ::mmap(nullptr, length, PROT_READ, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
      int e = errno;
      ::close(fd);
      return IoError("could not map segment file \"" + path + "\": " + std::strerror(e));
    }
    seg->mapped_ = p;
    seg->mapped_length_ = length;
    seg->bytes_ = std::span<const std::byte>(static_cast<const std::byte*>(p), length);
  }
  ::close(fd);
  OMEN_RETURN_IF_ERROR(seg->Parse(path, /*verify_checksum=*/true));
  return std::shared_ptr<const Segment>(std::move(seg));
}

Status Segment::WriteTo(Env* env, const std::string& path) const {
  if (env->FileExists(path)) OMEN_RETURN_IF_ERROR(env->RemoveFile(path));
  std::unique_ptr<WritableFile> file;
  OMEN_ASSIGN_OR_RETURN(file, env->NewAppendableFile(path));
  OMEN_RETURN_IF_ERROR(file->Append(std::string_view(reinterpret_cast<const char*>(bytes_.data()),
                                                     bytes_.size())));
  OMEN_RETURN_IF_ERROR(file->Sync());
  return file->Close();
}

Status Segment::Parse(const std::string& name, bool verify_checksum) {
  const std::byte* b = bytes_.data();
  const size_t size = bytes_.size();
  if (size < kHeaderSize + kTrailerSize || std::memcmp(b, kMagic, 8) != 0) {
    return Corrupt(name, "bad header");
  }
  if (Load32(b + 8) != kVersion) return Corrupt(name, "unsupported version");
  if (Load64(b + 56) != size) return Corrupt(name, "length mismatch (truncated file?)");
  if (Load32(b + size - 4) != kTrailerMagic) return Corrupt(name, "bad trailer");
  if (verify_checksum &&
      crc32c::Mask(crc32c::Value(b, size - kTrailerSize)) != Load32(b + size - kTrailerSize)) {
    return Corrupt(name, "checksum mismatch");
  }
  const uint32_t ncols = Load32(b + 12);
  rows_ = Load64(b + 16);
  table_id_ = Load64(b + 24);
  const uint32_t nkeys = Load32(b + 32);
  if (ncols == 0 || ncols > kMaxColumns || nkeys > ncols || rows_ > (uint64_t{1} << 40)) {
    return Corrupt(name, "bad counts");
  }
  const size_t limit = size - kTrailerSize;
  size_t at = kHeaderSize;
  for (uint32_t k = 0; k < nkeys; ++k, at += 4) {
    uint32_t col = Load32(b + at);
    if (col >= ncols) return Corrupt(name, "bad key column");
    key_columns_.push_back(col);
  }
  at = (at + 7) & ~size_t{7};
  if (at + size_t{ncols} * kColumnEntrySize > limit) return Corrupt(name, "bad column directory");
  const uint64_t blocks = block_count();
  // A section [offset, offset + length) must lie inside the body, 8-byte aligned.
  auto section = [&](uint64_t offset, uint64_t length) {
    return offset % 8 == 0 && offset >= kHeaderSize && offset <= limit && length <= limit - offset;
  };
  for (uint32_t c = 0; c < ncols; ++c) {
    const std::byte* e = b + at + size_t{c} * kColumnEntrySize;
    Column col;
    auto t = static_cast<TypeId>(static_cast<uint8_t>(e[0]));
    if (!LogicalType(t).IsStorable()) return Corrupt(name, "bad column type");
    col.type = t;
    uint64_t validity = Load64(e + 8), data = Load64(e + 16), heap = Load64(e + 24),
             heap_length = Load64(e + 32), zones = Load64(e + 40);
    if (validity != 0) {
      if (!section(validity, (rows_ + 7) / 8)) return Corrupt(name, "bad validity section");
      col.validity = reinterpret_cast<const uint8_t*>(b + validity);
    }
    const size_t w = Width(t);
    if (!section(data, w > 0 ? rows_ * w : (rows_ + 1) * 8)) return Corrupt(name, "bad data section");
    col.data = b + data;
    if (w == 0) {
      if (!section(heap, heap_length)) return Corrupt(name, "bad text heap");
      col.heap = reinterpret_cast<const char*>(b + heap);
      col.heap_length = heap_length;
      uint64_t prev = Load64(col.data);
      if (prev != 0) return Corrupt(name, "bad text offsets");
      for (uint64_t r = 1; r <= rows_; ++r) {
        uint64_t next = Load64(col.data + r * 8);
        if (next < prev || next > heap_length) return Corrupt(name, "bad text offsets");
        prev = next;
      }
    }
    if (!section(zones, blocks * kZoneSize)) return Corrupt(name, "bad zone maps");
    col.zones = b + zones;
    columns_.push_back(col);
  }
  for (size_t k : key_columns_) {
    // Keys are never NULL.
    if (columns_[k].validity != nullptr) return Corrupt(name, "NULL in a key column");
  }
  int_key_ = key_columns_.size() == 1 &&
             (columns_[key_columns_[0]].type.physical() == PhysicalType::kInt32 ||
              columns_[key_columns_[0]].type.physical() == PhysicalType::kInt64);
  const uint32_t kind = Load32(b + 36);
  const uint64_t index_offset = Load64(b + 40), index_length = Load64(b + 48);
  if (kind != kNoIndex) {
    PhysicalType want = kind == kInt32Index ? PhysicalType::kInt32 : PhysicalType::kInt64;
    if (kind > kInt64Index || key_columns_.size() != 1 ||
        columns_[key_columns_[0]].type.physical() != want ||
        !section(index_offset, index_length)) {
      return Corrupt(name, "bad learned index section");
    }
    std::span<const std::byte> model(b + index_offset, index_length);
    index::OpenOptions options;
    options.verify_checksum = verify_checksum;
    auto open = [&](auto tag) -> Status {
      using K = decltype(tag);
      std::span<const K> keys(reinterpret_cast<const K*>(columns_[key_columns_[0]].data), rows_);
      auto view = index::LearnedIndexView<K>::Open(model, keys, options);
      if (!view.ok()) return Corrupt(name, "learned index: " + view.status().message());
      index_ = *view;
      return Status::OK();
    };
    OMEN_RETURN_IF_ERROR(kind == kInt32Index ? open(int32_t{}) : open(int64_t{}));
  }
  return Status::OK();
}

bool Segment::IsValid(size_t col, uint64_t row) const {
  const uint8_t* v = columns_[col].validity;
  return v == nullptr || ((v[row / 8] >> (row % 8)) & 1) != 0;
}

std::string_view Segment::GetString(size_t col, uint64_t row) const {
  const Column& c = columns_[col];
  uint64_t from = Load64(c.data + row * 8), to = Load64(c.data + (row + 1) * 8);
  return std::string_view(c.heap + from, to - from);
}

Value Segment::GetValue(size_t col, uint64_t row) const {
  const Column& c = columns_[col];
  if (!IsValid(col, row)) return Value::Null(c.type);
  switch (c.type.physical()) {
    case PhysicalType::kBool: return Value::Boolean(static_cast<uint8_t>(c.data[row]) != 0);
    case PhysicalType::kInt16: {
      int16_t x;
      std::memcpy(&x, c.data + row * 2, 2);
      return Value::Int(c.type, x);
    }
    case PhysicalType::kInt32: return Value::Int(c.type, static_cast<int32_t>(Load32(c.data + row * 4)));
    case PhysicalType::kInt64: return Value::Int(c.type, static_cast<int64_t>(Load64(c.data + row * 8)));
    case PhysicalType::kFloat: {
      float f;
      std::memcpy(&f, c.data + row * 4, 4);
      return Value::Real(f);
    }
    case PhysicalType::kDouble: {
      double d;
      std::memcpy(&d, c.data + row * 8, 8);
      return Value::Double(d);
    }
    case PhysicalType::kInterval: {
      IntervalValue iv;
      std::memcpy(&iv, c.data + row * 16, 16);
      return Value::Interval(iv);
    }
    case PhysicalType::kUuid: {
      UuidValue u;
      std::memcpy(&u, c.data + row * 16, 16);
      return Value::Uuid(u);
    }
    case PhysicalType::kString: return Value::String(c.type, std::string(GetString(col, row)));
  }
  return Value::Null(c.type);
}

void Segment::AppendRow(uint64_t row, const std::vector<size_t>& column_ids, DataChunk* out) const {
  for (size_t i = 0; i < column_ids.size(); ++i) {
    size_t col = column_ids[i];
    Vector& v = out->column(i);
    const Column& c = columns_[col];
    size_t at = v.size();
    v.Resize(at + 1);
    if (!IsValid(col, row)) {
      v.SetValid(at, false);
      continue;
    }
    const size_t w = Width(c.type.id());
    if (w > 0) {
      std::memcpy(v.Data<uint8_t>() + at * w, c.data + row * w, w);
    } else {
      v.Strings()[at] = std::string(GetString(col, row));
    }
  }
}

void Segment::AppendRows(uint64_t row, uint64_t count, const std::vector<size_t>& column_ids,
                         DataChunk* out) const {
  for (size_t i = 0; i < column_ids.size(); ++i) {
    size_t col = column_ids[i];
    Vector& v = out->column(i);
    const Column& c = columns_[col];
    size_t at = v.size();
    v.Resize(at + count);  // new entries are valid
    if (c.validity != nullptr) {
      for (uint64_t r = 0; r < count; ++r) {
        if (!IsValid(col, row + r)) v.SetValid(at + r, false);
      }
    }
    const size_t w = Width(c.type.id());
    if (w > 0) {
      std::memcpy(v.Data<uint8_t>() + at * w, c.data + row * w, count * w);
    } else {
      std::vector<std::string>& strings = v.Strings();
      for (uint64_t r = 0; r < count; ++r) {
        std::string_view text = GetString(col, row + r);  // empty for NULL
        strings[at + r].assign(text.data(), text.size());
      }
    }
  }
}

void Segment::AppendSelected(size_t col, uint64_t row, const uint32_t* sel, size_t n,
                             Vector* out) const {
  const Column& c = columns_[col];
  const size_t at = out->size();
  out->Resize(at + n);  // new entries are valid
  if (c.validity != nullptr) {
    for (size_t k = 0; k < n; ++k) {
      if (!IsValid(col, row + sel[k])) out->SetValid(at + k, false);
    }
  }
  const size_t w = Width(c.type.id());
  if (w == 0) {
    std::vector<std::string>& strings = out->Strings();
    for (size_t k = 0; k < n; ++k) {
      std::string_view text = GetString(col, row + sel[k]);  // empty for NULL
      strings[at + k].assign(text.data(), text.size());
    }
    return;
  }
  uint8_t* dst = out->Data<uint8_t>() + at * w;
  const std::byte* src = c.data + row * w;
  switch (w) {
    case 4:
      for (size_t k = 0; k < n; ++k) std::memcpy(dst + k * 4, src + size_t{sel[k]} * 4, 4);
      break;
    case 8:
      for (size_t k = 0; k < n; ++k) std::memcpy(dst + k * 8, src + size_t{sel[k]} * 8, 8);
      break;
    default:
      for (size_t k = 0; k < n; ++k) std::memcpy(dst + k * w, src + size_t{sel[k]} * w, w);
  }
}

int64_t Segment::IntKeyAt(uint64_t row) const {
  const Column& c = columns_[key_columns_[0]];
  if (c.type.physical() == PhysicalType::kInt32) return static_cast<int32_t>(Load32(c.data + row * 4));
  return static_cast<int64_t>(Load64(c.data + row * 8));
}

uint64_t Segment::LowerBoundInt(int64_t key) const {
  if (const auto* v32 = std::get_if<index::LearnedIndexView<int32_t>>(&index_)) {
    if (key < INT32_MIN) return 0;
    if (key > INT32_MAX) return rows_;
    return v32->lower_bound(static_cast<int32_t>(key));
  }
  if (const auto* v64 = std::get_if<index::LearnedIndexView<int64_t>>(&index_)) {
    return v64->lower_bound(key);
  }
  return LowerBound({Value::Int(columns_[key_columns_[0]].type, key)});
}

uint64_t Segment::FindInt(int64_t key) const {
  // One dispatch, and the key compared where the index's search left it (in cache).
  if (const auto* v64 = std::get_if<index::LearnedIndexView<int64_t>>(&index_)) {
    const size_t row = v64->lower_bound(key);
    return row < rows_ && v64->keys()[row] == key ? row : UINT64_MAX;
  }
  if (const auto* v32 = std::get_if<index::LearnedIndexView<int32_t>>(&index_)) {
    if (key < INT32_MIN || key > INT32_MAX) return UINT64_MAX;
    const size_t row = v32->lower_bound(static_cast<int32_t>(key));
    return row < rows_ && v32->keys()[row] == key ? row : UINT64_MAX;
  }
  const uint64_t row = LowerBoundInt(key);
  return row < rows_ && IntKeyAt(row) == key ? row : UINT64_MAX;
}

uint64_t Segment::UpperBoundInt(int64_t key) const {
  if (const auto* v32 = std::get_if<index::LearnedIndexView<int32_t>>(&index_)) {
    if (key < INT32_MIN) return 0;
    if (key > INT32_MAX) return rows_;
    return v32->upper_bound(static_cast<int32_t>(key));
  }
  if (const auto* v64 = std::get_if<index::LearnedIndexView<int64_t>>(&index_)) {
    return v64->upper_bound(key);
  }
  return UpperBound({Value::Int(columns_[key_columns_[0]].type, key)});
}

std::vector<Value> Segment::KeyAt(uint64_t row) const {
  std::vector<Value> key;
  key.reserve(key_columns_.size());
  for (size_t k : key_columns_) key.push_back(GetValue(k, row));
  return key;
}

template <bool kUpper>
uint64_t Segment::Search(const std::vector<Value>& prefix) const {
  if (prefix.size() == 1) {
    if (const auto* v32 = std::get_if<index::LearnedIndexView<int32_t>>(&index_)) {
      auto k = static_cast<int32_t>(prefix[0].GetInt());
      return kUpper ? v32->upper_bound(k) : v32->lower_bound(k);
    }
    if (const auto* v64 = std::get_if<index::LearnedIndexView<int64_t>>(&index_)) {
      int64_t k = prefix[0].GetInt();
      return kUpper ? v64->upper_bound(k) : v64->lower_bound(k);
    }
  }
  // Binary search: the first row whose key prefix compares > prefix (upper) or >= (lower).
  uint64_t lo = 0, hi = rows_;
  while (lo < hi) {
    uint64_t mid = lo + (hi - lo) / 2;
    int c = 0;
    for (size_t i = 0; i < prefix.size() && c == 0; ++i) {
      c = Value::Compare(GetValue(key_columns_[i], mid), prefix[i]);
    }
    if (kUpper ? c <= 0 : c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

uint64_t Segment::LowerBound(const std::vector<Value>& prefix) const { return Search<false>(prefix); }
uint64_t Segment::UpperBound(const std::vector<Value>& prefix) const { return Search<true>(prefix); }

Segment::Zone Segment::ZoneOf(size_t col, size_t block) const {
  const Column& c = columns_[col];
  const std::byte* z = c.zones + block * kZoneSize;
  Zone zone;
  zone.nulls = Load32(z + 16);
  uint32_t values = Load32(z + 20);
  if (values == 0) {
    zone.min = zone.max = Value::Null(c.type);
    return zone;
  }
  uint64_t lo = Load64(z), hi = Load64(z + 8);
  const PhysicalType p = c.type.physical();
  if (ZoneByRow(p)) {
    zone.min = GetValue(col, std::min(lo, rows_ - 1));
    zone.max = GetValue(col, std::min(hi, rows_ - 1));
  } else if (p == PhysicalType::kDouble || p == PhysicalType::kFloat) {
    double l, h;
    std::memcpy(&l, &lo, 8);
    std::memcpy(&h, &hi, 8);
    zone.min = p == PhysicalType::kDouble ? Value::Double(l) : Value::Real(static_cast<float>(l));
    zone.max = p == PhysicalType::kDouble ? Value::Double(h) : Value::Real(static_cast<float>(h));
  } else if (p == PhysicalType::kBool) {
    zone.min = Value::Boolean(lo != 0);
    zone.max = Value::Boolean(hi != 0);
  } else {
    zone.min = Value::Int(c.type, static_cast<int64_t>(lo));
    zone.max = Value::Int(c.type, static_cast<int64_t>(hi));
  }
  return zone;
}

Segment::IndexInfo Segment::index_info() const {
  IndexInfo info;
  auto fill = [&](const auto& view) {
    info.epsilon = view.epsilon();
    info.models = view.num_segments();
    info.bytes = view.memory_bytes();
  };
  if (const auto* v32 = std::get_if<index::LearnedIndexView<int32_t>>(&index_)) fill(*v32);
  if (const auto* v64 = std::get_if<index::LearnedIndexView<int64_t>>(&index_)) fill(*v64);
  return info;
}

}  // namespace omendb
