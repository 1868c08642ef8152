// omendb: the server and the embedded shell in one binary.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "serve.h"
#include "shell.h"

int main(int argc, char** argv) {
  CLI::App app{"OmenDB: a PostgreSQL-compatible HTAP database"};
  app.require_subcommand(1);

  omendb::tools::ServeOptions serve;
  serve.data_dir = "./omendb-data";
  CLI::App* serve_cmd = app.add_subcommand("serve", "Run the server (PostgreSQL protocol + HTTP)");
  serve_cmd->add_option("--data-dir", serve.data_dir, "Data directory (created if missing)")
      ->capture_default_str();
  serve_cmd->add_option("--host", serve.host, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "PostgreSQL protocol port (0 = pick a free one)")
      ->capture_default_str();
  serve_cmd->add_option("--http-port", serve.http_port, "HTTP port (0 = pick a free one)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--merge-threshold", serve.storage.merge_threshold,
                   "Row versions in a table's delta store that trigger a merge into its main store")
      ->capture_default_str();
  serve_cmd
      ->add_option("--checkpoint-wal-bytes", serve.storage.checkpoint_wal_bytes,
                   "WAL bytes written since the last checkpoint that trigger the next one")
      ->capture_default_str();

  std::string shell_dir = "./omendb-data";
  CLI::App* shell_cmd =
      app.add_subcommand("shell", "Embedded SQL shell on a data directory (no server)");
  shell_cmd->add_option("--data-dir", shell_dir, "Data directory (created if missing)")
      ->capture_default_str();

  app.footer(
      "Usage:\n"
      "  omendb serve [--data-dir DIR] [--host ADDR] [--port N] [--http-port N]\n"
      "               [--merge-threshold N] [--checkpoint-wal-bytes N]\n"
      "      defaults: --data-dir ./omendb-data --host 127.0.0.1 --port 55432 --http-port 58080;\n"
      "      port 0 picks a free port; the chosen ports are printed on start\n"
      "  omendb shell [--data-dir DIR]\n"
      "      embedded SQL shell on the data directory; reads SQL from stdin when it is not a\n"
      "      terminal\n"
      "Connect with: psql -h 127.0.0.1 -p 55432 -U postgres");

  CLI11_PARSE(app, argc, argv);
  if (serve_cmd->parsed()) return omendb::tools::RunServer(serve);
  return omendb::tools::RunShell(shell_dir, std::cin, std::cout, std::cerr, ::isatty(0) != 0);
}
