// "What is under the cursor": the occurrence (declaration or reference) at a byte offset of a
// file, shared by definition, references, hover and rename.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ide/ide_types.h"
#include "ide/project_index.h"

namespace lkml::ide {

/// The occurrence whose name contains `offset` (its end counts: a cursor just after a name is
/// on it). Where two touch, the one the offset is inside wins; a declaration wins over the
/// view an explore's name also stands for. Nullopt for unknown files and offsets on no name.
std::optional<Occurrence> occurrenceAt(const ProjectIndex& index, const std::string& path,
                                       uint32_t offset);

/// The declarations of `target` (originals first, then refinements, in file order). Fields
/// and sets fall back to the compiled models; `${TABLE}` is its view.
std::vector<Occurrence> declarationsOf(const ProjectIndex& index, const Target& target,
                                       const std::vector<Occurrence>& all);

FileRange rangeOf(const ProjectIndex& index, size_t file, uint32_t begin, uint32_t end);
FileRange rangeOf(const ProjectIndex& index, const Occurrence& occurrence);

}  // namespace lkml::ide
