// Chooses and orders the joins a query needs, and works out which views those joins fan out
// (repeat rows of), which decides where symmetric aggregates are required.
#pragma once

#include <string>
#include <vector>

#include "codegen/compile_context.h"
#include "codegen/sql_expander.h"

namespace lkml::codegen {

struct PlannedJoin {
  const semantic::ScopeEntry* entry = nullptr;
  std::string clause;  // "LEFT JOIN public.users AS users ON ..."
};

/// Adds to `ctx.aliases` every join needed by the ones already there (sql_on references,
/// required_joins, foreign keys, always_join), renders their clauses, and returns them in an
/// order where each join only refers to the base and to joins before it.
std::vector<PlannedJoin> planJoins(CompileContext& ctx, SqlExpander& expander);

/// Fills `ctx.fanned` from the planned joins (reference 7.5: many_to_one fans out the joined
/// subtree, one_to_many everything outside it, many_to_many everything).
void computeFanout(CompileContext& ctx, const std::vector<PlannedJoin>& joins);

}  // namespace lkml::codegen
