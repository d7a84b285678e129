// Baselines for adopting lkml on a project with many findings: `--write-baseline FILE` records
// today's findings; `--baseline FILE` reports only new ones. Findings are matched by code, file,
// the object they are in (`view:orders/dimension:id`) and a hash of the message and the
// offending text, never by line number, so they survive edits elsewhere in the file.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "semantic/project.h"

namespace lkml::cli {

struct BaselineEntry {
  std::string code, file, object, hash;
  bool operator<(const BaselineEntry& o) const;
  bool operator==(const BaselineEntry& o) const;
};

/// The baseline key of each finding (same order as `diagnostics`).
std::vector<BaselineEntry> baselineKeys(
    const std::vector<Diagnostic>& diagnostics, const SourceMap& sources,
    const std::vector<const semantic::ProjectSources*>& projects);

bool writeBaseline(const std::string& path, std::vector<BaselineEntry> entries, std::string* error);
bool readBaseline(const std::string& path, std::vector<BaselineEntry>* entries, std::string* error);

struct BaselineResult {
  size_t baselined = 0;                // findings dropped because the baseline has them
  std::vector<BaselineEntry> stale;    // baseline entries that no longer occur
  std::vector<BaselineEntry> current;  // the baseline without stale entries (for pruning)
};

/// Removes the findings the baseline holds (each entry matches one finding).
BaselineResult applyBaseline(std::vector<Diagnostic>* diagnostics,
                             const std::vector<BaselineEntry>& keys,
                             const std::vector<BaselineEntry>& baseline);

}  // namespace lkml::cli
