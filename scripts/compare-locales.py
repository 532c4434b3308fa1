#!/usr/bin/env python3
"""Plant each defect of tests/fixtures/defects.json in a copy of the project, run
Mozilla's compare-locales and `policyglot check` on it, and show whether policyglot
reports everything compare-locales reports (same file and line, or same message id).

Usage: python3 scripts/compare-locales.py [path/to/policyglot]   (writes a Markdown table)
Needs network once: it installs compare-locales==9.0.5 into target/compare-locales-venv.
"""
import json, os, re, shutil, subprocess, sys, tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(REPO, "target", "compare-locales-venv")
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "target", "release", "policyglot")
L10N_TOML = 'basepath = "."\nlocales = ["fr", "de"]\n[[paths]]\nreference = "locales/en/**"\nl10n = "locales/{locale}/**"\n'


def compare_locales():
    exe = os.path.join(VENV, "bin", "compare-locales")
    if not os.path.exists(exe):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "-q", "compare-locales==9.0.5"], check=True)
    return exe


def plant(root, defect):
    for e in defect["edits"]:
        path = os.path.join(root, e["file"])
        text = open(path, encoding="utf-8").read()
        if "append" in e:
            text += e["append"]
        elif "delete_line" in e:
            text = "".join(l for l in text.splitlines(True) if not l.startswith(e["delete_line"]))
        else:
            assert text.count(e["find"]) == 1, e
            text = text.replace(e["find"], e["replace"])
        open(path, "w", encoding="utf-8").write(text)


def cl_findings(exe, root):
    open(os.path.join(root, "l10n.toml"), "w").write(L10N_TOML)
    out = subprocess.run([exe, "--json", "-", "l10n.toml", "."], cwd=root, capture_output=True, text=True).stdout
    found = []

    # compare-locales nests its details by shared path prefixes: walk down to the lists.
    def walk(node, path):
        if isinstance(node, list):
            for item in node:
                for kind, text in item.items():
                    m = re.search(r"line (\d+)", text) if kind in ("error", "warning") else None
                    found.append({"kind": kind, "file": path, "text": text, "line": int(m.group(1)) if m else None})
        else:
            for key, child in node.items():
                walk(child, f"{path}/{key}" if path else key)

    for block in json.loads(out):
        walk(block["details"], "")
    return found


def pg_findings(root):
    out = subprocess.run([BIN, "--root", root, "check", "--format", "json", "--strict"], capture_output=True, text=True).stdout
    return json.loads(out)["findings"]


def covered(c, pg):
    locale = c["file"].split("/")[1]
    for f in pg:
        if c["kind"] == "missingEntity" and f["class"] == "missing-message" and f"`{c['text']}`" in f["message"] and f"`{locale}`" in f["message"]:
            return f
        if c["kind"] == "obsoleteEntity" and f["class"] == "obsolete-message" and f"`{c['text']}`" in f["message"]:
            return f
        if c["line"] is not None and f["file"] == c["file"] and f["line"] == c["line"]:
            return f
        if c["line"] is None and c["kind"] in ("error", "warning") and f["file"] == c["file"] and any(
            f"`{w}`" in f["message"] for w in re.findall(r"[\w-]+", c["text"])
        ):
            return f
    return None


def main():
    exe = compare_locales()
    defects = json.load(open(os.path.join(REPO, "tests", "fixtures", "defects.json"), encoding="utf-8"))
    print("| planted defect | compare-locales reports | policyglot reports (same place) | policyglot only |")
    print("|---|---|---|---|")
    missed = 0
    for d in defects:
        with tempfile.TemporaryDirectory() as root:
            for part in ("policy", "locales", "templates"):
                shutil.copytree(os.path.join(REPO, part), os.path.join(root, part))
            plant(root, d)
            cl = cl_findings(exe, root)
            pg = pg_findings(root)
            rows = []
            for c in cl:
                f = covered(c, pg)
                missed += f is None
                where = f"{c['file']}:{c['line']}" if c["line"] else c["file"]
                rows.append(f"{c['kind']} {where} → " + (f"{f['code']} {f['file']}:{f['line']}" if f else "**MISSED**"))
            only = sorted({f"{f['code']} {f['file']}:{f['line']}" for f in pg} - {r.split('→ ')[-1] for r in rows})
            print(f"| {d['class']} ({d['code']}) | {'<br>'.join(c['kind'] + ': ' + c['text'].replace('|', '/') for c in cl) or '—'} | "
                  f"{'<br>'.join(rows) or '—'} | {'<br>'.join(o for o in only) or '—'} |")
    print(f"\ncompare-locales findings that policyglot missed: {missed}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
