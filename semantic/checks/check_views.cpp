// View-level checks: duplicate fields (203), several primary keys (211), number measures over
// dimensions (215), aggregates over measures (224), *_distinct measures without
// sql_distinct_key (232), unknown fields in measure `filters` (205). (An aggregate measure without
// sql reads `${TABLE}.name`, as in Looker: LKML214 is no longer reported.)
#include <cctype>
#include <map>

#include "base/suggest.h"
#include "semantic/checks/checks.h"
#include "semantic/explore_scope.h"
#include "semantic/field_types.h"
#include "semantic/semantic_diagnostics.h"
#include "semantic/sql_references.h"

namespace lkml::semantic::checks {

namespace {

// The field a same-view reference names (`${x}` or `${own_view.x}`), if any.
const Field* sameViewTarget(const View& view, const SqlReference& ref) {
  if (ref.kind == SqlReference::Kind::Field) return view.findField(ref.field);
  if (ref.kind == SqlReference::Kind::ViewField && ref.view == view.name) {
    return view.findField(ref.field);
  }
  return nullptr;
}

// True when the SQL calls an aggregate function itself (then dimensions may appear inside it).
bool hasAggregateCall(const std::string& sql) {
  std::string upper;
  for (char c : sql) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const char* fn : {"SUM(", "COUNT(", "MIN(", "MAX(", "AVG(", "ARRAY_AGG(", "STRING_AGG(",
                         "APPROX_", "PERCENTILE", "MEDIAN(", "STDDEV", "VARIANCE(", "ANY_VALUE(",
                         "LISTAGG(", "BOOL_", "EVERY(", "COUNTIF(", "LOGICAL_"}) {
    if (upper.find(fn) != std::string::npos) return true;
  }
  return false;
}

Span refSpan(const SourceText& sql, const SqlReference& ref) {
  if (!sql.span.valid() || sql.span.size() != sql.text.size()) return sql.span;
  return {sql.span.file, sql.span.begin + static_cast<uint32_t>(ref.begin),
          sql.span.begin + static_cast<uint32_t>(ref.end)};
}

// A measure's `filters: [field: "value"]` must name a field: Looker's validator reports an
// unknown one at the filter. `field` is the view's own; `view.field` may be another view's
// (checked here when the model has that view; an unknown view is only known per explore).
// `other_views_only`: the filters on the view's own fields were checked in another model that
// holds the same (shared) view.
void checkMeasureFilterFields(const Model& model, const View& view, const Field& field,
                              bool other_views_only, DiagnosticSink& sink) {
  for (const MeasureFilter& filter : field.filters) {
    std::string target_view = view.name, name = filter.field;
    size_t dot = filter.field.find('.');
    if (dot != std::string::npos) {
      target_view = filter.field.substr(0, dot);
      name = filter.field.substr(dot + 1);
    }
    if (other_views_only && target_view == view.name) continue;
    const View* target = target_view == view.name ? &view : model.findView(target_view);
    if (!target || name.empty() || target->findField(name)) continue;
    bool group = target->hasGroup(name);
    Diagnostic d =
        makeSemDiagnostic(group ? SemCode::missing_timeframe : SemCode::unknown_field,
                          filter.span.valid() ? filter.span : field.name_span,
                          "the `filters` of measure `" + view.name + "." + field.name + "` name " +
                              (group ? "dimension group `" + filter.field + "` without a timeframe"
                                     : "unknown field `" + filter.field + "`"));
    if (group) {
      d.help = "append a timeframe, e.g. `" + filter.field + "_date`";
    } else {
      std::vector<std::string> names;
      for (const Field& f : target->fields) names.push_back(f.name);
      std::string near = closestMatch(name, names);
      if (!near.empty()) {
        d.help =
            "did you mean `" + (dot == std::string::npos ? "" : target_view + ".") + near + "`?";
      }
      std::string parent = unknownAncestor(model, *target);
      if (!parent.empty()) {
        d.severity = Severity::Warning;
        d.help = "view `" + target->name + "` extends `" + parent +
                 "`, which lkml cannot see; the field may be defined there";
      }
    }
    sink.report(std::move(d));
  }
}

void checkMeasure(const View& view, const Field& field, DiagnosticSink& sink) {
  // Without `sql_distinct_key` Looker takes the view's primary key as the distinct key, so
  // only a view without one leaves the measure with nothing to compute it by; Looker's
  // validator accepts the measure either way (a warning: queries of it fail, LKML406).
  if (field.type.find("_distinct") != std::string::npos && field.type != "count_distinct" &&
      !field.details().sql_distinct_key.present() && !view.primaryKey()) {
    Diagnostic d = makeSemDiagnostic(SemCode::distinct_measure_missing_key, field.name_span,
                                     "measure `" + view.name + "." + field.name + "` of type `" +
                                         field.type + "` has no `sql_distinct_key`, and view `" +
                                         view.name + "` has no primary key to use instead");
    d.help =
        "add `sql_distinct_key: ${TABLE}.id ;;` naming what makes a row unique, or mark "
        "the view's unique dimension `primary_key: yes`";
    sink.report(std::move(d));
  }
  for (const SqlReference& ref : findSqlReferences(field.sql.text)) {
    const Field* target = sameViewTarget(view, ref);
    if (!target) continue;
    if (isAggregateMeasureType(field.type) && target->isMeasure()) {
      Diagnostic d = makeSemDiagnostic(
          SemCode::aggregate_references_measure, refSpan(field.sql, ref),
          "measure `" + field.name + "` of type `" + field.type + "` references measure `" +
              target->name +
              "`; measures with Looker aggregations may not reference other measures");
      d.help = "use `type: number` to compute over other measures";
      sink.report(std::move(d));
    }
    if (field.type == "number" && target->isDimension() && !hasAggregateCall(field.sql.text)) {
      Diagnostic d =
          makeSemDiagnostic(SemCode::number_measure_references_dimension, refSpan(field.sql, ref),
                            "measure `" + field.name + "` of type `number` uses dimension `" +
                                target->name + "` outside an aggregate");
      d.help = "wrap it in an aggregate (e.g. MAX(...)) or reference a measure instead";
      sink.report(std::move(d));
    }
  }
}

}  // namespace

