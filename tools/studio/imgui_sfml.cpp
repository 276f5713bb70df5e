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

// This frame's input, as ImGui 1.86 reads it: state, and the characters typed.
void feed(ImGuiIO& io, const FrameInput& input) {
    io.MousePos = ImVec2(static_cast<float>(input.mouse.x), static_cast<float>(input.mouse.y));
    // SFML's buttons are in ImGui's order: left, right, middle, then the extra ones.
    for (int b = 0; b < sf::Mouse::ButtonCount && b < static_cast<int>(IM_ARRAYSIZE(io.MouseDown)); ++b)
        io.MouseDown[b] = input.buttons[b];
    io.MouseWheel += input.wheel;
    io.MouseWheelH += input.wheelH;
    for (int k = 0; k < sf::Keyboard::KeyCount && k < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)); ++k)
        io.KeysDown[k] = input.keys[k];
    io.KeyCtrl = input.control;
    io.KeyShift = input.shift;
    io.KeyAlt = input.alt;
    io.KeySuper = input.system;
    for (std::uint32_t c : input.characters) io.AddInputCharacter(c);
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

const std::vector<sf::Event>& ImGuiSfml::newFrame(float seconds) {
    ImGuiIO& io = ImGui::GetIO();
    input_ = queue_.nextFrame();
    feed(io, input_);
    sf::Vector2u size = window_.getSize();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = seconds > 0 ? seconds : 1.0f / 60;
    ImGui_ImplOpenGL2_NewFrame();
    ImGui::NewFrame();
    return input_.events;
}

void ImGuiSfml::render() {
    ImGui::Render();
    window_.setActive(true);
    window_.pushGLStates();
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    window_.popGLStates();
}

}  // namespace vitrine::studio
