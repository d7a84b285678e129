#include "schema/sql_validator.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

#include "catalog/data_probes.h"
#include "catalog/postgres_connection.h"
#include "codegen/access_policy.h"
#include "codegen/compile_context.h"
#include "codegen/dialects/dialect_registry.h"
#include "codegen/filter_expression.h"
#include "codegen/query_compiler.h"
#include "schema/schema_diagnostics.h"
#include "semantic/explore_scope.h"
#include "semantic/field_list.h"
#include "semantic/sql_references.h"

namespace lkml::schema {

namespace {

struct Task {
  const semantic::Model* model = nullptr;
  const semantic::Explore* explore = nullptr;
  std::string level;  // "" when no access level was given
  std::string context() const {
    return "explore `" + explore->name + "`" +
           (level.empty() ? std::string() : " (access level `" + level + "`)");
  }
};

struct Candidate {
  std::string name;  // `alias.field`
  const semantic::ScopeEntry* entry = nullptr;
  const semantic::Field* field = nullptr;
};

// A finding of one task, merged across tasks before it is reported.
struct Finding {
  SchemaCode code;
  Span span;
  std::string path;
  std::string message;
  std::string label;
  std::string help;
  std::string context;
  std::vector<Label> notes = {};  // where to look, besides the primary span
  Span cause = {};                // a finding this one follows from (semantic/root_causes.h)
};

struct Attempt {
  bool ok = true;
  std::string message;  // compile or database message
  std::string sqlstate;
  std::string detail;
};

class Validator {
 public:
  Validator(const semantic::LoadedProject& project, const SettingsLookup& settings,
            const SqlValidationOptions& options)
      : project_(project),
        settings_(settings),
        options_(options),
        dialect_(codegen::findDialect("postgres")) {}

  SqlValidationResult run(DiagnosticSink& sink);

 private:
  class Worker;

  void runTask(Worker& worker, const Task& task);
  void addFinding(Finding finding);
  void failDatabase(const catalog::DatabaseError& error);

  const semantic::LoadedProject& project_;
  const SettingsLookup& settings_;
  const SqlValidationOptions& options_;
  const codegen::Dialect* dialect_;

  std::mutex mutex_;
  std::vector<Finding> findings_;
  SqlValidationResult result_;
  std::atomic<bool> stop_{false};
  std::atomic<size_t> queries_{0}, validated_{0}, denied_{0}, failed_{0};
  std::mutex skipped_mutex_;
  std::set<std::string> ignored_fields_;               // `view.field`, guarded by skipped_mutex_
  std::set<const semantic::Field*> fields_explained_;  // under skipped_mutex_
};

bool contains(Span outer, Span inner) {
  return outer.valid() && inner.valid() && outer.file == inner.file && outer.begin <= inner.begin &&
         inner.end <= outer.end;
}

bool explained(const std::vector<Span>& errors, Span span) {
  return std::any_of(errors.begin(), errors.end(), [&](Span e) { return contains(span, e); });
}

bool exploreExplained(const std::vector<Span>& errors, const semantic::Explore& explore) {
  if (explained(errors, explore.span)) return true;
  return std::any_of(explore.joins.begin(), explore.joins.end(),
                     [&](const semantic::Join& join) { return explained(errors, join.span); });
}

class Validator::Worker {
 public:
  explicit Worker(Validator& v) : v_(v) {}

  // The connection for a model (opened on first use); null after a database failure.
  catalog::PostgresConnection* connection(const semantic::Model& model) {
    catalog::ConnectionSettings settings = v_.settings_(model);
    auto& slot = connections_[settings.url];
    if (!slot) {
      catalog::DatabaseError error;
      slot = catalog::PostgresConnection::open(settings, &error);
      if (!slot) {
        connections_.erase(settings.url);
        v_.failDatabase(error);
        return nullptr;
      }
    }
    return slot.get();
  }

