#!/bin/sh
# Rebuilds language/src/test/resources/fp/vectors.txt.gz from real RISC-V semantics: compiles
# fpvectors.c for rv64gc and runs it under qemu-riscv64 (Debian: gcc-riscv64-linux-gnu,
# qemu-user). The output is deterministic; the test suite reads the gzipped file.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/fp/vectors.txt.gz"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
riscv64-linux-gnu-gcc -O1 -static -march=rv64gc -Wall -Wextra -o "$tmp/fpvectors" "$here/fpvectors.c"
qemu-riscv64 "$tmp/fpvectors" > "$tmp/vectors.txt"
gzip -9n < "$tmp/vectors.txt" > "$out"
echo "$(wc -l < "$tmp/vectors.txt") vectors, $(wc -c < "$out") bytes gzipped -> $out"
