#!/usr/bin/env python3
# Checks the translations against the sources and prints TAP:
#
#   - every file under src/ and data/ that marks strings for translation
#     (_(), N_(), C_(), NC_(), g_d*gettext(), ngettext(), translatable="yes",
#     a GSettings schema, a .desktop.in or .metainfo.xml.in) is listed in
#     po/POTFILES.in, and every listed file exists, sorted and listed once;
#   - po/LINGUAS and the po/*.po files name the same languages;
#   - for each language: `msgfmt --check` accepts the catalog, which has no
#     fuzzy and no untranslated message, a Plural-Forms header, and keeps each
#     message's rule IDs (VM-6, EL-T3, Q-4...), leading and trailing spaces
#     and mnemonic (a "_" before a letter);
#   - the catalog holds every message the sources mark today (xgettext);
#   - no marked C string is cut short by a G_GINT64_FORMAT-style macro, which
#     xgettext cannot expand: it extracts the text up to the macro, so the
#     message that runs is never found in any catalog.
#     Strings are added faster than they are translated, so these last two are
#     advisory: a finding is reported as a skipped test point naming the
#     messages, the places and what to do; PRICEBOOK_PO_STRICT=1 in the
#     environment makes it a failure.
#
# Usage: check-translations.py [--msgfmt PATH] [--xgettext PATH] SOURCE_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import os
import pathlib
import re
import subprocess
import sys
import tempfile

# pb_translate, pb_ntranslate and pb_ptranslate count as markers where they are called, not
# where pb-translation.h declares them.
MARKERS = re.compile(r'(?:^|[^A-Za-z0-9_])(?:N?C?_|g_dc?n?p?gettext2?|ngettext)\s*\('
                     r'|(?:^|[^A-Za-z0-9_])pb_[np]?translate\s*\((?!const |\))'
                     r'|translatable\s*=\s*"yes"', re.M)
ALWAYS_TRANSLATED = ("*.gschema.xml", "*.desktop.in", "*.metainfo.xml.in", "*.appdata.xml.in")
SCANNED_DIRS = ("src", "data")
RULE_ID = re.compile(r"\b(?:VM|EL|Q)-T?\d+\b")
# A marked string literal continued by a GLib format macro: _("%" G_GINT64_FORMAT " minutes").
MACRO_IN_MESSAGE = re.compile(r'(?:^|[^A-Za-z0-9_])(?:N?C?_|g_dc?n?p?gettext2?|ngettext|pb_[np]?translate)\s*\('
                              r'(?:\s*[A-Z_]+\s*,)?(?:\s*"(?:[^"\\\n]|\\.)*"|\s*PRI[a-zA-Z0-9]+)*'
                              r'\s*G_G[A-Z0-9]+_(?:FORMAT|MODIFIER)\b')
MNEMONIC = re.compile(r"(?:^|(?<=[^A-Za-z0-9_]))_(?=[A-Za-z0-9])")
UPDATE_COMMANDS = ("meson compile -C BUILD pricebook-pot && meson compile -C BUILD pricebook-update-po "
                   "&& msgattrib --no-obsolete -o po/zh_CN.po po/zh_CN.po, then translate the new "
                   "messages in po/zh_CN.po")

# The keywords of meson's i18n.gettext(preset: 'glib'), and the two that
# po/meson.build adds for messages in a document's language.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3", "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--keyword=pb_translate:2", "--keyword=pb_ntranslate:2,3", "--keyword=pb_ptranslate:2c,3",
]


class Entry:
    """One message of a PO file."""

    def __init__(self):
        self.flags = set()
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = {}          # index (0 for a singular message) -> text
        self.obsolete = False
        self.line = 0

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    def label(self):
        text = self.msgid if len(self.msgid) <= 60 else self.msgid[:57] + "..."
        context = f"[{self.msgctxt}] " if self.msgctxt else ""
        return f"line {self.line}: {context}{text!r}"


