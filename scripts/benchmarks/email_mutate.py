#!/usr/bin/env python3
"""Writes COUNT hostile variants of the lines of INPUT_FILE, for differential checks of the email
validator (scripts/email-differential): internationalized, confusable, decomposed and full-width
local parts and domains, Unicode white space around them, and 1–3 random byte edits (any byte,
so also invalid UTF-8) of inputs from the benchmark file. Seeded, so every run writes the same file.

Usage: email_mutate.py INPUT_FILE COUNT OUTPUT_FILE
"""
import random
import sys

DOMAINS = ["bücher.de", "例子.广告", "приклад.укр", "xn--bcher-kva.de", "XN--BCHER-KVA.DE", "ｇｍａｉｌ.com",
           "gmail.com", "gmial.com", "gmail.con", "mailinator.com", "xn--zz.com", "e\u0301xample.com",
           "ex\u200bample.com", "a\u00a0b.com", "münchen.DE", "ΣΊΣΥΦΟΣ.gr", "xn--nxasmm1c.com", "ß.de", "faß.de",
           "xn--zca.de", "ﬁ.com", "Ⅻ.com", "a.xn--p1ai", "ab--c.com", "xn--ab-.com", "١٢٣.com", "عربي.com",
           "a\u05d0.com", "日本.jp", "😀.com"]
LOCALS = ["jane", "Jane", "JOSÉ", "josé", "jose\u0301", "ǅ", "ﬀ", "user\u200d", "Ωmega", "ñ", "a\u0308",
          "\u0308a", "İstanbul", "ǆ", "ß", "ẞ", "用户", "користувач"]
SPACES = ["", " ", "\t", "\u00a0", "\u2003", "\u3000", "\u200b", "\r", "\u0085", "\u2028"]


def mutated(rng, line):
    data = bytearray(line)
    for _ in range(rng.randint(1, 3)):
        operation = rng.randrange(4)
        position = rng.randint(0, len(data))
        if operation == 0:
            data[position:position] = bytes([rng.randrange(256)])
        elif operation == 1:
            data[position:position] = rng.choice(DOMAINS + LOCALS + SPACES).encode()
        elif position < len(data):
            if operation == 2:
                del data[position]
            else:
                data[position] = rng.randrange(0x20, 0x7F)
    return bytes(data)


def main():
    source, count, output = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(8)
    lines = [line for line in open(source, "rb").read().split(b"\n")[:count] if line]
    out = []
    for _ in range(count):
        draw = rng.random()
        if draw < 0.3:
            text = rng.choice(LOCALS) + "@" + rng.choice(DOMAINS)
        elif draw < 0.4:
            text = rng.choice(SPACES) + rng.choice(LOCALS) + "@" + rng.choice(DOMAINS) + rng.choice(SPACES)
        else:
            out.append(mutated(rng, rng.choice(lines)).replace(b"\n", b""))
            continue
        out.append(text.encode())
    with open(output, "wb") as file:
        file.write(b"\n".join(out) + b"\n")


if __name__ == "__main__":
    main()
