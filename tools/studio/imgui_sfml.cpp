#include "imgui_sfml.h"

#include <imgui.h>
#include <backends/imgui_impl_opengl2.h>

#include <SFML/OpenGL.hpp>

namespace vitrine::studio {
namespace {

// Latin, Latin-1, Cyrillic and Armenian (caption lines in the exhibit's languages), general
// punctuation (— ’ “ ”), arrows (→) and geometric shapes (▶ ◀ ■).
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x04FF, 0x0530, 0x058F, 0x2010, 0x205E, 0x2190, 0x21FF, 0x25A0, 0x25FF, 0};
constexpr float kLargeFontScale = 1.5f;

void mapKeys(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
    io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
    io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
    io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
    io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
    io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
    io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
    io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
    io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
    io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
    io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
    io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
    io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = sf::Keyboard::Return;
    io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
    io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
    io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
    io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
    io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
    io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
}

int mouseButton(sf::Mouse::Button b) {
    switch (b) {
        case sf::Mouse::Left: return 0;
        case sf::Mouse::Right: return 1;
        case sf::Mouse::Middle: return 2;
        default: return -1;
    }
}

}  // namespace

ImGuiSfml::ImGuiSfml(sf::RenderWindow& window, const std::filesystem::path& fontFile, float fontPixels)
    : window_(window) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is computed from the window size every frame
    io.BackendPlatformName = "vitrine_sfml";
    mapKeys(io);
    io.Fonts->AddFontFromFileTTF(fontFile.c_str(), fontPixels, nullptr, kGlyphRanges);
    large_ = io.Fonts->AddFontFromFileTTF(fontFile.c_str(), fontPixels * kLargeFontScale, nullptr, kGlyphRanges);
    if (!large_) {
        io.Fonts->AddFontDefault();
        large_ = io.Fonts->Fonts[0];
    }
    ImGui_ImplOpenGL2_Init();
}

ImGuiSfml::~ImGuiSfml() {
    ImGui_ImplOpenGL2_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiSfml::processEvent(const sf::Event& event) {
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
        case sf::Event::MouseMoved:
            io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
            break;
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased: {
            int b = mouseButton(event.mouseButton.button);
            if (b >= 0) io.MouseDown[b] = event.type == sf::Event::MouseButtonPressed;
            io.MousePos = ImVec2(static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y));
            break;
        }
        case sf::Event::MouseWheelScrolled:
            if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
                io.MouseWheel += event.mouseWheelScroll.delta;
            else
                io.MouseWheelH += event.mouseWheelScroll.delta;
            break;
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased: {
            bool down = event.type == sf::Event::KeyPressed;
            int code = event.key.code;
            if (code >= 0 && code < static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[code] = down;
            io.KeyCtrl = event.key.control;
            io.KeyShift = event.key.shift;
            io.KeyAlt = event.key.alt;
            io.KeySuper = event.key.system;
            break;
        }
        case sf::Event::TextEntered:
            // Control characters arrive as text too; ImGui takes them from KeysDown instead.
            if (event.text.unicode >= ' ' && event.text.unicode != 127) io.AddInputCharacter(event.text.unicode);
            break;
        case sf::Event::LostFocus:
            for (bool& k : io.KeysDown) k = false;
            io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
            break;
        default: break;
    }
}

void ImGuiSfml::newFrame(float seconds) {
    ImGuiIO& io = ImGui::GetIO();
    sf::Vector2u size = window_.getSize();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = seconds > 0 ? seconds : 1.0f / 60;
    ImGui_ImplOpenGL2_NewFrame();
    ImGui::NewFrame();
}

void ImGuiSfml::render() {
    ImGui::Render();
    window_.setActive(true);
    window_.pushGLStates();
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    window_.popGLStates();
}

}  // namespace vitrine::studio
