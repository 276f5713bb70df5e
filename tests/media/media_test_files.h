#pragma once
// Test media made at test time: a private temporary folder, the ffmpeg CLI, and a few
// hand-made files (EXIF orientation, an absurd PNG header) no encoder would write.

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace vitrine::test {

/// A folder of its own under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("vitrine-media-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// The whole content of a text file ("" when it cannot be read).
inline std::string readTextFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Runs the ffmpeg CLI quietly with `arguments` (inputs, options, output); true on success.
inline bool runFfmpeg(const std::string& arguments) {
    const std::string command = "ffmpeg -nostdin -hide_banner -loglevel error -y " + arguments;
    return std::system(command.c_str()) == 0;
}

/// Quotes a path for the shell.
inline std::string quoted(const std::filesystem::path& path) {
    std::string out = "'";
    for (char c : path.string()) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

/// Makes a one-frame test pattern (ffmpeg's testsrc2) of the given size; true on success.
inline bool makeTestPattern(const std::filesystem::path& out, int width, int height) {
    return runFfmpeg("-f lavfi -i testsrc2=size=" + std::to_string(width) + "x" + std::to_string(height) +
                     " -frames:v 1 " + quoted(out));
}

inline std::vector<std::uint8_t> readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

/// An RGB colour for building test pictures.
struct Rgb {
    std::uint8_t r, g, b;
};

/// Writes a binary PPM whose pixel (x, y) is colourAt(x, y): an exact source for encoders.
template <typename ColourAt>
void writePpm(const std::filesystem::path& path, int width, int height, ColourAt colourAt) {
    const std::string header = "P6\n" + std::to_string(width) + " " + std::to_string(height) + "\n255\n";
    std::vector<std::uint8_t> bytes(header.begin(), header.end());
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const Rgb c = colourAt(x, y);
            bytes.insert(bytes.end(), {c.r, c.g, c.b});
        }
    }
    writeBytes(path, bytes);
}

/// An 8-bit RGBA colour for solid test pictures.
struct SolidColour {
    std::uint8_t r, g, b, a = 255;
};

/// Writes a binary PAM (RGB_ALPHA) filled with `colour`: an exact source for encoders,
/// which lavfi's colour source is not (it goes through YUV).
inline void writeSolidPam(const std::filesystem::path& path, SolidColour colour, int width, int height) {
    const std::string header = "P7\nWIDTH " + std::to_string(width) + "\nHEIGHT " + std::to_string(height) +
                               "\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n";
    std::vector<std::uint8_t> bytes(header.begin(), header.end());
    for (int i = 0; i < width * height; ++i) bytes.insert(bytes.end(), {colour.r, colour.g, colour.b, colour.a});
    writeBytes(path, bytes);
}

/// Makes a still of a solid colour encoded by ffmpeg in `pixelFormat` (the output's
/// extension picks the format), with `extra` encoder options; true on success.
inline bool makeSolidImage(const std::filesystem::path& out, SolidColour colour, int width, int height,
                           const std::string& pixelFormat, const std::string& extra = {}) {
    const std::filesystem::path source = out.string() + ".source.pam";
    writeSolidPam(source, colour, width, height);
    const bool made = runFfmpeg("-i " + quoted(source) + " -frames:v 1 -pix_fmt " + pixelFormat + " " + extra + " " +
                                quoted(out));
    std::filesystem::remove(source);
    return made;
}

/// A copy of the JPEG `jpeg` carrying an EXIF APP1 segment whose only tag is
/// Orientation = `orientation`, placed after the JFIF APP0 segment as cameras do.
inline std::vector<std::uint8_t> withExifOrientation(const std::vector<std::uint8_t>& jpeg, int orientation) {
    auto le16 = [](std::vector<std::uint8_t>& v, unsigned x) { v.insert(v.end(), {std::uint8_t(x), std::uint8_t(x >> 8)}); };
    auto le32 = [&](std::vector<std::uint8_t>& v, unsigned x) { le16(v, x & 0xffff); le16(v, x >> 16); };
    std::vector<std::uint8_t> payload = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0};
    le32(payload, 8);       // offset of the first IFD from the TIFF header
    le16(payload, 1);       // one entry
    le16(payload, 0x0112);  // Orientation
    le16(payload, 3);       // SHORT
    le32(payload, 1);       // count
    le16(payload, static_cast<unsigned>(orientation));
    le16(payload, 0);       // value padding
    le32(payload, 0);       // no next IFD
    const std::size_t length = payload.size() + 2;
    std::vector<std::uint8_t> segment = {0xFF, 0xE1, std::uint8_t(length >> 8), std::uint8_t(length)};
    segment.insert(segment.end(), payload.begin(), payload.end());

    std::size_t insertAt = 2;  // after SOI
    if (jpeg.size() > 6 && jpeg[2] == 0xFF && jpeg[3] == 0xE0) insertAt = 4 + (std::size_t(jpeg[4]) << 8 | jpeg[5]);
    std::vector<std::uint8_t> out(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(insertAt));
    out.insert(out.end(), segment.begin(), segment.end());
    out.insert(out.end(), jpeg.begin() + static_cast<std::ptrdiff_t>(insertAt), jpeg.end());
    return out;
}

inline std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

/// A copy of the PNG `png` claiming to be `width` x `height` (IHDR rewritten, CRC fixed):
/// a few hundred bytes that announce a gigapixel picture.
inline std::vector<std::uint8_t> withPngSize(std::vector<std::uint8_t> png, std::uint32_t width, std::uint32_t height) {
    constexpr std::size_t kIhdrType = 12;  // 8-byte signature, 4-byte length
    constexpr std::size_t kIhdrData = 16;
    constexpr std::size_t kIhdrDataLength = 13;
    auto be32 = [&](std::size_t at, std::uint32_t x) {
        png[at] = std::uint8_t(x >> 24); png[at + 1] = std::uint8_t(x >> 16);
        png[at + 2] = std::uint8_t(x >> 8); png[at + 3] = std::uint8_t(x);
    };
    be32(kIhdrData, width);
    be32(kIhdrData + 4, height);
    be32(kIhdrData + kIhdrDataLength, crc32(png.data() + kIhdrType, 4 + kIhdrDataLength));
    return png;
}

/// `count` bytes no file format claims, the same every run.
inline std::vector<std::uint8_t> randomBytes(std::size_t count) {
    std::mt19937 generator(18);
    std::vector<std::uint8_t> bytes(count);
    for (auto& b : bytes) b = static_cast<std::uint8_t>(generator() & 0xFF);
    return bytes;
}

/// The MP4 `mp4`'s top-level boxes without its index (moov): what a camera leaves when its
/// recording stops before it wrote the index, which comes last. Empty when a box is damaged.
inline std::vector<std::uint8_t> withoutMp4Index(const std::vector<std::uint8_t>& mp4) {
    std::vector<std::uint8_t> out;
    for (std::size_t at = 0; at + 8 <= mp4.size();) {
        const std::size_t size = std::size_t{mp4[at]} << 24 | std::size_t{mp4[at + 1]} << 16 |
                                 std::size_t{mp4[at + 2]} << 8 | mp4[at + 3];
        if (size < 8) return {};
        const auto box = mp4.begin() + static_cast<std::ptrdiff_t>(at);
        if (std::string(box + 4, box + 8) != "moov")
            out.insert(out.end(), box, mp4.begin() + static_cast<std::ptrdiff_t>(std::min(at + size, mp4.size())));
        at += size;
    }
    return out;
}

}  // namespace vitrine::test
