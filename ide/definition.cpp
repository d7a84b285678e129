// Go to definition: the declaration of the name under the cursor and its refinements; an
// `include:` string opens the files it matches.
#include "ide/cursor_target.h"
#include "ide/ide.h"
#include "semantic/include_resolver.h"

namespace lkml::ide {

std::vector<FileRange> definition(const semantic::LoadedProject& project, const std::string& path,
                                  uint32_t offset) {
  ProjectIndex index(project);
  std::optional<Occurrence> at = occurrenceAt(index, path, offset);
  if (!at) return {};
  std::vector<FileRange> out;
  if (at->target.kind == TargetKind::Include) {
    for (size_t file : semantic::filesMatchingInclude(index.sources(), path, at->target.name)) {
      out.push_back(rangeOf(index, file, 0, 0));
    }
    return out;
  }
  for (const Occurrence& d : declarationsOf(index, at->target, index.allOccurrences())) {
    out.push_back(rangeOf(index, d));
  }
  return out;
}

}  // namespace lkml::ide
