#pragma once
// Keeps FFmpeg's messages about one decode with that decode instead of on stderr.
//
// Why a callback rather than av_log_set_level(AV_LOG_ERROR): both are process-wide, but
// lowering the level would throw away the very text that explains why an archival file is
// broken. The callback installed here collects messages on a thread inside an
// FfmpegLogCapture scope, so the caller can put the reason into the one report a broken
// file gets (DESIGN.md: reported once, with file and reason). Everywhere else it drops
// them: FFmpeg's raw lines ("[mov,mp4,…] stream 0, offset 0x9d7b: partial file") name
// neither our file nor what happens next, and a truncated film would print one per decode
// pass for months; our own report says both. Installing it is done once per process
// (std::call_once), by the first capture, which comes before any file is opened; a program
// that installs its own callback later simply gets our decoders' messages too, and our
// errors lose only their detail.
//
// Only the capturing thread's messages are caught: a codec's own worker threads
// (thread_count > 1) log nowhere, so a decode that must explain itself runs with
// thread_count = 1 or reports what the calls on its own thread return.

#include <string>

namespace vitrine {

/// Collects FFmpeg's error messages logged on this thread while the object lives.
class FfmpegLogCapture {
public:
    /// Starts capturing on the calling thread (nested captures restore the outer one).
    FfmpegLogCapture();
    /// Stops capturing and restores whatever capture was active before.
    ~FfmpegLogCapture();
    FfmpegLogCapture(const FfmpegLogCapture&) = delete;
    FfmpegLogCapture& operator=(const FfmpegLogCapture&) = delete;

    /// True when FFmpeg logged at least one message at error level or worse.
    bool hasErrors() const { return !firstError_.empty(); }
    /// The first error message, without its trailing newline; empty when none.
    const std::string& firstError() const { return firstError_; }
    /// Every error message so far, one per line.
    const std::string& allErrors() const { return allErrors_; }

    /// Records one formatted message; called by the installed log callback.
    void record(int level, const std::string& line);

private:
    FfmpegLogCapture* outer_;
    std::string firstError_;
    std::string allErrors_;
};

}  // namespace vitrine
