// FaultInjectionEnv: an Env for tests that forwards to another Env and makes chosen
// WritableFile::Append / WritableFile::Sync calls fail, as a full disk, a failing device or a
// failed fdatasync would.
//
// What it promises:
// - Every operation is forwarded unchanged to the wrapped Env until a fault is armed.
// - FailAppend(after, ...) lets `after` further Append calls succeed, then fails the next one
//   (and, when `every_later`, every Append after it) with 58030 and a message starting
//   "injected I/O error". A failed Append writes nothing, or, when `torn_bytes` > 0, writes the
//   first min(torn_bytes, size - 1) bytes of the data first (a torn write: never the whole data).
// - FailSync(after, ...) does the same for Sync. A failed Sync does not call the wrapped Sync:
//   the data stays wherever the wrapped file left it (in the OS page cache for the POSIX Env,
//   so it survives a process restart). DropUnsyncedData() then models the other possible
//   outcome of a failed fdatasync: the data that was never successfully synced is lost.
// - Only files whose path ends with the target suffix (set_target; default: every file) are
//   subject to faults. Counters count the calls on every file and the injected failures.
// - Thread-safe: Append and Sync may run concurrently on one file, and files on many threads.
// - The Env must outlive the files it opens.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/env.h"
#include "common/status.h"

namespace omendb {

class FaultInjectionEnv final : public Env {
 public:
  explicit FaultInjectionEnv(Env* base = Env::Default()) : base_(base) {}

  // Arms an Append fault: `after` more Appends succeed, the next fails (and every later one
  // too when `every_later`). A failing Append writes `torn_bytes` of its data first (capped
  // so that at least one byte is missing); 0 writes nothing.
  void FailAppend(uint64_t after = 0, bool every_later = true, size_t torn_bytes = 0) {
    std::lock_guard l(mu_);
    append_ = Fault{true, after, every_later};
    torn_bytes_ = torn_bytes;
  }
  // Arms a Sync fault: `after` more Syncs succeed, the next fails (and every later one too
  // when `every_later`).
  void FailSync(uint64_t after = 0, bool every_later = true) {
    std::lock_guard l(mu_);
    sync_ = Fault{true, after, every_later};
  }
  // Disarms every fault; counters keep counting.
  void ClearFaults() {
    std::lock_guard l(mu_);
    append_ = sync_ = Fault{};
    torn_bytes_ = 0;
  }
  // Faults apply only to files whose path ends with `suffix` ("" = every file).
  void set_target(std::string suffix) {
    std::lock_guard l(mu_);
    target_ = std::move(suffix);
  }

  // Calls of Append / Sync on files of this Env (successful or failed), and injected failures.
  uint64_t appends() const { return appends_.load(); }
  uint64_t syncs() const { return syncs_.load(); }
  uint64_t failed_appends() const { return failed_appends_.load(); }
  uint64_t failed_syncs() const { return failed_syncs_.load(); }

  // Cuts every file opened through this Env back to the length it had at its last successful
  // Sync (or when it was opened, if it never synced): the bytes a crash after a failed
  // fdatasync may lose. Data appended before a Sync started counts as synced when that Sync
  // succeeds. REQUIRES: the files are closed (call it after the engine is destroyed).
  Status DropUnsyncedData() {
    std::lock_guard l(mu_);
    for (auto& [path, state] : files_) {
      std::lock_guard fl(state->mu);
      if (state->size > state->synced) {
        OMEN_RETURN_IF_ERROR(base_->TruncateFile(path, state->synced));
        state->size = state->synced;
      }
    }
    return Status::OK();
  }

