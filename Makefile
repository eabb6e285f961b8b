# The two commands of the README: `make demo` (set up, then synthesize one scene offline) and
# `make test` (set up, then run the tests). `make setup` alone prepares a fresh machine.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
APT_PACKAGES := libxrender1 libxi6 libxkbcommon0 libxxf86vm1 libxfixes3 libsm6 libgl1 libegl1 libusb-1.0-0 chromium
DEMO_TEXT ?= a wooden table with two mugs on it and a chair next to the table

.PHONY: setup demo test bench gallery places clean docker-base docker-lock docker-test

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml tools/gltf/package-lock.json
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages: $$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	npm ci --prefix tools/gltf --silent --no-audit --no-fund   # the Khronos glTF validator, for the tests
	touch $@

demo: setup
	$(BIN)/fyi synth "$(DEMO_TEXT)" --out out/ --seed 0 --quality draft

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/render_overhead.py
	$(BIN)/python bench/frames_overhead.py
	$(BIN)/python bench/dressing.py

gallery: setup   # every category on contact sheets: docs/gallery/gallery-01.png ... (a few minutes)
	$(BIN)/fyi assets gallery --all --out docs/gallery

places: setup   # docs/places.png: 12 scenes (room types, outdoor settings, one instruction's seeds), ~10 minutes
	$(BIN)/python tools/places.py --out docs/places.png

# The farm's worker image (docker/). Docker Hub may not answer here, so the base image is made locally:
# Debian's own bookworm, debootstrapped, imported under the name the Dockerfile expects.
docker-base:
	@docker image inspect debian:bookworm-slim >/dev/null 2>&1 || { \
		rm -rf build/bookworm && mkdir -p build && \
		debootstrap --variant=minbase bookworm build/bookworm http://deb.debian.org/debian && \
		tar -C build/bookworm -c . | docker import - debian:bookworm-slim && rm -rf build/bookworm; }

# The versions the worker image installs: those of this venv, where the tests passed.
docker-lock: setup
	{ echo "# pip freeze of a venv where the tests passed (make docker-lock rewrites it); the worker image installs FYI under it"; \
	  $(BIN)/pip freeze --exclude-editable | grep -v '^fyi=='; } > docker/constraints.txt

# Build the worker image, then a 3-scene farm job on a Ray head and two workers (docker/compose.yaml).
docker-test: setup docker-base
	$(BIN)/hadolint docker/Dockerfile
	cp /usr/local/share/ca-certificates/*.crt docker/ca/ 2>/dev/null || true   # a proxy's CA, if the host has one
	docker build -f docker/Dockerfile -t fyi-worker:latest .
	docker/farm-test.sh

clean:
	rm -rf $(VENV) out build *.egg-info
