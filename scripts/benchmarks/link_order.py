#!/usr/bin/env python3
"""link_order.py BINARY LOG [LOG...]: the functions of BINARY that ran, in the order they first ran.

Reads the logs of `qemu-x86_64 -d in_asm` (qemu translates every block of code once, when it first runs,
so the log names every block that ran, not a sample) and prints, one per line, the symbol of each function
of BINARY that holds a logged block, first run first: lld's `--symbol-ordering-file` format. Blocks in
the shared libraries are skipped. qemu-user loads a position-independent executable at 0x4000000000
(checked: the log's `page` lines must show that mapping). Used by scripts/link-order (issue #21, target 4)."""
import bisect, re, subprocess, sys

LOAD_BIAS = 0x4000000000


def functions(binary):
    """(address, size, name) of each code symbol of BINARY, by address."""
    out = subprocess.run(["nm", "-n", "-S", "--defined-only", binary], capture_output=True, text=True, check=True)
    found = []
    for line in out.stdout.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[2] in "tTwW":
            found.append((int(fields[0], 16), int(fields[1], 16), fields[3]))
    return sorted(found)


def block_addresses(log):
    """The first address of every translated block in a qemu `-d in_asm` log, in log order."""
    expecting = False
    with open(log, errors="replace") as lines:
        for line in lines:
            if line.startswith("IN:"):
                expecting = True
            elif expecting:
                match = re.match(r"^0x([0-9a-f]+):", line)
                if match:
                    expecting = False
                    yield int(match.group(1), 16) - LOAD_BIAS


def main():
    binary, logs = sys.argv[1], sys.argv[2:]
    with open(logs[0], errors="replace") as first:
        if f"{LOAD_BIAS:016x}-" not in first.read(1 << 20):
            sys.exit(f"link_order: {logs[0]} shows no mapping at {LOAD_BIAS:#x} (run qemu with -d in_asm,page)")
    symbols = functions(binary)
    starts = [address for address, _, _ in symbols]
    seen, ordered, ran_bytes = set(), [], 0
    for log in logs:
        for address in block_addresses(log):
            index = bisect.bisect_right(starts, address) - 1
            if index < 0:
                continue
            start, size, name = symbols[index]
            if address < start + max(size, 1) and name not in seen:
                seen.add(name)
                ordered.append(name)
                ran_bytes += size
    if not ordered:
        sys.exit("link_order: no block of the logs lies in the binary's functions")
    print("\n".join(ordered))
    print(f"link_order: {len(ordered)} functions ran, {ran_bytes / 2**20:.2f} MiB of code", file=sys.stderr)


if __name__ == "__main__":
    main()
