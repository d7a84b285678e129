// LKML301 (relation exists), LKML305/306 (derived tables): resolving every checked view's
// relation reports them (CheckContext::relationOf).
#include "schema/check_context.h"

namespace lkml::schema {

void checkTables(CheckContext& ctx) {
  for (const semantic::View* view : checkedViews(ctx.model)) {
    if (ctx.failed()) return;
    ctx.relationOf(*view);
  }
}

}  // namespace lkml::schema
