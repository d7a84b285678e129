// Writes query results as an aligned text table, JSON (array of objects keyed by field name)
// or CSV (RFC 4180).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "catalog/postgres_connection.h"

namespace lkml::cli {

enum class ResultFormat { Table, Json, Csv };
bool parseResultFormat(const std::string& name, ResultFormat* format);

void writeResult(std::ostream& out, ResultFormat format, const std::vector<std::string>& columns,
                 const catalog::QueryResult& result);

}  // namespace lkml::cli
