// lkml_parse_bench: parser throughput (MB/s) with Google Benchmark.
//
// Inputs: the real corpus (shared/lookml-corpus, skipped when missing), a generated project
// (made with lkml_gen_project on first use) and, when given, one large file:
//   lkml_parse_bench [--lkml_project=DIR] [--lkml_file=FILE] [benchmark flags]
// Benchmarks: Lex/<input> (hand lexer only), Parse/<input> (grammar::parse, one thread) and
// ParseAll/<input>/threads:2 (grammar::parseAll). Times are wall-clock (UseRealTime), so the
// two-thread figure is real throughput, not CPU time per thread.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/file_reader.h"
#include "base/source_file.h"
#include "grammar/lexer.h"
#include "grammar/parse.h"

namespace {

namespace fs = std::filesystem;

/// Counts diagnostics and drops them: the benchmarks measure parsing, not reporting.
class CountingSink : public lkml::DiagnosticSink {
 public:
  void report(lkml::Diagnostic) override { count_.fetch_add(1, std::memory_order_relaxed); }
  size_t count() const { return count_.load(); }

 private:
  std::atomic<size_t> count_{0};
};

struct Input {
  std::string name;
  lkml::SourceMap sources;
  std::vector<const lkml::SourceFile*> files;
  size_t bytes = 0;
};

std::string g_project_dir = LKML_BENCH_PROJECT_DIR;
std::string g_single_file;

std::unique_ptr<Input> load(const std::string& name, const std::string& path) {
  auto input = std::make_unique<Input>();
  input->name = name;
  std::vector<std::string> paths;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::string error;
    if (!lkml::findLookmlFiles(path, &paths, &error)) return nullptr;
  } else if (fs::exists(path, ec)) {
    paths.push_back(path);
  }
  for (const std::string& p : paths) {
    lkml::ReadResult read = lkml::readFile(p);
    if (!read.ok) continue;
    input->bytes += read.text.size();
    input->files.push_back(&input->sources.add(p, std::move(read.text)));
  }
  if (input->files.empty()) return nullptr;
  return input;
}

// Makes the default generated project (100 views x 50 fields) when it does not exist yet.
bool ensureProject(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(fs::path(dir) / "gen.model.lkml", ec)) return true;
  std::string command =
      std::string("\"") + LKML_GEN_PROJECT_EXE + "\" --views 100 --fields 50 --out \"" + dir + "\"";
  return std::system(command.c_str()) == 0;
}

void lexFiles(benchmark::State& state, const Input* input) {
  size_t tokens = 0;
  for (auto _ : state) {
    for (const lkml::SourceFile* file : input->files) {
      lkml::grammar::LexResult lexed = lkml::grammar::lex(file->text());
      tokens += lexed.tokens.size();
      benchmark::DoNotOptimize(lexed.tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input->bytes));
  state.counters["tokens"] = static_cast<double>(tokens) / static_cast<double>(state.iterations());
}

void parseFiles(benchmark::State& state, const Input* input) {
  CountingSink sink;
  size_t members = 0;
  for (auto _ : state) {
    for (const lkml::SourceFile* file : input->files) {
      lkml::syntax::Document doc = lkml::grammar::parse(*file, sink);
      members += doc.members.size();
      benchmark::DoNotOptimize(doc.members.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input->bytes));
  state.counters["files"] = static_cast<double>(input->files.size());
  state.counters["diagnostics"] =
      static_cast<double>(sink.count()) / static_cast<double>(state.iterations());
}

void parseAllFiles(benchmark::State& state, const Input* input) {
  CountingSink sink;
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    std::vector<lkml::syntax::Document> docs = lkml::grammar::parseAll(input->files, sink, threads);
    benchmark::DoNotOptimize(docs.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input->bytes));
}

void registerInput(std::unique_ptr<Input> input, std::vector<std::unique_ptr<Input>>* keep) {
  const Input* in = input.get();
  std::fprintf(stderr, "input %s: %zu files, %zu bytes\n", in->name.c_str(), in->files.size(),
               in->bytes);
  benchmark::RegisterBenchmark(("Lex/" + in->name).c_str(), lexFiles, in)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark(("Parse/" + in->name).c_str(), parseFiles, in)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  // parseAll spreads files over threads, so a single file gains nothing from a second one.
  if (in->files.size() > 1) {
    benchmark::RegisterBenchmark(("ParseAll/" + in->name).c_str(), parseAllFiles, in)
        ->ArgName("threads")
        ->Arg(1)
        ->Arg(2)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  keep->push_back(std::move(input));
}

}  // namespace

int main(int argc, char** argv) {
  // Our flags first; Google Benchmark rejects flags it does not know.
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--lkml_project=", 0) == 0) {
      g_project_dir = arg.substr(15);
    } else if (arg.rfind("--lkml_file=", 0) == 0) {
      g_single_file = arg.substr(12);
    } else {
      rest.push_back(argv[i]);
    }
  }
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_argc, rest.data())) return 1;

  std::vector<std::unique_ptr<Input>> inputs;
  if (auto corpus = load("corpus", LKML_BENCH_CORPUS_DIR)) {
    registerInput(std::move(corpus), &inputs);
  } else {
    std::fprintf(stderr, "corpus not found at %s: skipped\n", LKML_BENCH_CORPUS_DIR);
  }
  if (ensureProject(g_project_dir)) {
    if (auto project = load("generated", g_project_dir)) registerInput(std::move(project), &inputs);
  } else {
    std::fprintf(stderr, "cannot generate a project in %s: skipped\n", g_project_dir.c_str());
  }
  if (!g_single_file.empty()) {
    if (auto single = load("single_file", g_single_file)) registerInput(std::move(single), &inputs);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
