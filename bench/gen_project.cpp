// lkml_gen_project: writes a deterministic synthetic LookML project for benchmarks.
//
//   lkml_gen_project --views N --fields M --out DIR [--seed S] [--models K]
//   lkml_gen_project --fields M --single-file FILE --size-mb S
//
// A project is shaped like the real blocks in shared/lookml-corpus and is semantically valid:
// every `${field}`, `view.field`, set, access grant, datagroup, constant, extends and
// refinement target resolves. Layout:
//   manifest.lkml                  project_name and constants (@{SCHEMA}, @{CONNECTION})
//   gen.model.lkml                 connection, include globs, datagroup, access grants
//   views/_base.view.lkml          `extension: required` base views
//   views/<name>.view.lkml         one to three concrete views per file
//   refinements/<name>.view.lkml   `view: +name` refinements of some views
//   explores/<name>.explore.lkml   explores with 2-5 joins, access filters, some extends
//   bench-query.json               a Looker query JSON on the first explore (`lkml sql --query`)
// With --models K (K > 1) the explores are split across K models gen_1 ... gen_K (explore files
// in explores/<k>/), and every model includes every view and refinement: the shape of company
// repositories with tens of models over one set of views.
// N counts every `view:` definition (bases included, refinements not); M is the number of
// fields (dimensions, dimension groups, measures) each concrete view ends up with.
// Same arguments, same bytes: all randomness comes from a seeded splitmix64.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n).
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
  /// Uniform in [lo, hi].
  size_t between(size_t lo, size_t hi) { return lo + below(hi - lo + 1); }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <typename T, size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

 private:
  uint64_t state_;
};

// ---------------------------------------------------------------------------------------------
// Vocabulary: table names and column names of the kind found in real Looker blocks.

const char* const kEntities[] = {
    "orders",          "order_items", "customers",    "products",
    "inventory_items", "users",       "events",       "sessions",
    "page_views",      "campaigns",   "ad_groups",    "ads",
    "invoices",        "payments",    "refunds",      "subscriptions",
    "plans",           "accounts",    "contacts",     "leads",
    "opportunities",   "tickets",     "agents",       "shipments",
    "carriers",        "warehouses",  "suppliers",    "purchase_orders",
    "stores",          "employees",   "departments",  "transactions",
    "ledger_entries",  "budgets",     "forecasts",    "experiments",
    "variants",        "devices",     "app_installs", "reviews",
    "categories",      "brands",      "promotions",   "coupons",
    "carts",           "returns",     "deliveries",   "territories",
    "calls",           "emails",      "surveys",      "survey_responses",
    "courses",         "enrollments", "vehicles",     "trips",
    "drivers",         "bookings",    "listings",     "messages",
};
const char* const kBaseNames[] = {"base_entity", "base_event",   "base_fact",
                                  "base_record", "base_audited", "base_snapshot"};
const char* const kStringColumns[] = {
    "name",        "email",        "city",           "state",        "country",
    "postal_code", "category",     "channel",        "source",       "medium",
    "brand",       "department",   "segment",        "currency",     "language",
    "platform",    "browser",      "device_type",    "title",        "sku",
    "description", "url",          "phone",          "company",      "plan_name",
    "referrer",    "utm_campaign", "payment_method", "carrier_name", "priority",
};
const char* const kNumberColumns[] = {
    "quantity",         "price",      "cost",        "discount",    "tax",
    "shipping_cost",    "revenue",    "margin",      "score",       "rating",
    "duration_seconds", "age",        "weight_kg",   "distance_km", "balance",
    "num_items",        "page_count", "retry_count",
};
const char* const kYesnoColumns[] = {
    "is_active",  "is_test",     "is_returned",  "is_paid",     "is_first_purchase",
    "is_deleted", "is_internal", "has_discount", "is_verified", "is_churned"};
const char* const kGroupLabels[] = {"Attributes", "Financials",  "Geography", "Marketing",
                                    "Status",     "Identifiers", "Engagement"};
const char* const kStatuses[] = {"complete", "pending", "cancelled", "shipped", "returned"};
const char* const kRegions[] = {"EMEA", "AMER", "APAC", "LATAM"};

// ---------------------------------------------------------------------------------------------
// The plan: names and fields of every view, decided before any text is written so that
// references (foreign keys, joins, sets, filters) only ever name things that exist.

