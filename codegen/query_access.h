// Checks, before any SQL is rendered, that the user may read everything a query reads. The
// query's dependency closure (semantic/dependency_closure.h) is built once; every field in it
// must pass the user's grants (LKML404) and, when the query's fields reach it through field
// references, the explore's and joins' `fields:` lists (LKML403); every view whose table the
// SQL reads, joined or not, must pass its grants (LKML412, LKML420). Also refuses filter values
// that would silently drop a condition: an emptied `always_filter` and an invalid value of a
// templated filter (LKML421 and the filter codes).
#pragma once

#include <utility>
#include <vector>

#include "codegen/compile_context.h"
#include "semantic/field_list.h"

namespace lkml::codegen {

struct QueryRoots {
  using FieldRef = std::pair<const semantic::ScopeEntry*, const semantic::Field*>;
  std::vector<FieldRef> query_fields;    // selected or filtered by the query (already checked)
  std::vector<FieldRef> explore_fields;  // applied by the explore: always_filter, access_filter
};

void checkQueryAccess(CompileContext& ctx, semantic::ExploreFieldLists& field_lists,
                      const QueryRoots& roots);

/// True when everything `field` reads (not the field itself) passes `policy` and the fields
/// lists: the same closure and rules as checkQueryAccess, for listing what a user may select.
bool readsOnlyAllowed(const semantic::ExploreScope& scope, semantic::ExploreFieldLists& field_lists,
                      const AccessPolicy& policy, const semantic::ScopeEntry& entry,
                      const semantic::Field& field);

/// An `always_filter` the query sets must keep a condition, and the value of a templated
/// filter (`filter:` field read by `{% condition %}`) must parse.
void checkFilterValues(CompileContext& ctx);

}  // namespace lkml::codegen
