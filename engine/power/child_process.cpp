#include "power/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

extern char** environ;

namespace vitrine::power {

namespace {
constexpr std::size_t kMaxOutput = 64 * 1024;
}

ChildResult runChild(const std::vector<std::string>& argv, const std::string& input, std::chrono::milliseconds timeout) {
    ChildResult result;
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0) return result;
    if (::pipe2(out, O_CLOEXEC) != 0) {
        ::close(in[0]);
        ::close(in[1]);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, out[1], 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(out[0]);
        return result;
    }
    result.started = true;
    // The input is a line or two: it fits the pipe's buffer, so writing cannot block.
    ssize_t written = ::write(in[1], input.data(), input.size());
    (void)written;
    ::close(in[1]);
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            result.timedOut = true;
            break;
        }
        pollfd p{out[0], POLLIN, 0};
        int n = ::poll(&p, 1, static_cast<int>(left.count()));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) continue;
        char chunk[4096];
        ssize_t got = ::read(out[0], chunk, sizeof chunk);
        if (got <= 0) break;  // the child closed its output: it has ended (or is ending)
        if (result.output.size() < kMaxOutput) result.output.append(chunk, static_cast<std::size_t>(got));
    }
    ::close(out[0]);
    if (result.timedOut) ::kill(pid, SIGKILL);
    int status = 0;
    // After its output closed a child may still be exiting: wait for it, but never past
    // the timeout (then it is killed).
    while (::waitpid(pid, &status, result.timedOut ? 0 : WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
            result.timedOut = true;
            ::kill(pid, SIGKILL);
        } else {
            ::usleep(5000);
        }
    }
    if (!result.timedOut && WIFEXITED(status)) result.exitStatus = WEXITSTATUS(status);
    return result;
}

}  // namespace vitrine::power
