// Runs every lint check (semantic/checks/check_*.cpp) over a project.
#pragma once

#include <unordered_set>

#include "base/diagnostic.h"
#include "semantic/project.h"

namespace lkml::semantic {

/// The checks that read only the syntax trees (LKML201, 231): they may run while the models
/// are being built. `sink` must be thread-safe then (DiagnosticBag is).
/// On up to `threads` threads (0: all cores); findings in the same order for any number.
void runSyntaxChecks(const LoadedProject& project, DiagnosticSink& sink, unsigned threads = 0);

/// The checks of the compiled models. `style_rules`: also run the opt-in style rules (LKML25x).
/// Runs on up to `threads` threads (0: all cores); the findings reach `sink` in the same order
/// for any number of threads.
void runModelChecks(const LoadedProject& project, DiagnosticSink& sink, bool style_rules = false,
                    unsigned threads = 0);

/// What runScopedChecks checks: views by identity, explores by address (in their model).
struct CheckScope {
  std::unordered_set<const View*> views;
  std::unordered_set<const Explore*> explores;
};

/// The view and explore checks (the reference, view, explore and style families) of only the
/// views and explores in `scope`, on this thread: the language server's first findings after
/// an edit, for the objects it changed. The model-wide families (models, access grants,
/// derived tables, field-list references) are left to runModelChecks.
void runScopedChecks(const LoadedProject& project, const CheckScope& scope, DiagnosticSink& sink,
                     bool style_rules = false);

/// Both of the above, on a compiled project.
void runChecks(const LoadedProject& project, DiagnosticSink& sink, bool style_rules = false,
               unsigned threads = 0);

}  // namespace lkml::semantic
