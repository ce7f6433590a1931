#!/usr/bin/env python3
# Checks that the files which put Pricebook on a desktop agree with each
# other and with the build, and prints TAP.  One mode per test:
#
#   mime APP_ID MIME_XML DESKTOP_FILE
#       the shared-mime-info XML is well formed (xmllint), compiles with
#       update-mime-database without a complaint, declares the globs of the
#       two file formats, and declares exactly the types the desktop entry
#       opens;
#   metainfo APP_ID VERSION METAINFO DESKTOP_FILE MIME_XML SCREENSHOT_DIR
#       the metainfo launches the desktop entry, provides the binaries it
#       starts and the types it opens, shows screenshots that exist in the
#       source tree at their true size, and lists the project's version as
#       its newest release;
#   flatpak APP_ID MANIFEST DESKTOP_FILE
#       flatpak-builder reads the manifest without a warning; the manifest
#       names the app id and the command of the desktop entry, the GNOME
#       runtime, builds the local tree with meson, runs the tests and asks
#       for no more than a GTK window needs.
#
# A tool that is not installed skips the points that need it, naming its
# Debian package; everything else needs only Python.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import pathlib
import re
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SCREENSHOT_BASE = "https://raw.githubusercontent.com/pricebook/pricebook/main/data/screenshots/"
# What a GTK 4 window needs, and all a sandboxed Pricebook may ask for: files
# come and go through the document portal, so no --filesystem at all.
FINISH_ARGS_REQUIRED = {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"}
FINISH_ARGS_ALLOWED = FINISH_ARGS_REQUIRED


class Tap:
    def __init__(self):
        self.number = 0
        self.failed = 0

    def check(self, name, problems):
        self.number += 1
        if problems:
            self.failed += 1
            print(f"not ok {self.number} {name}")
            for problem in problems:
                print(f"# {problem}")
        else:
            print(f"ok {self.number} {name}")

    def skip(self, name, why):
        self.number += 1
        print(f"ok {self.number} {name} # SKIP {why}")

    def finish(self):
        print(f"1..{self.number}")
        return 1 if self.failed else 0


def desktop_entry(path):
    """The keys of the [Desktop Entry] group."""
    keys = {}
    group = None
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            group = line.strip("[]")
            continue
        if group == "Desktop Entry" and "=" in line:
            key, _, value = line.partition("=")
            keys[key.strip()] = value.strip()
    return keys


def desktop_command(keys):
    """The program the desktop entry starts (Exec without its field codes)."""
    words = [w for w in shlex.split(keys.get("Exec", "")) if not w.startswith("%")]
    return words[0] if words else None


def desktop_mime_types(keys):
    return sorted(t for t in keys.get("MimeType", "").split(";") if t)


def mime_xml_types(path):
    root = ET.parse(path).getroot()
    return {t.get("type"): [g.get("pattern") for g in t.findall(MIME_NS + "glob")]
            for t in root.findall(MIME_NS + "mime-type")}


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def check_mime(tap, app_id, mime_xml, desktop_file):
    xmllint = shutil.which("xmllint")
    if xmllint:
        run = subprocess.run([xmllint, "--noout", mime_xml], capture_output=True, text=True)
        tap.check("the MIME XML is well formed (xmllint)",
                  [] if run.returncode == 0 and not run.stderr else [run.stderr.strip() or
                                                                     f"xmllint exited {run.returncode}"])
    else:
        tap.skip("the MIME XML is well formed (xmllint)",
                 "xmllint is not installed (Debian package: libxml2-utils)")

    try:
        types = mime_xml_types(mime_xml)
        problems = [] if types else ["no <mime-type> in the shared-mime-info namespace"]
    except ET.ParseError as e:
        types = {}
        problems = [f"{mime_xml}: {e}"]
    tap.check("the MIME XML declares types", problems)

    update = shutil.which("update-mime-database")
    if update:
        with tempfile.TemporaryDirectory() as tmp:
            packages = pathlib.Path(tmp, "mime", "packages")
            packages.mkdir(parents=True)
            shutil.copy(mime_xml, packages / (app_id + ".xml"))
            env = dict(os.environ, XDG_DATA_DIRS=tmp, XDG_DATA_HOME=tmp)
            run = subprocess.run([update, str(packages.parent)], capture_output=True, text=True, env=env)
            problems = []
            if run.returncode != 0 or run.stderr.strip():
                problems.append(f"update-mime-database exited {run.returncode}: {run.stderr.strip()}")
            globs = pathlib.Path(packages.parent, "globs2")
            compiled = set()
            if globs.exists():
                for line in globs.read_text(encoding="utf-8").splitlines():
                    if not line.startswith("#") and line.count(":") >= 2:
                        _, mime_type, pattern = line.split(":", 2)
                        compiled.add((mime_type, pattern.split(":")[0]))
            for mime_type, patterns in types.items():
                for pattern in patterns:
                    if (mime_type, pattern) not in compiled:
                        problems.append(f"{pattern} is not typed {mime_type} once compiled")
            tap.check("update-mime-database compiles the MIME XML without a complaint", problems)
    else:
        tap.skip("update-mime-database compiles the MIME XML without a complaint",
                 "update-mime-database is not installed (Debian package: shared-mime-info)")

    problems = []
    patterns = {p for ps in types.values() for p in ps}
    for wanted in ("*.pricebook", "*.pbscenario"):
        if wanted not in patterns:
            problems.append(f"no MIME type has the glob {wanted}")
    tap.check("the quote and scenario files have a MIME type each", problems)

    opened = desktop_mime_types(desktop_entry(desktop_file))
    problems = []
    if opened != sorted(types):
        problems.append(f"the desktop entry opens {opened}, the MIME XML declares {sorted(types)}")
    tap.check("the desktop entry opens exactly the declared MIME types", problems)


def check_metainfo(tap, app_id, version, metainfo, desktop_file, mime_xml, screenshot_dir):
    root = ET.parse(metainfo).getroot()
    keys = desktop_entry(desktop_file)

    problems = []
    if root.get("type") != "desktop-application":
        problems.append(f"component type is {root.get('type')!r}, not desktop-application")
    if root.findtext("id") != app_id:
        problems.append(f"id is {root.findtext('id')!r}, not {app_id!r}")
    tap.check("the component is the desktop application " + app_id, problems)

    launchables = [(l.get("type"), l.text) for l in root.findall("launchable")]
    tap.check("it launches the desktop entry",
              [] if launchables == [("desktop-id", pathlib.Path(desktop_file).name)]
              else [f"launchables {launchables}, desktop entry {pathlib.Path(desktop_file).name}"])

    binaries = [b.text for b in root.findall("provides/binary")]
    command = desktop_command(keys)
    problems = []
    if command not in binaries:
        problems.append(f"the desktop entry starts {command!r}, the metainfo provides {binaries}")
    if not any(b != command for b in binaries):
        problems.append(f"the command-line tool is not among the binaries {binaries}")
    tap.check("it provides the window's binary and the command-line tool", problems)

    mediatypes = sorted(m.text for m in root.findall("provides/mediatype"))
    declared = sorted(mime_xml_types(mime_xml))
    tap.check("it provides the MIME types the MIME XML declares",
              [] if mediatypes == declared else [f"metainfo {mediatypes}, MIME XML {declared}"])

    problems = []
    screenshots = root.findall("screenshots/screenshot")
    if not screenshots:
        problems.append("no screenshot")
    if sum(1 for s in screenshots if s.get("type") == "default") != 1:
        problems.append("not exactly one default screenshot")
    for shot in screenshots:
        caption = shot.findtext("caption")
        if not caption or not caption.strip():
            problems.append("a screenshot without a caption")
        for image in shot.findall("image"):
            url = (image.text or "").strip()
            if not url.startswith(SCREENSHOT_BASE):
                problems.append(f"{url!r} is not under {SCREENSHOT_BASE}")
                continue
            name = url[len(SCREENSHOT_BASE):]
            path = pathlib.Path(screenshot_dir, name)
            if "/" in name or not path.is_file():
                problems.append(f"{url}: no {name} in data/screenshots/")
                continue
            size = png_size(path)
            stated = (int(image.get("width", "0")), int(image.get("height", "0")))
            if size is None:
                problems.append(f"{name} is not a PNG")
            elif image.get("width") and size != stated:
                problems.append(f"{name} is {size[0]}x{size[1]}, the metainfo says {stated[0]}x{stated[1]}")
    tap.check("its screenshots exist in data/screenshots/ at the size stated", problems)

    releases = root.findall("releases/release")
    problems = []
    if not releases:
        problems.append("no release")
    else:
        if releases[0].get("version") != version:
            problems.append(f"newest release {releases[0].get('version')!r}, project version {version!r}")
        dates = [r.get("date") or "" for r in releases]
        if any(not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates):
            problems.append(f"a release without a YYYY-MM-DD date: {dates}")
        elif dates != sorted(dates, reverse=True):
            problems.append(f"releases not newest first: {dates}")
    tap.check("its newest release is the project's version", problems)

    problems = []
    if root.find("content_rating") is None:
        problems.append("no content_rating")
    if not (root.findtext("developer/name") or root.findtext("developer_name")):
        problems.append("no developer")
    if root.findtext("project_license") is None or root.findtext("metadata_license") is None:
        problems.append("no project or metadata licence")
    if root.find("description") is None:
        problems.append("no description")
    tap.check("it has a description, licences, a developer and a content rating", problems)


def check_flatpak(tap, app_id, manifest_path, desktop_file):
    builder = shutil.which("flatpak-builder")
    if builder:
        run = subprocess.run([builder, "--show-manifest", manifest_path], capture_output=True, text=True)
        problems = []
        if run.returncode != 0:
            problems.append(f"flatpak-builder exited {run.returncode}")
        if run.stderr.strip():
            problems.append(f"flatpak-builder said: {run.stderr.strip()}")
        tap.check("flatpak-builder --show-manifest reads it without a warning", problems)
    else:
        tap.skip("flatpak-builder --show-manifest reads it without a warning",
                 "flatpak-builder is not installed (Debian package: flatpak-builder)")

    try:
        manifest = json.loads(pathlib.Path(manifest_path).read_text(encoding="utf-8"))
        problems = []
    except (ValueError, OSError) as e:
        manifest = {}
        problems = [f"{manifest_path}: {e}"]
    tap.check("it is JSON", problems)

    problems = []
    if manifest.get("id", manifest.get("app-id")) != app_id:
        problems.append(f"id {manifest.get('id')!r}, app id {app_id!r}")
    command = desktop_command(desktop_entry(desktop_file))
    if manifest.get("command") != command:
        problems.append(f"command {manifest.get('command')!r}, the desktop entry starts {command!r}")
    tap.check("it names the app id and the desktop entry's command", problems)

    problems = []
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problems.append(f"runtime {manifest.get('runtime')!r}, sdk {manifest.get('sdk')!r}")
    if not re.fullmatch(r"[4-9][0-9]", str(manifest.get("runtime-version", ""))):
        problems.append(f"runtime-version {manifest.get('runtime-version')!r} is not a GNOME release (47, 48...)")
    tap.check("it runs on a GNOME runtime", problems)

    problems = []
    modules = manifest.get("modules", [])
    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    if app.get("name") != "pricebook":
        problems.append(f"the last module is {app.get('name')!r}, not pricebook")
    if app.get("buildsystem") != "meson":
        problems.append(f"buildsystem {app.get('buildsystem')!r}")
    if app.get("run-tests") is not True:
        problems.append("run-tests is not true")
    sources = app.get("sources", [])
    here = pathlib.Path(manifest_path).resolve().parent
    if not any(s.get("type") == "dir" and (here / s.get("path", "")).resolve() == here.parent
               for s in sources):
        problems.append(f"no source of type dir naming the project's tree: {sources}")
    tap.check("it builds the local tree with meson and runs the tests", problems)

    finish = manifest.get("finish-args", [])
    problems = []
    missing = FINISH_ARGS_REQUIRED - set(finish)
    extra = [a for a in finish if a not in FINISH_ARGS_ALLOWED]
    if missing:
        problems.append(f"missing {sorted(missing)}")
    if extra:
        problems.append(f"more than a window needs: {extra} (files go through the document portal)")
    if len(finish) != len(set(finish)):
        problems.append("a finish-arg is repeated")
    tap.check("its finish-args are the narrowest that work", problems)


def main(argv):
    tap = Tap()
    mode, args = argv[1], argv[2:]
    if mode == "mime" and len(args) == 3:
        check_mime(tap, *args)
    elif mode == "metainfo" and len(args) == 6:
        check_metainfo(tap, *args)
    elif mode == "flatpak" and len(args) == 3:
        check_flatpak(tap, *args)
    else:
        print(f"usage: {argv[0]} mime|metainfo|flatpak ARGS... (got {argv[1:]})", file=sys.stderr)
        return 2
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
