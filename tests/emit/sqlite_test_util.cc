// Reader and TempDb for the SQLite tests.
#include "tests/emit/sqlite_test_util.h"

#include <unistd.h>

#include <gtest/gtest.h>

namespace notices::testing {

Reader::Reader(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(db_);
  }
  sqlite3_busy_timeout(db_, 5000);
}

Reader::~Reader() { sqlite3_close_v2(db_); }

Rows Reader::Query(const std::string& sql, const std::vector<std::string>& params) const {
  Rows rows;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    return {{"ERROR", sqlite3_errmsg(db_)}};
  }
  for (size_t i = 0; i < params.size(); ++i)
    sqlite3_bind_text(s, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      const unsigned char* v = sqlite3_column_text(s, c);
      row.push_back(v ? std::string(reinterpret_cast<const char*>(v), sqlite3_column_bytes(s, c)) : "NULL");
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) rows = {{"ERROR", sqlite3_errmsg(db_)}};
  sqlite3_finalize(s);
  return rows;
}

std::string Reader::Scalar(const std::string& sql, const std::vector<std::string>& params) const {
  Rows rows = Query(sql, params);
  if (rows.empty() || rows[0].empty()) return "";
  if (rows[0][0] == "ERROR" && rows[0].size() == 2) return "ERROR: " + rows[0][1];
  return rows[0][0];
}

long long Reader::Count(const std::string& table) const {
  return std::stoll(Scalar("SELECT count(*) FROM " + table));
}

std::string FtsIntegrity(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  sqlite3_busy_timeout(db, 5000);
  char* msg = nullptr;
  int rc = sqlite3_exec(db, "INSERT INTO task_fts(task_fts, rank) VALUES('integrity-check', 1)", nullptr,
                        nullptr, &msg);
  std::string out = rc == SQLITE_OK ? "ok" : (msg ? msg : sqlite3_errstr(rc));
  sqlite3_free(msg);
  sqlite3_close_v2(db);
  return out;
}

std::string Reader::Dump() const {
  static const char* const kQueries[] = {
      "SELECT id, sha256, path, format, encoding, pages, bytes, type, number, issuer, place, date, "
      "subject, meeting_date, meeting_chair, signer_name, signer_title, recipients, warnings, text, "
      "series, supersedes FROM documents ORDER BY id",
      "SELECT * FROM tasks ORDER BY id",
      "SELECT * FROM agencies ORDER BY id",
      "SELECT * FROM task_agencies ORDER BY task, role, position",
      "SELECT * FROM deadlines ORDER BY task",
      "SELECT * FROM doc_references ORDER BY document, position",
      "SELECT path, sha256, code, message, detail FROM errors ORDER BY path, sha256, code",
      // The index itself (its segments depend on commit boundaries): what queries find.
      "SELECT rowid FROM task_fts WHERE task_fts MATCH 'ra soat' ORDER BY rowid",
      "SELECT rowid FROM task_fts WHERE task_fts MATCH 'duong giao thong' ORDER BY rowid",
      "SELECT rowid FROM task_fts WHERE task_fts MATCH 'Đường' ORDER BY rowid",
      "SELECT rowid FROM task_fts WHERE task_fts MATCH '\"so 7\"' ORDER BY rowid",
  };
  std::string out;
  for (const char* q : kQueries) {
    out += std::string("## ") + q + "\n";
    for (const auto& row : Query(q)) {
      for (const auto& v : row) out += v + "\t";
      out += "\n";
    }
  }
  return out;
}

TempDb::TempDb(const std::string& name) {
  path_ = ::testing::TempDir() + "notices-" + name + "-" + std::to_string(getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
}

TempDb::~TempDb() {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
}

}  // namespace notices::testing
