#include "codegen/access_policy.h"

#include <algorithm>

namespace lkml::codegen {

bool AccessPolicy::passes(const std::string& grant) const {
  auto it = model_.access_grants.find(grant);
  if (it == model_.access_grants.end()) return false;  // undefined grants never pass
  if (user_.all_grants) return true;
  const semantic::AccessGrant& g = it->second;
  auto value = user_.attributes.find(g.user_attribute);
  if (value == user_.attributes.end() || value->second.empty()) return false;
  return std::find(g.allowed_values.begin(), g.allowed_values.end(), value->second) !=
         g.allowed_values.end();
}

std::string AccessPolicy::firstFailing(const std::vector<std::string>& grants) const {
  for (const std::string& grant : grants) {
    if (!passes(grant)) return grant;
  }
  return "";
}

std::string AccessPolicy::explain(const std::string& grant) const {
  auto it = model_.access_grants.find(grant);
  if (it == model_.access_grants.end()) return "grant `" + grant + "` is not defined";
  const semantic::AccessGrant& g = it->second;
  std::string allowed;
  for (size_t i = 0; i < g.allowed_values.size(); ++i) {
    allowed += (i ? ", " : "") + g.allowed_values[i];
  }
  auto value = user_.attributes.find(g.user_attribute);
  std::string has = value == user_.attributes.end()
                        ? "the user has no `" + g.user_attribute + "`"
                        : "`" + g.user_attribute + "` is `" + value->second + "`";
  return has + "; grant `" + grant + "` allows " + g.user_attribute + " in [" + allowed + "]";
}

}  // namespace lkml::codegen
