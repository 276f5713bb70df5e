#pragma once
// UTF-8 decoding that never fails: exhibit text comes from designers' files,
// and one bad byte must show as a visible replacement mark, not stop the show.

#include <string>
#include <string_view>

namespace vitrine::text {

/// The character shown in place of bytes that are not valid UTF-8.
inline constexpr char32_t kReplacementCharacter = U'\uFFFD';

/// Decodes `utf8` to code points; each maximal invalid subsequence (stray continuation
/// byte, truncated sequence, overlong form, surrogate, value above U+10FFFF) becomes one
/// U+FFFD, so the result is always well-formed.
std::u32string decodeUtf8(std::string_view utf8);

/// The length in bytes (1-4) of the well-formed UTF-8 character `utf8` begins with, or 0
/// when it begins with none (empty, or a byte the decoder would replace).
std::size_t leadingCharacterLength(std::string_view utf8);

/// Encodes code points as UTF-8; surrogates and values above U+10FFFF become U+FFFD.
std::string encodeUtf8(std::u32string_view text);

}  // namespace vitrine::text
