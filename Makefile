# tapian — build, run, test.
#
#   make          build ./tapian
#   make run      install missing Debian packages, build, open the default database
#   make test     install missing Debian packages, then every test under ASan+UBSan
#   make asan     build ./tapian-asan
#   make valgrind run the unit tests under valgrind
#   make bench    benchmarks (not part of make test)
#   make install  PREFIX=/usr/local DESTDIR=
#   make clean

VERSION   := 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share
LOCALEDIR ?= $(DATADIR)/locale
MANDIR    ?= $(DATADIR)/man

CC        ?= cc
PKG_CONFIG ?= pkg-config
PKGS      := ncursesw sqlite3 libthai inih libxcrypt

WARN := -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wstrict-prototypes \
        -Wmissing-prototypes -Wcast-qual -Wwrite-strings -Wundef

# pkg-config is asked lazily so that `make deps` works before it is installed.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# libunistring and libcsv ship no pkg-config file.
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lunistring -lcsv

BASE_CFLAGS = -std=c11 \
              -D_DEFAULT_SOURCE $(WARN) -Iinclude -I$(GEN) \
              -DTAPIAN_VERSION='"$(VERSION)"' -DTAPIAN_LOCALEDIR='"$(LOCALEDIR)"'
CFLAGS   ?= -O2 -g
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined

# Quiet by default; V=1 shows the commands.
Q := $(if $(V),,@)
BUILD := build
GEN   := $(BUILD)/gen
REL   := $(BUILD)/release
SAN   := $(BUILD)/asan

