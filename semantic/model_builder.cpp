#include "semantic/model_builder.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "base/parallel_for.h"
#include "semantic/extends_resolution.h"
#include "semantic/lower_explore.h"
#include "semantic/lower_explore_source.h"
#include "semantic/lower_view.h"
#include "semantic/model_start.h"
#include "semantic/semantic_diagnostics.h"
#include "semantic/sql_references.h"

namespace lkml::semantic {

namespace {

// Lowers views on up to `threads` threads (0: all cores): views are independent once
// `extends` is resolved, and lowering is the largest serial stage of a lint. Diagnostics reach
// `sink` in `todo` order, as a serial run would report them.
std::vector<View> lowerViewsInParallel(
    const std::vector<std::pair<const std::string*, const syntax::Node*>>& todo,
    const std::map<std::string, Constant>& constants, DiagnosticSink& sink, unsigned threads) {
  std::vector<View> out(todo.size());
  // Below a few hundred views a thread costs more than it saves.
  threads = threadCount(todo.size(), threads, 128);
  if (threads <= 1) {
    LowerContext ctx(constants, sink);
    for (size_t i = 0; i < todo.size(); ++i) out[i] = lowerView(*todo[i].second, ctx);
    return out;
  }
  std::vector<CollectingSink> sinks(todo.size());
  parallelFor(todo.size(), threads, [&](size_t i) {
    LowerContext ctx(constants, sinks[i]);
    out[i] = lowerView(*todo[i].second, ctx);
  });
  for (CollectingSink& s : sinks) {
    for (Diagnostic& d : s.diagnostics) sink.report(std::move(d));
  }
  return out;
}

// The view as its model holds it: where it is defined is the definition's, whatever it extends.
void placeView(View& view, Span definition) {
  view.file = definition.file;
  view.span = definition;
}

}  // namespace

Model buildModel(const ProjectSources& project, size_t model_index,
                 const std::map<std::string, Constant>& constants, DiagnosticSink& sink,
                 const std::string* only_explore, unsigned threads) {
  registerSemanticCodes();
  ModelStart start;
  startModel(project, model_index, constants, sink, only_explore, start, threads);
  Model& model = start.model;
  Collected& collected = start.collected;
  LowerContext ctx(constants, sink);
  ImportAwareSink import_sink(sink, model.imports_projects);
  auto lowerViews = [&](const std::set<std::string>* only) {
    Resolved views = resolveExtends(collected.views, start.view_depths, "view", import_sink, only);
    std::vector<std::pair<const std::string*, const syntax::Node*>> todo;
    for (const auto& [name, node] : views.blocks) {
      if (model.views.count(name) || (only && !only->count(name))) continue;
      todo.emplace_back(&name, node);
    }
    std::vector<View> lowered = lowerViewsInParallel(todo, constants, import_sink, threads);
    for (size_t i = 0; i < todo.size(); ++i) {
      placeView(lowered[i], collected.views.at(*todo[i].first).span());
      model.views.emplace(*todo[i].first, std::move(lowered[i]));
    }
  };
  if (!only_explore) {
    lowerViews(nullptr);
    return std::move(start.model);
  }
  // Views reached through `${other.SQL_TABLE_NAME}` (derived tables) are needed too, and the
  // explores (with their views) that native derived tables query.
  std::set<std::string> view_names = std::move(start.view_names);
  while (!view_names.empty()) {
    lowerViews(&view_names);
    std::set<std::string> more, source_explores;
    for (const std::string& name : view_names) {
      const View* view = model.findView(name);
      if (!view) continue;
      if (view->explore_source && !model.findExplore(view->explore_source->explore) &&
          collected.explores.count(view->explore_source->explore)) {
        source_explores.insert(view->explore_source->explore);
      }
      for (const SourceText* sql : {&view->sql_table_name, &view->derived_table_sql}) {
        for (const SqlReference& ref : findSqlReferences(sql->text)) {
          if (ref.kind == SqlReference::Kind::SqlTableName && !model.views.count(ref.view) &&
              collected.views.count(ref.view)) {
            more.insert(ref.view);
          }
        }
      }
    }
    if (!source_explores.empty()) {
      Resolved extra = resolveExtends(collected.explores, start.explore_depths, "explore",
                                      import_sink, &source_explores);
      for (const std::string& name : collected.explore_order) {
        auto block = extra.blocks.find(name);
        if (!source_explores.count(name) || block == extra.blocks.end()) continue;
        Explore explore = lowerExplore(*block->second, ctx);
        explore.span = collected.explores.at(name).span();
        if (!model.views.count(explore.view)) more.insert(explore.view);
        for (const Join& join : explore.joins) {
          if (!model.views.count(join.view)) more.insert(join.view);
        }
        model.explores.push_back(std::move(explore));
      }
    }
    view_names = std::move(more);
  }
  return std::move(start.model);
}

namespace {

// One model of buildModels on its way: its start, and its diagnostics until they are reported
// in model order.
struct ModelDraft {
  ModelStart start;
  CollectingSink diagnostics;
  Resolved keys;    // `extends` resolved to keys only (no blocks merged)
  Resolved blocks;  // the merged blocks of the views this model lowers for all
  std::vector<std::pair<const std::string*, size_t>> views;  // name -> lowering job
};

// A distinct view (one block key) lowered once for every model that includes it; the first
// model in file order that has it owns it and reports its diagnostics.
struct LoweringJob {
  size_t owner;
  const std::string* name;
  std::shared_ptr<const View> view;
  CollectingSink diagnostics;
};

}  // namespace

ViewCache::ViewCache(bool hold_findings) : hold_(hold_findings) {}
ViewCache::~ViewCache() = default;

void ViewCache::clear() {
  entries_.clear();
  by_view_.clear();
}

ViewCache::Entries::iterator ViewCache::insert(std::vector<const void*> key, Entry entry) {
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    by_view_.erase(it->second.view.get());
    it->second = std::move(entry);
  } else {
    it = entries_.emplace(std::move(key), std::move(entry)).first;
  }
  by_view_[it->second.view.get()] = &it->second;
  return it;
}

