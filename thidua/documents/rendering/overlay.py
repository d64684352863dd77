"""Text at absolute positions, written straight into a PDF (no layout engine).

Printing onto pre-printed blanks needs only a few lines of text per sheet at positions given in
millimetres, so a thousand sheets are one small PDF written here in a fraction of a second:
each face of Liberation Serif 2.x that is used is subset once for the whole file (fontTools,
glyph ids kept), embedded as a CID font (Identity-H) with its widths and a ToUnicode map (the
text stays searchable and copyable), and each sheet is a page whose content stream only moves
to each box and shows its glyphs.
"""

from __future__ import annotations

import io
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from fontTools import subset
from fontTools.ttLib import TTFont

from thidua.documents.rendering.pdf import FONT_DIR, FONT_FACES
from thidua.documents.sheets import OverlaySheet, PlacedText

MM = 72 / 25.4  # points per millimetre
FACES = {  # (bold, italic) -> file name
    (weight == 700, style == "italic"): name for name, weight, style in FONT_FACES
}


@dataclass
class Face:
    """One font face: metrics read once per process, glyphs used by the current file."""

    name: str
    path: str
    cmap: dict[int, int]
    advances: list[int]
    units: int
    ascent: float
    descent: float
    bbox: tuple[int, int, int, int]
    used: dict[int, int] = field(default_factory=dict)  # glyph id -> code point

    def glyphs(self, text: str) -> list[int]:
        out = []
        for char in text:
            gid = self.cmap.get(ord(char), 0)
            if gid:
                self.used.setdefault(gid, ord(char))
            out.append(gid)
        return out

    def width(self, text: str, size: float) -> float:
        return sum(self.advances[self.cmap.get(ord(c), 0)] for c in text) * size / self.units


@cache
def _metrics(bold: bool, italic: bool) -> tuple[str, dict[int, int], list[int], int, float, float]:
    path = str(FONT_DIR / FACES[(bold, italic)])
    font = TTFont(path, lazy=True)
    order = font.getGlyphOrder()
    ids = {name: gid for gid, name in enumerate(order)}
    cmap = {cp: ids[name] for cp, name in font.getBestCmap().items()}
    metrics = font["hmtx"].metrics
    advances = [metrics[name][0] for name in order]
    head, hhea = font["head"], font["hhea"]
    return (
        path,
        cmap,
        advances,
        head.unitsPerEm,
        hhea.ascent / head.unitsPerEm,
        hhea.descent / head.unitsPerEm,
    )


def _face(bold: bool, italic: bool) -> Face:
    path, cmap, advances, units, ascent, descent = _metrics(bold, italic)
    name = FACES[(bold, italic)].removesuffix(".ttf")
    return Face(name, path, cmap, advances, units, ascent, descent, (-600, -300, 2000, 1000))


def _wrap(face: Face, text: str, size: float, width: float) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if not line or face.width(candidate, size) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines or [""]


def fit(face: Face, text: str, box: PlacedText) -> tuple[float, list[str]]:
    """The largest size from ``box.size_pt`` down to ``box.min_size_pt`` (steps of 0.5 pt)
    at which the text fits in ``max_lines`` lines of the box's width."""
    width = box.width_mm * MM
    size = box.size_pt
    while True:
        lines = _wrap(face, text, size, width) if box.max_lines > 1 else [text]
        fits = len(lines) <= box.max_lines and all(face.width(x, size) <= width for x in lines)
        if fits or size <= box.min_size_pt:
            return size, lines[: box.max_lines]
        size = max(box.min_size_pt, size - 0.5)


def _hex(gids: Sequence[int]) -> str:
    return "".join(f"{gid:04X}" for gid in gids)


class _Writer:
    def __init__(self) -> None:
        self.out = io.BytesIO()
        self.offsets: list[int] = []
        self.out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def reserve(self) -> int:
        self.offsets.append(0)
        return len(self.offsets)

    def put(self, number: int, body: bytes) -> None:
        self.offsets[number - 1] = self.out.tell()
        self.out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")

    def stream(self, number: int, data: bytes, extra: str = "", compress: bool = True) -> None:
        if compress:
            data = zlib.compress(data, 6)
            extra += " /Filter /FlateDecode"
        head = f"<< /Length {len(data)}{extra} >>\nstream\n".encode()
        self.put(number, head + data + b"\nendstream")

    def finish(self, root: int) -> bytes:
        xref = self.out.tell()
        lines = [f"xref\n0 {len(self.offsets) + 1}\n0000000000 65535 f \n"]
        lines += [f"{offset:010d} 00000 n \n" for offset in self.offsets]
        lines.append(
            f"trailer\n<< /Size {len(self.offsets) + 1} /Root {root} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n"
        )
        self.out.write("".join(lines).encode())
        return self.out.getvalue()


def _page_content(sheet: OverlaySheet, faces: dict[tuple[bool, bool], Face]) -> str:
    height = sheet.height_mm * MM
    ops: list[str] = []
    if sheet.grid_mm:
        ops.append(_grid(sheet, faces))
    for box in sheet.texts:
        key = (box.bold, box.italic)
        face = faces.setdefault(key, _face(*key))
        text = unicodedata.normalize("NFC", " ".join(box.text.split()))
        size, lines = fit(face, text, box)
        left, width = box.x_mm * MM, box.width_mm * MM
        top = height - box.y_mm * MM
        leading = size * 1.2
        for index, line in enumerate(lines):
            line_width = face.width(line, size)
            x = left + {"left": 0, "center": (width - line_width) / 2}.get(
                box.align, width - line_width
            )
            baseline = top - face.ascent * size - index * leading
            ops.append(
                f"BT /{face.name} {size:g} Tf {x:.2f} {baseline:.2f} Td "
                f"<{_hex(face.glyphs(line))}> Tj ET"
            )
        if box.frame:
            box_height = max(1, box.max_lines) * leading
            ops.append(f"0.2 w 0 0 1 RG {left:.2f} {top - box_height:.2f} {width:.2f} ")
            ops[-1] += f"{box_height:.2f} re S 0 0 0 RG"
        if box.label:
            small = faces.setdefault((False, True), _face(False, True))
            ops.append(
                f"BT 0 0 1 rg /{small.name} 7 Tf {left:.2f} {top + 2:.2f} Td "
                f"<{_hex(small.glyphs(box.label))}> Tj 0 0 0 rg ET"
            )
    return "\n".join(ops)


