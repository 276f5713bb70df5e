#pragma once
// <visitor-page port="8090" address="http://vitrine.local:8090/"/>: the visitors' phone
// page (visitor/visitor_server.h), served on its own port, read only. Off without the
// element. Its attributes are read here, apart from the rest of the file, so the section
// is one concept in one place; installation.cpp reports the problems at the attributes.

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace vitrine::installation {

struct VisitorPageSettings {
    int port = 0;
    /// The gallery network: every interface by default (the page is for visitors' phones).
    std::string bindAddress = "0.0.0.0";
    /// What a visitor types or scans (the QR code on the wall, render's <visitor-code>);
    /// "" when the file gives none.
    std::string address;
    SourceLocation where;  // the element, for messages
};

/// One problem with an attribute of <visitor-page>.
struct VisitorPageProblem {
    const char* attribute;  // null: the element itself
    std::string code, message, hint;
};

/// The longest address accepted: a QR code of it must stay legible from a step away.
inline constexpr std::size_t kMaxVisitorAddressBytes = 120;

/// Reads the attributes' values (null when absent) into settings, and says what is wrong.
VisitorPageSettings readVisitorPage(const char* port, const char* bind, const char* address,
                                    std::vector<VisitorPageProblem>& problems);

}  // namespace vitrine::installation