  // --- Env ---
  Result<std::unique_ptr<WritableFile>> NewAppendableFile(const std::string& path) override {
    uint64_t size = 0;
    if (base_->FileExists(path)) {
      // Test-sized files: reading is the Env-neutral way to learn the length.
      std::string data;
      OMEN_ASSIGN_OR_RETURN(data, base_->ReadFileToString(path));
      size = data.size();
    }
    std::unique_ptr<WritableFile> file;
    OMEN_ASSIGN_OR_RETURN(file, base_->NewAppendableFile(path));
    auto state = std::make_shared<FileState>();
    state->size = state->synced = size;
    {
      std::lock_guard l(mu_);
      files_[path] = state;
    }
    return std::unique_ptr<WritableFile>(new File(this, path, std::move(file), std::move(state)));
  }
  Result<std::string> ReadFileToString(const std::string& path) override {
    return base_->ReadFileToString(path);
  }
  bool FileExists(const std::string& path) override { return base_->FileExists(path); }
  Status CreateDirIfMissing(const std::string& path) override {
    return base_->CreateDirIfMissing(path);
  }
  Status TruncateFile(const std::string& path, uint64_t size) override {
    OMEN_RETURN_IF_ERROR(base_->TruncateFile(path, size));
    std::lock_guard l(mu_);
    auto it = files_.find(path);
    if (it != files_.end()) {
      std::lock_guard fl(it->second->mu);
      it->second->size = std::min(it->second->size, size);
      it->second->synced = std::min(it->second->synced, size);  // TruncateFile is durable
    }
    return Status::OK();
  }
  Status SyncDir(const std::string& path) override { return base_->SyncDir(path); }
  Status RemoveFile(const std::string& path) override { return base_->RemoveFile(path); }
  Status RenameFile(const std::string& from, const std::string& to) override {
    return base_->RenameFile(from, to);
  }
  Result<std::vector<std::string>> ListDir(const std::string& path) override {
    return base_->ListDir(path);
  }

 private:
  struct Fault {
    bool armed = false;
    uint64_t after = 0;  // operations still allowed to succeed
    bool every_later = true;
  };
  // Lengths of one file as appended and as last synced.
  struct FileState {
    std::mutex mu;
    uint64_t size = 0;
    uint64_t synced = 0;
  };

  class File final : public WritableFile {
   public:
    File(FaultInjectionEnv* env, std::string path, std::unique_ptr<WritableFile> base,
         std::shared_ptr<FileState> state)
        : env_(env), path_(std::move(path)), base_(std::move(base)), state_(std::move(state)) {}

    Status Append(std::string_view data) override {
      env_->appends_.fetch_add(1);
      size_t torn = 0;
      if (env_->ShouldFail(path_, &env_->append_, &torn)) {
        env_->failed_appends_.fetch_add(1);
        if (torn > 0 && !data.empty()) {
          std::string_view part = data.substr(0, std::min(torn, data.size() - 1));
          if (base_->Append(part).ok()) Grow(part.size());
        }
        return IoError("injected I/O error: could not write to file \"" + path_ + "\"");
      }
      OMEN_RETURN_IF_ERROR(base_->Append(data));
      Grow(data.size());
      return Status::OK();
    }

    Status Sync() override {
      env_->syncs_.fetch_add(1);
      if (env_->ShouldFail(path_, &env_->sync_, nullptr)) {
        env_->failed_syncs_.fetch_add(1);
        return IoError("injected I/O error: could not fdatasync file \"" + path_ + "\"");
      }
      uint64_t covered;
      {
        std::lock_guard l(state_->mu);
        covered = state_->size;  // fully appended before this Sync started
      }
      OMEN_RETURN_IF_ERROR(base_->Sync());
      std::lock_guard l(state_->mu);
      state_->synced = std::max(state_->synced, covered);
      return Status::OK();
    }

    Status Close() override { return base_->Close(); }

   private:
    void Grow(uint64_t n) {
      std::lock_guard l(state_->mu);
      state_->size += n;
    }

    FaultInjectionEnv* env_;
    std::string path_;
    std::unique_ptr<WritableFile> base_;
    std::shared_ptr<FileState> state_;
  };

  // Decides whether this call on `path` fails under `fault`, consuming one allowed success.
  bool ShouldFail(const std::string& path, Fault* fault, size_t* torn) {
    std::lock_guard l(mu_);
    if (!fault->armed) return false;
    if (path.size() < target_.size() ||
        path.compare(path.size() - target_.size(), target_.size(), target_) != 0) {
      return false;
    }
    if (fault->after > 0) {
      --fault->after;
      return false;
    }
    if (!fault->every_later) fault->armed = false;
    if (torn != nullptr) *torn = torn_bytes_;
    return true;
  }

  Env* base_;
  std::mutex mu_;  // guards the faults, target_ and files_
  Fault append_, sync_;
  size_t torn_bytes_ = 0;
  std::string target_;
  std::map<std::string, std::shared_ptr<FileState>> files_;
  std::atomic<uint64_t> appends_{0}, syncs_{0}, failed_appends_{0}, failed_syncs_{0};
};

}  // namespace omendb