enum class FieldKind { Dimension, DimensionGroup, Measure };

struct Field {
  FieldKind kind;
  std::string name;
  std::string body;  // the lines inside `kind: name { ... }`
};

struct View {
  std::string name;
  std::string base;  // extends this base view, or empty
  bool is_base = false;
  bool derived = false;
  std::vector<std::string> fks;         // foreign key dimensions
  std::vector<std::string> fk_targets;  // concrete view index of fks[i] (as a name)
  std::vector<std::string> excludable;  // plain dimensions nothing else references
  std::vector<std::string> detail;      // the `detail` set
  std::vector<Field> fields;
  std::set<std::string> names;  // every field name visible in the view (inherited too)
};

std::string capitalise(const std::string& name) {
  std::string out;
  bool up = true;
  for (char c : name) {
    if (c == '_') {
      out += ' ';
      up = true;
    } else {
      out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      up = false;
    }
  }
  return out;
}

class Planner {
 public:
  Planner(size_t views, size_t fields, uint64_t seed) : rng_(seed), fields_(fields) {
    size_t bases = views >= 4 ? std::max<size_t>(1, std::min<size_t>(6, views / 25)) : 0;
    size_t concrete = views - bases;
    for (size_t b = 0; b < bases; ++b) views_.push_back(planBase(kBaseNames[b]));
    base_count_ = bases;
    constexpr size_t kEntityCount = sizeof(kEntities) / sizeof(kEntities[0]);
    for (size_t i = 0; i < concrete; ++i) {
      View v;
      v.name = kEntities[i % kEntityCount];
      if (i >= kEntityCount) v.name += "_" + std::to_string(i / kEntityCount + 1);
      views_.push_back(std::move(v));
    }
    for (size_t i = 0; i < concrete; ++i) planConcrete(i);
  }

  std::vector<View>& views() { return views_; }
  size_t baseCount() const { return base_count_; }
  size_t concreteCount() const { return views_.size() - base_count_; }
  View& concrete(size_t i) { return views_[base_count_ + i]; }
  Rng& rng() { return rng_; }

 private:
  static std::string dimGroupBody(const std::string& column) {
    return "    type: time\n"
           "    timeframes: [raw, time, date, week, month, quarter, year]\n"
           "    sql: ${TABLE}." +
           column + " ;;\n";
  }

  View planBase(const char* name) {
    View v;
    v.name = name;
    v.is_base = true;
    add(v, FieldKind::Dimension, "id",
        "    primary_key: yes\n    type: number\n    sql: ${TABLE}.id ;;\n");
    add(v, FieldKind::DimensionGroup, "created", dimGroupBody("created_at"));
    add(v, FieldKind::DimensionGroup, "updated", dimGroupBody("updated_at"));
    add(v, FieldKind::Measure, "count", "    type: count\n");
    return v;
  }

  static void add(View& v, FieldKind kind, const std::string& name, std::string body) {
    v.fields.push_back({kind, name, std::move(body)});
    v.names.insert(name);
  }

  // A field name not yet used in the view: `price`, then `price_2`, ...
  static std::string unique(const View& v, const std::string& wanted) {
    if (!v.names.count(wanted)) return wanted;
    for (int n = 2;; ++n) {
      std::string candidate = wanted + "_" + std::to_string(n);
      if (!v.names.count(candidate)) return candidate;
    }
  }

  size_t fieldCount(const View& v) const {
    size_t n = v.fields.size();
    if (!v.base.empty()) {
      for (const View& b : views_) {
        if (b.name == v.base) n += b.fields.size();
      }
    }
    return n;
  }

  std::string decorate(const std::string& name) {
    std::string out;
    if (rng_.chance(30)) out += "    label: \"" + capitalise(name) + "\"\n";
    if (rng_.chance(35)) {
      out += "    description: \"The " + capitalise(name) + " of the record, as loaded by the " +
             "nightly ETL job.\"\n";
    }
    if (rng_.chance(40))
      out += "    group_label: \"" + std::string(rng_.pick(kGroupLabels)) + "\"\n";
    if (rng_.chance(15)) out += "    hidden: yes\n";
    return out;
  }