void ViewCache::add(std::vector<const void*> key, std::shared_ptr<const View> view,
                    std::vector<Diagnostic> diagnostics) {
  insert(std::move(key), Entry{std::move(view), std::move(diagnostics)});
}

const std::vector<Diagnostic>* ViewCache::findingsOf(const View& view) const {
  auto it = by_view_.find(&view);
  return it == by_view_.end() ? nullptr : &it->second->diagnostics;
}

void ViewCache::forgetFiles(const std::set<FileId>& files) {
  if (files.empty()) return;
  for (auto it = entries_.begin(); it != entries_.end();) {
    bool stale = false;
    for (const void* part : it->first) {
      if (part >= static_cast<const void*>(kKeyMarkers) &&
          part < static_cast<const void*>(kKeyMarkers + sizeof kKeyMarkers)) {
        continue;  // a marker, not a node
      }
      stale = stale || files.count(static_cast<const syntax::Node*>(part)->span.file) > 0;
    }
    if (stale) by_view_.erase(it->second.view.get());
    it = stale ? entries_.erase(it) : std::next(it);
  }
}

std::vector<Model> buildModels(const ProjectSources& project,
                               const std::map<std::string, Constant>& constants,
                               DiagnosticSink& sink, unsigned threads, SyntaxRelease* release) {
  std::vector<size_t> model_files;
  for (size_t i = 0; i < project.files.size(); ++i) {
    if (project.files[i].kind == FileKind::Model) model_files.push_back(i);
  }
  ViewCache shared;  // every view lowered so far
  return buildModels(project, model_files, constants, sink, threads, shared, nullptr, release);
}

