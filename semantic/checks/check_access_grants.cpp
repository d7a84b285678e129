// Access grants: every `required_access_grants` entry names a defined grant (212); grants
// that nothing requires are reported (213); a grant needs its user attribute and allowed
// values (202). Access filters name a user attribute, spelled like the model's others (238).
#include <set>
#include <unordered_map>

#include "base/suggest.h"
#include "semantic/checks/checks.h"
#include "semantic/semantic_diagnostics.h"
#include "semantic/sql_references.h"

namespace lkml::semantic::checks {

namespace {

struct GrantUse {
  const std::vector<std::string>* names;
  Span span;
  std::string owner;
};

// What one view contributes, found once per view: models share views (semantic/model.h).
struct ViewFacts {
  std::vector<GrantUse> uses;        // the view and its fields that require grants
  std::set<std::string> attributes;  // `{{ _user_attributes['x'] }}` in its SQL
};
using ViewFactsCache = std::unordered_map<const View*, ViewFacts>;

const ViewFacts& factsOf(const std::string& name, const View& view, ViewFactsCache& cache) {
  auto [it, inserted] = cache.try_emplace(&view);
  if (!inserted) return it->second;
  ViewFacts& facts = it->second;
  // Only objects that require grants are collected (their names are built for the message).
  if (!view.required_access_grants.empty()) {
    facts.uses.push_back({&view.required_access_grants, view.grants_span, "view `" + name + "`"});
  }
  for (const Field& f : view.fields) {
    if (f.required_access_grants.empty()) continue;
    facts.uses.push_back({&f.required_access_grants.vec(), f.grants_span,
                          "field `" + name + "." + (f.group.empty() ? f.name : f.group) + "`"});
  }
  auto scan = [&](const SourceText& text) {
    if (text.text.find("_user_attributes") == std::string::npos) return;
    for (const LiquidReference& ref : findLiquidReferences(text.text)) {
      if (ref.kind == LiquidReference::Kind::UserAttribute) facts.attributes.insert(ref.name);
    }
  };
  scan(view.sql_table_name);
  scan(view.derived_table_sql);
  for (const Field& f : view.fields) scan(f.sql);
  return facts;
}

void collectUses(const Model& model, ViewFactsCache& cache, std::vector<GrantUse>* uses) {
  for (const auto& [name, view] : model.views) {
    const ViewFacts& facts = factsOf(name, view, cache);
    uses->insert(uses->end(), facts.uses.begin(), facts.uses.end());
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

// The user attributes the model names elsewhere: grants and `{{ _user_attributes['x'] }}`.
std::set<std::string> knownAttributes(const Model& model, ViewFactsCache& cache) {
  std::set<std::string> known;
  for (const auto& [name, grant] : model.access_grants) {
    if (!grant.user_attribute.empty()) known.insert(grant.user_attribute);
  }
  auto scan = [&](const SourceText& text) {
    if (text.text.find("_user_attributes") == std::string::npos) return;
    for (const LiquidReference& ref : findLiquidReferences(text.text)) {
      if (ref.kind == LiquidReference::Kind::UserAttribute) known.insert(ref.name);
    }
  };
  for (const auto& [name, view] : model.views) {
    const ViewFacts& facts = factsOf(name, view, cache);
    known.insert(facts.attributes.begin(), facts.attributes.end());
  }
  for (const Explore& explore : model.explores) {
    scan(explore.sql_always_where);
    for (const Join& join : explore.joins) scan(join.sql_on);
  }
  return known;
}

// An access_filter without a user attribute filters nothing in Looker's validator's eyes and
// is refused by every query; one whose attribute no other LookML uses but that is one typo
// away from one that is, is a misspelling that denies every user.
void checkAccessFilters(const Model& model, ViewFactsCache& cache, DiagnosticSink& sink) {
  std::set<std::string> known;
  bool loaded = false;
  for (const Explore& explore : model.explores) {
    for (const AccessFilter& af : explore.access_filters) {
      if (af.user_attribute.empty()) {
        Diagnostic d = makeSemDiagnostic(SemCode::invalid_access_filter, af.span,
                                         "the access_filter on `" + af.field + "` of explore `" +
                                             explore.name + "` has no `user_attribute`");
        d.help = "add `user_attribute: company_id` (the user attribute whose value the rows of `" +
                 af.field + "` must equal)";
        sink.report(std::move(d));
        continue;
      }
      if (!loaded) {
        known = knownAttributes(model, cache);
        loaded = true;
      }
      if (known.count(af.user_attribute)) continue;
      std::vector<std::string> names(known.begin(), known.end());
      std::string near = closestMatch(af.user_attribute, names);
      if (near.empty()) continue;
      Diagnostic d = makeSemDiagnostic(
          SemCode::invalid_access_filter, af.span,
          "the access_filter on `" + af.field + "` of explore `" + explore.name +
              "` uses user attribute `" + af.user_attribute +
              "`, which no other LookML of the model uses; the model uses `" + near + "`");
      d.help = "did you mean `user_attribute: " + near + "`?";
      sink.report(std::move(d));
    }
  }
}

}  // namespace

void checkAccessGrants(const LoadedProject& project, DiagnosticSink& sink) {
  ViewFactsCache cache;
  for (const Model& model : project.project.models) {
    std::vector<GrantUse> uses;
    collectUses(model, cache, &uses);
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
      if (grant.allowed_values.empty()) {
        Diagnostic d = makeSemDiagnostic(
            SemCode::invalid_value, grant.name_span,
            "access grant `" + name + "` has no `allowed_values`: no user passes it");
        d.help = "add `allowed_values: [\"value\", ...]` (the attribute values that pass)";
        sink.report(std::move(d));
      }
      if (used.count(name)) continue;
      Diagnostic d = makeSemDiagnostic(
          SemCode::unused_access_grant, grant.name_span,
          "access grant `" + name + "` is never required in model `" + model.name + "`");
      d.help = "use it in `required_access_grants`, or remove it";
      sink.report(std::move(d));
    }
    checkAccessFilters(model, cache, sink);
  }
}

}  // namespace lkml::semantic::checks
