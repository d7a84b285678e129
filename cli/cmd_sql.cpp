// `lkml sql`: prints the SQL Looker would run for an explore query, as seen by a given user.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/query_options.h"

namespace lkml::cli {

void addSqlCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("sql", "Print the SQL of an explore query for a user");
  auto options = std::make_shared<QueryOptions>();
  addQueryOptions(cmd, options.get());
  cmd->footer(
      "Examples:\n"
      "  lkml sql looker --model ti --explore enrollments_company \\\n"
      "      --fields users.first_name,enrollments.count --access-level company \\\n"
      "      --user-attribute company_id=2\n"
      "  lkml sql looker --explore users_internal --fields companies.name,users.count \\\n"
      "      --filter 'users.role=admin,manager' --sort 'users.count desc' --limit 10 \\\n"
      "      --access-level internal\n"
      "  lkml sql looker --query query.json --access-level client --user-attribute company_id=3\n"
      "The SQL goes to stdout, problems to stderr (exit 1: refused, 2: usage).");
  cmd->callback([options, exit_code] {
    // Never freed: the process exits right after, and tearing down the model costs more
    // than compiling the query.
    auto* result = new CompiledSelection;
    *exit_code = compileFromOptions(*options, result);
    if (*exit_code == kExitOk) std::cout << result->compiled.sql;
  });
}

}  // namespace lkml::cli
