#pragma once
// Test support: exhibits written in strings, loaded as if from disk.

#include <map>
#include <string>

#include "script/script_loader.h"
#include "script/validate.h"
#include "script/vocabulary.h"
#include "timeline/compile.h"

namespace vitrine::test {

/// A set of named files that a FileReader serves from memory.
struct InMemoryFiles {
    std::map<std::string, std::string> files;  // path as the loader will ask for it → contents

    FileReader reader() const {
        return [this](const std::filesystem::path& p) -> std::optional<std::string> {
            auto it = files.find(p.lexically_normal().string());
            if (it == files.end()) return std::nullopt;
            return it->second;
        };
    }
};

/// Loads, validates and compiles `xml` as "mem/main.xml".
inline Show compileText(const std::string& xml, Diagnostics& diagnostics, const InMemoryFiles& extra = {},
                        const CompileOptions& options = {}) {
    InMemoryFiles files = extra;
    files.files["mem/main.xml"] = xml;
    auto script = loadScript("mem/main.xml", diagnostics, files.reader());
    if (!script) return Show{};
    Vocabulary vocabulary;
    validateScript(*script, vocabulary, diagnostics);
    return compileShow(*script, diagnostics, options);
}

/// The first diagnostic with `code`, or nullptr.
inline const Diagnostic* findCode(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.all())
        if (x.code == code) return &x;
    return nullptr;
}

}  // namespace vitrine::test
