#pragma once
// A problem found in a designer's or technician's file, as a value.
// Diagnostics are collected and reported together; nothing throws on bad input.

#include <string>
#include <vector>

namespace vitrine {

enum class Severity { Error, Warning, Note };

/// Where something is in a source file. Lines and columns count from 1; 0 means unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

/// One problem: where, how bad, a stable code (for tooling), what, and how to fix it.
struct Diagnostic {
    SourceLocation where;
    Severity severity = Severity::Error;
    std::string code;     // e.g. "unknown-attribute", stable across versions
    std::string message;  // what is wrong, in a designer's words
    std::string hint;     // how to fix it; may be empty
};

/// An ordered collection of diagnostics with helpers to add and count them.
class Diagnostics {
public:
    /// Adds an error at `where`.
    void error(SourceLocation where, std::string code, std::string message, std::string hint = {});
    /// Adds a warning at `where`.
    void warning(SourceLocation where, std::string code, std::string message, std::string hint = {});
    /// Adds a diagnostic as it is.
    void add(Diagnostic d);
    /// Appends all of `other`.
    void append(const Diagnostics& other);

    /// All diagnostics in the order they were found.
    const std::vector<Diagnostic>& all() const { return items_; }
    bool hasErrors() const;
    int errorCount() const;
    int warningCount() const;
    bool empty() const { return items_.empty(); }

    /// Sorts by file, line, column, keeping the order of equal positions.
    void sortByLocation();

private:
    std::vector<Diagnostic> items_;
};

/// "file:line:col: error: message" — the form editors and CI parse. The hint follows on
/// its own indented line when there is one.
std::string formatDiagnostic(const Diagnostic& d);

/// Name of a severity as printed: "error", "warning", "note".
const char* severityName(Severity s);

}  // namespace vitrine
