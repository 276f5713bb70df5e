#pragma once
// The character encodings caption files come in: WebVTT is UTF-8 by definition; SRT files
// in the wild are also UTF-16 (with or without a byte-order mark) or Windows-1252.

#include <string>
#include <string_view>

namespace vitrine {

/// Caption text as UTF-8, and the encoding it was decoded from ("" when it was UTF-8).
struct DecodedCaptionText {
    std::string text;
    std::string encoding;  // "UTF-16 LE", "UTF-16 BE" or "Windows-1252"
};

/// "UTF-16 LE" or "UTF-16 BE" when `bytes` start with that byte-order mark or, without
/// one, have a zero byte in every other place of their first line; "" otherwise.
std::string utf16Encoding(std::string_view bytes);

/// The offset of the first byte that does not begin valid UTF-8, npos when all is valid.
std::size_t firstInvalidUtf8(std::string_view text);

/// `text` with each byte that does not begin valid UTF-8 replaced by U+FFFD, as the
/// WebVTT spec's UTF-8 decode does.
std::string replaceInvalidUtf8(std::string_view text);

/// Decodes `bytes` to UTF-8: UTF-16 as utf16Encoding tells it, then UTF-8 if it is valid
/// UTF-8, else Windows-1252 (which gives every byte a character, as Latin-1 files expect).
DecodedCaptionText decodeCaptionBytes(std::string_view bytes);

}  // namespace vitrine
