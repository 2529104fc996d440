#!/bin/sh
# Rebuilds demo/demo.elf (and demo/demo.expected when qemu-riscv64 is installed).
# Needs riscv64-linux-gnu-gcc (Debian: apt-get install gcc-riscv64-linux-gnu).
# The binary keeps its symbol table (-g0 drops only debug info; nothing is stripped).
set -eu
cd "$(dirname "$0")"
CC=${CC:-riscv64-linux-gnu-gcc}
command -v "$CC" >/dev/null || { echo "$CC not found: apt-get install gcc-riscv64-linux-gnu" >&2; exit 1; }
"$CC" -O2 -static -march=rv64gc -mabi=lp64d -g0 \
    -fpatchable-function-entry=8,4 -falign-functions=8 \
    -Wall -o demo.elf demo.c
echo "built demo/demo.elf"
if command -v qemu-riscv64 >/dev/null; then
    qemu-riscv64 ./demo.elf > demo.expected
    echo "wrote demo/demo.expected from qemu-riscv64"
fi
