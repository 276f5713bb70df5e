#include "media/sound_file_end.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "media/file_bytes.h"

namespace vitrine {
namespace {

namespace fs = std::filesystem;

bool startsWith(const std::vector<std::uint8_t>& bytes, std::size_t at, std::string_view text) {
    return bytes.size() >= at + text.size() &&
           std::equal(text.begin(), text.end(), bytes.begin() + static_cast<std::ptrdiff_t>(at),
                      [](char c, std::uint8_t b) { return static_cast<std::uint8_t>(c) == b; });
}

Micros samplesToMicros(std::uint64_t samples, std::uint64_t rate) {
    return static_cast<Micros>(samples / rate * kMicrosPerSecond + samples % rate * kMicrosPerSecond / rate);
}

// The checksums of the FLAC format: CRC-8 (polynomial x^8 + x^2 + x + 1) over a frame's
// header, CRC-16 (x^16 + x^15 + x^2 + 1) over the whole frame; both start from 0.
template <typename Crc, Crc kPolynomial>
Crc crc(const std::uint8_t* bytes, std::size_t count) {
    constexpr int kBits = sizeof(Crc) * 8;
    Crc value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        value = static_cast<Crc>(value ^ static_cast<Crc>(bytes[i] << (kBits - 8)));
        for (int bit = 0; bit < 8; ++bit)
            value = static_cast<Crc>(value & (Crc{1} << (kBits - 1)) ? (value << 1) ^ kPolynomial : value << 1);
    }
    return value;
}

struct FlacStreamInfo {
    std::uint64_t sampleRate = 0, totalSamples = 0, blockSize = 0, maxFrameBytes = 0;
};

// "fLaC", then STREAMINFO, always the first metadata block.
std::optional<FlacStreamInfo> flacStreamInfo(const fs::path& file) {
    const std::vector<std::uint8_t> head = readRange(file, 0, 4 + 4 + 34);
    if (head.size() < 42 || !startsWith(head, 0, "fLaC") || (head[4] & 0x7F) != 0) return std::nullopt;
    constexpr std::size_t kInfo = 8;
    FlacStreamInfo info;
    info.blockSize = bigEndian(head, kInfo, 2);  // the minimum: a fixed-size stream's one size
    info.maxFrameBytes = bigEndian(head, kInfo + 7, 3);
    info.sampleRate = bigEndian(head, kInfo + 10, 3) >> 4;                     // 20 bits
    info.totalSamples = bigEndian(head, kInfo + 13, 5) & 0xF'FFFF'FFFF;         // 36 bits
    if (info.sampleRate == 0) return std::nullopt;
    return info;
}

// A FLAC frame header found at `at`: the first sample the frame holds and how many.
struct FlacFrame {
    std::uint64_t firstSample = 0, samples = 0;
};

// The frame header at bytes[at], when one is there whose CRC-8 matches (a sync code alone
// also turns up inside audio data).
std::optional<FlacFrame> flacFrameAt(const std::vector<std::uint8_t>& bytes, std::size_t at, const FlacStreamInfo& info) {
    auto byte = [&](std::size_t i) -> int { return at + i < bytes.size() ? bytes[at + i] : -1; };
    if (byte(0) != 0xFF || (byte(1) & 0xFE) != 0xF8 || byte(3) < 0) return std::nullopt;
    const bool variableBlocks = byte(1) & 1;
    const int blockCode = byte(2) >> 4, rateCode = byte(2) & 0xF;
    if (blockCode == 0 || rateCode == 15 || (byte(3) >> 4) > 10 || (byte(3) & 1)) return std::nullopt;
    // The frame (or, with variable blocks, sample) number, coded as UTF-8 codes a character.
    std::size_t i = 4;
    const int lead = byte(i++);
    int extra = 0;  // the bytes after the first: as many as the ones the first starts with, less one
    if (lead < 0 || lead == 0xFF || (lead & 0xC0) == 0x80) return std::nullopt;
    if (lead & 0x80)
        while (extra < 6 && (lead & (0x40 >> extra))) ++extra;
    std::uint64_t number = static_cast<std::uint64_t>(lead & (0x7F >> (extra == 0 ? 0 : extra + 1)));
    for (int n = 0; n < extra; ++n) {
        const int next = byte(i++);
        if (next < 0 || (next & 0xC0) != 0x80) return std::nullopt;
        number = number << 6 | static_cast<std::uint64_t>(next & 0x3F);
    }
    std::uint64_t samples = 0;
    if (blockCode == 1) samples = 192;
    else if (blockCode <= 5) samples = 576u << (blockCode - 2);
    else if (blockCode >= 8) samples = 256u << (blockCode - 8);
    else {  // 6 or 7: the size less one, in the next one or two bytes
        const int count = blockCode == 6 ? 1 : 2;
        for (int n = 0; n < count; ++n) {
            if (byte(i) < 0) return std::nullopt;
            samples = samples << 8 | static_cast<std::uint64_t>(byte(i++));
        }
        ++samples;
    }
    if (rateCode == 12) i += 1;
    else if (rateCode == 13 || rateCode == 14) i += 2;
    if (byte(i) < 0 || crc<std::uint8_t, 0x07>(bytes.data() + at, i) != byte(i)) return std::nullopt;
    return FlacFrame{variableBlocks ? number : number * info.blockSize, samples};
}

}  // namespace

