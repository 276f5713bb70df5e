#pragma once
// Runs a shell command line and keeps what it printed, for tests of programs and scripts.

#include <array>
#include <cstdio>
#include <string>

#include <sys/wait.h>

namespace vitrine::test {

struct CommandResult {
    int status = -1;     // the exit status; -1 when killed by a signal
    std::string output;  // what it wrote to stdout (add 2>&1 for stderr too)
};

inline CommandResult runCommand(const std::string& command) {
    CommandResult r;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buffer{};
    while (size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) r.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace vitrine::test
