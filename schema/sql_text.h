// Small, conservative readers of LookML SQL snippets: `${TABLE}.column` references, a whole
// expression that is one column reference, and `sql_on` conjunctions of equalities. They never
// try to parse SQL in general: anything they do not recognise is "not simple", and the checks
// built on them then stay silent rather than guess.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/sql_lexical_rules.h"

namespace lkml::schema {

/// A byte range [begin, end) of a SQL text.
struct TextRange {
  size_t begin = 0;
  size_t end = 0;
};

// Every reader lexes `sql` by `dialect`'s rules (strings, quoted identifiers, comments:
// base/sql_lexical_rules.h); PostgreSQL unless given.

/// Length of the SQL identifier starting at `pos` (plain `order_id`, quoted `"Order ID"`, or
/// `` `Order ID` `` in BigQuery), or 0.
size_t scanIdentifier(std::string_view sql, size_t pos,
                      sql::Dialect dialect = sql::Dialect::Postgres);

/// `${TABLE}.column` in a SQL text (outside string literals and comments).
struct TableColumnReference {
  TextRange whole;         // `${TABLE}.column`
  TextRange name;          // `column`
  std::string identifier;  // as written: `amount`, `"Order ID"`
  /// BigQuery `${TABLE}.a.b.c`: the STRUCT field path after the column (`b`, `c`), as written.
  std::vector<std::string> fields;
};
std::vector<TableColumnReference> findTableColumnReferences(
    std::string_view sql, sql::Dialect dialect = sql::Dialect::Postgres);

/// A whole expression (surrounding whitespace, one pair of parentheses and a trailing `;`
/// ignored) that is a single reference.
struct SimpleExpression {
  enum class Kind {
    None,             // anything else
    TableColumn,      // ${TABLE}.column
    QualifiedColumn,  // qualifier.column, both plain or quoted identifiers
    Field,            // ${field}: a field of the same view
    ViewField,        // ${view.field}
  };
  Kind kind = Kind::None;
  TextRange range;         // the reference inside the text
  std::string qualifier;   // QualifiedColumn: as written; ViewField: the view/alias
  std::string identifier;  // TableColumn / QualifiedColumn: the column as written
  std::string field;       // Field / ViewField
};
/// BigQuery `${TABLE}.a.b` (a STRUCT field) is Kind::None: its type is not the column's.
SimpleExpression classifyExpression(std::string_view sql,
                                    sql::Dialect dialect = sql::Dialect::Postgres);

/// Splits `sql` at top-level `AND` (outside parentheses, quotes, comments, `${}` and Liquid).
/// Each part is trimmed of whitespace.
std::vector<TextRange> splitConjunction(std::string_view sql,
                                        sql::Dialect dialect = sql::Dialect::Postgres);

/// `a = b` at the top level of `part` (exactly one `=` that is not part of `<=`, `>=`, `<>`,
/// `!=`): the two trimmed sides. False for anything else.
bool splitEquality(std::string_view sql, TextRange part, TextRange* lhs, TextRange* rhs,
                   sql::Dialect dialect = sql::Dialect::Postgres);

/// Whether the text contains Liquid (`{{`, `{%`) or an unexpanded constant (`@{`).
bool hasTemplating(std::string_view sql);

/// Trims ASCII whitespace from both ends of a range.
TextRange trimRange(std::string_view sql, TextRange range);

}  // namespace lkml::schema
