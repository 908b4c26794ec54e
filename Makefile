# caigou: `make run` and `make test` are all a newcomer needs; both install what is missing.
GO        ?= go
BIN       ?= caigou
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null)
LDFLAGS   := -X main.commit=$(VERSION)

# Debian/Ubuntu packages: the C toolchain and X11/GL headers Fyne's desktop driver needs,
# and a CJK font so Chinese shows real glyphs (Windows and macOS ship their own).
BUILD_PKGS  := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
               libxinerama-dev libxi-dev libxxf86vm-dev fonts-noto-cjk
SMOKE_PKGS  := xvfb xauth xdotool imagemagick
WINDOWS_PKGS := gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 osslsigncode

.PHONY: all deps deps-smoke run build test vet lint screenshots smoke bench windows package clean

all: build

deps:
	@.ci/install-packages $(BUILD_PKGS)
	$(GO) mod download

deps-smoke: deps
	@.ci/install-packages $(SMOKE_PKGS)

run: deps
	$(GO) run -ldflags "$(LDFLAGS)" . $(ARGS)

build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

vet: deps
	$(GO) vet ./...

# The smoke test runs whenever a display server can be installed (it always can on Debian/Ubuntu).
test: vet
	$(GO) test -race -count=1 ./...
	@if .ci/install-packages $(SMOKE_PKGS) && command -v xvfb-run >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory smoke; \
	else echo "smoke test skipped: no display server can be installed here"; fi

lint: deps
	$(GO) vet ./...
	@out=$$($(GO) tool gofumpt -l . ); if [ -n "$$out" ]; then echo "gofumpt: not formatted:"; echo "$$out"; exit 1; fi
	$(GO) tool staticcheck ./... ./.ci/...

# Every screen in every language, rendered by Fyne's test driver with the real theme.
screenshots: deps
	CAIGOU_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test -count=1 -run TestScreenshots ./screens/

smoke: deps-smoke build
	.ci/smoke ./$(BIN)

bench: deps-smoke
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 10x ./storage/...
	$(GO) test -run '^$$' -bench . -benchmem ./app/...
	$(GO) test -run '^$$' -bench . -benchtime 5x ./screens/
	$(GO) test -run '^$$' -bench . -benchtime 5x ./.ci/startbench/

# A Windows GUI .exe, cross-compiled with cgo through mingw-w64 (about 6 minutes cold).
windows: deps
	@.ci/install-packages $(WINDOWS_PKGS)
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CGO_LDFLAGS=-l:libssp.a GOFLAGS=-buildvcs=true \
		.ci/fyne-package -os windows --release
	.ci/check-exe dist/caigou.exe

# A package for this OS: .app on macOS, .exe on Windows, .tar.xz on Linux.
package: deps
	GOFLAGS=-buildvcs=true .ci/fyne-package --release

clean:
	rm -rf $(BIN) $(BIN).exe dist .ci/out fyne_metadata_init.go
