// ide/: language features over a compiled project (go to definition, references, symbols,
// hover, completion, rename), with byte offsets and no protocol, as rust-analyzer's `ide`
// crate sits under its server. Every function takes the project as semantic::loadAndCompile
// built it (syntax trees in .sources, compiled models in .project) and never throws or crashes
// on any offset: an offset past the end or in text that does not parse gives an empty answer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ide/ide_types.h"
#include "semantic/project.h"

namespace lkml::ide {

/// Where the name under the cursor is defined: the original declaration first, then every
/// refinement of it (`view: +name`). An `include:` string gives the files it matches, each as
/// the empty range at offset 0.
std::vector<FileRange> definition(const semantic::LoadedProject& project, const std::string& path,
                                  uint32_t offset);

/// Every place the field, view, explore, set or access grant under the cursor is referenced,
/// in every model (LookML names, `${}` in SQL, Liquid, `fields:` lists, `view.field` strings).
std::vector<FileRange> references(const semantic::LoadedProject& project, const std::string& path,
                                  uint32_t offset, bool include_declaration);

/// The outline of one file: models, views with their fields and sets, explores with joins.
std::vector<Symbol> documentSymbols(const semantic::LoadedProject& project,
                                    const std::string& path);

/// Views, explores, fields and sets of the whole project whose name matches `query`
/// (case-insensitive subsequence; an empty query matches everything).
std::vector<Symbol> workspaceSymbols(const semantic::LoadedProject& project,
                                     std::string_view query);

/// Type, label, description, SQL (with `${}` resolved one level) and where the thing under the
/// cursor is defined and refined.
std::optional<Hover> hover(const semantic::LoadedProject& project, const std::string& path,
                           uint32_t offset);

/// Completions at `offset` of the file's current text in project.sources (the SourceFile of
/// `path`), which need not parse: field names after `${` and in `fields:`/`filters:`/`sorts:`,
/// view and explore names, parameter names valid in the enclosing block and their values.
/// Each item replaces the identifier characters ([A-Za-z0-9_]) right before `offset` (after
/// `${orders.` the items are bare field names); the text is read from `path`'s SourceFile, so
/// the caller compiles the project with the editor's unsaved text (ProjectSources::overlay).
std::vector<CompletionItem> complete(const semantic::LoadedProject& project,
                                     const std::string& path, uint32_t offset);

/// Renames the field or view under the cursor everywhere it is referenced, or refuses
/// (RenameResult::error) where the edit could not be proved complete and correct.
RenameResult rename(const semantic::LoadedProject& project, const std::string& path,
                    uint32_t offset, const std::string& new_name);

}  // namespace lkml::ide