  void planConcrete(size_t i) {
    View& v = concrete(i);
    const size_t concrete_views = concreteCount();
    if (base_count_ > 0 && rng_.chance(30)) {
      const View& base = views_[rng_.below(base_count_)];
      v.base = base.name;
      v.names = base.names;
    }
    v.derived = rng_.chance(6);
    const bool has_updated = !v.base.empty() || rng_.chance(40);
    if (v.base.empty()) {
      add(v, FieldKind::Dimension, "id",
          "    primary_key: yes\n    type: number\n    sql: ${TABLE}.id ;;\n");
    }
    add(v, FieldKind::Dimension, "status",
        "    type: string\n    sql: ${TABLE}.status ;;\n" + decorate("status") +
            "    html: {% if value == 'cancelled' %}<span style=\"color: red\">{{ rendered_value "
            "}}</span>{% else %}{{ rendered_value }}{% endif %} ;;\n");
    add(v, FieldKind::Dimension, "region",
        "    type: string\n    sql: ${TABLE}.region ;;\n    group_label: \"Geography\"\n");
    add(v, FieldKind::Dimension, "amount",
        "    type: number\n    sql: ${TABLE}.amount ;;\n    value_format_name: usd\n");
    // Foreign keys to the next concrete views (joined by explores).
    for (size_t step : {1, 2, 5}) {
      if (concrete_views <= step) break;
      size_t target = (i + step) % concrete_views;
      const std::string& target_name = concrete(target).name;
      if (std::find(v.fk_targets.begin(), v.fk_targets.end(), target_name) != v.fk_targets.end())
        continue;
      std::string fk = unique(v, target_name + "_id");
      add(v, FieldKind::Dimension, fk,
          "    type: number\n    hidden: yes\n    sql: ${TABLE}." + fk + " ;;\n");
      v.fks.push_back(fk);
      v.fk_targets.push_back(target_name);
    }
    if (v.base.empty()) {
      add(v, FieldKind::DimensionGroup, "created", dimGroupBody("created_at"));
      if (has_updated) add(v, FieldKind::DimensionGroup, "updated", dimGroupBody("updated_at"));
      add(v, FieldKind::Measure, "count", "    type: count\n    drill_fields: [detail*]\n");
    }
    add(v, FieldKind::Measure, "total_amount",
        "    type: sum\n    sql: ${amount} ;;\n    value_format_name: usd\n");
    if (i == 0) {
      // Every project requires both access grants somewhere (an unused grant is a warning).
      add(v, FieldKind::Dimension, "email",
          "    type: string\n    sql: ${TABLE}.email ;;\n    required_access_grants: "
          "[can_see_pii]\n");
    }

    // The rest: a mix of plain columns, derived dimensions and measures, until M fields.
    std::vector<std::string> numbers = {"amount"};
    std::vector<std::string> number_measures = {"total_amount"};
    size_t plain = 0;
    while (fieldCount(v) < fields_) {
      size_t roll = rng_.below(100);
      if (roll < 30) {
        std::string name = unique(v, rng_.pick(kStringColumns));
        std::string body = "    type: string\n    sql: ${TABLE}." + name + " ;;\n" + decorate(name);
        if (name.rfind("email", 0) == 0 || name.rfind("phone", 0) == 0) {
          body += "    required_access_grants: [can_see_pii]\n";
        } else if (name.rfind("url", 0) == 0 && rng_.chance(70)) {
          body +=
              "    link: {\n      label: \"Open page\"\n      url: \"{{ value }}\"\n"
              "      icon_url: \"https://www.google.com/s2/favicons?domain=example.com\"\n    }\n";
        }
        add(v, FieldKind::Dimension, name, body);
        if (plain++ % 3 == 0) v.excludable.push_back(name);
      } else if (roll < 48) {
        std::string name = unique(v, rng_.pick(kNumberColumns));
        std::string body = "    type: number\n    sql: ${TABLE}." + name + " ;;\n" + decorate(name);
        if (rng_.chance(30)) body += "    value_format_name: decimal_2\n";
        add(v, FieldKind::Dimension, name, body);
        numbers.push_back(name);
      } else if (roll < 56) {
        std::string name = unique(v, rng_.pick(kYesnoColumns));
        std::string body = rng_.chance(50)
                               ? "    type: yesno\n    sql: ${TABLE}." + name + " ;;\n"
                               : "    type: yesno\n    sql: ${" +
                                     numbers[rng_.below(numbers.size())] + "} > 100 ;;\n";
        add(v, FieldKind::Dimension, name, body);
      } else if (roll < 62) {
        const std::string& source = numbers[rng_.below(numbers.size())];
        std::string name = unique(v, source + "_tier");
        add(v, FieldKind::Dimension, name,
            "    type: tier\n    tiers: [0, 10, 50, 100, 500, 1000]\n    style: integer\n"
            "    sql: ${" +
                source + "} ;;\n");
      } else if (roll < 68) {
        const std::string& source = numbers[rng_.below(numbers.size())];
        std::string name = unique(v, source + "_bucket");
        add(v, FieldKind::Dimension, name,
            "    type: string\n    sql: CASE\n"
            "        WHEN ${" +
                source +
                "} < 10 THEN 'small'\n"
                "        WHEN ${" +
                source +
                "} < 100 THEN 'medium'\n"
                "        WHEN ${status} = 'cancelled' THEN 'void'\n"
                "        ELSE 'large'\n      END ;;\n" +
                decorate(name));
      } else if (roll < 72) {
        std::string name = unique(v, "amount_local");
        add(v, FieldKind::Dimension, name,
            "    type: number\n"
            "    sql: {% if _user_attributes['currency'] == 'EUR' %} ${TABLE}.amount_eur\n"
            "      {% else %} ${amount} {% endif %} ;;\n    value_format_name: decimal_2\n");
      } else if (roll < 80) {
        const char* types[] = {"sum", "average", "max", "min"};
        const char* type = rng_.pick(types);
        const std::string& source = numbers[rng_.below(numbers.size())];
        std::string name =
            unique(v, std::string(type == std::string("sum") ? "total" : type) + "_" + source);
        add(v, FieldKind::Measure, name,
            "    type: " + std::string(type) + "\n    sql: ${" + source + "} ;;\n" +
                (rng_.chance(50) ? "    value_format_name: decimal_2\n" : ""));
        number_measures.push_back(name);
      } else if (roll < 86) {
        std::string status = rng_.pick(kStatuses);
        for (int tries = 0; tries < 4 && v.names.count(status + "_count"); ++tries) {
          status = rng_.pick(kStatuses);
        }
        std::string name = unique(v, status + "_count");
        add(v, FieldKind::Measure, name,
            "    type: count\n    filters: [status: \"" + status + "\"]\n");
      } else if (roll < 90) {
        std::string region = rng_.pick(kRegions);
        std::string lower = region;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::string name = unique(v, "total_amount_" + lower);
        add(v, FieldKind::Measure, name,
            "    type: sum\n    sql: ${amount} ;;\n    filters: [region: \"" + region +
                "\", status: \"-cancelled\"]\n    value_format_name: usd\n");
      } else if (roll < 94 && !v.fks.empty()) {
        const std::string& fk = v.fks[rng_.below(v.fks.size())];
        std::string name = unique(v, "distinct_" + fk.substr(0, fk.size() - 3));
        add(v, FieldKind::Measure, name, "    type: count_distinct\n    sql: ${" + fk + "} ;;\n");
      } else if (roll < 97) {
        const std::string& num = number_measures[rng_.below(number_measures.size())];
        std::string name = unique(v, num + "_per_record");
        add(v, FieldKind::Measure, name,
            "    type: number\n    sql: 1.0 * ${" + num +
                "} / NULLIF(${count}, 0) ;;\n"
                "    value_format_name: decimal_2\n");
      } else if (has_updated && !v.names.count("since_created")) {
        add(v, FieldKind::DimensionGroup, "since_created",
            "    type: duration\n    intervals: [hour, day, week, month]\n"
            "    sql_start: ${created_raw} ;;\n    sql_end: ${updated_raw} ;;\n");
      }
    }
    v.detail = {"id", "status", "region", "amount", "created_date"};
    for (size_t k = 0; k < v.excludable.size() && k < 3; ++k) v.detail.push_back(v.excludable[k]);
    // Keep one excludable dimension out of the detail set so explores can drop it safely.
    if (v.excludable.size() > 3)
      v.excludable.erase(v.excludable.begin(), v.excludable.begin() + 3);
    else
      v.excludable.clear();
  }

