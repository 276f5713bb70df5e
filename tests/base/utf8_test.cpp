#include <doctest/doctest.h>

#include "base/utf8.h"

using vitrine::text::decodeUtf8;
using vitrine::text::encodeUtf8;
using vitrine::text::kReplacementCharacter;

TEST_CASE("utf8: decodes Latin, Azerbaijani, Armenian and Cyrillic") {
    CHECK(decodeUtf8("aə ış ğ") == U"aə ış ğ");
    CHECK(decodeUtf8("Բաքու Баку") == U"Բաքու Баку");
    CHECK(decodeUtf8("\xF0\x9F\x93\x9C") == U"\U0001F4DC");
    CHECK(encodeUtf8(U"Բաքու ə") == "Բաքու ə");
}

TEST_CASE("utf8: each invalid subsequence becomes one replacement character") {
    const char32_t R = kReplacementCharacter;
    CHECK(decodeUtf8("a\x80z") == std::u32string{U'a', R, U'z'});            // stray continuation
    CHECK(decodeUtf8("a\xC3") == std::u32string{U'a', R});                    // truncated at end
    CHECK(decodeUtf8("\xE2\x82z") == std::u32string{R, U'z'});               // truncated mid-text
    CHECK(decodeUtf8("\xC0\xAF") == std::u32string{R, R});                   // overlong '/'
    CHECK(decodeUtf8("\xED\xA0\x80") == std::u32string{R, R, R});            // surrogate
    CHECK(decodeUtf8("\xF4\x90\x80\x80") == std::u32string{R, R, R, R});     // above U+10FFFF
    CHECK(decodeUtf8("\xFF\xFE") == std::u32string{R, R});
    CHECK(encodeUtf8(std::u32string{char32_t{0xD800}, char32_t{0x110000}}) == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("utf8: every single byte and byte pair decodes without crashing") {
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            const std::string s{static_cast<char>(a), static_cast<char>(b)};
            const auto decoded = decodeUtf8(s);
            REQUIRE(!decoded.empty());
            REQUIRE(decoded.size() <= 2);
        }
    }
}

TEST_CASE("utf8: the leading character's length, 0 where the decoder would replace it") {
    using vitrine::text::leadingCharacterLength;
    CHECK(leadingCharacterLength("a\n") == 1);
    CHECK(leadingCharacterLength("\xC3\xA9!") == 2);          // é
    CHECK(leadingCharacterLength("\xD4\xB2") == 2);           // Բ
    CHECK(leadingCharacterLength("\xF0\x9F\x93\x9C") == 4);   // 📜
    CHECK(leadingCharacterLength("") == 0);
    CHECK(leadingCharacterLength("\xC3") == 0);               // truncated
    CHECK(leadingCharacterLength("\xC0\xAF") == 0);           // overlong '/'
    CHECK(leadingCharacterLength("\xED\xA0\x80") == 0);       // surrogate
    CHECK(leadingCharacterLength("\xF4\x90\x80\x80") == 0);   // above U+10FFFF
    CHECK(leadingCharacterLength("\xE2\x82") == 0);           // truncated three-byte
    CHECK(leadingCharacterLength("\x80") == 0);               // stray continuation
    // Agrees with the decoder on every character of two bytes or fewer.
    for (int a = 0; a < 256; ++a)
        for (int b = 0; b < 256; ++b) {
            const std::string pair{static_cast<char>(a), static_cast<char>(b)};
            const auto decoded = decodeUtf8(pair);
            const auto expected = decoded[0] == kReplacementCharacter ? 0 : encodeUtf8(decoded.substr(0, 1)).size();
            if (leadingCharacterLength(pair) != expected) CHECK(leadingCharacterLength(pair) == expected);
        }
}
