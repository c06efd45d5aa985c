#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (the Swift toolchain's -sanitize=fuzzer, with
# AddressSanitizer) of the parsers of outside input (issue #18):
#   canvas     stored text: the sanitiser, display width, the canvas, truncation; theme files
#   form       Open311's form bodies
#   config     the settings file
#   csv        spreadsheet exports (UTF-8, BOM, GB18030/GBK)
#   localtime  times as an operator types them (--from, the replay's g)
#   uri        a request's target: Hummingbird's URI parser, then the query's fields and dates
#   gridbody   the grid end's JSON bodies (JSONDecoder, then the typed reads of their fields)
# Each harness is compiled from the sources it needs (no package build) into .build/fuzz/.
# The seed corpus is scripts/fuzz/corpus/<target>/; what the fuzzer finds grows a copy under
# .build/fuzz/corpus/. A crash or hang leaves its input in .build/fuzz/crashes/ and fails the
# run: add it to the seed corpus and to a regression test.
#
#   bash scripts/fuzz.sh [SECONDS_EACH] [TARGET...]     (default: 60 s each, every target)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(canvas form config csv localtime uri gridbody)
out=.build/fuzz
mkdir -p "$out/crashes"
csv_sources=$(ls .build/checkouts/SwiftCSV/SwiftCSV/*.swift 2>/dev/null || true)
if [ -z "$csv_sources" ]; then swift package resolve >/dev/null; csv_sources=$(ls .build/checkouts/SwiftCSV/SwiftCSV/*.swift); fi

sources() {
  case "$1" in
    canvas) ls Sources/DoorstepCanvas/*.swift ;;
    form) echo Sources/DoorstepServer/FormBody.swift ;;
    gridbody) echo Sources/DoorstepServer/GridBody.swift ;;
    config) echo Sources/DoorstepApp/ConfigFile.swift ;;
    # (one module with SwiftCSV's own sources: the import of it goes from a copy)
    csv) mkdir -p "$out/csv-src"; sed '/^import SwiftCSV$/d' Sources/DoorstepSeeds/CSVTable.swift > "$out/csv-src/CSVTable.swift"
         echo "$out/csv-src/CSVTable.swift" Sources/DoorstepSeeds/GB18030.swift Sources/DoorstepSeeds/SeedError.swift $csv_sources ;;
    localtime) echo Sources/DoorstepDomain/LocalTimeText.swift ;;
    # (Hummingbird's URI parser: its four files import nothing)
    uri) hb=.build/checkouts/hummingbird/Sources/HummingbirdCore
         echo Sources/DoorstepServer/QueryFields.swift $hb/Request/URI.swift $hb/Utils/HBParser.swift $hb/Utils/FlatDictionary.swift \
           $hb/Utils/String+percentEncode.swift ;;
    *) echo "fuzz: no target '$1' (canvas, form, config, csv, localtime, uri, gridbody)" >&2; exit 64 ;;
  esac
}

failed=0
for target in "${targets[@]}"; do
  binary="$out/$target"
  # (built again when a source is newer than the harness)
  # shellcheck disable=SC2046
  if [ ! -x "$binary" ] || [ -n "$(find $(sources "$target" | sed "s|$out/csv-src/|Sources/DoorstepSeeds/|") "scripts/fuzz/$target.swift" -newer "$binary" 2>/dev/null)" ]; then
    echo "fuzz: building $target"
    # shellcheck disable=SC2046
    # (Swift 6 mode but for csv: SwiftCSV's sources are written for 5, as SwiftPM builds them)
    version=6; [ "$target" = csv ] && version=5
    swiftc -O -sanitize=fuzzer,address -parse-as-library -swift-version $version -module-name "Fuzz_$target" -package-name fuzz -D FUZZING \
      $(sources "$target") "scripts/fuzz/$target.swift" -o "$binary" 2> "$out/$target.build.log" \
      || { cat "$out/$target.build.log" >&2; exit 1; }
  fi
  mkdir -p "$out/corpus/$target"
  seeds="scripts/fuzz/corpus/$target"
  log="$out/$target.log"
  set +e
  "$binary" "$out/corpus/$target" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -artifact_prefix="$out/crashes/$target-" -print_final_stats=1 > "$log" 2>&1
  status=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  if [ $status -ne 0 ]; then
    failed=1
    echo "fuzz: $target FAILED (status $status) after $runs runs; see $log and $out/crashes/" >&2
    grep -m 5 -E "ERROR|Fatal|precondition|SUMMARY" "$log" >&2 || true
  else
    echo "fuzz: $target: $runs runs in ${seconds} s, $cov, corpus $(ls "$out/corpus/$target" | wc -l) inputs, no crash"
  fi
done
exit $failed
