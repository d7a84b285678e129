// The occurrence walk of ProjectIndex: every name written in a file, resolved to its target
// with the context of the blocks around it (the view that `${field}` belongs to, the explore
// whose join aliases `${alias.field}` and `fields: [alias.f]` use). The tree is walked with an
// explicit stack, so nesting depth costs memory, not call stack.
#include <string_view>

#include "ide/project_index.h"
#include "semantic/sql_references.h"

namespace lkml::ide {

namespace {

bool isIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Position of `word` in text[from, to) with no identifier character on either side.
size_t locate(std::string_view text, size_t from, size_t to, std::string_view word) {
  if (word.empty() || to > text.size()) return std::string_view::npos;
  for (size_t pos = text.find(word, from); pos != std::string_view::npos && pos + word.size() <= to;
       pos = text.find(word, pos + 1)) {
    bool left = pos == 0 || !isIdentChar(text[pos - 1]);
    bool right = pos + word.size() >= text.size() || !isIdentChar(text[pos + word.size()]);
    if (left && right) return pos;
  }
  return std::string_view::npos;
}

struct Context {
  std::string view;        // the enclosing view ("" outside views)
  std::string explore;     // the explore whose aliases qualified names use ("" in a view)
  std::string field_view;  // the view unqualified field names belong to
  std::string_view block;  // key of the enclosing block
  bool refinement = false;
};

class Walker {
 public:
  Walker(const ProjectIndex& index, size_t file, std::vector<Occurrence>* out)
      : index_(index), file_(file), out_(out) {}

  void walk(const syntax::Document& doc) {
    struct Frame {
      const syntax::Node* node;
      Context ctx;
    };
    std::vector<Frame> stack;
    for (auto it = doc.members.rbegin(); it != doc.members.rend(); ++it) {
      stack.push_back({&*it, Context{}});
    }
    while (!stack.empty()) {
      Frame frame = std::move(stack.back());
      stack.pop_back();
      const syntax::Node& node = *frame.node;
      Context inner = visit(node, frame.ctx);
      if (!node.isBlock()) continue;
      inner.block = node.key;
      for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) {
        stack.push_back({&*it, inner});
      }
    }
  }

 private:
  Occurrence& add(Target target, uint32_t begin, uint32_t end) {
    Occurrence o;
    o.target = std::move(target);
    o.file = file_;
    o.begin = begin;
    o.end = end;
    out_->push_back(std::move(o));
    return out_->back();
  }

  void declare(Target target, const NameSpan& name, const syntax::Node& node, bool refinement) {
    Occurrence& o = add(std::move(target), name.begin, name.end);
    o.declaration = true;
    o.refinement = refinement;
    o.node_begin = node.span.begin;
    o.node_end = node.span.end;
  }

  void viewName(const std::string& name, uint32_t begin) {
    if (name.empty()) return;
    add({TargetKind::View, "", name}, begin, begin + static_cast<uint32_t>(name.size()));
  }

  // `alias.field` or `field` at `begin`: the field, and the alias when it is the view's name.
  void qualifiedField(const Context& ctx, std::string_view text, uint32_t begin, bool liquid) {
    size_t dot = text.find('.');
    std::string view = ctx.field_view, field(text);
    uint32_t field_begin = begin;
    if (dot != std::string_view::npos) {
      std::string alias(text.substr(0, dot));
      field = std::string(text.substr(dot + 1));
      if (field.find('.') != std::string::npos || alias.empty()) return;
      view = ctx.explore.empty() ? alias : index_.aliasView(ctx.explore, alias);
      if (view == alias && index_.aliasIsViewName(ctx.explore, alias)) {
        viewName(alias, begin);
        out_->back().in_liquid = liquid;
      }
      field_begin = begin + static_cast<uint32_t>(dot + 1);
    }
    if (view.empty() || field.empty()) return;
    uint32_t b = field_begin, e = field_begin + static_cast<uint32_t>(field.size());
    Target target = index_.fieldTarget(view, field, &b, &e);
    add(std::move(target), b, e).in_liquid = liquid;
  }

  // An item of `fields:`, `drill_fields:`, `sorts:`...: `view.field`, `field`, `-view.field`,
  // `view.set*`, `set*`, `ALL_FIELDS*`.
  void fieldItem(const Context& ctx, const syntax::Scalar& value) {
    if (!value.present()) return;
    std::string_view text = value.text;
    uint32_t begin = value.span.begin + (value.quoted() ? 1 : 0);
    while (!text.empty() && (text[0] == '-' || text[0] == ' ')) {
      text.remove_prefix(1);
      ++begin;
    }
    if (text.empty()) return;
    if (text.back() != '*') return qualifiedField(ctx, text, begin, false);
    text.remove_suffix(1);
    size_t dot = text.find('.');
    std::string view = ctx.field_view, set(text);
    uint32_t set_begin = begin;
    if (dot != std::string_view::npos) {
      std::string alias(text.substr(0, dot));
      set = std::string(text.substr(dot + 1));
      view = ctx.explore.empty() ? alias : index_.aliasView(ctx.explore, alias);
      if (view == alias && index_.aliasIsViewName(ctx.explore, alias)) viewName(alias, begin);
      set_begin = begin + static_cast<uint32_t>(dot + 1);
    }
    if (set.empty() || set == "ALL_FIELDS" || view.empty()) return;
    add({TargetKind::Set, index_.setOwner(view, set), set}, set_begin,
        set_begin + static_cast<uint32_t>(set.size()));
  }

