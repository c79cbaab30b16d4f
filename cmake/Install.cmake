# What `cmake --install` (and `make install PREFIX=DIR`) puts under the prefix, and the
# .deb that `make package` builds from it with CPack (docs/install.md):
#   bin/salesc                               the command; no RUNPATH (Graphviz's plugins
#                                            are loaded by path, compiler/emit/Graphviz.cpp)
#   share/salesc/stdlib/std/*.sales          found relative to the binary
#   share/man/man1/salesc.1.gz, salesc-COMMAND.1.gz
#   bash, zsh and fish completions
#   include/salesc/runtime/*.h, lib/libsalesc_runtime.a
#   lib/cmake/salesc (find_package(salesc CONFIG) -> salesc::runtime)
#   lib/pkgconfig/salesc-runtime.pc
#   share/doc/salesc: README, LICENSE, NOTICE (the dependencies' notices), copyright
include(CMakePackageConfigHelpers)

install(TARGETS salesc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/stdlib/ DESTINATION ${CMAKE_INSTALL_DATADIR}/salesc/stdlib)

# Man pages, one per command, made from the built salesc's help (scripts/make-manpages.sh).
set(SALESC_MAN_DIR ${PROJECT_BINARY_DIR}/man)
set(SALESC_MAN_PAGES)
foreach(page salesc salesc-check salesc-build salesc-report salesc-emit salesc-analyze
        salesc-simulate salesc-forecast salesc-roi salesc-conform salesc-backtest salesc-calibrate
        salesc-fmt salesc-lsp salesc-config)
  list(APPEND SALESC_MAN_PAGES ${SALESC_MAN_DIR}/${page}.1.gz)
endforeach()
add_custom_command(
  OUTPUT ${SALESC_MAN_PAGES}
  COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/make-manpages.sh $<TARGET_FILE:salesc>
          ${SALESC_MAN_DIR} ${PROJECT_VERSION}
  DEPENDS salesc ${PROJECT_SOURCE_DIR}/scripts/make-manpages.sh
  COMMENT "Writing the man pages from salesc's help")
add_custom_target(salesc_man ALL DEPENDS ${SALESC_MAN_PAGES})
install(FILES ${SALESC_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(FILES ${PROJECT_SOURCE_DIR}/completions/salesc.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME salesc)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_salesc
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PROJECT_SOURCE_DIR}/completions/salesc.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# The runtime library for embedders: headers, archive, CMake package, pkg-config file.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/runtime/include/salesc
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(TARGETS salesc_runtime llvm_support EXPORT salescTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
set(SALESC_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/salesc)
install(EXPORT salescTargets NAMESPACE salesc:: DESTINATION ${SALESC_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/salescConfig.cmake.in
  ${PROJECT_BINARY_DIR}/salescConfig.cmake INSTALL_DESTINATION ${SALESC_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/salescConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/salescConfig.cmake ${PROJECT_BINARY_DIR}/salescConfigVersion.cmake
        DESTINATION ${SALESC_CMAKE_DIR})
configure_file(${PROJECT_SOURCE_DIR}/cmake/salesc-runtime.pc.in
               ${PROJECT_BINARY_DIR}/salesc-runtime.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/salesc-runtime.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
              ${PROJECT_SOURCE_DIR}/NOTICE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/NOTICE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
# A Debian package carries its changelog (a native one as changelog.gz; lintian requires it).
configure_file(${PROJECT_SOURCE_DIR}/cmake/changelog.in ${PROJECT_BINARY_DIR}/changelog @ONLY)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/changelog.gz
  COMMAND gzip -9nc ${PROJECT_BINARY_DIR}/changelog > ${PROJECT_BINARY_DIR}/changelog.gz
  DEPENDS ${PROJECT_BINARY_DIR}/changelog)
add_custom_target(salesc_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/changelog.gz)
install(FILES ${PROJECT_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

# make package: a .deb whose Depends dpkg-shlibdeps computes from the binary.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME salesc)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "salesc")
set(CPACK_PACKAGE_CONTACT "salesc maintainers <salesc@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compiler and validator for sales-process definitions")
set(CPACK_PACKAGE_DESCRIPTION
    "salesc reads .sales files and reports every problem with a code (as text,\nJSON, SARIF, GitHub annotations or JUnit XML), draws each process and writes\nits playbook and runtime tables; its runtime commands predict win rates,\nsimulate and forecast. The runtime library, its headers, a CMake package and\na pkg-config file are included for programs that embed it.")
# The runtime library's users compile against LLVM's and fmt's headers too.
# The flowchart is laid out in Liberation Sans's widths: without it, Graphviz draws PNGs in
# another font whose text overflows its boxes (seen on a fresh Debian 12). The CJK and emoji
# fonts draw those characters in PNGs (docs/cli.md#fonts); Chromium prints report --pdf.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation2")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, fonts-noto-color-emoji")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "llvm-14-dev, libfmt-dev")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES bin/salesc)
include(CPack)
