#include "lsp/project_state.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>

#include "base/file_reader.h"
#include "grammar/parse.h"
#include "lint/fix_placement.h"
#include "lint/project_lint.h"
#include "semantic/linter.h"
#include "semantic/model_builder.h"
#include "semantic/model_patch.h"

namespace lkml::lsp {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool isLookml(const std::string& rel) {
  auto ends = [&](const std::string& suffix) {
    return rel.size() >= suffix.size() &&
           rel.compare(rel.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".lkml") || ends(".lookml");
}

void append(std::vector<Diagnostic>* to, const std::vector<Diagnostic>& from) {
  to->insert(to->end(), from.begin(), from.end());
}

}  // namespace

ProjectState::ProjectState(std::string root) : root_(std::move(root)) {}
ProjectState::~ProjectState() = default;

std::string ProjectState::displayPath(const std::string& rel) const {
  return (fs::path(root_) / rel).lexically_normal().string();  // as loadProject names files
}

void ProjectState::setText(const std::string& rel, std::optional<std::string> text) {
  if (text) {
    overlay_[rel] = std::move(*text);
  } else {
    overlay_.erase(rel);
  }
  changed_.insert(rel);
}

void ProjectState::diskChanged(const std::string& rel) {
  if (isLookml(rel)) {
    changed_.insert(rel);
  } else {
    config_changed_ = true;  // lkml.json or the schema snapshot
  }
}

void ProjectState::loadAll(unsigned threads, UpdateStats* stats) {
  auto start = Clock::now();
  stats->full = true;
  project_ = std::make_unique<semantic::LoadedProject>();
  project_->sources.overlay = overlay_;
  load_diagnostics_.clear();
  parse_diagnostics_.clear();
  model_file_.clear();
  model_diagnostics_.clear();
  starts_.clear();
  stale_models_.clear();
  check_caches_.dialect_marks.clear();  // the new SourceMap numbers its files afresh
  view_cache_.clear();
  DiagnosticBag bag;
  semantic::loadProject(root_, &project_->sources, bag, threads);
  // Parse findings belong to their file, also those that name it by path (a binary file), so
  // an edit of that file replaces them.
  std::map<std::string, FileId> by_display;
  for (const semantic::ProjectFile& file : project_->sources.files) {
    if (file.source) by_display[file.source->path()] = file.source->id();
  }
  for (Diagnostic& d : bag.diagnostics()) {
    auto named = d.span.valid() ? by_display.end() : by_display.find(d.path);
    if (d.span.valid()) {
      parse_diagnostics_[d.span.file].push_back(std::move(d));
    } else if (named != by_display.end()) {
      parse_diagnostics_[named->second].push_back(std::move(d));
    } else {
      load_diagnostics_.push_back(std::move(d));
    }
  }
  stats->files_parsed = project_->sources.files.size();
  stats->parse_ms = msSince(start);
  start = Clock::now();
  semantic::ProjectSources& sources = project_->sources;
  semantic::Project& project = project_->project;
  // The syntax-level checks read one file at a time: they run beside the model building here
  // and, after an edit, only on the edited file (updateChangedFiles).
  DiagnosticBag syntax_bag;
  auto syntax =
      std::async(std::launch::async, [&] { semantic::runSyntaxChecks(*project_, syntax_bag); });
  project.root = sources.root;
  project.sources = sources.sources;
  project.constants = semantic::readConstants(sources);
  for (size_t i = 0; i < sources.files.size(); ++i) {
    if (sources.files[i].kind != semantic::FileKind::Model) continue;
    DiagnosticBag model_bag;
    project.models.push_back(
        std::move(semantic::buildModels(sources, {i}, project.constants, model_bag, threads,
                                        view_cache_, &starts_)
                      .front()));
    model_file_.push_back(i);
    model_diagnostics_.push_back(std::move(model_bag.diagnostics()));
  }
  syntax.get();
  syntax_diagnostics_.clear();
  for (Diagnostic& d : syntax_bag.diagnostics()) {
    syntax_diagnostics_[d.span.valid() ? d.span.file : kNoFile].push_back(std::move(d));
  }
  stats->models_built = project.models.size();
  stats->build_ms = msSince(start);
  config_changed_ = true;
}

bool ProjectState::parseChangedFiles(UpdateStats* stats, bool patch) {
  auto start = Clock::now();
  semantic::ProjectSources& sources = project_->sources;
  semantic::Project& project = project_->project;
  bool unpatched = false;
  for (const std::string& rel : changed_) {
    auto open = overlay_.find(rel);
    ReadResult read;
    if (open != overlay_.end()) {
      read.ok = true;
      read.text = open->second;
    } else {
      read = readRegularFile((fs::path(root_) / rel).string());
    }
    const semantic::ProjectFile* file = sources.find(rel);
    // A file that appeared or went away can change what every include matches.
    if (!file) {
      if (read.ok) return false;
      continue;
    }
    if (!read.ok) return false;
    if (file->kind == semantic::FileKind::Manifest) return false;  // constants of every model
    if (!file->source || file->source->text() == read.text) continue;
    size_t index = sources.by_path.at(rel);
    FileId old = file->source->id();
    const SourceFile& text = sources.sources->add(displayPath(rel), std::move(read.text));
    DiagnosticBag bag;
    syntax::Document doc = grammar::parse(text, bag);
    parse_diagnostics_.erase(old);
    parse_diagnostics_[text.id()] = std::move(bag.diagnostics());
    // The old blocks stay alive until the models that read them are patched or marked stale.
    syntax::Document old_doc = std::move(sources.files[index].doc);
    sources.files[index].source = &text;
    sources.files[index].doc = std::move(doc);
    syntax_diagnostics_.erase(old);
    syntax_diagnostics_[text.id()] = syntaxChecksOf(sources.files[index]);
    const bool model_file = sources.files[index].kind == semantic::FileKind::Model;
    bool patched_all = patch && !model_file;
    for (size_t k = 0; k < project.models.size(); ++k) {
      semantic::Model& model = project.models[k];
      auto at = std::find(model.files.begin(), model.files.end(), old);
      if (model_file_[k] != index && at == model.files.end()) continue;
      if (!patched_all || !starts_[k]) {
        patched_all = false;
        stale_models_.insert(k);
        starts_[k].reset();  // it points at the old blocks
        continue;
      }
      semantic::ModelPatch result =
          semantic::patchModel(*starts_[k], model, old_doc, sources.files[index].doc,
                               project.constants, quick_bag_, view_cache_);
      if (!result.ok) {
        patched_all = false;
        stale_models_.insert(k);
        starts_[k].reset();
        continue;
      }
      *at = text.id();
      // The patched model is the built one when what building it reported of the file came
      // from the patched objects alone: none of its findings was in the old text, and the
      // patched explores are made of this file only. Otherwise it is built again.
      std::vector<Diagnostic>& built = model_diagnostics_[k];
      bool exact = result.explores_self_contained &&
                   std::none_of(built.begin(), built.end(),
                                [&](const Diagnostic& d) { return d.span.file == old; });
      if (exact) {
        append(&built, result.model_findings);
      } else {
        // Built again; and the first answer would miss what building it reports of the file.
        patched_all = false;
        stale_models_.insert(k);
      }
      for (const std::string& name : result.views) {
        auto view = model.views.find(name);
        if (view != model.views.end()) quick_scope_.views.insert(&view->second);
      }
      // Explores of the file, and those that reach one of its views (the views' SQL is
      // checked in each explore's scope).
      for (const semantic::Explore& explore : model.explores) {
        bool reaches = result.explores.count(explore.name) || result.views.count(explore.view);
        for (const semantic::Join& join : explore.joins) reaches |= result.views.count(join.view);
        if (reaches) quick_scope_.explores.insert(&explore);
      }
    }
    if (patched_all) {
      quick_ids_.insert(text.id());
    } else {
      unpatched = true;
    }
    // Views made of the old blocks go before the blocks do (the cache reads their files).
    view_cache_.forgetFiles({old});
    check_caches_.dialect_marks.forget({old});
    ++stats->files_parsed;
    checks_stale_ = true;
  }
  // A model built again may include other files than before (its include lines changed):
  // which models include the patched files is then not known, so none is answered early.
  if (unpatched) quick_ids_.clear();
  sources.overlay = overlay_;
  changed_.clear();
  stats->parse_ms = msSince(start);
  return true;
}

void ProjectState::rebuildStaleModels(unsigned threads, UpdateStats* stats) {
  auto start = Clock::now();
  semantic::ProjectSources& sources = project_->sources;
  semantic::Project& project = project_->project;
  for (size_t k : stale_models_) {
    DiagnosticBag model_bag;
    // The old model is freed later (releaseRetired), not on the way to the diagnostics:
    // tearing down a model of thousands of views takes a noticeable part of a rebuild.
    retired_.push_back(std::move(project.models[k]));
    std::vector<std::unique_ptr<semantic::ModelStart>> start_of;
    project.models[k] =
        std::move(semantic::buildModels(sources, {model_file_[k]}, project.constants, model_bag,
                                        threads, view_cache_, &start_of)
                      .front());
    starts_[k] = std::move(start_of.front());
    model_diagnostics_[k] = std::move(model_bag.diagnostics());
    ++stats->models_built;
  }
  stale_models_.clear();
  stats->build_ms = msSince(start);
}

ProjectState::QuickStats ProjectState::updateEditedFiles(unsigned /*threads*/) {
  auto start = Clock::now();
  QuickStats quick;
  quick_diagnostics_.clear();
  quick_files_.clear();
  if (!edited()) return quick;
  quick_scope_ = {};
  quick_bag_.diagnostics().clear();
  quick_ids_.clear();
  UpdateStats parse;
  if (!parseChangedFiles(&parse, /*patch=*/true)) {
    full_ = true;
    return quick;
  }
  quick.parse_ms = parse.parse_ms;
  quick.patch_ms = msSince(start) - quick.parse_ms;
  if (quick_ids_.empty()) return quick;
  auto checks = Clock::now();
  DiagnosticBag bag;
  semantic::runScopedChecks(*project_, quick_scope_, bag, config_.anyStyleRuleEnabled());
  std::vector<Diagnostic> all;
  for (FileId id : quick_ids_) {
    append(&all, parse_diagnostics_[id]);
    append(&all, syntax_diagnostics_[id]);
    quick_files_.insert(files().file(id).path());
  }
  for (std::vector<Diagnostic>* found : {&quick_bag_.diagnostics(), &bag.diagnostics()}) {
    for (Diagnostic& d : *found) {
      if (d.span.valid() && quick_ids_.count(d.span.file)) all.push_back(std::move(d));
    }
  }
  lint::finalizeFindings(&all, *project_, config_, /*syntax_only=*/false,
                         /*schema_checked=*/false, /*partial=*/true);
  lint::placeFixes(&all, files());
  quick_diagnostics_ = std::move(all);
  quick.files_patched = quick_ids_.size();
  quick.check_ms = msSince(checks);
  quick.total_ms = msSince(start);
  return quick;
}

std::vector<Diagnostic> ProjectState::syntaxChecksOf(const semantic::ProjectFile& file) const {
  // A project of this one file: the syntax checks read each file on its own.
  semantic::LoadedProject one;
  one.sources.root = project_->sources.root;
  one.sources.sources = project_->sources.sources;
  one.sources.files.push_back(file);
  DiagnosticBag bag;
  semantic::runSyntaxChecks(one, bag);
  return std::move(bag.diagnostics());
}

void ProjectState::loadConfig() {
  messages_.clear();
  DiagnosticBag bag;
  std::string config_path = (fs::path(root_) / "lkml.json").string();
  config_ = lint::loadLintConfig(config_path, *project_->sources.sources, bag, &config_ok_);
  config_diagnostics_ = std::move(bag.diagnostics());
  databases_.reset();
  std::string snapshot = lint::discoverSnapshot(root_, config_path);
  if (snapshot.empty()) return;
  schema::DatabaseOptions options;
  options.snapshot = snapshot;
  auto databases = std::make_unique<schema::DatabaseSet>();
  std::string error;
  if (databases->init(options, &error)) {
    databases_ = std::move(databases);
  } else {
    messages_.push_back("schema snapshot not used: " + error);
  }
}

void ProjectState::runChecks(unsigned threads, UpdateStats* stats) {
  auto start = Clock::now();
  DiagnosticBag bag;
  // No --dialect in an editor: lkml.json "connections", else the snapshot's, as `lkml lint`.
  const lint::DialectChoice dialects =
      lint::chooseDialects(std::nullopt, config_, databases_.get());
  lint::SchemaRun schema = lint::runCompiledChecks(*project_, config_, config_ok_, dialects,
                                                   databases_.get(), bag, threads, &check_caches_);
  if (schema.failed) messages_.push_back("schema checks failed: " + schema.error.message);
  std::vector<Diagnostic> all = load_diagnostics_;
  for (const auto& [id, list] : parse_diagnostics_) append(&all, list);
  for (const auto& [id, list] : syntax_diagnostics_) append(&all, list);
  for (const auto& list : model_diagnostics_) append(&all, list);
  // Each view's lowering findings, held with the view (a view several models share repeats
  // them; finalizeFindings removes the duplicates).
  for (const semantic::Model& model : project_->project.models) {
    for (auto it = model.views.begin(); it != model.views.end(); ++it) {
      if (const auto* found = view_cache_.findingsOf(it->second)) append(&all, *found);
    }
  }
  append(&all, config_diagnostics_);
  for (Diagnostic& d : bag.diagnostics()) all.push_back(std::move(d));
  lint::finalizeFindings(&all, *project_, config_, /*syntax_only=*/false,
                         schema.ran && !schema.failed);
  lint::placeFixes(&all, *project_->sources.sources);
  diagnostics_ = std::move(all);
  stats->check_ms = msSince(start);
}

ProjectState::UpdateStats ProjectState::update(unsigned threads) {
  auto start = Clock::now();
  UpdateStats stats;
  // Every edit adds the file's new text to the SourceMap, which never forgets one (spans point
  // into it). Once old texts outnumber the project's files (plus a margin for a long session
  // in a small project), start over with a fresh map so memory stays bounded.
  if (project_ && project_->sources.sources->size() > 2 * project_->sources.files.size() + 256) {
    full_ = true;
  }
  if (!full_ && project_ && !parseChangedFiles(&stats, /*patch=*/false)) full_ = true;
  if (full_ || !project_) {
    stats = UpdateStats{};
    loadAll(threads, &stats);
  } else {
    rebuildStaleModels(threads, &stats);
  }
  full_ = false;
  changed_.clear();
  if (config_changed_) loadConfig();
  config_changed_ = false;
  runChecks(threads, &stats);
  checks_stale_ = false;
  stats.total_ms = msSince(start);
  return stats;
}

}  // namespace lkml::lsp
