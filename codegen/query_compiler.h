// Compiles an explore query for a user into SQL: the public entry point of the query side of
// codegen/. Input is the resolved model only (never syntax trees).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "codegen/query.h"
#include "codegen/sql_dialect.h"
#include "semantic/field_list.h"
#include "semantic/model.h"

namespace lkml::codegen {

struct CompiledQuery {
  std::string sql;                   // empty when errors is not
  std::vector<std::string> columns;  // `view.field` per SELECT item, in order
  std::vector<Diagnostic> errors;    // LKML4xx: unknown fields, access denied, bad filters, ...
  bool ok() const { return errors.empty(); }
};

CompiledQuery compileQuery(const semantic::Model& model, const semantic::Explore& explore,
                           const Query& query, const UserContext& user, const Dialect& dialect);

/// The explore's fields the user may select (for `lkml fields --access-level`): the field, its
/// join and view, the base view, and everything the field reads (its dependency closure) pass
/// the user's grants, and it reads no field the explore's `fields` lists exclude.
bool userMaySee(const semantic::Model& model, const semantic::Explore& explore,
                const std::string& alias, const semantic::Field& field, const UserContext& user);
/// The same with the explore's scope and fields lists built once by the caller.
bool userMaySee(const semantic::ExploreScope& scope, semantic::ExploreFieldLists& field_lists,
                const semantic::ScopeEntry& entry, const semantic::Field& field,
                const UserContext& user);

}  // namespace lkml::codegen
