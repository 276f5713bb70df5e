#pragma once
// PJLink class 1, the projector control protocol of JBMIA's PJLink specification, as pure
// functions over its text: no sockets here (pjlink_client.h talks to the projector).
//
// A session: the projector greets with "PJLINK 0\r" (no password) or "PJLINK 1 <random>\r";
// with a password every command is prefixed once per connection by the MD5 of random +
// password in lowercase hex. A command is "%1CMND PARAM\r"; the reply "%1CMND=RESULT\r",
// where RESULT is OK, a value, or ERR1 (unknown command), ERR2 (bad parameter), ERR3
// (unavailable now, e.g. while warming up) or ERR4 (projector failure). A wrong password is
// answered "PJLINK ERRA\r". Lines end with a carriage return and are at most 136 bytes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "power/device_status.h"

namespace vitrine::power::pjlink {

inline constexpr int kDefaultPort = 4352;
inline constexpr std::size_t kMaxLine = 136;

/// The greeting: whether a password is asked and with which random string.
struct Greeting {
    bool authenticated = false;
    std::string random;
};

/// Parses "PJLINK 0" / "PJLINK 1 xxxxxxxx" (without the '\r'); nullopt for anything else
/// ("PJLINK ERRA" included).
std::optional<Greeting> parseGreeting(std::string_view line);

/// The digest prefixed to the first command: md5(random + password) in lowercase hex.
std::string authDigest(std::string_view random, std::string_view password);

/// "%1" + command + " " + parameter + "\r".
std::string command(std::string_view name, std::string_view parameter);

/// A reply line split: the command it answers and its result text.
struct Reply {
    std::string command;  // "POWR"
    std::string result;   // "OK", "1", "ERR3", "1234 1"
};

/// Parses "%1POWR=1" (without the '\r'); nullopt when malformed.
std::optional<Reply> parseReply(std::string_view line);

/// Whether a reply's result is one of the standard errors, and that error in words.
std::optional<std::string> errorInWords(std::string_view result);

/// POWR ? result: "0" off, "1" on, "2" cooling down, "3" warming up.
std::optional<PowerState> parsePower(std::string_view result);

/// LAMP ? result "hours on [hours on …]": the first lamp's hours.
std::optional<std::int64_t> parseLampHours(std::string_view result);

/// ERST ? result: six digits (fan, lamp, temperature, cover, filter, other), each 0 ok,
/// 1 warning, 2 error. "" when all are 0, else e.g. "lamp: error, filter: warning";
/// nullopt when malformed.
std::optional<std::string> parseErrorStatus(std::string_view result);

}  // namespace vitrine::power::pjlink
