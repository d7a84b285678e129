// Options shared by `lkml sql` and `lkml query`, and turning them into a compiled query.
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/project_selection.h"
#include "codegen/query_compiler.h"

namespace lkml::cli {

struct QueryOptions {
  std::string dir = ".";
  std::string model, explore, fields, query_file, access_level;
  std::string dialect;  // --dialect; else lkml.json "connections" for the model; else postgres
  std::vector<std::string> filters, sorts, user_attributes;
  int64_t limit = -1;
};

void addQueryOptions(CLI::App* cmd, QueryOptions* options);

/// Adds `--user-attribute NAME=VALUE` items (and `--access-level`, when given) to `attributes`.
/// Prints the error and returns false for an item without `NAME=`.
bool parseUserAttributes(const std::vector<std::string>& items, const std::string& access_level,
                         std::map<std::string, std::string>* attributes);

struct CompiledSelection {
  Selection selection;
  codegen::Query query;
  codegen::UserContext user;
  codegen::CompiledQuery compiled;
};

/// Builds the query from the options, loads the project and compiles. Prints errors to
/// stderr; returns the exit code (0 when `out->compiled.sql` is ready).
int compileFromOptions(const QueryOptions& options, CompiledSelection* out);

}  // namespace lkml::cli
