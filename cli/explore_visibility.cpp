#include "cli/explore_visibility.h"

#include <set>

#include "codegen/access_policy.h"

namespace lkml::cli {

std::string exploreRefusal(const semantic::Model& model, const semantic::Explore& explore,
                           const codegen::UserContext& user) {
  codegen::AccessPolicy policy(model, user);
  std::string failed = policy.firstFailing(explore.required_access_grants);
  if (failed.empty()) return "";
  return "access denied: explore `" + explore.name + "` requires access grant `" + failed + "` (" +
         policy.explain(failed) + ")";
}

std::string unknownAttributeValue(const semantic::Model& model, const codegen::UserContext& user) {
  for (const auto& [attribute, value] : user.attributes) {
    std::set<std::string> allowed;
    bool tested = false;
    for (const auto& [name, grant] : model.access_grants) {
      if (grant.user_attribute != attribute) continue;
      tested = true;
      allowed.insert(grant.allowed_values.begin(), grant.allowed_values.end());
    }
    if (!tested || allowed.count(value)) continue;
    std::string list;
    for (const std::string& v : allowed) list += (list.empty() ? "" : ", ") + v;
    std::string flag =
        attribute == "access_level" ? "--access-level" : "--user-attribute " + attribute + "=";
    return "no access_grant of model `" + model.name + "` allows " + attribute + " `" + value +
           "` (the grants allow: " + list + "); check " + flag;
  }
  return "";
}

}  // namespace lkml::cli
