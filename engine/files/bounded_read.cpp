#include "files/bounded_read.h"

#include <algorithm>
#include <fstream>

namespace vitrine {

namespace {

constexpr std::size_t kKibibyte = 1024;

// "16 MiB", "4 KiB" or "100 bytes": limits are round numbers, said as a person would.
std::string describeSize(std::size_t bytes) {
    if (bytes >= kKibibyte * kKibibyte && bytes % (kKibibyte * kKibibyte) == 0)
        return std::to_string(bytes / (kKibibyte * kKibibyte)) + " MiB";
    if (bytes >= kKibibyte && bytes % kKibibyte == 0) return std::to_string(bytes / kKibibyte) + " KiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace

std::optional<std::string> readFileUpTo(const std::filesystem::path& path, std::size_t limit) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text;
    // Grown as it is read, so a small file under a large limit costs only its own size.
    constexpr std::size_t kChunk = 64 * kKibibyte;
    while (text.size() <= limit) {
        const std::size_t want = std::min(kChunk, limit + 1 - text.size());
        const std::size_t had = text.size();
        text.resize(had + want);
        in.read(text.data() + had, static_cast<std::streamsize>(want));
        text.resize(had + static_cast<std::size_t>(in.gcount()));
        if (in.bad()) return std::nullopt;
        if (!in) break;  // the end of the file
    }
    return text;
}

bool refuseTooLarge(std::string_view text, const std::string& file, std::size_t limit, std::string_view what,
                    Diagnostics& diagnostics) {
    if (text.size() <= limit) return false;
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(limit), '\n'));
    diagnostics.error({file, line, 1}, "file-too-large",
                      "this " + std::string(what) + " is larger than " + describeSize(limit) +
                          ", the most Vitrine reads of one; none of it is read",
                      "no such file is this large: check that it is the right file and not damaged");
    return true;
}

}  // namespace vitrine
