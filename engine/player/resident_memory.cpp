#include "player/resident_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace vitrine {

namespace {
constexpr std::int64_t kBytesPerKiB = 1024;
}  // namespace

std::optional<std::int64_t> parseResidentBytes(std::string_view procStatus) {
    constexpr std::string_view kKey = "VmRSS:";
    auto at = procStatus.find(kKey);
    if (at == std::string_view::npos) return std::nullopt;
    std::string rest(procStatus.substr(at + kKey.size(), 64));
    char* end = nullptr;
    long long kib = std::strtoll(rest.c_str(), &end, 10);
    if (end == rest.c_str()) return std::nullopt;
    return static_cast<std::int64_t>(kib) * kBytesPerKiB;  // the kernel reports kB (KiB)
}

std::optional<std::int64_t> residentBytes() {
    std::ifstream in("/proc/self/status");
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    return parseResidentBytes(text.str());
}

void releaseFreeMemory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

}  // namespace vitrine
