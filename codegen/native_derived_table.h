// Native derived tables (`derived_table: { explore_source: e { ... } }`): the explore_source is
// an explore query of its own, compiled with the query compiler for the same user (its own
// access checks apply) and emitted as a CTE of the outer query, its columns named as the
// `column:` blocks name them. `derived_column` SQL runs over those columns in an outer SELECT;
// `bind_filters` / `bind_all_filters` pass the outer query's filters in.
#pragma once

#include <string>

#include "codegen/compile_context.h"

namespace lkml::codegen {

/// How deep native derived tables may nest (an NDT whose explore joins another NDT, ...).
/// The query compiler recurses once per level, so the input cannot make the stack grow past it.
constexpr size_t kMaxNativeDerivedTableDepth = 8;

/// The explore query an explore_source states: its columns' fields, filters, sorts (a column
/// name stands for its field) and limit; unsorted when it has no sorts. Shared by native
/// derived tables and data tests (`lkml test`).
Query exploreSourceQuery(const semantic::ExploreSource& source, const std::string& model);

/// The SELECT of the native derived table of `entry`'s view for the outer query `ctx`, or ""
/// after reporting to `ctx` why it cannot be compiled.
std::string nativeDerivedTableSql(CompileContext& ctx, const semantic::ScopeEntry& entry);

}  // namespace lkml::codegen
