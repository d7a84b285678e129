// What the language features know about a project: every declaration (views with their
// fields, groups, sets and extends; explores with their join aliases; access grants), read
// from the syntax trees so that it also covers files no model includes, and every occurrence
// of a name (declarations and references), each resolved to one canonical target.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "semantic/project.h"

namespace lkml::ide {

enum class TargetKind { View, Explore, Field, Set, AccessGrant, Include, Table };

/// What a name refers to. Fields and sets are named in the view that declares them (after
/// following `extends:`), so `${child.f}` and `${parent.f}` are the same target when the
/// child inherits `f`; a timeframe of a dimension group (`created_date`) is the group.
struct Target {
  TargetKind kind = TargetKind::View;
  std::string view;  // Field, Set: the declaring view; Table: the view
  std::string name;  // the name; Include: the pattern as written
  bool operator==(const Target& o) const {
    return kind == o.kind && view == o.view && name == o.name;
  }
  bool operator!=(const Target& o) const { return !(*this == o); }
};

/// One place where a target's name is written: [begin, end) holds exactly the name (or the
/// part of `created_date` that is the group name), so a rename replaces that range.
struct Occurrence {
  Target target;
  size_t file = 0;  // index into ProjectSources::files
  uint32_t begin = 0, end = 0;
  bool declaration = false;  // `view: name`, `dimension: name`, `explore: name`, ...
  bool refinement = false;   // declared by `view: +name` / `explore: +name` (or inside one)
  bool in_liquid = false;    // found in a Liquid tag or variable
  bool implicit = false;     // a name that also stands for another (explore name = its view)
  uint32_t node_begin = 0, node_end = 0;  // declarations: the whole block
};

struct ViewDecl {
  std::set<std::string> fields;  // dimensions, measures, filters, parameters
  std::set<std::string> groups;  // dimension groups
  std::set<std::string> sets;
  std::vector<std::string> extends;
};

class ProjectIndex {
 public:
  explicit ProjectIndex(const semantic::LoadedProject& project);

  const semantic::LoadedProject& project() const { return project_; }
  const semantic::ProjectSources& sources() const { return project_.sources; }
  /// Index of the file `path` in sources().files, or SIZE_MAX.
  size_t fileIndex(const std::string& path) const;

  bool hasView(const std::string& name) const { return views_.count(name) != 0; }
  bool hasExplore(const std::string& name) const { return explores_.count(name) != 0; }
  const std::map<std::string, ViewDecl>& views() const { return views_; }
  const std::set<std::string>& explores() const { return explores_; }

  /// The view an alias names inside an explore (a join alias, the explore's own alias), or
  /// the alias itself when the explore does not define it.
  std::string aliasView(const std::string& explore, const std::string& alias) const;
  /// The view an explore is built on (`from:`, `view_name:`, else its name).
  std::string exploreView(const std::string& explore) const;
  /// True when the alias is the view's own name by default (a join without `from:`, an
  /// explore without `from:`/`view_name:`), so renaming the view renames the alias.
  bool aliasIsViewName(const std::string& explore, const std::string& alias) const;
  /// The canonical field target for `name` read in `view`; `*begin`/`*end` (the written
  /// name) shrink to the group name when `name` is a timeframe of a dimension group.
  Target fieldTarget(const std::string& view, const std::string& name, uint32_t* begin,
                     uint32_t* end) const;
  /// True when `view` or a view it extends declares `name` (a timeframe counts for its group).
  bool hasField(const std::string& view, const std::string& name) const;
  /// The view (itself or one it extends, nearest first) that declares set `name`.
  std::string setOwner(const std::string& view, const std::string& name) const;
  /// Views `view` extends, itself first, breadth first, each once (cycles end the walk).
  std::vector<std::string> extendsChain(const std::string& view) const;

  /// Every occurrence in one file, in tree order.
  std::vector<Occurrence> occurrences(size_t file) const;
  /// Every occurrence in the project (dashboards have none: they are not parsed).
  std::vector<Occurrence> allOccurrences() const;

 private:
  void indexFile(size_t file);

  const semantic::LoadedProject& project_;
  std::map<std::string, ViewDecl> views_;
  std::set<std::string> explores_;
  struct Alias {
    std::string view;
    bool defaulted = false;  // no `from:`: the alias is the view's name
  };
  std::map<std::string, std::map<std::string, Alias>> explore_aliases_;
  std::map<std::string, std::string> explore_views_;
};

/// The name part of a block value: `+orders` -> `orders` (refinements), trimmed of quotes.
struct NameSpan {
  std::string name;
  uint32_t begin = 0, end = 0;
  bool refinement = false;
};
NameSpan blockName(const syntax::Node& node);

bool isFieldKey(std::string_view key);  // dimension, dimension_group, measure, filter, parameter

}  // namespace lkml::ide
