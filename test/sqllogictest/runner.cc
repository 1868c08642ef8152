// omendb_sqllogictest: runs sqllogictest-format files against the embedded engine.
// The format is documented in docs/testing.md. Exit status 0 iff every file passes.
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "omendb/omendb.h"

namespace {

struct Failure {
  int line;
  std::string message;
};

std::vector<std::string> SplitWords(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> words;
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

std::vector<std::string> SplitTabs(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t tab = s.find('\t', start);
    out.push_back(s.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

std::string Md5Hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_md5(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

bool IsSqlstate(const std::string& s) {
  return s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
         });
}

// Whether a column of PostgreSQL type `type_name` may be declared with letter `letter`.
bool TypeMatches(char letter, const std::string& type_name) {
  switch (letter) {
    case 'I': return type_name == "int2" || type_name == "int4" || type_name == "int8";
    case 'R': return type_name == "float4" || type_name == "float8" || type_name == "numeric";
    case 'B': return type_name == "bool";
    case 'T': return true;  // any type may be compared as text
    default: return false;
  }
}

class TestFile {
 public:
  TestFile(std::string path, std::string data_dir)
      : path_(std::move(path)), data_dir_(std::move(data_dir)) {}

  // Runs the file; returns the failures (empty = pass).
  std::vector<Failure> Run() {
    std::ifstream in(path_);
    if (!in) return {{0, "cannot open file"}};
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(line);
    }
    if (!Open()) return failures_;
    while (pos_ < lines_.size()) {
      std::string l = lines_[pos_];
      std::vector<std::string> words = SplitWords(l);
      if (words.empty() || words[0][0] == '#') {
        ++pos_;
        continue;
      }
      int header_line = static_cast<int>(pos_) + 1;
      ++pos_;
      if (words[0] == "statement") {
        RunStatement(words, header_line);
      } else if (words[0] == "query") {
        RunQuery(words, header_line);
      } else if (words[0] == "hash-threshold" && words.size() == 2) {
        hash_threshold_ = std::stoul(words[1]);
      } else if (words[0] == "restart") {
        connections_.clear();
        db_.reset();
        if (!Open()) return failures_;
      } else if (words[0] == "halt") {
        break;
      } else {
        failures_.push_back({header_line, "unknown directive: " + l});
        SkipRecord();
      }
    }
    connections_.clear();
    db_.reset();
    return failures_;
  }

 private:
  bool Open() {
    omendb::QueryError err;
    db_ = omendb::DB::Open(data_dir_, &err);
    if (!db_) failures_.push_back({static_cast<int>(pos_), "cannot open database: " + err.message});
    return db_ != nullptr;
  }

  omendb::Connection* Conn(const std::string& name) {
    auto& c = connections_[name];
    if (!c) c = db_->Connect();
    return c.get();
  }

  // Extracts "@name" from the header words (the connection), default "default".
  static std::string TakeConnection(std::vector<std::string>* words) {
    std::string name = "default";
    for (auto it = words->begin(); it != words->end();) {
      if ((*it)[0] == '@') {
        name = it->substr(1);
        it = words->erase(it);
      } else {
        ++it;
      }
    }
    return name;
  }

  // Reads SQL lines up to "----" or a blank line; *has_result tells which ended it.
  std::string ReadSql(bool* has_result) {
    std::string sql;
    *has_result = false;
    while (pos_ < lines_.size()) {
      const std::string& l = lines_[pos_];
      if (l == "----") {
        *has_result = true;
        ++pos_;
        break;
      }
      if (l.find_first_not_of(" \t") == std::string::npos) break;
      if (!sql.empty()) sql += "\n";
      sql += l;
      ++pos_;
    }
    return sql;
  }

  std::vector<std::string> ReadExpected() {
    std::vector<std::string> out;
    while (pos_ < lines_.size() && !lines_[pos_].empty()) out.push_back(lines_[pos_++]);
    return out;
  }

  void SkipRecord() {
    while (pos_ < lines_.size() && !lines_[pos_].empty()) ++pos_;
  }

  void RunStatement(std::vector<std::string> words, int line) {
    std::string conn = TakeConnection(&words);
    bool has_result;
    std::string sql = ReadSql(&has_result);
    std::vector<std::string> expected = has_result ? ReadExpected() : std::vector<std::string>{};
    omendb::QueryResult r = Conn(conn)->Query(sql);
    if (words.size() >= 2 && words[1] == "ok") {
      if (!r.ok()) {
        failures_.push_back({line, "expected success, got " + r.error->sqlstate + ": " +
                                       r.error->message + "\n  SQL: " + sql});
      }
      return;
    }
    if (words.size() >= 2 && words[1] == "error") {
      if (r.ok()) {
        failures_.push_back({line, "expected an error, statement succeeded\n  SQL: " + sql});
        return;
      }
      std::string want = expected.empty() ? "" : expected[0];
      if (want.empty()) return;
      bool match = IsSqlstate(want) ? r.error->sqlstate == want
                                    : r.error->message.find(want) != std::string::npos;
      if (!match) {
        failures_.push_back({line, "expected error \"" + want + "\", got " + r.error->sqlstate +
                                       ": " + r.error->message + "\n  SQL: " + sql});
      }
      return;
    }
    failures_.push_back({line, "statement must be followed by ok or error"});
  }

  void RunQuery(std::vector<std::string> words, int line) {
    std::string conn = TakeConnection(&words);
    if (words.size() < 2) {
      failures_.push_back({line, "query needs column type letters"});
      SkipRecord();
      return;
    }
    std::string types = words[1];
    std::string sort = words.size() >= 3 ? words[2] : "nosort";
    bool has_result;
    std::string sql = ReadSql(&has_result);
    std::vector<std::string> expected = has_result ? ReadExpected() : std::vector<std::string>{};
    omendb::QueryResult r = Conn(conn)->Query(sql);
    if (!r.ok()) {
      failures_.push_back({line, "query failed: " + r.error->sqlstate + ": " + r.error->message +
                                     "\n  SQL: " + sql});
      return;
    }
    const omendb::StatementResult& res = r.statements.back();
    if (res.columns.size() != types.size()) {
      failures_.push_back({line, "query returned " + std::to_string(res.columns.size()) +
                                     " columns, header declares " + std::to_string(types.size()) +
                                     "\n  SQL: " + sql});
      return;
    }
    for (size_t c = 0; c < types.size(); ++c) {
      if (!TypeMatches(types[c], res.columns[c].type_name)) {
        failures_.push_back({line, "column " + std::to_string(c + 1) + " has type " +
                                       res.columns[c].type_name + ", header declares '" +
                                       types[c] + "'\n  SQL: " + sql});
        return;
      }
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : res.rows) {
      std::vector<std::string> cells;
      for (const auto& v : row) cells.push_back(!v ? "NULL" : (v->empty() ? "(empty)" : *v));
      rows.push_back(std::move(cells));
    }
    std::vector<std::string> actual;  // one entry per compared line
    std::vector<std::string> values;  // every value, in comparison order (for hashing)
    if (sort == "rowsort" || sort == "nosort") {
      if (sort == "rowsort") std::sort(rows.begin(), rows.end());
      for (const auto& row : rows) {
        std::string l;
        for (size_t c = 0; c < row.size(); ++c) l += (c ? "\t" : "") + row[c];
        actual.push_back(l);
        values.insert(values.end(), row.begin(), row.end());
      }
    } else if (sort == "valuesort") {
      for (const auto& row : rows) actual.insert(actual.end(), row.begin(), row.end());
      std::sort(actual.begin(), actual.end());
      values = actual;
      std::vector<std::string> flat;
      for (const auto& e : expected) {
        for (auto& v : SplitTabs(e)) flat.push_back(v);
      }
      std::sort(flat.begin(), flat.end());
      expected = flat;
    } else {
      failures_.push_back({line, "unknown sort mode " + sort});
      return;
    }
    if (hash_threshold_ > 0 && values.size() > hash_threshold_) {
      std::string joined;
      for (const auto& v : values) joined += v + "\n";
      actual = {std::to_string(values.size()) + " values hashing to " + Md5Hex(joined)};
    }
    if (actual != expected) {
      std::string msg = "wrong result\n  SQL: " + sql + "\n  expected:\n";
      for (const auto& e : expected) msg += "    " + e + "\n";
      msg += "  actual:\n";
      for (const auto& a : actual) msg += "    " + a + "\n";
      failures_.push_back({line, msg});
    }
  }

  std::string path_;
  std::string data_dir_;
  std::vector<std::string> lines_;
  size_t pos_ = 0;
  size_t hash_threshold_ = 0;
  std::unique_ptr<omendb::DB> db_;
  std::map<std::string, std::unique_ptr<omendb::Connection>> connections_;
  std::vector<Failure> failures_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: omendb_sqllogictest FILE.test...\n";
    return 2;
  }
  int passed = 0, failed = 0;
  for (int i = 1; i < argc; ++i) {
    std::string path = argv[i];
    auto dir = std::filesystem::temp_directory_path() /
               ("omendb_slt_" + std::to_string(::getpid()) + "_" + std::to_string(i));
    std::filesystem::remove_all(dir);
    TestFile file(path, dir.string());
    std::vector<Failure> failures = file.Run();
    std::filesystem::remove_all(dir);
    if (failures.empty()) {
      ++passed;
      std::cout << "PASS " << path << "\n";
    } else {
      ++failed;
      for (const Failure& f : failures) {
        std::cout << "FAIL " << path << ":" << f.line << ": " << f.message << "\n";
      }
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
