// Finds the substitution references of a SQL block (`${TABLE}`, `${field}`, `${view.field}`,
// `${view.SQL_TABLE_NAME}`, `${EXTENDED}`) and the references in its Liquid (parsed with
// liquid/): user attributes, `{% condition f %}`, `{% parameter p %}`, `{% date_start f %}`,
// and field variables (`f._in_query`, `view.p._parameter_value`, `_filters['view.f']`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lkml::semantic {

/// The longest chain of `${field}` references (counted in fields: `${a}` -> `${b}` is 2) that
/// lkml compiles. The query compiler expands a chain recursively and refuses a longer one
/// (LKML430); lint reports such a chain inside a view at its start (LKML246).
inline constexpr size_t kMaxSqlReferenceDepth = 64;

struct SqlReference {
  enum class Kind { Table, Extended, Field, ViewField, SqlTableName };
  Kind kind = Kind::Field;
  size_t begin = 0;   // offset of `${` in the SQL text
  size_t end = 0;     // one past `}`
  std::string view;   // ViewField / SqlTableName: the view or join alias
  std::string field;  // Field / ViewField: the field name
};

struct LiquidReference {
  // FieldValue: a field named by a variable (`view.f._in_query`, `p._parameter_value`,
  // `_filters['view.f']`) or by `{% date_start f %}` / `{% date_end f %}`.
  enum class Kind { UserAttribute, Condition, Parameter, FieldValue };
  Kind kind = Kind::UserAttribute;
  size_t begin = 0;   // offset of the tag's `{`
  size_t end = 0;     // one past the tag's closing `}` (for Condition: past `{% endcondition %}`)
  std::string name;   // attribute name, or the filter/parameter field (`view.field` or `field`)
  std::string inner;  // Condition: the SQL between the tags
};

std::vector<SqlReference> findSqlReferences(std::string_view sql);
/// Every reference in the Liquid of `sql`, in source order (text whose Liquid does not parse
/// is scanned for its tags instead).
std::vector<LiquidReference> findLiquidReferences(std::string_view sql);

}  // namespace lkml::semantic
