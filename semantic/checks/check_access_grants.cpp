// Access grants: every `required_access_grants` entry names a defined grant (212); grants
// that nothing requires are reported (213); a grant needs its user attribute and allowed
// values (202). Access filters name a user attribute, spelled like the model's others (238).
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

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

// The grants a view and its fields require, in field order. Only objects that require grants
// are collected (their names are built for the message).
void viewUses(const std::string& name, const View& view, std::vector<GrantUse>* uses) {
  if (!view.required_access_grants.empty()) {
    uses->push_back({&view.required_access_grants, view.grants_span, "view `" + name + "`"});
  }
  for (const Field& f : view.fields) {
    if (f.required_access_grants.empty()) continue;
    uses->push_back({&f.required_access_grants.vec(), f.grants_span,
                     "field `" + name + "." + (f.group.empty() ? f.name : f.group) + "`"});
  }
}

void scanAttributes(const SourceText& text, std::set<std::string>* out) {
  if (text.text.find("_user_attributes") == std::string::npos) return;
  for (const LiquidReference& ref : findLiquidReferences(text.text)) {
    if (ref.kind == LiquidReference::Kind::UserAttribute) out->insert(ref.name);
  }
}

// `{{ _user_attributes['x'] }}` in a view's SQL.
std::set<std::string> viewAttributes(const View& view) {
  std::set<std::string> found;
  scanAttributes(view.sql_table_name, &found);
  scanAttributes(view.derived_table_sql, &found);
  for (const Field& f : view.fields) scanAttributes(f.sql, &found);
  return found;
}

void reportUndefined(const Model& model, const std::vector<std::string>& defined,
                     const GrantUse& use, DiagnosticSink& sink) {
  for (const std::string& name : *use.names) {
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

}  // namespace

struct AccessGrantChecker::Caches {
  std::vector<std::vector<std::pair<const std::string*, const View*>>> views;  // per model
  std::vector<std::vector<std::string>> defined;  // per model: its grants' names
  // The user attributes of each view's SQL, found once per view (models share views) by
  // whichever part needs them first.
  std::mutex mutex;
  std::unordered_map<const View*, std::set<std::string>> attributes;
};

AccessGrantChecker::AccessGrantChecker(const LoadedProject& project)
    : project_(project), caches_(std::make_unique<Caches>()) {
  for (const Model& model : project.project.models) {
    auto& views = caches_->views.emplace_back();
    views.reserve(model.views.size());
    for (const auto& [name, view] : model.views) views.emplace_back(&name, &view);
    auto& defined = caches_->defined.emplace_back();
    for (const auto& [name, grant] : model.access_grants) defined.push_back(name);
  }
}

AccessGrantChecker::~AccessGrantChecker() = default;

void AccessGrantChecker::checkViews(DiagnosticSink& sink, size_t model_index, size_t part,
                                    size_t parts) {
  const Model& model = project_.project.models[model_index];
  const auto& views = caches_->views[model_index];
  std::vector<GrantUse> uses;
  for (size_t i = views.size() * part / parts; i < views.size() * (part + 1) / parts; ++i) {
    uses.clear();
    viewUses(*views[i].first, *views[i].second, &uses);
    for (const GrantUse& use : uses)
      reportUndefined(model, caches_->defined[model_index], use, sink);
  }
}

namespace {

// The user attributes the model names elsewhere: grants and `{{ _user_attributes['x'] }}`.
std::set<std::string> knownAttributes(
    const Model& model, std::mutex& mutex,
    std::unordered_map<const View*, std::set<std::string>>& cache) {
  std::set<std::string> known;
  for (const auto& [name, grant] : model.access_grants) {
    if (!grant.user_attribute.empty()) known.insert(grant.user_attribute);
  }
  for (const auto& [name, view] : model.views) {
    const std::set<std::string>* found = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex);
      auto it = cache.find(&view);
      if (it != cache.end()) found = &it->second;  // std::unordered_map: elements stay put
    }
    if (!found) {
      std::set<std::string> scanned = viewAttributes(view);
      std::lock_guard<std::mutex> lock(mutex);
      found = &cache.emplace(&view, std::move(scanned)).first->second;
    }
    known.insert(found->begin(), found->end());
  }
  for (const Explore& explore : model.explores) {
    scanAttributes(explore.sql_always_where, &known);
    for (const Join& join : explore.joins) scanAttributes(join.sql_on, &known);
  }
  return known;
}

// An access_filter without a user attribute filters nothing in Looker's validator's eyes and
// is refused by every query; one whose attribute no other LookML uses but that is one typo
// away from one that is, is a misspelling that denies every user.
void checkAccessFilters(const Model& model, std::mutex& mutex,
                        std::unordered_map<const View*, std::set<std::string>>& cache,
                        DiagnosticSink& sink) {
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
        known = knownAttributes(model, mutex, cache);
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

void AccessGrantChecker::checkRest(DiagnosticSink& sink, size_t model_index) {
  const Model& model = project_.project.models[model_index];
  std::vector<GrantUse> uses;
  for (const Explore& explore : model.explores) {
    uses.push_back(
        {&explore.required_access_grants, explore.grants_span, "explore `" + explore.name + "`"});
    for (const Join& join : explore.joins) {
      uses.push_back({&join.required_access_grants, join.grants_span,
                      "join `" + join.name + "` of explore `" + explore.name + "`"});
    }
  }
  for (const GrantUse& use : uses) reportUndefined(model, caches_->defined[model_index], use, sink);
  std::set<std::string> used;
  for (const GrantUse& use : uses) used.insert(use.names->begin(), use.names->end());
  for (const auto& [name, view] : model.views) {
    used.insert(view.required_access_grants.begin(), view.required_access_grants.end());
    for (const Field& f : view.fields) {
      used.insert(f.required_access_grants.begin(), f.required_access_grants.end());
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
  checkAccessFilters(model, caches_->mutex, caches_->attributes, sink);
}

void checkAccessGrants(const LoadedProject& project, DiagnosticSink& sink) {
  AccessGrantChecker checker(project);
  for (size_t m = 0; m < project.project.models.size(); ++m) {
    checker.checkViews(sink, m);
    checker.checkRest(sink, m);
  }
}

}  // namespace lkml::semantic::checks
