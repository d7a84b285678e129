#include "cli/project_selection.h"

#include <algorithm>
#include <iostream>

#include "base/diagnostic_renderer.h"
#include "base/suggest.h"
#include "cli/exit_codes.h"
#include "cli/explore_patterns.h"
#include "cli/terminal.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::cli {

int selectExplore(const std::string& dir, const std::string& model_arg,
                  const std::string& explore_arg, Selection* out) {
  // `--explore model/name` names the model too; a glob must match exactly one explore.
  ExploreRef ref = splitExploreName(explore_arg);
  std::string model_name = ref.model.empty() ? model_arg : ref.model;
  std::string explore_name = ref.explore;
  if (!ref.model.empty() && !model_arg.empty() && ref.model != model_arg) {
    std::cerr << "lkml: error: --explore " << explore_arg << " names model `" << ref.model
              << "` but --model is `" << model_arg << "`\n";
    return kExitUsage;
  }
  if (isGlob(explore_arg)) {
    DiagnosticBag all_bag;
    auto all = semantic::loadAndCompile(dir, all_bag);
    if (!all) {
      for (const auto& d : all_bag.diagnostics()) std::cerr << "lkml: error: " << d.message << "\n";
      return kExitUsage;
    }
    std::vector<ExploreRef> hits = matchExplores(all->project, explore_arg);
    if (!model_arg.empty()) {
      hits.erase(std::remove_if(hits.begin(), hits.end(),
                                [&](const ExploreRef& h) { return h.model != model_arg; }),
                 hits.end());
    }
    if (hits.size() != 1) {
      std::cerr << "lkml: error: --explore " << explore_arg << " matches " << hits.size()
                << " explores";
      for (size_t i = 0; i < hits.size() && i < 10; ++i) {
        std::cerr << (i ? ", " : " (") << hits[i].model << "/" << hits[i].explore;
      }
      std::cerr << (hits.empty() ? "" : ")") << "; this command needs exactly one\n";
      return kExitUsage;
    }
    model_name = hits[0].model;
    explore_name = hits[0].explore;
  }
  DiagnosticBag bag;
  // Only the selected explore and its views are lowered: a query needs nothing else.
  out->project = semantic::loadAndCompile(dir, bag, 0, nullptr, &explore_name);
  auto printErrors = [&] {
    std::vector<Diagnostic> errors;
    for (const auto& d : bag.diagnostics()) {
      if (d.severity == Severity::Error) errors.push_back(d);
    }
    if (errors.empty() || !out->project) return;
    RenderOptions render;
    render.color = useColor("auto", 2);
    renderText(std::cerr, errors, *out->project->sources.sources, render);
  };
  if (!out->project) {
    for (const auto& d : bag.diagnostics()) std::cerr << "lkml: error: " << d.message << "\n";
    return kExitUsage;
  }
  // An `extends` chain too deep to follow (LKML245) leaves its definitions out of the model:
  // say so rather than "unknown explore" or "no field".
  for (const auto& d : bag.diagnostics()) {
    if (d.code == static_cast<int>(semantic::SemCode::extends_too_deep)) {
      printErrors();
      return kExitFindings;
    }
  }
  const auto& models = out->project->project.models;
  if (model_name.empty()) {
    if (models.size() != 1) {
      std::cerr << "lkml: error: --model is required: project `" << dir << "` has " << models.size()
                << " models";
      for (size_t i = 0; i < models.size(); ++i) std::cerr << (i ? ", " : " (") << models[i].name;
      std::cerr << (models.empty() ? "" : ")") << "\n";
      return kExitUsage;
    }
    out->model = &models[0];
  } else {
    out->model = out->project->project.findModel(model_name);
    if (!out->model) {
      std::vector<std::string> names;
      for (const auto& m : models) names.push_back(m.name);
      std::string near = closestMatch(model_name, names);
      std::cerr << "lkml: error: unknown model `" << model_name << "` in `" << dir << "`"
                << (near.empty() ? "" : "; did you mean `" + near + "`?") << "\n";
      return kExitUsage;
    }
  }
  out->explore = out->model->findExplore(explore_name);
  if (!out->explore || out->explore->extension_required) {
    // Only the requested explore was compiled; list the others for the suggestion.
    std::vector<std::string> names;
    for (const auto& file : out->project->sources.files) {
      for (const auto& member : file.doc.members) {
        if (member.key == "explore" && member.isBlock() && member.value.present() &&
            member.value.text.front() != '+' && !member.child("extension")) {
          names.emplace_back(member.value.text);
        }
      }
    }
    std::string near = closestMatch(explore_name, names);
    std::cerr << "lkml: error: "
              << (out->explore ? "explore `" + explore_name +
                                     "` has `extension: required` and cannot be queried"
                               : "unknown explore `" + explore_name + "` in model `" +
                                     out->model->name + "`")
              << (near.empty() ? "" : "; did you mean `" + near + "`?") << "\n";
    return kExitUsage;
  }
  if (!out->model->findView(out->explore->view)) {
    printErrors();
    std::cerr << "lkml: error: explore `" << explore_name << "` has no base view `"
              << out->explore->view << "`\n";
    return kExitFindings;
  }
  return kExitOk;
}

}  // namespace lkml::cli
