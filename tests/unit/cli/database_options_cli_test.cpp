// The database options of every command that connects (`lkml query`, `lint --db`, `validate
// sql`, `schema dump`): timeouts are range-checked and always in force, passwords never reach
// a message. Table output of `lkml query` cannot be spoofed by the values it shows. Projects
// holding a FIFO named like a LookML file are linted without blocking. Runs the lkml binary;
// the PostgreSQL tests connect through the PG* environment.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::cli {
namespace {

using semantic::test::quoted;
using semantic::test::runLkml;
using semantic::test::TempProject;
using ::testing::HasSubstr;
using ::testing::Not;

const char* kModel = "connection: \"db\"\ninclude: \"/*.view.lkml\"\nexplore: vals {}\n";

// Values that try to fake rows, move the cursor, recolour the terminal, reorder the line or
// pass for NULL. chr() keeps the LookML itself plain ASCII.
const char* kValuesView = R"lkml(view: vals {
  derived_table: {
    sql: SELECT 1 AS id, 'a' || chr(10) || '2 | fake row' AS t
      UNION ALL SELECT 2, NULL
      UNION ALL SELECT 3, 'NULL'
      UNION ALL SELECT 4, chr(8709)
      UNION ALL SELECT 5, 'r' || chr(13) || 't' || chr(9) || 'e' || chr(27) || '[31m' || chr(8238) || 'z' || chr(133) || '\' || chr(127) || chr(8233)
      UNION ALL SELECT 6, 'x,"y"' || chr(13) || chr(10) || 'z'
      UNION ALL SELECT 7, '' ;;
  }
  dimension: id { type: number primary_key: yes sql: ${TABLE}.id ;; }
  dimension: t { sql: ${TABLE}.t ;; }
  dimension: slow { sql: (SELECT pg_sleep(5)::text) ;; }
}
)lkml";

struct CliRun {
  int status;
  std::string output;
};

CliRun lkml(const std::string& args, const std::string& environment = "") {
  CliRun run;
  run.status = lkml::test::runCommand(
      environment + " " + quoted(lkml::test::lkmlBinary()) + " " + args + " 2>&1", &run.output);
  return run;
}

// ---- timeouts --------------------------------------------------------------------------------

TEST(TimeoutOptions, EveryCommandRejectsValuesOutsidePostgresRange) {
  TempProject p({{"m.model.lkml", kModel}, {"vals.view.lkml", kValuesView}});
  const std::string dir = quoted(p.root());
  const std::vector<std::string> commands = {
      "query " + dir + " --explore vals --fields vals.id --timeout",
      "lint " + dir + " --statement-timeout",
      "validate sql " + dir + " --statement-timeout",
      "schema dump --statement-timeout",
  };
  for (const std::string& command : commands) {
    for (const char* bad :
         {"0", "0.0004", "-1", "nan", "inf", "-inf", "1e400", "2147483.648", "abc"}) {
      CliRun run = lkml(command + "=" + bad);
      EXPECT_EQ(run.status, 2) << command << " " << bad << "\n" << run.output;
      EXPECT_THAT(run.output, HasSubstr("`" + std::string(bad) +
                                        "`: expected a number of seconds from 0.001 to "
                                        "2147483.647"))
          << command;
    }
  }
  // The value is checked before anything connects, even where no database is used.
  CliRun run = lkml("lint " + dir + " --statement-timeout -5");
  EXPECT_EQ(run.status, 2) << run.output;
}

TEST(TimeoutOptions, QueryTimeoutIsInForce) {
  TempProject p({{"m.model.lkml", kModel}, {"vals.view.lkml", kValuesView}});
  auto start = std::chrono::steady_clock::now();
  CliRun run =
      lkml("query " + quoted(p.root()) + " --explore vals --fields vals.slow --timeout 0.2");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(run.status, 3) << run.output;
  EXPECT_THAT(run.output, HasSubstr("statement cancelled after the 200 ms statement timeout"));
  EXPECT_LT(seconds, 4.0);
}

// ---- passwords -------------------------------------------------------------------------------

