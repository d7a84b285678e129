// `lkml explores PROJECT [--model M] [--access-level X] [--format json]`: the models, their
// explores, each one's base view and joins, and whether the given user can see it.
#include <iostream>
#include <nlohmann/json.hpp>

#include "base/diagnostic_renderer.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/explore_visibility.h"
#include "cli/query_options.h"
#include "cli/terminal.h"
#include "semantic/project.h"

namespace lkml::cli {

namespace {

struct ExploresOptions {
  std::string dir = ".";
  std::string model, format = "text", access_level;
  std::vector<std::string> user_attributes;
};

int runExplores(const ExploresOptions& options) {
  if (options.format != "text" && options.format != "json") {
    std::cerr << "lkml: error: unknown --format `" << options.format
              << "`; expected text or json\n";
    return kExitUsage;
  }
  codegen::UserContext user;
  if (!parseUserAttributes(options.user_attributes, options.access_level, &user.attributes)) {
    return kExitUsage;
  }
  bool as_user = !user.attributes.empty();
  DiagnosticBag bag;
  auto project = semantic::loadAndCompile(options.dir, bag);
  if (!project) {
    for (const auto& d : bag.diagnostics()) std::cerr << "lkml: error: " << d.message << "\n";
    return kExitUsage;
  }
  const auto& models = project->project.models;
  if (!options.model.empty() && !project->project.findModel(options.model)) {
    std::cerr << "lkml: error: unknown model `" << options.model << "` in `" << options.dir
              << "`\n";
    return kExitUsage;
  }
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  size_t visible = 0, total = 0;
  for (const semantic::Model& model : models) {
    if (!options.model.empty() && model.name != options.model) continue;
    std::string unknown = as_user ? unknownAttributeValue(model, user) : "";
    nlohmann::ordered_json explores = nlohmann::ordered_json::array();
    for (const semantic::Explore& explore : model.explores) {
      if (explore.extension_required) continue;
      ++total;
      std::string refusal = !unknown.empty() ? unknown
                            : as_user        ? exploreRefusal(model, explore, user)
                                             : "";
      visible += refusal.empty();
      nlohmann::ordered_json e;
      e["name"] = explore.name;
      e["view"] = explore.view;
      e["label"] = explore.label;
      e["hidden"] = explore.hidden;
      nlohmann::ordered_json joins = nlohmann::ordered_json::array();
      for (const semantic::Join& join : explore.joins) {
        joins.push_back({{"name", join.name},
                         {"view", join.view},
                         {"type", semantic::joinTypeName(join.type)},
                         {"relationship", semantic::relationshipName(join.relationship)}});
      }
      e["joins"] = std::move(joins);
      e["required_access_grants"] = explore.required_access_grants;
      if (as_user) e["visible"] = refusal.empty();
      if (!refusal.empty()) e["reason"] = refusal;
      explores.push_back(std::move(e));
    }
    out.push_back({{"model", model.name},
                   {"connection", model.connection},
                   {"explores", std::move(explores)}});
  }
  if (options.format == "json") {
    std::cout << out.dump(2) << "\n";
  } else {
    for (const auto& m : out) {
      std::cout << "model " << m["model"].get<std::string>();
      if (!m["connection"].get<std::string>().empty()) {
        std::cout << " (connection " << m["connection"].get<std::string>() << ")";
      }
      std::cout << "\n";
      for (const auto& e : m["explores"]) {
        std::cout << "  " << e["name"].get<std::string>() << "  view "
                  << e["view"].get<std::string>();
        if (!e["joins"].empty()) {
          std::cout << "  joins ";
          bool first = true;
          for (const auto& j : e["joins"]) {
            std::cout << (first ? "" : ", ") << j["name"].get<std::string>();
            first = false;
          }
        }
        if (e["hidden"].get<bool>()) std::cout << "  hidden";
        if (e.contains("visible")) {
          std::cout << (e["visible"].get<bool>()
                            ? "  visible"
                            : "  not visible: " + e["reason"].get<std::string>());
        }
        std::cout << "\n";
      }
    }
  }
  if (as_user && visible == 0) {
    std::cerr << "lkml: error: no explore is visible to this user (" << total << " checked)\n";
    return kExitFindings;
  }
  return kExitOk;
}

}  // namespace

void addExploresCommand(CLI::App& app, int* exit_code) {
  auto* cmd =
      app.add_subcommand("explores", "List models, explores, base views and joins; who sees them");
  auto options = std::make_shared<ExploresOptions>();
  cmd->add_option("PROJECT_DIR", options->dir, "the LookML project (default: .)");
  cmd->add_option("--model", options->model, "only this model");
  cmd->add_option("--format", options->format, "text (default) or json");
  cmd->add_option("--access-level", options->access_level,
                  "mark which explores a user with this access_level sees");
  cmd->add_option("--user-attribute", options->user_attributes,
                  "NAME=VALUE attribute of that user (repeatable)");
  cmd->footer(
      "Examples:\n"
      "  lkml explores looker\n"
      "  lkml explores looker --model ti --access-level client --format json\n"
      "Exit codes: 0 listed, 1 no explore visible to the given user, 2 usage error.");
  cmd->callback([options, exit_code] { *exit_code = runExplores(*options); });
}

}  // namespace lkml::cli
