// Whether a user (given by --access-level / --user-attribute) may see an explore at all, and
// whether the attribute values they were given mean anything to the model's access grants.
// `lkml fields`, `lkml explores` and `lkml validate sql` refuse alike; the wording matches the
// refusal `lkml sql` prints.
#pragma once

#include <string>

#include "codegen/query.h"
#include "semantic/model.h"

namespace lkml::cli {

/// "" when the user passes every grant of the explore; else why not (one sentence).
std::string exploreRefusal(const semantic::Model& model, const semantic::Explore& explore,
                           const codegen::UserContext& user);

/// "" when each attribute value the user has that some access_grant of the model tests is
/// allowed by at least one of those grants; else a message naming the values that would be.
std::string unknownAttributeValue(const semantic::Model& model, const codegen::UserContext& user);

}  // namespace lkml::cli
