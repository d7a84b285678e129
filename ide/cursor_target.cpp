#include "ide/cursor_target.h"

#include <algorithm>
#include <tuple>

namespace lkml::ide {

std::optional<Occurrence> occurrenceAt(const ProjectIndex& index, const std::string& path,
                                       uint32_t offset) {
  size_t file = index.fileIndex(path);
  if (file == SIZE_MAX) return std::nullopt;
  std::optional<Occurrence> best;
  auto rank = [offset](const Occurrence& o) {
    return std::make_tuple(offset == o.end ? 1 : 0, o.implicit ? 1 : 0, o.declaration ? 0 : 1,
                           o.end - o.begin);
  };
  for (Occurrence& o : index.occurrences(file)) {
    if (offset < o.begin || offset > o.end) continue;
    if (!best || rank(o) < rank(*best)) best = std::move(o);
  }
  return best;
}

std::vector<Occurrence> declarationsOf(const ProjectIndex& index, const Target& target,
                                       const std::vector<Occurrence>& all) {
  Target wanted = target;
  if (wanted.kind == TargetKind::Table) wanted = {TargetKind::View, "", target.view};
  std::vector<Occurrence> found;
  for (const Occurrence& o : all) {
    if (o.declaration && o.target == wanted) found.push_back(o);
  }
  if (found.empty() && wanted.kind == TargetKind::Field) {
    // Not declared in any syntax tree under that view (a name only the compiled model knows):
    // where the compiled field was declared.
    for (const semantic::Model& model : index.project().project.models) {
      const semantic::View* view = model.findView(wanted.view);
      const semantic::Field* field = view ? view->findField(wanted.name) : nullptr;
      if (!field || !field->name_span.valid()) continue;
      const auto& files = index.sources().files;
      for (size_t i = 0; i < files.size(); ++i) {
        if (!files[i].source || files[i].source->id() != field->name_span.file) continue;
        Occurrence o;
        o.target = wanted;
        o.file = i;
        o.begin = field->name_span.begin;
        o.end = field->name_span.end;
        o.declaration = true;
        found.push_back(o);
      }
      break;
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Occurrence& a, const Occurrence& b) {
    return !a.refinement && b.refinement;
  });
  return found;
}

FileRange rangeOf(const ProjectIndex& index, size_t file, uint32_t begin, uint32_t end) {
  FileRange r;
  if (file < index.sources().files.size()) r.path = index.sources().files[file].path;
  r.begin = begin;
  r.end = end;
  return r;
}

FileRange rangeOf(const ProjectIndex& index, const Occurrence& o) {
  return rangeOf(index, o.file, o.begin, o.end);
}

}  // namespace lkml::ide