def _grid(sheet: OverlaySheet, faces: dict[tuple[bool, bool], Face]) -> str:
    """A millimetre grid every ``grid_mm`` with a label every 10 lines' worth of mm."""
    step, width, height = sheet.grid_mm, sheet.width_mm, sheet.height_mm
    face = faces.setdefault((False, False), _face(False, False))
    ops = ["0.1 w 0.7 0.7 0.7 RG"]
    for mm in range(0, int(width) + 1, step):
        ops.append(f"{mm * MM:.2f} 0 m {mm * MM:.2f} {height * MM:.2f} l S")
    for mm in range(0, int(height) + 1, step):
        y = (height - mm) * MM
        ops.append(f"0 {y:.2f} m {width * MM:.2f} {y:.2f} l S")
    ops.append("0 0 0 RG")
    labels = []
    for mm in range(0, int(width) + 1, step * 5):
        labels.append((mm * MM + 1, height * MM - 8, str(mm)))
    for mm in range(step * 5, int(height) + 1, step * 5):
        labels.append((1.0, (height - mm) * MM + 1, str(mm)))
    for x, y, label in labels:
        ops.append(f"BT /{face.name} 6 Tf {x:.2f} {y:.2f} Td <{_hex(face.glyphs(label))}> Tj ET")
    return "\n".join(ops)


def _embed(writer: _Writer, face: Face) -> int:
    """The Type0 font object of ``face`` with its subset (glyph ids kept), widths, ToUnicode."""
    options = subset.Options()
    options.retain_gids = True
    options.hinting = False
    options.notdef_outline = True
    options.layout_features = []
    options.name_IDs = []
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: not needed, not subsettable
    font = TTFont(face.path)
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=[0, *sorted(face.used)])
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    program = buffer.getvalue()
    scale = 1000 / face.units
    widths = " ".join(f"{gid} [{round(face.advances[gid] * scale)}]" for gid in sorted(face.used))
    file_number, descriptor, cid, cmap, type0 = (writer.reserve() for _ in range(5))
    writer.stream(file_number, program, f" /Length1 {len(program)}")
    tag = "THIDUA+"
    writer.put(
        descriptor,
        (
            f"<< /Type /FontDescriptor /FontName /{tag}{face.name} /Flags 6 "
            f"/FontBBox [{' '.join(str(v) for v in face.bbox)}] /ItalicAngle 0 "
            f"/Ascent {round(face.ascent * 1000)} /Descent {round(face.descent * 1000)} "
            f"/CapHeight 660 /StemV 80 /FontFile2 {file_number} 0 R >>"
        ).encode(),
    )
    writer.put(
        cid,
        (
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{tag}{face.name} "
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity /W [{widths}] >>"
        ).encode(),
    )
    writer.stream(cmap, _to_unicode(face.used).encode())
    writer.put(
        type0,
        (
            f"<< /Type /Font /Subtype /Type0 /BaseFont /{tag}{face.name} /Encoding /Identity-H "
            f"/DescendantFonts [{cid} 0 R] /ToUnicode {cmap} 0 R >>"
        ).encode(),
    )
    return type0


def _to_unicode(used: dict[int, int]) -> str:
    pairs = sorted(used.items())
    chunks = []
    for start in range(0, len(pairs), 100):
        part = pairs[start : start + 100]
        body = "\n".join(f"<{gid:04X}> <{_utf16(cp)}>" for gid, cp in part)
        chunks.append(f"{len(part)} beginbfchar\n{body}\nendbfchar")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(chunks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    )


def _utf16(code_point: int) -> str:
    return chr(code_point).encode("utf-16-be").hex().upper()


def render_overlays(sheets: Sequence[OverlaySheet]) -> tuple[bytes, int]:
    """One PDF with a page per sheet (its own size); returns the bytes and the page count."""
    if not sheets:
        raise ValueError("no sheets")
    faces: dict[tuple[bool, bool], Face] = {}
    contents = [_page_content(sheet, faces) for sheet in sheets]
    writer = _Writer()
    catalog, pages = writer.reserve(), writer.reserve()
    fonts = {face.name: _embed(writer, face) for face in faces.values()}
    resources = "<< /Font << " + " ".join(f"/{n} {o} 0 R" for n, o in fonts.items()) + " >> >>"
    kids = []
    for sheet, content in zip(sheets, contents, strict=True):
        stream, page = writer.reserve(), writer.reserve()
        writer.stream(stream, content.encode("latin-1"))
        writer.put(
            page,
            (
                f"<< /Type /Page /Parent {pages} 0 R "
                f"/MediaBox [0 0 {sheet.width_mm * MM:.2f} {sheet.height_mm * MM:.2f}] "
                f"/Resources {resources} /Contents {stream} 0 R >>"
            ).encode(),
        )
        kids.append(f"{page} 0 R")
    writer.put(pages, f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode())
    writer.put(catalog, f"<< /Type /Catalog /Pages {pages} 0 R >>".encode())
    return writer.finish(catalog), len(sheets)
