"""The XML entity repair (HeraldFeeds/Parsing/XML/XMLEntityRepair: HTML entity names such as `&nbsp;`
made numeric before libxml2 reads a feed) against Python's WHATWG entity table (`html.entities.html5`)
and its expat XML parser. Every HTML entity that stands for one character, in text and in attribute
values, reads back through expat as that character; over seeded generated documents (entities
known, unknown, without `;`, XML's own five, numeric, inside CDATA sections and comments, declared
entities), Herald's repaired document and the same document repaired with Python's table (limited
to the names Herald knows) parse to the same tree, or both fail to parse."""

import base64
import html.entities
import random
import re
import xml.etree.ElementTree as ET

import parser_probe

XML_OWN = {"amp;", "lt;", "gt;", "quot;", "apos;"}
SINGLE = {name: value for name, value in html.entities.html5.items()
          if name.endswith(";") and len(value) == 1 and name not in XML_OWN}


def repaired(documents):
    answers = parser_probe.run("xml-entity-repair", [d.encode() for d in documents])
    return [base64.b64decode(a).decode("utf-8", "replace") for a in answers]


def tree(document):
    """Text, attributes, CDATA and comments of the document as expat reads it; None when it is not XML."""
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    try:
        parser.feed(document)
        root = parser.close()
    except ET.ParseError:
        return None
    return [(str(e.tag), sorted(e.attrib.items()), e.text, e.tail) for e in root.iter()]


def python_repair(document, table):
    """The rule, applied with Python's table: outside CDATA and comments, `&name;` for an HTML-only
    entity with one character becomes its numeric reference; nothing changes when entities are declared."""
    if "<!ENTITY" in document:
        return document
    pieces = re.split(r"(<!\[CDATA\[.*?(?:\]\]>|$)|<!--.*?(?:-->|$))", document, flags=re.S)
    def one(match):
        name = match.group(1) + ";"
        return f"&#{ord(SINGLE[name])};" if name in table else match.group(0)
    return "".join(p if p.startswith(("<![CDATA[", "<!--")) else re.sub(r"&([A-Za-z0-9]{1,32});", one, p)
                   for p in pieces)


def herald_table():
    """The WHATWG single-character entities Herald repairs, each checked against Python's table on
    the way: a repaired reference reads back through expat as Python's character, in text and in an
    attribute value; one Herald does not know is left byte for byte as it was ("anything unknown
    untouched"; Herald's table is a subset, see HTMLEntityTable)."""
    names = sorted(SINGLE)
    documents = [f'<r a="x&{name}y">p&{name}q</r>' for name in names]
    known, failures = set(), []
    for name, original, document in zip(names, documents, repaired(documents)):
        if document == original:
            continue
        known.add(name)
        try:
            root = ET.fromstring(document)
        except ET.ParseError as error:
            failures.append(f"&{name} -> {document!r}: {error}")
            continue
        if root.text != "p" + SINGLE[name] + "q" or root.get("a") != "x" + SINGLE[name] + "y":
            failures.append(f"&{name} -> {root.text!r} / {root.get('a')!r}, Python: {SINGLE[name]!r}")
    assert not failures, f"{len(failures)} of {len(known)}: " + "; ".join(failures[:10])
    return known


def test_every_repaired_entity_reads_back_as_pythons_character():
    known = herald_table()
    # HTML 4's 252 entities (all single characters) are among them, and more from HTML 5.
    html4 = {name + ";" for name in html.entities.name2codepoint} - XML_OWN
    assert html4 <= known and len(known) > len(html4), sorted(html4 - known)[:10]


def generated(count, seed=14):
    rng = random.Random(seed)
    entities = ["&nbsp;", "&mdash;", "&eacute;", "&amp;", "&lt;", "&quot;", "&unknownname;", "&nbsp", "&#160;",
                "&#x2014;", "&;", "& ", "&NotANumber;", "&hellip;", "&ThickSpace;", "&copy;", "&COPY;"]
    pieces = ["text", " ", "<b>", "</b>", "<![CDATA[", "]]>", "<!--", "-->", "\u00e9", "x" * 40]
    # Complete constructs, so that about half of the documents are well-formed once repaired.
    whole = ["text", "&nbsp;", "&mdash;", "&amp;", "&#160;", "&#x2014;", "<b>x&eacute;</b>", "\u00e9",
             "<![CDATA[&nbsp; &bogus; <not markup> &amp;]]>", "<!-- &mdash; &nbsp -->", "&hellip;", "&copy;"]
    documents = []
    for number in range(count):
        if number % 2:
            body = "".join(rng.choice(whole) for _ in range(rng.randint(1, 12)))
        else:
            body = "".join(rng.choice(entities) if rng.random() < 0.5 else rng.choice(pieces)
                           for _ in range(rng.randint(1, 16)))
        attribute = "".join(rng.choice(entities[:6] if number % 2 else entities) for _ in range(rng.randint(0, 3)))
        document = f'<feed><item title="{attribute}">{body}</item></feed>'
        if number % 25 == 0:
            document = '<!DOCTYPE feed [<!ENTITY nbsp "&#160;">]>' + document
        documents.append(document)
    return documents


def test_repaired_documents_parse_like_pythons_repair():
    table = herald_table()
    documents = generated(3000)
    parsed, mismatches = 0, []
    for document, mine in zip(documents, repaired(documents)):
        theirs = python_repair(document, table)
        expected = tree(theirs)
        parsed += expected is not None
        if tree(mine) != expected:
            mismatches.append(f"{document!r}\nHerald: {mine!r}\nPython: {theirs!r}")
    assert not mismatches, f"{len(mismatches)} differ:\n" + "\n\n".join(mismatches[:3])
    assert parsed >= 1000, parsed
