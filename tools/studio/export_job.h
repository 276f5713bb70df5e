#pragma once
// One export from the studio (a still, a storyboard or an MP4), run as a child process
// (`vitrine-studio export`, export_command.h) given the studio's texts as edited: it draws
// on a GL context of its own while the studio keeps drawing and playing, and a crash in it
// cannot take the designer's unsaved work down. The studio reads its progress each frame
// and may cancel it; the file appears at its destination only once complete.

#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "export_command.h"

namespace vitrine::studio {

/// What an export writes.
enum class ExportKind { Still, Storyboard, Video };

/// The word `vitrine-studio export` takes for `kind`: "still", "storyboard", "video".
const char* exportKindWord(ExportKind kind);

/// What to export.
struct ExportOrder {
    ExportKind kind = ExportKind::Still;
    std::filesystem::path file;
    std::string at;        // a still's position (TIME, SCENE or SCENE+TIME)
    std::string from, to;  // a video's range; empty: the whole show
    std::string languages = "main";  // the preview's languages (previewLanguagesWord)
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

    /// Starts `order` for `exhibit` whose texts are now `texts` (the exhibit's and its caption
    /// files', as edited); false when one runs.
    bool start(const std::filesystem::path& exhibit, ExportTexts texts, ExportOrder order);
    bool running() const { return running_; }
    /// Asks the running export to stop; nothing is left at its file.
    void cancel();
    /// Steps done and steps in all (frames, or stills of a storyboard); 0 in all at first.
    std::pair<std::int64_t, std::int64_t> progress() const { return {done_, total_}; }
    /// What the export being run writes.
    const ExportOrder& order() const { return order_; }
    /// How the last export ended, once, after it has.
    std::optional<ExportOutcome> takeOutcome();
    /// True when an export has ended and takeOutcome() has not been called since.
    bool hasOutcome() const;

private:
    void run(std::filesystem::path exhibit, std::string texts, ExportOrder order);

    ExportOrder order_;
    std::thread worker_;
    std::atomic<bool> running_{false}, cancel_{false};
    std::atomic<pid_t> child_{-1};
    std::atomic<std::int64_t> done_{0}, total_{0};
    mutable std::mutex mutex_;
    std::optional<ExportOutcome> outcome_;
};

/// "1.2 MB", "340 KB": a file's size for a message.
std::string describeSize(std::uintmax_t bytes);

}  // namespace vitrine::studio