ViewFacts factsOf(const View& view) {
  ViewFacts facts;
  auto names_other = [&](const std::string& raw) {
    std::string item = !raw.empty() && raw[0] == '-' ? raw.substr(1) : raw;
    std::string alias = view.name, name = item;
    ExploreScope::splitName(item, &alias, &name);
    return alias != view.name;
  };
  auto lists = [&](const std::vector<std::string>& items) {
    for (const std::string& item : items) facts.other_view_lists |= names_other(item);
  };
  for (const FieldSet& set : view.sets) lists(set.fields);
  lists(view.drill_fields);
  for (const Field& f : view.fields) {
    lists(f.drill_fields);
    for (const MeasureFilter& filter : f.filters) {
      size_t dot = filter.field.find('.');
      facts.other_view_filters |=
          dot != std::string::npos && filter.field.compare(0, dot, view.name) != 0;
    }
  }
  for (const SourceText* sql : {&view.derived_table_sql, &view.sql_table_name}) {
    facts.table_references |= sql->text.find("SQL_TABLE_NAME") != std::string::npos;
  }
  return facts;
}

void checkViews(const LoadedProject& project, DiagnosticSink& sink, CheckPart part) {
  // A view shared by several models (semantic/model.h, ViewMap) is checked once; only what
  // depends on the model (filters naming another view's field) is checked in each.
  forEachView(
      project, part,
      [&](size_t, const Model& model, const std::string&, const View& view, bool first_model) {
        if (!first_model) {
          const ViewFacts* facts = part.factsFor(view);
          if (view.extension_required || (facts && !facts->other_view_filters)) return;
          for (const Field& field : view.fields) {
            if (field.isMeasure() && !field.filters.empty()) {
              checkMeasureFilterFields(model, view, field, /*other_views_only=*/true, sink);
            }
          }
          return;
        }
        std::map<std::string, const Field*> first;
        const Field* first_pk = nullptr;
        for (const Field& field : view.fields) {
          auto [it, inserted] = first.emplace(field.name, &field);
          if (!inserted && !(field.group.size() && field.group == it->second->group &&
                             field.name_span.begin == it->second->name_span.begin)) {
            Diagnostic d = makeSemDiagnostic(SemCode::duplicate_name, field.name_span,
                                             "field `" + field.name +
                                                 "` is defined more than once "
                                                 "in view `" +
                                                 view.name + "`");
            d.notes.push_back({it->second->name_span, "first defined here"});
            if (!field.group.empty()) {
              d.help = "dimension_group `" + field.group + "` creates `" + field.name +
                       "`; rename one of them";
            }
            sink.report(std::move(d));
          }
          if (field.primary_key && field.isDimension()) {
            if (first_pk && first_pk->name_span.begin != field.name_span.begin) {
              Diagnostic d = makeSemDiagnostic(SemCode::multiple_primary_keys, field.name_span,
                                               "view `" + view.name +
                                                   "` has more than one `primary_key: yes` "
                                                   "dimension");
              d.notes.push_back({first_pk->name_span, "the first primary key"});
              d.help =
                  "keep one primary key; for a composite key, build one dimension that "
                  "concatenates the columns";
              sink.report(std::move(d));
            }
            if (!first_pk) first_pk = &field;
          }
          if (field.isMeasure()) {
            checkMeasure(view, field, sink);
            if (!view.extension_required) {
              checkMeasureFilterFields(model, view, field, /*other_views_only=*/false, sink);
            }
          }
        }
      });
}

}  // namespace lkml::semantic::checks