std::vector<Model> buildModels(const ProjectSources& project,
                               const std::vector<size_t>& model_files,
                               const std::map<std::string, Constant>& constants,
                               DiagnosticSink& sink, unsigned threads, ViewCache& cache,
                               std::vector<std::unique_ptr<ModelStart>>* starts,
                               SyntaxRelease* release) {
  registerSemanticCodes();
  std::vector<Model> models;
  models.reserve(model_files.size());
  auto& shared = cache.entries_;
  // A view another call lowered reports its findings again, once, in the first model here
  // that has it (the caller replaces what the models it rebuilds reported).
  std::set<const ViewCache::Entry*> reported;
  // Models are drafted a batch at a time (their merged blocks are held until the batch's views
  // are lowered): wide enough for the threads, small enough to bound memory. The output does
  // not depend on the batch size.
  const size_t batch = std::max<size_t>(4, threadCount(model_files.size(), threads));
  for (size_t first = 0; first < model_files.size(); first += batch) {
    const size_t n = std::min(batch, model_files.size() - first);
    std::vector<std::unique_ptr<ModelDraft>> drafts(n);
    parallelFor(n, threads, [&](size_t i) {
      auto draft = std::make_unique<ModelDraft>();
      startModel(project, model_files[first + i], constants, draft->diagnostics, nullptr,
                 draft->start, threads);
      ImportAwareSink import_sink(draft->diagnostics, draft->start.model.imports_projects);
      draft->keys = resolveExtends(draft->start.collected.views, draft->start.view_depths, "view",
                                   import_sink, nullptr, /*build=*/false);
      drafts[i] = std::move(draft);
    });
    // Each distinct key once, in model order; the views seen in earlier batches are reused.
    std::vector<std::unique_ptr<LoweringJob>> jobs;
    std::map<const BlockKey*, size_t, bool (*)(const BlockKey*, const BlockKey*)> job_of(
        [](const BlockKey* a, const BlockKey* b) { return *a < *b; });
    for (size_t i = 0; i < n; ++i) {
      ModelDraft& draft = *drafts[i];
      for (auto& [name, key] : draft.keys.keys) {
        if (!draft.keys.blocks.count(name)) continue;
        if (draft.start.model.imports_projects) key.push_back(kKeyImports);
        if (shared.count(key)) {
          draft.views.emplace_back(&name, SIZE_MAX);
          continue;
        }
        auto [it, inserted] = job_of.emplace(&key, jobs.size());
        if (inserted) {
          auto job = std::make_unique<LoweringJob>();
          job->owner = i;
          job->name = &name;
          jobs.push_back(std::move(job));
        }
        draft.views.emplace_back(&name, it->second);
      }
    }
    // The blocks of the views to lower, merged silently (the key pass reported the findings),
    // kViewsPerChunk jobs at a time: a merged block copies its view and parents, and holding
    // all of them while every view is lowered added 50 MB to the peak of 5,000 views (the
    // allocator does not reuse the freed blocks for fields; the next chunk's blocks it does).
    // Without cycles a block depends only on its key, so chunking does not change the output;
    // with cycles a draft's blocks are resolved once, in full, and kept.
    constexpr size_t kViewsPerChunk = 256;
    // Freeing the blocks' contents as the views are lowered: in the last batch only (a
    // later batch's models would read the files again) and without cycles (their blocks are
    // kept, see above). A job holds the blocks its key names: its definition, its refinements
    // and its parents' (top-level blocks: their contents are freed, they stay).
    const bool releasing =
        release && first + n == model_files.size() &&
        std::none_of(drafts.begin(), drafts.end(), [](const auto& d) { return d->keys.cycles; });
    auto forEachKeyNode = [&](const LoweringJob& job, auto&& f) {
      for (const void* p : drafts[job.owner]->keys.keys.at(*job.name)) {
        if (p != kKeyOpen && p != kKeyClose && p != kKeyEnd && p != kKeyImports) {
          f(static_cast<const syntax::Node*>(p));
        }
      }
    };
    if (releasing) {
      for (const auto& job : jobs) forEachKeyNode(*job, [&](auto* node) { release->hold(node); });
      release->releaseUnheld(threads);  // explores, models, views lowered before
    }
    // Jobs are lowered in the order their definitions were parsed, not by name: the blocks of
    // one file lie together in memory, and the allocator can reuse a page (for the model) only
    // when all of it is freed. By name, the three views of a file `a_1`, `m_1`, `z_1` are
    // freed far apart, and the pages they share stay: +30% peak on 5,000 views.
    std::vector<size_t> order(jobs.size());
    for (size_t j = 0; j < jobs.size(); ++j) order[j] = j;
    auto placeOf = [&](size_t j) {
      const Span span = drafts[jobs[j]->owner]->start.collected.views.at(*jobs[j]->name).span();
      return std::make_pair(span.file, span.begin);
    };
    std::vector<std::pair<FileId, uint32_t>> places(jobs.size());
    for (size_t j = 0; j < jobs.size(); ++j) places[j] = placeOf(j);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return places[a] < places[b]; });
    for (size_t chunk = 0; chunk < jobs.size(); chunk += kViewsPerChunk) {
      const size_t end = std::min(jobs.size(), chunk + kViewsPerChunk);
      std::vector<std::set<std::string>> wanted(n);
      for (size_t k = chunk; k < end; ++k) {
        wanted[jobs[order[k]]->owner].insert(*jobs[order[k]]->name);
      }
      parallelFor(n, threads, [&](size_t i) {
        ModelDraft& draft = *drafts[i];
        if (wanted[i].empty() || (draft.keys.cycles && !draft.blocks.blocks.empty())) return;
        CollectingSink ignored;
        draft.blocks =
            resolveExtends(draft.start.collected.views, draft.start.view_depths, "view", ignored,
                           draft.keys.cycles ? nullptr : &wanted[i], true, threads);
      });
      // Below a few hundred views a thread costs more than it saves.
      parallelFor(end - chunk, threadCount(jobs.size(), threads, 128), [&](size_t k) {
        LoweringJob& job = *jobs[order[chunk + k]];
        ModelDraft& draft = *drafts[job.owner];
        ImportAwareSink import_sink(job.diagnostics, draft.start.model.imports_projects);
        LowerContext ctx(constants, import_sink);
        View view = lowerView(*draft.blocks.blocks.at(*job.name), ctx);
        // The merged block is not read again: freed now (with cycles, before the draft's).
        auto merged = draft.blocks.merged.find(*job.name);
        if (merged != draft.blocks.merged.end()) merged->second = syntax::Node();
        placeView(view, draft.start.collected.views.at(*job.name).span());
        job.view = std::make_shared<const View>(std::move(view));
      });
      for (size_t i = 0; i < n; ++i) {
        if (drafts[i]->keys.cycles) continue;
        drafts[i]->blocks = Resolved();
        // The refined copies merged for this chunk (a later chunk merges again what it needs):
        // kept, they add up to a copy of every refined view by the end.
        for (auto& [name, def] : drafts[i]->start.collected.views) def.forgetMerged();
      }
      if (releasing) {
        for (size_t k = chunk; k < end; ++k) {
          forEachKeyNode(*jobs[order[k]], [&](auto* node) { release->drop(node); });
        }
        release->releaseUnheld(threads);
      }
    }
    for (size_t i = 0; i < n; ++i) {
      ModelDraft& draft = *drafts[i];
      for (Diagnostic& d : draft.diagnostics.diagnostics) sink.report(std::move(d));
      Model& model = draft.start.model;
      for (const auto& [name, j] : draft.views) {
        if (j == SIZE_MAX) {
          const ViewCache::Entry& entry = shared.at(draft.keys.keys.at(*name));
          if (!cache.hold_ && reported.insert(&entry).second) {
            for (const Diagnostic& d : entry.diagnostics) sink.report(d);
          }
          model.views.emplace(*name, entry.view);
          continue;
        }
        LoweringJob& job = *jobs[j];
        if (job.owner == i && !cache.hold_) {
          for (const Diagnostic& d : job.diagnostics.diagnostics) sink.report(d);
        }
        model.views.emplace(*name, job.view);
      }
    }
    for (auto& job : jobs) {
      const ModelDraft& owner = *drafts[job->owner];
      ViewCache::Entry entry{job->view, std::move(job->diagnostics.diagnostics)};
      auto it = cache.insert(owner.keys.keys.at(*job->name), std::move(entry));
      reported.insert(&it->second);
    }
    for (auto& draft : drafts) {
      models.push_back(std::move(draft->start.model));
      if (starts) starts->push_back(std::make_unique<ModelStart>(std::move(draft->start)));
    }
  }
  return models;
}

}  // namespace lkml::semantic