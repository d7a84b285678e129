// Wall time per phase of a command, for `--timings` (like clang's -ftime-report): each mark()
// closes the phase that began at the previous mark (or at construction). Phases with the same
// name (one per project of a monorepo) add up. Also notes the resident memory at the end of
// each phase (Linux /proc/self/statm; 0 elsewhere).
#pragma once

#include <chrono>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace lkml::cli {

class PhaseTimer {
 public:
  using Clock = std::chrono::steady_clock;

  void mark(const std::string& phase) {
    Clock::time_point now = Clock::now();
    double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    double rss = residentMegabytes();
    for (Phase& p : phases_) {
      if (p.name == phase) {
        p.seconds += seconds;
        p.rss_mb = rss;
        return;
      }
    }
    phases_.push_back({phase, seconds, rss});
  }

  void print(std::ostream& out) const {
    double total = std::chrono::duration<double>(last_ - start_).count();
    char line[160];
    out << "lkml: timings (wall):\n";
    for (const Phase& p : phases_) {
      std::snprintf(line, sizeof line, "  %-30s %8.1f ms %5.1f%% %8.1f MB resident\n",
                    p.name.c_str(), p.seconds * 1000, total > 0 ? 100 * p.seconds / total : 0.0,
                    p.rss_mb);
      out << line;
    }
    std::snprintf(line, sizeof line, "  %-30s %8.1f ms\n", "total", total * 1000);
    out << line;
  }

 private:
  struct Phase {
    std::string name;
    double seconds;
    double rss_mb;  // at the end of the phase
  };

  static double residentMegabytes() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long size = 0, resident = 0;
    int read = std::fscanf(f, "%lu %lu", &size, &resident);
    std::fclose(f);
    return read == 2 ? static_cast<double>(resident) * 4096 / (1024 * 1024) : 0;
  }

  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
  std::vector<Phase> phases_;
};

}  // namespace lkml::cli
