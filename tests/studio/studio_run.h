#pragma once
// Running the vitrine-studio program (and vitrine) from a test, as a designer would from a
// shell: the exit status and everything it printed.

#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/build_paths.h"

namespace vitrine::studio {

struct Run {
    int status = -1;
    std::string output;
};

inline std::string studioBinary() { return (vitrine::test::binaryDir() / "bin/vitrine-studio").string(); }

/// Runs build/bin/`program` with `arguments` (a shell's words), sound to the null output.
inline Run runProgram(const std::string& program, const std::string& arguments) {
    std::string command =
        "ALSOFT_DRIVERS=null " + (vitrine::test::binaryDir() / "bin" / program).string() + " " + arguments + " 2>&1";
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) r.output.append(buffer.data(), n);
    int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

inline Run runStudio(const std::string& arguments) { return runProgram("vitrine-studio", arguments); }

/// The studio is part of the build (tools/setup installs libimgui-dev, which it needs), and
/// these cases are its only end-to-end check: a missing binary or display fails them.
inline void requireStudio() {
    const char* display = std::getenv("DISPLAY");
    INFO("the studio's end-to-end tests need an X display: run them under xvfb-run (tools/test does)");
    REQUIRE((display && *display));
    INFO("vitrine-studio was not built: install libimgui-dev (tools/setup) and configure again");
    REQUIRE(std::filesystem::exists(studioBinary()));
}

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace vitrine::studio
