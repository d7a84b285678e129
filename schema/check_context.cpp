#include "schema/check_context.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "catalog/identifier.h"
#include "schema/schema_diagnostics.h"

namespace lkml::schema {

namespace {

constexpr int kMaxReferenceDepth = 16;

std::string timeoutText(const SchemaSource& source) {
  if (!source.connection) return "the statement timeout";
  auto ms = source.connection->statementTimeout().count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  return std::to_string(ms) + " ms";
}

// Distinguishes the databases of one run in cache keys.
std::string sourceKey(const SchemaSource& source) {
  return std::to_string(reinterpret_cast<uintptr_t>(&source));
}

bool sameIdentifier(const std::string& sql_identifier, const std::string& stored,
                    sql::Dialect dialect) {
  auto parts = catalog::parseQualifiedName(sql_identifier, dialect);
  return parts && parts->size() == 1 &&
         sql::sameName((*parts)[0], stored, sql::lexicalRules(dialect).relation_folding);
}

}  // namespace

Span textSpan(const semantic::SourceText& text, size_t begin, size_t end) {
  if (!text.span.valid() || text.span.size() != text.text.size() || end > text.text.size() ||
      begin >= end) {
    return text.span;
  }
  return {text.span.file, text.span.begin + static_cast<uint32_t>(begin),
          text.span.begin + static_cast<uint32_t>(end)};
}

std::string describeKey(const std::vector<KeyItem>& key) {
  std::string out = "(";
  for (size_t i = 0; i < key.size(); ++i) out += (i ? ", " : "") + key[i].label;
  return out + ")";
}

std::string ViewRelation::fromItem(const std::string& alias) const {
  if (kind == Kind::Table && relation) return relation->sqlName() + " AS " + alias;
  return "(\n" + derived_sql + "\n) AS " + alias;
}

std::vector<const semantic::View*> checkedViews(const semantic::Model& model) {
  std::set<std::string> names;
  for (const semantic::Explore& explore : model.explores) {
    if (explore.extension_required) continue;
    names.insert(explore.view);
    for (const semantic::Join& join : explore.joins) {
      // A join written as a whole `sql:` clause (BigQuery's `LEFT JOIN UNNEST(...) AS v`)
      // says itself what the view reads; a view without its own table is then no table.
      if (!join.sql.present()) names.insert(join.view);
    }
  }
  std::vector<const semantic::View*> out;
  for (const auto& [name, view] : model.views) {
    if (view.extension_required) continue;
    bool own_table = view.sql_table_name.present() || view.has_derived_table;
    if (own_table || names.count(name)) out.push_back(&view);
  }
  return out;
}

CheckContext::CheckContext(const semantic::LoadedProject& p, const semantic::Model& m,
                           const SchemaSource& s, DiagnosticSink& k, SchemaCheckResult* r,
                           SharedState* shared)
    : project(p), model(m), source(s), sink(k), result(*r), shared_(*shared) {}

void CheckContext::fail(const catalog::DatabaseError& error) {
  if (result.database_failed) return;
  result.database_failed = true;
  result.database_error = error;
}

void CheckContext::reportUnverified(Span span, const std::string& what,
                                    const std::string& failure) {
  Diagnostic d = makeSchemaDiagnostic(SchemaCode::probe_not_verified, span,
                                      "could not verify " + what + ": " + failure);
  d.help = "raise the limit with --statement-timeout SECONDS, or check the table's size";
  sink.report(std::move(d));
}

const ViewRelation& CheckContext::relationOf(const semantic::View& view) {
  auto& slot = relations_[view.name];
  if (slot) return *slot;
  slot = std::make_unique<ViewRelation>();
  ViewRelation* out = slot.get();
  if (view.has_derived_table && !view.sql_table_name.present()) {
    resolveDerived(view, out);
  } else {
    resolveTable(view, out);
  }
  return *out;
}

// Whether some explore joins `view` with a whole `sql:` JOIN clause, which then says what the
// view reads (BigQuery: `LEFT JOIN UNNEST(${sessions.hits}) AS hits`).
static bool joinedByClause(const semantic::Model& model, const std::string& view) {
  for (const semantic::Explore& explore : model.explores) {
    for (const semantic::Join& join : explore.joins) {
      if (join.view == view && join.sql.present()) return true;
    }
  }
  return false;
}

void CheckContext::resolveTable(const semantic::View& view, ViewRelation* out) {
  if (!view.sql_table_name.present() && joinedByClause(model, view.name)) return;
  std::string name = plainTableName(view);
  if (name.empty() || hasTemplating(name) || name.find("${") != std::string::npos) return;
  // Not a table name but an expression (BigQuery `UNNEST(...)`, `ML.PREDICT(...)`, a table
  // function): lkml cannot tell what it reads, so nothing is checked.
  if (!catalog::parseQualifiedName(name, dialect())) return;
  const catalog::Relation* relation = source.catalog->findRelation(name, source.search_path);
  if (relation) {
    out->kind = ViewRelation::Kind::Table;
    out->relation = relation;
    std::string kind = catalog::relationKindName(relation->kind);
    std::replace(kind.begin(), kind.end(), '_', ' ');
    out->description = kind + " " + relation->displayName();
    ++result.stats.relations_checked;
    return;
  }
  Span span = view.name_span;
  std::string message;
  if (view.sql_table_name.present()) {
    const std::string& text = view.sql_table_name.text;
    size_t at = text.find(name);
    span = at == std::string::npos ? view.sql_table_name.span
                                   : textSpan(view.sql_table_name, at, at + name.size());
    message = "relation `" + name + "` does not exist";
  } else {
    message = "view `" + view.name + "` has no sql_table_name or derived_table, so it reads `" +
              name + "`, which does not exist";
  }
  auto parts = catalog::parseQualifiedName(name, dialect());
  if (parts && parts->size() >= 2) {
    const std::string& schema_name = (*parts)[parts->size() - 2];
    bool schema_known =
        std::any_of(source.catalog->relations.begin(), source.catalog->relations.end(),
                    [&](const catalog::Relation& r) { return r.schema == schema_name; });
    if (!schema_known) message += " (the database has no relation in schema `" + schema_name + "`)";
  } else {
    std::string path;
    for (size_t i = 0; i < source.search_path.size(); ++i) {
      path += (i ? ", " : "") + source.search_path[i];
    }
    message +=
        " (searched schema" + std::string(source.search_path.size() == 1 ? " " : "s ") + path + ")";
  }
  Diagnostic d = makeSchemaDiagnostic(SchemaCode::unknown_table, span, message);
  out->missing_span = span;
  d.label = "no such table or view";
  std::string near = source.catalog->suggestRelation(name, source.search_path);
  if (!near.empty()) {
    d.help = "did you mean `" + near + "`?";
  } else if (!view.sql_table_name.present()) {
    d.help = "add `sql_table_name: schema.table ;;` to view `" + view.name + "`";
  }
  sink.report(std::move(d));
}

void CheckContext::resolveDerived(const semantic::View& view, ViewRelation* out) {
  ExpandedSql expanded = expandDerivedTable(model, view);
  if (!expanded.ok) {
    Diagnostic d = makeSchemaDiagnostic(
        SchemaCode::derived_table_not_checked,
        view.derived_table_sql.present() ? view.derived_table_sql.span : view.name_span,
        "derived table `" + view.name +
            "` is not checked against the database: " + expanded.reason);
    sink.report(std::move(d));
    return;
  }
  for (const std::string& dep : expanded.dependencies) {
    const semantic::View* dep_view = model.findView(dep);
    if (!dep_view || relationOf(*dep_view).kind == ViewRelation::Kind::Unresolved) return;
  }
  if (!source.connection) {
    ++shared_.offline_skipped;
    ++result.stats.probes_skipped;
    return;
  }
  std::string cache_key = sourceKey(source) + '\x1f' + expanded.sql;
  auto it = shared_.derived.find(cache_key);
  if (it == shared_.derived.end()) {
    SharedState::DerivedProbe probe;
    ++result.stats.data_probes;
    probe.ok =
        catalog::probeQueryColumns(*source.connection, expanded.sql, &probe.columns, &probe.error);
    it = shared_.derived.emplace(cache_key, std::move(probe)).first;
  }
  const SharedState::DerivedProbe& probe = it->second;
  if (!probe.ok) {
    const catalog::DatabaseError& error = probe.error;
    if (error.kind == catalog::DatabaseError::Kind::Unreachable) {
      fail(error);
      return;
    }
    Span span = view.derived_table_sql.span;
    if (error.kind == catalog::DatabaseError::Kind::Timeout) {
      reportUnverified(span, "the columns of derived table `" + view.name + "`", error.message);
      return;
    }
    if (error.position > 0) {
      size_t offset = catalog::byteOffsetOfPosition(expanded.sql, error.position);
      if (auto src = expanded.sourceOffset(offset)) {
        const std::string& text = view.derived_table_sql.text;
        size_t len = scanIdentifier(text, *src, dialect());
        span = textSpan(view.derived_table_sql, *src, *src + std::max<size_t>(len, 1));
      }
    }
    Diagnostic d = makeSchemaDiagnostic(
        SchemaCode::derived_table_error, span,
        "the database rejects the SQL of derived table `" + view.name + "`: " + error.message);
    d.label = error.sqlstate.empty() ? "here" : "SQLSTATE " + error.sqlstate;
    d.help = error.detail;
    sink.report(std::move(d));
    return;
  }
  out->owned = std::make_unique<catalog::Relation>();
  out->owned->name = view.name;
  out->owned->kind = catalog::RelationKind::View;
  int ordinal = 0;
  for (const catalog::QueryColumnInfo& info : probe.columns) {
    catalog::Column column;
    column.name = info.name;
    column.ordinal = ++ordinal;
    column.data_type = info.data_type;
    column.category = info.category;
    out->owned->columns.push_back(std::move(column));
  }
  out->relation = out->owned.get();
  out->kind = ViewRelation::Kind::Derived;
  out->derived_sql = expanded.sql;
  out->description = "derived table `" + view.name + "`";
  ++result.stats.relations_checked;
}

std::optional<FieldColumn> CheckContext::fieldColumn(const semantic::View& view,
                                                     const semantic::Field& field,
                                                     const ViewRelation& relation) {
  if (relation.kind == ViewRelation::Kind::Unresolved) return std::nullopt;
  if (field.sql_defaulted) {
    if (!field.isDimension()) return std::nullopt;
    std::string name = field.group.empty() ? field.name : field.group;
    FieldColumn out;
    out.column = relation.relation->findColumn(name);
    out.span = field.name_span;
    out.identifier = name;
    return out;
  }
  return sqlColumn(view, field.sql, relation, 0);
}

std::optional<FieldColumn> CheckContext::sqlColumn(const semantic::View& view,
                                                   const semantic::SourceText& sql,
                                                   const ViewRelation& relation, int depth) {
  if (relation.kind == ViewRelation::Kind::Unresolved || depth > kMaxReferenceDepth) {
    return std::nullopt;
  }
  SimpleExpression e = classifyExpression(sql.text, dialect());
  FieldColumn out;
  out.span = textSpan(sql, e.range.begin, e.range.end);
  switch (e.kind) {
    case SimpleExpression::Kind::TableColumn:
      out.column = relation.relation->findColumn(e.identifier);
      out.identifier = e.identifier;
      return out;
    case SimpleExpression::Kind::QualifiedColumn:
      if (!sameIdentifier(e.qualifier, view.name, dialect()) &&
          !(relation.kind == ViewRelation::Kind::Table &&
            sameIdentifier(e.qualifier, relation.relation->name, dialect()))) {
        return std::nullopt;
      }
      out.column = relation.relation->findColumn(e.identifier);
      out.identifier = e.identifier;
      return out;
    case SimpleExpression::Kind::ViewField:
      if (e.qualifier != view.name) return std::nullopt;
      [[fallthrough]];
    case SimpleExpression::Kind::Field: {
      const semantic::Field* target = view.findField(e.field);
      if (!target || !target->isDimension()) return std::nullopt;
      std::optional<FieldColumn> inner;
      if (target->sql_defaulted) {
        inner = fieldColumn(view, *target, relation);
      } else {
        inner = sqlColumn(view, target->sql, relation, depth + 1);
      }
      if (!inner || !inner->column) return std::nullopt;
      // Time dimension groups transform the column, except the `raw` timeframe.
      if (!target->timeframe.empty() && target->timeframe != "raw") return std::nullopt;
      if (!target->interval.empty() || target->type == "yesno" ||
          !target->details().tiers.empty()) {
        return std::nullopt;
      }
      inner->span = out.span;
      return inner;
    }
    case SimpleExpression::Kind::None:
      break;
  }
  return std::nullopt;
}

UniquenessAnswer CheckContext::isUnique(const ViewRelation& relation,
                                        const std::vector<KeyItem>& key, bool nulls_matter) {
  UniquenessAnswer answer;
  if (relation.kind == ViewRelation::Kind::Unresolved || key.empty()) {
    answer.failure = "the relation is unknown";
    return answer;
  }
  std::vector<catalog::KeyPart> parts;
  std::string cache_key = sourceKey(source) + '\x1f' + relation.fromItem("lkml_key") + '\x1f' +
                          (nulls_matter ? "n" : "i");
  for (const KeyItem& k : key) {
    parts.push_back(k.column.empty() ? catalog::KeyPart::expression(k.expression)
                                     : catalog::KeyPart::column(k.column));
    parts.back().label = k.label;
    cache_key += '\x1f' + parts.back().sql;
  }
  auto cached = shared_.uniqueness.find(cache_key);
  if (cached != shared_.uniqueness.end()) return cached->second;
  bool plain =
      std::all_of(key.begin(), key.end(), [](const KeyItem& k) { return !k.column.empty(); });
  if (plain && relation.kind == ViewRelation::Kind::Table) {
    std::vector<std::string> columns;
    for (const KeyItem& k : key) columns.push_back(k.column);
    auto match = relation.relation->findUniqueKey(columns);
    if (match && (!nulls_matter || !match->allows_null)) {
      answer.verdict = Verdict::Unique;
      std::string cols;
      for (size_t i = 0; i < match->key_columns.size(); ++i) {
        cols += (i ? ", " : "") + catalog::formatIdentifier(match->key_columns[i]);
      }
      answer.method = std::string(catalog::keySourceName(match->source)) + " (" + cols + ") of " +
                      relation.description;
      ++result.stats.keys_proven_by_catalog;
      shared_.uniqueness[cache_key] = answer;
      return answer;
    }
  }
  if (!source.connection) {
    answer.offline = true;
    answer.failure = "no database connection (offline snapshot)";
    ++shared_.offline_skipped;
    ++result.stats.probes_skipped;
    shared_.uniqueness[cache_key] = answer;
    return answer;
  }
  catalog::UniquenessResult probe;
  catalog::DatabaseError error;
  catalog::UniquenessOptions options;
  options.ignore_null_keys = !nulls_matter;
  ++result.stats.data_probes;
  if (!catalog::probeUniqueness(*source.connection, relation.fromItem("lkml_key"), parts, &probe,
                                &error, options)) {
    if (error.kind == catalog::DatabaseError::Kind::Unreachable) fail(error);
    answer.failure = error.kind == catalog::DatabaseError::Kind::Timeout
                         ? "the probe timed out after " + timeoutText(source)
                         : "the probe failed: " + error.message;
    shared_.uniqueness[cache_key] = answer;
    return answer;
  }
  answer.method = "the data of " + relation.description;
  if (probe.unique) {
    answer.verdict = Verdict::Unique;
  } else {
    answer.verdict = Verdict::NotUnique;
    std::string sample = "(";
    for (size_t i = 0; i < probe.sample_key.size(); ++i) {
      sample += (i ? ", " : "") + (probe.sample_key[i] ? *probe.sample_key[i] : "NULL");
    }
    answer.sample = sample + ")";
    answer.sample_count = probe.sample_count;
  }
  shared_.uniqueness[cache_key] = answer;
  return answer;
}

}  // namespace lkml::schema
