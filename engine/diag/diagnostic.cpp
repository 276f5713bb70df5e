#include "diag/diagnostic.h"

#include <algorithm>

namespace vitrine {

void Diagnostics::error(SourceLocation where, std::string code, std::string message, std::string hint) {
    items_.push_back({std::move(where), Severity::Error, std::move(code), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLocation where, std::string code, std::string message, std::string hint) {
    items_.push_back({std::move(where), Severity::Warning, std::move(code), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::hasErrors() const { return errorCount() > 0; }

int Diagnostics::errorCount() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

int Diagnostics::warningCount() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

void Diagnostics::sortByLocation() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.where.file != b.where.file) return a.where.file < b.where.file;
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
}

const char* severityName(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

std::string formatDiagnostic(const Diagnostic& d) {
    std::string out = d.where.file.empty() ? std::string("<input>") : d.where.file;
    if (d.where.line > 0) {
        out += ":" + std::to_string(d.where.line);
        out += ":" + std::to_string(d.where.column > 0 ? d.where.column : 1);
    }
    out += ": ";
    out += severityName(d.severity);
    out += ": " + d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
    if (!d.hint.empty()) out += "\n    hint: " + d.hint;
    return out;
}

}  // namespace vitrine