  Rng rng_;
  size_t fields_;
  size_t base_count_ = 0;
  std::vector<View> views_;
};

// ---------------------------------------------------------------------------------------------
// Writers.

const char* kindKeyword(FieldKind kind) {
  switch (kind) {
    case FieldKind::Dimension:
      return "dimension";
    case FieldKind::DimensionGroup:
      return "dimension_group";
    case FieldKind::Measure:
      return "measure";
  }
  return "dimension";
}

std::string list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

void writeView(std::string& out, const View& v) {
  out += "view: " + v.name + " {\n";
  if (v.is_base) {
    out += "  extension: required\n\n";
  } else {
    if (!v.base.empty()) out += "  extends: [" + v.base + "]\n";
    if (v.derived) {
      out += "  derived_table: {\n    sql: SELECT *\n      FROM @{SCHEMA}." + v.name +
             "\n      WHERE NOT is_deleted ;;\n    datagroup_trigger: gen_default\n  }\n\n";
    } else {
      out += "  sql_table_name: @{SCHEMA}." + v.name + " ;;\n\n";
    }
  }
  // Dimensions first, then dimension groups, then measures, as in hand-written views.
  bool first = true;
  for (FieldKind kind : {FieldKind::Dimension, FieldKind::DimensionGroup, FieldKind::Measure}) {
    for (const Field& f : v.fields) {
      if (f.kind != kind) continue;
      out += first ? "  " : "\n  ";
      out += kindKeyword(kind);
      out += ": " + f.name + " {\n" + f.body + "  }\n";
      first = false;
    }
  }
  if (!v.is_base) {
    out += "\n  # Fields shown when drilling into a count.\n";
    out += "  set: detail {\n    fields: " + list(v.detail) + "\n  }\n";
  }
  out += "}\n";
}

