# Precompiled headers. Two thirds of compiling a salesc file was parsing the same standard,
# LLVM Support and fmt headers (about 60,000 lines a file). They are precompiled once, in
# salesc_pch_common (and, with GoogleTest, in salesc_pch_test for the test programs), and
# every other target reuses that: a full build does about half the work (docs/performance.md).
# -DSALESC_PCH=OFF builds without them; the sources never depend on them (each file still
# includes what it uses).
option(SALESC_PCH "Precompile the standard, LLVM Support, fmt and GoogleTest headers" ON)

# The targets defined in a folder and below it.
function(salesc_targets_below out dir)
  get_property(found DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub ${subdirs})
    salesc_targets_below(more ${sub})
    list(APPEND found ${more})
  endforeach()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

# The precompiled-header target for targets of one kind (`common` or `test`) compiled with
# the given extra options (clang refuses a header precompiled with other options, such as
# the libFuzzer coverage of the fuzzed libraries): made on first use, named in `out`.
function(salesc_pch_target out kind options)
  set(name salesc_pch_${kind})
  if(options)
    string(MD5 key "${options}")
    string(SUBSTRING ${key} 0 8 key)
    set(name ${name}_${key})
  endif()
  if(NOT TARGET ${name})
    set(dir ${PROJECT_SOURCE_DIR}/cmake/pch)
    add_library(${name} OBJECT ${dir}/Empty.cpp)
    target_link_libraries(${name} PRIVATE llvm_support fmt::fmt)
    if(kind STREQUAL "test")
      target_link_libraries(${name} PRIVATE GTest::gtest GTest::gmock)
      target_precompile_headers(${name} PRIVATE ${dir}/Test.h)
    else()
      target_precompile_headers(${name} PRIVATE ${dir}/Common.h)
    endif()
    target_compile_options(${name} PRIVATE ${options})
  endif()
  set(${out} ${name} PARENT_SCOPE)
endfunction()

# Makes every C++ target of the project but those EXCLUDEd reuse a precompiled header: the
# test one when the target links GoogleTest.
function(salesc_precompile_headers)
  cmake_parse_arguments(PCH "" "" "EXCLUDE" ${ARGN})
  if(NOT SALESC_PCH)
    return()
  endif()
  salesc_targets_below(targets ${PROJECT_SOURCE_DIR})
  foreach(target ${targets})
    get_target_property(type ${target} TYPE)
    if(NOT type MATCHES "^(STATIC_LIBRARY|OBJECT_LIBRARY|EXECUTABLE)$"
       OR target IN_LIST PCH_EXCLUDE)
      continue()
    endif()
    get_target_property(links ${target} LINK_LIBRARIES)
    get_target_property(options ${target} COMPILE_OPTIONS)
    if(NOT options)
      set(options "")
    endif()
    if(links MATCHES "GTest::|gtest|gmock")
      salesc_pch_target(pch test "${options}")
    else()
      salesc_pch_target(pch common "${options}")
    endif()
    target_precompile_headers(${target} REUSE_FROM ${pch})
  endforeach()
endfunction()
