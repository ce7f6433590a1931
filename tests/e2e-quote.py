#!/usr/bin/python3
# e2e-quote.py: drives the real Pricebook window as a user does, through its
# accessibility tree (AT-SPI), and checks what it shows against the model
# library's own answer (pricebook-cli).  Prints TAP.
#
#   e2e-quote.py PRICEBOOK PRICEBOOK-CLI SCHEMA-DIR [SECONDS]
#
# The test starts, and ends by pid, everything it needs: a private D-Bus
# session bus in a session of its own (the accessibility bus and registry
# that bus activates stay in that session, so they are found and ended
# too), and the application, on the X display it is given ($DISPLAY: the
# suite's Xvfb).  Settings are in memory and the XDG folders in a temporary
# folder.  Without AT-SPI (libatspi through GObject introspection:
# python3-gi, gir1.2-atspi-2.0, at-spi2-core) or a display the test fails:
# it never skips.  The Numbers and Months fields of an item row have no
# access key, so they are filled through AT-SPI's EditableText; the other
# fields are typed key by key after their access key (Alt+E, Alt+I) or,
# in the file chooser, where the focus already is.
#
# The path: the start page's New Quote; the customer step (name typed with
# the keyboard, enterprise on); the Voice Message step (2 numbers × 12
# months, "180,000" typed key by key into Minutes needed, Use These
# Packages); the footer's gross against `pricebook-cli quote` of the same
# quote, with the packages `pricebook-cli optimize voice` chooses; Export
# PDF… through the real file chooser; the PDF's text; closing the window.
#
# Rules proved: VM-2 (numbers × months), VM-5 and VM-6 (the cheapest
# packages covering the minutes typed, not 180 of them), Q-3 (amounts and
# total as the library prices them), Q-7 (the gross, in the footer and in
# the PDF).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import warnings

# GI marks Atspi.Action.get_action_name deprecated; its replacement,
# atspi_action_get_name, is hidden by Accessible's get_name in Python.
warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*get_action_name")

CONTROL = 1 << 2  # X's ControlMask
ALT = 1 << 3      # X's Mod1Mask

results = []


def tap(ok, what):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} {what}", flush=True)
    return ok


started = time.monotonic()


def step(what):
    """A TAP comment per step, so that a time-out says where it struck."""
    print(f"# {time.monotonic() - started:6.1f} s: {what}", flush=True)


class Failure(Exception):
    pass


class Deadline(Exception):
    pass


# ------------------------------------------------------------------ #
# Processes: each one started here is ended here, by its pid.          #

def session_members(sid):
    """The live processes of session SID (the bus's), zombies left out."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        # The command may hold spaces and parentheses: fields follow the last ')'.
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z" and int(fields[3]) == sid:
            members.append(int(entry))
    return members


def end_process(pid, grace=5.0):
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    limit = time.monotonic() + grace
    while time.monotonic() < limit:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        if os.path.exists(f"/proc/{pid}/stat"):
            with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return
        time.sleep(0.05)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Processes:
    def __init__(self):
        self.app = None
        self.bus = None

    def cleanup(self):
        if self.app is not None and self.app.poll() is None:
            end_process(self.app.pid)
            self.app.wait()
        if self.bus is not None:
            # The bus leads its own session: what it activated (the
            # accessibility bus launcher, its bus, the registry) is in it.
            members = [pid for pid in session_members(self.bus.pid) if pid != self.bus.pid]
            for pid in members:
                end_process(pid)
            if self.bus.poll() is None:
                end_process(self.bus.pid)
            self.bus.wait()
            left = session_members(self.bus.pid)
            if left:
                print(f"# still running after cleanup: {left}", flush=True)
                return False
        return True


# ------------------------------------------------------------------ #
# The accessibility tree                                               #

def spoken(name):
    """An accessible name as a screen reader says it: without the
    mnemonic's underscore, and once (GTK 4.8 appends a button's label
    text to the button's own label: "_Back Back")."""
    name = (name or "").replace("_", "")
    half = len(name) // 2
    if len(name) % 2 == 1 and name[half] == " " and name[:half] == name[half + 1:]:
        return name[:half]
    return name


