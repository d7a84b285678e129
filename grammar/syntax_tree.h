// lkml's own LookML syntax tree. The ANTLR parse tree never leaves grammar/: every later
// stage sees only these types. Text is a view into the SourceFile, which must outlive the tree.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/compact_vector.h"
#include "base/rare.h"
#include "base/source_file.h"
#include "base/span.h"

namespace lkml::syntax {

/// A quoted string or an unquoted literal. `text` is the raw source text without quotes;
/// backslash escapes are kept (as the Python lkml package does); use unescaped() for the value.
// Members are ordered largest first: a tree holds about one Node per 20 bytes of source, so
// padding costs memory (Node 168 -> 152 bytes, ListItem 96 -> 80; `items` held as a
// RareVector, 152 -> 136; `children` a CompactVector, 136 -> 128, static_assert below).
struct Scalar {
  enum class Kind : uint8_t { None, Literal, String };
  std::string_view text;
  Span span;
  Kind kind = Kind::None;

  bool present() const { return kind != Kind::None; }
  bool quoted() const { return kind == Kind::String; }
  std::string unescaped() const;
};

/// One element of a list: `a`, `"b"`, `set*`, or a map entry `field: "value"`.
struct ListItem {
  Scalar value;      // the item, or the key of a map entry
  Scalar map_value;  // present for `key: value` entries
  Span span;
};

enum class NodeKind : uint8_t {
  Pair,   // key: scalar
  Block,  // key: [name] { members }
  List,   // key: [items]
  Sql,    // key: text ;;
};

struct Node {
  std::string_view key;
  std::string_view sql;          // Sql: the text between ':' and ';;', trimmed
  CompactVector<Node> children;  // Block (16 bytes, see base/compact_vector.h)
  RareVector<ListItem> items;    // List (8 bytes in the other kinds of node, see base/rare.h)
  Scalar value;                  // Pair: the value; Block: the name (kind None when anonymous)
  Span key_span;
  Span span;      // the whole member, key to closing token
  Span sql_span;  // Sql: the span of the trimmed text
  NodeKind kind = NodeKind::Pair;

  bool isPair() const { return kind == NodeKind::Pair; }
  bool isBlock() const { return kind == NodeKind::Block; }
  bool isList() const { return kind == NodeKind::List; }
  bool isSql() const { return kind == NodeKind::Sql; }
  /// First child with the given key (blocks only), or nullptr.
  const Node* child(std::string_view child_key) const;
  /// The block name or pair value as text (unescaped when quoted).
  std::string valueText() const;
};

/// A block's children or a document's members.
using NodeList = CompactVector<Node>;

static_assert(sizeof(Node) == 128, "a Node fills a jemalloc size class exactly (see above)");

struct Comment {
  std::string_view text;  // including the leading '#'
  Span span;
};

/// A parsed file: its top-level members and its comments (kept for formatters).
struct Document {
  const SourceFile* file = nullptr;
  CompactVector<Node> members;
  std::vector<Comment> comments;
  bool complete = true;  // false when the file had syntax errors (tree built from what parsed)
  // The top-level blocks' contents were freed after the models were built (a one-shot lint,
  // semantic::SyntaxRelease): the members, their names and the comments remain.
  bool nested_released = false;
};

}  // namespace lkml::syntax
