// Wall time per phase of a command, for `--timings` (like clang's -ftime-report): each mark()
// closes the phase that began at the previous mark (or at construction). Phases with the same
// name (one per project of a monorepo) add up.
#pragma once

#include <chrono>
#include <cstdio>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace lkml::cli {

class PhaseTimer {
 public:
  using Clock = std::chrono::steady_clock;

  void mark(const std::string& phase) {
    Clock::time_point now = Clock::now();
    double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    for (auto& [name, total] : phases_) {
      if (name == phase) {
        total += seconds;
        return;
      }
    }
    phases_.emplace_back(phase, seconds);
  }

  void print(std::ostream& out) const {
    double total = std::chrono::duration<double>(last_ - start_).count();
    char line[128];
    out << "lkml: timings (wall):\n";
    for (const auto& [name, seconds] : phases_) {
      std::snprintf(line, sizeof line, "  %-26s %8.1f ms %5.1f%%\n", name.c_str(), seconds * 1000,
                    total > 0 ? 100 * seconds / total : 0.0);
      out << line;
    }
    std::snprintf(line, sizeof line, "  %-26s %8.1f ms\n", "total", total * 1000);
    out << line;
  }

 private:
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
  std::vector<std::pair<std::string, double>> phases_;
};

}  // namespace lkml::cli
