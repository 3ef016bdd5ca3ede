// Reading a notices database from tests through a connection of their own (the way a
// reader process would), and a temporary database path.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

namespace notices::testing {

using Rows = std::vector<std::vector<std::string>>;  // NULL reads as "NULL"

// A read-only connection; closes on destruction.
class Reader {
 public:
  explicit Reader(const std::string& path);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Runs `sql` (one statement, optional bound text parameters ?1, ?2 ...). On an error
  // the result is one row {"ERROR", message}.
  Rows Query(const std::string& sql, const std::vector<std::string>& params = {}) const;
  std::string Scalar(const std::string& sql, const std::vector<std::string>& params = {}) const;
  long long Count(const std::string& table) const;
  // Every row of every record table, in key order, minus what differs between two runs
  // of the same import (run ids, timestamps): two databases with the same content give
  // the same string.
  std::string Dump() const;
  sqlite3* db() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// FTS5's own check of task_fts against its content (tasks), through a connection that
// may write: "ok" or the error.
std::string FtsIntegrity(const std::string& path);

// A fresh path under the test temp dir; removes the database and its -wal/-shm files
// on destruction.
class TempDb {
 public:
  explicit TempDb(const std::string& name);
  ~TempDb();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace notices::testing
