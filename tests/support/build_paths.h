#pragma once
// Where the tests find the project's files and the programs they run. The paths are
// compiled into build_paths.cpp alone, so that no other file's object depends on where the
// checkout lies (a build of another clone reuses them from the compiler cache).

#include <filesystem>

namespace vitrine::test {

/// The project's root folder (the checkout the tests were built from).
std::filesystem::path sourceDir();
/// tests/fixtures.
std::filesystem::path fixturesDir();
/// The CMake build folder; its bin/ holds the programs.
std::filesystem::path binaryDir();

}  // namespace vitrine::test