void writeRefinement(std::string& out, const View& v, Rng& rng) {
  out += "# Refinement: adds business logic on top of the generated `" + v.name + "` view.\n";
  out += "view: +" + v.name + " {\n";
  out += "  dimension: status {\n    label: \"" + capitalise(v.name) + " Status\"\n  }\n\n";
  out += "  dimension: is_high_value {\n    type: yesno\n    sql: ${amount} >= " +
         std::to_string(rng.between(100, 5000)) + " ;;\n  }\n\n";
  out +=
      "  measure: high_value_count {\n    type: count\n    filters: [is_high_value: \"yes\"]\n"
      "  }\n}\n";
}

struct Join {
  std::string alias;
  std::string from;  // set when alias differs from the view
  std::string sql_on;
  std::string relationship;
  bool leaf = true;
};

class ExploreWriter {
 public:
  explicit ExploreWriter(Planner& plan) : plan_(plan), rng_(plan.rng()) {}

  // Joins reachable from `root` by foreign keys: direct ones, one chained hop, one alias.
  std::vector<Join> joins(const View& root, size_t wanted) {
    std::vector<Join> out;
    std::set<std::string> used = {root.name};
    for (size_t k = 0; k < root.fks.size() && out.size() < wanted; ++k) {
      const std::string& target = root.fk_targets[k];
      if (!used.insert(target).second) continue;
      out.push_back({target, "", "${" + root.name + "." + root.fks[k] + "} = ${" + target + ".id}",
                     "many_to_one"});
    }
    if (!out.empty() && out.size() < wanted) {
      // Chained: a view joined through the first joined view.
      const View& mid = find(out.front().alias);
      for (size_t k = 0; k < mid.fks.size() && out.size() < wanted; ++k) {
        const std::string& target = mid.fk_targets[k];
        if (!used.insert(target).second) continue;
        out.front().leaf = false;
        out.push_back({target, "", "${" + mid.name + "." + mid.fks[k] + "} = ${" + target + ".id}",
                       "many_to_one"});
        break;
      }
    }
    if (!root.fks.empty() && out.size() < wanted) {
      // A second role of the same table (buyer/seller style), joined under an alias.
      std::string alias = root.fk_targets[0] + "_secondary";
      out.push_back({alias, root.fk_targets[0],
                     "${" + root.name + "." + root.fks[0] + "} = ${" + alias + ".id}",
                     "many_to_one"});
    }
    return out;
  }

