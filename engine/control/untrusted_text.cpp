#include "control/untrusted_text.h"

#include "base/utf8.h"

namespace vitrine::control {

namespace {

constexpr unsigned char kDelete = 0x7f, kFirstPrintable = 0x20;

bool isControl(unsigned char c) { return c < kFirstPrintable || c == kDelete; }

}  // namespace

std::string escapeForLog(std::string_view text, std::size_t maxBytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    std::size_t i = 0;
    while (i < text.size() && i < maxBytes) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = text::leadingCharacterLength(text.substr(i));
        if (length == 0 || isControl(c) || c == '\\') {
            out += {'\\', 'x', kHex[c >> 4], kHex[c & 0xF]};
            ++i;
        } else if (i + length > maxBytes) {
            break;  // a character cut in two would be a byte that is not UTF-8
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    if (i < text.size()) out += "…";
    return out;
}

bool validSceneId(std::string_view id) {
    if (id.empty() || id.size() > kMaxSceneIdBytes) return false;
    for (std::size_t i = 0; i < id.size();) {
        const std::size_t length = text::leadingCharacterLength(id.substr(i));
        if (length == 0 || isControl(static_cast<unsigned char>(id[i]))) return false;
        i += length;
    }
    return true;
}

}  // namespace vitrine::control
