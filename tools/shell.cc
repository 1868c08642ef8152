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

// The "LINE n: ..." and caret lines psql prints under an error with a position (libpq's
// reportErrorPosition: 60-column window, tabs shown as spaces).
std::string PositionLines(const std::string& query, int position) {
  constexpr int kDisplaySize = 60, kMinRightCut = 10;
  // Work on characters (UTF-8 code points), each one display column wide.
  std::vector<std::string> chars;
  for (size_t i = 0; i < query.size();) {
    size_t n = 1;
    while (i + n < query.size() && (static_cast<unsigned char>(query[i + n]) & 0xC0) == 0x80) ++n;
    chars.push_back(query.substr(i, n));
    i += n;
  }
  int loc = std::max(position - 1, 0);
  int clen = static_cast<int>(chars.size());
  if (loc > clen) return "";
  int ibeg = 0, iend = clen, line = 1;
  for (int i = 0; i < clen; ++i) {
    if (chars[i] == "\t") chars[i] = " ";
    bool nl = chars[i] == "\n" || chars[i] == "\r";
    if (!nl) continue;
    if (i < loc) {
      // \r\n counts as one line break.
      if (!(chars[i] == "\r" && i + 1 < clen && chars[i + 1] == "\n")) ++line;
      ibeg = i + 1;
    } else {
      iend = i;
      break;
    }
  }
  bool beg_trunc = false, end_trunc = false;
  if (iend - ibeg > kDisplaySize) {
    if (ibeg + kDisplaySize >= loc + kMinRightCut) {
      while (iend - ibeg > kDisplaySize) --iend;
      end_trunc = true;
    } else {
      while (loc + kMinRightCut < iend) {
        --iend;
        end_trunc = true;
      }
      while (iend - ibeg > kDisplaySize) {
        ++ibeg;
        beg_trunc = true;
      }
    }
  }
  std::string prefix = "LINE " + std::to_string(line) + ": " + (beg_trunc ? "..." : "");
  std::string out = prefix;
  for (int i = ibeg; i < iend; ++i) out += chars[i];
  if (end_trunc) out += "...";
  out += "\n" + std::string(prefix.size() + static_cast<size_t>(loc - ibeg), ' ') + "^\n";
  return out;
}

void PrintError(const QueryError& e, const std::string& query, std::ostream& err) {
  err << "ERROR:  " << e.message << "\n";
  if (e.position >= 0) {
    // The position is a byte offset; psql's is 1-based characters.
    int chars = 1;
    for (int i = 0; i < e.position && i < static_cast<int>(query.size()); ++i) {
      chars += (static_cast<unsigned char>(query[i]) & 0xC0) != 0x80;
    }
    err << PositionLines(query, chars);
  }
  if (!e.detail.empty()) err << "DETAIL:  " << e.detail << "\n";
  if (!e.hint.empty()) err << "HINT:  " << e.hint << "\n";
}

void RunOne(Connection* conn, const std::string& sql, std::ostream& out, std::ostream& err) {
  QueryResult r = conn->Query(sql);
  for (const Notice& n : r.notices) err << n.severity << ":  " << n.message << "\n";
  for (const StatementResult& s : r.statements) {
    if (!s.columns.empty()) {
      PrintAligned(s, out);
    } else {
      out << s.command_tag << "\n";
    }
  }
  if (r.error) PrintError(*r.error, sql, err);
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
    std::string buffer_copy = std::move(buffer);
    buffer.clear();
    Result<std::vector<std::string>> parts = sql::SplitStatements(buffer_copy);
    if (!parts.ok()) {
      QueryError e;
      e.message = parts.status().message();
      e.position = parts.status().position().value_or(-1);
      PrintError(e, buffer_copy, err);
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
