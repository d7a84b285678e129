// `lkml test`: runs the project's data tests (`test: name { explore_source: ... assert: ... }`)
// on PostgreSQL. Each test's explore_source is compiled as an explore query for the given user
// (access checks apply), run read-only with a statement timeout, and every assert expression
// must be yes on every row. Exit 0 all passed, 1 a test failed, 2 usage, 3 database.
#include <iostream>
#include <set>

#include "base/diagnostic_renderer.h"
#include "base/suggest.h"
#include "catalog/postgres_connection.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/query_options.h"
#include "cli/terminal.h"
#include "codegen/dialects/dialect_registry.h"
#include "codegen/native_derived_table.h"
#include "expression/expression.h"
#include "semantic/explore_scope.h"
#include "semantic/project.h"

namespace lkml::cli {

namespace {

struct TestOptions {
  std::string dir = ".", db, model, test, access_level;
  std::vector<std::string> user_attributes;
  double timeout = 30;
};

struct Selected {
  const semantic::Model* model;
  const semantic::DataTest* test;
};

std::string location(const SourceMap& sources, Span span) {
  if (!span.valid() || span.file >= sources.size()) return "?";
  const SourceFile& file = sources.file(span.file);
  return file.path() + ":" + std::to_string(file.lineCol(span.begin).line);
}

// PostgreSQL's text format to expression values: numeric types become numbers, booleans and
// yesno dimensions ("Yes"/"No") become yes/no, everything else stays text.
expression::Value toValue(const std::optional<std::string>& cell, uint32_t type_oid, bool yesno) {
  if (!cell) return expression::Value::null();
  switch (type_oid) {
    case 20:    // int8
    case 21:    // int2
    case 23:    // int4
    case 700:   // float4
    case 701:   // float8
    case 1700:  // numeric
      return expression::Value::ofNumber(std::strtod(cell->c_str(), nullptr));
    case 16:  // bool
      return expression::Value::ofBool(*cell == "t");
    default:
      break;
  }
  if (yesno && (*cell == "Yes" || *cell == "No")) return expression::Value::ofBool(*cell == "Yes");
  return expression::Value::ofString(*cell);
}

// Why the test failed, or "" when every assert is yes on every row.
std::string evaluateAsserts(const semantic::DataTest& test, const expression::Table& table) {
  if (table.rows.empty()) return "the test query returned no rows, so no assert was checked";
  for (const semantic::DataTestAssert& a : test.asserts) {
    expression::ParseResult parsed = expression::parse(a.expression);
    if (!parsed.ok()) {
      return "error[LKML454]: assert `" + a.name +
             "`: invalid expression: " + parsed.error.message + " (at byte " +
             std::to_string(parsed.error.offset) + ")";
    }
    for (size_t row = 0; row < table.rows.size(); ++row) {
      expression::EvalResult r = expression::evaluate(*parsed.expr, table, row);
      if (!r.ok()) return "error[LKML454]: assert `" + a.name + "`: " + r.error;
      if (r.value.kind == expression::Value::Kind::Bool && r.value.boolean) continue;
      std::string values;
      for (const std::string& ref : expression::fieldReferences(*parsed.expr)) {
        for (size_t c = 0; c < table.columns.size(); ++c) {
          if (table.columns[c] == ref) {
            values += (values.empty() ? "" : ", ") + ref + " = " + table.rows[row][c].describe();
          }
        }
      }
      return "assert `" + a.name + "` is " + r.value.describe() + ", not yes, on row " +
             std::to_string(row + 1) + " of " + std::to_string(table.rows.size()) +
             (values.empty() ? "" : " (" + values + ")") + ": " + a.expression;
    }
  }
  return "";
}

enum class Outcome { Pass, Fail, Database };

Outcome runTest(const semantic::Model& model, const semantic::DataTest& test,
                const codegen::UserContext& user, catalog::PostgresConnection& connection,
                std::string* reason) {
  const semantic::Explore* explore = model.findExplore(test.source.explore);
  if (!test.has_source || !explore) {
    *reason = "its explore_source names no explore of model `" + model.name +
              "` (run `lkml lint` for details)";
    return Outcome::Fail;
  }
  codegen::Query query = codegen::exploreSourceQuery(test.source, model.name);
  query.unsorted = false;  // a test query is an ordinary explore query, Looker's default sort
  const codegen::Dialect& dialect = *codegen::findDialect("postgres");
  codegen::CompiledQuery compiled = codegen::compileQuery(model, *explore, query, user, dialect);
  if (!compiled.ok()) {
    for (const Diagnostic& d : compiled.errors) {
      *reason += (reason->empty() ? "" : "\n  ") + ("error[" + d.codeName() + "]: " + d.message);
    }
    return Outcome::Fail;
  }
  catalog::QueryResult result;
  catalog::DatabaseError error;
  if (!connection.run({compiled.sql, {}}, &result, &error)) {
    *reason = "the database rejected the test query (" +
              std::string(catalog::databaseErrorKindName(error.kind)) + "): " + error.message;
    return error.kind == catalog::DatabaseError::Kind::Query ? Outcome::Fail : Outcome::Database;
  }
  semantic::ExploreScope scope(model, *explore);
  expression::Table table;
  table.columns = compiled.columns;
  std::vector<bool> yesno;
  for (const std::string& name : compiled.columns) {
    std::string alias, field;
    semantic::ExploreScope::splitName(name, &alias, &field);
    const semantic::Field* f = scope.findField(alias, field);
    yesno.push_back(f && f->type == "yesno");
  }
  for (const auto& row : result.rows) {
    std::vector<expression::Value> values;
    for (size_t c = 0; c < row.size() && c < table.columns.size(); ++c) {
      values.push_back(toValue(row[c], result.columns[c].type_oid, yesno[c]));
    }
    table.rows.push_back(std::move(values));
  }
  *reason = evaluateAsserts(test, table);
  return reason->empty() ? Outcome::Pass : Outcome::Fail;
}

int runTests(const TestOptions& o) {
  if (o.timeout <= 0) {
    std::cerr << "lkml: error: --timeout must be a positive number of seconds\n";
    return kExitUsage;
  }
  codegen::UserContext user;
  if (!parseUserAttributes(o.user_attributes, o.access_level, &user.attributes)) {
    return kExitUsage;
  }
  DiagnosticBag bag;
  // Never freed: the process exits right after (see cmd_sql.cpp).
  auto* loaded = semantic::loadAndCompile(o.dir, bag).release();
  if (!loaded) {
    for (const auto& d : bag.diagnostics()) std::cerr << "lkml: error: " << d.message << "\n";
    return kExitUsage;
  }
  const SourceMap& sources = *loaded->sources.sources;
  std::vector<Selected> selected;
  std::set<std::pair<uint32_t, uint32_t>> seen;  // a test file included by two models runs once
  std::vector<std::string> all_names, model_names;
  bool model_found = o.model.empty();
  for (const semantic::Model& model : loaded->project.models) {
    model_names.push_back(model.name);
    if (!o.model.empty() && model.name != o.model) continue;
    model_found = true;
    for (const semantic::DataTest& test : model.tests) {
      all_names.push_back(test.name);
      if (!o.test.empty() && test.name != o.test) continue;
      if (!seen.insert({test.span.file, test.span.begin}).second) continue;
      selected.push_back({&model, &test});
    }
  }
  if (!model_found) {
    std::string near = closestMatch(o.model, model_names);
    std::cerr << "lkml: error: unknown model `" << o.model << "` in `" << o.dir << "`"
              << (near.empty() ? "" : "; did you mean `" + near + "`?") << "\n";
    return kExitUsage;
  }
  if (!o.test.empty() && selected.empty()) {
    std::string near = closestMatch(o.test, all_names);
    std::cerr << "lkml: error: no data test `" << o.test << "`"
              << (near.empty() ? "" : "; did you mean `" + near + "`?") << "\n";
    return kExitUsage;
  }
  if (selected.empty()) {
    std::cout << "no data tests (`test:` blocks) in `" << o.dir << "`\n";
    return kExitOk;
  }
  catalog::ConnectionSettings settings;
  settings.url = o.db;
  settings.statement_timeout = std::chrono::milliseconds(static_cast<int64_t>(o.timeout * 1000));
  catalog::DatabaseError error;
  auto connection = catalog::PostgresConnection::open(settings, &error);
  if (!connection) {
    std::cerr << "lkml: error: cannot connect to the database: " << error.message << "\n";
    return kExitDatabase;
  }
  size_t passed = 0, failed = 0;
  for (const Selected& s : selected) {
    std::string reason;
    Outcome outcome = runTest(*s.model, *s.test, user, *connection, &reason);
    std::string where = location(sources, s.test->name_span);
    if (outcome == Outcome::Database) {
      std::cerr << "lkml: error: test `" << s.test->name << "` (" << where << "): " << reason
                << "\n";
      return kExitDatabase;
    }
    if (outcome == Outcome::Pass) {
      ++passed;
      std::cout << "PASS " << s.test->name << " (" << where << ")\n";
    } else {
      ++failed;
      std::cout << "FAIL " << s.test->name << " (" << where << ")\n  " << reason << "\n";
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed ? kExitFindings : kExitOk;
}

}  // namespace

void addTestCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("test", "Run the project's data tests (`test:`) on PostgreSQL");
  auto o = std::make_shared<TestOptions>();
  cmd->add_option("PROJECT_DIR", o->dir, "the LookML project (default: .)");
  cmd->add_option("--db", o->db,
                  "postgresql://user@host:port/db (default: LKML_DATABASE_URL, then PG* "
                  "environment)");
  cmd->add_option("--model", o->model, "run only the tests of this model");
  cmd->add_option("--test", o->test, "run only the test of this name");
  cmd->add_option("--user-attribute", o->user_attributes,
                  "NAME=VALUE user attribute of the user the tests run as (repeatable)");
  cmd->add_option("--access-level", o->access_level,
                  "shorthand for --user-attribute access_level=VALUE");
  cmd->add_option("--timeout", o->timeout, "statement timeout in seconds (default 30)");
  cmd->footer(
      "Example:\n"
      "  lkml test looker --access-level internal --db postgresql://user@host/db\n"
      "Prints PASS/FAIL per test with its file:line.\n"
      "Exit codes: 0 all passed, 1 a test failed, 2 usage, 3 database unreachable/timeout.");
  cmd->callback([o, exit_code] { *exit_code = runTests(*o); });
}

}  // namespace lkml::cli