  /// A Looker query JSON on the first explore written, for `lkml sql --query`.
  std::string queryJson() const {
    std::string json =
        "{\n  \"model\": \"gen\",\n  \"view\": \"" + query_explore_ + "\",\n  \"fields\": [";
    for (size_t i = 0; i < query_fields_.size(); ++i) {
      json += (i ? ", \"" : "\"") + query_fields_[i] + "\"";
    }
    return json + "],\n  \"sorts\": [\"" + query_fields_.back() +
           " desc\"],\n  \"limit\": \"500\"\n}\n";
  }

  void writeJoin(std::string& out, const Join& j, bool restrict_fields) {
    out += "  join: " + j.alias + " {\n";
    if (!j.from.empty()) out += "    from: " + j.from + "\n";
    out += "    type: left_outer\n    relationship: " + j.relationship + "\n";
    out += "    sql_on: " + j.sql_on + " ;;\n";
    if (restrict_fields && j.leaf) out += "    fields: [status, detail*]\n";
    if (rng_.chance(10)) out += "    required_access_grants: [can_see_finance]\n";
    out += "  }\n";
  }

  void writeHeader(std::string& out, const View& root) {
    out += "  label: \"" + capitalise(root.name) + "\"\n";
    if (rng_.chance(50)) {
      out += "  description: \"Analysis of " + capitalise(root.name) + " with related records.\"\n";
    }
  }

  void writeFilters(std::string& out, const View& root) {
    if (rng_.chance(40)) out += "  sql_always_where: ${" + root.name + ".status} != 'deleted' ;;\n";
    if (rng_.chance(30)) {
      out += "  always_filter: {\n    filters: [" + root.name +
             ".created_date: \"last 90 days\"]\n  }\n";
    }
    if (rng_.chance(35)) {
      out += "  access_filter: {\n    field: " + root.name +
             ".region\n    user_attribute: region\n  }\n";
    }
    if (rng_.chance(20) || first_) out += "  required_access_grants: [can_see_finance]\n";
    first_ = false;
    if (!root.excludable.empty() && rng_.chance(40)) {
      out += "  fields: [ALL_FIELDS*, -" + root.name + "." + root.excludable.front() + "]\n";
    }
  }

  /// Writes one explore for `root` (and sometimes an extension of it) to `out`.
  void write(std::string& out, const View& root) {
    std::vector<Join> all = joins(root, rng_.between(2, 5));
    size_t style = rng_.below(10);
    bool restrict = rng_.chance(25);
    if (query_explore_.empty()) {
      // The benchmark's fixed `lkml sql` query: the first explore, its root and first join.
      query_explore_ = root.name + (style == 0 && all.size() >= 2 ? "_analysis" : "");
      query_fields_ = {root.name + ".status", root.name + ".count"};
      if (!all.empty()) query_fields_.insert(query_fields_.begin() + 1, all[0].alias + ".status");
    }
    if (style == 0 && all.size() >= 2) {
      // An abstract base explore and a concrete one that extends it with more joins.
      size_t split = all.size() / 2;
      out += "explore: " + root.name + "_base {\n  extension: required\n  view_name: " + root.name +
             "\n";
      writeFilters(out, root);
      for (size_t k = 0; k < split; ++k) writeJoin(out, all[k], restrict);
      out += "}\n\n";
      out += "explore: " + root.name + "_analysis {\n  extends: [" + root.name +
             "_base]\n  view_name: " + root.name + "\n";
      writeHeader(out, root);
      for (size_t k = split; k < all.size(); ++k) writeJoin(out, all[k], restrict);
      out += "}\n";
      return;
    }
    out += "explore: " + root.name + " {\n";
    writeHeader(out, root);
    writeFilters(out, root);
    out += "\n";
    size_t keep = style == 1 && all.size() >= 2 ? all.size() - 1 : all.size();
    for (size_t k = 0; k < keep; ++k) writeJoin(out, all[k], restrict);
    out += "}\n";
    if (keep < all.size()) {
      // A plain explore extended by another that adds the last join.
      out += "\nexplore: " + root.name + "_extended {\n  extends: [" + root.name +
             "]\n  view_name: " + root.name + "\n  label: \"" + capitalise(root.name) +
             " (extended)\"\n";
      for (size_t k = keep; k < all.size(); ++k) writeJoin(out, all[k], restrict);
      out += "}\n";
    }
  }

