#pragma once
// Headless Chromium driven from Node by puppeteer-core, pinned by
// tools/status-page-test/package-lock.json and installed by tools/setup (npm ci) into the
// ignored tools/status-page-test/node_modules/: the tests never reach the npm registry.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/build_paths.h"

namespace vitrine::test {

/// The folder tools/setup installs puppeteer-core into.
inline std::filesystem::path puppeteerModules() { return sourceDir() / "tools/status-page-test/node_modules"; }

/// `script` (a path in the source tree) to run with `node`, which will find puppeteer-core
/// wherever the script lies (NODE_PATH, inherited by the commands the test runs); fails the
/// test with what to do when Chromium, Node or puppeteer-core is missing.
inline std::filesystem::path puppeteerScript(const std::filesystem::path& script) {
    REQUIRE_MESSAGE(std::system("chromium --version >/dev/null 2>&1") == 0, "chromium missing: run tools/setup");
    REQUIRE_MESSAGE(std::system("node --version >/dev/null 2>&1") == 0, "node missing: run tools/setup");
    const auto modules = puppeteerModules();
    REQUIRE_MESSAGE(std::filesystem::exists(modules / "puppeteer-core/package.json"),
                    "puppeteer-core missing from " << modules.string() << ": run tools/setup");
    setenv("NODE_PATH", modules.c_str(), 1);
    return sourceDir() / script;
}

}  // namespace vitrine::test
