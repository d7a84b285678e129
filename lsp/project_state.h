// One LookML project as the language server sees it: the texts of the editor's open documents
// over the files on disk, compiled incrementally. A change re-parses only the files whose text
// changed and rebuilds only the models that include one of them; the checks, lkml.json,
// suppressions and root causes then run as `lkml lint` runs them (lint/project_lint.h), so
// the findings are the command line's.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "lint/project_lint.h"
#include "schema/database_set.h"
#include "semantic/lint_config.h"
#include "semantic/linter.h"
#include "semantic/model_builder.h"
#include "semantic/model_start.h"
#include "semantic/project.h"

namespace lkml::lsp {

class ProjectState {
 public:
  /// `root`: the project directory, absolute and normalised (diagnostics name files under it).
  explicit ProjectState(std::string root);
  ~ProjectState();

  const std::string& root() const { return root_; }

  /// The editor's text of `rel` (relative to the root) replaces the file on disk; nullopt
  /// gives the file back to the disk (the document was closed).
  void setText(const std::string& rel, std::optional<std::string> text);
  /// `rel` changed on disk: edited, created or deleted (a git checkout, a save elsewhere).
  void diskChanged(const std::string& rel);
  /// Forget everything compiled: the next update reads the whole project again.
  void reloadAll() { full_ = true; }
  bool dirty() const {
    return full_ || !changed_.empty() || !stale_models_.empty() || checks_stale_;
  }
  /// Whether texts changed since the last update (updateEditedFiles has something to do).
  bool edited() const {
    return !full_ && project_ && !changed_.empty() && !config_changed_ && stale_models_.empty();
  }

  struct UpdateStats {
    bool full = false;  // the whole project was read again
    size_t files_parsed = 0;
    size_t models_built = 0;
    double parse_ms = 0, build_ms = 0, check_ms = 0, total_ms = 0;
  };
  /// Brings the compiled project and the findings up to date. `threads` as in loadProject
  /// (0: all cores).
  UpdateStats update(unsigned threads = 0);

  struct QuickStats {
    size_t files_patched = 0;  // edited files whose findings quickDiagnostics() holds
    double parse_ms = 0, patch_ms = 0, check_ms = 0, total_ms = 0;
  };
  /// The first answer to an edit, before update(): re-parses the changed files and, for each
  /// one whose edit kept its shape (semantic/model_patch.h), patches the models that include it
  /// and runs the view and explore checks of what changed. quickDiagnostics() then holds those
  /// files' findings: parse, syntax checks, lowering, and the checks of their views, of their
  /// explores and of the explores that reach their views (not the model-wide families, which
  /// update() adds). update() then completes the project.
  QuickStats updateEditedFiles(unsigned threads = 0);
  const std::vector<Diagnostic>& quickDiagnostics() const { return quick_diagnostics_; }
  /// Whether `d` belongs to a family the first answer leaves to update(): the model-wide
  /// checks (models, access grants, field-list references, derived tables and tests), filter
  /// expressions, the dialect guess, and unused suppressions (which need every check).
  static bool leftToFullUpdate(const Diagnostic& d) {
    return d.code == 121 || d.code == 212 || d.code == 213 || d.code == 226 || d.code == 234 ||
           d.code == 237 || d.code == 238 || (d.code >= 280 && d.code <= 289) || d.code == 290 ||
           (d.code >= 440 && d.code <= 449);
  }
  /// The files (as diagnostics name them) whose findings quickDiagnostics() holds.
  const std::set<std::string>& quickFiles() const { return quick_files_; }

  /// The compiled project (sources hold the current texts). Valid after the first update.
  const semantic::LoadedProject& project() const { return *project_; }
  /// Every finding of the last update: levels, suppressions and root causes applied, fixes
  /// placed in the text (lint::placeFixes).
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  const SourceMap& files() const { return *project_->sources.sources; }
  /// Frees the models an update replaced (call when idle, after publishing).
  void releaseRetired() { retired_.clear(); }
  /// Problems of the last update that belong to no file (an unreadable schema snapshot).
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  void loadAll(unsigned threads, UpdateStats* stats);
  // Parses the changed texts and marks the models that include them stale; with `patch`,
  // patches those models first (updateEditedFiles). False: reload everything.
  bool parseChangedFiles(UpdateStats* stats, bool patch);
  void rebuildStaleModels(unsigned threads, UpdateStats* stats);
  void loadConfig();
  std::vector<Diagnostic> syntaxChecksOf(const semantic::ProjectFile& file) const;
  void runChecks(unsigned threads, UpdateStats* stats);
  std::string displayPath(const std::string& rel) const;

  std::string root_;
  std::map<std::string, std::string> overlay_;  // open documents
  std::set<std::string> changed_;               // texts that may differ from the compiled ones
  bool full_ = true;
  bool config_changed_ = true;
  std::unique_ptr<semantic::LoadedProject> project_;
  // Findings kept between updates, so an update recomputes only what changed.
  std::vector<Diagnostic> load_diagnostics_;                      // without a file span
  std::map<FileId, std::vector<Diagnostic>> parse_diagnostics_;   // per current SourceFile
  std::map<FileId, std::vector<Diagnostic>> syntax_diagnostics_;  // semantic::runSyntaxChecks
  std::vector<size_t> model_file_;                                // per model: its file's index
  std::vector<std::vector<Diagnostic>> model_diagnostics_;  // per model: building it (not views)
  // Per model: its start (collected definitions) while the model is current, for patching.
  std::vector<std::unique_ptr<semantic::ModelStart>> starts_;
  std::set<size_t> stale_models_;  // models to build again (an included file changed)
  bool checks_stale_ = false;      // texts changed since the checks last ran
  // What the patches of the last updateEditedFiles changed, to check first.
  semantic::CheckScope quick_scope_;
  DiagnosticBag quick_bag_;  // findings of lowering the patched objects
  std::set<FileId> quick_ids_;
  std::vector<Diagnostic> quick_diagnostics_;
  std::set<std::string> quick_files_;
  semantic::LintConfig config_;
  bool config_ok_ = true;  // false: lkml.json is broken (reported, and no dialect is guessed)
  std::vector<Diagnostic> config_diagnostics_;
  semantic::ViewCache view_cache_;                  // views by the syntax nodes they were made of
  lint::CheckCaches check_caches_;                  // per file text: kept while the text is current
  std::unique_ptr<schema::DatabaseSet> databases_;  // the schema snapshot, when configured
  std::vector<Diagnostic> diagnostics_;
  std::vector<std::string> messages_;
  std::vector<semantic::Model> retired_;  // replaced models not yet freed
};

}  // namespace lkml::lsp
