// The results of ide/'s language features: plain values with byte offsets into project files,
// no protocol. The language server (cli/lsp) converts them to LSP positions and JSON.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lkml::ide {

/// A byte range of one project file. `path` is relative to the project root, as in
/// semantic::ProjectFile::path.
struct FileRange {
  std::string path;
  uint32_t begin = 0, end = 0;
};

enum class SymbolKind {
  Model,
  View,
  Explore,
  Join,
  Dimension,
  DimensionGroup,
  Measure,
  Filter,
  Parameter,
  Set,
  AccessGrant,
  Other
};

struct Symbol {
  std::string name;
  std::string detail;  // the type (`number`, `count`), or the file for workspace symbols
  SymbolKind kind = SymbolKind::Other;
  FileRange range;      // the whole block
  FileRange selection;  // the name
  std::vector<Symbol> children;
};

struct Hover {
  std::string markdown;
  FileRange range;  // the word hovered
};

enum class CompletionKind { Field, View, Explore, Parameter, Value, Keyword };

struct CompletionItem {
  std::string label;
  CompletionKind kind = CompletionKind::Keyword;
  std::string detail;
  std::string documentation;
  std::string insert_text;  // what to insert at the cursor (replacing the word being typed)
};

struct TextEdit {
  FileRange range;
  std::string new_text;
};

struct RenameResult {
  std::vector<TextEdit> edits;
  std::string error;  // non-empty: refused, with a message for the user
};

}  // namespace lkml::ide
