// Root cause first, no cascades: a finding that only follows from another one (an unknown view
// after the include that would have provided it matched nothing, a foreign key "not followed"
// by a join whose table is missing, a join's SQL failing because the field its `sql_on` uses
// failed, a parameter read into the block that lost its '}') is folded into that root finding as a
// note instead of being printed on its own. The root takes the highest severity of its group; a
// broken include that breaks references becomes an error.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "semantic/model.h"
#include "semantic/project_loader.h"

namespace lkml::semantic {

/// Groups `diagnostics` (already finalized: sorted, levels applied) by root cause. Findings
/// with `Diagnostic::cause` set go under the finding reported at that span; unknown-view
/// findings (LKML204/205/206/221/228) naming a view that a broken include (LKML216) of the same
/// model would have provided go under that include; "unknown parameter" (LKML201) after the
/// block an unclosed-block error (LKML102) names as missing its '}' goes under that error. Roots of
/// cascades come first, then everything else in its existing order (file, then line). `project` may
/// be null (no models: only `cause` links are followed).
void groupRootCauses(std::vector<Diagnostic>* diagnostics, const ProjectSources& sources,
                     const Project* project);

}  // namespace lkml::semantic