std::optional<StatedLength> wavLength(const fs::path& file) {
    const std::uintmax_t size = sizeOf(file);
    const std::vector<std::uint8_t> riff = readRange(file, 0, 12);
    if (riff.size() < 12 || !startsWith(riff, 0, "RIFF") || !startsWith(riff, 8, "WAVE")) return std::nullopt;
    std::uint64_t bytesPerSecond = 0;
    for (std::uintmax_t at = 12; at + 8 <= size;) {
        const std::vector<std::uint8_t> chunk = readRange(file, at, 20);
        const std::uint64_t length = littleEndian(chunk, 4, 4);
        if (startsWith(chunk, 0, "fmt ") && chunk.size() >= 20) bytesPerSecond = littleEndian(chunk, 16, 4);  // after format, channels, rate
        if (startsWith(chunk, 0, "data")) {
            // A size of 0 or 0xFFFFFFFF is a recording's "unknown yet": it promises nothing.
            if (bytesPerSecond == 0 || length == 0 || length == 0xFFFFFFFF) return std::nullopt;
            return StatedLength{samplesToMicros(length, bytesPerSecond),
                                samplesToMicros(std::min<std::uint64_t>(length, size - (at + 8)), bytesPerSecond)};
        }
        at += 8 + length + (length & 1);  // chunks are padded to an even size
    }
    return std::nullopt;
}

std::optional<StatedLength> flacLength(const fs::path& file) {
    const std::optional<FlacStreamInfo> info = flacStreamInfo(file);
    if (!info || info->totalSamples == 0) return std::nullopt;
    // The last frame starts within its largest frame's size of the end (a frame header
    // and footer beside it); where the encoder left that size open, 1 MiB holds any.
    constexpr std::uint64_t kFrameAround = 32, kUnknownFrameBytes = 1 << 20;
    const std::uintmax_t size = sizeOf(file);
    const std::uint64_t tailBytes =
        std::min<std::uint64_t>(size, info->maxFrameBytes ? info->maxFrameBytes + kFrameAround : kUnknownFrameBytes);
    const std::vector<std::uint8_t> tail = readRange(file, size - tailBytes, tailBytes);
    // Whole when a frame ends the file, its CRC-16 the last two bytes, with the last sample
    // STREAMINFO counts. Else the sound stops where the last frame found stops (when it is
    // whole) or starts (when it was cut).
    std::optional<std::uint64_t> stop;
    for (std::size_t at = tail.size() >= 2 ? tail.size() - 2 : 0; at-- > 0;) {
        const std::optional<FlacFrame> frame = flacFrameAt(tail, at, *info);
        if (!frame || frame->firstSample >= info->totalSamples) continue;
        const bool whole = tail.size() - at >= 2 && crc<std::uint16_t, 0x8005>(tail.data() + at, tail.size() - at - 2) ==
                                                        bigEndian(tail, tail.size() - 2, 2);
        const std::uint64_t end = frame->firstSample + (whole ? frame->samples : 0);
        if (whole && end >= info->totalSamples) {
            stop = info->totalSamples;
            break;
        }
        if (!stop) stop = end;  // the last frame header in the file: keep looking for a whole end
    }
    return StatedLength{samplesToMicros(info->totalSamples, info->sampleRate),
                        samplesToMicros(stop.value_or(0), info->sampleRate)};
}

std::optional<bool> oggEndsWithItsLastPage(const fs::path& file) {
    if (!startsWith(readRange(file, 0, 4), 0, "OggS")) return std::nullopt;
    // A page is at most 27 bytes of header, 255 of segment table and 255 × 255 of data.
    constexpr std::size_t kHeader = 27, kMaxPage = kHeader + 255 + 255 * 255;
    const std::uintmax_t size = sizeOf(file);
    const std::size_t tailBytes = static_cast<std::size_t>(std::min<std::uintmax_t>(size, kMaxPage));
    const std::vector<std::uint8_t> tail = readRange(file, size - tailBytes, tailBytes);
    // The last page is the one whose header and segment table add up to the end of the file.
    for (std::size_t at = tail.size(); at-- > 0;) {
        if (!startsWith(tail, at, "OggS") || at + kHeader > tail.size() || tail[at + 4] != 0) continue;
        const std::size_t segments = tail[at + 26];
        if (at + kHeader + segments > tail.size()) continue;
        std::size_t length = kHeader + segments;
        for (std::size_t s = 0; s < segments; ++s) length += tail[at + kHeader + s];
        if (at + length != tail.size()) continue;
        constexpr std::uint8_t kEndOfStream = 0x04;
        return (tail[at + 5] & kEndOfStream) != 0;
    }
    return false;  // the last page stops part way: cut short
}

}  // namespace vitrine
