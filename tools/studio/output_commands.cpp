#include "output_commands.h"

#include <imgui.h>

namespace vitrine::studio {

const std::vector<OutputCommand>& outputCommands() {
    // F5 starts the show full screen, as in PowerPoint.
    static const std::vector<OutputCommand> kCommands = {
        {"File", "Export…", "Ctrl+E", sf::Keyboard::E, true, false, "export-window"},
        {"Format", "Styles…", "Ctrl+Shift+T", sf::Keyboard::T, true, true, "styles"},
        {"View", "Show on projector", "F5", sf::Keyboard::F5, false, false, "projector toggle"},
    };
    return kCommands;
}

std::string drawOutputMenuItems(std::string_view menu) {
    std::string chosen;
    for (const auto& c : outputCommands()) {
        if (c.menu != menu) continue;
        if (ImGui::MenuItem(std::string(c.label).c_str(), std::string(c.shortcut).c_str())) chosen = c.action;
    }
    return chosen;
}

std::string drawOutputButtons() {
    std::string chosen;
    bool first = true;
    for (const auto& c : outputCommands()) {
        if (!first) ImGui::SameLine();
        first = false;
        if (ImGui::Button(std::string(c.label).c_str())) chosen = c.action;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%.*s ▸ %.*s   %.*s", static_cast<int>(c.menu.size()), c.menu.data(),
                              static_cast<int>(c.label.size()), c.label.data(), static_cast<int>(c.shortcut.size()),
                              c.shortcut.data());
    }
    return chosen;
}

std::string outputShortcut(const sf::Event::KeyEvent& key) {
    for (const auto& c : outputCommands())
        if (key.code == c.key && key.control == c.control && key.shift == c.shift) return std::string(c.action);
    return {};
}

}  // namespace vitrine::studio
