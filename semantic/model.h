// The resolved LookML model: what semantic/ produces and codegen/ consumes. Built after
// includes, extends and refinements are applied; immutable afterwards. Every object keeps
// the spans where it was defined so later stages can point at the source.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/interned_string.h"
#include "base/rare.h"
#include "base/source_file.h"
#include "base/span.h"
#include "semantic/explore_source.h"

namespace lkml::semantic {

enum class FieldKind : uint8_t { Dimension, Measure, Filter, Parameter };
const char* fieldKindName(FieldKind kind);

/// A value written in the source, with where it was written.
struct SourceText {
  std::string text;
  Span span;
  bool present() const { return span.valid() || !text.empty(); }
};

struct MeasureFilter {
  std::string field;  // as written: `status` or `orders.status`
  std::string expression;
  Span span;
  Span expression_span;  // the value as written (with its quotes), when it has one
};

/// Parameters few fields have. Kept out of Field (a 1,000-view project has 60,000 fields) and
/// shared by the fields a dimension group expands into.
struct FieldDetails {
  // Each field with details has all of them, though it sets one or two: strings and lists are
  // RareString / RareVector (8 bytes while empty, see base/rare.h): 872 -> 480 bytes.
  RareString value_format;
  RareVector<std::string> tiers;
  RareString style;
  SourceText sql_distinct_key;
  RareString percentile;                   // percentile measures
  RareString list_field;                   // list measures
  RareVector<std::string> allowed_values;  // parameters
  RareString default_value;
  SourceText sql_start, sql_end;  // duration groups
  // `case: { when: { sql: ... ;; label: "..." } ... else: "..." }` on a dimension.
  struct CaseWhen {
    SourceText sql;
    std::string label;
  };
  RareVector<CaseWhen> case_whens;
  bool has_case_else = false;
  RareString case_else;
  bool alpha_sort = false;                 // case: sort by label, not case order
  RareString order_by_field;               // sort by another dimension's value
  SourceText sql_latitude, sql_longitude;  // type: location
  RareString start_location_field, end_location_field, units;  // type: distance
  int case_sensitive = -1;  // field-level case_sensitive: -1 unset (model's), 0 no, 1 yes
  /// Parameters lkml reads but cannot compile, though they change the field's SQL in Looker
  /// (name and where written); using the field is then an error (LKML435).
  RareVector<std::pair<std::string, Span>> uncompiled_parameters;
  // Liquid and `${}` here read other fields (the dependency closure follows them).
  SourceText html;
  RareVector<SourceText> links;  // every text of every `link` block (url, label, icon_url)
  RareVector<std::string> required_fields;
  RareVector<Span> required_field_spans;  // one per item of `required_fields`
  RareVector<std::string> tags;           // `tags: [...]`: "ci: ignore" skips it in `validate sql`
};

struct Field {
  // Members ordered largest first and the ones most fields leave empty held as RareString /
  // RareVector (8 bytes each, see base/rare.h), `type` and `view` interned (a few dozen texts
  // shared by every field, base/interned_string.h): 544 -> 256 bytes per field.
  std::string name;     // full name in the view: `id`, `created_date`, `days_enrolled`
  InternedString type;  // LookML type: string, number, yesno, time, count, sum, ...
  InternedString view;  // name of the view that owns the field
  SourceText sql;       // `sql:` (for dimension groups: the group's sql)
  RareString label, description, group_label;
  // The most common detail (on most measures): in FieldDetails, 480 bytes for one name.
  RareString value_format_name;
  RareVector<std::string> required_access_grants;
  RareVector<MeasureFilter> filters;  // measure `filters:`
  RareVector<std::string> drill_fields;
  RareVector<Span> drill_field_spans;  // one per drill_fields item

  // Dimension groups are expanded into one Field per timeframe / interval.
  RareString group;      // group name (`created`) or ""
  RareString timeframe;  // time groups: `date`, `month`, ...
  RareString interval;   // duration groups: `day`, `hour`, ...
  RareString datatype;   // time groups: timestamp (default), date, datetime, epoch, yyyymmdd

  Span grants_span;
  Span span;       // the whole field block
  Span name_span;  // the field name
  FieldKind kind = FieldKind::Dimension;
  bool sql_defaulted = false;  // no `sql:` given; dimension default is ${TABLE}.name
  bool primary_key = false;
  bool hidden = false;
  bool convert_tz = true;

  /// The rarely given parameters (all empty when the field has none).
  const FieldDetails& details() const;
  /// For lowering: the details to fill in, unshared first (copy on write).
  FieldDetails& mutableDetails();

