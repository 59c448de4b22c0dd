# benchstat — the two commands of the README, and their helpers.
#
#   make analyze   build the release binary and analyse a real dataset in Data/
#   make test      build and run every test (what .ci/run calls)

SWIFT ?= swift
DATASET ?= Data/injected-instrumentation
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release analyze test lint format

# GSL (and pkg-config, which finds it) from Debian, when this machine lacks them.
deps:
	@pkg-config --exists gsl 2>/dev/null || { \
		echo "installing libgsl-dev (GSL not found by pkg-config)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgsl-dev pkg-config; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product benchstat

analyze: release
	.build/release/benchstat analyze $(DATASET)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift
