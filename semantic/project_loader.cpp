#include "semantic/project_loader.h"

#include <algorithm>
#include <filesystem>

#include "base/file_reader.h"
#include "base/parallel_for.h"
#include "grammar/parse.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

namespace fs = std::filesystem;

namespace {

// LKML112: a FIFO, socket or device named like a LookML file is never opened.
void reportNotRegular(DiagnosticSink& sink, const std::string& display, const std::string& kind) {
  Diagnostic d =
      makeDiagnostic(DiagCode::not_regular_file, {},
                     "`" + display + "` is " + kind + ", not a regular file; it is not read");
  d.path = display;
  d.help = "replace it with the real file or delete it";
  sink.report(std::move(d));
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isInside(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

// Reads the LookML files (not dashboards) on up to `threads` threads: with thousands of small
// files the system calls, not the bytes, cost the time.
std::vector<ReadResult> readAll(const fs::path& root, const std::vector<std::string>& relative,
                                unsigned threads) {
  std::vector<ReadResult> reads(relative.size());
  parallelFor(relative.size(), threadCount(relative.size(), threads, 64), [&](size_t i) {
    if (classifyFile(relative[i]) != FileKind::Dashboard) {
      reads[i] = readRegularFile((root / relative[i]).string());
    }
  });
  return reads;
}

}  // namespace

const ProjectFile* ProjectSources::find(const std::string& path) const {
  auto it = by_path.find(path);
  return it == by_path.end() ? nullptr : &files[it->second];
}

FileKind classifyFile(const std::string& path) {
  // The file name of a '/'-separated path (fs::path would split every folder).
  size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (endsWith(name, ".model.lkml")) return FileKind::Model;
  if (endsWith(name, ".view.lkml")) return FileKind::View;
  if (endsWith(name, ".explore.lkml")) return FileKind::Explore;
  if (name == "manifest.lkml") return FileKind::Manifest;
  if (endsWith(name, ".lookml")) return FileKind::Dashboard;
  return FileKind::Generic;
}

bool loadProject(const std::string& root, ProjectSources* project, DiagnosticSink& sink,
                 unsigned threads) {
  registerSemanticCodes();
  project->root = root;
  std::error_code ec;
  fs::path canonical_root = fs::canonical(root, ec);
  if (ec || !fs::is_directory(canonical_root, ec)) {
    Diagnostic d = makeDiagnostic(
        DiagCode::unreadable_file, {},
        "cannot open project directory `" + root + "`: " + (ec ? ec.message() : "not a directory"));
    d.path = root;
    d.help = "pass the directory that holds the project's .lkml files";
    sink.report(std::move(d));
    return false;
  }
  std::vector<std::string> relative;
  const std::string root_prefix = canonical_root.string() + "/";
  fs::recursive_directory_iterator it(canonical_root, fs::directory_options::skip_permission_denied,
                                      ec);
  for (auto end = fs::recursive_directory_iterator(); !ec && it != end; it.increment(ec)) {
    const std::string& native = it->path().native();
    std::string name = native.substr(native.rfind('/') + 1);  // what filename() would say
    if (it->is_directory(ec)) {
      if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (!endsWith(name, ".lkml") && !endsWith(name, ".lookml")) continue;
    // Lexically: fs::relative would follow a symbolic link and name its target instead. The
    // walk names every entry under the canonical root: cutting the prefix is what
    // lexically_relative does, without splitting the path.
    std::string rel = native.compare(0, root_prefix.size(), root_prefix) == 0
                          ? native.substr(root_prefix.size())
                          : it->path().lexically_relative(canonical_root).generic_string();
    if (it->is_symlink(ec)) {
      fs::path target = fs::weakly_canonical(it->path(), ec);
      if (ec || !isInside(canonical_root, target)) {
        Diagnostic d = makeSemDiagnostic(SemCode::include_escapes_root, {},
                                         "`" + rel + "` is a symbolic link to `" + target.string() +
                                             "`, outside the project root; it is not read");
        d.path = (fs::path(root) / rel).string();
        d.help = "copy the file into the project or remove the link";
        sink.report(std::move(d));
        ec.clear();
        continue;
      }
    }
    // A FIFO (or a link to one) would block the read forever, a device might never end.
    if (!it->is_regular_file(ec)) {
      ec.clear();
      std::string kind = nonRegularKind(it->path().string());
      if (!kind.empty()) {  // else (a dangling link) reading it reports LKML109
        reportNotRegular(sink, (fs::path(root) / rel).lexically_normal().string(), kind);
        continue;
      }
    }
    relative.push_back(rel);
  }
  for (const auto& [rel, text] : project->overlay) {
    if (std::find(relative.begin(), relative.end(), rel) == relative.end()) {
      relative.push_back(rel);
    }
  }
  std::sort(relative.begin(), relative.end());

  std::vector<ReadResult> reads = readAll(canonical_root, relative, threads);
  for (size_t r = 0; r < relative.size(); ++r) {
    auto replaced = project->overlay.find(relative[r]);
    if (replaced == project->overlay.end()) continue;
    reads[r] = ReadResult{};
    reads[r].ok = true;
    reads[r].text = replaced->second;
  }
  // The paths shown for the files, built on the threads (path arithmetic is most of the time
  // the files take after reading).
  std::vector<std::string> displays(relative.size());
  constexpr size_t kChunk = 256;
  const size_t chunks = (relative.size() + kChunk - 1) / kChunk;
  parallelFor(chunks, threadCount(chunks, threads), [&](size_t c) {
    for (size_t r = c * kChunk; r < std::min(relative.size(), (c + 1) * kChunk); ++r) {
      displays[r] = (fs::path(root) / relative[r]).lexically_normal().string();
    }
  });
  std::vector<const SourceFile*> to_parse;
  std::vector<size_t> parse_index;
  project->files.reserve(project->files.size() + relative.size());
  for (size_t r = 0; r < relative.size(); ++r) {
    const std::string& rel = relative[r];
    ProjectFile file;
    file.path = rel;
    file.kind = classifyFile(rel);
    std::string& display = displays[r];
    if (file.kind != FileKind::Dashboard) {
      ReadResult& read = reads[r];
      if (read.not_regular) {  // became one after the walk
        reportNotRegular(sink, display, read.error.substr(3, read.error.find(',') - 3));
        continue;
      }
      if (!read.ok) {
        Diagnostic d = makeDiagnostic(DiagCode::unreadable_file, {},
                                      "cannot read `" + display + "`: " + read.error);
        d.path = display;
        sink.report(std::move(d));
        continue;
      }
      file.source = &project->sources->add(display, std::move(read.text));
      to_parse.push_back(file.source);
      parse_index.push_back(project->files.size());
    }
    project->by_path[rel] = project->files.size();
    project->files.push_back(std::move(file));
  }
  std::vector<syntax::Document> docs = grammar::parseAll(to_parse, sink, threads);
  for (size_t i = 0; i < docs.size(); ++i) project->files[parse_index[i]].doc = std::move(docs[i]);
  return true;
}

}  // namespace lkml::semantic