# Every module file except the program's entry point goes into a library that
# the program and the unit tests both link.
LIB_SRC  := $(sort $(filter-out src/app/main.c src/build/%,$(wildcard src/*/*.c)))
MAIN_SRC := src/app/main.c
SQL_SRC  := $(sort $(wildcard src/db/sql/*.sql))
SCREEN_SRC := $(sort $(wildcard screens/*.ini))
GEN_SRC  := $(GEN)/embedded_sql.c $(GEN)/embedded_screens.c
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/%.c,$(SAN)/tests/%,$(UNIT_SRC))
PO       := $(wildcard po/*.po)
MO       := $(patsubst po/%.po,$(BUILD)/locale/%/LC_MESSAGES/tapian.mo,$(PO))

REL_OBJ := $(patsubst %.c,$(REL)/%.o,$(LIB_SRC)) $(REL)/gen/embedded_sql.o \
           $(REL)/gen/embedded_screens.o
SAN_OBJ := $(patsubst %.c,$(SAN)/%.o,$(LIB_SRC)) $(SAN)/gen/embedded_sql.o \
           $(SAN)/gen/embedded_screens.o

# Debian packages needed to build, run and test.
DEB_PACKAGES := gcc libc6-dev make pkg-config libncurses-dev libsqlite3-dev \
                libunistring-dev libthai-dev libthai-data libcmocka-dev tmux \
                gettext sqlite3 procps libinih-dev libcrypt-dev \
                libcsv-dev libxml2-utils

.PHONY: all run demo cross test asan deps unit e2e ui po po-check valgrind bench fuzz install uninstall clean

all: tapian $(MO)

tapian: $(REL)/src/app/main.o $(REL_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(LDFLAGS)

tapian-asan: $(SAN)/src/app/main.o $(SAN_OBJ)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(PKG_LIBS) $(LDFLAGS)

asan: tapian-asan

$(REL)/%.o: %.c | $(GEN_SRC)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(SAN)/%.o: %.c | $(GEN_SRC)
	@mkdir -p $(dir $@)
	@echo "  CC asan $<"
	$(Q)$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) $(SAN_FLAGS) -MMD -MP -c -o $@ $<

$(REL)/gen/%.o: $(GEN)/%.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(SAN)/gen/%.o: $(GEN)/%.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

# SQL files are compiled into the binary by a small host tool, so the program
# needs no files beside it at run time.
$(BUILD)/embed: src/build/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O1 -o $@ $<

$(GEN)/embedded_sql.c: $(BUILD)/embed $(SQL_SRC)
	@mkdir -p $(GEN)
	$(Q)$(BUILD)/embed $@ embedded_files $(SQL_SRC)

$(GEN)/embedded_screens.c: $(BUILD)/embed $(SCREEN_SRC)
	@mkdir -p $(GEN)
	$(Q)$(BUILD)/embed $@ embedded_screens $(SCREEN_SRC)

$(BUILD)/locale/%/LC_MESSAGES/tapian.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

deps:
	@sh src/build/ensure-deps.sh $(DEB_PACKAGES)

run: deps
	@$(MAKE) --no-print-directory all
	./tapian

# The trainer's demonstration: a fresh pilot copy in a temporary place.
demo: deps
	@$(MAKE) --no-print-directory all
	./tapian demo

# ---- tests -----------------------------------------------------------------

# Unit tests link an archive so that each pulls in only the modules it uses.
$(SAN)/libtapian.a: $(SAN_OBJ)
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(REL)/libtapian.a: $(REL_OBJ)
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

# The replay test includes the fuzz targets.
$(SAN)/tests/test_fuzz_replay $(REL)/tests/test_fuzz_replay: $(wildcard tests/fuzz/*.c tests/fuzz/*.h)

$(SAN)/tests/%: tests/unit/%.c $(SAN)/libtapian.a
	@mkdir -p $(dir $@)
	@echo "  LD test $@"
	$(Q)$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) $(SAN_FLAGS) -Itests/unit -o $@ $< $(SAN)/libtapian.a \
	    $(PKG_LIBS) $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null) $(LDFLAGS)

export ASAN_OPTIONS := detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS := suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0

unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

ui: tapian-asan $(MO)
	@sh tests/ui/run.sh ./tapian-asan

e2e: tapian-asan $(MO)
	@sh tests/e2e/run.sh ./tapian-asan

po-check:
	@sh tests/po-check.sh

test: deps
	@$(MAKE) --no-print-directory unit ui e2e po-check
	@echo "all test suites passed"

# Re-extracts the messages and merges them into po/*.po.
po:
	@sh po/update.sh

valgrind: deps
	@$(MAKE) --no-print-directory $(patsubst tests/unit/%.c,$(REL)/tests/%,$(UNIT_SRC))
	@for t in $(patsubst tests/unit/%.c,$(REL)/tests/%,$(UNIT_SRC)); do \
	    valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 $$t || exit 1; done
	@$(MAKE) --no-print-directory tapian
	@tmp=$$(mktemp -d); for k in tests/ui/*.keys; do \
	    echo "== valgrind tapian --headless $$k"; \
	    valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 \
	        ./tapian --db $$tmp/v.db --user ทดสอบ --headless $$k --dump /dev/null || { rm -rf $$tmp; exit 1; }; \
	done; rm -rf $$tmp

$(REL)/tests/%: tests/unit/%.c $(REL)/libtapian.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Itests/unit -o $@ $< $(REL)/libtapian.a \
	    $(PKG_LIBS) $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null) $(LDFLAGS)

bench: deps tapian
	@if [ -f bench/Makefile.inc ]; then $(MAKE) --no-print-directory -f bench/Makefile.inc bench; \
	 else echo "no benchmarks yet"; fi

# ---- fuzzing (clang's libFuzzer; not part of make test, which replays the
# corpora in tests/fuzz/corpus through test_fuzz_replay) -----------------------

FUZZ_TIME ?= 600
FUZZ_TARGETS ?= screen text csv sync
FUZZ_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -Iinclude -I$(GEN) -Itests/fuzz \
              -DTAPIAN_VERSION='"$(VERSION)"' -DTAPIAN_LOCALEDIR='"$(LOCALEDIR)"' \
              $(PKG_CFLAGS) -g -O1 -fsanitize=fuzzer-no-link,address,undefined
FUZZ_OBJ = $(patsubst %.c,$(BUILD)/fuzz/%.o,$(LIB_SRC)) \
           $(BUILD)/fuzz/gen/embedded_sql.o $(BUILD)/fuzz/gen/embedded_screens.o

$(BUILD)/fuzz/gen/%.o: $(GEN)/%.c
	@mkdir -p $(dir $@)
	$(Q)clang $(FUZZ_CFLAGS) -c -o $@ $<

$(BUILD)/fuzz/%.o: %.c | $(GEN_SRC)
	@mkdir -p $(dir $@)
	$(Q)clang $(FUZZ_CFLAGS) -c -o $@ $<

# Kept between runs (make would delete them as intermediate files).
.SECONDARY: $(FUZZ_OBJ)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_state.c $(FUZZ_OBJ)
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

# Each harness for FUZZ_TIME seconds (10 minutes by default). New inputs go
# to build/fuzz/corpus-NAME (the committed corpus is only read); a crash is
# left in build/fuzz/crash-NAME/ and belongs in tests/fuzz/corpus/NAME/ once
# fixed.
fuzz:
	@sh src/build/ensure-deps.sh $(DEB_PACKAGES) clang
	@$(MAKE) --no-print-directory $(addprefix $(BUILD)/fuzz/fuzz_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do mkdir -p $(BUILD)/fuzz/crash-$$t $(BUILD)/fuzz/corpus-$$t; \
	  len=4096; [ $$t = sync ] && len=16384; \
	  $(BUILD)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_TIME) -max_len=$$len \
	    -artifact_prefix=$(BUILD)/fuzz/crash-$$t/ \
	    $(BUILD)/fuzz/corpus-$$t tests/fuzz/corpus/$$t || exit 1; done

# ---- Raspberry Pi cross builds (outside make test) --------------------------
# Builds against a sysroot of the target's Debian packages kept under
# build/; see src/build/cross.sh for what it checks and what it cannot.
cross:
	@sh src/build/cross.sh arm64
	@sh src/build/cross.sh armhf

# ---- install ---------------------------------------------------------------

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 tapian $(DESTDIR)$(BINDIR)/tapian
	install -m 644 docs/tapian.1 $(DESTDIR)$(MANDIR)/man1/tapian.1
	for mo in $(MO); do \
	    lang=$$(echo $$mo | sed 's|$(BUILD)/locale/\([^/]*\)/.*|\1|'); \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES; \
	    install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/tapian.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tapian $(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/tapian.mo \
	    $(DESTDIR)$(MANDIR)/man1/tapian.1

clean:
	rm -rf $(BUILD) tapian tapian-asan

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