// A password with an unencoded `/`, `?`, `@` or `#`, given every way a URL reaches lkml.
TEST(PasswordsInMessages, MalformedUrlsNeverShowThePassword) {
  TempProject p({{"m.model.lkml", kModel}, {"vals.view.lkml", kValuesView}});
  const std::string dir = quoted(p.root());
  const std::vector<std::string> urls = {
      "postgresql://looker:pa/ss9w0rd@127.0.0.1:1/db",
      "postgresql://looker:12/ss9w0rd@127.0.0.1:1/db",
      "postgresql://looker:pa?ss9w0rd@127.0.0.1:1/db",
      "postgresql://looker:12?k=ss9w0rd@127.0.0.1:1/db",
      "postgresql://looker:pa@ss9w0rd@127.0.0.1:x/db",
      "postgresql://looker:pa#ss9w0rd@127.0.0.1:1/db?sslmode",
      "postgresql://127.0.0.1:1/db?password=pa&ss9w0rd&x",
  };
  for (const std::string& url : urls) {
    const std::vector<std::pair<std::string, std::string>> runs = {
        {"query " + dir + " --explore vals --fields vals.id --db " + quoted(url), ""},
        {"lint " + dir + " --db " + quoted(url), ""},
        {"lint " + dir + " --db --connection " + quoted("db=" + url), ""},
        {"validate sql " + dir + " --db " + quoted(url), ""},
        {"schema dump --db " + quoted(url), ""},
        {"query " + dir + " --explore vals --fields vals.id", "LKML_DATABASE_URL=" + quoted(url)},
        {"lint " + dir + " --db", "LKML_DATABASE_URL=" + quoted(url)},
    };
    for (const auto& [args, environment] : runs) {
      CliRun run = lkml(args, environment);
      EXPECT_NE(run.status, 0) << args;
      EXPECT_THAT(run.output, Not(HasSubstr("ss9w0rd"))) << args << "\n" << run.output;
    }
  }
}

TEST(PasswordsInMessages, ConnectionFailuresNeverShowThePassword) {
  TempProject p({{"m.model.lkml", kModel}, {"vals.view.lkml", kValuesView}});
  const std::string dir = quoted(p.root());
  // From PGPASSWORD, and from a well-formed URL, with a server that is not there.
  CliRun run = lkml("query " + dir + " --explore vals --fields vals.id",
                    "LKML_DATABASE_URL= PGHOST=127.0.0.1 PGPORT=1 PGPASSWORD=Pg9ss9w0rd");
  EXPECT_EQ(run.status, 3) << run.output;
  EXPECT_THAT(run.output, HasSubstr("127.0.0.1"));
  EXPECT_THAT(run.output, Not(HasSubstr("ss9w0rd")));
  run = lkml("lint " + dir + " --db " + quoted("postgresql://u:Ur9ss9w0rd@127.0.0.1:1/x"));
  EXPECT_EQ(run.status, 3) << run.output;
  EXPECT_THAT(run.output, Not(HasSubstr("ss9w0rd")));
  // A server that is there, with a parameter libpq rejects: its message is scrubbed too.
  run = lkml("query " + dir + " --explore vals --fields vals.id --db " +
             quoted("postgresql:///postgres?password=Pq9ss9w0rd&sslmode=Pq9ss9w0rd"));
  EXPECT_EQ(run.status, 3) << run.output;
  EXPECT_THAT(run.output, Not(HasSubstr("ss9w0rd")));
}

// ---- table, CSV and JSON output ----------------------------------------------------------------

TEST(QueryOutput, TableEscapesValuesAndShowsNullDistinctly) {
  TempProject p({{"m.model.lkml", kModel}, {"vals.view.lkml", kValuesView}});
  CliRun run = lkml("query " + quoted(p.root()) +
                    " --explore vals --fields vals.id,vals.t --sort vals.id --format table");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_EQ(run.output,
            "vals.id | vals.t                                  \n"
            "--------+-----------------------------------------\n"
            "1       | a\\n2 | fake row                         \n"
            "2       | \u2205                                       \n"
            "3       | NULL                                    \n"
            "4       | \\u2205                                  \n"
            "5       | r\\rt\\te\\x1b[31m\\u202ez\\u0085\\\\\\x7f\\u2029\n"
            "6       | x,\"y\"\\r\\nz                              \n"
            "7       |                                         \n"
            "(7 rows)\n");
}

