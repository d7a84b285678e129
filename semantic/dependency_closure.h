// The dependency closure of fields in one explore: every field, view alias and table that
// compiling them reads, through `sql`, `sql_start`/`sql_end`, `sql_distinct_key`, measure
// `filters`, `list_field`, `required_fields`, `html`, `link`, templated filters and parameters
// (`{% condition %}`, `{% parameter %}`), Liquid field values, `${TABLE}`,
// `${view.SQL_TABLE_NAME}`, derived tables and the join conditions of the aliases read.
// Built once by an iterative walk (no recursion whose depth the LookML decides). Shared by the
// query compiler (grants and `fields:` lists on everything a query reads) and `lkml lint`
// (references to fields an explore's `fields:` list excludes).
#pragma once

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "semantic/explore_scope.h"
#include "semantic/field_list.h"

namespace lkml::semantic {

/// How a field reaches another.
enum class DependencyVia {
  Root,            // named by the query, or applied by the explore (always_filter, access_filter)
  Sql,             // `${}` in sql, sql_start, sql_end
  DistinctKey,     // `${}` in sql_distinct_key
  Filters,         // a measure's `filters:`
  ListField,       // a list measure's `list_field`
  RequiredFields,  // `required_fields`
  Html,            // `html`
  Link,            // a `link`'s url, label or icon_url
  Condition,       // `{% condition f %}` (a templated filter)
  Parameter,       // `{% parameter p %}`
  LiquidValue,     // `{{ view.field._value }}` and similar
  Table,           // a view's sql_table_name or derived table, a join's condition
  PrimaryKey,      // the primary key of a view read (fan-out safety, foreign_key joins)
  ExploreSql,      // sql_always_where, sql_always_having
};
const char* dependencyViaName(DependencyVia via);

/// One field of the closure and how it was reached.
struct FieldDependency {
  const ScopeEntry* entry = nullptr;
  const Field* field = nullptr;
  int parent = -1;  // index in fields() of the field that uses it; -1: a root or table SQL
  DependencyVia via = DependencyVia::Root;
  bool grants = false;    // its own required_access_grants apply (not for explore-applied roots)
  bool user = false;      // the query's fields reach it through field references only
  bool excluded = false;  // `user`, and an explore or join `fields:` list excludes it
};

/// A direct reference of one field to another, where it is written (for lint).
struct FieldEdge {
  const ScopeEntry* entry = nullptr;
  const Field* field = nullptr;
  DependencyVia via = DependencyVia::Sql;
  const SourceText* text = nullptr;  // the text holding the reference, or null (lists)
  size_t begin = 0, end = 0;         // offsets in `text`
  Span span;                         // where the reference is written, when known
};

class DependencyClosure {
 public:
  DependencyClosure(const ExploreScope& scope, ExploreFieldLists& field_lists);

  /// A field the query names (selects or filters): it, and every field it reaches through
  /// field references, must pass the user's grants and the explore's `fields:` lists.
  void addQueryField(const ScopeEntry& entry, const Field& field);
  /// A field the explore applies by itself (always_filter, access_filter): what it reads is
  /// followed, its own grants are not checked (the user did not ask for it).
  void addExploreField(const ScopeEntry& entry, const Field& field);
  /// Explore-level SQL; bare `${field}` means the base view.
  void addExploreSql(const std::string& text);
  void addAlias(const std::string& alias);
  /// Follows every edge until nothing new is reached.
  void close();

  const std::vector<FieldDependency>& fields() const { return fields_; }
  /// Aliases of the explore whose tables the SQL reads (the base alias always).
  const std::set<std::string>& aliases() const { return aliases_; }
  /// Views read only through `${view.SQL_TABLE_NAME}` (not an alias of the explore).
  const std::vector<const View*>& outsideViews() const { return outside_views_; }
  /// "`a.x` uses `b.y` (filters), which uses `c.z` (sql)": the path from a root to fields()[i].
  std::string chain(size_t index) const;

  /// The fields `field` (of `entry`) reads directly, with where each reference is written.
  std::vector<FieldEdge> fieldEdges(const ScopeEntry& entry, const Field& field) const;

 private:
  void addField(const ScopeEntry& entry, const Field& field, int parent, DependencyVia via,
                bool grants, bool user);
  void addText(const ScopeEntry* owner, const SourceText& text, DependencyVia via);
  void visitAlias(const ScopeEntry& entry);
  void visitField(size_t index);
  const ScopeEntry* resolveAlias(const ScopeEntry* owner, const std::string& alias) const;
  struct TableRead {
    const ScopeEntry* entry = nullptr;  // an alias of the explore, or
    const View* outside = nullptr;      // a view read by `${view.SQL_TABLE_NAME}` only
  };
  void textEdges(const ScopeEntry* owner, const SourceText& text, DependencyVia via,
                 std::vector<FieldEdge>* edges, std::vector<TableRead>* tables) const;
  void readTables(const std::vector<TableRead>& tables);

  const ExploreScope& scope_;
  ExploreFieldLists& field_lists_;
  std::vector<FieldDependency> fields_;
  std::map<std::string, std::pair<size_t, int>> seen_;  // `alias.field` → (index, strength)
  std::vector<size_t> pending_fields_;
  std::vector<const ScopeEntry*> pending_aliases_;
  std::set<std::string> aliases_;
  std::set<std::string> outside_names_;
  std::vector<const View*> outside_views_;
  std::deque<ScopeEntry> outside_entries_;  // scope entries for views outside the explore
  std::deque<SourceText> explore_texts_;
};

}  // namespace lkml::semantic
