// Expands a SQL derived table into SQL PostgreSQL can run, for the derived-table probe
// (`SELECT * FROM (...) AS lkml_probe LIMIT 0`) and for key probes on derived tables.
//
// Handled: `${view.SQL_TABLE_NAME}` (a table name, or another derived table emitted as a CTE
// named like its view, dependencies first), `{% condition f %}...{% endcondition %}` (1=1, as
// Looker renders an unset filter), `{% date_start f %}`/`{% date_end f %}` (NULL) and
// `{% parameter p %}` (the parameter's default value). Anything else (`${TABLE}`, `${field}`,
// other Liquid, user attributes) makes the table "not expandable", with the reason.
// The pieces copied verbatim are recorded, so a database error position maps back to the
// LookML source.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "semantic/model.h"

namespace lkml::schema {

struct ExpandedSql {
  bool ok = false;
  std::string reason;  // why it is not expandable (when !ok), e.g. "it uses `{{ ... }}`"
  std::string sql;
  /// Derived views emitted as CTEs, dependencies first.
  std::vector<std::string> dependencies;

  /// A run of `sql` copied verbatim from the view's `derived_table_sql.text`.
  struct Piece {
    size_t out_begin = 0;
    size_t src_begin = 0;
    size_t length = 0;
  };
  std::vector<Piece> pieces;

  /// Offset in the view's derived_table_sql text of byte `out_offset` of `sql`, when that
  /// byte was copied from it.
  std::optional<size_t> sourceOffset(size_t out_offset) const;
};

ExpandedSql expandDerivedTable(const semantic::Model& model, const semantic::View& view);

/// The FROM-clause text a view stands for outside derived tables: its sql_table_name (trimmed,
/// without a trailing `;`), or the view name when it has neither a table nor a derived table.
std::string plainTableName(const semantic::View& view);

}  // namespace lkml::schema
