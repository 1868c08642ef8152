#include "shell.h"

#include <algorithm>
#include <vector>

#include "omendb/omendb.h"
#include "sql/parser/parser.h"

namespace omendb::tools {
namespace {

size_t DisplayWidth(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;  // count UTF-8 code points
  return w;
}

bool RightAligned(uint32_t oid) {
  switch (oid) {
    case 20: case 21: case 23: case 26: case 700: case 701: case 1700: return true;
    default: return false;
  }
}

// psql's default "aligned" format with border 1.
void PrintAligned(const StatementResult& r, std::ostream& out) {
  size_t n = r.columns.size();
  std::vector<size_t> width(n);
  for (size_t c = 0; c < n; ++c) width[c] = DisplayWidth(r.columns[c].name);
  for (const auto& row : r.rows) {
    for (size_t c = 0; c < n; ++c) width[c] = std::max(width[c], DisplayWidth(row[c].value_or("")));
  }
  std::string line;
  for (size_t c = 0; c < n; ++c) {
    const std::string& name = r.columns[c].name;
    size_t pad = width[c] - DisplayWidth(name);
    line += (c == 0 ? " " : " | ");
    line += std::string(pad / 2, ' ') + name + std::string(pad - pad / 2, ' ');
  }
  out << line << " \n";
  line.clear();
  for (size_t c = 0; c < n; ++c) {
    line += (c == 0 ? "-" : "-+-");
    line += std::string(width[c], '-');
  }
  out << line << "-\n";
  for (const auto& row : r.rows) {
    line.clear();
    for (size_t c = 0; c < n; ++c) {
      std::string v = row[c].value_or("");
      size_t pad = width[c] - DisplayWidth(v);
      line += (c == 0 ? " " : " | ");
      if (RightAligned(r.columns[c].type_oid)) {
        line += std::string(pad, ' ') + v;
      } else if (c + 1 < n) {
        line += v + std::string(pad, ' ');
      } else {
        line += v;  // psql leaves no trailing blanks after the last column
      }
    }
    out << line << "\n";
  }
  out << "(" << r.rows.size() << (r.rows.size() == 1 ? " row)\n\n" : " rows)\n\n");
}

void PrintError(const QueryError& e, std::ostream& err) {
  err << "ERROR:  " << e.message << "\n";
  if (!e.detail.empty()) err << "DETAIL:  " << e.detail << "\n";
  if (!e.hint.empty()) err << "HINT:  " << e.hint << "\n";
}

void RunOne(Connection* conn, const std::string& sql, std::ostream& out, std::ostream& err) {
  QueryResult r = conn->Query(sql);
  for (const std::string& n : r.notices) err << "NOTICE:  " << n << "\n";
  for (const StatementResult& s : r.statements) {
    if (!s.columns.empty()) {
      PrintAligned(s, out);
    } else {
      out << s.command_tag << "\n";
    }
  }
  if (r.error) PrintError(*r.error, err);
  out.flush();
}

bool EndsStatement(const std::string& buffer) {
  size_t last = buffer.find_last_not_of(" \t\r\n");
  return last != std::string::npos && buffer[last] == ';';
}

}  // namespace

int RunShell(const std::string& data_dir, std::istream& in, std::ostream& out, std::ostream& err,
             bool interactive) {
  QueryError open_error;
  std::unique_ptr<DB> db = DB::Open(data_dir, &open_error);
  if (!db) {
    err << "omendb: could not open \"" << data_dir << "\": " << open_error.message << "\n";
    return 1;
  }
  std::unique_ptr<Connection> conn = db->Connect();
  std::string buffer, line;
  auto flush = [&]() {
    Result<std::vector<std::string>> parts = sql::SplitStatements(buffer);
    buffer.clear();
    if (!parts.ok()) {
      err << "ERROR:  " << parts.status().message() << "\n";
      return;
    }
    for (const std::string& stmt : *parts) RunOne(conn.get(), stmt, out, err);
  };
  if (interactive) out << "OmenDB shell on \"" << data_dir << "\". End statements with ';', quit with \\q.\n";
  for (;;) {
    if (interactive) out << (buffer.empty() ? "omendb=> " : "omendb-> ") << std::flush;
    if (!std::getline(in, line)) break;
    if (buffer.empty() && (line == "\\q" || line == "\\quit")) break;
    buffer += line;
    buffer += '\n';
    if (EndsStatement(buffer)) flush();
  }
  if (buffer.find_first_not_of(" \t\r\n") != std::string::npos) flush();
  return 0;
}

}  // namespace omendb::tools
