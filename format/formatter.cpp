#include "format/formatter.h"

#include <string_view>
#include <vector>

#include "format/layout_writer.h"
#include "format/sql_text.h"
#include "grammar/parse.h"

namespace lkml::format {

namespace {

using syntax::Node;
using syntax::NodeKind;
using syntax::Scalar;

void appendScalar(std::string* out, const Scalar& scalar) {
  if (scalar.quoted()) {
    *out += '"';
    out->append(scalar.text);  // escapes as written: the value stays byte for byte the same
    *out += '"';
  } else {
    out->append(scalar.text);
  }
}

void appendItem(std::string* out, const syntax::ListItem& item) {
  appendScalar(out, item.value);
  if (item.map_value.present()) {
    *out += ": ";
    appendScalar(out, item.map_value);
  }
}

/// Characters, not bytes: UTF-8 continuation bytes do not count.
size_t displayWidth(std::string_view text) {
  size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

class Formatter {
 public:
  Formatter(const syntax::Document& doc, const FormatOptions& options)
      : doc_(doc), options_(options), w_(doc.file->text(), doc.comments, options.indent_width) {}

  std::string run();

 private:
  // One open block (or the file, block == nullptr) on the explicit stack.
  struct Frame {
    const Node* block;
    size_t next;           // the next child to write
    uint32_t depth;        // indentation of the children
    bool empty;            // nothing on a line of its own inside yet
    size_t lines_at_open;  // LayoutWriter::linesStarted() after '{'
  };

  /// Comments between the parts of one member (key, value, brackets) go where they fall.
  void innerComments(uint32_t offset, uint32_t depth) {
    bool no_blank_line = true;
    w_.commentsBefore(offset, depth, &no_blank_line);
  }
  void writePair(const Node& node, uint32_t depth);
  void writeSql(const Node& node, uint32_t depth);
  void writeList(const Node& node, uint32_t depth);
  bool listFitsOnOneLine(const Node& node, uint32_t depth, std::string* line) const;

  /// The text of the token being written (kept: one allocation for the whole file).
  std::string_view scalarText(const Scalar& scalar) {
    if (!scalar.quoted()) return scalar.text;
    scratch_.clear();
    appendScalar(&scratch_, scalar);
    return scratch_;
  }
  std::string_view itemText(const syntax::ListItem& item) {
    if (!item.map_value.present()) return scalarText(item.value);
    scratch_.clear();
    appendItem(&scratch_, item);
    return scratch_;
  }

  const syntax::Document& doc_;
  const FormatOptions& options_;
  LayoutWriter w_;
  std::string scratch_;
  std::string list_line_;
};

std::string Formatter::run() {
  std::vector<Frame> stack;
  stack.push_back({nullptr, 0, 0, true, 0});
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const syntax::NodeList& members = frame.block ? frame.block->children : doc_.members;
    if (frame.next == members.size()) {
      if (!frame.block) {
        w_.commentsBefore(UINT32_MAX, 0, &frame.empty);
      } else {
        const Node& block = *frame.block;
        const uint32_t close = block.span.end - 1;
        w_.commentsBefore(close, frame.depth, &frame.empty);
        if (w_.linesStarted() != frame.lines_at_open) {
          bool no_blank_line = true;
          w_.beginLine(close, frame.depth - 1, &no_blank_line);
        }
        w_.writeToken("}", block.span.end, frame.depth - 1);  // `{}` when nothing is inside
      }
      stack.pop_back();
      continue;
    }
    const Node& node = members[frame.next++];
    const uint32_t depth = frame.depth;
    w_.commentsBefore(node.span.begin, depth, &frame.empty);
    w_.beginLine(node.span.begin, depth, &frame.empty);
    w_.writeToken(node.key, node.key_span.end, depth + 1);
    w_.write(":", depth + 1);
    switch (node.kind) {
      case NodeKind::Pair:
        writePair(node, depth);
        break;
      case NodeKind::Sql:
        writeSql(node, depth);
        break;
      case NodeKind::List:
        writeList(node, depth);
        break;
      case NodeKind::Block: {
        if (node.value.present()) {
          innerComments(node.value.span.begin, depth + 1);
          w_.writeToken(scalarText(node.value), node.value.span.end, depth + 1, true);
        }
        w_.write("{", depth + 1, true);
        // Invalidates `frame`; the parser bounds the depth (grammar::kMaxNesting).
        stack.push_back({&node, 0, depth + 1, true, w_.linesStarted()});
        break;
      }
    }
  }
  return w_.finish();
}

void Formatter::writePair(const Node& node, uint32_t depth) {
  innerComments(node.value.span.begin, depth + 1);
  w_.writeToken(scalarText(node.value), node.value.span.end, depth + 1, true);
}

void Formatter::writeSql(const Node& node, uint32_t depth) {
  // The text stays as written (its indentation too): only line-end whitespace goes. Text on
  // one line (most) has none: the tree trimmed both its ends.
  std::string_view text = node.sql;
  size_t line_break = std::string_view::npos;  // before the text, when it has several lines
  if (text.find('\n') != std::string_view::npos) {
    scratch_ = trimLineEnds(node.sql, w_.newline());
    text = scratch_;
    line_break = doc_.file->text().rfind('\n', node.sql_span.begin);
  }
  // Several lines that began on the line after the key stay so, the first one indented as in
  // the source like the others (not after `sql` NEWLINE `: text`: the colon starts that line).
  std::string_view indent;
  if (line_break != std::string_view::npos && line_break >= node.key_span.end) {
    indent = doc_.file->text().substr(line_break + 1, node.sql_span.begin - line_break - 1);
    if (indent.find_first_not_of(" \t\f") != std::string_view::npos) {
      line_break = std::string_view::npos;
    }
  } else {
    line_break = std::string_view::npos;
  }
  if (line_break != std::string_view::npos) {
    w_.writeRawLine(indent, text, node.sql_span.end);
  } else if (!text.empty()) {
    w_.writeToken(text, node.sql_span.end, depth + 1, true);
  }
  if (lastLineHasLineComment(text)) {
    bool no_blank_line = true;
    w_.beginLine(node.span.end, depth, &no_blank_line);
    w_.writeToken(";;", node.span.end, depth);
  } else {
    w_.writeToken(";;", node.span.end, depth + 1, true);
  }
}

bool Formatter::listFitsOnOneLine(const Node& node, uint32_t depth, std::string* line) const {
  if (w_.hasCommentIn(node.key_span.end, node.span.end)) return false;
  *line = "[";
  for (size_t i = 0; i < node.items.size(); ++i) {
    if (i > 0) *line += ", ";
    appendItem(line, node.items[i]);
  }
  *line += ']';
  if (line->find('\n') != std::string::npos) return false;  // a string spanning lines
  const size_t width =
      size_t{depth} * options_.indent_width + displayWidth(node.key) + 2 + displayWidth(*line);
  return width <= options_.max_width;
}

void Formatter::writeList(const Node& node, uint32_t depth) {
  if (listFitsOnOneLine(node, depth, &list_line_)) {
    w_.writeToken(list_line_, node.span.end, depth + 1, true);
    return;
  }
  w_.write("[", depth + 1, true);
  bool empty = true;
  for (size_t i = 0; i < node.items.size(); ++i) {
    const syntax::ListItem& item = node.items[i];
    w_.commentsBefore(item.span.begin, depth + 1, &empty);
    w_.beginLine(item.span.begin, depth + 1, &empty);
    w_.writeToken(itemText(item), item.span.end, depth + 2);
    if (i + 1 < node.items.size()) w_.write(",", depth + 2);
  }
  const uint32_t close = node.span.end - 1;
  w_.commentsBefore(close, depth + 1, &empty);
  bool no_blank_line = true;
  w_.beginLine(close, depth, &no_blank_line);
  w_.writeToken("]", node.span.end, depth);
}

}  // namespace

std::string formatDocument(const syntax::Document& doc, const FormatOptions& options) {
  return Formatter(doc, options).run();
}

FormatResult formatFile(const SourceFile& file, DiagnosticSink& sink,
                        const FormatOptions& options) {
  DiagnosticBag diagnostics;
  syntax::Document doc = grammar::parse(file, diagnostics);
  FormatResult result;
  result.ok = doc.complete && !diagnostics.hasErrors();
  for (Diagnostic& d : diagnostics.diagnostics()) sink.report(std::move(d));
  if (result.ok) result.text = formatDocument(doc, options);
  return result;
}

}  // namespace lkml::format