class Ui:
    def __init__(self, atspi, glib, app, timeout):
        self.atspi = atspi
        self.glib = glib
        self.app = app
        self.timeout = timeout

    def wait(self, what, condition, timeout=None):
        limit = time.monotonic() + (timeout or self.timeout)
        while True:
            try:
                value = condition()
            except (self.glib.GError, Failure) as error:  # the tree changes under the search
                value = None
                last = error
            else:
                last = None
            if value:
                return value
            if time.monotonic() > limit:
                raise Failure(f"waited {timeout or self.timeout:.0f} s for {what}"
                              + (f" (last error: {last})" if last else ""))
            time.sleep(0.05)

    def search(self, root, role, name, prefix=False):
        stack = [root]
        found = []
        while stack:
            node = stack.pop()
            if node is None:
                continue
            try:
                if node.get_role_name() == role:
                    said = spoken(node.get_name())
                    if said == name or (prefix and said.startswith(name)):
                        found.append(node)
                count = node.get_child_count()
                stack.extend(node.get_child_at_index(i) for i in reversed(range(count)))
            except self.glib.GError:  # gone meanwhile
                continue
        return found

    def actions(self, node):
        Action = self.atspi.Action
        try:
            return [Action.get_action_name(node, i) for i in range(Action.get_n_actions(node))]
        except self.glib.GError:  # no Action interface
            return []

    def find(self, role, name, root=None, prefix=False, action=None, first=False):
        """The one control of ROLE named NAME (under ROOT; with ACTION),
        waited for; with FIRST, the first of several in the tree's order."""
        root = root or self.app

        def one():
            root.clear_cache()
            found = self.search(root, role, name, prefix)
            if action is not None:
                found = [node for node in found if action in self.actions(node)]
            if len(found) > 1 and not first:
                raise Failure(f"{len(found)} controls of role {role} named {name!r}")
            return found[0] if found else None

        return self.wait(f"a {role} named {name!r}", one)

    def window(self, role, name=None):
        def top():
            self.app.clear_cache()
            for i in range(self.app.get_child_count()):
                child = self.app.get_child_at_index(i)
                if child is not None and child.get_role_name() == role and \
                   (name is None or name in child.get_name()):
                    return child
            return None

        return self.wait(f"a {role} window", top)

    def act(self, node, action):
        names = self.wait(f"the action {action!r} of {node.get_name()!r}",
                          lambda: action in self.actions(node) and self.actions(node))
        self.atspi.Action.do_action(node, names.index(action))

    def has_state(self, node, state):
        node.clear_cache()
        return node.get_state_set().contains(state)

    def text(self, node):
        Text = self.atspi.Text
        return Text.get_text(node, 0, Text.get_character_count(node))

    def key(self, keysym, modifiers=0):
        Atspi = self.atspi
        if modifiers:
            Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.LOCKMODIFIERS)
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        if modifiers:
            Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.UNLOCKMODIFIERS)

    def type_into(self, field, text, access_key=None):
        """Types TEXT key by key into FIELD, reached with Alt+ACCESS_KEY
        (the field's label's mnemonic) or already focused."""
        Atspi = self.atspi
        if access_key is not None:
            self.key(ord(access_key), ALT)
        self.wait(f"the focus in {field.get_name()!r}",
                  lambda: self.has_state(field, Atspi.StateType.FOCUSED))
        self.key(ord("a"), CONTROL)
        Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)
        self.wait(f"{text!r} in {field.get_name()!r}", lambda: self.text(field) == text)


# ------------------------------------------------------------------ #
# The library's answer                                                 #

