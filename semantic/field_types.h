// The vocabularies of LookML field types, timeframes and intervals (Looker's reference).
#pragma once

#include <string>
#include <vector>

namespace lkml::semantic {

const std::vector<std::string>& dimensionTypes();
const std::vector<std::string>& measureTypes();
const std::vector<std::string>& filterTypes();  // filter: and parameter: fields
const std::vector<std::string>& timeframes();
const std::vector<std::string>& defaultTimeframes();
const std::vector<std::string>& durationIntervals();

/// sum, average, count, ... (types that aggregate a row-level expression).
bool isAggregateMeasureType(const std::string& type);
/// number, string, date, yesno measures: expressions over other measures.
bool isNonAggregateMeasureType(const std::string& type);
/// Aggregate types whose `sql:` defaults to the column named like the measure
/// (`${TABLE}.name`), as Looker documents: sum, average, min, max, median, percentile and the
/// *_distinct types.
bool measureReadsOwnColumn(const std::string& type);

}  // namespace lkml::semantic
