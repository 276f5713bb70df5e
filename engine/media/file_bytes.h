#pragma once
// Reading a few bytes of a media file where its format says something lies (a header, the
// last page or frame), without handing the file to a decoder: how the media probe finds a
// file cut short that decodes well from its start.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace vitrine {

/// Up to `count` bytes of `file` from byte `from`: fewer where the file ends first.
std::vector<std::uint8_t> readRange(const std::filesystem::path& file, std::uintmax_t from, std::size_t count);

/// The file's size in bytes, 0 when it cannot be known.
std::uintmax_t sizeOf(const std::filesystem::path& file);

/// The unsigned number in bytes[at, at + count), most (big) or least (little) significant byte first.
std::uint64_t bigEndian(const std::vector<std::uint8_t>& bytes, std::size_t at, std::size_t count);
std::uint64_t littleEndian(const std::vector<std::uint8_t>& bytes, std::size_t at, std::size_t count);

}  // namespace vitrine
