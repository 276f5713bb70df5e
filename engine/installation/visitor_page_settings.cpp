#include "installation/visitor_page_settings.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

namespace vitrine::installation {

namespace {
constexpr int kMaxPort = 65535;

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
}  // namespace

VisitorPageSettings readVisitorPage(const char* port, const char* bind, const char* address,
                                    std::vector<VisitorPageProblem>& problems) {
    VisitorPageSettings s;
    if (!port) {
        problems.push_back({nullptr, "missing-attribute", "<visitor-page> needs port=\"NUMBER\"", "e.g. port=\"8090\""});
    } else {
        const std::string_view text(port);
        int value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc() && end == text.data() + text.size() && value >= 1 && value <= kMaxPort) s.port = value;
        else problems.push_back({"port", "bad-port", "'" + std::string(text) + "' is not a port (1–65535)", "e.g. port=\"8090\""});
    }
    if (bind) s.bindAddress = bind;
    if (address) {
        const std::string_view a(address);
        // Printed in a QR code and under it: a web address a phone opens as it is.
        const bool web = startsWith(a, "http://") || startsWith(a, "https://");
        const bool plain = std::none_of(a.begin(), a.end(), [](char c) { return c <= ' ' || c == '"' || c == 0x7f; });
        if (!web || !plain)
            problems.push_back({"address", "bad-value", "'" + std::string(a) + "' is not a web address",
                                "e.g. address=\"http://vitrine.local:8090/\" (what a visitor's phone opens)"});
        else if (a.size() > kMaxVisitorAddressBytes)
            problems.push_back({"address", "bad-value",
                                "the address is longer than " + std::to_string(kMaxVisitorAddressBytes) +
                                    " characters: its QR code would be too dense to scan from a step away",
                                "a short host name or the PC's address, e.g. http://10.0.0.5:8090/"});
        else s.address = address;
    }
    return s;
}

}  // namespace vitrine::installation
