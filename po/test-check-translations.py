#!/usr/bin/env python3
# Proves that check-translations.py fails for each fault it is meant to
# catch, and passes on a sound tree: each case builds a small source tree in a
# temporary directory, breaks one thing and runs the check on it.  Prints TAP.
#
# Usage: test-check-translations.py [--msgfmt PATH] [--xgettext PATH]
#
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

CHECK = pathlib.Path(__file__).resolve().parent / "check-translations.py"

SOURCE = """static const char *label = N_("_Open");
static void f (void) { g_print (_("Bind before %s (EL-7)"), "x"); g_print ("%s", _(" or ")); }
"""
MACRO = """static void h (gint64 n) { g_print (_("%s: %" G_GINT64_FORMAT " minutes"), "x", n); }
"""
UI = """<interface domain="pricebook">
  <object class="GtkLabel"><property name="label" translatable="yes">Total</property></object>
</interface>
"""
SCHEMA = """<schemalist gettext-domain="pricebook">
  <schema id="x.y" path="/x/y/"><key name="k" type="b"><default>false</default>
    <summary>Window width</summary></key></schema>
</schemalist>
"""
HEADER = """msgid ""
msgstr ""
"Language: zh_CN\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""
MESSAGES = {
    "_Open": "打开(_O)",
    "Bind before %s (EL-7)": "请在 %s 前绑定（EL-7）",
    " or ": " 或 ",
    "Total": "合计",
    "Window width": "窗口宽度",
}


def po_text(messages, extra="", plural_forms=None):
    body = [HEADER if plural_forms is None else HEADER.replace("nplurals=1; plural=0;", plural_forms)]
    for msgid, msgstr in messages.items():
        flag = "#, c-format\n" if "%s" in msgid else ""
        body.append(f'{flag}msgid "{msgid}"\nmsgstr "{msgstr}"\n')
    return "\n".join(body) + extra


def make_tree(root, messages=None, potfiles=None, linguas="zh_CN\n", extra_files=None, po_extra="",
              plural_forms=None):
    files = {
        "src/ui/pb-a.c": SOURCE,
        "src/ui/pb-a.ui": UI,
        "src/lib/pb-plain.c": "int pb_plain_ (void);\nint x = pb_plain_ ();\n",
        "data/x.gschema.xml": SCHEMA,
        "data/image.png": b"\x89PNG\r\n\x1a\n\0\0_(\"binary\")",
        "po/POTFILES.in": potfiles if potfiles is not None else
        "# comment\ndata/x.gschema.xml\nsrc/ui/pb-a.c\nsrc/ui/pb-a.ui\n",
        "po/LINGUAS": linguas,
        "po/zh_CN.po": po_text(MESSAGES if messages is None else messages, po_extra, plural_forms),
    }
    files.update(extra_files or {})
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def run_check(root, args, strict=False):
    env = dict(os.environ)
    env.pop("PRICEBOOK_PO_STRICT", None)
    if strict:
        env["PRICEBOOK_PO_STRICT"] = "1"
    return subprocess.run([sys.executable, str(CHECK), "--msgfmt", args.msgfmt, "--xgettext", args.xgettext,
                           str(root)], capture_output=True, text=True, env=env)


def with_message(msgid, msgstr):
    messages = dict(MESSAGES)
    messages[msgid] = msgstr
    return messages


def without(msgid):
    return {k: v for k, v in MESSAGES.items() if k != msgid}


# (name, arguments of make_tree, strict, expected exit status, text the report must contain)
CASES = [
    ("a sound tree passes", {}, True, 0, "ok 8 "),
    ("a source with _() missing from POTFILES.in fails",
     {"extra_files": {"src/ui/pb-b.c": 'static void g (void) { puts (_("Save")); }\n'}}, False, 1,
     "src/ui/pb-b.c marks strings for translation"),
    ("a .ui file with translatable=\"yes\" missing from POTFILES.in fails",
     {"potfiles": "data/x.gschema.xml\nsrc/ui/pb-a.c\n"}, False, 1, "src/ui/pb-a.ui marks strings"),
    ("a GSettings schema missing from POTFILES.in fails",
     {"potfiles": "src/ui/pb-a.c\nsrc/ui/pb-a.ui\n"}, False, 1, "data/x.gschema.xml marks strings"),
    ("a listed file that does not exist fails",
     {"potfiles": "data/x.gschema.xml\nsrc/ui/gone.c\nsrc/ui/pb-a.c\nsrc/ui/pb-a.ui\n"}, False, 1,
     "src/ui/gone.c, which does not exist"),
    ("an unsorted POTFILES.in fails",
     {"potfiles": "src/ui/pb-a.c\ndata/x.gschema.xml\nsrc/ui/pb-a.ui\n"}, False, 1, "is not sorted"),
    ("an untranslated message fails", {"messages": with_message("Total", "")}, False, 1,
     "'Total' is not translated"),
    ("a fuzzy message fails", {"messages": without("Total"),
                               "po_extra": '\n#, fuzzy\nmsgid "Total"\nmsgstr "合计"\n'}, False, 1,
     "'Total' is fuzzy"),
    ("a format msgfmt --check refuses fails", {"messages": with_message("Bind before %s (EL-7)",
                                                                        "请在 %d 前绑定（EL-7）")},
     False, 1, "format specifications"),
    ("a dropped rule ID fails", {"messages": with_message("Bind before %s (EL-7)", "请在 %s 前绑定")},
     False, 1, "drops the rule ID EL-7"),
    ("a dropped leading space fails", {"messages": with_message(" or ", "或 ")}, False, 1,
     "must start with exactly 1 space"),
    ("a dropped mnemonic fails", {"messages": with_message("_Open", "打开")}, False, 1, "lost the mnemonic"),
    ("zh_CN with two plural forms fails", {"plural_forms": "nplurals=2; plural=(n != 1);"}, False, 1,
     "one plural form"),
    ("a language in LINGUAS without a .po fails", {"linguas": "zh_CN\nfr\n"}, False, 1,
     "po/fr.po does not exist"),
    ("a message new in the sources is reported, not failed", {"messages": without("Total")}, False, 0,
     "# SKIP 1 new messages"),
    ("a message new in the sources fails when strict", {"messages": without("Total")}, True, 1,
     "new in the sources: 'Total'"),
    ("a message cut short by G_GINT64_FORMAT is reported, not failed", {"extra_files": {"src/ui/pb-a.c": SOURCE + MACRO}},
     False, 0, "# SKIP 1 messages never translated"),
    ("a message cut short by G_GINT64_FORMAT fails when strict",
     {"extra_files": {"src/ui/pb-a.c": SOURCE + MACRO}}, True, 1, "src/ui/pb-a.c:3: a translatable string"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--msgfmt", default="msgfmt")
    parser.add_argument("--xgettext", default="xgettext")
    args = parser.parse_args()

    print(f"1..{len(CASES)}")
    failed = 0
    for number, (name, tree, strict, status, needle) in enumerate(CASES, 1):
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            make_tree(root, **tree)
            result = run_check(root, args, strict)
        if result.returncode == status and needle in result.stdout:
            print(f"ok {number} {name}")
        else:
            failed += 1
            print(f"not ok {number} {name}: exit {result.returncode} (wanted {status}), "
                  f"report lacks {needle!r}")
            for line in (result.stdout + result.stderr).splitlines():
                print(f"# {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
