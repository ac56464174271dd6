#!/usr/bin/env bash
# Fuzzes one of fynd's parsers with libFuzzer and AddressSanitizer.
# Usage: scripts/fuzz.sh TARGET SECONDS      TARGET: html | segment | jsonl | rules
#
# SwiftPM cannot link a libFuzzer executable (it renames `main`, and its build tools would get
# libFuzzer's `main` too), so SwiftPM builds the libraries with coverage instrumentation and
# AddressSanitizer into .build-fuzz, and swiftc links the harness (fuzz/Harness.swift) to their
# objects with libFuzzer. Seeds are the repository's own inputs of each kind (corpus/html and
# corpus/bad for html, corpus/seeds and corpus/segmentation for segment, corpus/bad for jsonl,
# rules/ for rules) and the few kept only for fuzzing in fuzz/seeds/TARGET; the corpus grows in
# .build-fuzz/corpus/TARGET; crashes land in fuzz/crashes/TARGET (keep them: they become
# regression tests).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh html|segment|jsonl|rules SECONDS}
seconds=${2:-600}
scratch=.build-fuzz
flags=(-Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xswiftc -use-ld=lld -Xcc -fsanitize=fuzzer-no-link,address)

swift build -c debug --scratch-path "$scratch" "${flags[@]}" --target FyndPipeline >&2
bin="$scratch/debug"
objects=$(find -L "$bin" -path "$bin/*.build/*.o" \( -path "*FyndCore*" -o -path "*FyndNormalize*" -o -path "*FyndSegment*" \
  -o -path "*FyndRules*" -o -path "*CICU*" -o -path "*Yams*" -o -path "*CYaml*" \) | sort)
maps=()
for m in "$bin"/*.build/module.modulemap "$scratch"/checkouts/Yams/Sources/CYaml/include/module.modulemap Sources/CLibXML2/module.modulemap Sources/CCrypto/module.modulemap; do maps+=(-Xcc "-fmodule-map-file=$m"); done
swiftc -sanitize=fuzzer,address -parse-as-library -use-ld=lld fuzz/Harness.swift -I "$bin/Modules" \
  "${maps[@]}" -Xcc -ISources/CICU/include -Xcc -I/usr/include/libxml2 \
  $objects -lxml2 -lcrypto -licui18n -licuuc -licudata -o "$scratch/fuzz-fynd"

mkdir -p "$scratch/corpus/$target" "fuzz/crashes/$target"
case $target in
  html) sources=(corpus/html corpus/bad) ;;
  segment) sources=(corpus/seeds corpus/segmentation) ;;
  jsonl) sources=(corpus/bad) ;;
  rules) sources=(rules rules/categories rules/attributes) ;;
  *) echo "usage: scripts/fuzz.sh html|segment|jsonl|rules SECONDS" >&2; exit 2 ;;
esac
seeds="$scratch/seeds/$target"
rm -rf "$seeds" && mkdir -p "$seeds"
for dir in "${sources[@]}" "fuzz/seeds/$target"; do
  if [ -d "$dir" ]; then find "$dir" -maxdepth 1 -type f -exec cp {} "$seeds/" \;; fi
done
FYND_FUZZ_TARGET=$target "$scratch/fuzz-fynd" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="fuzz/crashes/$target/" -print_final_stats=1 "$scratch/corpus/$target" "$seeds"
