#include "semantic/node_merge.h"

#include <algorithm>
#include <type_traits>
#include <utility>

namespace lkml::semantic {

namespace {

bool isAdditiveBlock(std::string_view key) {
  return key == "link" || key == "access_filter" || key == "aggregate_table" || key == "query" ||
         key == "filters" || key == "action" || key == "when" || key == "allowed_value" ||
         key == "bind_filters" || key == "bind_all_filters" || key == "column" ||
         key == "derived_column";
}

bool sameName(const syntax::Node& a, const syntax::Node& b) {
  return a.value.present() && b.value.present() && objectName(a) == objectName(b);
}

}  // namespace

std::string_view objectName(const syntax::Node& block) {
  std::string_view name = block.value.text;
  if (!name.empty() && name.front() == '+') name.remove_prefix(1);
  return name;
}

namespace {

// One implementation for both overloads: `Overlay` is `const syntax::Node&` (children copied)
// or `syntax::Node&&` (children moved: a parent block copied only to be merged).
template <typename Overlay>
void mergeImpl(syntax::Node& base, Overlay&& overlay, MergeMode mode) {
  constexpr bool kMove = std::is_rvalue_reference_v<Overlay&&>;
  auto take = [](auto& node) -> decltype(auto) {
    if constexpr (kMove) {
      return std::move(node);
    } else {
      return static_cast<const syntax::Node&>(node);
    }
  };
  for (auto& child : overlay.children) {
    auto& children = base.children;
    if (child.isBlock()) {
      if (!child.value.present() && isAdditiveBlock(child.key)) {
        children.push_back(take(child));
        continue;
      }
      auto it = std::find_if(children.begin(), children.end(), [&](const syntax::Node& c) {
        if (!c.isBlock() || c.key != child.key) return false;
        return child.value.present() ? sameName(c, child) : !c.value.present();
      });
      if (it == children.end()) {
        children.push_back(take(child));
      } else {
        it->span = child.span;
        mergeImpl(*it, take(child), mode);
      }
      continue;
    }
    if (child.isList() && child.key == "extends" && mode == MergeMode::Refinement) {
      auto it = std::find_if(children.begin(), children.end(),
                             [&](const syntax::Node& c) { return c.key == "extends"; });
      if (it != children.end() && it->isList()) {
        for (auto& item : child.items) it->items.push_back(item);
        continue;
      }
    }
    auto it = std::find_if(children.begin(), children.end(), [&](const syntax::Node& c) {
      return c.key == child.key && !c.isBlock();
    });
    if (it == children.end()) {
      children.push_back(take(child));
    } else {
      // `${EXTENDED}` in the new SQL means the value it replaces: keep that value as the SQL
      // node's only child (SQL nodes have none otherwise); lowering substitutes it.
      bool extended =
          child.isSql() && it->isSql() && child.sql.find("${EXTENDED}") != std::string_view::npos;
      syntax::Node parent = extended ? std::move(*it) : syntax::Node();
      *it = take(child);
      if (extended) it->children.assign(1, std::move(parent));
      children.erase(
          std::remove_if(std::next(it), children.end(),
                         [&](const syntax::Node& c) { return c.key == child.key && !c.isBlock(); }),
          children.end());
    }
  }
}

}  // namespace

void mergeInto(syntax::Node& base, const syntax::Node& overlay, MergeMode mode) {
  mergeImpl(base, overlay, mode);
}

void mergeInto(syntax::Node& base, syntax::Node&& overlay, MergeMode mode) {
  mergeImpl(base, std::move(overlay), mode);
}

}  // namespace lkml::semantic
