#pragma once
// Test support: a valid JSON file just past a size limit, for the map loaders' size checks.

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>

namespace vitrine::test {

/// Writes "{", lines of 100 bytes of whitespace until past `limit` bytes, then "}".
inline void writeJsonPast(const std::filesystem::path& file, std::size_t limit) {
    std::ofstream out(file, std::ios::binary);
    out << "{\n";
    const std::string line = std::string(99, ' ') + "\n";
    for (std::size_t written = 2; written <= limit; written += line.size()) out << line;
    out << "}\n";
}

/// The line on which `limit` falls in writeJsonPast's file.
inline int lineOfLimit(std::size_t limit) { return 2 + static_cast<int>((limit - 2) / 100); }

}  // namespace vitrine::test
