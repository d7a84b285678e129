#include "cli/baseline.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "base/diagnostic_renderer.h"
#include "base/file_reader.h"

namespace lkml::cli {

namespace {

std::string fnv1a(const std::string& text) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

// Messages sometimes name other places (`opened at 3:1`); those move with unrelated edits.
std::string withoutPositions(const std::string& message) {
  std::string out;
  for (size_t i = 0; i < message.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(message[i]))) {
      size_t j = i;
      while (j < message.size() && std::isdigit(static_cast<unsigned char>(message[j]))) ++j;
      if (j < message.size() && message[j] == ':' && j + 1 < message.size() &&
          std::isdigit(static_cast<unsigned char>(message[j + 1]))) {
        ++j;
        while (j < message.size() && std::isdigit(static_cast<unsigned char>(message[j]))) ++j;
        out += "N:N";
        i = j - 1;
        continue;
      }
    }
    out += message[i];
  }
  return out;
}

// `view:orders/dimension:id`: the named blocks around `span` (no recursion: a loop down).
std::string objectPath(const syntax::Document& doc, Span span) {
  std::string path;
  const syntax::NodeList* level = &doc.members;
  for (int depth = 0; depth < 256; ++depth) {
    const syntax::Node* inside = nullptr;
    for (const syntax::Node& node : *level) {
      if (node.isBlock() && node.span.begin <= span.begin && span.begin < node.span.end) {
        inside = &node;
        break;
      }
    }
    if (!inside) break;
    if (!path.empty()) path += "/";
    path += std::string(inside->key);
    if (inside->value.present()) path += ":" + std::string(inside->value.text);
    level = &inside->children;
  }
  return path;
}

}  // namespace

bool BaselineEntry::operator<(const BaselineEntry& o) const {
  return std::tie(file, code, object, hash) < std::tie(o.file, o.code, o.object, o.hash);
}
bool BaselineEntry::operator==(const BaselineEntry& o) const {
  return std::tie(file, code, object, hash) == std::tie(o.file, o.code, o.object, o.hash);
}

std::vector<BaselineEntry> baselineKeys(
    const std::vector<Diagnostic>& diagnostics, const SourceMap& sources,
    const std::vector<const semantic::ProjectSources*>& projects) {
  std::map<FileId, const syntax::Document*> docs;
  for (const semantic::ProjectSources* project : projects) {
    for (const semantic::ProjectFile& file : project->files) {
      if (file.source) docs[file.source->id()] = &file.doc;
    }
  }
  std::vector<BaselineEntry> keys;
  for (const Diagnostic& d : diagnostics) {
    BaselineEntry entry;
    entry.code = d.codeName();
    ResolvedLocation loc = resolveLocation(sources, d.span, d.path);
    entry.file = loc.path.rfind("./", 0) == 0 ? loc.path.substr(2) : loc.path;
    std::string flagged;
    if (d.span.valid()) {
      if (const SourceFile* file = sources.find(d.span.file)) {
        flagged = std::string(file->text().substr(d.span.begin, d.span.end - d.span.begin));
      }
      auto doc = docs.find(d.span.file);
      if (doc != docs.end()) entry.object = objectPath(*doc->second, d.span);
    }
    entry.hash = fnv1a(withoutPositions(d.message) + "\n" + flagged);
    keys.push_back(std::move(entry));
  }
  return keys;
}

bool writeBaseline(const std::string& path, std::vector<BaselineEntry> entries,
                   std::string* error) {
  std::sort(entries.begin(), entries.end());
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const BaselineEntry& e : entries) {
    findings.push_back(
        {{"code", e.code}, {"file", e.file}, {"object", e.object}, {"hash", e.hash}});
  }
  nlohmann::ordered_json root;
  root["version"] = 1;
  root["tool"] = "lkml";
  root["findings"] = std::move(findings);
  std::ofstream out(path);
  if (!out) {
    *error = "cannot write `" + path + "`";
    return false;
  }
  out << root.dump(2) << "\n";
  return static_cast<bool>(out);
}

bool readBaseline(const std::string& path, std::vector<BaselineEntry>* entries,
                  std::string* error) {
  ReadResult read = readFile(path);
  if (!read.ok) {
    *error = "cannot read baseline `" + path + "`: " + read.error +
             " (create it with --write-baseline " + path + ")";
    return false;
  }
  nlohmann::json json = nlohmann::json::parse(read.text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("findings") ||
      !json["findings"].is_array()) {
    *error = "baseline `" + path + "` is not an lkml baseline (expected {\"findings\": [...]})";
    return false;
  }
  for (const auto& f : json["findings"]) {
    if (!f.is_object() || !f.contains("code") || !f.contains("file") || !f.contains("hash")) {
      *error = "baseline `" + path + "`: each finding needs code, file and hash";
      return false;
    }
    BaselineEntry e;
    e.code = f["code"].get<std::string>();
    e.file = f["file"].get<std::string>();
    e.object = f.value("object", "");
    e.hash = f["hash"].get<std::string>();
    entries->push_back(std::move(e));
  }
  return true;
}

BaselineResult applyBaseline(std::vector<Diagnostic>* diagnostics,
                             const std::vector<BaselineEntry>& keys,
                             const std::vector<BaselineEntry>& baseline) {
  std::map<BaselineEntry, size_t> remaining;
  for (const BaselineEntry& e : baseline) ++remaining[e];
  BaselineResult result;
  std::vector<Diagnostic> kept;
  for (size_t i = 0; i < diagnostics->size(); ++i) {
    auto it = remaining.find(keys[i]);
    if (it != remaining.end() && it->second > 0) {
      --it->second;
      ++result.baselined;
      result.current.push_back(keys[i]);
      continue;
    }
    kept.push_back(std::move((*diagnostics)[i]));
  }
  for (const auto& [entry, count] : remaining) {
    for (size_t k = 0; k < count; ++k) result.stale.push_back(entry);
  }
  *diagnostics = std::move(kept);
  return result;
}

}  // namespace lkml::cli
