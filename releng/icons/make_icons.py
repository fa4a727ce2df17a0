#!/usr/bin/env python3
"""Draws Benchtop's 16x16 node and category icons (PNG, standard library only).

Run from this folder: python3 make_icons.py ../../plugins/org.benchtop.knime/icons
Each icon is a small pixel drawing on a transparent background, coloured per category.
"""
import math
import struct
import sys
import zlib
from pathlib import Path

W = H = 16
COLOURS = {
    "plates": (33, 102, 172), "doseresponse": (178, 24, 43), "qpcr": (27, 120, 55),
    "rnaseq": (118, 42, 131), "notebook": (140, 81, 10), "benchtop": (60, 60, 60),
}


def png(pixels):
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def canvas():
    return [[(0, 0, 0, 0) for _ in range(W)] for _ in range(H)]


def put(p, x, y, rgb, a=255):
    if 0 <= x < W and 0 <= y < H:
        p[y][x] = (*rgb, a)


def frame(p, rgb):
    for i in range(1, 15):
        put(p, i, 2, rgb); put(p, i, 13, rgb)
    for j in range(2, 14):
        put(p, 1, j, rgb); put(p, 14, j, rgb)


def plate(rgb, accent=None):
    p = canvas(); frame(p, rgb)
    for r in range(4):
        for c in range(6):
            x, y = 3 + 2 * c, 4 + 2 * r
            col = accent if accent and (r in (0, 3) or c in (0, 5)) else rgb
            put(p, x, y, col)
    return p


def curve(rgb, falling=True):
    p = canvas()
    for j in range(1, 15):
        put(p, 1, j, (90, 90, 90)); put(p, j, 14, (90, 90, 90))
    for x in range(2, 15):
        t = (x - 8) / 1.6
        y = 3 + 10 / (1 + math.exp(-t)) if falling else 13 - 10 / (1 + math.exp(-t))
        put(p, x, int(round(y)), rgb); put(p, x, int(round(y)) - 1, rgb, 120)
    for x, y in ((3, 3), (6, 5), (9, 10), (12, 12)):
        put(p, x, y - 1 if falling else y, (30, 30, 30))
    return p


def bars(rgb):
    p = canvas()
    for j in range(1, 15):
        put(p, 1, j, (90, 90, 90)); put(p, j, 14, (90, 90, 90))
    for i, h in enumerate((4, 9, 6, 11)):
        for x in range(3 + 3 * i, 5 + 3 * i):
            for y in range(14 - h, 14):
                put(p, x, y, rgb)
        put(p, 3 + 3 * i, 12 - h, (30, 30, 30)); put(p, 4 + 3 * i, 12 - h, (30, 30, 30))
    return p


def volcano(rgb):
    p = canvas()
    for j in range(1, 15):
        put(p, 8, j, (170, 170, 170)); put(p, j, 14, (90, 90, 90))
    pts = [(8, 13), (7, 12), (9, 12), (6, 11), (10, 11), (5, 9), (11, 9), (4, 7), (12, 6), (3, 4), (13, 3), (7, 13), (9, 13)]
    for x, y in pts:
        put(p, x, y, rgb if abs(x - 8) >= 3 else (120, 120, 120))
    return p


def notebook(rgb):
    p = canvas()
    for x in range(3, 14):
        for y in range(1, 15):
            put(p, x, y, (250, 250, 245) if 4 <= x <= 12 and 2 <= y <= 13 else rgb)
    for y in (4, 7, 10):
        for x in range(5, 12):
            put(p, x, y, (120, 120, 120))
    for y in range(2, 14, 3):
        put(p, 2, y, (60, 60, 60))
    return p


ICONS = {
    "benchtop.png": plate(COLOURS["benchtop"]),
    "plates.png": plate(COLOURS["plates"]),
    "plate_normalizer.png": plate(COLOURS["plates"], (244, 165, 130)),
    "plate_qc.png": plate(COLOURS["plates"], (214, 47, 39)),
    "doseresponse.png": curve(COLOURS["doseresponse"]),
    "dose_response_fitter.png": curve(COLOURS["doseresponse"]),
    "qpcr.png": bars(COLOURS["qpcr"]),
    "qpcr_quantification.png": bars(COLOURS["qpcr"]),
    "qpcr_standard_curve.png": curve(COLOURS["qpcr"], falling=False),
    "genorm.png": bars((77, 146, 33)),
    "rdml_reader.png": notebook(COLOURS["qpcr"]),
    "rnaseq.png": volcano(COLOURS["rnaseq"]),
    "deseq2.png": volcano(COLOURS["rnaseq"]),
    "tmm.png": bars(COLOURS["rnaseq"]),
    "notebook.png": notebook(COLOURS["notebook"]),
    "notebook_entry.png": notebook(COLOURS["notebook"]),
}

if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for name, pixels in ICONS.items():
        (out / name).write_bytes(png(pixels))
    print(f"wrote {len(ICONS)} icons to {out}")
