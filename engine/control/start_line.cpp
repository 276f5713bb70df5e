#include "control/start_line.h"

namespace vitrine::control {

const char* programVersion() {
#ifdef VITRINE_VERSION
    return VITRINE_VERSION;
#else
    return "(unknown version)";
#endif
}

std::string startLine(const std::string& exhibitTitle, const std::string& exhibitFile,
                      const installation::Installation& inst, const std::string& openNow) {
    std::string line = std::string("vitrine ") + programVersion() + ": playing \"" + exhibitTitle + "\" (" +
                       exhibitFile + ") with " + (inst.file.empty() ? "no installation file" : inst.file.string());
    line += "; outputs: ";
    if (inst.outputs.empty()) line += "one, the whole display";
    for (std::size_t i = 0; i < inst.outputs.size(); ++i) {
        const auto& o = inst.outputs[i];
        line += (i ? ", " : "") + o.id + " " + std::to_string(o.width) + "x" + std::to_string(o.height) + " on display " +
                std::to_string(o.display);
    }
    line += std::string("; hours: ") + (inst.hours.always ? "always open" : "as the installation file says");
    line += "; " + openNow;
    return line;
}

}  // namespace vitrine::control
