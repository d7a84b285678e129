// What `lkml schema dump` runs (the CLI lives in cli/): connect, read the catalog, print the
// JSON snapshot.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "catalog/connection_settings.h"
#include "catalog/database_error.h"

namespace lkml::catalog {

/// Writes the catalog of `schemas` (every non-system schema when empty) as lkml-catalog/1 JSON
/// to `out`. On failure writes nothing and returns false with `error` (an unreachable database
/// gives Kind::Unreachable, naming host, port and database, never the password).
bool dumpSchema(const ConnectionSettings& settings, const std::vector<std::string>& schemas,
                std::ostream& out, DatabaseError* error);

}  // namespace lkml::catalog
