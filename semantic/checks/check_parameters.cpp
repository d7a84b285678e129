// LKML201 unknown parameter, LKML231 parameter given twice, LKML202 for a named block (view,
// field, join, ...) without a name: syntax-level, once per file.
#include <algorithm>
#include <map>
#include <set>

#include "base/suggest.h"
#include "semantic/checks/checks.h"
#include "semantic/lower_field.h"
#include "semantic/node_merge.h"
#include "semantic/parameter_table.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic::checks {

namespace {

// Keys that may legitimately repeat inside one block.
bool repeatable(std::string_view key) {
  return isFieldKey(key) || key == "join" || key == "set" || key == "include" || key == "view" ||
         key == "explore" || key == "link" || key == "access_filter" || key == "access_grant" ||
         key == "filters" || key == "allowed_value" || key == "when" || key == "action" ||
         key == "datagroup" || key == "test" || key == "aggregate_table" || key == "query" ||
         key == "constant" || key == "named_value_format" || key == "column" ||
         key == "derived_column" || key == "bind_filters" || key == "map_layer" ||
         key == "local_dependency" || key == "remote_dependency" || key == "override_constant" ||
         key == "assert" || key == "form_param" || key == "option" || key == "param" ||
         key == "user_attribute_param" || key == "sql_step" || key == "extends" ||
         key == "required_access_grants" || key == "visualization" || key == "application";
}

bool childContext(ParamContext parent, std::string_view key, ParamContext* child) {
  switch (parent) {
    case ParamContext::TopLevel:
      if (key == "view") return *child = ParamContext::View, true;
      if (key == "explore") return *child = ParamContext::Explore, true;
      if (key == "access_grant") return *child = ParamContext::AccessGrant, true;
      return false;
    case ParamContext::View:
      if (isFieldKey(key)) return *child = ParamContext::Field, true;
      if (key == "derived_table") return *child = ParamContext::DerivedTable, true;
      return false;
    case ParamContext::Explore:
      if (key == "join") return *child = ParamContext::Join, true;
      return false;
    default:
      return false;
  }
}

// Blocks that are named objects: `view: name { ... }`. Without a name they are ignored by the
// model, so say so.
bool needsName(ParamContext context, std::string_view key) {
  switch (context) {
    case ParamContext::TopLevel:
      return key == "view" || key == "explore" || key == "access_grant";
    case ParamContext::View:
      return isFieldKey(key) || key == "set";
    case ParamContext::Explore:
      return key == "join";
    default:
      return false;
  }
}

// The member's source text, for comparing duplicates ("" when the span is not in `text`).
std::string_view memberText(std::string_view text, const syntax::Node& member) {
  if (!member.span.valid() || member.span.end > text.size()) return {};
  return text.substr(member.span.begin, member.span.size());
}

void checkBlock(const syntax::NodeList& members, ParamContext context, const std::string& owner,
                std::string_view text, DiagnosticSink& sink) {
  std::map<std::string_view, const syntax::Node*> seen;
  for (const syntax::Node& member : members) {
    std::string key(member.key);
    if (member.isBlock() && needsName(context, member.key) &&
        (!member.value.present() || objectName(member).empty())) {
      Diagnostic d = makeSemDiagnostic(SemCode::invalid_value, member.key_span,
                                       "`" + key + "` needs a name; this block is ignored");
      d.help = "write `" + key + ": name { ... }`";
      sink.report(std::move(d));
    }
    if (!isKnownParameter(context, key)) {
      Diagnostic d =
          makeSemDiagnostic(SemCode::unknown_parameter, member.key_span,
                            "unknown parameter `" + key + "` in " + paramContextName(context) +
                                (owner.empty() ? "" : " (`" + owner + "`)"));
      d.label = "not a LookML parameter here";
      std::string near = closestMatch(key, knownParameters(context));
      if (!near.empty()) {
        d.help = "did you mean `" + near + "`?";
        d.fixes.push_back({member.key_span, near});
      }
      sink.report(std::move(d));
      continue;
    }
    auto [previous, first] = seen.emplace(member.key, &member);
    if (!repeatable(member.key) && !first) {
      Diagnostic d = makeSemDiagnostic(SemCode::duplicate_parameter, member.key_span,
                                       "`" + key + "` is given more than once; the last one wins");
      d.help = "remove the duplicate";
      // Only an identical copy is removed for sure: otherwise which one is meant is a choice.
      std::string_view mine = memberText(text, member);
      if (!mine.empty() && mine == memberText(text, *previous->second)) {
        d.fixes.push_back({member.span, ""});
      }
      sink.report(std::move(d));
    }
    ParamContext child;
    if (member.isBlock() && childContext(context, member.key, &child)) {
      std::string name = key + ": " + std::string(member.value.text);
      checkBlock(member.children, child, name, text, sink);
    }
  }
}

}  // namespace

void checkParameters(const LoadedProject& project, DiagnosticSink& sink, size_t first_file,
                     size_t end_file) {
  const auto& files = project.sources.files;
  for (size_t f = first_file; f < std::min(end_file, files.size()); ++f) {
    const ProjectFile& file = files[f];
    if (!file.source) continue;
    checkBlock(file.doc.members, ParamContext::TopLevel, "", file.source->text(), sink);
  }
}

}  // namespace lkml::semantic::checks
