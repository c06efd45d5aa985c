#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal read by an emulated terminal (pyte) that draws East Asian
"ambiguous" characters two columns wide, as terminals set for CJK fonts do (PuTTY's and
Xshell's CJK option, xterm -cjk_width), or one column wide (--narrow). Characters of the
line-drawing set (selected with ESC ( 0 or SO) take one column, as they do in those terminals.
The emulator answers the cursor-position report (ESC [ 6 n) from its own cursor.

It waits until the screen shows --wait-for (every --wait-for, in order, after sending the keys
of the matching --keys), then prints one JSON object: the screen's rows ("rows", each row's
cells joined, the second half of a two-column character left out, line-drawing cells as box
characters), the rows whose borders or header are out of place ("misaligned") and whether the
waits were met ("found").

  cjk-terminal.py [--narrow] --cols 200 --rows 60 --wait-for TEXT [--keys K --wait-for TEXT]... -- COMMAND...

Needs pyte (pip install pyte).
"""
import argparse
import codecs
import fcntl
import json
import os
import select
import signal
import struct
import sys
import termios
import time
import unicodedata

import pyte
import pyte.charsets
import pyte.screens

LINES = {"j": "┘", "k": "┐", "l": "┌", "m": "└", "n": "┼", "q": "─", "t": "├", "u": "┤", "v": "┴", "w": "┬", "x": "│"}
# the line-drawing set's characters stand in the emulator as Braille patterns (one column,
# never ambiguous), so they are told apart from box characters sent as UTF-8 (which a CJK
# terminal draws two columns wide)
STAND_IN = {letter: chr(0x2800 + i + 1) for i, letter in enumerate(sorted(LINES))}
BACK = {STAND_IN[letter]: LINES[letter] for letter in LINES}
GRAPHICS = list(pyte.charsets.VT100_MAP)
for letter, stand_in in STAND_IN.items():
    GRAPHICS[ord(letter)] = stand_in
pyte.charsets.MAPS["0"] = "".join(GRAPHICS)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--narrow", action="store_true")
    parser.add_argument("--cols", type=int, default=200)
    parser.add_argument("--rows", type=int, default=60)
    parser.add_argument("--wait-for", action="append", default=[])
    parser.add_argument("--keys", action="append", default=[])
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    original = pyte.screens.wcwidth

    def width(char):
        if char in BACK:
            return 1
        if not args.narrow and unicodedata.east_asian_width(char) == "A" and not unicodedata.combining(char) and ord(char) >= 0xA1:
            return 2
        return original(char)

    pyte.screens.wcwidth = width

    screen = pyte.Screen(args.cols, args.rows)
    # a UTF-8 terminal that still takes the line-drawing set's designations (as xterm does; pyte's
    # own UTF-8 mode ignores them): decode here, and feed text to a stream not in that mode
    stream = pyte.Stream(screen)
    stream.use_utf8 = False
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    pid, master = os.forkpty()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        os.environ.pop("TMUX", None)
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    screen.write_process_input = lambda text: os.write(master, text.encode())

    def text():
        return "\n".join(row(y) for y in range(screen.lines))

    def row(y):
        line = screen.buffer[y]
        return "".join(BACK.get(line[x].data, line[x].data) for x in range(screen.columns))

    def pump(until):
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:
                    return False
                if not data:
                    return False
                stream.feed(decoder.decode(data))
            elif until in text():
                return True
        return until in text()

    found = []
    for index, wanted in enumerate(args.wait_for):
        if index > 0 and index - 1 < len(args.keys):
            os.write(master, args.keys[index - 1].encode())
        found.append(pump(wanted))

    rows = [row(y) for y in range(screen.lines)]
    cells = [[BACK.get(screen.buffer[y][x].data, screen.buffer[y][x].data) for x in range(screen.columns)] for y in range(screen.lines)]
    print(json.dumps({"rows": rows, "misaligned": misaligned(cells), "found": found}, ensure_ascii=False))
    try:
        os.write(master, b"q")
        time.sleep(0.3)
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except OSError:
        pass


def misaligned(cells):
    """Rows out of place. The wall's header ends one column before the right edge; its panes
    start on the first row with a top corner, which has corners at both edges; on every row
    below it, down to the last pane's bottom, both edges and every column where that row has a
    corner hold a border, except where a box opened lower down (an overlay) covers the row,
    whose own edges must then hold borders."""
    height = len(cells)
    width = len(cells[0]) if cells else 0
    bad = set()
    if height < 4:
        return []
    header = [x for x in range(width) if cells[0][x] not in (" ", "")]
    if not header or header[-1] != width - 2:
        bad.add(0)
    top = next((y for y in range(height) if "┌" in cells[y]), None)
    if top is None:
        return list(range(height))
    borders = "│┌┐└┘├┤┬┴┼"
    columns = sorted({0, width - 1} | {x for x in range(width) if cells[top][x] in ("┌", "┐")})
    if cells[top][0] != "┌" or cells[top][width - 1] != "┐":
        bad.add(top)
    # boxes opened below the panes' top row: (first row, last row, left, right)
    overlays = []
    for y in range(top + 1, height - 2):
        for x in range(width):
            if cells[y][x] == "┌" and x not in columns:
                right = next((r for r in range(x + 1, width) if cells[y][r] == "┐"), None)
                bottom = next((b for b in range(y + 1, height) if cells[b][x] == "└"), None)
                if right is None or bottom is None or cells[bottom][right] != "┘":
                    bad.add(y)
                    continue
                overlays.append((y, bottom, x, right))
    for y in range(top + 1, height - 2):
        covering = [o for o in overlays if o[0] <= y <= o[1]]
        for x in columns:
            if any(o[2] <= x <= o[3] for o in covering):
                continue
            if cells[y][x] not in borders:
                bad.add(y)
        for first, last, left, right in covering:
            if first < y < last and (cells[y][left] not in borders or cells[y][right] not in borders):
                bad.add(y)
    return sorted(bad)


if __name__ == "__main__":
    main()
