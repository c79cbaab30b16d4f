# salesc: the two commands of the README, and a few for developers.
#   make demo   installs what is missing, builds, and checks the quickstart example
#   make test   installs what is missing, builds, and runs every test through ctest
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SALESC := $(BUILD)/bin/salesc

.PHONY: all deps configure build demo test bench update-tests update-golden format clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt | deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

configure: deps $(BUILD)/build.ninja

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

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

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Rewrites the expectations in tests/check/*.sales and the CHECK lines of
# tests/output/**/*.sales from what salesc reports and prints now (review the diff).
update-tests: build
	@SALESC_UPDATE_EXPECTATIONS=1 $(BUILD)/tests/check_file_tests || true
	@SALESC_UPDATE_EXPECTATIONS=1 $(BUILD)/tests/output_tests --gtest_filter='File/Output.*' || true

# Rewrites tests/golden/ from what the emitters write now (review the diff).
update-golden: build
	@SALESC_UPDATE_GOLDEN=1 $(BUILD)/tests/golden_tests --gtest_filter='*EveryEmitter*' >/dev/null || true
	@git status --short tests/golden

bench: build
	@bash bench/run.sh

# Formats every C++ file with the checked-in .clang-format (ctest's FormatCheck fails
# on any difference).
format:
	@find compiler runtime tests bench examples -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD)
