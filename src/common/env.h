// Env: the file-system interface every durable component uses, so tests can substitute
// in-memory or fault-injecting implementations (the LevelDB Env idea).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace omendb {

// A file opened for appending. One writer at a time; Sync may run concurrently with Append
// (group commit syncs while the next records are appended).
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual Status Append(std::string_view data) = 0;
  // Makes all appended data durable (fdatasync). An error means durability is unknown: the
  // caller must not acknowledge anything that depended on this sync.
  virtual Status Sync() = 0;
  virtual Status Close() = 0;
};

class Env {
 public:
  virtual ~Env() = default;
  // The process-wide POSIX environment. Never deleted.
  static Env* Default();

  // Opens `path` for appending, creating it if missing.
  virtual Result<std::unique_ptr<WritableFile>> NewAppendableFile(const std::string& path) = 0;
  virtual Result<std::string> ReadFileToString(const std::string& path) = 0;
  virtual bool FileExists(const std::string& path) = 0;
  virtual Status CreateDirIfMissing(const std::string& path) = 0;
  // Shortens `path` to `size` bytes and makes the new length durable.
  virtual Status TruncateFile(const std::string& path, uint64_t size) = 0;
  // Makes the directory's entries (created/renamed files) durable.
  virtual Status SyncDir(const std::string& path) = 0;
  virtual Status RemoveFile(const std::string& path) = 0;
  // Atomically replaces `to` with `from` (POSIX rename); SyncDir makes it durable.
  virtual Status RenameFile(const std::string& from, const std::string& to) = 0;
  virtual Result<std::vector<std::string>> ListDir(const std::string& path) = 0;
};

}  // namespace omendb
