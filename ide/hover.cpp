// Hover: what the name under the cursor is (field type, label, description, its SQL with
// `${}` resolved one level) and where it is defined and refined.
#include "ide/cursor_target.h"
#include "ide/ide.h"
#include "semantic/include_resolver.h"
#include "semantic/sql_references.h"

namespace lkml::ide {

namespace {

const semantic::View* compiledView(const semantic::LoadedProject& project,
                                   const std::string& name) {
  for (const semantic::Model& model : project.project.models) {
    if (const semantic::View* v = model.findView(name)) return v;
  }
  return nullptr;
}

// The field itself, or the first field a dimension group expands into.
const semantic::Field* compiledField(const semantic::View& view, const std::string& name) {
  if (const semantic::Field* f = view.findField(name)) return f;
  for (const semantic::Field& f : view.fields) {
    if (f.group == name) return &f;
  }
  return nullptr;
}

std::string tableText(const semantic::View& view) {
  if (!view.sql_table_name.text.empty()) return view.sql_table_name.text;
  if (view.has_derived_table) return "(derived table of " + view.name + ")";
  return view.name;
}

// `${x}` replaced by the SQL of x (one level: x's own references stay as written).
std::string resolveOneLevel(const semantic::LoadedProject& project, const semantic::View& view,
                            const std::string& sql) {
  std::string out;
  size_t last = 0;
  for (const semantic::SqlReference& ref : semantic::findSqlReferences(sql)) {
    if (ref.begin < last || ref.end > sql.size()) continue;
    out.append(sql, last, ref.begin - last);
    std::string replacement = sql.substr(ref.begin, ref.end - ref.begin);
    using Kind = semantic::SqlReference::Kind;
    const semantic::View* other = ref.kind == Kind::Field || ref.kind == Kind::Table
                                      ? &view
                                      : compiledView(project, ref.view);
    if (other && ref.kind == Kind::Table) {
      replacement = tableText(*other);
    } else if (other && ref.kind == Kind::SqlTableName) {
      replacement = tableText(*other);
    } else if (other && (ref.kind == Kind::Field || ref.kind == Kind::ViewField)) {
      const semantic::Field* f = compiledField(*other, ref.field);
      if (f && !f->sql.text.empty()) replacement = "(" + f->sql.text + ")";
    }
    out += replacement;
    last = ref.end;
  }
  out.append(sql, std::min(last, sql.size()), std::string::npos);
  return out;
}

std::string where(const ProjectIndex& index, const Occurrence& o) {
  const semantic::ProjectFile& file = index.sources().files[o.file];
  if (!file.source) return file.path;
  return file.path + ":" + std::to_string(file.source->lineCol(o.begin).line);
}

void appendLocations(const ProjectIndex& index, const Target& target, std::string* md) {
  std::vector<Occurrence> decls = declarationsOf(index, target, index.allOccurrences());
  std::string defined, refined;
  for (const Occurrence& d : decls) {
    std::string& list = d.refinement ? refined : defined;
    list += (list.empty() ? "" : ", ") + std::string("`") + where(index, d) + "`";
  }
  if (!defined.empty()) *md += "\n\nDefined in " + defined;
  if (!refined.empty()) *md += "\n\nRefined in " + refined;
}

void appendSql(const std::string& title, const std::string& sql, std::string* md) {
  if (sql.empty()) return;
  *md += "\n\n" + title + ":\n```sql\n" + sql + "\n```";
}

std::string fieldHover(const semantic::LoadedProject& project, const Target& t) {
  std::string md = "**field** `" + t.view + "." + t.name + "`";
  const semantic::View* view = compiledView(project, t.view);
  const semantic::Field* f = view ? compiledField(*view, t.name) : nullptr;
  if (!f) return md + "\n\n(not in any compiled model)";
  md = std::string("**") + (f->group.empty() ? fieldKindName(f->kind) : "dimension_group") +
       "** `" + t.view + "." + t.name + "`";
  if (!f->type.empty()) md += " — type `" + (f->group.empty() ? f->type.str() : "time") + "`";
  if (!f->group.empty()) {
    std::string frames;
    for (const semantic::Field& g : view->fields) {
      if (g.group == t.name) frames += (frames.empty() ? "" : ", ") + g.name;
    }
    md += "\n\nFields: " + frames;
  }
  if (!f->label.empty()) md += "\n\nLabel: " + f->label;
  if (!f->description.empty()) md += "\n\n" + f->description;
  if (f->hidden) md += "\n\nhidden";
  if (f->primary_key) md += "\n\nprimary key";
  std::string sql = f->sql.text;
  if (f->sql_defaulted && sql.empty()) sql = "${TABLE}." + f->name;
  appendSql("SQL", sql, &md);
  std::string resolved = resolveOneLevel(project, *view, sql);
  if (resolved != sql) appendSql("Resolved one level", resolved, &md);
  return md;
}

std::string viewHover(const semantic::LoadedProject& project, const std::string& name) {
  std::string md = "**view** `" + name + "`";
  const semantic::View* view = compiledView(project, name);
  if (!view) return md + "\n\n(not in any compiled model)";
  if (!view->label.empty()) md += "\n\nLabel: " + view->label;
  if (!view->extends.empty()) {
    std::string list;
    for (const std::string& e : view->extends) list += (list.empty() ? "`" : ", `") + e + "`";
    md += "\n\nExtends " + list;
  }
  size_t dims = 0, measures = 0;
  for (const semantic::Field& f : view->fields) (f.isMeasure() ? measures : dims)++;
  md += "\n\n" + std::to_string(dims) + " dimensions, " + std::to_string(measures) + " measures";
  if (!view->sql_table_name.text.empty()) appendSql("Table", view->sql_table_name.text, &md);
  if (!view->derived_table_sql.text.empty()) {
    appendSql("Derived table", view->derived_table_sql.text, &md);
  } else if (view->native_derived_table && view->explore_source) {
    md += "\n\nNative derived table from explore `" + view->explore_source->explore + "`";
  }
  return md;
}

std::string exploreHover(const semantic::LoadedProject& project, const std::string& name) {
  std::string md = "**explore** `" + name + "`";
  for (const semantic::Model& model : project.project.models) {
    const semantic::Explore* e = model.findExplore(name);
    if (!e) continue;
    md += " (model `" + model.name + "`)";
    if (!e->label.empty()) md += "\n\nLabel: " + e->label;
    if (!e->description.empty()) md += "\n\n" + e->description;
    md += "\n\nBase view `" + e->view + "`";
    std::string joins;
    for (const semantic::Join& j : e->joins) {
      joins += (joins.empty() ? "`" : ", `") + j.name +
               (j.name != j.view ? " (" + j.view + ")" : "") + "`";
    }
    if (!joins.empty()) md += "\n\nJoins " + joins;
    break;
  }
  return md;
}

}  // namespace

std::optional<Hover> hover(const semantic::LoadedProject& project, const std::string& path,
                           uint32_t offset) {
  ProjectIndex index(project);
  std::optional<Occurrence> at = occurrenceAt(index, path, offset);
  if (!at) return std::nullopt;
  const Target& t = at->target;
  Hover h;
  h.range = rangeOf(index, *at);
  switch (t.kind) {
    case TargetKind::Field:
      h.markdown = fieldHover(project, t);
      break;
    case TargetKind::View:
      h.markdown = viewHover(project, t.name);
      break;
    case TargetKind::Table:
      h.markdown = "`${TABLE}` of " + viewHover(project, t.view);
      break;
    case TargetKind::Explore:
      h.markdown = exploreHover(project, t.name);
      break;
    case TargetKind::Set: {
      h.markdown = "**set** `" + t.view + "." + t.name + "`";
      const semantic::View* view = compiledView(project, t.view);
      if (const semantic::FieldSet* set = view ? view->findSet(t.name) : nullptr) {
        std::string list;
        for (const std::string& f : set->fields) list += (list.empty() ? "" : ", ") + f;
        h.markdown += "\n\nFields: " + list;
      }
      break;
    }
    case TargetKind::AccessGrant: {
      h.markdown = "**access_grant** `" + t.name + "`";
      for (const semantic::Model& model : project.project.models) {
        auto it = model.access_grants.find(t.name);
        if (it == model.access_grants.end()) continue;
        std::string values;
        for (const std::string& v : it->second.allowed_values) {
          values += (values.empty() ? "\"" : ", \"") + v + "\"";
        }
        h.markdown += "\n\nUser attribute `" + it->second.user_attribute + "` in [" + values + "]";
        break;
      }
      break;
    }
    case TargetKind::Include: {
      h.markdown = "**include** `" + t.name + "`";
      std::vector<size_t> files = semantic::filesMatchingInclude(index.sources(), path, t.name);
      if (files.empty()) h.markdown += "\n\nmatches no file";
      for (size_t f : files) h.markdown += "\n- `" + index.sources().files[f].path + "`";
      return h;
    }
  }
  appendLocations(index, t, &h.markdown);
  return h;
}

}  // namespace lkml::ide
