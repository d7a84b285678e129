#include "semantic/model_start.h"

#include <algorithm>

#include "base/parallel_for.h"
#include "base/suggest.h"
#include "semantic/include_resolver.h"
#include "semantic/lower_explore.h"
#include "semantic/lower_explore_source.h"
#include "semantic/lower_view.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

namespace {

// `fiscal_month_offset: 3`: any integer (Looker accepts negative ones and ones above 11); a
// value that is not one reads as 0, the default.
int parseFiscalMonthOffset(const std::string& text) {
  if (text.empty() || text.size() > 6) return 0;
  size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
  if (i == text.size()) return 0;
  int value = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return 0;
    value = value * 10 + (text[i] - '0');
  }
  return text[0] == '-' ? -value : value;
}

std::string modelName(const std::string& path) {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  return name.substr(0, name.size() - std::string(".model.lkml").size());
}

void reportDuplicate(DiagnosticSink& sink, const std::string& what, const std::string& name,
                     Span span, Span first) {
  Diagnostic d = makeSemDiagnostic(SemCode::duplicate_name, span,
                                   what + " `" + name + "` is defined more than once in the model");
  d.notes.push_back({first, "first defined here"});
  d.help = "rename one of them, or refine the first with `" + what + ": +" + name + " { ... }`";
  sink.report(std::move(d));
}

void collect(const syntax::Node& member, Collected& out, DiagnosticSink& sink) {
  if (!member.isBlock() || !member.value.present()) return;
  bool refinement = member.value.text.front() == '+';
  std::string name(objectName(member));
  if (name.empty()) return;  // `view: + {}`: reported as a nameless block (LKML202)
  bool is_view = member.key == "view";
  if (!is_view && member.key != "explore") return;
  if (refinement) {
    (is_view ? out.view_refinements : out.explore_refinements).push_back(&member);
    return;
  }
  Definitions& defs = is_view ? out.views : out.explores;
  Definition def;
  def.source = &member;
  auto [it, inserted] = defs.emplace(name, std::move(def));
  if (!inserted) {
    reportDuplicate(sink, is_view ? "view" : "explore", name, member.value.span,
                    it->second.node().value.span);
    return;
  }
  if (!is_view) out.explore_order.push_back(name);
}

void applyRefinements(Definitions& defs, const std::vector<const syntax::Node*>& refinements,
                      const char* what, DiagnosticSink& sink) {
  for (const syntax::Node* ref : refinements) {
    std::string name(objectName(*ref));
    auto it = defs.find(name);
    if (it == defs.end()) {
      Diagnostic d =
          makeSemDiagnostic(SemCode::refinement_unknown_target, ref->value.span,
                            std::string("refinement of unknown ") + what + " `" + name + "`");
      std::vector<std::string> names;
      for (const auto& [n, unused] : defs) names.push_back(n);
      std::string near = closestMatch(name, names);
      d.help = near.empty() ? std::string("define `") + what + ": " + name +
                                  "` in a file this model includes, or include the file that "
                                  "defines it"
                            : "did you mean `" + std::string(what) + ": +" + near + "`?";
      sink.report(std::move(d));
      continue;
    }
    Definition& def = it->second;
    if (def.final) {
      Diagnostic d = makeSemDiagnostic(SemCode::refinement_after_final, ref->value.span,
                                       std::string("`") + what + ": +" + name +
                                           "` refines an object after a `final: yes` refinement");
      d.notes.push_back({def.final_span, "the final refinement is here"});
      d.help = "remove `final: yes` or move this refinement before it in include order";
      sink.report(std::move(d));
      continue;
    }
    def.applied.push_back(ref);  // merged when the block is needed (Definition::node)
    if (const syntax::Node* f = ref->child("final")) {
      if (f->value.text == "yes") {
        def.final = true;
        def.final_span = f->span;
      }
    }
  }
}

}  // namespace

std::map<std::string, Constant> readConstants(const ProjectSources& project) {
  std::map<std::string, Constant> constants;
  for (const ProjectFile& file : project.files) {
    if (file.kind != FileKind::Manifest) continue;
    for (const syntax::Node& member : file.doc.members) {
      if (member.key != "constant" || !member.isBlock()) continue;
      Constant c;
      c.name = std::string(member.value.text);
      c.span = member.span;
      if (const syntax::Node* v = member.child("value")) {
        c.value = v->isSql() ? std::string(v->sql) : v->value.unescaped();
      }
      constants[c.name] = std::move(c);
    }
  }
  return constants;
}

