# The Debian package a museum installs: `cpack` in the build folder makes
# vitrine_VERSION_amd64.deb; tools/test-package installs, upgrades, removes and purges it
# in a Debian 12 chroot. The files here are its maintainer scripts, units and X session.
set(VITRINE_PACKAGE_DIR ${CMAKE_SOURCE_DIR}/tools/package)

install(TARGETS vitrine RUNTIME DESTINATION bin)
if(TARGET vitrine-studio)
  install(TARGETS vitrine-studio RUNTIME DESTINATION bin)
endif()
install(DIRECTORY assets/ DESTINATION share/vitrine/assets)
install(DIRECTORY exhibits/ DESTINATION share/vitrine/exhibits)
install(FILES exhibits/INSTALLATION.md README.md DESTINATION share/doc/vitrine)
# Examples for the technician to read and copy from; none of them is the live file.
file(GLOB VITRINE_INSTALLATION_EXAMPLES CONFIGURE_DEPENDS exhibits/installation*.xml)
install(FILES ${VITRINE_INSTALLATION_EXAMPLES} DESTINATION share/doc/vitrine/examples)
# The default site file: postinst copies it to /etc/vitrine/installation.xml when that is
# absent, and never again. Not a conffile, so upgrades never prompt nor overwrite the site's.
install(FILES ${VITRINE_PACKAGE_DIR}/installation.xml DESTINATION share/vitrine)
install(FILES ${VITRINE_PACKAGE_DIR}/vitrine.service ${VITRINE_PACKAGE_DIR}/vitrine-xsession.service
        DESTINATION /lib/systemd/system)
install(PROGRAMS ${VITRINE_PACKAGE_DIR}/vitrine-xsession DESTINATION libexec/vitrine)
# The same session for a display manager's auto-login (lightdm: autologin-session=vitrine).
install(FILES ${VITRINE_PACKAGE_DIR}/vitrine.desktop DESTINATION share/xsessions)

# The machine-readable copyright file, with the fonts' licence texts from assets/fonts/ (one
# copy of each in the tree) indented as DEP-5 wants: a leading space, "." for a blank line.
function(vitrine_dep5_text out text)
  string(REGEX REPLACE "\n+$" "" text "${text}")
  string(REGEX REPLACE "\n[ \t]*\n" "\n.\n" text "${text}")
  string(REGEX REPLACE "\n[ \t]*\n" "\n.\n" text "${text}")
  string(REPLACE "\n" "\n " text " ${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
file(READ assets/fonts/OFL-Noto.txt ofl)
string(REGEX REPLACE "^.*(This Font Software is licensed)" "\\1" ofl "${ofl}")
vitrine_dep5_text(VITRINE_OFL_TEXT "${ofl}")
file(READ assets/fonts/LICENSE-DejaVu.txt dejavu)
string(REGEX REPLACE "^.*\n(Copyright: )" "\\1" VITRINE_DEJAVU_COPYRIGHT "${dejavu}")
string(REGEX REPLACE "\n+$" "" VITRINE_DEJAVU_COPYRIGHT "${VITRINE_DEJAVU_COPYRIGHT}")
configure_file(${VITRINE_PACKAGE_DIR}/copyright.in ${CMAKE_BINARY_DIR}/package/copyright @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/package/copyright DESTINATION share/doc/vitrine)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vitrine)
set(CPACK_PACKAGE_CONTACT "Vitrine maintainers <vitrine@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Exhibit engine for museum projection installations")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# The shared libraries linked (SFML, FFmpeg, libqrencode4 for the visitors' QR code…) become
# dependencies through dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Debug symbols stay in the build folder's binaries; the package's are stripped (a tenth
# of the size).
set(CPACK_STRIP_FILES ON)
# xinit (startx) and x11-xserver-utils (xset, xsetroot) run the package's X session;
# init-system-helpers the maintainer scripts' deb-systemd-helper/-invoke.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, fonts-dejavu-core, init-system-helpers, xinit, x11-xserver-utils")
# The X server itself: a PC with a desktop already has one.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xserver-xorg")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${VITRINE_PACKAGE_DIR}/postinst ${VITRINE_PACKAGE_DIR}/prerm ${VITRINE_PACKAGE_DIR}/postrm)
include(CPack)
