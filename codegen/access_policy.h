// Access grants (Looker's `access_grant`): a user passes a grant when their value of the
// grant's user attribute is one of its allowed values. Deny by default: a missing attribute,
// an undefined grant or an empty value passes nothing.
#pragma once

#include <string>
#include <vector>

#include "codegen/query.h"
#include "semantic/model.h"

namespace lkml::codegen {

class AccessPolicy {
 public:
  AccessPolicy(const semantic::Model& model, const UserContext& user)
      : model_(model), user_(user) {}

  bool passes(const std::string& grant) const;
  /// The first grant of `grants` the user fails, or "" when all pass.
  std::string firstFailing(const std::vector<std::string>& grants) const;
  /// Why `grant` fails, for messages ("access_level is `client`; allowed: internal, company").
  std::string explain(const std::string& grant) const;

  const UserContext& user() const { return user_; }

 private:
  const semantic::Model& model_;
  const UserContext& user_;
};

}  // namespace lkml::codegen
