#include "base/utf8.h"

namespace vitrine::text {
namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;
constexpr char32_t kSurrogateFirst = 0xD800;
constexpr char32_t kSurrogateLast = 0xDFFF;

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The valid range for the second byte depends on the lead byte (Unicode Table 3-7);
// checking it up front rejects overlong forms and surrogates at the earliest byte, which
// is what makes each invalid subsequence map to exactly one replacement character.
bool secondByteValid(unsigned char lead, unsigned char second) {
    switch (lead) {
        case 0xE0: return second >= 0xA0 && second <= 0xBF;
        case 0xED: return second >= 0x80 && second <= 0x9F;
        case 0xF0: return second >= 0x90 && second <= 0xBF;
        case 0xF4: return second >= 0x80 && second <= 0x8F;
        default: return isContinuation(second);
    }
}

}  // namespace

std::u32string decodeUtf8(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    const std::size_t n = utf8.size();
    while (i < n) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if (lead < 0x80) {
            out.push_back(lead);
            ++i;
            continue;
        }
        int length = 0;
        char32_t value = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            value = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            value = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            value = lead & 0x07;
        } else {
            out.push_back(kReplacementCharacter);
            ++i;
            continue;
        }
        std::size_t consumed = 1;
        bool valid = true;
        for (int k = 1; k < length; ++k) {
            if (i + consumed >= n) {
                valid = false;
                break;
            }
            const auto byte = static_cast<unsigned char>(utf8[i + consumed]);
            const bool ok = (k == 1) ? secondByteValid(lead, byte) : isContinuation(byte);
            if (!ok) {
                valid = false;
                break;
            }
            value = (value << 6) | (byte & 0x3F);
            ++consumed;
        }
        out.push_back(valid ? value : kReplacementCharacter);
        i += consumed;
    }
    return out;
}

std::size_t leadingCharacterLength(std::string_view utf8) {
    if (utf8.empty()) return 0;
    const auto lead = static_cast<unsigned char>(utf8[0]);
    std::size_t length = 0;
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
    else return 0;
    if (utf8.size() < length || !secondByteValid(lead, static_cast<unsigned char>(utf8[1]))) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (!isContinuation(static_cast<unsigned char>(utf8[k]))) return 0;
    return length;
}

std::string encodeUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (c > kMaxCodePoint || (c >= kSurrogateFirst && c <= kSurrogateLast)) {
            c = kReplacementCharacter;
        }
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

}  // namespace vitrine::text