 private:
  const View& find(const std::string& name) {
    for (const View& v : plan_.views()) {
      if (v.name == name) return v;
    }
    std::fprintf(stderr, "internal error: no view %s\n", name.c_str());
    std::abort();
  }

  Planner& plan_;
  Rng& rng_;
  bool first_ = true;  // the first explore always requires a grant (see planConcrete)
  std::string query_explore_;
  std::vector<std::string> query_fields_;
};

// ---------------------------------------------------------------------------------------------
// Output.

bool writeFile(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) {
    std::fprintf(stderr, "lkml_gen_project: cannot write %s\n", path.string().c_str());
    return false;
  }
  return true;
}

const char kManifest[] =
    "project_name: \"gen_project\"\n\n"
    "# Constants used by every view and the model.\n"
    "constant: SCHEMA {\n  value: \"analytics\"\n  export: override_optional\n}\n\n"
    "constant: CONNECTION {\n  value: \"warehouse\"\n  export: override_optional\n}\n";

// The model; the refinements include is added only when there are refinements (an include
// that matches no file is a warning).
const char kModelHeader[] =
    "connection: \"@{CONNECTION}\"\n\n"
    "# Views first, then their refinements, then the explores that join them.\n"
    "include: \"/views/*.view.lkml\"\n";
const char kModelRefinements[] = "include: \"/refinements/*.view.lkml\"\n";
const char kModel[] =
    "include: \"/explores/*.explore.lkml\"\n\n"
    "datagroup: gen_default {\n"
    "  sql_trigger: SELECT MAX(updated_at) FROM @{SCHEMA}.etl_log ;;\n"
    "  max_cache_age: \"24 hours\"\n}\n\n"
    "persist_with: gen_default\n\n"
    "access_grant: can_see_pii {\n"
    "  user_attribute: department\n"
    "  allowed_values: [\"security\", \"support\"]\n}\n\n"
    "access_grant: can_see_finance {\n"
    "  user_attribute: department\n"
    "  allowed_values: [\"finance\", \"executive\"]\n}\n";

