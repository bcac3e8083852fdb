#pragma once
// Percentiles of a set of timings, for the benchmark tables.
#include <algorithm>
#include <vector>

namespace kiosk::bench {

inline double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

}  // namespace kiosk::bench
