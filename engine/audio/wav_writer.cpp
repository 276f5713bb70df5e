#include "audio/wav_writer.h"

#include <array>
#include <bit>
#include <system_error>
#include <unistd.h>

namespace vitrine {
namespace {

constexpr int kBytesPerSample = 2;
constexpr std::uint16_t kPcmFormat = 1;
constexpr std::uint32_t kFmtChunkSize = 16;
constexpr std::size_t kHeaderSize = 44;
// RIFF sizes are 32-bit: a file of more than 4 GiB of samples cannot say how long it is.
constexpr std::uint64_t kMaxRiffData = 0xFFFFFFFFull - (kHeaderSize - 8);

void putLe(std::array<char, kHeaderSize>& header, std::size_t at, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) header[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::array<char, kHeaderSize> makeHeader(int sampleRate, int channels, std::uint64_t dataBytes) {
    const auto data = static_cast<std::uint32_t>(std::min<std::uint64_t>(dataBytes, kMaxRiffData));
    std::array<char, kHeaderSize> h{};
    auto tag = [&](std::size_t at, const char* text) {
        for (int i = 0; i < 4; ++i) h[at + static_cast<std::size_t>(i)] = text[i];
    };
    tag(0, "RIFF");
    putLe(h, 4, static_cast<std::uint32_t>(kHeaderSize - 8) + data, 4);
    tag(8, "WAVE");
    tag(12, "fmt ");
    putLe(h, 16, kFmtChunkSize, 4);
    putLe(h, 20, kPcmFormat, 2);
    putLe(h, 22, static_cast<std::uint32_t>(channels), 2);
    putLe(h, 24, static_cast<std::uint32_t>(sampleRate), 4);
    putLe(h, 28, static_cast<std::uint32_t>(sampleRate * channels * kBytesPerSample), 4);
    putLe(h, 32, static_cast<std::uint32_t>(channels * kBytesPerSample), 2);
    putLe(h, 34, 8 * kBytesPerSample, 2);
    tag(36, "data");
    putLe(h, 40, data, 4);
    return h;
}

}  // namespace

WavWriter::WavWriter(std::filesystem::path path, int sampleRate, int channels)
    : path_(std::move(path)), sampleRate_(sampleRate), channels_(channels) {
    temporary_ = path_;
    temporary_ += ".part-" + std::to_string(::getpid());
    out_.open(temporary_, std::ios::binary | std::ios::trunc);
    if (!out_) {
        error_ = Error{"cannot create " + temporary_.string()};
        return;
    }
    const auto header = makeHeader(sampleRate_, channels_, 0);  // completed by finish()
    out_.write(header.data(), header.size());
}

WavWriter::~WavWriter() { (void)finish(); }  // a destructor has no one to tell; finish() first to hear of it

void WavWriter::write(const std::int16_t* samples, std::size_t frames) {
    if (!good()) return;
    const std::size_t count = frames * static_cast<std::size_t>(channels_);
    if constexpr (std::endian::native == std::endian::little) {
        out_.write(reinterpret_cast<const char*>(samples), static_cast<std::streamsize>(count * kBytesPerSample));
    } else {
        for (std::size_t i = 0; i < count; ++i) {
            const auto value = static_cast<std::uint16_t>(samples[i]);
            const char bytes[2] = {static_cast<char>(value & 0xFF), static_cast<char>(value >> 8)};
            out_.write(bytes, 2);
        }
    }
    frames_ += static_cast<std::int64_t>(frames);
    if (!out_ && !error_) error_ = Error{"write failed for " + temporary_.string()};
}

std::optional<Error> WavWriter::finish() {
    if (finished_) return error_;
    finished_ = true;
    if (!out_.is_open()) return error_;
    const auto header = makeHeader(sampleRate_, channels_,
                                   static_cast<std::uint64_t>(frames_) * static_cast<std::uint64_t>(channels_) * kBytesPerSample);
    out_.seekp(0);
    out_.write(header.data(), header.size());
    out_.close();
    std::error_code ec;
    if (error_ || out_.fail()) {
        if (!error_) error_ = Error{"write failed for " + temporary_.string()};
        std::filesystem::remove(temporary_, ec);
        return error_;
    }
    std::filesystem::rename(temporary_, path_, ec);
    if (ec) {
        error_ = Error{"cannot rename to " + path_.string() + ": " + ec.message()};
        std::filesystem::remove(temporary_, ec);
        return error_;
    }
    return std::nullopt;
}

}  // namespace vitrine
