# cwo: build, demo and test. `make demo` and `make test` are all a fresh machine needs.
GO      ?= go
BIN     := bin/cwo
PKGS    := ./...
FUZZTIME ?= 10s
# Minimizing each new interesting input of a large seed (a whole PDF) can take Go's default 60 s,
# so a short run would spend its time there instead of fuzzing; failures are still minimized.
FUZZMINIMIZE ?= 5s

.PHONY: build demo test golden bench lint fuzz pictures fpdf-diff clean

# build: compile the cwo binary into bin/
build:
	$(GO) build -o $(BIN) ./cmd/cwo

# demo: validate the sample workspace, list its orders and render every output into out/
demo: build
	$(BIN) validate samples
	$(BIN) list samples
	$(BIN) render samples --out out

# test: run every test with the race detector
test:
	$(GO) test -race -count=1 -timeout 30m $(PKGS)

# golden: rewrite golden files after an intended change of output (review the diff!)
golden:
	$(GO) test -count=1 ./render/ ./render/xlsx/ -update

# bench: measure bin/cwo on a generated workspace of 2,000 orders and 1,000,000 timesheet rows
# (made once into .cache/benchws; the table of BENCHMARKS.md), then run the Go micro-benchmarks
bench: build
	@ws=.cache/benchws/$$(cat internal/benchws/*.go | cksum | cut -d' ' -f1); \
	if [ ! -d $$ws ]; then rm -rf .cache/benchws && \
	  $(GO) run ./internal/benchws -orders 2000 -rows 1000000 $$ws.tmp && mv $$ws.tmp $$ws || exit 1; fi; \
	$(GO) run ./internal/benchrun -bin $(BIN) -ws $$ws
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

# lint: formatting, vet and staticcheck (run at a pinned version through the module proxy)
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint:
	@files=$$(gofmt -l $$(find . -name '*.go')); \
	  test -z "$$files" || (echo "$$files"; echo "gofmt: files above need formatting"; exit 1)
	$(GO) vet $(PKGS)
	$(GO) run $(STATICCHECK) $(PKGS)

# fuzz: run each fuzz target for FUZZTIME. Go 1.26's fuzzing sometimes fails a target with a
# bare "context deadline exceeded" when the time runs out while a worker is busy
# (go.dev/issue/75804, fixed in Go 1.27): such a run, with no failing input written, is run
# again, up to three times in all; a real finding writes its input under testdata/fuzz and fails.
fuzz:
	@log=$$(mktemp); trap 'rm -f $$log' EXIT; \
	for pkg in $$($(GO) list $(PKGS)); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; \
	    for try in 1 2 3; do \
	      if $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg >$$log 2>&1; then cat $$log; break; fi; \
	      cat $$log; \
	      if [ $$try != 3 ] && grep -q 'context deadline exceeded' $$log && ! grep -q 'Failing input written' $$log; then \
	        echo "== $$f: the Go 1.26 fuzzing deadline race, not a finding; running it again"; continue; fi; \
	      exit 1; \
	    done; \
	  done; done

# pictures: the README's pictures: render the samples into a temporary folder and write the first
# page of an agreement, a report (printed to PDF by LibreOffice) and a brochure to docs/img/*.png
# (needs poppler-utils and LibreOffice, like make test)
PICTURE_PNG := pdftoppm -png -r 50 -f 1 -l 1 -singlefile
# the sample brochure is print-ready: keep its trimmed Letter page (612 × 792 pt, 26.5 pt of bleed
# and slug around it), without the crop marks
BROCHURE_TRIM := -x 18 -y 18 -W 425 -H 550
pictures: build
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; set -e; \
	$(BIN) render samples --out $$tmp/out >$$tmp/log 2>&1 || { cat $$tmp/log; exit 1; }; \
	soffice --headless -env:UserInstallation=file://$$tmp/profile --convert-to pdf \
	  --outdir $$tmp $$tmp/out/reports/CWO-2026-003-2026-Q4.xlsx >$$tmp/log 2>&1 || { cat $$tmp/log; exit 1; }; \
	mkdir -p docs/img; \
	$(PICTURE_PNG) $$tmp/out/agreements/CWO-2026-001-v1.pdf docs/img/agreement; \
	$(PICTURE_PNG) $$tmp/CWO-2026-003-2026-Q4.pdf docs/img/report; \
	$(PICTURE_PNG) $(BROCHURE_TRIM) $$tmp/out/brochures/scipy-2026.pdf docs/img/brochure; \
	ls -l docs/img/*.png

# fpdf-diff: show cwo's patches to fpdf: internal/fpdf against the release it came from,
# downloaded through the Go module proxy, with its import path written as upstream's
# (internal/fpdf/PATCHES.md lists the patches)
FPDF_UPSTREAM := codeberg.org/go-pdf/fpdf@v0.12.0
fpdf-diff:
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	up=$$(cd $$tmp && $(GO) mod download -json $(FPDF_UPSTREAM) | sed -n 's/^\t"Dir": "\(.*\)",$$/\1/p'); \
	test -n "$$up" || { echo "fpdf-diff: could not download $(FPDF_UPSTREAM)"; exit 1; }; \
	mkdir $$tmp/upstream $$tmp/cwo; \
	for f in $$(cd $$up && ls *.go LICENSE; cd $(CURDIR)/internal/fpdf && ls *.go LICENSE); do \
	  if [ -f $$up/$$f ]; then cp $$up/$$f $$tmp/upstream/; fi; \
	  if [ -f internal/fpdf/$$f ]; then \
	    sed 's#github.com/cwo-tool/cwo/internal/fpdf#codeberg.org/go-pdf/fpdf#' internal/fpdf/$$f > $$tmp/cwo/$$f; fi; \
	done; \
	cd $$tmp && diff -uN upstream cwo; test $$? -le 1

# clean: remove built binaries and rendered outputs
clean:
	rm -rf bin out
