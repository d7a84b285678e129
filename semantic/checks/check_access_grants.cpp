// Access grants: every `required_access_grants` entry names a defined grant (212); grants
// that nothing requires are reported (213).
#include <set>

#include "base/suggest.h"
#include "semantic/checks/checks.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic::checks {

namespace {

struct GrantUse {
  const std::vector<std::string>* names;
  Span span;
  std::string owner;
};

// Only objects that require grants are collected (their names are built for the message).
void collectUses(const Model& model, std::vector<GrantUse>* uses) {
  for (const auto& [name, view] : model.views) {
    if (!view.required_access_grants.empty()) {
      uses->push_back({&view.required_access_grants, view.grants_span, "view `" + name + "`"});
    }
    for (const Field& f : view.fields) {
      if (f.required_access_grants.empty()) continue;
      uses->push_back({&f.required_access_grants, f.grants_span,
                       "field `" + name + "." + (f.group.empty() ? f.name : f.group) + "`"});
    }
  }
  for (const Explore& explore : model.explores) {
    uses->push_back(
        {&explore.required_access_grants, explore.grants_span, "explore `" + explore.name + "`"});
    for (const Join& join : explore.joins) {
      uses->push_back({&join.required_access_grants, join.grants_span,
                       "join `" + join.name + "` of explore `" + explore.name + "`"});
    }
  }
}

}  // namespace

void checkAccessGrants(const LoadedProject& project, DiagnosticSink& sink) {
  for (const Model& model : project.project.models) {
    std::vector<GrantUse> uses;
    collectUses(model, &uses);
    std::set<std::string> used;
    std::vector<std::string> defined;
    for (const auto& [name, grant] : model.access_grants) defined.push_back(name);
    for (const GrantUse& use : uses) {
      for (const std::string& name : *use.names) {
        used.insert(name);
        if (model.access_grants.count(name)) continue;
        Diagnostic d = makeSemDiagnostic(SemCode::undefined_access_grant, use.span,
                                         use.owner + " requires access grant `" + name +
                                             "`, which model `" + model.name + "` does not define");
        std::string near = closestMatch(name, defined);
        d.help = near.empty() ? "define `access_grant: " + name +
                                    " { user_attribute: ... allowed_values: [...] }` in the model "
                                    "or a file it includes"
                              : "did you mean `" + near + "`?";
        sink.report(std::move(d));
      }
    }
    for (const auto& [name, grant] : model.access_grants) {
      if (grant.user_attribute.empty()) {
        Diagnostic d = makeSemDiagnostic(SemCode::invalid_value, grant.name_span,
                                         "access grant `" + name + "` has no `user_attribute`");
        d.help = "add `user_attribute: access_level` (the user attribute to compare)";
        sink.report(std::move(d));
      }
      if (used.count(name)) continue;
      Diagnostic d = makeSemDiagnostic(
          SemCode::unused_access_grant, grant.name_span,
          "access grant `" + name + "` is never required in model `" + model.name + "`");
      d.help = "use it in `required_access_grants`, or remove it";
      sink.report(std::move(d));
    }
  }
}

}  // namespace lkml::semantic::checks
