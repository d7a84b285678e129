// Frees the nested syntax of a project (what is inside its files' top-level blocks) once nothing
// will read it again. A one-shot `lkml lint` reads it only for the syntax-level checks and to
// build the models; after that, the top level (object names, includes) and the comments are all
// that is read (root causes, suppressions, `lkml lint FILE`). Freeing each block when the last
// view made of it is lowered keeps the trees and the model from being alive together: each is
// about 4x the size of the text (docs/performance.md, "Peak memory").
#pragma once

#include <cstddef>
#include <functional>
#include <unordered_map>
#include <vector>

#include "grammar/syntax_tree.h"
#include "semantic/project_loader.h"

namespace lkml::semantic {

class SyntaxRelease {
 public:
  /// Frees only the top-level blocks of `sources`' files. `before_first_release`, when given,
  /// is called once before anything is freed: it waits for readers running beside the model
  /// building (the syntax-level checks of a lint).
  explicit SyntaxRelease(ProjectSources& sources,
                         std::function<void()> before_first_release = nullptr);

  /// One more reader of the top-level block `member` is pending (a node that is not a
  /// top-level member of the sources is ignored).
  void hold(const syntax::Node* member);
  /// One pending reader of `member` is done.
  void drop(const syntax::Node* member);
  /// Frees the contents of every top-level block that no reader holds and that is not freed
  /// yet, on up to `threads` threads (freeing is a good part of what building them cost).
  void releaseUnheld(unsigned threads);
  /// How many top-level blocks were freed so far.
  size_t released() const { return released_; }

 private:
  struct Member {
    syntax::Node* node;
    syntax::Document* doc;
    size_t holds = 0;
    bool freed = false;
  };
  std::vector<Member> members_;                         // every top-level block, in file order
  std::unordered_map<const syntax::Node*, size_t> of_;  // -> index into members_
  std::vector<size_t> ready_;  // members whose last hold was dropped since the last release
  std::function<void()> before_first_release_;
  bool first_release_done_ = false;
  size_t released_ = 0;
};

}  // namespace lkml::semantic