  void sqlText(const Context& ctx, std::string_view text, uint32_t base) {
    for (const semantic::SqlReference& ref : semantic::findSqlReferences(text)) {
      size_t from = ref.begin + 2, to = ref.end > 0 ? ref.end - 1 : ref.end;
      using Kind = semantic::SqlReference::Kind;
      if (ref.kind == Kind::Table) {
        size_t pos = locate(text, from, to, "TABLE");
        if (pos != std::string_view::npos && !ctx.view.empty()) {
          add({TargetKind::Table, ctx.view, ctx.view}, base + pos, base + pos + 5);
        }
      } else if (ref.kind == Kind::Field) {
        size_t pos = locate(text, from, to, ref.field);
        if (pos != std::string_view::npos) qualifiedField(ctx, ref.field, base + pos, false);
      } else if (ref.kind == Kind::ViewField || ref.kind == Kind::SqlTableName) {
        size_t pos = locate(text, from, to, ref.view);
        if (pos == std::string_view::npos) continue;
        if (ref.kind == Kind::ViewField) {
          size_t fpos = locate(text, pos + ref.view.size(), to, ref.field);
          if (fpos != pos + ref.view.size() + 1) continue;  // `${a . b}`: not a reference
          qualifiedField(ctx, ref.view + "." + ref.field, base + pos, false);
        } else {
          std::string view =
              ctx.explore.empty() ? ref.view : index_.aliasView(ctx.explore, ref.view);
          if (view == ref.view && index_.aliasIsViewName(ctx.explore, ref.view)) {
            viewName(view, base + pos);
          }
          // `SQL_TABLE_NAME` itself goes to the view too (never renamed: a Table target).
          size_t name = locate(text, pos + ref.view.size(), to, "SQL_TABLE_NAME");
          if (name != std::string_view::npos) {
            add({TargetKind::Table, view, view}, static_cast<uint32_t>(base + name),
                static_cast<uint32_t>(base + name + 14));
          }
        }
      }
    }
    liquidText(ctx, text, base);
  }

  void liquidText(const Context& ctx, std::string_view text, uint32_t base) {
    if (text.find("{{") == std::string_view::npos && text.find("{%") == std::string_view::npos) {
      return;
    }
    for (const semantic::LiquidReference& ref : semantic::findLiquidReferences(text)) {
      if (ref.kind == semantic::LiquidReference::Kind::UserAttribute) continue;
      size_t pos = locate(text, ref.begin, std::min(ref.end, text.size()), ref.name);
      if (pos == std::string_view::npos) continue;
      uint32_t at = base + static_cast<uint32_t>(pos);
      // `view._in_query` names a view (or join alias), `f._in_query` a field of this view.
      bool bare = ref.name.find('.') == std::string::npos;
      if (bare && !index_.hasField(ctx.field_view, ref.name) &&
          (index_.hasView(ref.name) || index_.aliasView(ctx.explore, ref.name) != ref.name)) {
        if (index_.aliasView(ctx.explore, ref.name) == ref.name &&
            index_.aliasIsViewName(ctx.explore, ref.name)) {
          viewName(ref.name, at);
          out_->back().in_liquid = true;
        }
        continue;
      }
      qualifiedField(ctx, ref.name, at, true);
    }
  }

  static bool isFieldList(std::string_view key) {
    return key == "fields" || key == "drill_fields" || key == "required_fields" ||
           key == "dimensions" || key == "measures" || key == "unless" || key == "sorts" ||
           key == "filters";
  }

