#pragma once
// `vitrine play` with an installation file, in a small window with no sound, as a child
// process; its journal goes to `log`. Stopped (SIGTERM, then SIGKILL) when this goes.

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/build_paths.h"

extern char** environ;

namespace vitrine::test {

struct PlayingPlayer {
    pid_t pid = -1;
    PlayingPlayer(const std::filesystem::path& exhibit, const std::filesystem::path& installation,
                  const std::filesystem::path& log) {
        const std::string program = (binaryDir() / "bin/vitrine").string();
        std::vector<std::string> args = {program, "play", exhibit.string(), "--installation", installation.string(),
                                         "--windowed", "320x180", "--audio", "off"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~PlayingPlayer() {
        if (pid <= 0) return;
        ::kill(pid, SIGTERM);
        int status = 0;
        for (int i = 0; i < 50 && ::waitpid(pid, &status, WNOHANG) == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (::waitpid(pid, &status, WNOHANG) == 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
        }
    }
    PlayingPlayer(const PlayingPlayer&) = delete;
    PlayingPlayer& operator=(const PlayingPlayer&) = delete;
};

}  // namespace vitrine::test
