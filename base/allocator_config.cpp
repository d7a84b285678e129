// jemalloc's start-up options, compiled into each executable linked with it
// (lkml_executable_allocator in CMakeLists.txt). Transparent huge pages for the heap: a lint
// builds hundreds of MB of trees and models in small blocks, and faulting them in 4 KB pages
// was about a quarter of the CPU time; with 2 MB pages `lkml lint` of 1,000 views ran 20% faster
// (0.18 -> 0.145 s wall, system time halved) for 15% more peak memory (docs/performance.md).
// MALLOC_CONF in the environment still overrides it (e.g. MALLOC_CONF=thp:never).
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always";
}
