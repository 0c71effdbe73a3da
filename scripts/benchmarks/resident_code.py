#!/usr/bin/env python3
"""touched.py PID BINARY: resident pages of BINARY's executable mapping in process PID, attributed to Swift
modules by the symbols on each page (from `nm`). A page is resident when the process touched it or the
kernel's fault-around mapped it next to a touched one; a module with no resident page was never executed."""
import collections, re, struct, subprocess, sys
pid, binary = sys.argv[1], sys.argv[2]
PAGE = 4096
segments = []  # (vaddr, offset, filesz) of PT_LOAD
for line in subprocess.run(["readelf", "-lW", binary], capture_output=True, text=True).stdout.splitlines():
    f = line.split()
    if f and f[0] == "LOAD":
        segments.append((int(f[2], 16), int(f[1], 16), int(f[4], 16), f[6] if len(f) > 6 else ""))
def to_offset(vaddr):
    for v, o, size, _ in segments:
        if v <= vaddr < v + size:
            return vaddr - v + o
    return None
maps = []
for line in open(f"/proc/{pid}/maps"):
    f = line.split()
    if len(f) >= 6 and f[5].endswith(binary.split("/")[-1]) and "x" in f[1]:
        start, end = (int(x, 16) for x in f[0].split("-"))
        maps.append((start, end, int(f[2], 16)))
resident = set()
with open(f"/proc/{pid}/pagemap", "rb") as pm:
    for start, end, offset in maps:
        pm.seek(start // PAGE * 8)
        data = pm.read((end - start) // PAGE * 8)
        for i in range((end - start) // PAGE):
            (entry,) = struct.unpack_from("<Q", data, i * 8)
            if entry >> 63 & 1:
                resident.add((offset + i * PAGE) // PAGE)
text_pages = sum((e - s) // PAGE for s, e, _ in maps)
symbols = collections.defaultdict(set)  # page -> modules
per_module_pages = collections.defaultdict(set)
module_functions = collections.Counter()
mangled = re.compile(r"^\$s(\d+)")
for line in subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True).stdout.splitlines():
    f = line.split()
    if len(f) != 3 or f[1] not in "tT":
        continue
    m = mangled.match(f[2])
    if not m:
        continue
    n = int(m.group(1)); module = f[2][m.end():m.end() + n]
    off = to_offset(int(f[0], 16))
    if off is None:
        continue
    per_module_pages[module].add(off // PAGE)
    if off // PAGE in resident:
        module_functions[module] += 1
print(f"text mapping: {text_pages} pages ({text_pages * 4 // 1024} MiB), resident {len(resident)} pages "
      f"({len(resident) * 4 / 1024:.1f} MiB)")
print(f"{'module':28} {'code pages':>10} {'resident':>9} {'functions on resident pages':>28}")
for module, pages in sorted(per_module_pages.items(), key=lambda kv: -len(kv[1] & resident)):
    if module.startswith(("Hummingbird", "NIO", "Herald", "Multipart", "Postgres", "Mustache", "Yams",
                          "Prometheus", "ServiceLifecycle", "HTTPTypes", "Logging", "Crypto", "ArgumentParser")) \
            or module in ("herald",):
        print(f"{module:28} {len(pages):>10} {len(pages & resident):>9} {module_functions[module]:>28}")