  bool isMeasure() const { return kind == FieldKind::Measure; }
  bool isDimension() const { return kind == FieldKind::Dimension; }

 private:
  std::shared_ptr<FieldDetails> details_;
};

struct FieldSet {
  std::string name;
  std::vector<std::string> fields;
  std::vector<Span> field_spans;  // one per item of `fields`
  Span span;
};

struct View {
  std::string name;
  FileId file = kNoFile;
  Span span;  // the defining `view:` block
  Span name_span;
  std::string label;
  SourceText sql_table_name;     // may be empty: then derived_table or the view name
  SourceText derived_table_sql;  // derived_table.sql
  bool has_derived_table = false;
  bool native_derived_table = false;                    // derived_table.explore_source
  std::shared_ptr<const ExploreSource> explore_source;  // set when native_derived_table
  // derived_table.sql_create / create_process: a persistent derived table Looker builds itself
  // under a name in its scratch schema, which lkml cannot know. The key ("sql_create",
  // "create_process") or empty, and where it is written.
  std::string persisted_by;
  Span persisted_by_span;
  bool extension_required = false;
  std::vector<std::string> extends;
  std::vector<std::string> required_access_grants;
  Span grants_span;
  std::vector<std::string> drill_fields;  // the view's default drill_fields
  std::vector<Span> drill_field_spans;
  std::vector<Field> fields;
  // Open-addressing hash table of `fields` by name: index + 1 per slot, 0 when empty; a power
  // of two at least twice the number of fields. 4 bytes a slot instead of a 56-byte node per
  // field in an unordered_map. Built by indexFields().
  std::vector<uint32_t> field_index;
  std::vector<FieldSet> sets;
  std::vector<Span> refinements;  // where `view: +name` refined it, in application order

  const Field* findField(const std::string& field_name) const;
  /// (Re)builds field_index; the first of several fields with one name is the one found.
  void indexFields();
  const FieldSet* findSet(const std::string& set_name) const;
  /// The `primary_key: yes` dimension, if exactly one.
  const Field* primaryKey() const;
  /// Dimension group names (so `${created}` can be told "append a timeframe").
  bool hasGroup(const std::string& group_name) const;
};

enum class Relationship { ManyToOne, OneToMany, OneToOne, ManyToMany };
const char* relationshipName(Relationship r);
std::optional<Relationship> parseRelationship(const std::string& text);

enum class JoinType { LeftOuter, Inner, FullOuter, Cross };
const char* joinTypeName(JoinType t);
std::optional<JoinType> parseJoinType(const std::string& text);

struct Join {
  std::string name;  // the alias used in SQL and in `${name.field}`
  std::string view;  // the view joined (`from:`, default = name)
  JoinType type = JoinType::LeftOuter;
  Relationship relationship = Relationship::ManyToOne;
  bool relationship_given = false;
  SourceText sql_on;
  SourceText foreign_key;
  SourceText sql_where;
  SourceText sql;  // legacy `sql:` join: the complete JOIN clause, written by hand
  bool has_fields = false;
  std::vector<std::string> fields;
  std::vector<Span> field_spans;  // one per item of `fields`
  std::vector<std::string> required_joins;
  std::vector<Span> required_join_spans;
  std::vector<std::string> required_access_grants;
  Span grants_span;
  std::string view_label;
  Span span;
  Span name_span;
  Span from_span;  // the `from:` value, when given
};

struct FilterDefault {
  std::string field;
  std::string expression;
  Span span;
  Span expression_span;  // the value as written (with its quotes), when it has one
};

struct AccessFilter {
  std::string field;  // `view.field`
  std::string user_attribute;
  Span span;
  Span field_span;  // the `field:` value
};

struct Explore {
  std::string name;
  std::string view;   // base view (from / view_name / name)
  std::string alias;  // SQL alias and `${alias.f}` name of the base view
  FileId file = kNoFile;
  Span span;
  Span name_span;
  std::string label, description, group_label, view_label;
  bool hidden = false;
  bool extension_required = false;
  bool symmetric_aggregates = true;
  std::vector<std::string> extends;
  std::vector<Join> joins;
  bool has_fields = false;
  std::vector<std::string> fields;
  Span fields_span;
  std::vector<Span> field_spans;  // one per item of `fields`
  Span view_span;                 // the `from:` or `view_name:` value, when given
  SourceText sql_always_where;
  SourceText sql_always_having;
  std::vector<FilterDefault> always_filter;
  std::vector<FilterDefault> conditionally_filter;
  std::vector<std::string> conditionally_filter_unless;
  std::vector<AccessFilter> access_filters;
  std::vector<std::string> required_access_grants;
  Span grants_span;
  std::vector<std::string> always_join;
  std::vector<Span> always_join_spans;
  std::vector<Span> refinements;
  std::vector<std::string> tags;  // `tags: [...]`: "ci: ignore" skips it in `validate sql`