void startModel(const ProjectSources& project, size_t model_index,
                const std::map<std::string, Constant>& constants, DiagnosticSink& sink,
                const std::string* only_explore, ModelStart& out, unsigned threads) {
  const ProjectFile& model_file = project.files[model_index];
  Model& model = out.model;
  Collected& collected = out.collected;
  model.name = modelName(model_file.path);
  model.path = model_file.path;
  model.file = model_file.source ? model_file.source->id() : kNoFile;
  LowerContext ctx(constants, sink);

  IncludeResult includes = resolveIncludes(project, model_index, sink, threads);
  model.imports_projects = includes.imports_projects;
  // Objects may come from an imported project lkml cannot read: unknown names are warnings.
  ImportAwareSink import_sink(sink, includes.imports_projects);
  std::string included_connection;
  Span included_connection_span;
  for (size_t index : includes.files) {
    const ProjectFile& file = project.files[index];
    if (!file.source) continue;
    model.files.push_back(file.source->id());
    for (const syntax::Node& member : file.doc.members) {
      collect(member, collected, sink);
      if (member.key == "access_grant" && member.isBlock() && member.value.present()) {
        AccessGrant grant = lowerAccessGrant(member, ctx);
        auto [it, inserted] = model.access_grants.emplace(grant.name, grant);
        if (!inserted) {
          reportDuplicate(sink, "access_grant", grant.name, grant.name_span, it->second.name_span);
        }
      }
      if (member.key == "test" && member.isBlock() && member.value.present()) {
        model.tests.push_back(lowerDataTest(member, ctx));
      }
      if (index != model_index) {
        // A `connection:` in an included file (a shared settings file, or an included model)
        // is the one Looker uses when the model file has none itself; the first one wins.
        if (member.key == "connection" && member.isPair() && included_connection.empty()) {
          included_connection = ctx.text(member);
          included_connection_span = member.span;
        }
        continue;
      }
      if (member.key == "connection") {
        model.connection = ctx.text(member);
        model.connection_span = member.span;
      } else if (member.key == "label") {
        model.label = ctx.text(member);
      } else if (member.key == "case_sensitive") {
        model.case_sensitive = ctx.yesNo(member, true);
      } else if (member.key == "week_start_day") {
        model.week_start_day = ctx.text(member);
      } else if (member.key == "fiscal_month_offset") {
        model.fiscal_month_offset = parseFiscalMonthOffset(ctx.text(member));
      }
    }
  }
  if (model.connection.empty() && !included_connection.empty()) {
    model.connection = included_connection;
    model.connection_span = included_connection_span;
  }
  applyRefinements(collected.views, collected.view_refinements, "view", import_sink);
  applyRefinements(collected.explores, collected.explore_refinements, "explore", import_sink);

  // Each definition's `extends` list, found in parallel before anything reads it (it may
  // merge refinements: Definition is not thread-safe).
  for (const Definitions* defs : {&collected.views, &collected.explores}) {
    std::vector<const Definition*> all;
    all.reserve(defs->size());
    for (const auto& [name, def] : *defs) all.push_back(&def);
    constexpr size_t kChunk = 256;  // definitions per item: one takes a microsecond
    const size_t chunks = (all.size() + kChunk - 1) / kChunk;
    parallelFor(chunks, threadCount(chunks, threads), [&](size_t c) {
      for (size_t i = c * kChunk; i < std::min(all.size(), (c + 1) * kChunk); ++i) {
        all[i]->parents();
      }
    });
  }
  std::set<std::string> explore_names;
  if (only_explore) explore_names.insert(*only_explore);
  // Depths once per model (LKML245 reported here): the view resolution below may run once per
  // level of derived tables.
  out.explore_depths = extendsDepths(collected.explores);
  reportDeepExtends(collected.explores, out.explore_depths, "explore", import_sink);
  out.view_depths = extendsDepths(collected.views);
  reportDeepExtends(collected.views, out.view_depths, "view", import_sink);
  Resolved explores = resolveExtends(collected.explores, out.explore_depths, "explore", import_sink,
                                     only_explore ? &explore_names : nullptr, true, threads);
  std::vector<std::pair<const std::string*, const syntax::Node*>> todo;
  for (const std::string& name : collected.explore_order) {
    auto block = explores.blocks.find(name);
    if (block != explores.blocks.end()) todo.emplace_back(&name, block->second);
  }
  // Explores are independent once `extends` is resolved: lowered in parallel, in ordered
  // parts so that their findings reach `sink` in explore order.
  std::vector<Explore> lowered(todo.size());
  forEachInOrder(todo.size(), threads, sink, [&](size_t i, DiagnosticSink& part) {
    LowerContext part_ctx(constants, part);
    lowered[i] = lowerExplore(*todo[i].second, part_ctx);
    lowered[i].span = collected.explores.at(*todo[i].first).span();
  });
  model.explores.reserve(model.explores.size() + lowered.size());
  for (Explore& explore : lowered) {
    if (only_explore) {
      out.view_names.insert(explore.view);
      for (const Join& join : explore.joins) out.view_names.insert(join.view);
    }
    model.explores.push_back(std::move(explore));
  }
}

void forEachInOrder(size_t n, unsigned threads, DiagnosticSink& sink,
                    const std::function<void(size_t, DiagnosticSink&)>& work) {
  // A part per thread would make the findings depend on -j: the parts are fixed by `n`.
  constexpr size_t kParts = 64;
  const size_t parts = std::min(n, kParts);
  std::vector<CollectingSink> sinks(parts);
  parallelFor(parts, threadCount(parts, threads), [&](size_t p) {
    for (size_t i = n * p / parts; i < n * (p + 1) / parts; ++i) work(i, sinks[p]);
  });
  for (CollectingSink& s : sinks) {
    for (Diagnostic& d : s.diagnostics) sink.report(std::move(d));
  }
}

}  // namespace lkml::semantic
