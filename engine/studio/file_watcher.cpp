#include "studio/file_watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cstring>

namespace vitrine::studio {
namespace {

// Editors save in bursts (write, chmod, rename); one quiet spell this long ends a burst.
constexpr int kSettleMillis = 30;
constexpr std::size_t kEventBufferBytes = 4096;

}  // namespace

FileWatcher::FileWatcher(std::filesystem::path file) : file_(std::move(file)) {
    std::filesystem::path folder = file_.parent_path().empty() ? std::filesystem::path(".") : file_.parent_path();
    inotify_ = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    wake_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (inotify_ < 0 || wake_ < 0) return;
    if (::inotify_add_watch(inotify_, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB) < 0) return;
    ok_ = true;
    thread_ = std::thread([this] { run(); });
}

FileWatcher::~FileWatcher() {
    if (thread_.joinable()) {
        std::uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(wake_, &one, sizeof one);
        thread_.join();
    }
    if (inotify_ >= 0) ::close(inotify_);
    if (wake_ >= 0) ::close(wake_);
}

void FileWatcher::run() {
    const std::string name = file_.filename().string();
    alignas(inotify_event) char buffer[kEventBufferBytes];
    bool burst = false;
    for (;;) {
        pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
        // Inside a burst, wait only for it to settle; otherwise sleep until the kernel speaks.
        int ready = ::poll(fds, 2, burst ? kSettleMillis : -1);
        if (ready < 0) continue;  // EINTR
        if (fds[1].revents & POLLIN) return;
        if (ready == 0) {
            burst = false;
            {
                std::lock_guard lock(mutex_);
                pending_ = true;
                ++changes_;
            }
            changed_.notify_all();
            continue;
        }
        ssize_t n = ::read(inotify_, buffer, sizeof buffer);
        for (ssize_t at = 0; at < n;) {
            auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            if (event->len > 0 && name == event->name) burst = true;
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
}

bool FileWatcher::takeChange() {
    std::lock_guard lock(mutex_);
    bool was = pending_;
    pending_ = false;
    return was;
}

bool FileWatcher::waitForChange(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!changed_.wait_for(lock, timeout, [this] { return pending_; })) return false;
    pending_ = false;
    return true;
}

}  // namespace vitrine::studio
