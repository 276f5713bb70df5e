#include "media/file_bytes.h"

#include <algorithm>
#include <fstream>

namespace vitrine {

std::vector<std::uint8_t> readRange(const std::filesystem::path& file, std::uintmax_t from, std::size_t count) {
    std::ifstream in(file, std::ios::binary);
    std::vector<std::uint8_t> bytes(count);
    in.seekg(static_cast<std::streamoff>(from));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(count));
    bytes.resize(in ? count : static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return bytes;
}

std::uintmax_t sizeOf(const std::filesystem::path& file) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    return ec ? 0 : size;
}

std::uint64_t bigEndian(const std::vector<std::uint8_t>& bytes, std::size_t at, std::size_t count) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < count; ++i) value = value << 8 | bytes[at + i];
    return value;
}

std::uint64_t littleEndian(const std::vector<std::uint8_t>& bytes, std::size_t at, std::size_t count) {
    std::uint64_t value = 0;
    for (std::size_t i = count; i-- > 0;) value = value << 8 | bytes[at + i];
    return value;
}

}  // namespace vitrine
