#include <doctest/doctest.h>

#include "control/untrusted_text.h"

using namespace vitrine::control;

TEST_CASE("untrusted text: escaped for a log line, so a client cannot start a line of its own") {
    CHECK(escapeForLog("/scene/map") == "/scene/map");
    CHECK(escapeForLog("x\ncontrol: forged") == "x\\x0Acontrol: forged");
    CHECK(escapeForLog(std::string("a\r\0\x1b\x7f", 5)) == "a\\x0D\\x00\\x1B\\x7F");
    CHECK(escapeForLog("caf\xC3\xA9 \xD4\xB2") == "caf\xC3\xA9 \xD4\xB2");  // UTF-8 stays readable
    CHECK(escapeForLog("caf\xC3 \xFF") == "caf\\xC3 \\xFF");                // bytes that are not UTF-8 do not
    CHECK(escapeForLog("a\\x0A") == "a\\x5Cx0A");  // a literal "\x0A" cannot pass for an escaped newline
}

TEST_CASE("untrusted text: truncated after so many bytes, never inside a character") {
    CHECK(escapeForLog(std::string(60'000, 'x')) == std::string(kLoggedBytes, 'x') + "…");
    CHECK(escapeForLog("abcd", 4) == "abcd");
    CHECK(escapeForLog("abc\xC3\xA9", 4) == "abc…");
    CHECK(escapeForLog("\n\n\n", 2) == "\\x0A\\x0A…");
}

TEST_CASE("untrusted text: a scene id is short UTF-8 without control characters") {
    CHECK(validSceneId("testimony"));
    CHECK(validSceneId("testimony one"));
    CHECK(validSceneId("\xD5\xB0\xD5\xA1\xD5\xB5"));  // Armenian
    CHECK(validSceneId(std::string(kMaxSceneIdBytes, 'x')));
    CHECK_FALSE(validSceneId(""));
    CHECK_FALSE(validSceneId(std::string(kMaxSceneIdBytes + 1, 'x')));
    CHECK_FALSE(validSceneId("map\ncontrol: forged"));
    CHECK_FALSE(validSceneId(std::string("map\0", 4)));
    CHECK_FALSE(validSceneId("map\x7f"));
    CHECK_FALSE(validSceneId("caf\xC3"));
    CHECK_FALSE(validSceneId("\xC0\xAF"));
}
