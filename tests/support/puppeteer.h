#pragma once
// Headless Chromium driven from Node by puppeteer-core (pinned in
// tools/status-page-test/package.json), installed from the npm registry into the build
// folder once; the browser tests' scripts are run from there so `require` finds it.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support/build_paths.h"
#include "support/run_command.h"

namespace vitrine::test {

/// The folder with node_modules/puppeteer-core, with `script` (a path in the source
/// tree) copied into it; returns the copied script's path.
inline std::filesystem::path puppeteerScript(const std::filesystem::path& script) {
    REQUIRE_MESSAGE(std::system("chromium --version >/dev/null 2>&1") == 0, "chromium missing: run tools/setup");
    REQUIRE_MESSAGE(std::system("node --version >/dev/null 2>&1") == 0, "node missing: run tools/setup");
    const auto folder = binaryDir() / "status-page-test";
    if (!std::filesystem::exists(folder / "node_modules/puppeteer-core/package.json")) {
        std::filesystem::create_directories(folder);
        for (const char* file : {"package.json", "package-lock.json"})
            std::filesystem::copy_file(sourceDir() / "tools/status-page-test" / file, folder / file,
                                       std::filesystem::copy_options::overwrite_existing);
        const auto npm = runCommand("cd '" + folder.string() + "' && npm ci --no-audit --no-fund --loglevel=error 2>&1");
        REQUIRE_MESSAGE(std::filesystem::exists(folder / "node_modules/puppeteer-core/package.json"), npm.output);
    }
    const auto copied = folder / script.filename();
    std::filesystem::copy_file(sourceDir() / script, copied, std::filesystem::copy_options::overwrite_existing);
    return copied;
}

}  // namespace vitrine::test
