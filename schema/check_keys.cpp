// Keys: LKML309 (primary_key dimensions are unique), LKML307/308 (a join's declared
// relationship holds for the keys of its sql_on / foreign_key), LKML310 (a base table's
// foreign key that no join of the explore follows). Uniqueness comes from the catalog's keys
// first, from the data second (CheckContext::isUnique); messages say which decided.
#include <algorithm>
#include <set>

#include "catalog/identifier.h"
#include "schema/check_context.h"
#include "schema/schema_diagnostics.h"
#include "semantic/explore_scope.h"
#include "semantic/sql_references.h"

namespace lkml::schema {

namespace {

using semantic::Relationship;

constexpr const char* kKeyAlias = "lkml_key";

// A key item for a field: its column, or its SQL over `lkml_key` when the SQL only uses
// ${TABLE} (composite keys such as `${TABLE}.a || '-' || ${TABLE}.b`).
std::optional<KeyItem> keyItemFor(CheckContext& ctx, const semantic::View& view,
                                  const semantic::Field& field, const ViewRelation& relation) {
  if (auto fc = ctx.fieldColumn(view, field, relation)) {
    if (!fc->column) return std::nullopt;  // unknown column: LKML302 says so
    return KeyItem{fc->column->name, "", catalog::formatIdentifier(fc->column->name)};
  }
  const std::string& sql = field.sql.text;
  if (!field.timeframe.empty() || !field.interval.empty() || field.type == "yesno" ||
      !field.details().tiers.empty() || hasTemplating(sql)) {
    return std::nullopt;
  }
  std::string expr;
  size_t i = 0;
  while (i < sql.size()) {
    size_t at = sql.find("${", i);
    if (at == std::string::npos) break;
    size_t close = sql.find('}', at);
    if (close == std::string::npos) return std::nullopt;
    std::string inner = sql.substr(at + 2, close - at - 2);
    inner.erase(0, inner.find_first_not_of(" \t"));
    inner.erase(inner.find_last_not_of(" \t") + 1);
    if (inner != "TABLE") return std::nullopt;
    expr += sql.substr(i, at - i) + kKeyAlias;
    i = close + 1;
  }
  expr += sql.substr(i);
  while (!expr.empty() &&
         (expr.back() == ';' || std::isspace(static_cast<unsigned char>(expr.back())))) {
    expr.pop_back();
  }
  if (expr.find(kKeyAlias) == std::string::npos) return std::nullopt;
  std::string label = sql;
  label.erase(0, label.find_first_not_of(" \t\n"));
  label.erase(label.find_last_not_of(" \t\n") + 1);
  return KeyItem{"", expr, label};
}

std::string decidedBy(const UniquenessAnswer& a) {
  if (a.verdict == Verdict::NotUnique) {
    return "decided by the data: no primary key, unique constraint or unique index covers it, "
           "and key " +
           a.sample + " occurs in " + std::to_string(a.sample_count) + " rows";
  }
  return "decided by the " + a.method;
}

void checkPrimaryKey(CheckContext& ctx, const semantic::View& view) {
  const semantic::Field* pk = view.primaryKey();
  if (!pk) return;
  const ViewRelation& relation = ctx.relationOf(view);
  if (relation.kind == ViewRelation::Kind::Unresolved) return;
  auto item = keyItemFor(ctx, view, *pk, relation);
  if (!item) return;
  UniquenessAnswer a = ctx.isUnique(relation, {*item}, /*nulls_matter=*/true);
  Span span = pk->sql_defaulted || !pk->sql.present() ? pk->name_span : pk->sql.span;
  if (a.verdict == Verdict::Unknown) {
    if (!a.offline) {
      ctx.reportUnverified(span, "that primary key `" + view.name + "." + pk->name + "` is unique",
                           a.failure);
    }
    return;
  }
  if (a.verdict == Verdict::Unique) return;
  Diagnostic d = makeSchemaDiagnostic(
      SchemaCode::primary_key_not_unique, span,
      "primary key `" + view.name + "." + pk->name + "` is not unique in " + relation.description +
          ": key " + a.sample + " occurs in " + std::to_string(a.sample_count) +
          " rows (decided by the data; no primary key, unique "
          "constraint or unique index covers " +
          item->label + ")");
  d.label = "duplicated: " + a.sample;
  d.help =
      "symmetric aggregates (sums, averages and counts over fanned-out joins) double count "
      "with a non-unique key; mark a unique column, or build a composite key such as "
      "`${TABLE}.a || '-' || ${TABLE}.b`";
  ctx.sink.report(std::move(d));
}

// One side of an equality of a join condition.
struct Side {
  const semantic::ScopeEntry* entry = nullptr;
  KeyItem item;
  Span span;
};

std::optional<Side> resolveSide(CheckContext& ctx, const semantic::ExploreScope& scope,
                                const semantic::SourceText& sql, TextRange range) {
  std::string_view text = std::string_view(sql.text).substr(range.begin, range.end - range.begin);
  SimpleExpression e = classifyExpression(text, ctx.dialect());
  Side side;
  side.span = textSpan(sql, range.begin + e.range.begin, range.begin + e.range.end);
  if (e.kind == SimpleExpression::Kind::ViewField) {
    side.entry = scope.find(e.qualifier);
    if (!side.entry || !side.entry->view) return std::nullopt;
    const semantic::Field* field = side.entry->view->findField(e.field);
    if (!field || !field->isDimension()) return std::nullopt;
    const ViewRelation& relation = ctx.relationOf(*side.entry->view);
    auto item = keyItemFor(ctx, *side.entry->view, *field, relation);
    if (!item) return std::nullopt;
    side.item = *item;
    return side;
  }
  if (e.kind == SimpleExpression::Kind::QualifiedColumn) {
    auto alias = catalog::parseQualifiedName(e.qualifier, ctx.dialect());
    if (!alias || alias->size() != 1) return std::nullopt;
    side.entry = scope.find((*alias)[0]);
    if (!side.entry || !side.entry->view) return std::nullopt;
    const ViewRelation& relation = ctx.relationOf(*side.entry->view);
    if (relation.kind == ViewRelation::Kind::Unresolved) return std::nullopt;
    const catalog::Column* column = relation.relation->findColumn(e.identifier);
    if (!column) return std::nullopt;
    side.item = KeyItem{column->name, "", catalog::formatIdentifier(column->name)};
    return side;
  }
  return std::nullopt;
}

// The equalities of a join's condition, split into the joined side and the other side.
struct JoinKeys {
  bool ok = false;
  std::vector<KeyItem> joined, other;
  Span joined_span, other_span;
  const semantic::ScopeEntry* joined_entry = nullptr;
  const semantic::ScopeEntry* other_entry = nullptr;  // null when several aliases
};

Span cover(Span a, Span b) {
  if (!a.valid()) return b;
  if (!b.valid() || a.file != b.file) return a;
  return {a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

void addPair(JoinKeys* keys, const semantic::Join& join, const Side& a, const Side& b,
             bool* first) {
  const Side* j = &a;
  const Side* o = &b;
  if (b.entry->alias == join.name) std::swap(j, o);
  if (j->entry->alias != join.name || o->entry->alias == join.name) {
    keys->ok = false;
    return;
  }
  keys->joined_entry = j->entry;
  if (*first) {
    keys->other_entry = o->entry;
  } else if (keys->other_entry != o->entry) {
    keys->other_entry = nullptr;
  }
  *first = false;
  keys->joined.push_back(j->item);
  keys->other.push_back(o->item);
  keys->joined_span = cover(keys->joined_span, j->span);
  keys->other_span = cover(keys->other_span, o->span);
}

JoinKeys joinKeys(CheckContext& ctx, const semantic::ExploreScope& scope,
                  const semantic::Join& join) {
  JoinKeys keys;
  bool first = true;
  if (join.type == semantic::JoinType::Cross || join.sql.present()) return keys;
  if (join.sql_on.present()) {
    const std::string& text = join.sql_on.text;
    if (hasTemplating(text)) return keys;
    keys.ok = true;
    for (TextRange part : splitConjunction(text, ctx.dialect())) {
      TextRange lhs, rhs;
      if (!splitEquality(text, part, &lhs, &rhs, ctx.dialect())) return JoinKeys{};
      auto a = resolveSide(ctx, scope, join.sql_on, lhs);
      auto b = resolveSide(ctx, scope, join.sql_on, rhs);
      if (!a || !b) return JoinKeys{};
      addPair(&keys, join, *a, *b, &first);
      if (!keys.ok) return keys;
    }
    return keys;
  }
  if (join.foreign_key.present()) {
    std::string alias = scope.explore().alias, field = join.foreign_key.text;
    semantic::ExploreScope::splitName(join.foreign_key.text, &alias, &field);
    const semantic::ScopeEntry* other = scope.find(alias);
    const semantic::ScopeEntry* joined = scope.find(join.name);
    if (!other || !other->view || !joined || !joined->view) return keys;
    const semantic::Field* fk = other->view->findField(field);
    const semantic::Field* pk = joined->view->primaryKey();
    if (!fk || !pk) return keys;
    auto o = keyItemFor(ctx, *other->view, *fk, ctx.relationOf(*other->view));
    auto j = keyItemFor(ctx, *joined->view, *pk, ctx.relationOf(*joined->view));
    if (!o || !j) return keys;
    keys.ok = true;
    Side so{other, *o, join.foreign_key.span}, sj{joined, *j, join.foreign_key.span};
    addPair(&keys, join, sj, so, &first);
  }
  return keys;
}

std::string aliasKey(const std::string& alias, const std::vector<KeyItem>& key) {
  if (key.size() == 1) return "`" + alias + "." + key[0].label + "`";
  return "`" + alias + "` " + describeKey(key);
}

const char* suggestion(bool joined_unique, bool other_unique) {
  if (joined_unique && other_unique) return "one_to_one";
  if (joined_unique) return "many_to_one";
  if (other_unique) return "one_to_many";
  return "many_to_many";
}

void checkJoin(CheckContext& ctx, const semantic::Join& join, const JoinKeys& keys) {
  const semantic::View& jview = *keys.joined_entry->view;
  const ViewRelation& jrel = ctx.relationOf(jview);
  Relationship r = join.relationship;
  bool need_joined =
      r == Relationship::ManyToOne || r == Relationship::OneToOne || r == Relationship::ManyToMany;
  bool need_other = (r == Relationship::OneToMany || r == Relationship::OneToOne ||
                     r == Relationship::ManyToMany) &&
                    keys.other_entry;
  std::string declared = std::string("declared `relationship: ") + semantic::relationshipName(r) +
                         "`" + (join.relationship_given ? "" : " (the default)");
  UniquenessAnswer ja, oa;
  auto other_answer = [&]() -> UniquenessAnswer {
    if (!keys.other_entry) return {};
    return ctx.isUnique(ctx.relationOf(*keys.other_entry->view), keys.other, false);
  };
  if (need_joined) ja = ctx.isUnique(jrel, keys.joined, false);
  // many_to_many is needless as soon as one side is unique: no second probe then.
  if (r == Relationship::ManyToMany && ja.verdict == Verdict::Unique) need_other = false;
  if (need_other) oa = other_answer();
  if (ctx.failed()) return;
  auto unverified = [&](const UniquenessAnswer& a, Span span, const std::string& what) {
    if (a.verdict == Verdict::Unknown && !a.offline && !a.failure.empty() &&
        a.failure != "the relation is unknown") {
      ctx.reportUnverified(span, what, a.failure);
    }
  };
  if (need_joined) {
    unverified(ja, keys.joined_span, "the relationship of join `" + join.name + "`");
  }
  if (need_other) unverified(oa, keys.other_span, "the relationship of join `" + join.name + "`");

  if (r == Relationship::ManyToMany) {
    if (ja.verdict != Verdict::Unique && oa.verdict != Verdict::Unique) return;
    bool ju = ja.verdict == Verdict::Unique, ou = oa.verdict == Verdict::Unique;
    const UniquenessAnswer& which = ju ? ja : oa;
    std::string side =
        ju ? aliasKey(join.name, keys.joined) : aliasKey(keys.other_entry->alias, keys.other);
    Diagnostic d = makeSchemaDiagnostic(
        SchemaCode::needless_many_to_many, ju ? keys.joined_span : keys.other_span,
        "join `" + join.name + "` is " + declared + ", but " + side + " is unique (" +
            decidedBy(which) + "); many_to_many makes every measure use symmetric aggregates");
    d.label = "unique";
    d.help = ju ? "declare `relationship: many_to_one` (or one_to_one when the other side is "
                  "unique too)"
                : std::string("declare `relationship: ") + suggestion(ju, ou) + "`";
    ctx.sink.report(std::move(d));
    return;
  }
  bool joined_bad = need_joined && ja.verdict == Verdict::NotUnique;
  bool other_bad = need_other && oa.verdict == Verdict::NotUnique;
  if (!joined_bad && !other_bad) return;
  // Work out the relationship that does hold, for the help text.
  UniquenessAnswer ja2 = need_joined ? ja : ctx.isUnique(jrel, keys.joined, false);
  UniquenessAnswer oa2 = need_other ? oa : other_answer();
  bool ju = ja2.verdict == Verdict::Unique, ou = oa2.verdict == Verdict::Unique;
  bool known =
      ja2.verdict != Verdict::Unknown && (oa2.verdict != Verdict::Unknown || !keys.other_entry);
  const UniquenessAnswer& bad = joined_bad ? ja : oa;
  std::string side =
      joined_bad ? aliasKey(join.name, keys.joined) : aliasKey(keys.other_entry->alias, keys.other);
  std::string relation_text =
      joined_bad ? jrel.description : ctx.relationOf(*keys.other_entry->view).description;
  std::string needs =
      joined_bad ? "the joined side's key to be unique" : "the explore side's key to be unique";
  Diagnostic d = makeSchemaDiagnostic(
      SchemaCode::relationship_mismatch, joined_bad ? keys.joined_span : keys.other_span,
      "join `" + join.name + "` is " + declared + ", which needs " + needs + ", but " + side +
          " is not unique in " + relation_text + ": key " + bad.sample + " occurs in " +
          std::to_string(bad.sample_count) +
          " rows (decided by the data; no primary key, "
          "unique constraint or unique index covers it)");
  d.label = "not unique";
  d.help = known ? std::string("declare `relationship: ") + suggestion(ju, ou) +
                       "`; a wrong relationship makes measures double count"
                 : "declare `relationship: many_to_many` unless the key is meant to be unique; a "
                   "wrong relationship makes measures double count";
  ctx.sink.report(std::move(d));
}

// LKML310: the base table's foreign keys that no join of the explore follows.
void checkForeignKeys(CheckContext& ctx, const semantic::ExploreScope& scope,
                      const std::vector<JoinKeys>& all_keys) {
  const semantic::ScopeEntry* base = scope.find(scope.explore().alias);
  if (!base || !base->view) return;
  const ViewRelation& relation = ctx.relationOf(*base->view);
  if (relation.kind != ViewRelation::Kind::Table) return;
  for (const catalog::ForeignKey& fk : relation.relation->foreign_keys) {
    bool matched = false;
    for (const JoinKeys& keys : all_keys) {
      if (!keys.ok || keys.other_entry != base) continue;
      const ViewRelation& jrel = ctx.relationOf(*keys.joined_entry->view);
      if (jrel.kind != ViewRelation::Kind::Table || jrel.relation->schema != fk.referenced_schema ||
          jrel.relation->name != fk.referenced_table || keys.other.size() != fk.columns.size()) {
        continue;
      }
      bool all = true;
      for (size_t i = 0; i < fk.columns.size() && all; ++i) {
        bool found = false;
        for (size_t k = 0; k < keys.other.size(); ++k) {
          found |= keys.other[k].column == fk.columns[i] &&
                   keys.joined[k].column == fk.referenced_columns[i];
        }
        all = found;
      }
      matched = all;
      if (matched) break;
    }
    if (matched) continue;
    // A join on these very columns whose table is missing (LKML301) would have followed the
    // key: this finding is that one's cascade, folded into it (semantic/root_causes.h).
    Span cause;
    for (const semantic::Join& join : scope.explore().joins) {
      const semantic::ScopeEntry* joined = scope.find(join.name);
      if (!joined || !joined->view) continue;
      const ViewRelation& jrel = ctx.relationOf(*joined->view);
      if (jrel.kind != ViewRelation::Kind::Unresolved || !jrel.missing_span.valid()) continue;
      std::set<std::string> columns;  // of the base table, used by the join's condition
      auto use = [&](const std::string& field_name) {
        const semantic::Field* f = base->view->findField(field_name);
        if (!f) return;
        if (auto item = keyItemFor(ctx, *base->view, *f, relation)) columns.insert(item->column);
      };
      for (const semantic::SqlReference& ref : semantic::findSqlReferences(join.sql_on.text)) {
        if (ref.kind == semantic::SqlReference::Kind::ViewField && ref.view == base->alias) {
          use(ref.field);
        }
      }
      if (join.foreign_key.present()) use(join.foreign_key.text);
      bool all = !fk.columns.empty();
      for (const std::string& c : fk.columns) all = all && columns.count(c);
      if (all) cause = jrel.missing_span;
    }
    std::string cols, refs;
    for (size_t i = 0; i < fk.columns.size(); ++i) {
      cols += (i ? ", " : "") + catalog::formatIdentifier(fk.columns[i]);
      refs += (i ? ", " : "") + catalog::formatIdentifier(fk.referenced_columns[i]);
    }
    std::string target = catalog::formatIdentifier(fk.referenced_schema) + "." +
                         catalog::formatIdentifier(fk.referenced_table);
    Diagnostic d = makeSchemaDiagnostic(
        SchemaCode::foreign_key_without_join, scope.explore().name_span,
        "explore `" + scope.explore().name + "`: foreign key " + relation.relation->displayName() +
            " (" + cols + ") references " + target + " (" + refs + "), but no join follows it");
    d.help = "join a view of " + target + " on (" + cols + ") if users need it";
    d.cause = cause;
    ctx.sink.report(std::move(d));
  }
}

}  // namespace

void checkPrimaryKeys(CheckContext& ctx) {
  for (const semantic::View* view : checkedViews(ctx.model)) {
    if (ctx.failed()) return;
    checkPrimaryKey(ctx, *view);
  }
}

void checkJoins(CheckContext& ctx) {
  for (const semantic::Explore& explore : ctx.model.explores) {
    if (explore.extension_required || !ctx.model.findView(explore.view)) continue;
    semantic::ExploreScope scope(ctx.model, explore);
    std::vector<JoinKeys> all_keys;
    for (const semantic::Join& join : explore.joins) {
      if (ctx.failed()) return;
      JoinKeys keys = joinKeys(ctx, scope, join);
      if (keys.ok && keys.joined_entry && keys.joined_entry->view) checkJoin(ctx, join, keys);
      all_keys.push_back(std::move(keys));
    }
    checkForeignKeys(ctx, scope, all_keys);
  }
}

}  // namespace lkml::schema
