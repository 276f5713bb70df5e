#include "base/asset_paths.h"

#include <cstdlib>
#include <system_error>

namespace vitrine {

std::filesystem::path assetsDirectory() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("VITRINE_ASSETS"); env && *env) return env;
    std::error_code ec;
    fs::path program = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = program.parent_path().parent_path() / "share" / "vitrine" / "assets";
        if (fs::is_directory(installed, ec)) return installed;
    }
    return fs::path(VITRINE_SOURCE_DIR) / "assets";
}

}  // namespace vitrine
