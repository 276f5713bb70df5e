#include "captions/caption_encoding.h"

#include <array>
#include <cstdint>

#include "base/utf8.h"

namespace vitrine {
namespace {

constexpr std::size_t kUtf16SniffBytes = 16;  // a timing line or an index and a line end
constexpr char32_t kReplacement = 0xFFFD;

void appendUtf8(std::string& out, char32_t c) { out += text::encodeUtf8(std::u32string_view(&c, 1)); }

std::string decodeUtf16(std::string_view bytes, bool littleEndian) {
    auto unit = [&](std::size_t i) -> char32_t {
        auto lo = static_cast<unsigned char>(bytes[littleEndian ? i : i + 1]);
        auto hi = static_cast<unsigned char>(bytes[littleEndian ? i + 1 : i]);
        return static_cast<char32_t>(hi << 8 | lo);
    };
    std::string out;
    std::size_t i = 0;
    if (unit(0) == 0xFEFF) i = 2;  // the byte-order mark is not text
    for (; i + 1 < bytes.size(); i += 2) {
        char32_t c = unit(i);
        if (c >= 0xD800 && c < 0xDC00 && i + 3 < bytes.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (c >= 0xD800 && c < 0xE000) {
            c = kReplacement;  // a lone surrogate
        }
        appendUtf8(out, c);
    }
    return out;
}

// The length of the valid UTF-8 sequence at `i`, 0 when the bytes there are not one.
std::size_t utf8SequenceAt(std::string_view text, std::size_t i) { return text::leadingCharacterLength(text.substr(i)); }

// Windows-1252's 0x80-0x9F; the rest of the bytes are Latin-1, the same code points.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string decodeWindows1252(std::string_view bytes) {
    std::string out;
    for (char byte : bytes) {
        auto b = static_cast<unsigned char>(byte);
        appendUtf8(out, b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : char32_t{b});
    }
    return out;
}

}  // namespace

std::size_t firstInvalidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = utf8SequenceAt(text, i);
        if (length == 0) return i;
        i += length;
    }
    return std::string_view::npos;
}

std::string replaceInvalidUtf8(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = utf8SequenceAt(text, i);
        if (length == 0) {
            appendUtf8(out, kReplacement);
            ++i;
        } else {
            out += text.substr(i, length);
            i += length;
        }
    }
    return out;
}

std::string utf16Encoding(std::string_view bytes) {
    if (bytes.starts_with("\xFF\xFE")) return "UTF-16 LE";
    if (bytes.starts_with("\xFE\xFF")) return "UTF-16 BE";
    // Without a mark: ASCII text (an index, a time) has a zero in every other byte.
    std::string_view head = bytes.substr(0, kUtf16SniffBytes);
    if (head.size() < 4) return "";
    bool evenZero = true, oddZero = true;
    for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
        evenZero = evenZero && head[i] == '\0' && head[i + 1] != '\0';
        oddZero = oddZero && head[i + 1] == '\0' && head[i] != '\0';
    }
    if (oddZero) return "UTF-16 LE";
    if (evenZero) return "UTF-16 BE";
    return "";
}

DecodedCaptionText decodeCaptionBytes(std::string_view bytes) {
    if (std::string utf16 = utf16Encoding(bytes); !utf16.empty())
        return {decodeUtf16(bytes, utf16 == "UTF-16 LE"), utf16};
    if (firstInvalidUtf8(bytes) == std::string_view::npos) return {std::string(bytes), ""};
    return {decodeWindows1252(bytes), "Windows-1252"};
}

}  // namespace vitrine