  // Emits what `node` declares or references; returns the context of its children.
  Context visit(const syntax::Node& node, const Context& ctx) {
    Context inner = ctx;
    if (node.isBlock()) {
      NameSpan name = blockName(node);
      if (node.key == "view" && ctx.block.empty() && !name.name.empty()) {
        declare({TargetKind::View, "", name.name}, name, node, name.refinement);
        inner = Context{name.name, "", name.name, {}, name.refinement};
      } else if (node.key == "explore" && ctx.block.empty() && !name.name.empty()) {
        declare({TargetKind::Explore, "", name.name}, name, node, name.refinement);
        bool named_base = node.child("from") || node.child("view_name");
        if (!named_base && !name.refinement) {
          Occurrence& base = add({TargetKind::View, "", name.name}, name.begin, name.end);
          base.implicit = true;
          base.node_begin = node.span.begin;
          base.node_end = node.span.end;
        }
        inner = Context{"", name.name, index_.exploreView(name.name), {}, name.refinement};
      } else if (node.key == "access_grant" && ctx.block.empty() && !name.name.empty()) {
        declare({TargetKind::AccessGrant, "", name.name}, name, node, false);
      } else if (node.key == "join" && !ctx.explore.empty() && !name.name.empty()) {
        if (!node.child("from")) viewName(name.name, name.begin);
        inner.field_view = index_.aliasView(ctx.explore, name.name);
      } else if (isFieldKey(node.key) && !ctx.view.empty() && ctx.block == "view" &&
                 !name.name.empty()) {
        declare({TargetKind::Field, ctx.view, name.name}, name, node, ctx.refinement);
      } else if (node.key == "set" && !ctx.view.empty() && ctx.block == "view" &&
                 !name.name.empty()) {
        declare({TargetKind::Set, ctx.view, name.name}, name, node, ctx.refinement);
      } else if (node.key == "column" && ctx.block == "explore_source" && !name.name.empty() &&
                 !node.child("field")) {
        // No `field:`: the column reads the explore's field of the same name. Renaming that
        // field would rename the derived table's column too, so rename refuses (implicit).
        uint32_t b = name.begin, e = name.end;
        std::string view = index_.exploreView(ctx.explore);
        add(index_.fieldTarget(view, name.name, &b, &e), b, e).implicit = true;
        // ... and it reads it through the explore's own alias.
        add({TargetKind::Explore, "", ctx.explore}, name.begin, name.end).implicit = true;
      } else if (node.key == "explore_source" && !name.name.empty()) {
        add({TargetKind::Explore, "", name.name}, name.begin, name.end);
        inner.explore = name.name;
        inner.field_view = index_.exploreView(name.name);
      }
      return inner;
    }
    if (node.isSql()) {
      sqlText(ctx, node.sql, node.sql_span.begin);
      return inner;
    }
    if (node.isPair()) {
      const syntax::Scalar& v = node.value;
      uint32_t begin = v.span.begin + (v.quoted() ? 1 : 0);
      if (node.key == "from" || node.key == "view_name") {
        viewName(std::string(v.text), begin);
      } else if (node.key == "include") {
        add({TargetKind::Include, "", v.unescaped()}, v.span.begin, v.span.end);
      } else if (node.key == "field" || node.key == "list_field" || node.key == "order_by_field" ||
                 node.key == "from_field" || node.key == "to_field" ||
                 node.key == "suggest_dimension") {
        fieldItem(ctx, v);
      } else if (node.key == "suggest_explore") {
        add({TargetKind::Explore, "", std::string(v.text)}, begin,
            begin + static_cast<uint32_t>(v.text.size()));
      } else if (v.quoted()) {
        // html, link urls, labels: Liquid and `${}` in strings.
        if (v.text.find("${") != std::string_view::npos)
          sqlText(ctx, v.text, begin);
        else
          liquidText(ctx, v.text, begin);
      }
      return inner;
    }
    // Lists.
    if (node.key == "extends" || node.key == "extends__all") {
      bool explores = !ctx.explore.empty() && ctx.view.empty();
      for (const syntax::ListItem& item : node.items) {
        uint32_t begin = item.value.span.begin + (item.value.quoted() ? 1 : 0);
        Target t{explores ? TargetKind::Explore : TargetKind::View, "",
                 std::string(item.value.text)};
        add(std::move(t), begin, begin + static_cast<uint32_t>(item.value.text.size()));
      }
    } else if (node.key == "required_access_grants") {
      for (const syntax::ListItem& item : node.items) {
        uint32_t begin = item.value.span.begin + (item.value.quoted() ? 1 : 0);
        add({TargetKind::AccessGrant, "", std::string(item.value.text)}, begin,
            begin + static_cast<uint32_t>(item.value.text.size()));
      }
    } else if (node.key == "required_joins" || node.key == "always_join") {
      for (const syntax::ListItem& item : node.items) {
        std::string alias(item.value.text);
        if (index_.aliasView(ctx.explore, alias) == alias &&
            index_.aliasIsViewName(ctx.explore, alias)) {
          viewName(alias, item.value.span.begin + (item.value.quoted() ? 1 : 0));
        }
      }
    } else if (isFieldList(node.key)) {
      for (const syntax::ListItem& item : node.items) fieldItem(ctx, item.value);
    }
    return inner;
  }

  const ProjectIndex& index_;
  size_t file_;
  std::vector<Occurrence>* out_;
};

}  // namespace

std::vector<Occurrence> ProjectIndex::occurrences(size_t file) const {
  std::vector<Occurrence> out;
  if (file >= project_.sources.files.size()) return out;
  Walker(*this, file, &out).walk(project_.sources.files[file].doc);
  return out;
}

}  // namespace lkml::ide
