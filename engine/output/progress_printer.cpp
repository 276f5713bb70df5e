#include "output/progress_printer.h"

#include <cmath>

namespace vitrine::output {

namespace {
constexpr int kTenths = 10;
constexpr int kSecondsPerMinute = 60;
}  // namespace

ProgressPrinter::ProgressPrinter(std::FILE* out, bool interactive, std::string label, Clock now)
    : out_(out), interactive_(interactive), label_(std::move(label)), now_(std::move(now)), start_(now_()) {}

double ProgressPrinter::steadySeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string ProgressPrinter::line(const std::string& label, std::int64_t frame, std::int64_t frames, double elapsed) {
    const double fraction = frames > 0 ? static_cast<double>(frame) / static_cast<double>(frames) : 1.0;
    const double fps = elapsed > 0 ? static_cast<double>(frame) / elapsed : 0.0;
    char text[160];
    if (fps > 0) {
        const auto left = static_cast<long>(std::lround(static_cast<double>(frames - frame) / fps));
        std::snprintf(text, sizeof text, "%3d%%  %5.1f fps  %ld:%02ld left", static_cast<int>(fraction * 100), fps,
                      left / kSecondsPerMinute, left % kSecondsPerMinute);
    } else {
        std::snprintf(text, sizeof text, "%3d%%", static_cast<int>(fraction * 100));
    }
    return label + "  " + text;
}

bool ProgressPrinter::operator()(const ExportProgress& progress) {
    for (const std::string& problem : progress.problems) {
        if (lineOpen_) std::fputc('\n', out_);
        lineOpen_ = false;
        std::fprintf(out_, "vitrine: %s\n", problem.c_str());
    }
    const std::string text = line(label_, progress.frame, progress.frames, now_() - start_);
    if (interactive_) {
        // Trailing spaces wipe what a longer previous line left behind.
        std::fprintf(out_, "\r%s   ", text.c_str());
        lineOpen_ = true;
    } else {
        const int tenth = progress.frames > 0 ? static_cast<int>(progress.frame * kTenths / progress.frames) : kTenths;
        if (tenth > lastTenth_) {
            lastTenth_ = tenth;
            std::fprintf(out_, "%s\n", text.c_str());
        }
    }
    std::fflush(out_);
    return true;
}

void ProgressPrinter::finish() {
    if (lineOpen_) std::fputc('\n', out_);
    lineOpen_ = false;
    std::fflush(out_);
}

}  // namespace vitrine::output