 private:
  Validator& v_;
  std::map<std::string, std::unique_ptr<catalog::PostgresConnection>> connections_;
};

void Validator::addFinding(Finding finding) {
  std::lock_guard<std::mutex> lock(mutex_);
  findings_.push_back(std::move(finding));
}

void Validator::failDatabase(const catalog::DatabaseError& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!result_.database_failed) {
    result_.database_failed = true;
    result_.database_error = error;
  }
  stop_ = true;
}

std::vector<Candidate> visibleFields(const semantic::ExploreScope& scope,
                                     const codegen::UserContext& user, bool include_hidden,
                                     std::set<std::string>* ignored) {
  semantic::ExploreFieldLists field_lists(scope);
  std::vector<Candidate> out;
  for (const semantic::ScopeEntry& entry : scope.entries()) {
    if (!entry.view) continue;
    for (const semantic::Field& f : entry.view->fields) {
      if (f.kind != semantic::FieldKind::Dimension && f.kind != semantic::FieldKind::Measure)
        continue;
      if (f.hidden && !include_hidden) continue;
      if (!field_lists.allows(entry, f.name)) continue;
      if (!codegen::userMaySee(scope, field_lists, entry, f, user)) continue;
      if (schema::ignoredByTags(f.details().tags)) {
        ignored->insert(entry.view->name + "." + f.name);
        continue;
      }
      out.push_back({entry.alias + "." + f.name, &entry, &f});
    }
  }
  return out;
}

// A join fails because its `sql_on` uses a field of another view that failed on its own (its
// LKML314 is the root) or that lint already reported (the lint error is): that finding, else
// an invalid span.
Span joinCause(const semantic::Join& join, const semantic::ScopeEntry* entry,
               const std::vector<Candidate>& fields,
               const std::vector<std::pair<size_t, Attempt>>& leaves,
               const std::vector<Span>& explained_errors, const semantic::ExploreScope& scope) {
  if (!join.sql_on.present()) return {};
  for (const semantic::SqlReference& ref : semantic::findSqlReferences(join.sql_on.text)) {
    if (ref.kind != semantic::SqlReference::Kind::ViewField || ref.view == entry->alias) continue;
    for (const auto& [i, a] : leaves) {
      if (fields[i].entry->alias == ref.view && fields[i].field->name == ref.field) {
        return fields[i].field->sql.present() && fields[i].field->sql.span.valid()
                   ? fields[i].field->sql.span
                   : fields[i].field->name_span;
      }
    }
    const semantic::ScopeEntry* other = scope.find(ref.view);
    const semantic::Field* f = other && other->view ? other->view->findField(ref.field) : nullptr;
    if (!f) continue;
    for (Span e : explained_errors) {
      if (e.file == f->span.file && f->span.begin <= e.begin && e.end <= f->span.end) return e;
    }
  }
  return {};
}

Span fieldSpan(const semantic::Field& f) {
  return f.sql.present() && f.sql.span.valid() ? f.sql.span : f.name_span;
}

void Validator::runTask(Worker& worker, const Task& task) {
  const semantic::Model& model = *task.model;
  const semantic::Explore& explore = *task.explore;
  codegen::UserContext user;
  user.attributes = options_.user_attributes;
  if (!task.level.empty()) user.attributes["access_level"] = task.level;
  user.all_grants = options_.all_grants;
  if (user.all_grants) {
    // An access_filter needs a real attribute value: no placeholder keeps every column type's
    // SQL valid, so the explore is skipped (and counted) instead.
    for (const semantic::AccessFilter& filter : explore.access_filters) {
      if (!user.attributes.count(filter.user_attribute)) {
        std::lock_guard<std::mutex> lock(skipped_mutex_);
        ++result_.stats.skipped;
        result_.stats.skipped_attribute = filter.user_attribute;
        return;
      }
    }
  }
  codegen::AccessPolicy policy(model, user);
  if (!policy.firstFailing(explore.required_access_grants).empty()) {
    ++denied_;
    return;
  }
  semantic::ExploreScope scope(model, explore);
  std::set<std::string> ignored;
  std::vector<Candidate> fields = visibleFields(scope, user, options_.include_hidden, &ignored);
  if (!ignored.empty()) {
    std::lock_guard<std::mutex> lock(skipped_mutex_);
    ignored_fields_.insert(ignored.begin(), ignored.end());
  }
  if (!options_.explained.empty()) {
    std::vector<Candidate> kept;
    for (Candidate& c : fields) {
      if (!explained(options_.explained, c.field->span)) {
        kept.push_back(std::move(c));
        continue;
      }
      std::lock_guard<std::mutex> lock(skipped_mutex_);
      fields_explained_.insert(c.field);
    }
    fields = std::move(kept);
  }
  if (fields.empty()) {
    ++denied_;
    return;
  }
  auto compile = [&](const std::vector<size_t>& which) {
    codegen::Query query;
    query.model = model.name;
    query.explore = explore.name;
    for (size_t i : which) query.fields.push_back(fields[i].name);
    query.unsorted = true;
    return codegen::compileQuery(model, explore, query, user, *dialect_);
  };
  std::vector<size_t> all(fields.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  codegen::CompiledQuery full = compile(all);
  std::vector<size_t> good = all;
  if (!full.ok()) {
    // Compiling needs no database: split the list until the fields lkml itself cannot
    // compile for this user are isolated (a few compiles per bad field, not one per field).
    good.clear();
    std::vector<std::pair<size_t, std::string>> bad;
    // An explore-level problem (a missing user attribute of an access_filter, say) fails
    // every field alike: check two single fields before splitting.
    if (all.size() >= 2) {
      codegen::CompiledQuery first = compile({all.front()});
      codegen::CompiledQuery last = compile({all.back()});
      if (!first.ok() && !last.ok() &&
          first.errors.front().message == full.errors.front().message &&
          last.errors.front().message == full.errors.front().message) {
        all.clear();  // nothing compiles: reported below as LKML317
      }
    }
    std::vector<std::vector<size_t>> pending;
    if (!all.empty()) pending.push_back(all);
    bool first_split = true;
    while (!pending.empty()) {
      std::vector<size_t> set = std::move(pending.back());
      pending.pop_back();
      codegen::CompiledQuery compiled = first_split ? full : compile(set);
      first_split = false;
      if (compiled.ok()) {
        good.insert(good.end(), set.begin(), set.end());
      } else if (set.size() == 1) {
        bad.emplace_back(
            set[0], compiled.errors.front().codeName() + ": " + compiled.errors.front().message);
      } else {
        pending.emplace_back(set.begin() + static_cast<long>(set.size() / 2), set.end());
        pending.emplace_back(set.begin(), set.begin() + static_cast<long>(set.size() / 2));
      }
    }
    std::sort(good.begin(), good.end());
    std::sort(bad.begin(), bad.end());
    if (good.empty() || !compile(good).ok()) {
      std::string message = !good.empty() ? compile(good).errors.front().message
                            : bad.empty() ? full.errors.front().message
                                          : bad.front().second;
      Finding f{SchemaCode::explore_not_compiled,
                explore.name_span,
                "",
                "explore `" + explore.name + "` cannot be compiled for validation: " + message,
                "not validated",
                "",
                task.context()};
      if (message.find("user attribute") != std::string::npos) {
        f.help = "pass the attribute with --user-attribute NAME=VALUE";
      }
      addFinding(std::move(f));
      ++failed_;
      return;
    }
    for (const auto& [i, message] : bad) {
      addFinding({SchemaCode::field_not_compiled, fieldSpan(*fields[i].field), "",
                  "field `" + fields[i].name + "` is not validated: " + message, "skipped",
                  message.find("user attribute") != std::string::npos
                      ? "pass the attribute with --user-attribute NAME=VALUE"
                      : "",
                  task.context()});
    }
  }
  catalog::PostgresConnection* connection = worker.connection(model);
  if (!connection) return;
  std::map<std::vector<size_t>, Attempt> memo;
  bool database_down = false;
  auto attempt = [&](const std::vector<size_t>& which) -> Attempt {
    auto it = memo.find(which);
    if (it != memo.end()) return it->second;
    Attempt a;
    codegen::CompiledQuery compiled = compile(which);
    if (!compiled.ok()) {
      a.ok = false;
      a.message = compiled.errors.front().message;
    } else if (!database_down) {
      catalog::DatabaseError error;
      ++queries_;
      if (!catalog::runWithLimitZero(*connection, compiled.sql, &error)) {
        if (error.kind != catalog::DatabaseError::Kind::Query) {
          database_down = true;
          failDatabase(error);
        }
        a.ok = false;
        a.message = error.message;
        a.sqlstate = error.sqlstate;
        a.detail = error.detail;
      }
    }
    memo[which] = a;
    return a;
  };
  Attempt first = attempt(good);
  ++validated_;
  if (first.ok || database_down) return;
  ++failed_;
  auto label = [](const Attempt& a) {
    return "rejected by the database" +
           (a.sqlstate.empty() ? "" : " (SQLSTATE " + a.sqlstate + ")");
  };
  // A failure whatever the fields (sql_always_where, the base table, an always_join) makes
  // every single-field query fail: probe three. If none passes and two fail alike, blame the
  // explore (and any probed field failing differently); one passing rules this out.
  if (good.size() >= 3) {
    std::vector<size_t> probes = {good.front(), good[good.size() / 2], good.back()};
    std::vector<std::pair<size_t, Attempt>> results;
    for (size_t i : probes) {
      results.emplace_back(i, attempt({i}));
      if (database_down) return;
    }
    bool all_fail =
        std::all_of(results.begin(), results.end(), [](const auto& r) { return !r.second.ok; });
    const Attempt* common = nullptr;
    for (size_t x = 0; x < results.size() && all_fail && !common; ++x) {
      for (size_t y = x + 1; y < results.size(); ++y) {
        if (results[x].second.message == results[y].second.message) common = &results[x].second;
      }
    }
    if (all_fail && common) {
      Finding finding{
          SchemaCode::explore_sql_error,
          explore.name_span,
          "",
          "the database rejects every query of explore `" + explore.name + "`: " + common->message,
          label(*common),
          common->detail.empty() ? "check the base view's table, sql_always_where, "
                                   "always_filter and always_join"
                                 : common->detail,
          task.context()};
      if (explore.sql_always_where.present()) {
        finding.notes.push_back({explore.sql_always_where.span, "sql_always_where is here"});
      }
      addFinding(std::move(finding));
      for (const auto& [i, a] : results) {
        if (a.message == common->message) continue;
        addFinding({SchemaCode::field_sql_error, fieldSpan(*fields[i].field), "",
                    "the database rejects field `" + fields[i].name + "`: " + a.message, label(a),
                    a.detail, task.context()});
      }
      return;
    }
  }
  // Bisection: halves that fail are split again until single fields remain.
  std::vector<std::pair<size_t, Attempt>> leaves;
  std::vector<std::pair<std::vector<size_t>, Attempt>> together;
  std::vector<std::pair<std::vector<size_t>, Attempt>> stack = {{good, first}};
  while (!stack.empty() && !database_down) {
    auto [set, failure] = stack.back();
    stack.pop_back();
    if (set.size() == 1) {
      leaves.emplace_back(set[0], failure);
      continue;
    }
    std::vector<size_t> a(set.begin(), set.begin() + static_cast<long>(set.size() / 2));
    std::vector<size_t> b(set.begin() + static_cast<long>(set.size() / 2), set.end());
    Attempt ra = attempt(a), rb = attempt(b);
    if (!rb.ok) stack.push_back({b, rb});
    if (!ra.ok) stack.push_back({a, ra});
    if (ra.ok && rb.ok) together.push_back({set, failure});
  }
  if (database_down) return;
  // A join whose every selected field fails the same way is the join's fault.
  std::map<std::string, std::vector<size_t>> by_alias;
  for (const auto& [i, a] : leaves) by_alias[fields[i].entry->alias].push_back(i);
  std::set<size_t> covered;
  for (const auto& [alias, failing] : by_alias) {
    const semantic::ScopeEntry* entry = fields[failing.front()].entry;
    if (!entry->join || failing.size() < 2) continue;
    size_t selected =
        std::count_if(good.begin(), good.end(), [&](size_t i) { return fields[i].entry == entry; });
    std::string message;
    bool same = true;
    for (const auto& [i, a] : leaves) {
      if (fields[i].entry != entry) continue;
      if (message.empty()) message = a.message;
      same &= a.message == message;
    }
    if (selected != failing.size() || !same) continue;
    const Attempt& a = std::find_if(leaves.begin(), leaves.end(), [&](const auto& l) {
                         return fields[l.first].entry == entry;
                       })->second;
    const semantic::Join& join = *entry->join;
    Finding finding{
        SchemaCode::join_sql_error,
        join.sql_on.present() ? join.sql_on.span : join.name_span,
        "",
        "the database rejects join `" + join.name + "`: every field of it fails: " + a.message,
        label(a),
        a.detail,
        task.context()};
    finding.cause = joinCause(join, entry, fields, leaves, options_.explained, scope);
    addFinding(std::move(finding));
    covered.insert(failing.begin(), failing.end());
  }
  for (const auto& [i, a] : leaves) {
    if (covered.count(i)) continue;
    addFinding({SchemaCode::field_sql_error, fieldSpan(*fields[i].field), "",
                "the database rejects field `" + fields[i].name + "`: " + a.message, label(a),
                a.detail, task.context()});
  }
  for (const auto& [set, a] : together) {
    std::string names;
    for (size_t k = 0; k < set.size() && k < 8; ++k) names += (k ? ", " : "") + fields[set[k]].name;
    if (set.size() > 8) names += ", ...";
    addFinding({SchemaCode::field_sql_error, fieldSpan(*fields[set.front()].field), "",
                "the database rejects these fields only when selected together (" + names +
                    "): " + a.message,
                label(a), a.detail, task.context()});
  }
}

SqlValidationResult Validator::run(DiagnosticSink& sink) {
  // Every code the workers may report is registered before they start: the shared code table
  // is only locked for writing.
  registerSchemaCodes();
  codegen::registerQueryDiagnosticCodes();
  codegen::registerFilterDiagnosticCodes();
  std::vector<Task> tasks;
  std::vector<std::string> levels = options_.access_levels;
  if (levels.empty()) levels.push_back("");
  for (const semantic::Model& model : project_.project.models) {
    for (const semantic::Explore& explore : model.explores) {
      if (explore.extension_required || !model.findView(explore.view)) continue;
      if (!options_.explores.empty() &&
          std::find(options_.explores.begin(), options_.explores.end(), explore.name) ==
              options_.explores.end()) {
        continue;
      }
      if (ignoredByTags(explore.tags)) {
        ++result_.stats.ignored_explores;
        continue;
      }
      if (!options_.explained.empty() && exploreExplained(options_.explained, explore)) {
        ++result_.stats.explores_explained;
        continue;
      }
      for (const std::string& level : levels) tasks.push_back({&model, &explore, level});
    }
  }
  result_.stats.tasks = tasks.size();
  std::atomic<size_t> next{0};
  size_t done = 0;
  std::mutex progress_mutex;
  auto work = [&] {
    Worker worker(*this);
    for (size_t i = next++; i < tasks.size() && !stop_; i = next++) {
      runTask(worker, tasks[i]);
      if (options_.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        options_.progress(++done, tasks.size(), tasks[i].context());
      }
    }
  };
  unsigned jobs =
      std::max(1u, std::min<unsigned>(options_.jobs, static_cast<unsigned>(tasks.size())));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();

  // One diagnostic per problem, listing every explore and access level it appears in.
  std::map<std::tuple<int, FileId, uint32_t, uint32_t, std::string>, std::vector<const Finding*>>
      merged;
  for (const Finding& f : findings_) {
    merged[{static_cast<int>(f.code), f.span.file, f.span.begin, f.span.end, f.message}].push_back(
        &f);
  }
  for (const auto& [key, group] : merged) {
    const Finding& f = *group.front();
    Diagnostic d = makeSchemaDiagnostic(f.code, f.span, f.message);
    d.path = f.path;
    d.label = f.label;
    d.help = f.help;
    std::vector<std::string> contexts;
    for (const Finding* g : group) contexts.push_back(g->context);
    std::sort(contexts.begin(), contexts.end());
    contexts.erase(std::unique(contexts.begin(), contexts.end()), contexts.end());
    std::string where;
    for (size_t i = 0; i < contexts.size() && i < 6; ++i) where += (i ? ", " : "") + contexts[i];
    if (contexts.size() > 6) where += " and " + std::to_string(contexts.size() - 6) + " more";
    d.notes.push_back({{}, "in " + where});
    d.notes.insert(d.notes.end(), f.notes.begin(), f.notes.end());
    d.cause = f.cause;
    sink.report(std::move(d));
  }
  result_.stats.queries = queries_;
  result_.stats.fields_explained = fields_explained_.size();
  result_.stats.validated = validated_;
  result_.stats.denied = denied_;
  result_.stats.failed = failed_;
  result_.stats.ignored_fields = ignored_fields_.size();
  return result_;
}

}  // namespace

bool ignoredByTags(const std::vector<std::string>& tags) {
  for (const std::string& tag : tags) {
    std::string t;
    for (char c : tag) {
      if (c != ' ' && c != '\t')
        t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (t == "ci:ignore" || t == "spectacles:ignore") return true;
  }
  return false;
}

std::vector<std::string> unknownExplores(const semantic::LoadedProject& project,
                                         const std::vector<std::string>& explores) {
  std::vector<std::string> unknown;
  for (const std::string& name : explores) {
    bool found = false;
    for (const semantic::Model& model : project.project.models)
      found |= model.findExplore(name) != nullptr;
    if (!found) unknown.push_back(name);
  }
  return unknown;
}

SqlValidationResult validateSql(const semantic::LoadedProject& project,
                                const SettingsLookup& settings, const SqlValidationOptions& options,
                                DiagnosticSink& sink) {
  Validator validator(project, settings, options);
  return validator.run(sink);
}

}  // namespace lkml::schema
