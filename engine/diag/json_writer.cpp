#include "diag/json_writer.h"

#include <cstdio>

namespace vitrine {

std::string jsonString(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
    return out + "\"";
}

std::string diagnosticJson(const Diagnostic& d) {
    return "{\"file\": " + jsonString(d.where.file) + ", \"line\": " + std::to_string(d.where.line) +
           ", \"column\": " + std::to_string(d.where.column) + ", \"severity\": " +
           jsonString(severityName(d.severity)) + ", \"code\": " + jsonString(d.code) +
           ", \"message\": " + jsonString(d.message) + ", \"hint\": " + jsonString(d.hint) + "}";
}

}  // namespace vitrine
