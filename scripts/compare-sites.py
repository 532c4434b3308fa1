#!/usr/bin/env python3
"""Compares two built sites as readers and links see them: per page, the visible text
(whitespace folded), every element id, and every link target. Prints what differs and
exits 1 when anything does. Usage: scripts/compare-sites.py BEFORE/ AFTER/"""
import sys
from html.parser import HTMLParser
from pathlib import Path


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.ids, self.links, self.skip = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self.skip += 1
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


def read(path):
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(page.text).split()), page.ids, page.links


def main(before, after):
    before, after = Path(before), Path(after)
    pages = lambda root: {p.relative_to(root) for p in root.rglob("*.html")}
    differ = 0
    for rel in sorted(pages(before) | pages(after)):
        if not (before / rel).exists() or not (after / rel).exists():
            print(f"{rel}: only in {'after' if (after / rel).exists() else 'before'}")
            differ += 1
            continue
        a, b = read(before / rel), read(after / rel)
        for what, x, y in zip(("text", "ids", "links"), a, b):
            if x != y:
                differ += 1
                print(f"{rel}: {what} differ")
                if what == "text":
                    import difflib
                    for line in difflib.unified_diff(x.split(". "), y.split(". "), lineterm="", n=0):
                        print("   ", line)
                else:
                    print("    before:", [i for i in x if i not in y])
                    print("    after: ", [i for i in y if i not in x])
    print(f"{differ} difference(s) over {len(pages(before) | pages(after))} pages")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
