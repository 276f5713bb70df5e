// libFuzzer target: any bytes as an exhibit script must never crash the loader,
// validator, compiler or evaluator. Includes resolve to a fixed fragment (or to the
// input itself, to provoke cycles) so no file is read.

#include <cstddef>
#include <cstdint>
#include <string>

#include "script/script_loader.h"
#include "script/validate.h"
#include "script/vocabulary.h"
#include "timeline/compile.h"
#include "timeline/evaluate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    vitrine::FileReader reader = [&text](const std::filesystem::path& p) -> std::optional<std::string> {
        if (p.filename() == "self.xml") return text;
        if (p.filename() == "part.xml") return std::string("<fragment><scene dur=\"2s\"><text>x</text></scene></fragment>");
        return std::nullopt;
    };
    vitrine::Diagnostics diagnostics;
    auto script = vitrine::loadScriptFromText(text, "fuzz/main.xml", diagnostics, reader);
    if (!script) return 0;
    vitrine::Vocabulary vocabulary;
    vitrine::validateScript(*script, vocabulary, diagnostics);
    vitrine::Show show = vitrine::compileShow(*script, diagnostics);
    constexpr int kSamples = 7;
    for (int i = 0; i <= kSamples; ++i) {
        vitrine::Micros t = show.duration * i / kSamples;
        (void)vitrine::evaluate(show, t);
    }
    (void)vitrine::eventsIn(show, 0, show.duration);
    return 0;
}
