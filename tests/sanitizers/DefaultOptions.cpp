//===- DefaultOptions.cpp - The sanitizers' options in every program ------===//
//
// Linked into every program of the sanitized build (tests/sanitizers/CMakeLists.txt).
// The runtimes of ASan, LeakSanitizer and UBSan call these functions before they read
// ASAN_OPTIONS, LSAN_OPTIONS and UBSAN_OPTIONS, so the environment still overrides any of
// them.
//
//===----------------------------------------------------------------------===//

#define SALESC_SANITIZER_DEFAULT extern "C" __attribute__((visibility("default"), used))

/// Stacks symbolized to file:line by the LLVM of the compiler; the leak checker on (as it
/// is on Linux by default), with the suppressions of lsan.supp.
SALESC_SANITIZER_DEFAULT const char* __asan_default_options() {
  return "external_symbolizer_path=" SALESC_LLVM_SYMBOLIZER ":detect_leaks=1";
}

SALESC_SANITIZER_DEFAULT const char* __lsan_default_options() {
  return "suppressions=" SALESC_LSAN_SUPPRESSIONS;
}

/// A stack for every report (-fno-sanitize-recover already makes each one fatal).
SALESC_SANITIZER_DEFAULT const char* __ubsan_default_options() {
  return "print_stacktrace=1:external_symbolizer_path=" SALESC_LLVM_SYMBOLIZER;
}
