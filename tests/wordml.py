"""What Word requires of the WordprocessingML annexgen writes, checked with lxml.

LibreOffice opens nearly anything; Word refuses (or offers to "repair") a
document with text between elements, an element out of the schema's order, or
an attribute value not of its type — ``w:w="{{ cell.width }}"`` is all three
when the template is opened. The ECMA-376 schema is not on this machine, so
the rules for the elements annexgen's templates use are written out here from
ECMA-376 part 1 (5th edition, transitional), §17: the simple types by name,
each complex type's child sequence. An element or attribute not listed here
fails the check, so a template that grows one cannot slip past it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from io import BytesIO
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = "http://www.w3.org/XML/1998/namespace"

# --- simple types (§17.18, §22.9) -------------------------------------------------------


def _pattern(regex: str) -> Any:
    compiled = re.compile(regex)
    return lambda value: compiled.fullmatch(value) is not None


def _one_of(*names: str) -> Any:
    return lambda value: value in names


UNSIGNED = _pattern(r"[0-9]+")  # ST_TwipsMeasure, ST_DecimalNumber ≥ 0, ST_HpsMeasure …
SIGNED = _pattern(r"-?[0-9]+")  # ST_SignedTwipsMeasure, ST_DecimalNumber
ON_OFF = _one_of("true", "false", "on", "off", "0", "1")
HEX_COLOR = _pattern(r"[0-9A-Fa-f]{6}|auto")
SHORT_HEX = _pattern(r"[0-9A-Fa-f]{4}")
LANG = _pattern(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
STRING = _pattern(r"[^{}]*")  # any text, but never a template tag
ST_JC = _one_of("start", "center", "end", "both", "mediumKashida", "distribute", "numTab",
                "highKashida", "lowKashida", "thaiDistribute", "left", "right")  # fmt: skip
ST_TBL_WIDTH = _one_of("nil", "pct", "dxa", "auto")
ST_TAB_JC = _one_of("clear", "start", "center", "end", "decimal", "bar", "num", "left", "right")
ST_BORDER = _one_of("nil", "none", "single", "thick", "double", "dotted", "dashed")
ST_SHD = _one_of("nil", "clear", "solid", "pct10", "pct20", "pct25", "pct50")
BORDER = {"val": ST_BORDER, "sz": UNSIGNED, "space": UNSIGNED, "color": HEX_COLOR}
MARGIN = {"w": SIGNED, "type": ST_TBL_WIDTH}

#: element → attribute → type. ``None``: the element has no attributes.
ATTRIBUTES: dict[str, dict[str, Any] | None] = {
    # document, body, sections (§17.2, §17.6)
    "document": None, "body": None, "ftr": None, "hdr": None,
    "sectPr": None, "titlePg": {"val": ON_OFF},
    "pgSz": {"w": UNSIGNED, "h": UNSIGNED, "orient": _one_of("portrait", "landscape"),
             "code": UNSIGNED},
    "pgMar": {"top": SIGNED, "bottom": SIGNED, "left": UNSIGNED, "right": UNSIGNED,
              "header": UNSIGNED, "footer": UNSIGNED, "gutter": UNSIGNED},
    "footerReference": {"type": _one_of("default", "first", "even"), f"{{{R}}}id": STRING},
    "headerReference": {"type": _one_of("default", "first", "even"), f"{{{R}}}id": STRING},
    # paragraphs and runs (§17.3)
    "p": None, "pPr": None, "r": None, "rPr": None, "tabs": None, "numPr": None,
    "pStyle": {"val": STRING}, "keepNext": {"val": ON_OFF}, "keepLines": {"val": ON_OFF},
    "widowControl": {"val": ON_OFF},
    "spacing": {"before": UNSIGNED, "after": UNSIGNED, "line": SIGNED,
                "lineRule": _one_of("auto", "exact", "atLeast")},
    "ind": {"left": SIGNED, "right": SIGNED, "start": SIGNED, "end": SIGNED,
            "firstLine": UNSIGNED, "hanging": UNSIGNED},
    "jc": {"val": ST_JC},
    "tab": {"val": ST_TAB_JC, "pos": SIGNED},  # a tab stop in w:tabs (attributes), or a tab run
    "outlineLvl": {"val": UNSIGNED},
    "numId": {"val": UNSIGNED}, "ilvl": {"val": UNSIGNED},
    "b": {"val": ON_OFF}, "bCs": {"val": ON_OFF}, "i": {"val": ON_OFF}, "iCs": {"val": ON_OFF},
    "sz": {"val": UNSIGNED}, "szCs": {"val": UNSIGNED},
    "rFonts": {"ascii": STRING, "hAnsi": STRING, "eastAsia": STRING, "cs": STRING},
    "lang": {"val": LANG, "eastAsia": LANG, "bidi": LANG},
    "t": {f"{{{XML}}}space": _one_of("preserve")},
    "instrText": {f"{{{XML}}}space": _one_of("preserve")},
    "br": {"type": _one_of("page", "column", "textWrapping")},
    "fldChar": {"fldCharType": _one_of("begin", "separate", "end")},
    # tables (§17.4)
    "tbl": None, "tblPr": None, "tblGrid": None, "tr": None, "trPr": None, "tc": None,
    "tcPr": None, "tblBorders": None, "tblCellMar": None,
    "tblStyle": {"val": STRING},
    "tblW": {"w": SIGNED, "type": ST_TBL_WIDTH},
    "tcW": {"w": SIGNED, "type": ST_TBL_WIDTH},
    "tblInd": {"w": SIGNED, "type": ST_TBL_WIDTH},
    "tblLayout": {"type": _one_of("fixed", "autofit")},
    "tblLook": {"val": SHORT_HEX, "firstRow": ON_OFF, "lastRow": ON_OFF, "firstColumn": ON_OFF,
                "lastColumn": ON_OFF, "noHBand": ON_OFF, "noVBand": ON_OFF},
    "tblCaption": {"val": STRING}, "tblDescription": {"val": STRING},
    "gridCol": {"w": UNSIGNED},
    "gridSpan": {"val": _pattern(r"[1-9][0-9]*")},
    "cantSplit": {"val": ON_OFF}, "tblHeader": {"val": ON_OFF},
    "vAlign": {"val": _one_of("top", "center", "both", "bottom")},
    "shd": {"val": ST_SHD, "color": HEX_COLOR, "fill": HEX_COLOR},
    "insideH": BORDER, "insideV": BORDER,
    # top/left/bottom/right: borders in tblBorders, margins in tblCellMar (see _attribute_types)
    # styles (§17.7)
    "styles": None, "docDefaults": None, "rPrDefault": None, "pPrDefault": None,
    "style": {"type": _one_of("paragraph", "character", "table", "numbering"),
              "default": ON_OFF, "customStyle": ON_OFF, "styleId": STRING},
    "name": {"val": STRING}, "basedOn": {"val": STRING}, "next": {"val": STRING},
    "qFormat": {"val": ON_OFF},
    # numbering (§17.9)
    "numbering": None,
    "abstractNum": {"abstractNumId": UNSIGNED}, "abstractNumId": {"val": UNSIGNED},
    "multiLevelType": {"val": _one_of("singleLevel", "multilevel", "hybridMultilevel")},
    "lvl": {"ilvl": UNSIGNED}, "start": {"val": UNSIGNED},
    "numFmt": {"val": _one_of("decimal", "bullet", "lowerLetter", "upperLetter", "lowerRoman",
                              "upperRoman", "none")},
    "lvlText": {"val": STRING}, "lvlJc": {"val": ST_JC},
    "num": {"numId": UNSIGNED}, "lvlOverride": {"ilvl": UNSIGNED},
    "startOverride": {"val": UNSIGNED},
    # settings (§17.15)
    "settings": None, "compat": None,
    "defaultTabStop": {"val": UNSIGNED},
    "characterSpacingControl": {"val": _one_of("doNotCompress", "compressPunctuation",
                                               "compressPunctuationAndJapaneseKana")},
    "themeFontLang": {"val": LANG, "eastAsia": LANG, "bidi": LANG},
    "compatSetting": {"name": STRING, "uri": STRING, "val": STRING},
}  # fmt: skip

#: Child sequences (element → the order its children must follow). Children not
#: named here are not allowed. ``tc`` and ``body`` hold block content after
#: their properties (checked separately); ``trPr`` is an unordered choice.
SEQUENCES: dict[str, tuple[str, ...]] = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
            "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
            "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
            "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
            "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
            "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
            "lang", "eastAsianLayout", "specVanish", "oMath"),
    "tcPr": ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
             "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"),
    "tblBorders": ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV"),
    "tblCellMar": ("top", "left", "start", "bottom", "right", "end"),
    "sectPr": ("headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz",
               "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
               "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter",
               "docGrid", "printerSettings"),
    "tbl": ("tblPr", "tblGrid", "tr"),
    "tblGrid": ("gridCol",),
    "tr": ("tblPrEx", "trPr", "tc"),
    "trPr": ("cantSplit|tblHeader|trHeight|jc|hidden",),
    "r": ("rPr", "t|tab|br|cr|fldChar|instrText|noBreakHyphen|softHyphen"),
    "p": ("pPr", "r|bookmarkStart|bookmarkEnd|proofErr|hyperlink"),
    "tabs": ("tab",),
    "numPr": ("ilvl", "numId"),
    "style": ("name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden",
              "uiPriority", "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal",
              "personalCompose", "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr",
              "tcPr", "tblStylePr"),
    "styles": ("docDefaults", "latentStyles", "style"),
    "docDefaults": ("rPrDefault", "pPrDefault"),
    "rPrDefault": ("rPr",),
    "pPrDefault": ("pPr",),
    "abstractNum": ("nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink",
                    "lvl"),
    "lvl": ("start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText",
            "lvlPicBulletId", "legacy", "lvlJc", "pPr", "rPr"),
    "num": ("abstractNumId", "lvlOverride"),
    "lvlOverride": ("startOverride", "lvl"),
    "numbering": ("numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"),
}  # fmt: skip
BLOCKS = frozenset({"p", "tbl", "sdt", "bookmarkStart", "bookmarkEnd"})
#: Elements whose own text is content (everything else holds only elements).
TEXT_ELEMENTS = frozenset({"t", "instrText", "delText", "delInstrText"})


def _local(element: Any) -> str:
    return str(etree.QName(element).localname)


def _attribute_types(element: Any) -> dict[str, Any] | None:
    name = _local(element)
    parent = _local(element.getparent()) if element.getparent() is not None else ""
    if parent in ("tblBorders", "tcBorders"):
        return BORDER
    if parent in ("tblCellMar", "tcMar"):
        return MARGIN
    if name == "tab" and parent == "r":
        return None  # a tab character: no attributes
    return ATTRIBUTES.get(name, {"?": None})


def _order_problems(element: Any, where: str) -> Iterator[str]:
    name = _local(element)
    children = [_local(c) for c in element if isinstance(c.tag, str)]
    if name in ("tc", "body", "ftr", "hdr"):
        first = "tcPr" if name == "tc" else None
        content = children[1:] if first and children[:1] == [first] else children
        if name == "body" and content and content[-1] == "sectPr":
            content = content[:-1]
        if any(c not in BLOCKS for c in content):
            yield f"{where}: {name} holds {content} (block content only, properties first)"
        if name == "tc" and (not content or content[-1] != "p"):
            yield f"{where}: a cell must end with a paragraph, not {content[-1:]}"
        return
    sequence = SEQUENCES.get(name)
    if sequence is None:
        if children and name not in ("document", "settings", "compat"):
            yield f"{where}: {name} has children {children} and no known sequence"
        return
    ranks = {n: i for i, group in enumerate(sequence) for n in group.split("|")}
    last = -1
    for child in children:
        rank = ranks.get(child)
        if rank is None:
            yield f"{where}: {child} is not allowed in {name}"
            continue
        if name != "trPr" and rank < last:
            yield f"{where}: {child} comes after what follows it in {name} ({children})"
        last = max(last, rank)


def problems(xml: bytes, part: str = "part") -> list[str]:
    """Everything in one WordprocessingML part that Word would refuse or repair."""
    root = etree.fromstring(xml)
    found: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        where = f"{part}:{element.sourceline} {_local(element)}"
        if element.tail and element.tail.strip():
            found.append(f"{where}: text {element.tail.strip()[:40]!r} between elements")
        if element.text and element.text.strip() and _local(element) not in TEXT_ELEMENTS:
            found.append(f"{where}: text {element.text.strip()[:40]!r} in an element-only element")
        if etree.QName(element).namespace != W:
            found.append(f"{where}: element outside the WordprocessingML namespace")
            continue
        types = _attribute_types(element)
        for attribute, value in element.attrib.items():
            key = attribute[len(W) + 2 :] if attribute.startswith(f"{{{W}}}") else attribute
            check = (types or {}).get(key)
            if check is None:
                found.append(f"{where}: attribute {key} is not expected here")
            elif not check(value):
                found.append(f"{where}: {key}={value!r} is not a valid value")
        found += _order_problems(element, where)
        if _local(element) == "tbl":
            found += _grid_problems(element, where)
    return found


def _grid_problems(table: Any, where: str) -> Iterator[str]:
    columns = table.findall(f"{{{W}}}tblGrid/{{{W}}}gridCol")
    for i, row in enumerate(table.findall(f"{{{W}}}tr")):
        spans = [
            int(v) if (v := c.get(f"{{{W}}}val", "1")).isdigit() else 1
            for c in (
                cell.find(f"{{{W}}}tcPr/{{{W}}}gridSpan") for cell in row.findall(f"{{{W}}}tc")
            )
            if c is not None
        ]
        cells = len(row.findall(f"{{{W}}}tc"))
        width = cells - len(spans) + sum(spans)
        if width != len(columns):
            yield f"{where}: row {i} spans {width} grid columns, the grid has {len(columns)}"


def package_problems(data: bytes) -> list[str]:
    """:func:`problems` of every WordprocessingML part of a .docx."""
    found: list[str] = []
    with zipfile.ZipFile(BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                found += problems(zf.read(name), name)
    return found
