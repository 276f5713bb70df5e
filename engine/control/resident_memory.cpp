#include "control/resident_memory.h"

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

std::optional<std::int64_t> parseStatusBytes(std::string_view procStatus, std::string_view field) {
    const std::string key = "\n" + std::string(field) + ":";
    auto at = procStatus.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    std::string rest(procStatus.substr(at + key.size(), 64));
    char* end = nullptr;
    long long kib = std::strtoll(rest.c_str(), &end, 10);
    if (end == rest.c_str()) return std::nullopt;
    return static_cast<std::int64_t>(kib) * kBytesPerKiB;  // the kernel reports kB (KiB)
}

std::optional<ResidentSet> residentSet() {
    std::ifstream in("/proc/self/status");
    if (!in) return std::nullopt;
    std::stringstream read;
    read << "\n" << in.rdbuf();  // so the first line's field is found like the others
    const std::string text = read.str();
    const auto bytes = parseStatusBytes(text, "VmRSS"), peak = parseStatusBytes(text, "VmHWM");
    if (!bytes || !peak) return std::nullopt;
    return ResidentSet{*bytes, *peak};
}

bool resetPeakResident() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";  // "reset the peak resident set size" (proc(5))
    out.flush();
    return static_cast<bool>(out);
}

void releaseFreeMemory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

}  // namespace vitrine
