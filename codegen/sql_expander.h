// Expands field SQL for one query: Liquid (sql_template.cpp, rendered against the query, user
// values as escaped literals), then `${TABLE}`, `${field}`, `${view.field}`,
// `${view.SQL_TABLE_NAME}` (recursively, parenthesised), dimension group timeframes, yesno and
// tier dimensions, and measure aggregates with fan-out safety.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "codegen/compile_context.h"

namespace lkml::codegen {

class SqlExpander {
 public:
  explicit SqlExpander(CompileContext& ctx) : ctx_(ctx) {}

  /// The SELECT expression of a field (dimension value or measure aggregate).
  std::string fieldSql(const semantic::ScopeEntry& entry, const semantic::Field& field);
  /// What a filter on `field` compares: the raw time for date timeframes, the boolean
  /// condition for yesno, else the field's SQL.
  std::string filterTargetSql(const semantic::ScopeEntry& entry, const semantic::Field& field);
  /// The filter language of a field.
  static FilterType filterTypeOf(const semantic::Field& field);
  /// The timeframe a field renders: a dimension group's, or the one a `date_<timeframe>` type
  /// names (`type: date_month`); none for other fields.
  static std::optional<TimeframeSpec> fieldTimeframe(const semantic::Field& field);
  /// `${...}`/Liquid expansion of arbitrary SQL owned by `owner` (may be null: explore SQL,
  /// where bare `${field}` means the base view).
  std::string expandText(const semantic::ScopeEntry* owner, const std::string& sql);
  /// FROM-clause table of an alias: sql_table_name, a derived-table CTE, or the view name.
  std::string tableSql(const semantic::ScopeEntry& entry);
  /// A rendered filter predicate for a query filter, or "" when the expression is empty.
  std::string filterPredicate(const ParsedFilter& filter);
  /// The primary-key SQL of an alias's view, or "" (reports nothing).
  std::string primaryKeySql(const semantic::ScopeEntry& entry);
  /// Reports LKML404/412 when the user lacks a grant of the field, its view or its join.
  void requireAccess(const semantic::ScopeEntry& entry, const semantic::Field& field);
  /// The hidden key a sort on `field` orders by instead of its value, or "": a tier's
  /// bucket number, a `case:` dimension's `when` position, an `order_by_field`'s value.
  std::string sortKeySql(const semantic::ScopeEntry& entry, const semantic::Field& field);

 private:
  std::string dimensionSql(const semantic::ScopeEntry& entry, const semantic::Field& field);
  std::string measureSql(const semantic::ScopeEntry& entry, const semantic::Field& field);
  std::string measureConditionSql(const semantic::ScopeEntry& entry, const semantic::Field& field);
  /// Refuses (LKML460) a second sort-based aggregate ordering by another value, where the
  /// dialect needs them all to share one (Redshift).
  void checkSortedAggregate(const std::string& name, const std::string& ordered);
  /// A yesno dimension (or a group's `yesno` timeframe): its boolean condition is what other
  /// SQL and filters use.
  static bool isYesNoDimension(const semantic::Field& field);
  std::string conditionSql(const semantic::ScopeEntry& entry, const semantic::Field& field);
  std::string rawSql(const semantic::ScopeEntry& entry, const semantic::Field& field);
  std::string tierSql(const std::string& value, const semantic::Field& field);
  bool checkTiers(const semantic::Field& field);
  std::string caseSql(const semantic::ScopeEntry& entry, const semantic::Field& field);
  std::string locationSql(const semantic::ScopeEntry& entry, const semantic::Field& field);
  std::string distanceSql(const semantic::ScopeEntry& entry, const semantic::Field& field);
  bool locationParts(const semantic::ScopeEntry& entry, const semantic::Field& field,
                     std::string* lat, std::string* lon);
  /// LKML435 for a parameter the field uses that changes its SQL and lkml cannot compile.
  void reportUncompiledParameters(const semantic::ScopeEntry& entry, const semantic::Field& field);
  /// `${...}` substitution of template text (sql_template.cpp); Liquid is already rendered.
  std::string expandReferences(const semantic::ScopeEntry* owner, const std::string& sql);
  friend class SqlTemplateWriter;  // writes rendered Liquid, expanding `${}` in template text
  std::string reference(const semantic::ScopeEntry* owner, const std::string& alias,
                        const std::string& field_name, bool bare);

  CompileContext& ctx_;
  std::vector<std::string> stack_;  // fields being expanded, for cycle detection
};

}  // namespace lkml::codegen
