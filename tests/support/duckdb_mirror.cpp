#include "tests/support/duckdb_mirror.h"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/support/test_paths.h"

namespace lkml::test {
namespace {

namespace fs = std::filesystem;

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// RFC 4180 rows as duckdb_run.mjs writes them: CRLF line ends, quoted fields may hold commas,
// quotes and line breaks; an empty unquoted field is NULL.
DuckDbMirror::Rows parseCsv(const std::string& text) {
  DuckDbMirror::Rows rows;
  std::vector<DuckDbMirror::Cell> row;
  std::string field;
  bool quoted_field = false, in_quotes = false;
  auto end_field = [&] {
    if (field.empty() && !quoted_field) {
      row.emplace_back(std::nullopt);
    } else {
      row.emplace_back(field);
    }
    field.clear();
    quoted_field = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      in_quotes = quoted_field = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      end_field();
      rows.push_back(std::move(row));
      row.clear();
      ++i;
    } else {
      field += c;
    }
  }
  if (!row.empty() || !field.empty()) {
    end_field();
    rows.push_back(std::move(row));
  }
  if (!rows.empty()) rows.erase(rows.begin());  // the header
  return rows;
}

}  // namespace

std::string testDialectName() {
  const char* name = std::getenv("LKML_TEST_DIALECT");
  return name ? name : "";
}

std::string DuckDbMirror::unavailableReason() {
  std::string out;
  if (runCommand("command -v node", &out) != 0) return "node is not installed";
  return "";
}

void DuckDbMirror::startEmpty() {
  dir_ = (fs::temp_directory_path() / ("lkml_duckdb_" + std::to_string(getpid()))).string();
  fs::create_directories(dir_);
}

std::string DuckDbMirror::load(const std::string& pg_database, const std::string& schema) {
  // With node present the tools must be too (`make test` installs them): a failure, not a skip.
  if (!fs::exists(sourceDir() + "/tests/tools/node_modules/@duckdb/node-api")) {
    return "tests/tools/node_modules has no @duckdb/node-api: run `make test-tools`";
  }
  dir_ = (fs::temp_directory_path() / ("lkml_duckdb_" + std::to_string(getpid()))).string();
  fs::create_directories(dir_);
  std::string out;
  int code = runCommand("bash " + quoted(sourceDir() + "/tests/tools/pg_to_duckdb.sh") + " " +
                            quoted(pg_database) + " " + quoted(dir_ + "/copy.duckdb") + " " +
                            quoted(schema),
                        &out, true);
  return code == 0 ? "" : "pg_to_duckdb.sh failed: " + out;
}

bool DuckDbMirror::startServer(std::string* error) {
  int in[2], out[2];
  if (pipe(in) != 0 || pipe(out) != 0) {
    *error = "pipe() failed";
    return false;
  }
  const std::string script = sourceDir() + "/tests/tools/duckdb_run.mjs";
  const std::string database = dir_ + "/copy.duckdb";
  pid_ = fork();
  if (pid_ < 0) {
    *error = "fork() failed";
    return false;
  }
  if (pid_ == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[0]);
    close(in[1]);
    close(out[0]);
    close(out[1]);
    execlp("node", "node", script.c_str(), "--database", database.c_str(), "--format", "pgcsv",
           "--serve", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  to_node_ = in[1];
  from_node_ = fdopen(out[0], "r");
  std::signal(SIGPIPE, SIG_IGN);  // a dead node shows as a failed write, not a killed test
  return true;
}

DuckDbMirror::Rows DuckDbMirror::run(const std::string& sql, std::string* error) {
  error->clear();
  if (pid_ < 0 && !startServer(error)) return {};
  const std::string request = sql + "\n\x1e\n";
  for (size_t done = 0; done < request.size();) {
    ssize_t n = write(to_node_, request.data() + done, request.size() - done);
    if (n <= 0) {
      *error = "cannot write to node (tests/tools/duckdb_run.mjs --serve exited?)";
      return {};
    }
    done += static_cast<size_t>(n);
  }
  // The rows, then a line starting with U+001E: alone when the query ran, else the error.
  std::string body;
  char* line = nullptr;
  size_t capacity = 0;
  ssize_t length;
  bool answered = false;
  while ((length = getline(&line, &capacity, from_node_)) > 0) {
    if (line[0] == '\x1e') {
      std::string status(line + 1, static_cast<size_t>(length) - 1);
      while (!status.empty() && status.back() == '\n') status.pop_back();
      *error = status;
      answered = true;
      break;
    }
    body.append(line, static_cast<size_t>(length));
  }
  free(line);
  if (!answered) {
    *error = "node closed its output (tests/tools/duckdb_run.mjs --serve exited)";
    return {};
  }
  return error->empty() ? parseCsv(body) : Rows{};
}

DuckDbMirror::~DuckDbMirror() {
  if (to_node_ >= 0) close(to_node_);
  if (from_node_) fclose(from_node_);
  if (pid_ > 0) waitpid(pid_, nullptr, 0);
  if (dir_.empty()) return;
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

}  // namespace lkml::test
