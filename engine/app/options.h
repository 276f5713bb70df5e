#pragma once
// A small command-line reader: one positional file and named options, each known in
// advance, so a typo is an error with a suggestion rather than silently ignored.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vitrine::app {

/// Parsed arguments of one command.
class Options {
public:
    /// Reads `args`; `withValue` options take the next argument, `flags` take none, and
    /// `optionalValue` options take the next argument only when it does not start with "--".
    static std::optional<Options> parse(const std::vector<std::string>& args, const std::string& command,
                                        const std::set<std::string>& withValue, const std::set<std::string>& flags,
                                        const std::set<std::string>& optionalValue = {});

    const std::string& file() const { return file_; }
    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;

private:
    std::string file_;
    std::map<std::string, std::string> values_;
};

/// Parses "1920x1080".
std::optional<std::pair<unsigned, unsigned>> parseOutputSize(const std::string& text);

}  // namespace vitrine::app
