#pragma once
// Notices when a file is changed by another program (an editor saving it), so the studio
// reloads the moment the designer saves. inotify on the file's folder, because editors
// often save by writing a new file and renaming it over the old one.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

namespace vitrine::studio {

/// Watches one file from a background thread that sleeps in poll() until the kernel reports
/// something; no polling loop.
class FileWatcher {
public:
    /// Starts watching `file`. ok() is false when the folder cannot be watched.
    explicit FileWatcher(std::filesystem::path file);
    /// Stops the thread.
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    /// True when the watch is in place.
    bool ok() const { return ok_; }
    /// True (once per burst of changes) when the file changed since the last call.
    bool takeChange();
    /// Waits until a change is reported or `timeout` passes; true when one was (and takes it).
    bool waitForChange(std::chrono::milliseconds timeout);
    /// Changes reported so far.
    int changeCount() const { return changes_.load(); }

private:
    void run();

    std::filesystem::path file_;
    int inotify_ = -1;
    int wake_ = -1;  // eventfd that tells the thread to stop
    bool ok_ = false;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool pending_ = false;
    std::atomic<int> changes_{0};
    std::thread thread_;
};

}  // namespace vitrine::studio
