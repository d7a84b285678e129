// Google Benchmark: compiling one explore query on an already loaded model (issue target:
// <= 1 ms), on the looker/ sample and on a generated 1,000-view project when one exists.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "base/diagnostic.h"
#include "codegen/dialects/dialect_registry.h"
#include "codegen/query_compiler.h"
#include "semantic/project.h"

namespace {

struct Loaded {
  std::unique_ptr<lkml::semantic::LoadedProject> project;
  const lkml::semantic::Model* model = nullptr;
};

Loaded load(const std::string& dir) {
  Loaded loaded;
  lkml::DiagnosticBag bag;
  loaded.project = lkml::semantic::loadAndCompile(dir, bag);
  if (loaded.project && !loaded.project->project.models.empty()) {
    loaded.model = &loaded.project->project.models.front();
  }
  return loaded;
}

void compileLoop(benchmark::State& state, const Loaded& loaded, const std::string& explore_name,
                 const lkml::codegen::Query& query, const lkml::codegen::UserContext& user) {
  if (!loaded.model) {
    state.SkipWithError("project not found");
    return;
  }
  const auto* explore = loaded.model->findExplore(explore_name);
  const auto* dialect = lkml::codegen::findDialect("postgres");
  if (!explore) {
    state.SkipWithError("explore not found");
    return;
  }
  for (auto _ : state) {
    auto compiled = lkml::codegen::compileQuery(*loaded.model, *explore, query, user, *dialect);
    if (!compiled.ok()) state.SkipWithError(compiled.errors.front().message.c_str());
    benchmark::DoNotOptimize(compiled.sql);
  }
}

void BM_CompileLookerFanout(benchmark::State& state) {
  static Loaded loaded = load(LKML_BENCH_SOURCE_DIR "/looker");
  lkml::codegen::Query query;
  query.explore = "companies_internal";
  query.fields = {"companies.name", "users.count", "courses.count", "courses.total_price",
                  "enrollments.average_score"};
  query.filters = {{"enrollments.enrolled_date", "2024-01-01 to 2024-07-01"},
                   {"users.role", "-admin"}};
  query.limit = 500;
  lkml::codegen::UserContext user;
  user.attributes["access_level"] = "internal";
  compileLoop(state, loaded, "companies_internal", query, user);
}
BENCHMARK(BM_CompileLookerFanout)->Unit(benchmark::kMicrosecond);

void BM_CompileGenerated1000(benchmark::State& state) {
  const char* dir = std::getenv("LKML_BENCH_GEN1000");
  if (!dir || !std::filesystem::is_directory(dir)) {
    state.SkipWithError("set LKML_BENCH_GEN1000 to a lkml_gen_project --views 1000 directory");
    return;
  }
  static Loaded loaded = load(dir);
  lkml::codegen::Query query;
  query.explore = "orders_11";
  query.fields = {"orders_11.status", "customers_11.count", "orders_11.count"};
  lkml::codegen::UserContext user;
  user.attributes["region"] = "EU";
  compileLoop(state, loaded, "orders_11", query, user);
}
BENCHMARK(BM_CompileGenerated1000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
