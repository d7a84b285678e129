#include "semantic/syntax_release.h"

#include <utility>

#include "base/parallel_for.h"

namespace lkml::semantic {

SyntaxRelease::SyntaxRelease(ProjectSources& sources, std::function<void()> before_first_release)
    : before_first_release_(std::move(before_first_release)) {
  for (ProjectFile& file : sources.files) {
    if (!file.source) continue;
    for (syntax::Node& member : file.doc.members) {
      if (!member.isBlock() || member.children.empty()) continue;
      of_.emplace(&member, members_.size());
      members_.push_back(Member{&member, &file.doc});
    }
  }
}

void SyntaxRelease::hold(const syntax::Node* member) {
  auto it = of_.find(member);
  if (it != of_.end()) ++members_[it->second].holds;
}

void SyntaxRelease::drop(const syntax::Node* member) {
  auto it = of_.find(member);
  if (it == of_.end()) return;
  Member& m = members_[it->second];
  if (m.holds > 0 && --m.holds == 0) ready_.push_back(it->second);
}

void SyntaxRelease::releaseUnheld(unsigned threads) {
  std::vector<size_t> now;
  if (!first_release_done_) {
    first_release_done_ = true;
    if (before_first_release_) before_first_release_();
    for (size_t i = 0; i < members_.size(); ++i) {
      if (members_[i].holds == 0) now.push_back(i);
    }
  } else {
    now.swap(ready_);
  }
  ready_.clear();
  // The member stays (its key, name, value and span are still read), its contents go.
  parallelFor(now.size(), threadCount(now.size(), threads, 64),
              [&](size_t k) { members_[now[k]].node->children = syntax::NodeList(); });
  for (size_t i : now) {
    Member& m = members_[i];
    if (m.freed) continue;
    m.freed = true;
    m.doc->nested_released = true;
    ++released_;
  }
}

}  // namespace lkml::semantic
