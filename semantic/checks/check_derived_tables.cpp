// Native derived tables (`derived_table: { explore_source: ... }`) and data tests (`test:`):
// the explore they query exists, every field they name is in it (columns, filters, sorts,
// bind_filters), column and test names are unique, and test asserts parse and read only the
// test's columns. LKML280-287.
#include <cctype>
#include <set>

#include "base/suggest.h"
#include "expression/expression.h"
#include "semantic/checks/checks.h"
#include "semantic/explore_scope.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic::checks {

namespace {

std::string didYouMean(const std::string& near) {
  return near.empty() ? "" : "did you mean `" + near + "`?";
}

// Reports `name` (`view.field`) when the explore's scope lacks it; `what` says where it is
// named ("column `c`", "filters", ...).
void checkField(const Model& model, const ExploreScope& scope, const std::string& name,
                const std::string& what, const std::string& owner, Span span,
                DiagnosticSink& sink) {
  std::string alias, field;
  std::string explore = scope.explore().name;
  if (!ExploreScope::splitName(name, &alias, &field)) {
    Diagnostic d = makeSemDiagnostic(
        SemCode::unknown_source_field, span,
        "`" + name + "` in " + what + " of " + owner + " is not a field name; write view.field");
    d.help = "e.g. `" + scope.explore().alias + "." + name + "`";
    sink.report(std::move(d));
    return;
  }
  const ScopeEntry* entry = scope.find(alias);
  if (!entry || !entry->view) {
    std::vector<std::string> aliases;
    for (const ScopeEntry& e : scope.entries()) aliases.push_back(e.alias);
    Diagnostic d = makeSemDiagnostic(SemCode::unknown_source_field, span,
                                     "`" + name + "` in " + what + " of " + owner + ": explore `" +
                                         explore + "` has no view `" + alias + "`");
    std::string near = closestMatch(alias, aliases);
    d.help = near.empty() ? "join the view in explore `" + explore + "`, or name another field"
                          : "did you mean `" + near + "." + field + "`?";
    reportUnknownName(model, std::move(d), sink);
    return;
  }
  if (entry->view->findField(field)) return;
  if (!unknownAncestor(model, *entry->view).empty()) return;  // may come from an unread parent
  std::vector<std::string> names;
  for (const Field& f : entry->view->fields) names.push_back(f.name);
  Diagnostic d = makeSemDiagnostic(SemCode::unknown_source_field, span,
                                   "`" + name + "` in " + what + " of " + owner + ": view `" +
                                       entry->view->name + "` has no field `" + field + "`");
  std::string near = closestMatch(field, names);
  d.help = near.empty() ? "" : "did you mean `" + alias + "." + near + "`?";
  if (entry->view->hasGroup(field)) {
    d.help = "`" + field + "` is a dimension group: append a timeframe, e.g. `" + name + "_date`";
  }
  sink.report(std::move(d));
}

// The checks a derived table and a test share: explore, columns, filters, sorts.
const Explore* checkSource(const Model& model, const ExploreSource& source,
                           const std::string& owner, DiagnosticSink& sink) {
  const Explore* explore = model.findExplore(source.explore);
  if (!explore) {
    std::vector<std::string> names;
    for (const Explore& e : model.explores) names.push_back(e.name);
    Diagnostic d =
        makeSemDiagnostic(SemCode::unknown_source_explore, source.explore_span,
                          "the explore_source of " + owner + " names explore `" + source.explore +
                              "`, which model `" + model.name + "` does not have");
    std::string near = closestMatch(source.explore, names);
    d.help = near.empty() ? "include the file that defines explore `" + source.explore +
                                "` in model `" + model.name + "`"
                          : didYouMean(near);
    reportUnknownName(model, std::move(d), sink);
    return nullptr;
  }
  if (!model.findView(explore->view)) return nullptr;  // LKML228's finding
  ExploreScope scope(model, *explore);
  std::set<std::string> column_names;
  for (const ExploreSourceColumn& c : source.columns) {
    std::string what = "column `" + c.name + "`" + (c.field_given ? "" : " (no `field:`)");
    checkField(model, scope, c.field, what, owner, c.field_span, sink);
    if (!column_names.insert(c.name).second) {
      Diagnostic d = makeSemDiagnostic(SemCode::duplicate_source_column, c.span,
                                       "column `" + c.name + "` is defined twice in " + owner);
      d.help = "rename one of the columns";
      sink.report(std::move(d));
    }
  }
  for (const ExploreSourceDerivedColumn& c : source.derived_columns) {
    if (!column_names.insert(c.name).second) {
      Diagnostic d = makeSemDiagnostic(SemCode::duplicate_source_column, c.span,
                                       "column `" + c.name + "` is defined twice in " + owner);
      d.help = "rename the derived_column";
      sink.report(std::move(d));
    }
  }
  for (const ExploreSourceFilter& f : source.filters) {
    checkField(model, scope, f.field, "filters", owner, f.span, sink);
  }
  for (const ExploreSourceSort& s : source.sorts) {
    bool column = false;
    for (const ExploreSourceColumn& c : source.columns) column |= c.name == s.field;
    if (!column) checkField(model, scope, s.field, "sorts", owner, s.span, sink);
  }
  return explore;
}

// `from_field` is a field of whatever explore joins the derived table: look for a view or
// join alias of that name anywhere in the model.
bool fromFieldExists(const Model& model, const std::string& name) {
  std::string alias, field;
  if (!ExploreScope::splitName(name, &alias, &field)) return false;
  std::vector<const View*> candidates;
  if (const View* v = model.findView(alias)) candidates.push_back(v);
  for (const Explore& e : model.explores) {
    if (e.alias == alias) candidates.push_back(model.findView(e.view));
    for (const Join& j : e.joins) {
      if (j.name == alias) candidates.push_back(model.findView(j.view));
    }
  }
  for (const View* v : candidates) {
    if (v && (v->findField(field) || !unknownAncestor(model, *v).empty())) return true;
  }
  return false;
}

// Looker validates only the views its explores use; an NDT no explore joins cannot break a
// query, so its findings are warnings (real blocks keep such views with commented-out joins).
class UnusedViewSink : public DiagnosticSink {
 public:
  UnusedViewSink(DiagnosticSink& inner, const std::string& view) : inner_(inner), view_(view) {}
  void report(Diagnostic d) override {
    if (d.severity == Severity::Error) {
      d.severity = Severity::Warning;
      d.help += std::string(d.help.empty() ? "" : "; ") + "a warning: no explore uses view `" +
                view_ + "`";
    }
    inner_.report(std::move(d));
  }

