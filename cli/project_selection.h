// Shared by the commands that work on one explore (fields, sql, query): load the project,
// pick the model (optional when there is one) and the explore, with clear errors.
#pragma once

#include <memory>
#include <string>

#include "base/diagnostic.h"
#include "semantic/project.h"

namespace lkml::cli {

struct Selection {
  std::unique_ptr<semantic::LoadedProject> project;
  const semantic::Model* model = nullptr;
  const semantic::Explore* explore = nullptr;
};

/// Loads `dir` and selects `model_name` / `explore_name`. On failure prints the reason
/// (and any LookML errors that explain it) to stderr and returns the exit code to use.
int selectExplore(const std::string& dir, const std::string& model_name,
                  const std::string& explore_name, Selection* out);

}  // namespace lkml::cli
