#include "cli/explore_patterns.h"

#include <fnmatch.h>

namespace lkml::cli {

bool isGlob(const std::string& text) { return text.find_first_of("*?[") != std::string::npos; }

ExploreRef splitExploreName(const std::string& text) {
  size_t slash = text.find('/');
  if (slash == std::string::npos) return {"", text};
  return {text.substr(0, slash), text.substr(slash + 1)};
}

std::vector<ExploreRef> matchExplores(const semantic::Project& project,
                                      const std::string& pattern) {
  ExploreRef wanted = splitExploreName(pattern);
  std::vector<ExploreRef> out;
  for (const semantic::Model& model : project.models) {
    if (!wanted.model.empty() && fnmatch(wanted.model.c_str(), model.name.c_str(), 0) != 0) {
      continue;
    }
    for (const semantic::Explore& explore : model.explores) {
      bool glob = isGlob(wanted.explore);
      if (glob && explore.extension_required) continue;
      bool hit = glob ? fnmatch(wanted.explore.c_str(), explore.name.c_str(), 0) == 0
                      : explore.name == wanted.explore;
      if (hit) out.push_back({model.name, explore.name});
    }
  }
  return out;
}

std::vector<std::string> exploreNames(const semantic::Project& project) {
  std::vector<std::string> names;
  for (const semantic::Model& model : project.models) {
    for (const semantic::Explore& explore : model.explores) {
      if (!explore.extension_required) names.push_back(explore.name);
    }
  }
  return names;
}

}  // namespace lkml::cli
