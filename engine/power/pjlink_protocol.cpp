#include "power/pjlink_protocol.h"

#include <cctype>
#include <cstdio>

extern "C" {
#include <libavutil/md5.h>
}

namespace vitrine::power {

const char* powerStateName(PowerState s) {
    switch (s) {
        case PowerState::Off: return "off";
        case PowerState::On: return "on";
        case PowerState::WarmingUp: return "warming-up";
        case PowerState::CoolingDown: return "cooling-down";
        case PowerState::Unknown: break;
    }
    return "unknown";
}

namespace pjlink {

std::optional<Greeting> parseGreeting(std::string_view line) {
    if (line == "PJLINK 0") return Greeting{false, {}};
    constexpr std::string_view kAsks = "PJLINK 1 ";
    // The specification's random is 8 characters; any printable token is accepted.
    if (line.substr(0, kAsks.size()) != kAsks || line.size() == kAsks.size()) return std::nullopt;
    std::string random(line.substr(kAsks.size()));
    for (unsigned char c : random)
        if (!std::isgraph(c)) return std::nullopt;
    return Greeting{true, random};
}

std::string authDigest(std::string_view random, std::string_view password) {
    std::string input = std::string(random) + std::string(password);
    std::uint8_t digest[16];
    av_md5_sum(digest, reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
    std::string hex;
    char two[3];
    for (auto b : digest) {
        std::snprintf(two, sizeof two, "%02x", b);
        hex += two;
    }
    return hex;
}

std::string command(std::string_view name, std::string_view parameter) {
    return "%1" + std::string(name) + " " + std::string(parameter) + "\r";
}

std::optional<Reply> parseReply(std::string_view line) {
    // "%1" + four letters + "=" + result.
    if (line.size() < 8 || line.substr(0, 2) != "%1" || line[6] != '=') return std::nullopt;
    Reply r{std::string(line.substr(2, 4)), std::string(line.substr(7))};
    for (unsigned char c : r.command)
        if (!std::isalnum(c)) return std::nullopt;
    return r;
}

std::optional<std::string> errorInWords(std::string_view result) {
    if (result == "ERR1") return "undefined command (ERR1)";
    if (result == "ERR2") return "out of parameter (ERR2)";
    if (result == "ERR3") return "unavailable time (ERR3)";
    if (result == "ERR4") return "projector failure (ERR4)";
    return std::nullopt;
}

std::optional<PowerState> parsePower(std::string_view result) {
    if (result == "0") return PowerState::Off;
    if (result == "1") return PowerState::On;
    if (result == "2") return PowerState::CoolingDown;
    if (result == "3") return PowerState::WarmingUp;
    return std::nullopt;
}

std::optional<std::int64_t> parseLampHours(std::string_view result) {
    std::int64_t hours = 0;
    std::size_t i = 0;
    // The specification allows 1 to 5 digits.
    for (; i < result.size() && std::isdigit(static_cast<unsigned char>(result[i])); ++i) {
        if (i == 5) return std::nullopt;
        hours = hours * 10 + (result[i] - '0');
    }
    if (i == 0 || i + 2 > result.size() || result[i] != ' ' || (result[i + 1] != '0' && result[i + 1] != '1'))
        return std::nullopt;
    return hours;
}

std::optional<std::string> parseErrorStatus(std::string_view result) {
    static const char* const kParts[6] = {"fan", "lamp", "temperature", "cover open", "filter", "other"};
    if (result.size() != 6) return std::nullopt;
    std::string words;
    for (int i = 0; i < 6; ++i) {
        char c = result[static_cast<std::size_t>(i)];
        if (c < '0' || c > '2') return std::nullopt;
        if (c == '0') continue;
        words += (words.empty() ? "" : ", ") + std::string(kParts[i]) + (c == '1' ? ": warning" : ": error");
    }
    return words;
}

}  // namespace pjlink
}  // namespace vitrine::power
