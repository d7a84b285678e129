// Patching a built model after an edit of one file, without building it again: the language
// server's first answer to a keystroke (lsp/project_state.h). When the edit keeps the file's
// shape (the same views and explores, in the same order, with the same names, `extends` and
// `final:`, and nothing else at its top level), the model's other definitions are what they
// were, so only the views and explores made of the file's blocks (and what extends them) are
// resolved and lowered again, and the model's start is pointed at the new blocks.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "semantic/model.h"
#include "semantic/model_builder.h"
#include "semantic/model_start.h"

namespace lkml::semantic {

struct ModelPatch {
  bool ok = false;                 // false: the shape changed; build the model again
  std::set<std::string> views;     // the views lowered again (their new Views are in the model)
  std::set<std::string> explores;  // the explores lowered again
  /// The findings of resolving `extends` and lowering the explores (not the views' own, which
  /// `cache` holds with each view).
  std::vector<Diagnostic> model_findings;
  /// Every explore lowered again is made of this file's blocks alone (no refinement or parent
  /// elsewhere), so its findings are all in `model_findings`.
  bool explores_self_contained = true;
};

/// Patches `model` (built from `start`) for the edit of a file from `old_doc` to `new_doc`.
/// Both documents must be alive; `new_doc` is the file's current tree. The findings of what
/// is lowered again go to `sink`; the lowered views join `cache`. On a shape change nothing is
/// touched and `ok` is false.
ModelPatch patchModel(ModelStart& start, Model& model, const syntax::Document& old_doc,
                      const syntax::Document& new_doc,
                      const std::map<std::string, Constant>& constants, DiagnosticSink& sink,
                      ViewCache& cache);

}  // namespace lkml::semantic
