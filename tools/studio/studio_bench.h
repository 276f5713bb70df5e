#pragma once
// `vitrine-studio bench`: how quickly the studio answers a designer. Scrub latency (a seek
// asked for → its frame rendered and finished on the GPU) and reload latency (the file
// saved → the new show's frame rendered). Figures, not tests.

#include <filesystem>

namespace vitrine::studio {

/// Runs both benchmarks on `exhibit` and prints the figures; the exit status.
int runStudioBench(const std::filesystem::path& exhibit);

}  // namespace vitrine::studio
