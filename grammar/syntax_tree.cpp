#include "grammar/syntax_tree.h"

namespace lkml::syntax {

std::string Scalar::unescaped() const {
  if (kind != Kind::String) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

const Node* Node::child(std::string_view child_key) const {
  for (const Node& c : children) {
    if (c.key == child_key) return &c;
  }
  return nullptr;
}

std::string Node::valueText() const { return value.unescaped(); }

}  // namespace lkml::syntax
