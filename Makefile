# salesc: the two commands of the README, and a few for developers.
#   make demo       installs what is missing, builds, and checks the quickstart example
#   make test       installs what is missing, builds, and runs every test: the suite in build/
#                   (test-gcc), the same suite under ASan and UBSan (test-asan), and a
#                   60-second run of each fuzz target (fuzz); what CI runs
#   make test-asan  the suite built with clang, ASan and UBSan, in build-asan/
#   make tsan       salesc built with ThreadSanitizer, checking many files with -j 8
#   make fuzz       each libFuzzer target of fuzz/ for FUZZ_SECONDS (default 300), in build-asan/
#   make install    builds, then installs into PREFIX (default /usr/local; docs/install.md)
#   make package    builds, then a .deb in build/ (CPack; Depends computed by dpkg-shlibdeps)
#   make vscode     the VS Code extension, build/salesc-VERSION.vsix (vsce; docs/editors.md)
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 300
SALESC := $(BUILD)/bin/salesc
PREFIX ?= /usr/local

.PHONY: all deps configure build demo test test-gcc test-asan build-asan fuzz bench \
        update-tests update-golden format clean install package vscode tsan

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt | deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

configure: deps $(BUILD)/build.ninja

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The second build: clang, ASan and UBSan, every library instrumented for libFuzzer too,
# the tests and the fuzz targets (docs/security.md). Debug: assertions on (-O1 is added).
$(ASAN_BUILD)/build.ninja: CMakeLists.txt | deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
	  -DSALESC_SANITIZE=ON -DSALESC_FUZZ=ON >/dev/null

build-asan: deps $(ASAN_BUILD)/build.ninja
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

demo: build
	@echo "== salesc check examples/quickstart.sales"
	@$(SALESC) check examples/quickstart.sales && echo "examples/quickstart.sales: no problems found"
	@echo
	@echo "== what the process predicts (salesc analyze)"
	@$(SALESC) analyze examples/quickstart.sales
	@echo
	@echo "== the same file with two mistakes: a misspelled stage and a share over 100%"
	@mkdir -p $(BUILD)/demo
	@sed -e 's/next demo 45%/next dmeo 45%/' -e 's/next signed 40%/next signed 140%/' \
	  examples/quickstart.sales > $(BUILD)/demo/quickstart-with-mistakes.sales
	@$(SALESC) check $(BUILD)/demo/quickstart-with-mistakes.sales || true
	@echo
	@echo "== salesc build examples/quickstart.sales -o $(BUILD)/demo/quickstart --png"
	@$(SALESC) build examples/quickstart.sales -o $(BUILD)/demo/quickstart --png
	@echo
	@echo "The flowchart is $(BUILD)/demo/quickstart/direct_consulting.svg (and .png),"
	@echo "the playbook $(BUILD)/demo/quickstart/direct_consulting.md,"
	@echo "the runtime tables $(BUILD)/demo/quickstart/tables.json."
	@echo
	@echo "== salesc report examples/quickstart.sales -o $(BUILD)/demo/report"
	@$(SALESC) report examples/quickstart.sales -o $(BUILD)/demo/report --quiet
	@echo "The report for the client is $(BUILD)/demo/report/index.html (open it in a browser)."

# One after the other, so that `make -j` does not run two builds at once.
test:
	@$(MAKE) --no-print-directory test-gcc
	@$(MAKE) --no-print-directory test-asan
	@FUZZ_SEED=1 $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=60

test-gcc: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# salesc built with ThreadSanitizer (build-tsan/), checking many files with -j 8: slow,
# so not part of `make test` (docs/architecture.md, "Checking files in parallel").
tsan:
	@JOBS=$(JOBS) bash scripts/tsan-check.sh

# Each fuzz target for FUZZ_SECONDS, JOBS at a time, from the seeds of the tests and the
# examples and the corpus of earlier runs ($(ASAN_BUILD)/fuzz/corpus). make test's run
# starts from libFuzzer's seed 1 (FUZZ_SEED), so that it takes the same path each time.
fuzz: build-asan
	@bash fuzz/run.sh $(ASAN_BUILD) $(FUZZ_SECONDS) $(JOBS)

# Rewrites the expectations in tests/check/*.sales and the CHECK lines of
# tests/output/**/*.sales from what salesc reports and prints now (review the diff).
update-tests: build
	@SALESC_UPDATE_EXPECTATIONS=1 $(BUILD)/tests/check_file_tests || true
	@SALESC_UPDATE_EXPECTATIONS=1 $(BUILD)/tests/output_tests --gtest_filter='File/Output.*' || true

# Rewrites tests/golden/ from what the emitters write now (review the diff).
update-golden: build
	@SALESC_UPDATE_GOLDEN=1 $(BUILD)/tests/golden_tests --gtest_filter='*EveryEmitter*:GoldenSql.*' >/dev/null || true
	@git status --short tests/golden

install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

package: build
	@cd $(BUILD) && cpack -G DEB

# The VS Code extension of editors/vscode/, packaged by vsce (pinned in its package-lock.json,
# installed by deps) into $(BUILD)/salesc-VERSION.vsix: code --install-extension FILE.
vscode: deps
	@mkdir -p $(BUILD)
	@cd editors/vscode && node_modules/.bin/vsce package --out $(abspath $(BUILD))/

bench: build
	@bash bench/run.sh

# Formats every C++ file with the checked-in .clang-format (ctest's FormatCheck fails
# on any difference).
format:
	@find compiler runtime tests bench examples fuzz -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) $(ASAN_BUILD)
