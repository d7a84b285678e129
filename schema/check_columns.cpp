// LKML302 (column references exist) and LKML303/304 (field type against column type).
#include <set>

#include <cctype>

#include "catalog/identifier.h"
#include "catalog/warehouse_import.h"
#include "schema/check_context.h"
#include "schema/schema_diagnostics.h"

namespace lkml::schema {

namespace {

using catalog::TypeCategory;

enum class Expect { Any, Numeric, Temporal, Boolean, NumericOrString, Orderable };
enum class Fit { Ok, Mismatch, Uncertain };

Fit fits(Expect expect, TypeCategory c) {
  bool temporal = c == TypeCategory::TemporalDate || c == TypeCategory::TemporalTimestamp;
  switch (expect) {
    case Expect::Any:
      return Fit::Ok;
    case Expect::Numeric:
      if (c == TypeCategory::Numeric) return Fit::Ok;
      return c == TypeCategory::Other || c == TypeCategory::Json ? Fit::Uncertain : Fit::Mismatch;
    case Expect::Temporal:
      if (temporal) return Fit::Ok;
      return c == TypeCategory::Other || c == TypeCategory::Json ? Fit::Uncertain : Fit::Mismatch;
    case Expect::Boolean:
      if (c == TypeCategory::Boolean) return Fit::Ok;
      return c == TypeCategory::Other ? Fit::Uncertain : Fit::Mismatch;
    case Expect::NumericOrString:
      if (c == TypeCategory::Numeric || c == TypeCategory::String) return Fit::Ok;
      return c == TypeCategory::Other ? Fit::Uncertain : Fit::Mismatch;
    case Expect::Orderable:
      return c == TypeCategory::Boolean || c == TypeCategory::Json ? Fit::Mismatch : Fit::Ok;
  }
  return Fit::Ok;
}

const char* expectText(Expect expect) {
  switch (expect) {
    case Expect::Numeric:
      return "a numeric column";
    case Expect::Temporal:
      return "a date or timestamp column";
    case Expect::Boolean:
      return "a boolean expression";
    case Expect::NumericOrString:
      return "a number or text column (yyyymmdd)";
    case Expect::Orderable:
      return "a column with an ordering (not boolean or json)";
    case Expect::Any:
      break;
  }
  return "any column";
}

bool isNumberDimensionType(const std::string& t) {
  return t == "number" || t == "tier" || t == "bin" || t == "int";
}

bool isDateDimensionType(const std::string& t) {
  return t == "date" || t == "date_time" || t == "time" || t.rfind("date_", 0) == 0;
}

bool isNumericMeasureType(const std::string& t) {
  return t == "sum" || t == "average" || t == "sum_distinct" || t == "average_distinct" ||
         t == "median" || t == "median_distinct" || t == "percentile" || t == "percentile_distinct";
}

Expect groupExpectation(const semantic::Field& f) {
  if (f.datatype == "epoch") return Expect::Numeric;
  if (f.datatype == "yyyymmdd") return Expect::NumericOrString;
  return Expect::Temporal;
}

std::string typeHelp(const semantic::Field& f, Expect expect, TypeCategory c,
                     const std::string& column) {
  std::string col = "${TABLE}." + column;
  switch (expect) {
    case Expect::Numeric:
      if (f.datatype == "epoch") {
        return "remove `datatype: epoch`: the column already holds dates or times";
      }
      if (f.isMeasure()) {
        return "cast the value (`" + col + "::numeric`) or use a measure type that fits it " +
               "(count_distinct, min, max, list)";
      }
      return "use `type: string`, or cast the value: `sql: " + col + "::numeric ;;`";
    case Expect::Temporal:
      if (c == TypeCategory::Numeric) {
        return "for Unix timestamps add `datatype: epoch`; for numbers like 20240131 add "
               "`datatype: yyyymmdd`";
      }
      return "cast the value (`sql: " + col + "::timestamp ;;`), or add `datatype: yyyymmdd` " +
             "for text like '20240131'";
    case Expect::Boolean:
      return "write a condition (`sql: " + col + " = 1 ;;`), or use `type: string` or `number`";
    case Expect::NumericOrString:
      return "remove `datatype: yyyymmdd`: the column already holds dates or times";
    case Expect::Orderable:
      return "use a measure type that fits the column (count, count_distinct, list)";
    case Expect::Any:
      break;
  }
  return "";
}

std::string fieldDescription(const semantic::Field& f) {
  if (!f.group.empty()) {
    return "dimension_group `" + f.group +
           "` (type: " + (f.interval.empty() ? "time" : "duration") +
           (f.datatype.empty() || f.datatype == "timestamp" ? std::string()
                                                            : ", datatype: " + f.datatype) +
           ")";
  }
  return std::string(f.isMeasure() ? "measure" : "dimension") + " `" + f.name +
         "` (type: " + f.type + ")";
}

void checkType(CheckContext& ctx, const semantic::Field& f, Expect expect, const FieldColumn& fc,
               const ViewRelation& relation) {
  if (expect == Expect::Any || !fc.column) return;
  Fit fit = fits(expect, fc.column->category);
  if (fit == Fit::Ok) return;
  std::string column = catalog::formatIdentifier(fc.column->name);
  std::string message = fieldDescription(f) + " reads column `" + column + "` of " +
                        relation.description + ", which is `" + fc.column->data_type +
                        "`; it needs " + expectText(expect);
  SchemaCode code =
      fit == Fit::Mismatch ? SchemaCode::column_type_mismatch : SchemaCode::possible_type_mismatch;
  if (fit == Fit::Uncertain) message += " (lkml cannot tell whether this type works)";
  Diagnostic d = makeSchemaDiagnostic(code, fc.span, message);
  d.label = "`" + column + "` is " + fc.column->data_type;
  d.help = typeHelp(f, expect, fc.column->category, column);
  ctx.sink.report(std::move(d));
}

// BigQuery `${TABLE}.a.b`: each field of the path must exist in the STRUCT before it. A path
// through an ARRAY (or a type lkml cannot read) stays unchecked.
void checkStructPath(CheckContext& ctx, const semantic::View& view, const semantic::Field& f,
                     const semantic::SourceText& sql, const ViewRelation& relation,
                     const TableColumnReference& ref, const catalog::Column& column) {
  std::string type = column.data_type;
  std::string path = ref.identifier;
  for (const std::string& field : ref.fields) {
    std::string name = field;
    if (name.size() >= 2 && name.front() == '`') name = sql::unquoteIdentifier(name, ctx.dialect());
    std::string head;
    for (char c : type.substr(0, 7)) head += static_cast<char>(std::toupper((unsigned char)c));
    if (head != "STRUCT<") return;  // ARRAY<...>, or a type lkml cannot read
    std::string field_type = catalog::structFieldType(type, name);
    if (field_type.empty()) {
      Diagnostic d = makeSchemaDiagnostic(
          SchemaCode::unknown_column, textSpan(sql, ref.whole.begin, ref.whole.end),
          "field `" + field + "` does not exist in STRUCT `" + path + "` of " +
              relation.description + " (view `" + view.name + "`, field `" + f.name + "`)");
      d.label = "no such STRUCT field";
      d.help = "`" + path + "` is " + type;
      ctx.sink.report(std::move(d));
      return;
    }
    type = field_type;
    path += "." + field;
  }
}

void checkReferences(CheckContext& ctx, const semantic::View& view, const semantic::Field& f,
                     const semantic::SourceText& sql, const ViewRelation& relation) {
  if (!sql.present()) return;
  for (const TableColumnReference& ref : findTableColumnReferences(sql.text, ctx.dialect())) {
    ++ctx.result.stats.columns_checked;
    if (const catalog::Column* column = relation.relation->findColumn(ref.identifier)) {
      checkStructPath(ctx, view, f, sql, relation, ref, *column);
      continue;
    }
    Diagnostic d = makeSchemaDiagnostic(
        SchemaCode::unknown_column, textSpan(sql, ref.whole.begin, ref.whole.end),
        "column `" + ref.identifier + "` does not exist in " + relation.description + " (view `" +
            view.name + "`, field `" + f.name + "`)");
    d.label = "no such column";
    std::string near = relation.relation->suggestColumn(ref.identifier);
    if (!near.empty()) d.help = "did you mean `${TABLE}." + near + "`?";
    ctx.sink.report(std::move(d));
  }
  // `view.column` as the whole expression (the view's alias, or the table's own name).
  SimpleExpression e = classifyExpression(sql.text, ctx.dialect());
  if (e.kind != SimpleExpression::Kind::QualifiedColumn) return;
  auto qualifier = catalog::parseQualifiedName(e.qualifier, ctx.dialect());
  if (!qualifier || qualifier->size() != 1) return;
  bool own = (*qualifier)[0] == view.name || (relation.kind == ViewRelation::Kind::Table &&
                                              (*qualifier)[0] == relation.relation->name);
  if (!own) return;
  ++ctx.result.stats.columns_checked;
  if (relation.relation->findColumn(e.identifier)) return;
  Diagnostic d = makeSchemaDiagnostic(
      SchemaCode::unknown_column, textSpan(sql, e.range.begin, e.range.end),
      "column `" + e.identifier + "` does not exist in " + relation.description + " (view `" +
          view.name + "`, field `" + f.name + "`)");
  d.label = "no such column";
  std::string near = relation.relation->suggestColumn(e.identifier);
  if (!near.empty()) d.help = "did you mean `" + e.qualifier + "." + near + "`?";
  ctx.sink.report(std::move(d));
}

void checkView(CheckContext& ctx, const semantic::View& view) {
  const ViewRelation& relation = ctx.relationOf(view);
  if (relation.kind == ViewRelation::Kind::Unresolved) return;
  std::set<std::string> groups_done;
  for (const semantic::Field& f : view.fields) {
    if (!f.group.empty() && !groups_done.insert(f.group).second) continue;
    if (f.kind == semantic::FieldKind::Filter || f.kind == semantic::FieldKind::Parameter) {
      continue;
    }
    for (const semantic::SourceText* sql :
         {&f.sql, &f.details().sql_start, &f.details().sql_end, &f.details().sql_distinct_key}) {
      if (sql == &f.sql && f.sql_defaulted) continue;  // reported below, with its own message
      checkReferences(ctx, view, f, *sql, relation);
    }
    // `type: location` reads sql_latitude and sql_longitude, never a column of its name.
    if (f.sql_defaulted && (f.isDimension() || f.isMeasure()) && f.interval.empty() &&
        f.type != "location") {
      std::string name = f.group.empty() ? f.name : f.group;
      ++ctx.result.stats.columns_checked;
      if (!relation.relation->findColumn(name)) {
        Diagnostic d =
            makeSchemaDiagnostic(SchemaCode::unknown_column, f.name_span,
                                 std::string(f.isMeasure()     ? "measure"
                                             : f.group.empty() ? "dimension"
                                                               : "dimension_group") +
                                     " `" + name + "` has no `sql`, so it reads column `" + name +
                                     "`, which does not exist in " + relation.description);
        d.label = "no such column";
        std::string near = relation.relation->suggestColumn(name);
        d.help =
            near.empty() ? "add `sql: ${TABLE}.column ;;`" : "add `sql: ${TABLE}." + near + " ;;`";
        ctx.sink.report(std::move(d));
      }
    }
    // Types.
    if (f.isDimension() && !f.interval.empty()) {
      Expect expect = groupExpectation(f);
      for (const semantic::SourceText* sql : {&f.details().sql_start, &f.details().sql_end}) {
        if (auto fc = ctx.sqlColumn(view, *sql, relation)) checkType(ctx, f, expect, *fc, relation);
      }
      continue;
    }
    Expect expect = Expect::Any;
    if (f.isDimension()) {
      if (!f.timeframe.empty()) {
        expect = groupExpectation(f);
      } else if (isNumberDimensionType(f.type)) {
        expect = Expect::Numeric;
      } else if (f.type == "yesno") {
        expect = Expect::Boolean;
      } else if (isDateDimensionType(f.type)) {
        expect = Expect::Temporal;
      }
    } else if (f.isMeasure()) {
      if (isNumericMeasureType(f.type)) expect = Expect::Numeric;
      if (f.type == "min" || f.type == "max") expect = Expect::Orderable;
    }
    if (expect == Expect::Any) continue;
    if (auto fc = ctx.fieldColumn(view, f, relation)) checkType(ctx, f, expect, *fc, relation);
  }
}

}  // namespace

void checkColumns(CheckContext& ctx) {
  for (const semantic::View* view : checkedViews(ctx.model)) {
    if (ctx.failed()) return;
    checkView(ctx, *view);
  }
}

}  // namespace lkml::schema
