// `lkml fields PROJECT --model M --explore E [--format json]`: the fields an explore offers.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/explore_visibility.h"
#include "cli/project_selection.h"
#include "cli/query_options.h"
#include "codegen/query_compiler.h"
#include "semantic/explore_scope.h"
#include "semantic/field_list.h"

namespace lkml::cli {

namespace {

struct FieldsOptions {
  std::string dir = ".";
  std::string model, explore, format = "text", access_level;
  std::vector<std::string> user_attributes;
};

int runFields(const FieldsOptions& options) {
  Selection selection;
  if (int code = selectExplore(options.dir, options.model, options.explore, &selection)) {
    return code;
  }
  const semantic::Explore& explore = *selection.explore;
  // With user attributes, list only what that user may see (deny by default).
  bool as_user = !options.access_level.empty() || !options.user_attributes.empty();
  codegen::UserContext user;
  if (!parseUserAttributes(options.user_attributes, options.access_level, &user.attributes)) {
    return kExitUsage;
  }
  if (as_user) {
    // The same refusal `lkml sql` gives: an explore the user cannot see lists nothing.
    std::string refusal = unknownAttributeValue(*selection.model, user);
    if (refusal.empty()) refusal = exploreRefusal(*selection.model, explore, user);
    if (!refusal.empty()) {
      std::cerr << "lkml: error: " << refusal << "\n";
      return kExitFindings;
    }
  }
  semantic::ExploreScope scope(*selection.model, explore);
  semantic::ExploreFieldLists field_lists(scope);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const semantic::ScopeEntry& entry : scope.entries()) {
    if (!entry.view) continue;
    for (const semantic::Field& f : entry.view->fields) {
      if (!field_lists.allows(entry, f.name)) continue;
      std::string name = entry.alias + "." + f.name;
      if (as_user && !codegen::userMaySee(scope, field_lists, entry, f, user)) {
        continue;
      }
      std::vector<std::string> grants = explore.required_access_grants;
      if (entry.join) {
        grants.insert(grants.end(), entry.join->required_access_grants.begin(),
                      entry.join->required_access_grants.end());
      }
      grants.insert(grants.end(), entry.view->required_access_grants.begin(),
                    entry.view->required_access_grants.end());
      grants.insert(grants.end(), f.required_access_grants.begin(), f.required_access_grants.end());
      std::sort(grants.begin(), grants.end());
      grants.erase(std::unique(grants.begin(), grants.end()), grants.end());
      nlohmann::ordered_json row;
      row["name"] = name;
      row["kind"] = semantic::fieldKindName(f.kind);
      row["type"] = f.timeframe.empty() ? f.type : f.type + ":" + f.timeframe;
      row["view"] = entry.alias;
      row["label"] = f.label;
      row["hidden"] = f.hidden;
      row["required_access_grants"] = grants;
      rows.push_back(std::move(row));
    }
  }
  if (options.format == "json") {
    std::cout << rows.dump(2) << "\n";
    return kExitOk;
  }
  if (options.format != "text") {
    std::cerr << "lkml: error: unknown --format `" << options.format
              << "`; expected text or json\n";
    return kExitUsage;
  }
  for (const auto& row : rows) {
    std::cout << row["name"].get<std::string>() << "\t" << row["kind"].get<std::string>() << "\t"
              << row["type"].get<std::string>();
    if (row["hidden"].get<bool>()) std::cout << "\thidden";
    if (!row["required_access_grants"].empty()) {
      std::cout << "\tgrants=";
      bool first = true;
      for (const auto& g : row["required_access_grants"]) {
        std::cout << (first ? "" : ",") << g.get<std::string>();
        first = false;
      }
    }
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace

void addFieldsCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("fields", "List the fields of an explore");
  auto options = std::make_shared<FieldsOptions>();
  cmd->add_option("PROJECT_DIR", options->dir, "the LookML project (default: .)");
  cmd->add_option("--model", options->model, "model name (optional with one model)");
  cmd->add_option("--explore", options->explore, "explore name")->required();
  cmd->add_option("--format", options->format, "text (default) or json");
  cmd->add_option("--access-level", options->access_level,
                  "only fields a user with this access_level may see");
  cmd->add_option("--user-attribute", options->user_attributes,
                  "NAME=VALUE attribute of that user (repeatable)");
  cmd->footer("Example:\n  lkml fields looker --model ti --explore users_internal --format json");
  cmd->callback([options, exit_code] { *exit_code = runFields(*options); });
}

}  // namespace lkml::cli
