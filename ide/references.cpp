// Find references: every occurrence of the target under the cursor in the whole project.
#include "ide/cursor_target.h"
#include "ide/ide.h"

namespace lkml::ide {

std::vector<FileRange> references(const semantic::LoadedProject& project, const std::string& path,
                                  uint32_t offset, bool include_declaration) {
  ProjectIndex index(project);
  std::optional<Occurrence> at = occurrenceAt(index, path, offset);
  if (!at || at->target.kind == TargetKind::Include) return {};
  Target target = at->target;
  if (target.kind == TargetKind::Table) target = {TargetKind::View, "", target.view};
  std::vector<FileRange> out;
  for (const Occurrence& o : index.allOccurrences()) {
    if (o.target != target || (o.declaration && !include_declaration)) continue;
    out.push_back(rangeOf(index, o));
  }
  return out;
}

}  // namespace lkml::ide
