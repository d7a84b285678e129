// Dumps of the syntax tree: the JSON shape of the Python `lkml` package's `lkml.load()` (the
// de-facto interchange format of LookML tooling) and an indented tree with source positions.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "grammar/syntax_tree.h"

namespace lkml::grammar {

/// lkml.load() shape: repeated keys pluralised into lists (`views`, `dimensions`, ...), block
/// names under "name", scalars as strings, SQL trimmed, `filters`/`extends`/`bind_filters`
/// collected under `<key>__all`.
nlohmann::ordered_json toLkmlJson(const syntax::Document& doc);

/// One line per node: `key: kind value @line:col-line:col`, children indented.
void dumpTree(std::ostream& out, const syntax::Document& doc);

/// The plural key lkml.load() uses for a repeatable key (`dimension` -> `dimensions`), or
/// an empty view when the key is not repeatable.
std::string_view pluralKey(std::string_view key);

}  // namespace lkml::grammar