int generateProject(size_t views, size_t fields, uint64_t seed, size_t models,
                    const fs::path& dir) {
  Planner plan(views, fields, seed);
  Rng& rng = plan.rng();
  std::error_code ec;
  fs::remove_all(dir / "views", ec);
  fs::remove_all(dir / "refinements", ec);
  fs::remove_all(dir / "explores", ec);
  if (!writeFile(dir / "manifest.lkml", kManifest)) return 1;
  const bool has_refinements = plan.concreteCount() > 3;  // views 3, 10, 17, ... are refined
  const std::string header = std::string(kModelHeader) + (has_refinements ? kModelRefinements : "");
  if (plan.baseCount() > 0) {
    std::string text = "# Abstract views extended by the concrete ones.\n";
    for (size_t b = 0; b < plan.baseCount(); ++b) {
      text += "\n";
      writeView(text, plan.views()[b]);
    }
    if (!writeFile(dir / "views" / "_base.view.lkml", text)) return 1;
  }
  // Concrete views, one to three per file.
  const size_t concrete = plan.concreteCount();
  for (size_t i = 0; i < concrete;) {
    size_t per_file = rng.chance(80) ? 1 : rng.between(2, 3);
    std::string text;
    const std::string file = plan.concrete(i).name;
    for (size_t k = 0; k < per_file && i < concrete; ++k, ++i) {
      if (k) text += "\n";
      writeView(text, plan.concrete(i));
    }
    if (!writeFile(dir / "views" / (file + ".view.lkml"), text)) return 1;
  }
  // Refinements of every seventh view, a few per file.
  std::vector<size_t> refined;
  for (size_t i = 3; i < concrete; i += 7) refined.push_back(i);
  for (size_t r = 0; r < refined.size();) {
    std::string text;
    const std::string file = plan.concrete(refined[r]).name;
    for (size_t k = 0; k < 4 && r < refined.size(); ++k, ++r) {
      if (k) text += "\n";
      writeRefinement(text, plan.concrete(refined[r]), rng);
    }
    if (!writeFile(dir / "refinements" / (file + ".view.lkml"), text)) return 1;
  }
  // Explores rooted at every third view, one to four per file.
  ExploreWriter explores(plan);
  std::set<size_t> explore_folders;
  std::vector<size_t> roots;
  for (size_t i = 0; i < concrete; i += 3) roots.push_back(i);
  for (size_t r = 0; r < roots.size();) {
    size_t per_file = rng.between(1, 4);
    std::string text = "include: \"/views/*.view.lkml\"\n";
    const std::string file = plan.concrete(roots[r]).name;
    for (size_t k = 0; k < per_file && r < roots.size(); ++k, ++r) {
      text += "\n";
      explores.write(text, plan.concrete(roots[r]));
    }
    // Consecutive explore files go to the same model (model k gets about the k-th share).
    const size_t share = 1 + (r - 1) * models / roots.size();
    const fs::path folder =
        models <= 1 ? dir / "explores" : dir / "explores" / std::to_string(share);
    if (!writeFile(folder / (file + ".explore.lkml"), text)) return 1;
    explore_folders.insert(share);
  }
  // With more models than explore folders, models share the folders round robin.
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() > 11 && name.compare(name.size() - 11, 11, ".model.lkml") == 0)
      fs::remove(e.path(), ec);  // a previous run's models (another --models)
  }
  if (models <= 1) {
    if (!writeFile(dir / "gen.model.lkml", header + kModel)) return 1;
  } else {
    const std::vector<size_t> folders(explore_folders.begin(), explore_folders.end());
    for (size_t m = 1; m <= models; ++m) {
      std::string text(kModel);
      const size_t folder = folders[(m - 1) % folders.size()];
      text.replace(text.find("/explores/"), 10, "/explores/" + std::to_string(folder) + "/");
      if (!writeFile(dir / ("gen_" + std::to_string(m) + ".model.lkml"), header + text)) return 1;
    }
  }
  // Not LookML (the loader reads *.lkml only): the query `make bench` times with `lkml sql`.
  std::string query = explores.queryJson();
  // The first explore is in model gen_1 when there are several.
  if (models > 1) query.replace(query.find("\"gen\""), 5, "\"gen_1\"");
  if (!writeFile(dir / "bench-query.json", query)) return 1;
  return 0;
}

// One file of views (bases first), at least `megabytes` MB: the whole project's views, with
// the view count doubled until the text is large enough, then cut at a view boundary.
int generateSingleFile(size_t fields, uint64_t seed, double megabytes, const fs::path& path) {
  const size_t wanted = static_cast<size_t>(megabytes * 1024 * 1024);
  for (size_t views = 64;; views *= 2) {
    Planner plan(views, fields, seed);
    std::string text = "# Generated by lkml_gen_project --single-file.\n";
    for (const View& v : plan.views()) {
      text += "\n";
      writeView(text, v);
      if (text.size() >= wanted) return writeFile(path, text) ? 0 : 1;
    }
  }
}

void usage() {
  std::fprintf(stderr,
               "usage: lkml_gen_project --views N --fields M --out DIR [--seed S] [--models K]\n"
               "       lkml_gen_project [--fields M] --single-file FILE --size-mb S\n");
}

}  // namespace

int main(int argc, char** argv) {
  size_t views = 0, fields = 50, models = 1;
  uint64_t seed = 1;
  double size_mb = 0;
  std::string out, single;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        usage();
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--views")
      views = std::strtoull(value(), nullptr, 10);
    else if (arg == "--fields")
      fields = std::strtoull(value(), nullptr, 10);
    else if (arg == "--seed")
      seed = std::strtoull(value(), nullptr, 10);
    else if (arg == "--models")
      models = std::strtoull(value(), nullptr, 10);
    else if (arg == "--out")
      out = value();
    else if (arg == "--single-file")
      single = value();
    else if (arg == "--size-mb")
      size_mb = std::strtod(value(), nullptr);
    else {
      usage();
      return 2;
    }
  }
  if (fields < 8) fields = 8;  // the fixed fields (id, status, keys, created, count, ...)
  if (!single.empty()) {
    if (size_mb <= 0) {
      usage();
      return 2;
    }
    return generateSingleFile(fields, seed, size_mb, single);
  }
  if (out.empty() || views == 0) {
    usage();
    return 2;
  }
  return generateProject(views, fields, seed, models, out);
}