def unquote(text, where):
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"{where}: expected a quoted string, got {text!r}")
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r", "a": "\a", "b": "\b",
               "f": "\f", "v": "\v"}
    out = []
    body = text[1:-1]
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], "\\" + body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_po(path):
    """Returns the entries of a PO or POT file, header included (msgid "")."""
    entries = []
    entry = Entry()
    field = None
    started = False

    def flush():
        nonlocal entry, field, started
        if started:
            if entry.msgid is None:
                raise ValueError(f"{path}:{entry.line}: an entry without msgid")
            entries.append(entry)
        entry = Entry()
        field = None
        started = False

    lines = pathlib.Path(path).read_text(encoding="utf-8").splitlines()
    for number, raw in enumerate(lines, 1):
        where = f"{path}:{number}"
        line = raw.strip()
        if line.startswith("#~"):
            if started and not entry.obsolete:
                flush()
            entry.obsolete = True
            line = line[2:].strip()
            if not line or line.startswith("#"):
                continue
        elif line.startswith("#"):
            if started and field is not None and field != "comment":
                flush()
            field = "comment"
            if line.startswith("#,"):
                entry.flags.update(f.strip() for f in line[2:].split(",") if f.strip())
            continue
        if not line:
            flush()
            continue
        match = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)$", line)
        if match:
            keyword, index, rest = match.groups()
            if keyword in ("msgctxt", "msgid") and started and field not in (None, "comment", ("msgctxt", None)):
                flush()
            if not started:
                entry.line = number
            started = True
            value = unquote(rest, where)
            if keyword == "msgctxt":
                entry.msgctxt = value
                field = ("msgctxt", None)
            elif keyword == "msgid":
                entry.msgid = value
                field = ("msgid", None)
            elif keyword == "msgid_plural":
                entry.msgid_plural = value
                field = ("msgid_plural", None)
            else:
                slot = int(index) if index is not None else 0
                entry.msgstr[slot] = value
                field = ("msgstr", slot)
            continue
        if line.startswith('"') and isinstance(field, tuple):
            value = unquote(line, where)
            kind, slot = field
            if kind == "msgstr":
                entry.msgstr[slot] += value
            else:
                setattr(entry, kind, getattr(entry, kind) + value)
            continue
        raise ValueError(f"{where}: cannot read {raw!r}")
    flush()
    return entries


def header_fields(entries):
    for entry in entries:
        if entry.msgid == "" and entry.msgctxt is None and not entry.obsolete:
            fields = {}
            for line in entry.msgstr.get(0, "").splitlines():
                name, _, value = line.partition(":")
                fields[name.strip()] = value.strip()
            return fields
    return None


def messages(entries):
    return [e for e in entries if not e.obsolete and not (e.msgid == "" and e.msgctxt is None)]


class Tap:
    def __init__(self):
        self.number = 0
        self.failed = 0

    def check(self, name, problems, advisory=None):
        """An advisory check that finds problems is reported as skipped (not
        as a TAP TODO, which tools/test-summary.py would count as failed)."""
        self.number += 1
        if not problems:
            print(f"ok {self.number} {name}")
            return
        if advisory:
            print(f"ok {self.number} {name} # SKIP {advisory} (PRICEBOOK_PO_STRICT=1 makes this a failure)")
        else:
            self.failed += 1
            print(f"not ok {self.number} {name}")
        for problem in problems:
            print(f"# {problem}")


