#!/usr/bin/env python3
"""Writes N deterministic email-address inputs, one per line, for scripts/bench-email.

The mix (seeded, so every run produces the same file) approximates what a newsletter import
sees: mostly plain ASCII addresses at common and company domains, some capitals, some
internationalized domains and local parts, and about a fifth invalid inputs of the usual
shapes (missing @, spaces, display names, double dots, trailing dots, quoted local parts,
IP literals, special-use domains, over-long parts). No input contains a line break.

Usage: email_generate.py COUNT OUTPUT_FILE
"""
import random
import sys

FIRST = ["jane", "john", "maria", "olena", "taras", "li", "ahmed", "sofia", "lukas", "emma",
         "noah", "ivan", "anna", "pierre", "yuki", "carlos", "fatima", "oleksandr", "mia", "ben"]
LAST = ["doe", "smith", "shevchenko", "kowalski", "muller", "garcia", "tanaka", "nguyen",
        "ivanenko", "rossi", "dubois", "kim", "brown", "lee", "martin", "bondarenko"]
COMMON = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "ukr.net",
          "i.ua", "gmx.de", "web.de", "proton.me", "aol.com", "live.com", "fastmail.com"]
TLDS = ["com", "org", "net", "io", "de", "co.uk", "com.ua", "fr", "nl", "dev"]
IDN_DOMAINS = ["bücher.de", "例子.广告", "приклад.укр", "münchen.de", "παράδειγμα.ελ",
               "xn--bcher-kva.de"]
INTL_LOCALS = ["користувач", "用户", "josé", "ñoño", "müller", "θσερ"]


def local_part(rng):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    style = rng.randrange(8)
    if style == 0:
        return first
    if style == 1:
        return f"{first}.{last}"
    if style == 2:
        return f"{first}{rng.randrange(1, 9999)}"
    if style == 3:
        return f"{first}.{last}+news"
    if style == 4:
        return f"{first[0]}{last}"
    if style == 5:
        return f"{first}_{last}{rng.randrange(100)}"
    if style == 6:
        return f"{first.capitalize()}.{last.capitalize()}"
    return f"{first}-{last}"


def domain(rng):
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(COMMON)
    company = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(3, 12)))
    if rng.random() < 0.2:
        company += "-" + rng.choice(LAST)
    if rng.random() < 0.15:
        company = "mail." + company
    return f"{company}.{rng.choice(TLDS)}"


def valid(rng):
    roll = rng.random()
    if roll < 0.03:
        return f"{local_part(rng)}@{rng.choice(IDN_DOMAINS)}"
    if roll < 0.05:
        return f"{rng.choice(INTL_LOCALS)}@{domain(rng)}"
    address = f"{local_part(rng)}@{domain(rng)}"
    if roll < 0.10:
        address = address.upper()
    return address


def invalid(rng):
    good = f"{local_part(rng)}@{domain(rng)}"
    local, _, dom = good.partition("@")
    shapes = [
        lambda: good.replace("@", ""),
        lambda: f"{local} {rng.choice(LAST)}@{dom}",
        lambda: f"{rng.choice(FIRST).capitalize()} <{good}>",
        lambda: f"{local}..x@{dom}",
        lambda: f"{good}.",
        lambda: f".{good}",
        lambda: f"\"{local} x\"@{dom}",
        lambda: f"{local}@[192.168.{rng.randrange(256)}.{rng.randrange(256)}]",
        lambda: f"{local}@{dom.split('.')[0]}",
        lambda: f"{local}@host.local",
        lambda: f"{local}@@{dom}",
        lambda: f"{good}, {local}@example.org",
        lambda: f"{'a' * 65}@{dom}",
        lambda: f"{local}@-{dom}",
        lambda: f"{local}@{dom.replace('.', '_', 1)}",
        lambda: f"{local}@gmial.con",
        lambda: "",
    ]
    return rng.choice(shapes)()


def main():
    count, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20240602)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for _ in range(count):
            out.write((invalid(rng) if rng.random() < 0.2 else valid(rng)) + "\n")


if __name__ == "__main__":
    main()
