# Runs PROGRAM with ARGS ('|'-separated), then checks that it exits with STATUS and
# that its stdout followed by its stderr equals the file EXPECTED once the folder GOLDEN
# is replaced by the word GOLDEN.
string(REPLACE "|" ";" _args "${ARGS}")
execute_process(COMMAND ${PROGRAM} ${_args}
  OUTPUT_VARIABLE _out ERROR_VARIABLE _err RESULT_VARIABLE _status)
file(READ ${EXPECTED} _expected)
set(_got "${_out}${_err}")
string(REPLACE "${GOLDEN}" "GOLDEN" _got "${_got}")
if(NOT _status STREQUAL STATUS)
  message(FATAL_ERROR "exit status ${_status}, expected ${STATUS}; output:\n${_got}")
endif()
if(NOT _got STREQUAL _expected)
  message(FATAL_ERROR "output differs from ${EXPECTED}\n--- got:\n${_got}--- expected:\n${_expected}")
endif()