def marked_sources(root):
    """Files under src/ and data/ that hold translatable strings."""
    found = set()
    for top in SCANNED_DIRS:
        for path in sorted((root / top).rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(root).as_posix()
            if any(path.match(pattern) for pattern in ALWAYS_TRANSLATED):
                found.add(relative)
                continue
            data = path.read_bytes()
            if b"\0" in data[:8192]:
                continue          # an image or another binary file
            if MARKERS.search(data.decode("utf-8", errors="replace")):
                found.add(relative)
    return found


def read_potfiles(root):
    names = []
    for line in (root / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names.append(line)
    return names


def check_potfiles(tap, root):
    listed = read_potfiles(root)
    missing = sorted(marked_sources(root) - set(listed))
    tap.check("POTFILES.in lists every source under src/ and data/ with translatable strings",
              [f"{name} marks strings for translation but is not in po/POTFILES.in" for name in missing])
    problems = [f"po/POTFILES.in lists {name}, which does not exist"
                for name in listed if not (root / name).is_file()]
    problems += [f"po/POTFILES.in lists {name} more than once"
                 for name in sorted({n for n in listed if listed.count(n) > 1})]
    if listed != sorted(listed):
        problems.append("po/POTFILES.in is not sorted")
    tap.check("POTFILES.in lists existing files, sorted, once each", problems)
    return listed


def read_linguas(root):
    languages = []
    for line in (root / "po" / "LINGUAS").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        languages.extend(line.split())
    return languages


def check_linguas(tap, root):
    languages = read_linguas(root)
    files = sorted(p.stem for p in (root / "po").glob("*.po"))
    problems = [f"po/LINGUAS names {lang}, but po/{lang}.po does not exist"
                for lang in languages if lang not in files]
    problems += [f"po/{lang}.po exists, but po/LINGUAS does not name {lang}"
                 for lang in files if lang not in languages]
    if not languages:
        problems.append("po/LINGUAS names no language")
    tap.check("LINGUAS and the .po files agree", problems)
    return [lang for lang in languages if lang in files]


def run_msgfmt(msgfmt, po):
    env = dict(os.environ, LC_ALL="C", LANGUAGE="C")
    return subprocess.run([msgfmt, "--check", "--statistics", "-o", os.devnull, str(po)],
                          capture_output=True, text=True, env=env)


def text_problems(entry, text, slot):
    problems = []
    which = "msgstr" if entry.msgid_plural is None else f"msgstr[{slot}]"
    source = entry.msgid if slot == 0 or entry.msgid_plural is None else entry.msgid_plural
    for rule in sorted(set(RULE_ID.findall(source))):
        if rule not in text:
            problems.append(f"{entry.label()}: {which} drops the rule ID {rule}")
    lead = source[:len(source) - len(source.lstrip(" "))]
    trail = source[len(source.rstrip(" ")):]
    if not text.startswith(lead) or text[len(lead):len(lead) + 1] == " ":
        problems.append(f"{entry.label()}: {which} must start with exactly {len(lead)} space(s)")
    if not text.endswith(trail) or text[:len(text) - len(trail)][-1:] == " ":
        problems.append(f"{entry.label()}: {which} must end with exactly {len(trail)} space(s)")
    if len(MNEMONIC.findall(source)) == 1 and not re.search(r"_[^\s_]", text):
        problems.append(f"{entry.label()}: {which} lost the mnemonic (“_” before a character)")
    return problems


def check_language(tap, root, lang, msgfmt):
    po = root / "po" / f"{lang}.po"
    result = run_msgfmt(msgfmt, po)
    report = (result.stdout + result.stderr).strip()
    problems = [] if result.returncode == 0 else report.splitlines() or [f"msgfmt exited {result.returncode}"]
    if result.returncode == 0 and re.search(r"\b(fuzzy|untranslated)\b", report):
        problems.append(f"msgfmt --statistics: {report}")
    tap.check(f"{lang}.po: msgfmt --check --statistics accepts it, nothing fuzzy or untranslated",
              problems)

    try:
        entries = parse_po(po)
    except ValueError as error:
        tap.check(f"{lang}.po: readable", [str(error)])
        return None
    header = header_fields(entries) or {}
    problems = []
    if "Plural-Forms" not in header:
        problems.append("the header has no Plural-Forms")
    if header.get("Language") != lang:
        problems.append(f"the header says Language: {header.get('Language')!r}, not {lang!r}")
    if "UTF-8" not in header.get("Content-Type", ""):
        problems.append("the catalog is not declared UTF-8")
    if lang == "zh_CN" and header.get("Plural-Forms", "").replace(" ", "") != "nplurals=1;plural=0;":
        problems.append(f"zh_CN has one plural form (nplurals=1; plural=0;), not {header.get('Plural-Forms')!r}")
    tap.check(f"{lang}.po: header", problems)

    active = messages(entries)
    fuzzy = [f"{e.label()} is fuzzy" for e in active if "fuzzy" in e.flags]
    empty = [f"{e.label()} is not translated" for e in active
             if not e.msgstr or any(not text for text in e.msgstr.values())]
    tap.check(f"{lang}.po: {len(active)} messages, none fuzzy, none untranslated", fuzzy + empty)

    problems = []
    for entry in active:
        for slot, text in sorted(entry.msgstr.items()):
            if text:
                problems.extend(text_problems(entry, text, slot))
    tap.check(f"{lang}.po: rule IDs, leading and trailing spaces and mnemonics kept", problems)
    return {e.key for e in active}


def extract(root, listed, xgettext):
    with tempfile.TemporaryDirectory() as tmp:
        pot = pathlib.Path(tmp) / "current.pot"
        result = subprocess.run([xgettext, *XGETTEXT_ARGS, "--directory", str(root), "--output", str(pot),
                                 "--package-name=pricebook", *listed],
                                capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
        if result.returncode != 0:
            raise RuntimeError(result.stderr.strip() or f"xgettext exited {result.returncode}")
        return messages(parse_po(pot)) if pot.exists() else []


def check_sync(tap, root, listed, catalogs, xgettext):
    strict = os.environ.get("PRICEBOOK_PO_STRICT", "") not in ("", "0")
    try:
        current = extract(root, [n for n in listed if (root / n).is_file()], xgettext)
    except (RuntimeError, ValueError, OSError) as error:
        tap.check("the sources' messages can be extracted with xgettext", [str(error)])
        return
    for lang, keys in catalogs.items():
        new = [e for e in current if e.key not in keys]
        problems = [f"new in the sources: {e.label().split(': ', 1)[1]}" for e in new]
        if new:
            problems.append(f"to translate them: {UPDATE_COMMANDS}")
        tap.check(f"{lang}.po holds all {len(current)} messages the sources mark", problems,
                  advisory=None if strict else f"{len(new)} new messages to translate")


def check_macros(tap, root, listed):
    strict = os.environ.get("PRICEBOOK_PO_STRICT", "") not in ("", "0")
    problems = []
    for name in listed:
        if not name.endswith((".c", ".h")) or not (root / name).is_file():
            continue
        text = (root / name).read_text(encoding="utf-8", errors="replace")
        for match in MACRO_IN_MESSAGE.finditer(text):
            line = text.count("\n", 0, match.start() + 1) + 1
            problems.append(f"{name}:{line}: a translatable string continues with a G_*_FORMAT macro")
    count = len(problems)
    if problems:
        problems.append("xgettext extracts only the text before the macro, so these messages are never "
                        "translated: format the number into a string first, or use <inttypes.h>'s "
                        "PRId64, which xgettext and gettext understand")
    tap.check("no translatable C string is cut short by a GLib format macro", problems,
              advisory=None if strict else f"{count} messages never translated")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--msgfmt", default="msgfmt")
    parser.add_argument("--xgettext", default="xgettext")
    parser.add_argument("root", nargs="?", default=str(pathlib.Path(__file__).resolve().parent.parent))
    args = parser.parse_args()
    root = pathlib.Path(args.root)

    tap = Tap()
    listed = check_potfiles(tap, root)
    languages = check_linguas(tap, root)
    catalogs = {}
    for lang in languages:
        keys = check_language(tap, root, lang, args.msgfmt)
        if keys is not None:
            catalogs[lang] = keys
    check_sync(tap, root, listed, catalogs, args.xgettext)
    check_macros(tap, root, listed)
    print(f"1..{tap.number}")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