def run_cli(cli, *args):
    done = subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise Failure(f"pricebook-cli {' '.join(args)}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def display_money(decimal):
    """"19200.00" as the window and the PDF write it: "¥19,200.00"."""
    whole, fen = decimal.split(".")
    return f"¥{int(whole):,}.{fen}"


def count(text):
    return int(text.replace(",", ""))


# ------------------------------------------------------------------ #

def accessibility_bus(Gio, GLib, address):
    """The address of the accessibility bus that the session bus at
    ADDRESS starts (org.a11y.Bus: at-spi-bus-launcher, in the bus's
    session).  Given to both sides, so that neither looks for one on the
    X display, where another launcher may have left its address."""
    flags = (Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
             Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
    connection = Gio.DBusConnection.new_for_address_sync(address, flags, None, None)
    try:
        reply = connection.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                     None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE,
                                     30000, None)
    except GLib.GError as error:
        raise Failure(f"no accessibility bus ({error.message}): apt-get install at-spi2-core")
    finally:
        connection.close_sync(None)
    return reply.unpack()[0]


def start(processes, app_path, schemas, home, Gio, GLib):
    """The private bus, the accessibility bus, then the application."""
    for folder in ("data", "config", "cache", "runtime"):
        os.makedirs(os.path.join(home, folder), mode=0o700, exist_ok=True)
    env = {key: value for key, value in os.environ.items()
           if key not in ("GTK_A11Y", "NO_AT_BRIDGE", "AT_SPI_BUS_ADDRESS", "LANGUAGE",
                          "DBUS_SESSION_BUS_ADDRESS", "G_DEBUG", "GTK_DEBUG")}
    env.update(HOME=home,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               XDG_RUNTIME_DIR=os.path.join(home, "runtime"),
               GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=schemas,
               GDK_BACKEND="x11",
               GSK_RENDERER="cairo",
               GDK_DEBUG="gl-disable",
               LC_ALL="C.UTF-8",
               # The file chooser is GTK's own, in the process: no portal.
               GTK_USE_PORTAL="0")
    if "ASAN_OPTIONS" in env:
        # In the sanitizer build memory errors and undefined behaviour stay
        # fatal, but not leaks: with accessibility on, GTK's file chooser
        # and AT-SPI code leave strings and GLib's quark blocks behind, in
        # frames of stripped libraries that no suppression can name without
        # hiding GTK's every leak.  The g_test UI tests check the window's
        # own leaks.
        env["ASAN_OPTIONS"] = env["ASAN_OPTIONS"] + ":detect_leaks=0"
    if not env.get("DISPLAY"):
        raise Failure("no X display: run under xvfb-run, as tools/run-tests.sh does")
    processes.bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True,
        start_new_session=True)
    address = processes.bus.stdout.readline().strip()
    if not address:
        raise Failure("dbus-daemon printed no address")
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    env["AT_SPI_BUS_ADDRESS"] = accessibility_bus(Gio, GLib, address)
    # This process reads the same tree over the same buses.
    os.environ.update({k: env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS")})
    processes.app = subprocess.Popen([app_path], env=env, cwd=home, start_new_session=True)


def find_application(Atspi, GLib, pid, timeout):
    desktop = Atspi.get_desktop(0)
    limit = time.monotonic() + timeout
    while time.monotonic() < limit:
        desktop.clear_cache()
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            try:
                if child is not None and child.get_process_id() == pid:
                    return child
            except GLib.GError:  # an application that just left
                continue
        time.sleep(0.1)
    raise Failure(f"the window (pid {pid}) never appeared on the accessibility bus")


def drive(ui, Atspi, cli, home, deadline):
    customer = "Hangzhou Yunfan Networks"
    numbers, months, minutes_typed = 2, 12, "180,000"

    # The start page's button (the header bar's, of the same name, comes
    # after it in the tree and does the same).
    step("New Quote")
    ui.act(ui.find("push button", "New Quote", first=True), "click")

    # 1 Customer: the name typed, enterprise on.
    step("the customer")
    name_entry = ui.find("text", "Customer name")
    ui.type_into(name_entry, customer, access_key="e")
    switch = ui.find("check box", "Enterprise customer")
    if not ui.has_state(switch, Atspi.StateType.CHECKED):
        ui.act(switch, "toggle")
    ui.wait("the enterprise switch on", lambda: ui.has_state(switch, Atspi.StateType.CHECKED))
    date = ui.text(ui.find("text", "Date"))
    valid_days = ui.text(ui.find("text", "Valid for (days)"))

    # 2 Voice Message: numbers, then the minutes needed typed as a user
    # types them, with the thousands comma.
    step("Voice Message")
    ui.act(ui.find("page tab", "2 Voice Message"), "click")
    ui.act(ui.find("push button", "Add Numbers"), "click")
    items = ui.find("list", "Voice Message items")
    row = ui.find("panel", "Voice Message numbers", root=items)
    for label, value in (("Numbers", numbers), ("Months", months)):
        field = ui.find("text", label, root=row)
        Atspi.EditableText.set_text_contents(field, str(value))
        ui.wait(f"{value} in {label}", lambda: ui.text(field) == str(value))
    need = ui.find("text", "Minutes needed")
    ui.type_into(need, minutes_typed, access_key="i")
    apply = ui.find("push button", "Use These Packages")
    ui.wait("Use These Packages enabled", lambda: ui.has_state(apply, Atspi.StateType.SENSITIVE))
    ui.act(apply, "click")

    # What the window now holds: the proposed packages, read off their rows.
    def packages():
        shown = []
        for kind, title in (("fixed", "Fixed minute package"), ("custom", "Custom minute package")):
            items.clear_cache()
            for group in ui.search(items, "panel", title):
                shown.append((kind, count(ui.text(ui.find("text", "Minutes", root=group))),
                              count(ui.text(ui.find("text", "Quantity", root=group)))))
        return sorted(shown)

    shown = ui.wait("the proposed packages", packages)
    covered = sum(minutes * quantity for _, minutes, quantity in shown)
    tap(covered >= count(minutes_typed),
        f"VM-5/VM-6: the packages shown cover {covered:,} minutes for {minutes_typed!r} typed (not read as 180)")

    # The library's choice for the same need, and its price of the same quote.
    plan = run_cli(cli, "optimize", "voice", "--minutes", str(count(minutes_typed)))
    chosen = {}
    for package in plan["packages"]:
        key = (package["kind"], package["minutes"])
        chosen[key] = chosen.get(key, 0) + 1
    expected_packages = sorted((kind, minutes, quantity) for (kind, minutes), quantity in chosen.items())
    tap(shown == expected_packages,
        f"VM-5/VM-6: the window proposes the optimizer's packages {expected_packages} (shown {shown})")
    quote = {
        "format": "pricebook-quote/1",
        "number": "E2E-1",
        "date": date,
        "valid_days": count(valid_days),
        "currency": "CNY",
        "customer": {"name": customer, "enterprise": True},
        "items": [{"product": "voice", "kind": "numbers", "numbers": numbers, "months": months}] +
                 [{"product": "voice", "kind": kind + "_package", "minutes": minutes, "quantity": quantity}
                  for kind, minutes, quantity in expected_packages],
    }
    quote_path = os.path.join(home, "expected.pricebook")
    with open(quote_path, "w", encoding="utf-8") as f:
        json.dump(quote, f, ensure_ascii=False)
    priced = run_cli(cli, "quote", quote_path)
    gross = display_money(priced["tax"]["gross"])
    line_amounts = {display_money(item["amount"]) for item in priced["items"]}
    # A gross equal to a line's amount would let a wrong total pass below.
    if gross in line_amounts:
        raise Failure(f"the gross {gross} equals a line's amount: the check below could not fail")

    footer = f"Gross (including tax) {gross}"
    try:
        ui.wait(f"the footer saying {footer!r}",
                lambda: any(ui.text(label) == footer
                            for label in ui.search(ui.app, "label", "Gross (including tax) ", prefix=True)),
                timeout=min(ui.timeout, 20))
        tap(True, f"VM-2, Q-3, Q-7: the footer shows the library's gross, {footer!r}")
    except Failure:
        seen = [ui.text(label) for label in ui.search(ui.app, "label", "Gross (including tax) ", prefix=True)]
        tap(False, f"VM-2, Q-3, Q-7: the footer shows {seen}, the library says {footer!r}")

    # Export PDF…, from the main menu, through GTK's file chooser.
    step("Export PDF…")
    window = ui.window("frame")
    # GTK 4.8's menu button is a named button around a toggle of the
    # same name: the one with the click action is the one to press.
    ui.act(ui.find("push button", "Main Menu", root=window, action="click"), "click")
    ui.act(ui.find("menu item", "Export PDF…"), "click")
    chooser = ui.window("filler", "Export PDF")
    pdf = os.path.join(home, "exported", "quote.pdf")
    os.makedirs(os.path.dirname(pdf))
    ui.type_into(ui.find("text", "Name:", root=chooser), pdf)
    ui.act(ui.find("push button", "Export", root=chooser), "click")
    ui.wait(f"{pdf} written", lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    tap(gross in text, f"Q-7: the exported PDF shows the gross {gross}")

    # Close the window without saving; the process must end cleanly
    # (under ASan: without a memory error).
    step("closing")
    ui.act(ui.find("push button", "Close", root=window), "click")
    dialog = ui.window("dialog")
    ui.act(ui.find("push button", "Discard", root=dialog), "click")


def main():
    if len(sys.argv) < 4:
        print("usage: e2e-quote.py PRICEBOOK PRICEBOOK-CLI SCHEMA-DIR [SECONDS]", file=sys.stderr)
        return 2
    app_path, cli, schemas = (os.path.abspath(a) for a in sys.argv[1:4])
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 100
    deadline = time.monotonic() + seconds
    print("1..5", flush=True)
    processes = Processes()

    def on_alarm(signum, frame):
        raise Deadline(f"the test ran out of its {seconds:.0f} s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, on_alarm)  # meson's time-out: clean up all the same
    signal.alarm(int(seconds))
    home = tempfile.mkdtemp(prefix="pricebook-e2e-")
    failure = None
    app_status = None
    try:
        try:
            import gi
            gi.require_version("Atspi", "2.0")
            from gi.repository import Atspi, Gio, GLib
        except (ImportError, ValueError) as error:
            raise Failure(f"AT-SPI is not installed ({error}): apt-get install python3-gi gir1.2-atspi-2.0 at-spi2-core")
        start(processes, app_path, schemas, home, Gio, GLib)
        Atspi.init()
        # libatspi gives up on a call after 0.8 s; opening the file chooser
        # takes longer than that in the sanitizer build.
        Atspi.set_timeout(60000, 60000)
        step("waiting for the window on the accessibility bus")
        app = find_application(Atspi, GLib, processes.app.pid, min(60, seconds / 2))
        ui = Ui(Atspi, GLib, app, timeout=max(10, seconds / 4))
        drive(ui, Atspi, cli, home, deadline)
        processes.app.wait(timeout=max(1, deadline - time.monotonic()))
        app_status = processes.app.returncode
    except (Failure, Deadline, subprocess.SubprocessError, OSError) as error:
        failure = error
    except Exception as error:  # an AT-SPI call that failed: still clean up, still TAP
        import traceback
        print("".join("# " + line + "\n" for line in traceback.format_exc().splitlines()), end="")
        failure = error
    finally:
        signal.alarm(0)
        clean = processes.cleanup()
    if failure is not None:
        print(f"# {type(failure).__name__}: {failure}", flush=True)
    while len(results) < 4:
        tap(False, "not reached")
    tap(failure is None and app_status == 0 and clean,
        f"the window closed without saving and exited with status {app_status}; every process ended")
    import shutil
    shutil.rmtree(home, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
