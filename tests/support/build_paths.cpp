#include "support/build_paths.h"

namespace vitrine::test {

std::filesystem::path sourceDir() { return VITRINE_SOURCE_DIR; }
std::filesystem::path fixturesDir() { return sourceDir() / "tests" / "fixtures"; }
std::filesystem::path binaryDir() { return VITRINE_BINARY_DIR; }

}  // namespace vitrine::test
