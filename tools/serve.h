// `omendb serve`: the server process (PostgreSQL protocol + HTTP) on one data directory.
#pragma once

#include <cstdint>
#include <string>

#include "storage/storage_engine.h"

namespace omendb::tools {

struct ServeOptions {
  std::string data_dir;
  std::string host = "127.0.0.1";
  uint16_t port = 55432;
  uint16_t http_port = 58080;
  StorageOptions storage;  // merge and checkpoint thresholds
};

// Opens the database, listens, prints the bound addresses and serves until SIGINT/SIGTERM.
// Returns the exit code.
int RunServer(const ServeOptions& options);

}  // namespace omendb::tools
