#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/wal/log_reader.h"
#include "storage/wal/log_writer.h"
#include "storage/wal/record_buffer.h"

namespace omendb::wal {
namespace {

// Collects appended bytes in memory.
class StringFile final : public WritableFile {
 public:
  explicit StringFile(std::string* out) : out_(out) {}
  Status Append(std::string_view d) override {
    out_->append(d);
    return Status::OK();
  }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }

 private:
  std::string* out_;
};

class LogTest : public ::testing::Test {
 protected:
  void Write(const std::vector<std::string>& payloads) {
    LogWriter w(std::make_unique<StringFile>(&log_), 1);
    for (const auto& p : payloads) ASSERT_TRUE(w.AddRecord(RecordType::kCommit, p).ok());
  }
  // Reads all records; returns payloads, or the error message.
  std::vector<std::string> ReadAll(std::string_view data, Status* error = nullptr,
                                   LogReader** out_reader = nullptr) {
    reader_ = std::make_unique<LogReader>(data, "wal.log");
    std::vector<std::string> out;
    Record r;
    for (;;) {
      auto more = reader_->ReadRecord(&r);
      if (!more.ok()) {
        if (error) *error = more.status();
        break;
      }
      if (!*more) break;
      out.emplace_back(r.payload);
    }
    return out;
  }
  std::string log_;
  std::unique_ptr<LogReader> reader_;
};

TEST_F(LogTest, PiecesWriteTheSameRecordAsTheirConcatenation) {
  // Below and above the size at which the writer stops copying pieces into one write.
  for (size_t piece : {size_t{10}, size_t{50000}}) {
    std::string a(piece, 'a'), b(piece, 'b'), c = "c";
    std::string whole;
    {
      LogWriter w(std::make_unique<StringFile>(&whole), 1);
      ASSERT_TRUE(w.AddRecord(RecordType::kCommit, a + b + c).ok());
    }
    std::string pieces;
    {
      LogWriter w(std::make_unique<StringFile>(&pieces), 1);
      const std::vector<std::string_view> parts = {a, "", b, c};
      ASSERT_TRUE(w.AddRecord(RecordType::kCommit, parts).ok());
    }
    EXPECT_EQ(pieces, whole) << piece;
    auto got = ReadAll(pieces);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0], a + b + c);
  }
}

TEST(RecordBufferTest, GrowsInPiecesAndTruncatesAcrossThem) {
  RecordBuffer buf;
  EXPECT_TRUE(buf.empty());
  std::string expected;
  for (int i = 0; i < 5000; ++i) {
    std::string chunk(1000, static_cast<char>('a' + i % 26));
    buf.tail()->append(chunk);
    expected += chunk;
  }
  auto concat = [&] {
    std::string out;
    for (std::string_view p : buf.Pieces()) out.append(p);
    return out;
  };
  EXPECT_GT(buf.Pieces().size(), 3u);  // 5 MB in pieces of about 1 MiB
  EXPECT_EQ(buf.size(), expected.size());
  EXPECT_EQ(concat(), expected);
  // A savepoint's cut inside an earlier piece, then growth again.
  const size_t cut = 1500123;
  buf.Truncate(cut);
  expected.resize(cut);
  EXPECT_EQ(buf.size(), cut);
  EXPECT_EQ(concat(), expected);
  buf.tail()->append("tail");
  expected += "tail";
  EXPECT_EQ(concat(), expected);
  buf.Truncate(buf.size());  // a no-op
  EXPECT_EQ(concat(), expected);
  buf.Clear();
  EXPECT_TRUE(buf.empty());
  EXPECT_TRUE(buf.Pieces().empty());
}

TEST_F(LogTest, RoundTrip) {
  Write({"a", "", std::string(100000, 'x'), "last"});
  auto got = ReadAll(log_);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0], "a");
  EXPECT_EQ(got[1], "");
  EXPECT_EQ(got[2].size(), 100000u);
  EXPECT_EQ(got[3], "last");
  EXPECT_FALSE(reader_->torn_tail());
  EXPECT_EQ(reader_->valid_end(), log_.size());
}

TEST_F(LogTest, EveryTruncationIsATornTail) {
  Write({"first", "second record"});
  size_t first_end = kHeaderSize + 5;
  for (size_t cut = 0; cut < log_.size(); ++cut) {
    Status err;
    auto got = ReadAll(std::string_view(log_).substr(0, cut), &err);
    ASSERT_TRUE(err.ok()) << cut << " " << err.ToString();
    EXPECT_EQ(got.size(), cut >= first_end ? 1u : 0u) << cut;
    EXPECT_EQ(reader_->valid_end(), cut >= first_end ? first_end : 0u);
  }
}

TEST_F(LogTest, GarbledLastRecordIsTornTail) {
  Write({"first", "second"});
  log_[log_.size() - 1] ^= 0x40;
  Status err;
  auto got = ReadAll(log_, &err);
  EXPECT_TRUE(err.ok());
  EXPECT_EQ(got.size(), 1u);
  EXPECT_TRUE(reader_->torn_tail());
}

TEST_F(LogTest, ZeroFilledTailIsTornTail) {
  Write({"first"});
  log_.append(4096, '\0');
  Status err;
  auto got = ReadAll(log_, &err);
  EXPECT_TRUE(err.ok());
  EXPECT_EQ(got.size(), 1u);
}

TEST_F(LogTest, CorruptionBeforeTheEndIsAnError) {
  Write({"first", "second", "third"});
  log_[kHeaderSize + 2] ^= 0x01;  // inside the first payload
  Status err;
  auto got = ReadAll(log_, &err);
  EXPECT_TRUE(got.empty());
  EXPECT_EQ(err.sqlstate(), "XX001");
  EXPECT_EQ(err.message(), "WAL file \"wal.log\" is corrupt at offset 0: checksum mismatch");
}

TEST_F(LogTest, CorruptLengthIsAnError) {
  Write({"first", "second", "third"});
  size_t second = kHeaderSize + 5;
  log_[second + 7] = '\x7f';  // length high byte
  Status err;
  auto got = ReadAll(log_, &err);
  EXPECT_EQ(got.size(), 1u);
  EXPECT_EQ(err.sqlstate(), "XX001");
}

}  // namespace
}  // namespace omendb::wal
