#pragma once
// One export from the studio (a still, a storyboard or an MP4) run on a worker thread with
// its own GL context and renderer, so the studio keeps drawing and playing while it runs.
// The studio reads its progress each frame and may cancel it; the file appears at its
// destination only once complete (each writer saves through a temporary file and a rename).

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "base/time_value.h"
#include "timeline/show.h"

namespace vitrine::studio {

/// What an export writes.
enum class ExportKind { Still, Storyboard, Video };

/// What to export.
struct ExportOrder {
    ExportKind kind = ExportKind::Still;
    std::filesystem::path file;
    Micros at = 0;             // a still's instant
    Micros from = 0, to = -1;  // a video's range; -1: to the end of the show
};

/// How an export ended.
struct ExportOutcome {
    bool ok = false;
    bool cancelled = false;
    std::string message;  // plain words: where the file went, or why there is none
};

class ExportJob {
public:
    ExportJob() = default;
    ~ExportJob();  // cancels and waits for a running export
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;

    /// Starts `order` on `show` (kept alive until the export ends); false when one runs.
    bool start(std::shared_ptr<const Show> show, ExportOrder order);
    bool running() const { return running_; }
    /// Asks the running export to stop; nothing is left at its file.
    void cancel() { cancel_ = true; }
    /// Steps done and steps in all (frames, or stills of a storyboard); 0 in all at first.
    std::pair<std::int64_t, std::int64_t> progress() const { return {done_, total_}; }
    /// What the export being run writes.
    const ExportOrder& order() const { return order_; }
    /// How the last export ended, once, after it has.
    std::optional<ExportOutcome> takeOutcome();

private:
    void run(std::shared_ptr<const Show> show, ExportOrder order);
    bool report(std::int64_t done, std::int64_t total);

    ExportOrder order_;
    std::thread worker_;
    std::atomic<bool> running_{false}, cancel_{false};
    std::atomic<std::int64_t> done_{0}, total_{0};
    std::mutex mutex_;
    std::optional<ExportOutcome> outcome_;
};

/// "1.2 MB", "340 KB": a file's size for a message.
std::string describeSize(std::uintmax_t bytes);

}  // namespace vitrine::studio
