// Catalog snapshots as JSON ("format": "lkml-catalog/1", documented in docs/catalog-format.md):
// `lkml schema dump` writes one, and checks can run against it without a database.
#pragma once

#include <string>
#include <string_view>

#include "catalog/catalog.h"

namespace lkml::catalog {

inline constexpr const char* kCatalogFormat = "lkml-catalog/1";

/// The snapshot, pretty-printed with two-space indentation and a fixed key order, ending in a
/// newline. The same catalog always gives the same bytes.
std::string toJson(const Catalog& catalog);

/// Parses a snapshot. On failure returns false and sets `error` to one line naming the JSON
/// path and what was expected, e.g.
/// `$.relations[2].columns[0].nullable: expected a boolean, found a string`.
bool fromJson(std::string_view text, Catalog* out, std::string* error);

}  // namespace lkml::catalog
