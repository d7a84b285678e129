#include "liquid/parser.h"

#include <cctype>
#include <string>

#include "liquid/markup.h"

namespace lkml::liquid {

namespace {

struct Piece {
  enum class Kind { Text, Output, Tag };
  Kind kind = Kind::Text;
  size_t begin = 0, end = 0;  // the whole piece, delimiters included
  std::string text;           // Text
  std::string_view markup;    // Output / Tag: between the delimiters and `-` markers
  size_t markup_begin = 0;
  std::string name;  // Tag: the first word
  bool trim_left = false, trim_right = false;
};

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

LiquidError makeError(LiquidCode code, std::string message, size_t begin, size_t end,
                      std::string hint = "") {
  LiquidError e;
  e.code = code;
  e.message = std::move(message);
  e.hint = std::move(hint);
  e.begin = begin;
  e.end = end;
  return e;
}

// Reads the `{{ ... }}` or `{% ... %}` at `open`. False with `error` when it is not closed.
bool readDelimited(std::string_view text, size_t open, Piece* piece, LiquidError* error) {
  bool output = text[open + 1] == '{';
  std::string_view closer = output ? "}}" : "%}";
  size_t close = text.find(closer, open + 2);
  if (close == std::string_view::npos) {
    *error = makeError(LiquidCode::liquid_unclosed_tag,
                       std::string("Liquid `") + (output ? "{{" : "{%") + "` without a closing `" +
                           std::string(closer) + "`",
                       open, open + 2, "close it with `" + std::string(closer) + "`");
    return false;
  }
  piece->kind = output ? Piece::Kind::Output : Piece::Kind::Tag;
  piece->begin = open;
  piece->end = close + 2;
  size_t mb = open + 2, me = close;
  if (mb < me && text[mb] == '-') piece->trim_left = true, ++mb;
  if (me > mb && text[me - 1] == '-') piece->trim_right = true, --me;
  piece->markup = text.substr(mb, me - mb);
  piece->markup_begin = mb;
  if (!output) {
    size_t i = 0;
    while (i < piece->markup.size() && isSpace(piece->markup[i])) ++i;
    size_t start = i;
    while (
        i < piece->markup.size() &&
        (std::isalnum(static_cast<unsigned char>(piece->markup[i])) || piece->markup[i] == '_')) {
      ++i;
    }
    piece->name = std::string(piece->markup.substr(start, i - start));
    piece->markup = piece->markup.substr(i);
    piece->markup_begin += i;
  }
  return true;
}

// Finds the tag named `end_name` that closes a block opened before `from`, counting nested
// `open_name` tags (comments nest; raw does not: open_name empty). Returns its piece.
bool findEndTag(std::string_view text, size_t from, std::string_view open_name,
                std::string_view end_name, Piece* end_piece, LiquidError* error) {
  int depth = 1;
  for (size_t i = text.find("{%", from); i != std::string_view::npos; i = text.find("{%", i + 2)) {
    Piece piece;
    if (!readDelimited(text, i, &piece, error)) return false;
    if (!open_name.empty() && piece.name == open_name) ++depth;
    if (piece.name == end_name && --depth == 0) {
      *end_piece = piece;
      return true;
    }
  }
  return false;
}

bool scan(std::string_view text, std::vector<Piece>* pieces, LiquidError* error) {
  size_t pos = 0;
  auto addText = [&](size_t begin, size_t end) {
    if (end <= begin) return;
    Piece p;
    p.begin = begin;
    p.end = end;
    p.text = std::string(text.substr(begin, end - begin));
    pieces->push_back(std::move(p));
  };
  while (pos < text.size()) {
    size_t open = pos;
    for (;;) {
      open = text.find('{', open);
      if (open == std::string_view::npos || open + 1 >= text.size()) break;
      if (text[open + 1] == '{' || text[open + 1] == '%') break;
      ++open;
    }
    if (open == std::string_view::npos || open + 1 >= text.size()) {
      addText(pos, text.size());
      break;
    }
    addText(pos, open);
    Piece piece;
    if (!readDelimited(text, open, &piece, error)) return false;
    if (piece.kind == Piece::Kind::Tag && (piece.name == "raw" || piece.name == "comment")) {
      bool raw = piece.name == "raw";
      Piece end_piece;
      if (!findEndTag(text, piece.end, raw ? "" : "comment", raw ? "endraw" : "endcomment",
                      &end_piece, error)) {
        if (error->message.empty()) {
          *error =
              makeError(LiquidCode::liquid_unclosed_block,
                        "`{% " + piece.name + " %}` without `{% end" + piece.name + " %}`",
                        piece.begin, piece.end, "add `{% end" + piece.name + " %}` where it ends");
        }
        return false;
      }
      if (raw) {
        Piece body;
        body.begin = piece.end;
        body.end = end_piece.begin;
        body.text = std::string(text.substr(piece.end, end_piece.begin - piece.end));
        body.trim_left = piece.trim_right;  // whitespace control reaches into the raw text
        body.trim_right = end_piece.trim_left;
        Piece marker = piece;
        marker.name = "";  // keeps the outer trims; renders nothing
        marker.trim_right = false;
        pieces->push_back(marker);
        pieces->push_back(std::move(body));
        end_piece.name = "";
        end_piece.trim_left = false;
        pieces->push_back(end_piece);
      } else {
        piece.name = "";
        piece.trim_right = end_piece.trim_right;
        piece.end = end_piece.end;
        pieces->push_back(piece);
      }
      pos = end_piece.end;
      continue;
    }
    pos = piece.end;
    pieces->push_back(std::move(piece));
  }
  // Whitespace control: `{%-` strips the text before, `-%}` the text after.
  for (size_t i = 0; i < pieces->size(); ++i) {
    Piece& p = (*pieces)[i];
    if (p.kind != Piece::Kind::Text) continue;
    bool strip_front = (i > 0 && (*pieces)[i - 1].trim_right) || p.trim_left;
    bool strip_back = (i + 1 < pieces->size() && (*pieces)[i + 1].trim_left) || p.trim_right;
    if (strip_back) {
      while (!p.text.empty() && isSpace(p.text.back())) p.text.pop_back();
    }
    if (strip_front) {
      size_t n = 0;
      while (n < p.text.size() && isSpace(p.text[n])) ++n;
      p.text.erase(0, n);
    }
  }
  return true;
}

struct Frame {
  Node* node = nullptr;
  std::vector<Node>* body = nullptr;  // where children go (null: discarded, before a `when`)
  std::string end_name;
};

bool isBlockEnd(const std::string& name) { return name.rfind("end", 0) == 0; }

}  // namespace

bool hasLiquid(std::string_view text) {
  return text.find("{{") != std::string_view::npos || text.find("{%") != std::string_view::npos;
}

bool isKnownFilter(std::string_view name, size_t* min_args, size_t* max_args) {
  struct Known {
    std::string_view name;
    size_t min, max;
  };
  static const Known kFilters[] = {
      {"downcase", 0, 0},   {"upcase", 0, 0},  {"replace", 2, 2},    {"remove", 1, 1},
      {"append", 1, 1},     {"prepend", 1, 1}, {"split", 1, 1},      {"join", 0, 1},
      {"size", 0, 0},       {"default", 1, 1}, {"date", 1, 1},       {"sql_quote", 0, 0},
      {"url_encode", 0, 0}, {"strip", 0, 0},   {"encode_uri", 0, 0}, {"plus", 1, 1},
      {"minus", 1, 1},      {"times", 1, 1},   {"divided_by", 1, 1}, {"modulo", 1, 1},
      {"round", 0, 1},      {"abs", 0, 0},     {"ceil", 0, 0},       {"floor", 0, 0},
  };
  for (const Known& k : kFilters) {
    if (k.name == name) {
      *min_args = k.min;
      *max_args = k.max;
      return true;
    }
  }
  return false;
}

ParseResult parseTemplate(std::string_view text) {
  ParseResult result;
  std::vector<Piece> pieces;
  LiquidError error;
  if (!scan(text, &pieces, &error)) {
    result.error = error;
    return result;
  }
  std::vector<Frame> stack;
  stack.push_back({nullptr, &result.tmpl.nodes, ""});
  auto fail = [&](LiquidError e) {
    result.error = std::move(e);
    result.tmpl.nodes.clear();
    return result;
  };
  auto trailing = [&](MarkupParser& m, const Piece& p) -> bool {
    if (m.atEnd()) return true;
    error = m.errorHere("unexpected `" + std::string(m.rest()) + "` in `{% " + p.name + " %}`");
    return false;
  };
  for (const Piece& p : pieces) {
    Frame& top = stack.back();
    if (p.kind == Piece::Kind::Text) {
      if (!p.text.empty() && top.body) {
        Node n;
        n.kind = Node::Kind::Text;
        n.begin = p.begin;
        n.end = p.end;
        n.text = p.text;
        top.body->push_back(std::move(n));
      }
      continue;
    }
    MarkupParser m(p.markup, p.markup_begin);
    if (p.kind == Piece::Kind::Output || p.name == "echo") {
      Node n;
      n.kind = Node::Kind::Output;
      n.begin = p.begin;
      n.end = p.end;
      if (!m.parseExpression(&n.expression, &error)) return fail(error);
      if (!m.atEnd()) {
        return fail(m.errorHere("unexpected `" + std::string(m.rest()) + "` in `{{ }}`",
                                "filters are written `| name: argument`"));
      }
      if (top.body) top.body->push_back(std::move(n));
      continue;
    }
    if (p.name.empty()) continue;  // a comment or the edges of a raw block
    const std::string& name = p.name;
    Node n;
    n.begin = p.begin;
    n.end = p.end;
    n.name = name;
    std::string end_name;
    if (name == "if" || name == "unless") {
      n.kind = Node::Kind::If;
      n.negated = name == "unless";
      n.branches.emplace_back();
      if (!m.parseCondition(&n.branches[0].condition, &error) || !trailing(m, p)) {
        return fail(error);
      }
      end_name = "end" + name;
    } else if (name == "case") {
      n.kind = Node::Kind::Case;
      if (!m.parseOperand(&n.expression.operand, &error) || !trailing(m, p)) return fail(error);
      end_name = "endcase";
    } else if (name == "for") {
      n.kind = Node::Kind::For;
      if (!m.parseName(&n.name)) return fail(m.errorHere("expected a loop variable after `for`"));
      if (!m.accept("in")) return fail(m.errorHere("expected `in` after the loop variable"));
      if (!m.parseOperand(&n.expression.operand, &error)) return fail(error);
      for (;;) {
        if (m.accept("reversed")) {
          n.reversed = true;
        } else if (m.accept("limit")) {
          if (!m.accept(":")) return fail(m.errorHere("expected `:` after `limit`"));
          if (!m.parseOperand(&n.limit, &error)) return fail(error);
        } else if (m.accept("offset")) {
          if (!m.accept(":")) return fail(m.errorHere("expected `:` after `offset`"));
          if (!m.parseOperand(&n.offset, &error)) return fail(error);
        } else {
          break;
        }
      }
      if (!trailing(m, p)) return fail(error);
      n.branches.emplace_back();
      end_name = "endfor";
    } else if (name == "capture") {
      n.kind = Node::Kind::Capture;
      n.name.clear();
      if (!m.parseName(&n.name)) return fail(m.errorHere("expected a variable after `capture`"));
      if (!trailing(m, p)) return fail(error);
      n.branches.emplace_back();
      end_name = "endcapture";
    } else if (name == "condition" || name == "incrementcondition") {
      n.kind = Node::Kind::LookerTag;
      n.argument = std::string(m.rest());
      n.argument_begin = m.position();
      n.argument_end = n.argument_begin + n.argument.size();
      n.branches.emplace_back();
      end_name = "end" + name;
    } else if (name == "parameter" || name == "date_start" || name == "date_end") {
      n.kind = Node::Kind::LookerTag;
      n.argument = std::string(m.rest());
      n.argument_begin = m.position();
      n.argument_end = n.argument_begin + n.argument.size();
      if (n.argument.empty() || n.argument.find_first_of(" \t\r\n") != std::string::npos) {
        return fail(makeError(LiquidCode::liquid_bad_expression,
                              "`{% " + name + " %}` needs one field name", p.begin, p.end,
                              "write `{% " + name + " view.field %}`"));
      }
    } else if (name == "assign") {
      n.kind = Node::Kind::Assign;
      n.name.clear();
      if (!m.parseName(&n.name)) return fail(m.errorHere("expected a variable after `assign`"));
      if (!m.accept("=")) return fail(m.errorHere("expected `=` in `{% assign %}`"));
      if (!m.parseExpression(&n.expression, &error) || !trailing(m, p)) return fail(error);
    } else if (name == "break" || name == "continue") {
      n.kind = name == "break" ? Node::Kind::Break : Node::Kind::Continue;
      if (!trailing(m, p)) return fail(error);
    } else if (name == "elsif" || name == "else" || name == "when") {
      Node* owner = top.node;
      bool ok =
          owner &&
          ((name == "elsif" && owner->kind == Node::Kind::If) ||
           (name == "when" && owner->kind == Node::Kind::Case) ||
           (name == "else" && (owner->kind == Node::Kind::If || owner->kind == Node::Kind::Case ||
                               owner->kind == Node::Kind::For)));
      if (ok && !owner->branches.empty() && owner->branches.back().is_else) ok = false;
      if (ok && owner->kind == Node::Kind::For && owner->branches.size() > 1) ok = false;
      if (!ok) {
        return fail(makeError(LiquidCode::liquid_unexpected_tag,
                              "`{% " + name + " %}` outside " +
                                  (name == "when" ? "a `{% case %}`" : "an `{% if %}`") +
                                  " block (or after its `{% else %}`)",
                              p.begin, p.end));
      }
      Branch branch;
      if (name == "else") {
        branch.is_else = true;
        if (!trailing(m, p)) return fail(error);
      } else if (name == "elsif") {
        if (!m.parseCondition(&branch.condition, &error) || !trailing(m, p)) return fail(error);
      } else {
        do {
          Operand value;
          if (!m.parseOperand(&value, &error)) return fail(error);
          branch.values.push_back(std::move(value));
        } while (m.accept(",") || m.accept("or"));
        if (!trailing(m, p)) return fail(error);
      }
      owner->branches.push_back(std::move(branch));
      top.body = &owner->branches.back().body;
      continue;
    } else if (isBlockEnd(name)) {
      if (stack.size() == 1 || top.end_name != name) {
        return fail(
            makeError(LiquidCode::liquid_unexpected_tag,
                      "`{% " + name + " %}` " +
                          (stack.size() == 1 ? std::string("has no block to close")
                                             : "does not close `{% " + top.node->name +
                                                   " %}` (expected `{% " + top.end_name + " %}`)"),
                      p.begin, p.end));
      }
      top.node->end = p.end;
      stack.pop_back();
      continue;
    } else {
      bool standard = name == "tablerow" || name == "cycle" || name == "increment" ||
                      name == "decrement" || name == "ifchanged" || name == "include" ||
                      name == "render" || name == "liquid" || name == "layout";
      return fail(makeError(LiquidCode::liquid_unknown_tag,
                            standard
                                ? "Liquid tag `" + name + "` is not supported in LookML by lkml"
                                : "unknown Liquid tag `" + name + "`",
                            p.begin, p.end,
                            "lkml knows if, unless, case, for, assign, capture, comment, raw, "
                            "echo and Looker's condition, parameter, date_start, date_end"));
    }
    if (!top.body) continue;  // inside `case` before the first `when`: Liquid ignores it
    top.body->push_back(std::move(n));
    if (!end_name.empty()) {
      if (stack.size() > kMaxNesting) {
        return fail(
            makeError(LiquidCode::liquid_nesting_too_deep,
                      "Liquid blocks nested more than " + std::to_string(kMaxNesting) + " deep",
                      p.begin, p.end, "simplify the template"));
      }
      Node* opened = &top.body->back();
      std::vector<Node>* body =
          opened->kind == Node::Kind::Case ? nullptr : &opened->branches[0].body;
      stack.push_back({opened, body, end_name});
    }
  }
  if (stack.size() > 1) {
    const Node* open = stack.back().node;
    return fail(makeError(
        LiquidCode::liquid_unclosed_block,
        "`{% " + open->name + " %}` without `{% " + stack.back().end_name + " %}`", open->begin,
        open->end, "add `{% " + stack.back().end_name + " %}` where the block ends"));
  }
  return result;
}

}  // namespace lkml::liquid
