// `explore_source:` written in LookML: the explore query of a native derived table
// (`derived_table: { explore_source: e { ... } }`) or of a data test (`test: t { explore_source:
// e { ... } assert: a { expression: ... ;; } }`). Part of the resolved model (model.h); codegen/
// compiles it with the query compiler, `lkml test` runs it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/span.h"

namespace lkml::semantic {

struct ExploreSourceColumn {
  std::string name;   // the column's name in the derived table (`column: name`)
  std::string field;  // `view.field`; defaults to `<explore>.<name>` when `field:` is absent
  bool field_given = false;
  Span span;        // the `column:` block
  Span field_span;  // the `field:` value (the block when absent)
};

struct ExploreSourceDerivedColumn {
  std::string name;
  std::string sql;  // runs over the inner query's columns (an outer SELECT)
  Span span;
  Span sql_span;
};

struct ExploreSourceFilter {
  std::string field;  // `view.field` as written
  std::string expression;
  Span span;
  Span expression_span;
};

struct ExploreSourceSort {
  std::string field;  // `view.field`, or a column name (Looker accepts both)
  bool descending = false;
  Span span;
};

struct ExploreSourceBinding {
  std::string from_field;  // a field of the outer query's explore
  std::string to_field;    // a field of the source explore
  Span span, from_span, to_span;
};

struct ExploreSource {
  std::string explore;
  Span span;          // the `explore_source:` block
  Span explore_span;  // its name
  std::vector<ExploreSourceColumn> columns;
  std::vector<ExploreSourceDerivedColumn> derived_columns;
  std::vector<ExploreSourceFilter> filters;
  std::vector<ExploreSourceSort> sorts;
  std::vector<ExploreSourceBinding> bind_filters;
  bool bind_all_filters = false;
  Span bind_all_filters_span;
  std::string expression_custom_filter;
  Span expression_custom_filter_span;
  std::string timezone;
  Span timezone_span;
  std::optional<uint64_t> limit;
  Span limit_span;
  /// The derived table's persistence parameters (`datagroup_trigger`, `persist_for`,
  /// `sql_trigger_value`, `materialized_view`), by name; empty for an ephemeral table.
  std::vector<std::string> persistence;
};

struct DataTestAssert {
  std::string name;
  std::string expression;  // a Looker expression (`expression: ... ;;`)
  Span span;
  Span expression_span;
};

/// `test: name { explore_source: e {...} assert: a { expression: ... ;; } }` (model level).
struct DataTest {
  std::string name;
  Span span;
  Span name_span;
  ExploreSource source;
  bool has_source = false;
  std::vector<DataTestAssert> asserts;
};

}  // namespace lkml::semantic
