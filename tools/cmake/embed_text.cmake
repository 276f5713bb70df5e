# Writes OUT, a C++ file defining `std::string_view FUNCTION()` in NAMESPACE that returns the
# text of IN (a raw string literal), so a resource kept as a plain file in the repository
# (the visitors' page) is compiled into the program. cmake -DIN=… -DOUT=… -DHEADER=…
# -DNAMESPACE=… -DFUNCTION=… -P embed_text.cmake
file(READ "${IN}" text)
string(FIND "${text}" ")vitrine_embedded\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw string's closing delimiter")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by tools/cmake/embed_text.cmake: edit that file instead.\n"
  "#include \"${HEADER}\"\n\nnamespace ${NAMESPACE} {\n\nstd::string_view ${FUNCTION}() {\n"
  "    return R\"vitrine_embedded(${text})vitrine_embedded\";\n}\n\n}  // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
