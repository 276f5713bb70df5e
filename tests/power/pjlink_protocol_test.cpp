// PJLink class 1 text as the specification writes it: greetings, the password digest,
// replies, power states, lamp hours and the error status.
#include <doctest/doctest.h>

#include "power/pjlink_protocol.h"

using namespace vitrine::power;
using namespace vitrine::power::pjlink;

TEST_CASE("pjlink: the greeting says whether a password is asked, and with which random") {
    auto open = parseGreeting("PJLINK 0");
    REQUIRE(open);
    CHECK_FALSE(open->authenticated);
    auto locked = parseGreeting("PJLINK 1 498e4a67");
    REQUIRE(locked);
    CHECK(locked->authenticated);
    CHECK(locked->random == "498e4a67");
    CHECK_FALSE(parseGreeting("PJLINK ERRA"));
    CHECK_FALSE(parseGreeting("PJLINK 1 "));
    CHECK_FALSE(parseGreeting("HTTP/1.1 400 Bad Request"));
}

TEST_CASE("pjlink: the password digest is the MD5 of the random then the password, in lowercase hex") {
    // RFC 1321's test vector, split so the order of the two parts matters.
    CHECK(authDigest("ab", "c") == "900150983cd24fb0d6963f7d28e17f72");
    CHECK(authDigest("c", "ab") != "900150983cd24fb0d6963f7d28e17f72");
    // The specification's own example.
    CHECK(authDigest("498e4a67", "JBMIAProjectorLink") == "5d8409bc1c3fa39749434aa3a5c38682");
}

TEST_CASE("pjlink: commands and replies") {
    CHECK(command("POWR", "1") == "%1POWR 1\r");
    auto r = parseReply("%1POWR=OK");
    REQUIRE(r);
    CHECK(r->command == "POWR");
    CHECK(r->result == "OK");
    CHECK_FALSE(parseReply("%1POWR#OK"));
    CHECK_FALSE(parseReply("%2POWR=OK"));
    CHECK_FALSE(parseReply("POWR=1"));
    CHECK(errorInWords("ERR3") == "unavailable time (ERR3)");
    CHECK(errorInWords("ERR4") == "projector failure (ERR4)");
    CHECK_FALSE(errorInWords("OK"));
}

TEST_CASE("pjlink: power states, lamp hours and the error status") {
    CHECK(parsePower("0") == PowerState::Off);
    CHECK(parsePower("1") == PowerState::On);
    CHECK(parsePower("2") == PowerState::CoolingDown);
    CHECK(parsePower("3") == PowerState::WarmingUp);
    CHECK_FALSE(parsePower("4"));
    CHECK(parseLampHours("1234 1") == 1234);
    CHECK(parseLampHours("99999 0 12 1") == 99999);
    CHECK_FALSE(parseLampHours("123456 1"));
    CHECK_FALSE(parseLampHours("12 on"));
    CHECK_FALSE(parseLampHours("ERR1"));
    CHECK(parseErrorStatus("000000") == "");
    CHECK(parseErrorStatus("020010") == "lamp: error, filter: warning");
    CHECK_FALSE(parseErrorStatus("0200"));
    CHECK_FALSE(parseErrorStatus("030000"));
}