  const Join* findJoin(const std::string& alias_name) const;
};

struct AccessGrant {
  std::string name;
  std::string user_attribute;
  std::vector<std::string> allowed_values;
  Span span;
  Span name_span;
};

/// A model's views by name. The lowered views are immutable and shared: a view with the same
/// definition, refinements and `extends` inputs is lowered once and held by every model that
/// includes it (a repository of tens of models over one set of views would otherwise lower and
/// check each view once per model). Iterates like `std::map<std::string, View>`:
/// `for (const auto& [name, view] : model.views)` gives the name and a `const View&`.
class ViewMap {
  using Map = std::map<std::string, std::shared_ptr<const View>>;

 public:
  struct Entry {
    const std::string& first;
    const View& second;
  };
  class const_iterator {
   public:
    const_iterator() = default;
    explicit const_iterator(Map::const_iterator it) : it_(it) {}
    const_iterator(const const_iterator& o) : it_(o.it_) {}
    const_iterator& operator=(const const_iterator& o) {
      it_ = o.it_;
      entry_.reset();
      return *this;
    }
    /// An lvalue, so that `auto& [name, view]` binds as well as `const auto&`.
    const Entry& operator*() const {
      entry_.emplace(Entry{it_->first, *it_->second});
      return *entry_;
    }
    const Entry* operator->() const { return &**this; }
    const_iterator& operator++() {
      ++it_;
      entry_.reset();
      return *this;
    }
    bool operator==(const const_iterator& o) const { return it_ == o.it_; }
    bool operator!=(const const_iterator& o) const { return it_ != o.it_; }
    /// The shared view itself (to keep it alive, or to compare identities across models).
    const std::shared_ptr<const View>& shared() const { return it_->second; }

   private:
    Map::const_iterator it_;
    mutable std::optional<Entry> entry_;
  };
  using iterator = const_iterator;

  const_iterator begin() const { return const_iterator(map_.begin()); }
  const_iterator end() const { return const_iterator(map_.end()); }
  const_iterator find(const std::string& name) const { return const_iterator(map_.find(name)); }
  size_t count(const std::string& name) const { return map_.count(name); }
  size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  /// Throws std::out_of_range like std::map::at.
  const View& at(const std::string& name) const { return *map_.at(name); }
  /// Adds a view unless the name is taken (as std::map::emplace); the view is shared as is.
  bool emplace(const std::string& name, std::shared_ptr<const View> view) {
    return map_.emplace(name, std::move(view)).second;
  }
  bool emplace(const std::string& name, View view) {
    return emplace(name, std::make_shared<const View>(std::move(view)));
  }
  /// Puts `view` in place of the view called `name` (the language server patches a model
  /// after an edit).
  void replace(const std::string& name, std::shared_ptr<const View> view) {
    map_[name] = std::move(view);
  }
  const Map& shared() const { return map_; }

 private:
  Map map_;
};

struct Model {
  std::string name;  // file name without .model.lkml
  FileId file = kNoFile;
  std::string path;
  std::string connection;
  Span connection_span;
  std::string label;
  bool case_sensitive = true;
  std::string week_start_day = "monday";
  int fiscal_month_offset = 0;    // months the fiscal year starts after January (may be < 0)
  std::vector<FileId> files;      // every file the model includes, in include order
  bool imports_projects = false;  // includes `//other_project/...` that lkml cannot read
  ViewMap views;
  std::vector<Explore> explores;
  std::map<std::string, AccessGrant> access_grants;
  std::vector<DataTest> tests;  // `test:` blocks of the files the model includes

  const View* findView(const std::string& view_name) const;
  const Explore* findExplore(const std::string& explore_name) const;
};

struct Constant {
  std::string name;
  std::string value;
  Span span;
};

/// A loaded project: its sources, and one compiled Model per model file.
struct Project {
  std::string root;
  std::shared_ptr<SourceMap> sources;
  std::map<std::string, Constant> constants;  // manifest.lkml
  std::vector<Model> models;

  const Model* findModel(const std::string& model_name) const;
};

}  // namespace lkml::semantic
