# Writes a text file into a C++ source as a raw string literal, so that the binary carries
# one source of truth read at build time (docs/diagnostics.md for the SARIF rules' help).
#   cmake -DIN=docs/diagnostics.md -DOUT=DiagnosticsDocs.inc -P scripts/embed-text.cmake
# OUT holds one expression: the text as a string literal (UTF-8, byte for byte).
# With -DDROP_SOURCE_MAP=ON (the minified JavaScript of salesc report), the
# "//# sourceMappingURL=" line is left out: the map is not shipped, and a page must not ask
# for a file that is not there.
file(READ "${IN}" text)
if(DROP_SOURCE_MAP)
  string(REGEX REPLACE "\n//# sourceMappingURL=[^\n]*" "" text "${text}")
endif()
set(delim "salesc_embedded")
string(FIND "${text}" ")${delim}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw string delimiter )${delim}\"")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by scripts/embed-text.cmake; do not edit.\nR\"${delim}(${text})${delim}\"\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
