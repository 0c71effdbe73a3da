"""Writes a CSV file of N subscribers for scripts/bench-import: email,name,city,plan.

Addresses are unique (first.last.N@domain over a mix of mailbox domains), every 7th name is quoted
because it holds a comma, every 11th city holds a quoted line break, so the parser does real work.
Deterministic (seeded), UTF-8, CRLF line breaks.

    python3 import_generate.py N OUTPUT
"""

import random
import sys

FIRST = ["anna", "bohdan", "olena", "taras", "iryna", "maksym", "sofia", "dmytro", "kateryna", "andrii",
         "jane", "john", "maria", "lucas", "emma", "noah", "zoë", "jürgen", "amélie", "søren"]
LAST = ["shevchenko", "kovalenko", "bondarenko", "tkachenko", "smith", "garcia", "müller", "rossi", "dubois",
        "nowak", "kowalski", "jensen", "silva", "tanaka", "ivanova", "o'brien"]
DOMAINS = ["gmail.com", "ukr.net", "outlook.com", "yahoo.com", "proton.me", "i.ua", "example.org", "gmx.de",
           "web.de", "icloud.com", "newsroom.example.com", "kyivindependent.com"]
CITIES = ["Kyiv", "Lviv", "Odesa", "Kharkiv", "Dnipro", "Berlin", "Warsaw", "Paris", "London", "New York"]


def main():
    count, output = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(8)
    with open(output, "w", encoding="utf-8", newline="") as out:
        out.write("email,name,city,plan\r\n")
        lines = []
        for i in range(count):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = f"{first}.{last.replace(chr(39), '')}.{i}@{rng.choice(DOMAINS)}"
            name = f"{first.title()} {last.title()}"
            if i % 7 == 0:
                name = f"\"{last.title()}, {first.title()}\""
            city = rng.choice(CITIES)
            if i % 11 == 0:
                city = f"\"{city}\r\nCentre\""
            lines.append(f"{email},{name},{city},{'gold' if i % 5 == 0 else 'free'}\r\n")
            if len(lines) == 10000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


if __name__ == "__main__":
    main()