TEST(QueryOutput, CsvAndJsonCarryValuesExactly) {
  TempProject p({{"m.model.lkml", kModel}, {"vals.view.lkml", kValuesView}});
  CliRun csv = lkml("query " + quoted(p.root()) +
                    " --explore vals --fields vals.id,vals.t --sort vals.id --format csv");
  ASSERT_EQ(csv.status, 0) << csv.output;
  EXPECT_EQ(csv.output,
            "vals.id,vals.t\r\n"
            "1,\"a\n2 | fake row\"\r\n"
            "2,\r\n"
            "3,NULL\r\n"
            "4,\u2205\r\n"
            "5,\"r\rt\te\x1b[31m\u202ez\u0085\\\x7f\u2029\"\r\n"
            "6,\"x,\"\"y\"\"\r\nz\"\r\n"
            "7,\"\"\r\n");  // an empty text is quoted: only NULL is an empty field
  CliRun json = lkml("query " + quoted(p.root()) +
                     " --explore vals --fields vals.id,vals.t --sort vals.id --format json");
  ASSERT_EQ(json.status, 0) << json.output;
  nlohmann::json rows = nlohmann::json::parse(json.output);
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[6]["vals.t"], "");
  EXPECT_EQ(rows[0]["vals.t"], "a\n2 | fake row");
  EXPECT_TRUE(rows[1]["vals.t"].is_null());
  EXPECT_EQ(rows[2]["vals.t"], "NULL");
  EXPECT_EQ(rows[4]["vals.t"], "r\rt\te\x1b[31m\u202ez\u0085\\\x7f\u2029");
  EXPECT_EQ(rows[5]["vals.t"], "x,\"y\"\r\nz");
  EXPECT_EQ(rows[0]["vals.id"], 1);
  // Control characters are escaped in the JSON text itself: one row object per line pair.
  EXPECT_THAT(json.output, HasSubstr("\"a\\n2 | fake row\""));
  EXPECT_THAT(json.output, HasSubstr("\\u001b[31m"));
}

// ---- FIFOs and devices named *.lkml
// --------------------------------------------------------------

TEST(NonRegularFiles, FifoInAProjectIsReportedAndSkipped) {
  TempProject p({{"m.model.lkml", "connection: \"db\"\ninclude: \"/*.view.lkml\"\nexplore: a {}\n"},
                 {"a.view.lkml", "view: a { sql_table_name: t ;; dimension: id {} }\n"}});
  ASSERT_EQ(::mkfifo(p.path("pipe.view.lkml").c_str(), 0600), 0);
  ASSERT_EQ(::mkfifo(p.path("lkml.json").c_str(), 0600), 0);
  std::filesystem::create_symlink(p.path("pipe.view.lkml"), p.path("link.view.lkml"));
  std::filesystem::create_symlink("/dev/zero", p.path("zero.view.lkml"));
  // `timeout` turns a hang into a failure instead of a stuck test run.
  std::string output;
  int status = lkml::test::runCommand(
      "timeout 20 " + quoted(lkml::test::lkmlBinary()) + " lint " + quoted(p.root()) + " 2>&1",
      &output);
  EXPECT_NE(status, 124) << "lkml blocked on the FIFO";
  EXPECT_THAT(output, HasSubstr("warning[LKML112]: `" +
                                (std::filesystem::path(p.root()) / "pipe.view.lkml").string() +
                                "` is a FIFO, not a regular file; it is not read"));
  EXPECT_THAT(output, HasSubstr("link.view.lkml` is a FIFO, not a regular file"));
  // A link out of the project is never followed, devices included.
  EXPECT_THAT(output, HasSubstr("`zero.view.lkml` is a symbolic link to `/dev/zero`, outside the "
                                "project root; it is not read"));
  EXPECT_THAT(output, HasSubstr("lkml.json: error[LKML236]: is a FIFO, not a regular file"));
  // lkml sql reads the project the same way.
  status = lkml::test::runCommand("timeout 20 " + quoted(lkml::test::lkmlBinary()) + " sql " +
                                      quoted(p.root()) + " --explore a --fields a.id 2>&1",
                                  &output);
  EXPECT_EQ(status, 0) << output;
  EXPECT_THAT(output, HasSubstr("FROM t AS a"));
}

}  // namespace
}  // namespace lkml::cli
