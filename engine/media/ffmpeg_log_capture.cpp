#include "media/ffmpeg_log_capture.h"

#include <cstdarg>
#include <cstdio>
#include <mutex>

extern "C" {
#include <libavutil/log.h>
}

namespace vitrine {
namespace {

// Longest message kept; FFmpeg's lines are short, a longer one is cut, not lost.
constexpr std::size_t kMaxLineLength = 1024;

// The capture active on this thread, if any. Thread-local, not global: two decodes on two
// threads each see only their own messages.
thread_local FfmpegLogCapture* tActiveCapture = nullptr;

void routeLog(void* /*context*/, int level, const char* format, va_list args) {
    FfmpegLogCapture* capture = tActiveCapture;
    // Outside a capture FFmpeg's line would be a second, unnamed report of a problem that
    // is ours to report (see the header): it is dropped.
    if (capture == nullptr) return;
    char line[kMaxLineLength];
    std::vsnprintf(line, sizeof line, format, args);
    capture->record(level, line);
}

void installRoutingOnce() {
    static std::once_flag installed;
    std::call_once(installed, [] { av_log_set_callback(routeLog); });
}

}  // namespace

FfmpegLogCapture::FfmpegLogCapture() : outer_(tActiveCapture) {
    installRoutingOnce();
    tActiveCapture = this;
}

FfmpegLogCapture::~FfmpegLogCapture() { tActiveCapture = outer_; }

void FfmpegLogCapture::record(int level, const std::string& line) {
    if (level > AV_LOG_ERROR) return;  // warnings and chatter are dropped: that is the quieting
    std::string trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == '\r')) trimmed.pop_back();
    if (trimmed.empty()) return;
    if (firstError_.empty()) firstError_ = trimmed;
    allErrors_ += trimmed;
    allErrors_ += '\n';
}

}  // namespace vitrine
