#pragma once
// An export's progress on a terminal: on a TTY one line rewritten in place (percent,
// frames per second, time left); in a log (not a TTY) one line every tenth of the way.

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#include "output/export_progress.h"

namespace vitrine::output {

/// Prints ExportProgress reports; usable directly as an ExportProgressCallback.
class ProgressPrinter {
public:
    using Clock = std::function<double()>;  // seconds, from any origin

    /// Prints to `out`, rewriting one line when `interactive`; `label` starts each line.
    /// `now` is the clock used for speed and time left (a steady clock unless given).
    ProgressPrinter(std::FILE* out, bool interactive, std::string label, Clock now = steadySeconds);

    /// Prints the report (and its problems, each on a line of its own); always true.
    bool operator()(const ExportProgress& progress);
    /// Ends the in-place line so what follows starts on a fresh one.
    void finish();

    /// The text of a progress line: "label  42%  31.5 fps  0:12 left".
    static std::string line(const std::string& label, std::int64_t frame, std::int64_t frames, double elapsed);

private:
    static double steadySeconds();

    std::FILE* out_;
    bool interactive_;
    std::string label_;
    Clock now_;
    double start_;
    int lastTenth_ = 0;
    bool lineOpen_ = false;
};

}  // namespace vitrine::output
