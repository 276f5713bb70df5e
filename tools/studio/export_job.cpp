#include "export_job.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

extern char** environ;

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

constexpr int kCancelledStatus = 1;  // export_command.cpp

void writeAll(int fd, const std::string& text) {
    std::size_t at = 0;
    while (at < text.size()) {
        ssize_t n = ::write(fd, text.data() + at, text.size() - at);
        if (n <= 0) return;  // the child is gone: its exit status says why
        at += static_cast<std::size_t>(n);
    }
}

}  // namespace

const char* exportKindWord(ExportKind kind) {
    switch (kind) {
        case ExportKind::Still: return "still";
        case ExportKind::Storyboard: return "storyboard";
        case ExportKind::Video: return "video";
    }
    return "still";
}

ExportJob::~ExportJob() {
    cancel();
    if (worker_.joinable()) worker_.join();
}

void ExportJob::cancel() {
    cancel_ = true;
    if (pid_t pid = child_; pid > 0) ::kill(pid, SIGTERM);
}

bool ExportJob::start(const fs::path& exhibit, ExportTexts texts, ExportOrder order) {
    if (running_) return false;
    if (worker_.joinable()) worker_.join();
    order_ = order;
    cancel_ = false;
    done_ = 0;
    total_ = 0;
    {
        std::lock_guard lock(mutex_);
        outcome_.reset();
    }
    running_ = true;
    worker_ = std::thread([this, exhibit, packed = packExportTexts(texts), order = std::move(order)] { run(exhibit, packed, order); });
    return true;
}

std::optional<ExportOutcome> ExportJob::takeOutcome() {
    std::lock_guard lock(mutex_);
    std::optional<ExportOutcome> out = std::move(outcome_);
    outcome_.reset();
    return out;
}

bool ExportJob::hasOutcome() const {
    std::lock_guard lock(mutex_);
    return outcome_.has_value();
}

void ExportJob::run(fs::path exhibit, std::string texts, ExportOrder order) {
    std::vector<std::string> args = {"/proc/self/exe", "export", exportKindWord(order.kind), exhibit.string(),
                                     "-o", order.file.string(), "--stdin"};
    for (auto [flag, value] : {std::pair{"--at", &order.at}, std::pair{"--from", &order.from}, std::pair{"--to", &order.to},
                               std::pair{"--languages", &order.languages}})
        if (!value->empty()) args.insert(args.end(), {flag, *value});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    // The child's standard input is the texts, packed; its output (progress lines and any error) comes
    // back on one pipe. Spawned, not forked by hand: this process has GL and audio threads.
    int input[2], output[2];
    ExportOutcome outcome;
    std::string said;
    int status = -1;
    if (::pipe2(input, O_CLOEXEC) == 0 && ::pipe2(output, O_CLOEXEC) == 0) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, input[0], 0);
        posix_spawn_file_actions_adddup2(&actions, output[1], 1);
        posix_spawn_file_actions_adddup2(&actions, output[1], 2);
        pid_t pid = -1;
        int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(input[0]);
        ::close(output[1]);
        if (spawned == 0) {
            child_ = pid;
            if (cancel_) ::kill(pid, SIGTERM);
            signal(SIGPIPE, SIG_IGN);  // a child that exits early must not kill the studio
            writeAll(input[1], texts);
            ::close(input[1]);
            FILE* lines = ::fdopen(output[0], "r");
            char line[4096];
            while (lines && std::fgets(line, sizeof line, lines)) {
                long long done = 0, total = 0;
                if (std::sscanf(line, "progress %lld %lld", &done, &total) == 2) {
                    done_ = done;
                    total_ = total;
                } else {
                    said = line;  // the last thing it said is why it stopped
                    while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) said.pop_back();
                }
            }
            if (lines) std::fclose(lines);
            else ::close(output[0]);
            int wait = 0;
            if (::waitpid(pid, &wait, 0) == pid && WIFEXITED(wait)) status = WEXITSTATUS(wait);
            child_ = -1;
        } else {
            ::close(input[1]);
            ::close(output[0]);
            said = "cannot start the export";
        }
    } else {
        said = "cannot start the export (no pipe)";
    }

    outcome.ok = status == 0;
    outcome.cancelled = !outcome.ok && (cancel_ || status == kCancelledStatus);
    if (outcome.cancelled) {
        outcome.message = "Export cancelled; nothing was written to " + order.file.string();
    } else if (!outcome.ok) {
        outcome.message = "Could not export " + order.file.filename().string() + ": " +
                          (said.empty() ? std::string("the export stopped") : said);
    } else {
        std::error_code ec;
        auto bytes = fs::file_size(order.file, ec);
        outcome.message = "Exported " + fs::absolute(order.file).string() + (ec ? "" : "  (" + describeSize(bytes) + ")");
    }
    {
        std::lock_guard lock(mutex_);
        outcome_ = std::move(outcome);
    }
    running_ = false;
}

std::string describeSize(std::uintmax_t bytes) {
    char out[32];
    if (bytes >= 1000 * 1000) std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / 1e6);
    else std::snprintf(out, sizeof out, "%.0f KB", std::max(1.0, static_cast<double>(bytes) / 1e3));
    return out;
}

}  // namespace vitrine::studio
