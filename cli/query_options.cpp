#include "cli/query_options.h"

#include <iostream>

#include "base/diagnostic_renderer.h"
#include "base/file_reader.h"
#include "cli/exit_codes.h"
#include "codegen/dialects/dialect_registry.h"
#include "lint/dialect_choice.h"

namespace lkml::cli {

using lint::DialectChoice;
using lint::dialectWarning;
using lint::loadConnectionDialects;
using lint::parseDialectFlag;

void addQueryOptions(CLI::App* cmd, QueryOptions* o) {
  cmd->add_option("PROJECT_DIR", o->dir, "the LookML project (default: .)");
  cmd->add_option("--model", o->model, "model name (optional when the project has one model)");
  cmd->add_option("--explore", o->explore, "the explore to query");
  cmd->add_option("--fields", o->fields, "comma-separated view.field list, in SELECT order");
  cmd->add_option("--filter", o->filters,
                  "view.field=EXPRESSION (Looker filter expression; repeatable)");
  cmd->add_option("--sort", o->sorts, "view.field [asc|desc] (repeatable)");
  cmd->add_option("--limit", o->limit, "row limit");
  cmd->add_option("--query", o->query_file,
                  "a Looker API query JSON file ({\"model\", \"view\", \"fields\", \"filters\", "
                  "\"sorts\", \"limit\"}); - reads stdin");
  cmd->add_option("--user-attribute", o->user_attributes,
                  "NAME=VALUE user attribute of the user the query runs for (repeatable)");
  cmd->add_option("--access-level", o->access_level,
                  "shorthand for --user-attribute access_level=VALUE");
  cmd->add_option("--dialect", o->dialect,
                  "SQL dialect (default: lkml.json \"connections\" for the model's connection, "
                  "else postgres)");
}

bool parseUserAttributes(const std::vector<std::string>& items, const std::string& access_level,
                         std::map<std::string, std::string>* attributes) {
  for (const std::string& a : items) {
    size_t eq = a.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "lkml: error: --user-attribute `" << a << "`: expected NAME=VALUE\n";
      return false;
    }
    (*attributes)[a.substr(0, eq)] = a.substr(eq + 1);
  }
  if (!access_level.empty()) (*attributes)["access_level"] = access_level;
  return true;
}

int compileFromOptions(const QueryOptions& o, CompiledSelection* out) {
  codegen::Query& query = out->query;
  std::string error;
  if (!o.query_file.empty()) {
    std::string text;
    if (o.query_file == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      ReadResult read = readFile(o.query_file);
      if (!read.ok) {
        std::cerr << "lkml: error: cannot read --query `" << o.query_file << "`: " << read.error
                  << "\n";
        return kExitUsage;
      }
      text = std::move(read.text);
    }
    if (!codegen::parseQueryJson(text, &query, &error)) {
      std::cerr << "lkml: error: --query `" << o.query_file << "`: " << error << "\n";
      return kExitUsage;
    }
  }
  if (!o.model.empty()) query.model = o.model;
  if (!o.explore.empty()) query.explore = o.explore;
  if (query.explore.empty()) {
    std::cerr << "lkml: error: --explore is required (or \"view\" in --query)\n";
    return kExitUsage;
  }
  if (!o.fields.empty()) {
    query.fields.clear();
    size_t start = 0;
    while (start <= o.fields.size()) {
      size_t comma = o.fields.find(',', start);
      if (comma == std::string::npos) comma = o.fields.size();
      std::string name = o.fields.substr(start, comma - start);
      name.erase(0, name.find_first_not_of(" \t"));
      name.erase(name.find_last_not_of(" \t") + 1);
      if (!name.empty()) query.fields.push_back(name);
      start = comma + 1;
    }
  }
  for (const std::string& f : o.filters) {
    codegen::QueryFilter filter;
    if (!codegen::parseFilterArgument(f, &filter, &error)) {
      std::cerr << "lkml: error: " << error << "\n";
      return kExitUsage;
    }
    query.filters.push_back(filter);
  }
  if (!o.sorts.empty()) query.sorts.clear();
  for (const std::string& s : o.sorts) {
    codegen::QuerySort sort;
    if (!codegen::parseSortArgument(s, &sort, &error)) {
      std::cerr << "lkml: error: --sort " << error << "\n";
      return kExitUsage;
    }
    query.sorts.push_back(sort);
  }
  if (o.limit >= 0) query.limit = static_cast<uint64_t>(o.limit);
  if (!parseUserAttributes(o.user_attributes, o.access_level, &out->user.attributes)) {
    return kExitUsage;
  }
  DialectChoice dialects;
  if (!o.dialect.empty() && !codegen::findDialect(o.dialect)) {
    std::cerr << "lkml: error: --dialect: " << codegen::unknownDialectMessage(o.dialect) << "\n";
    return kExitUsage;
  }
  if (!loadConnectionDialects(o.dir, &dialects)) return kExitUsage;
  if (int code = selectExplore(o.dir, query.model, query.explore, &out->selection)) return code;
  // The flag, else the model's connection in lkml.json, else PostgreSQL (with LKML290 on
  // stderr when the project's SQL plainly is another dialect's).
  std::string dialect_name = o.dialect;
  if (dialect_name.empty()) {
    std::optional<sql::Dialect> mapped = dialects.forModel(*out->selection.model);
    dialect_name = mapped ? sql::dialectName(*mapped) : "postgres";
    if (!mapped) {
      if (auto warning = dialectWarning(dialects, *out->selection.project)) {
        std::cerr << "lkml: warning[LKML290]: " << warning->message
                  << "\n  = help: " << warning->help << "\n";
      }
    }
  }
  const codegen::Dialect* dialect = codegen::findDialect(dialect_name);
  if (!dialect) {
    std::cerr << "lkml: error: model `" << out->selection.model->name
              << "` (lkml.json \"connections\"): " << codegen::unknownDialectMessage(dialect_name)
              << "\n";
    return kExitUsage;
  }
  out->compiled = codegen::compileQuery(*out->selection.model, *out->selection.explore, query,
                                        out->user, *dialect);
  if (!out->compiled.ok()) {
    for (const Diagnostic& d : out->compiled.errors) {
      std::cerr << "lkml: error[" << d.codeName() << "]: " << d.message << "\n";
      // Where the LookML that the query cannot use is written, when the error knows it.
      ResolvedLocation at =
          resolveLocation(*out->selection.project->sources.sources, d.span, d.path);
      if (at.line) std::cerr << "  --> " << at.path << ":" << at.line << ":" << at.column << "\n";
      if (!d.help.empty()) std::cerr << "  = help: " << d.help << "\n";
    }
    return kExitFindings;
  }
  return kExitOk;
}

}  // namespace lkml::cli
