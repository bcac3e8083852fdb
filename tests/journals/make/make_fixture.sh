#!/bin/bash
# Re-creates one journal fixture from scratch with the code of an earlier commit:
#   tests/journals/make/make_fixture.sh LABEL COMMIT      e.g.  schema2-03d0f4e 03d0f4e
# 1. a git worktree of COMMIT outside the repository (/tmp/old-LABEL),
# 2. tests/journals/make/LABEL.cpp copied in and added to its top-level CMakeLists.txt as the
#    target fixture_driver (sources and libraries named in the driver's "fixture-" comments),
# 3. a Release build of that one target only (nice, ninja -j 1; no SDL code is compiled),
# 4. "driver session": that version's Engine + EngineLoop + Journal script session 1
#    (finished) and session 2 (left open) on a FakeClock from Mon 2026-11-23 09:00
#    Europe/Amsterdam; "driver export": the exports that version produces for session 1,
# 5. the journal checkpointed into one file (no -wal/-shm), copied to tests/journals/LABEL/,
# 6. the worktree removed (KEEP=1 keeps it, and a kept one is reused for a quicker rebuild).
# expected.json beside the fixture is hand-checked and is not touched here.
set -euo pipefail
label=${1:?LABEL}
commit=${2:?COMMIT}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
driver=$here/$label.cpp
out=$here/../$label
work=${FIXTURE_WORK:-/tmp/old-$label}
[ -f "$driver" ] || { echo "no driver $driver" >&2; exit 1; }

if [ ! -d "$work" ]; then
  git -C "$repo" worktree add --detach "$work" "$commit" >/dev/null
fi
[ "$(git -C "$work" rev-parse --short=7 HEAD)" = "${commit:0:7}" ] || { echo "$work is not at $commit" >&2; exit 1; }

mkdir -p "$work/fixture_driver"
cp "$here"/*.cpp "$work/fixture_driver/"  # a driver may build on an earlier one (schema 4 on 3)
cp "$driver" "$work/fixture_driver/driver.cpp"
sources=$(sed -n 's|^// fixture-sources: ||p' "$driver")
libs=$(sed -n 's|^// fixture-libs: ||p' "$driver")
if ! grep -q '^# fixture_driver' "$work/CMakeLists.txt"; then
  cat >>"$work/CMakeLists.txt" <<CMAKE
# fixture_driver (added by tests/journals/make/make_fixture.sh; not part of commit $commit)
add_executable(fixture_driver fixture_driver/driver.cpp $sources)
target_include_directories(fixture_driver PRIVATE \${PROJECT_BINARY_DIR}/generated)
target_link_libraries(fixture_driver PRIVATE $libs)
CMAKE
fi

if [ ! -f "$work/build/build.ninja" ]; then
  cmake -S "$work" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKIOSK_WERROR=OFF \
    -DKIOSK_TESTS=OFF -DKIOSK_BENCH=OFF >/dev/null
fi
nice -n 10 ninja -C "$work/build" -j "${JOBS:-1}" fixture_driver

data=$work/fixture-data
rm -rf "$data"
mkdir -p "$data"
export TZ=Europe/Amsterdam
"$work/build/fixture_driver" session "$work/config" "$data"
rm -rf "$out/exports"
mkdir -p "$out/exports"
"$work/build/fixture_driver" export "$work/config" "$data" "$out/exports"

# One self-contained file: everything from the WAL into the database, no -wal/-shm left.
sqlite3 "$data/vitale.sqlite3" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
[ ! -e "$data/vitale.sqlite3-wal" ] && [ ! -e "$data/vitale.sqlite3-shm" ] || { echo "WAL left beside the journal" >&2; exit 1; }
rm -f "$out/vitale.sqlite3"
cp "$data/vitale.sqlite3" "$out/vitale.sqlite3"
sqlite3 "$out/vitale.sqlite3" 'PRAGMA integrity_check; SELECT count(*) FROM events; SELECT * FROM schema_version;'
rm -f "$out/vitale.sqlite3-wal" "$out/vitale.sqlite3-shm"

if [ "${KEEP:-0}" != 1 ]; then
  git -C "$repo" worktree remove --force "$work"
fi
echo "fixture $label written to $(cd "$out" && pwd)"
