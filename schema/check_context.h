// Internal to schema/: what the individual live checks share. A CheckContext covers one model
// and its SchemaSource: the relation behind each view (a catalog table or a probed derived
// table), the column a field's SQL names, and a uniqueness oracle that tries the catalog's
// keys first and the data second, caching every answer.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "catalog/data_probes.h"
#include "schema/derived_sql.h"
#include "schema/schema_checker.h"
#include "schema/sql_text.h"
#include "semantic/model.h"

namespace lkml::schema {

/// The relation a view reads.
struct ViewRelation {
  enum class Kind { Table, Derived, Unresolved };
  Kind kind = Kind::Unresolved;
  const catalog::Relation* relation = nullptr;  // Table: in the catalog; Derived: `owned`
  std::unique_ptr<catalog::Relation> owned;     // a derived table's probed columns (no keys)
  std::string derived_sql;                      // Derived: the expanded SQL
  std::string description;  // "table public.orders", "derived table `order_facts`"
  Span missing_span;        // Unresolved because the table is missing: where LKML301 points

  /// A FROM item for probes: `"public"."orders" AS alias` or `(\n<sql>\n) AS alias`.
  std::string fromItem(const std::string& alias) const;
};

/// A column a field's SQL resolves to.
struct FieldColumn {
  const catalog::Column* column = nullptr;
  Span span;               // where the reference is written (or the field name when defaulted)
  std::string identifier;  // as written
};

enum class Verdict { Unique, NotUnique, Unknown };

struct UniquenessAnswer {
  Verdict verdict = Verdict::Unknown;
  /// How it was decided, for messages: "primary key (id) of public.users", "the data".
  std::string method;
  /// NotUnique from the data: `(5)` and how many rows share it.
  std::string sample;
  long long sample_count = 0;
  /// Unknown: why ("no database (offline snapshot)", "timed out after 10 s", a server message).
  std::string failure;
  bool offline = false;  // Unknown only because there is no connection
};

/// One part of a key for the oracle: a stored column name, or an SQL expression over the alias.
struct KeyItem {
  std::string column;      // stored name, when a plain column
  std::string expression;  // else an expression over `lkml_key` (the FROM alias)
  std::string label;       // for messages
};

/// Caches shared by every model of one checkSchema run (a view file included by several
/// models is probed once).
struct SharedState {
  std::map<std::string, UniquenessAnswer> uniqueness;  // by source, FROM item, key, NULL mode
  struct DerivedProbe {
    bool ok = false;
    std::vector<catalog::QueryColumnInfo> columns;
    catalog::DatabaseError error;
  };
  std::map<std::string, DerivedProbe> derived;  // by source and expanded SQL
  int offline_skipped = 0;                      // probes not run for want of a connection
};

class CheckContext {
 public:
  CheckContext(const semantic::LoadedProject& project, const semantic::Model& model,
               const SchemaSource& source, DiagnosticSink& sink, SchemaCheckResult* result,
               SharedState* shared);

  const semantic::LoadedProject& project;
  const semantic::Model& model;
  const SchemaSource& source;
  DiagnosticSink& sink;
  SchemaCheckResult& result;

  /// Whose lexical and identifier rules apply: the catalog's (the snapshot's, or the one
  /// --dialect / lkml.json chose).
  sql::Dialect dialect() const { return source.catalog->dialect; }

  /// The relation of a view, resolved on first use; reports LKML301/305/306 there.
  const ViewRelation& relationOf(const semantic::View& view);

  /// The column a field stands for when its SQL is a single column reference, following
  /// `${field}` within the view. nullopt when the SQL is an expression (or unresolvable).
  std::optional<FieldColumn> fieldColumn(const semantic::View& view, const semantic::Field& field,
                                         const ViewRelation& relation);
  /// The same for an arbitrary SQL text written for `view` (sql_start, sql_end, ...).
  std::optional<FieldColumn> sqlColumn(const semantic::View& view, const semantic::SourceText& sql,
                                       const ViewRelation& relation, int depth = 0);

  /// Whether `key` is unique in `relation`: the catalog first, then the data (live only).
  /// `nulls_matter`: rows with a NULL key count as duplicates (primary keys); for join keys
  /// they are ignored (NULL never joins).
  UniquenessAnswer isUnique(const ViewRelation& relation, const std::vector<KeyItem>& key,
                            bool nulls_matter);

  /// Reports LKML312 (a live probe failed or timed out) at `span`.
  void reportUnverified(Span span, const std::string& what, const std::string& failure);

  bool failed() const { return result.database_failed; }
  void fail(const catalog::DatabaseError& error);

 private:
  void resolveTable(const semantic::View& view, ViewRelation* out);
  void resolveDerived(const semantic::View& view, ViewRelation* out);

  SharedState& shared_;
  std::map<std::string, std::unique_ptr<ViewRelation>> relations_;
};

/// Span of bytes [begin, end) of a SourceText, or its whole span when the text was rewritten.
Span textSpan(const semantic::SourceText& text, size_t begin, size_t end);

/// `(id)`, `(order_id, line)`: a key's labels for messages.
std::string describeKey(const std::vector<KeyItem>& key);

// The checks (one file each).
void checkTables(CheckContext& ctx);       // 301, 305, 306 (through relationOf)
void checkColumns(CheckContext& ctx);      // 302, 303, 304
void checkPrimaryKeys(CheckContext& ctx);  // 309
void checkJoins(CheckContext& ctx);        // 307, 308, 310

/// Views the checks look at: used by a (non-extension) explore, or with their own table.
std::vector<const semantic::View*> checkedViews(const semantic::Model& model);

}  // namespace lkml::schema
