// State shared by the stages of compiling one query (internal to codegen/): the explore in
// scope, the dialect, the user's access, the parsed query filters, and what the SQL needs
// (aliases to join, derived tables to emit). Errors are collected, never thrown.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "codegen/access_policy.h"
#include "codegen/filter_expression.h"
#include "codegen/query.h"
#include "codegen/sql_dialect.h"
#include "semantic/explore_scope.h"

namespace lkml::codegen {

enum class QueryCode : int {
#define LKML_DIAG(num, sev, slug, summary) slug = num,
#include "codegen/query_codes.def"
#undef LKML_DIAG
};
void registerQueryDiagnosticCodes();

struct ParsedFilter {
  std::string field;       // `alias.field`
  std::string expression;  // as given
  const semantic::ScopeEntry* entry = nullptr;
  const semantic::Field* target = nullptr;
};

struct CompileContext {
  CompileContext(const semantic::Model& m, const semantic::Explore& e, const Dialect& d,
                 const UserContext& u, const Query& q)
      : model(m), explore(e), scope(m, e), dialect(d), policy(m, u), query(q) {
    filter_context.caseSensitive = m.case_sensitive;
    if (auto day = weekdayFromName(m.week_start_day)) filter_context.weekStartDay = *day;
    timeframe_options.weekStart = filter_context.weekStartDay;
    timeframe_options.fiscalMonthOffset = m.fiscal_month_offset;
  }

  const semantic::Model& model;
  const semantic::Explore& explore;
  semantic::ExploreScope scope;
  const Dialect& dialect;
  AccessPolicy policy;
  const Query& query;
  FilterContext filter_context;
  TimeframeOptions timeframe_options;  // week_start_day, fiscal_month_offset

  std::map<std::string, ParsedFilter> filters;  // query filters by `alias.field`
  std::set<std::string> aliases;                // aliases the SQL references
  std::set<std::string> fanned;                 // aliases whose rows joins repeat
  bool fanout_known = false;                    // second pass: measures use `fanned`
  std::string window_order;     // "ORDER BY ..." of running totals over the result rows, or ""
  bool uses_row_order = false;  // a running_total or percent_of_previous measure was rendered
  std::vector<std::pair<std::string, std::string>> ctes;  // (name, sql) in dependency order
  // The first sort-based aggregate (percentile, median, list) rendered in this pass: its field
  // and ORDER BY expression, for dialects where all of them must share one (LKML460).
  std::pair<std::string, std::string> sorted_aggregate;
  std::vector<Diagnostic> errors;

  void error(QueryCode code, const std::string& message, const std::string& help = "",
             Span span = {});
  /// A filter expression that does not parse: its own code (LKML440-449).
  void error(FilterCode code, const std::string& message, const std::string& help = "");
  bool failed() const { return !errors.empty(); }

 private:
  void addError(int code, const std::string& message, const std::string& help, Span span);
};

}  // namespace lkml::codegen
