#include "menu_bar.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "studio_panels.h"
#include "studio_theme.h"

namespace vitrine::studio {
namespace {

constexpr const char* kAskPopup = "##ask";
constexpr const char* kQuitPopup = "Unsaved edits";
constexpr const char* kContextPopup = "##context";
constexpr const char* kAboutPopup = "About Vitrine Studio";

// What a designer needs first, in the Keys and guide window.
constexpr const char* kGuide =
    "An exhibit is a list of scenes; each scene holds items (text, pictures, sound, video, maps).\n"
    "Click a scene in the list on the left or a block on the timeline to select it; its details are in the\n"
    "inspector on the right. Right-click anything for what can be done to it. Drag scenes in the list to\n"
    "reorder them. Every change can be undone, and nothing reaches the file until you save.\n"
    "Problems are listed under the inspector: click one to select what it is about.";

void centreNextWindow() {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
}

}  // namespace

float MenuBar::height() { return ImGui::GetFrameHeight(); }

void MenuBar::item(const StudioCommand& c, const StudioApp& app, std::optional<CommandRequest>& chosen) {
    const bool enabled = c.isEnabled(app);
    std::string label(c.name);
    if (c.detail && enabled) {
        std::string detail = c.detail(app);
        if (detail.size() > 48) detail = detail.substr(0, 47) + "…";
        if (!detail.empty()) label += "  " + detail;
    }
    if (c.choices) {
        if (ImGui::BeginMenu(label.c_str(), enabled)) {
            for (const auto& choice : c.choices(app))
                if (ImGui::MenuItem(choice.c_str())) chosen = CommandRequest{&c, choice};
            ImGui::EndMenu();
        }
        return;
    }
    if (!ImGui::MenuItem(label.c_str(), c.shortcut.label().c_str(), false, enabled)) return;
    if (c.asks) {
        asking_ = &c;
        value_ = c.asks(app);
        openAsking_ = true;
    } else {
        chosen = CommandRequest{&c, {}};
    }
}

std::optional<CommandRequest> MenuBar::draw(const std::vector<StudioCommand>& commands, const StudioApp& app) {
    std::optional<CommandRequest> chosen;
    if (ImGui::BeginMainMenuBar()) {
        for (std::string_view menu : kMenus) {
            if (!ImGui::BeginMenu(std::string(menu).c_str())) continue;
            for (const auto& c : commands)
                if (c.menu == menu) item(c, app, chosen);
            ImGui::EndMenu();
        }
        ImGui::EndMainMenuBar();
    }

    if (pendingContext_ != kNowhere) {
        context_ = pendingContext_;
        pendingContext_ = kNowhere;
        ImGui::OpenPopup(kContextPopup);
    }
    if (ImGui::BeginPopup(kContextPopup)) {
        for (const auto& c : commands)
            if (c.places & context_) item(c, app, chosen);
        ImGui::EndPopup();
    }

    drawAsking(chosen);
    drawQuitQuestion();
    drawHelp(commands);
    drawAbout();
    return chosen;
}

void MenuBar::drawAsking(std::optional<CommandRequest>& chosen) {
    if (openAsking_) {
        ImGui::OpenPopup(kAskPopup);
        openAsking_ = false;
    }
    centreNextWindow();
    ImGui::SetNextWindowSize(ImVec2(460, 0));
    if (!ImGui::BeginPopupModal(kAskPopup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize))
        return;
    if (asking_) {
        ImGui::TextUnformatted(std::string(asking_->name).c_str());
        ImGui::TextColored(colour(theme::kDimText), "%.*s", static_cast<int>(asking_->help.size()), asking_->help.data());
        ImGui::Spacing();
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1);
        bool entered = ImGui::InputText("##value", &value_, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::Spacing();
        if (ImGui::Button("OK", ImVec2(100, 0)) || entered) {
            chosen = CommandRequest{asking_, value_};
            asking_ = nullptr;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel", ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            asking_ = nullptr;
            ImGui::CloseCurrentPopup();
        }
    } else {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

QuitAnswer MenuBar::quitAnswer() {
    QuitAnswer a = answer_;
    answer_ = QuitAnswer::None;
    return a;
}

void MenuBar::drawQuitQuestion() {
    if (askQuit_) {
        ImGui::OpenPopup(kQuitPopup);
        askQuit_ = false;
    }
    centreNextWindow();
    if (!ImGui::BeginPopupModal(kQuitPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("%s has edits that are not saved.", quitFile_.c_str());
    ImGui::TextColored(colour(theme::kDimText), "Save them before closing the studio?");
    ImGui::Spacing();
    auto answer = [&](QuitAnswer a) {
        answer_ = a;
        ImGui::CloseCurrentPopup();
    };
    if (ImGui::Button("Save and quit")) answer(QuitAnswer::Save);
    ImGui::SameLine();
    if (ImGui::Button("Quit without saving")) answer(QuitAnswer::Discard);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) answer(QuitAnswer::Cancel);
    ImGui::EndPopup();
}

void MenuBar::drawHelp(const std::vector<StudioCommand>& commands) {
    if (!openHelp_) return;
    centreNextWindow();
    ImGui::SetNextWindowSize(ImVec2(820, 560), ImGuiCond_Appearing);
    if (!ImGui::Begin("Keys and guide", &openHelp_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    if (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) openHelp_ = false;
    ImGui::TextUnformatted(kGuide);
    ImGui::Spacing();
    if (ImGui::BeginTable("##keys", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupColumn("Command", ImGuiTableColumnFlags_WidthFixed, 230);
        ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed, 110);
        ImGui::TableSetupColumn("What it does", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        for (std::string_view menu : kMenus)
            for (const auto& c : commands) {
                if (c.menu != menu) continue;
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::Text("%.*s ▸ %.*s", static_cast<int>(menu.size()), menu.data(), static_cast<int>(c.name.size()),
                            c.name.data());
                ImGui::TableSetColumnIndex(1);
                ImGui::TextColored(colour(theme::kAccent), "%s", c.shortcut.label().c_str());
                ImGui::TableSetColumnIndex(2);
                ImGui::TextWrapped("%.*s", static_cast<int>(c.help.size()), c.help.data());
            }
        ImGui::EndTable();
    }
    ImGui::End();
}

void MenuBar::drawAbout() {
    if (openAbout_) {
        ImGui::OpenPopup(kAboutPopup);
        openAbout_ = false;
    }
    centreNextWindow();
    if (!ImGui::BeginPopupModal(kAboutPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("Vitrine Studio");
    ImGui::TextColored(colour(theme::kDimText),
                       "Makes and checks exhibits for projection installations: scenes of text, archival\n"
                       "pictures, testimony, video and maps, played by Vitrine in museums and memorials.\n"
                       "Every edit is a small change to the exhibit's XML file, kept as you wrote it.");
    ImGui::Spacing();
    if (ImGui::Button("Close", ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace vitrine::studio
