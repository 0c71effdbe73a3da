#!/usr/bin/env python3
"""resident_by_input.py PID BINARY MAP: whose code and data in BINARY are resident (issue #21 target 4).

MAP is lld's link map of BINARY (`-Xlinker -Map=FILE`). Every page of BINARY that process PID has
resident (from /proc/PID/pagemap) is shared out among the input sections on it, by bytes, and the
shares are summed per library: the archive (`libFoundation.a`), or the package module whose object
files it came from (`HeraldCore`). Printed per kind of section (code, read-only data, writable data),
the largest first, beside the library's size in the binary, so code resident in whole runs shows as
a library resident far beyond what the command can have used."""
import collections, re, struct, subprocess, sys

PAGE = 4096
pid, binary, map_file = sys.argv[1], sys.argv[2], sys.argv[3]
name = binary.split("/")[-1]
INPUT = re.compile(r"^\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+\s{9}(\S.*):\(\S+\)$")
OUTPUT = re.compile(r"^\s*[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+\d+ (\S+)$")


def library(path):
    archive = re.search(r"/([^/]+\.a)\(", path)
    if archive:
        return archive.group(1)
    module = re.search(r"/([^/]+)\.build/[^/]+\.o$", path)
    return module.group(1) if module else path.split("/")[-1]


def section_kinds():
    """Output section name -> code, writable or read-only, from the section flags; unmapped ones left out."""
    kinds = {}
    for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True).stdout.splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+(\S*)", line)
        if m and "A" in m.group(2):
            kinds[m.group(1)] = "code" if "X" in m.group(2) else "writable" if "W" in m.group(2) else "read-only"
    return kinds


kinds, inputs, current = section_kinds(), [], None
for line in open(map_file):
    out = OUTPUT.match(line)
    if out:
        current = kinds.get(out.group(1))
        continue
    m = INPUT.match(line)
    if m and current and int(m.group(2), 16):
        inputs.append((int(m.group(1), 16), int(m.group(2), 16), library(m.group(3)), current))
inputs.sort()

mappings = [line.split() for line in open(f"/proc/{pid}/maps")]
mine = [f for f in mappings if len(f) >= 6 and f[5].endswith("/" + name)]
base = min(int(f[0].split("-")[0], 16) - int(f[2], 16) for f in mine)
resident = set()
with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
    for f in mine:
        start, end = (int(x, 16) for x in f[0].split("-"))
        pagemap.seek(start // PAGE * 8)
        data = pagemap.read((end - start) // PAGE * 8)
        for i in range((end - start) // PAGE):
            if struct.unpack_from("<Q", data, i * 8)[0] >> 63 & 1:
                resident.add((start - base) // PAGE + i)

size, held = collections.Counter(), collections.Counter()
for vma, length, lib, what in inputs:
    size[(what, lib)] += length
    for page in range(vma // PAGE, (vma + length - 1) // PAGE + 1):
        if page in resident:
            overlap = min(vma + length, (page + 1) * PAGE) - max(vma, page * PAGE)
            held[(what, lib)] += overlap
for what in ("code", "read-only", "writable"):
    rows = [(held[k], size[k], k[1]) for k in held if k[0] == what]
    total = sum(r[0] for r in rows)
    print(f"{what}: {total / 2**20:.1f} MiB resident of {sum(v for k, v in size.items() if k[0] == what) / 2**20:.1f} MiB")
    for kib, whole, lib in sorted(rows, reverse=True)[:18]:
        print(f"  {kib / 2**20:6.2f} of {whole / 2**20:6.2f} MiB  {lib}")