 private:
  DiagnosticSink& inner_;
  std::string view_;
};

bool usedByAnExplore(const Model& model, const std::string& view) {
  for (const Explore& e : model.explores) {
    if (e.view == view) return true;
    for (const Join& j : e.joins) {
      if (j.view == view) return true;
    }
  }
  return false;
}

void checkDerivedTable(const Model& model, const View& view, DiagnosticSink& outer) {
  UnusedViewSink unused(outer, view.name);
  DiagnosticSink& sink = usedByAnExplore(model, view.name) ? outer : unused;
  const ExploreSource& source = *view.explore_source;
  std::string owner = "native derived table `" + view.name + "`";
  const Explore* explore = checkSource(model, source, owner, sink);
  if (!source.bind_filters.empty() && source.bind_all_filters) {
    Diagnostic d = makeSemDiagnostic(SemCode::bind_filters_conflict, source.bind_all_filters_span,
                                     owner + " has both `bind_filters` and `bind_all_filters`");
    d.help = "Looker allows one of them: keep `bind_all_filters: yes` or the `bind_filters`";
    sink.report(std::move(d));
  }
  for (const ExploreSourceBinding& b : source.bind_filters) {
    if (explore && model.findView(explore->view)) {
      ExploreScope scope(model, *explore);
      checkField(model, scope, b.to_field, "bind_filters `to_field`", owner, b.to_span, sink);
    }
    if (!fromFieldExists(model, b.from_field)) {
      Diagnostic d = makeSemDiagnostic(SemCode::unknown_bind_from_field, b.from_span,
                                       "bind_filters `from_field: " + b.from_field + "` of " +
                                           owner + " names no field of model `" + model.name + "`");
      std::vector<std::string> names;
      for (const Field& f : view.fields) names.push_back(view.name + "." + f.name);
      d.help = names.empty() ? "name a field of the explore that joins `" + view.name + "`"
                             : didYouMean(closestMatch(b.from_field, names));
      reportUnknownName(model, std::move(d), sink);
    }
  }
  if (!source.expression_custom_filter.empty()) {
    Diagnostic d = makeSemDiagnostic(SemCode::explore_source_not_compiled,
                                     source.expression_custom_filter_span,
                                     owner +
                                         " has an `expression_custom_filter`, which lkml sql "
                                         "cannot compile: queries that use it are refused");
    d.help = "write the condition as `filters: [view.field: \"expression\"]` where possible";
    sink.report(std::move(d));
  }
  if (!source.timezone.empty() && source.timezone != "query_timezone") {
    Diagnostic d = makeSemDiagnostic(SemCode::explore_source_not_compiled, source.timezone_span,
                                     owner + " converts times to `" + source.timezone +
                                         "`, which lkml sql does not do: queries that use it "
                                         "are refused");
    d.help = "remove `timezone:` or write `timezone: \"query_timezone\"`";
    sink.report(std::move(d));
  }
}

// `${TABLE}.name` in the fields of a native derived table must name one of its columns (the
// `column:` and `derived_column:` names): the database would reject the query otherwise.
// Looker does not check this, hence a warning. Names compare case-insensitively (PostgreSQL
// folds unquoted names, BigQuery ignores case).
void checkColumnsRead(const View& view, DiagnosticSink& sink) {
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::vector<std::string> columns;
  for (const ExploreSourceColumn& c : view.explore_source->columns) columns.push_back(c.name);
  for (const ExploreSourceDerivedColumn& c : view.explore_source->derived_columns) {
    columns.push_back(c.name);
  }
  std::set<std::string> known, reported;
  for (const std::string& c : columns) known.insert(lower(c));
  for (const Field& field : view.fields) {
    // Durations compute from sql_start / sql_end; their defaulted `sql` is never used.
    if (!field.interval.empty() || field.details().sql_start.present()) continue;
    const std::string& sql = field.sql.text;
    const std::string table = "${TABLE}.";
    for (size_t at = sql.find(table); at != std::string::npos; at = sql.find(table, at + 1)) {
      size_t begin = at + table.size(), end = begin;
      while (end < sql.size() &&
             (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_')) {
        ++end;
      }
      std::string column = sql.substr(begin, end - begin);
      if (column.empty() || known.count(lower(column)) || !reported.insert(column).second) {
        continue;
      }
      Span span = field.sql_defaulted ? field.name_span : subSpan(field.sql, at, end);
      Diagnostic d = makeSemDiagnostic(
          SemCode::unknown_source_column, span,
          "field `" + view.name + "." + (field.group.empty() ? field.name : field.group) +
              "` reads column `" + column + "`, which native derived table `" + view.name +
              "` does not have" +
              (field.sql_defaulted
                   ? " (the default `${TABLE}." + column + "` of a field without `sql:`)"
                   : ""));
      std::string near = closestMatch(column, columns);
      d.help = near.empty() ? "add `column: " + column +
                                  " { field: view.field }` to its "
                                  "explore_source"
                            : didYouMean(near);
      sink.report(std::move(d));
    }
  }
}

void checkTest(const Model& model, const DataTest& test, DiagnosticSink& sink) {
  std::string owner = "test `" + test.name + "`";
  if (!test.has_source) {
    Diagnostic d = makeSemDiagnostic(SemCode::invalid_test, test.name_span,
                                     owner + " has no `explore_source` query");
    d.help = "add `explore_source: explore { column: c { field: view.field } }`";
    sink.report(std::move(d));
    return;
  }
  checkSource(model, test.source, owner, sink);
  if (test.asserts.empty()) {
    Diagnostic d =
        makeSemDiagnostic(SemCode::invalid_test, test.name_span, owner + " has no `assert`");
    d.help = "add `assert: name { expression: ${view.field} > 0 ;; }`";
    sink.report(std::move(d));
  }
  std::vector<std::string> fields;
  for (const ExploreSourceColumn& c : test.source.columns) fields.push_back(c.field);
  for (const DataTestAssert& a : test.asserts) {
    std::string where = "assert `" + a.name + "` of " + owner;
    if (a.expression.empty()) {
      Diagnostic d = makeSemDiagnostic(SemCode::invalid_test, a.span, where + " has no expression");
      d.help = "add `expression: ${view.field} > 0 ;;`";
      sink.report(std::move(d));
      continue;
    }
    SourceText text{a.expression, a.expression_span};
    expression::ParseResult parsed = expression::parse(a.expression);
    if (!parsed.ok()) {
      size_t at = parsed.error.offset;
      Diagnostic d =
          makeSemDiagnostic(SemCode::invalid_test, subSpan(text, at, at + 1),
                            "invalid expression in " + where + ": " + parsed.error.message);
      d.help = "see docs/diagnostics.md#lkml286-invalid-test for the expressions lkml evaluates";
      sink.report(std::move(d));
      continue;
    }
    for (const std::string& ref : expression::fieldReferences(*parsed.expr)) {
      if (std::find(fields.begin(), fields.end(), ref) != fields.end()) continue;
      size_t at = a.expression.find("${" + ref);
      Span span =
          at == std::string::npos ? a.expression_span : subSpan(text, at, at + ref.size() + 3);
      Diagnostic d = makeSemDiagnostic(
          SemCode::invalid_test, span,
          "`${" + ref + "}` in " + where + " is not a column of the test's query");
      std::string near = closestMatch(ref, fields);
      d.help = near.empty() ? "add `column: name { field: " + ref + " }` to the explore_source"
                            : didYouMean(near);
      sink.report(std::move(d));
    }
  }
}

}  // namespace

void checkDerivedTables(const LoadedProject& project, DiagnosticSink& sink) {
  for (const Model& model : project.project.models) {
    for (const auto& [name, view] : model.views) {
      if (!view.explore_source) continue;
      checkDerivedTable(model, view, sink);
      checkColumnsRead(view, sink);
    }
    std::map<std::string, const DataTest*> seen;
    for (const DataTest& test : model.tests) {
      auto [it, inserted] = seen.emplace(test.name, &test);
      if (!inserted) {
        Diagnostic d = makeSemDiagnostic(SemCode::duplicate_test, test.name_span,
                                         "test `" + test.name + "` is defined more than once");
        d.notes.push_back({it->second->name_span, "first defined here"});
        d.help = "give each data test its own name";
        sink.report(std::move(d));
      }
      checkTest(model, test, sink);
    }
  }
}

}  // namespace lkml::semantic::checks
