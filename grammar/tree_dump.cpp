#include "grammar/tree_dump.h"

#include <array>
#include <utility>

namespace lkml::grammar {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kPlurals{{
    {"view", "views"},
    {"explore", "explores"},
    {"include", "includes"},
    {"dimension", "dimensions"},
    {"dimension_group", "dimension_groups"},
    {"measure", "measures"},
    {"filter", "filters"},
    {"parameter", "parameters"},
    {"join", "joins"},
    {"set", "sets"},
    {"access_grant", "access_grants"},
    {"access_filter", "access_filters"},
    {"datagroup", "datagroups"},
    {"link", "links"},
    {"when", "whens"},
    {"allowed_value", "allowed_values"},
    {"named_value_format", "named_value_formats"},
    {"aggregate_table", "aggregate_tables"},
    {"query", "queries"},
    {"test", "tests"},
    {"assert", "asserts"},
    {"constant", "constants"},
    {"local_dependency", "local_dependencies"},
    {"remote_dependency", "remote_dependencies"},
    {"action", "actions"},
    {"column", "columns"},
    {"derived_column", "derived_columns"},
    {"form_param", "form_params"},
    {"map_layer", "map_layers"},
    {"option", "options"},
    {"param", "params"},
    {"override_constant", "override_constants"},
    {"sql_step", "sql_steps"},
    {"user_attribute_param", "user_attribute_params"},
}};

// Keys whose every occurrence is kept, as a list of raw values, under `<key>__all`.
bool collectsAll(std::string_view key) {
  return key == "filters" || key == "extends" || key == "bind_filters";
}

Json scalarJson(const syntax::Scalar& scalar) { return std::string(scalar.text); }

Json listJson(const syntax::Node& node) {
  Json list = Json::array();
  for (const auto& item : node.items) {
    if (item.map_value.present()) {
      Json entry = Json::object();
      entry[std::string(item.value.text)] = scalarJson(item.map_value);
      list.push_back(std::move(entry));
    } else {
      list.push_back(scalarJson(item.value));
    }
  }
  return list;
}

Json membersJson(const syntax::NodeList& members, const syntax::Scalar* name);

Json valueJson(const syntax::Node& node) {
  switch (node.kind) {
    case syntax::NodeKind::Pair:
      return scalarJson(node.value);
    case syntax::NodeKind::Sql:
      return std::string(node.sql);
    case syntax::NodeKind::List:
      return listJson(node);
    case syntax::NodeKind::Block:
      return membersJson(node.children, node.value.present() ? &node.value : nullptr);
  }
  return nullptr;
}

Json membersJson(const syntax::NodeList& members, const syntax::Scalar* name) {
  Json object = Json::object();
  if (name) object["name"] = std::string(name->text);
  for (const auto& member : members) {
    std::string_view plural = pluralKey(member.key);
    if (collectsAll(member.key)) {
      std::string key = std::string(member.key) + "__all";
      if (!object.contains(key)) object[key] = Json::array();
      object[key].push_back(valueJson(member));
    } else if (!plural.empty()) {
      std::string key(plural);
      if (!object.contains(key) || !object[key].is_array()) object[key] = Json::array();
      object[key].push_back(valueJson(member));
    } else {
      object[std::string(member.key)] = valueJson(member);  // a repeated key keeps the last
    }
  }
  return object;
}

// JSON string literal; invalid UTF-8 (already reported as LKML105) becomes U+FFFD.
std::string quoted(std::string_view text) {
  return nlohmann::json(std::string(text))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void writeSpan(std::ostream& out, const SourceFile& file, Span span) {
  LineCol a = file.lineCol(span.begin);
  LineCol b = file.lineCol(span.end);
  out << " @" << a.line << ":" << a.column << "-" << b.line << ":" << b.column;
}

void writeScalar(std::ostream& out, const syntax::Scalar& scalar) {
  if (scalar.quoted())
    out << '"' << scalar.text << '"';
  else
    out << scalar.text;
}

void dumpNode(std::ostream& out, const SourceFile& file, const syntax::Node& node, int depth) {
  std::string indent(static_cast<size_t>(depth) * 2, ' ');
  out << indent << node.key << ": ";
  switch (node.kind) {
    case syntax::NodeKind::Pair:
      out << "pair ";
      writeScalar(out, node.value);
      break;
    case syntax::NodeKind::Sql:
      out << "sql " << quoted(node.sql);
      break;
    case syntax::NodeKind::List:
      out << "list [";
      for (size_t i = 0; i < node.items.size(); ++i) {
        if (i) out << ", ";
        writeScalar(out, node.items[i].value);
        if (node.items[i].map_value.present()) {
          out << ": ";
          writeScalar(out, node.items[i].map_value);
        }
      }
      out << "]";
      break;
    case syntax::NodeKind::Block:
      out << "block";
      if (node.value.present()) {
        out << " ";
        writeScalar(out, node.value);
      }
      break;
  }
  writeSpan(out, file, node.span);
  out << "\n";
  for (const auto& child : node.children) dumpNode(out, file, child, depth + 1);
}

}  // namespace

std::string_view pluralKey(std::string_view key) {
  for (const auto& [singular, plural] : kPlurals) {
    if (singular == key) return plural;
  }
  return {};
}

Json toLkmlJson(const syntax::Document& doc) { return membersJson(doc.members, nullptr); }

void dumpTree(std::ostream& out, const syntax::Document& doc) {
  for (const auto& member : doc.members) dumpNode(out, *doc.file, member, 0);
  for (const auto& comment : doc.comments) {
    out << "comment " << quoted(comment.text);
    writeSpan(out, *doc.file, comment.span);
    out << "\n";
  }
}

}  // namespace lkml::grammar
