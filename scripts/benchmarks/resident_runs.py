#!/usr/bin/env python3
"""resident_runs.py PID BINARY: where process PID's resident memory is (issue #21 target 4).

Prints the resident set by mapping (from /proc/PID/smaps: file and permissions, the largest first), then
the resident pages of BINARY's executable mapping as contiguous runs, each named by the ELF sections it
spans (`readelf -SW`). Long runs over code that cannot all have run show the kernel mapping whole
page-cache folios, not code the process touched."""
import collections, itertools, re, struct, subprocess, sys

PAGE = 4096
pid, binary = sys.argv[1], sys.argv[2]
name = binary.split("/")[-1]

by_mapping, current = collections.Counter(), None
for line in open(f"/proc/{pid}/smaps"):
    head = re.match(r"^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$", line)
    if head:
        path = head.group(2) or "[anonymous]"
        current = (path.split("/")[-1], head.group(1))
    elif line.startswith("Rss:"):
        by_mapping[current] += int(line.split()[1])
print(f"resident set: {sum(by_mapping.values()) / 1024:.1f} MiB")
for (path, perms), kib in by_mapping.most_common(12):
    print(f"  {kib / 1024:6.1f} MiB  {perms}  {path}")

sections = []
for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True).stdout.splitlines():
    m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
    if m and int(m.group(3), 16):
        sections.append((m.group(1), int(m.group(2), 16), int(m.group(3), 16)))


def section_at(offset):
    return next((n for n, start, size in sections if start <= offset < start + size), "(headers)")


for line in open(f"/proc/{pid}/maps"):
    f = line.split()
    if len(f) < 6 or not f[5].endswith(name) or "x" not in f[1]:
        continue
    start, end = (int(x, 16) for x in f[0].split("-"))
    offset = int(f[2], 16)
    with open(f"/proc/{pid}/pagemap", "rb") as pm:
        pm.seek(start // PAGE * 8)
        data = pm.read((end - start) // PAGE * 8)
    present = [struct.unpack_from("<Q", data, i * 8)[0] >> 63 & 1 for i in range((end - start) // PAGE)]
    runs, page = [], 0
    for bit, group in itertools.groupby(present):
        length = len(list(group))
        if bit:
            runs.append((page, length))
        page += length
    lengths = sorted(length for _, length in runs)
    print(
        f"executable mapping: {len(present) * PAGE / 2**20:.1f} MiB, {sum(present) * PAGE / 2**20:.1f} MiB resident "
        f"in {len(runs)} runs (median {lengths[len(lengths) // 2]} pages, longest {lengths[-1]})")
    for first, length in runs:
        if length >= 128:
            low, high = offset + first * PAGE, offset + (first + length) * PAGE - 1
            print(f"  {length:5d} pages ({length * PAGE / 2**20:.1f} MiB) from {section_at(low)} to {section_at(high)}")
