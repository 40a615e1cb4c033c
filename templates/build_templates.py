"""Build the bundled Word templates (``templates/*.docx``) from WordprocessingML.

Run ``python templates/build_templates.py`` after changing this file, and
commit the .docx files: the checked-in files are what annexgen uses, and a
clerk may open and edit them in Word or LibreOffice like any document.

Why raw XML instead of python-docx's default document: that package carries
about 790 KB of style definitions nobody uses, which every render would parse,
re-serialise and re-compress (issue 5 measured a slim template rendering 2.5×
faster). Here every style is one the annex needs, and each is deliberate:

* ``Normal`` — Times New Roman 12 pt (Liberation Serif is its metric twin on
  Linux, so LibreOffice lays out the same), language lv-LV so Word
  spell-checks in Latvian and screen readers speak Latvian (EN 301 549);
* ``Heading1`` — the title: centred, bold, a real heading for navigation;
* ``AnnexMark`` — the annex mark, right-aligned, one element per line
  (document-rules §1.7);
* ``TableLabel`` — bold left column, its lines kept together; ``TableText`` —
  the value column; ``AfterTable`` — the 1 pt paragraph Word needs after a table
  (a full empty line there could spill onto a page of its own);
* ``ListNumber`` / ``ListBullet`` — real numbered and bulleted lists;
* ``Signature`` / ``SignatureNext`` — position at the left, name at a right tab
  stop (§1.5), two lines of space above; ``SignatureGap`` — two more lines for a
  handwritten signature, kept with the signature.

Every paragraph has widow/orphan control (two lines at least at either side of
a page break). Table rows may break across pages unless the context marks them
``keep`` (short rows); the header row "Sadaļa | Saturs" is printed only when
``header_row`` is set (the seeds have none) and then repeats on every page.

Page: A4, margins 30/15/20/20 mm (document-rules §1.9).
The output is deterministic: fixed zip timestamps and member order.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# A4 in twentieths of a point; margins 30 / 15 / 20 / 20 mm.
PAGE_W, PAGE_H = 11906, 16838
LEFT, RIGHT, TOP, BOTTOM = 1701, 850, 1134, 1134
TEXT_W = PAGE_W - LEFT - RIGHT  # 9355
LABEL_W = 2800
LINE = 276  # one line of 12 pt Times New Roman, single spacing (13.8 pt)
VALUE_W = TEXT_W - LABEL_W

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>"""

FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>'

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:docDefaults>
<w:rPrDefault><w:rPr>{FONT}<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="lv-LV" w:eastAsia="lv-LV" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="AnnexMark"><w:name w:val="Annex Mark"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:jc w:val="right"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableLabel"><w:name w:val="Table Label"/><w:basedOn w:val="Normal"/>
<w:pPr><w:keepLines/><w:spacing w:before="40" w:after="40"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="TableText"/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>
<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="60"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="AfterTable"><w:name w:val="After Table"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="BodyText"><w:name w:val="Body Text Annex"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="SignatureGap"><w:name w:val="Signature Gap"/><w:basedOn w:val="Normal"/>
<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="{2 * LINE}" w:lineRule="exact"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Signature"><w:name w:val="Signature Line"/><w:basedOn w:val="Normal"/>
<w:pPr><w:keepNext/><w:keepLines/><w:tabs><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs><w:spacing w:before="{2 * LINE}"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="SignatureNext"><w:name w:val="Signature Next Line"/><w:basedOn w:val="Signature"/>
<w:pPr><w:spacing w:before="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="ESignature"><w:name w:val="E-signature Mark"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:before="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Disclaimer"><w:name w:val="Disclaimer"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:before="240"/><w:jc w:val="both"/></w:pPr><w:rPr><w:i/><w:iCs/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>
<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>
<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>
<w:themeFontLang w:val="lv-LV"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"""

# Page numbers from page 2, top centre (document-rules §1.9: MK 916's "multi-page
# documents numbered from the second page, Arabic numerals, top centre"): a header
# with a PAGE field on every page but the first (titlePg and no first-page header).
HEADER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{title}</dc:title><dc:creator>annexgen</dc:creator><dc:language>lv-LV</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>
</cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>annexgen</Application></Properties>"""


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def para(text: str = "", style: str | None = None, extra_runs: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{run(text) if text else ''}{extra_runs}</w:p>"


def tag(text: str) -> str:
    """A paragraph that holds only a docxtpl paragraph tag ({%p … %})."""
    return para(text)


TAB = "<w:r><w:tab/></w:r>"


def cell(width: int, body: str, header: bool = False) -> str:
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>' if header else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>{body}</w:tc>'


def row(cells: str, *, header: bool = False, split: bool = True) -> str:
    """A table row; ``header`` repeats it on every page, ``split=False`` keeps it whole."""
    props = ("" if split else "<w:cantSplit/>") + ("<w:tblHeader/>" if header else "")
    return f"<w:tr>{'<w:trPr>' + props + '</w:trPr>' if props else ''}{cells}</w:tr>"


def tag_row(text: str) -> str:
    return row(cell(LABEL_W, tag(text)) + cell(VALUE_W, para()))


MARK = "".join(
    [
        tag("{%p if mark %}"),
        tag("{%p for line in mark.lines %}"),
        para("{{ line }}", "AnnexMark"),
        tag("{%p endfor %}"),
        para(),
        tag("{%p endif %}"),
    ]
)

TITLE = para("{{ title }}", "Heading1")

# One row of the table: the label, and its text as paragraphs or a numbered list.
# The template holds it twice: rows the context marks ``keep`` (a few lines,
# see annexgen.word.context) cannot break across pages; longer rows may, so a
# long row never leaves the foot of a page empty. Rows that break keep at least
# two lines of their text with the label (widow/orphan control).
ROW_CELLS = cell(LABEL_W, para("{{ row.label }}", "TableLabel")) + cell(
    VALUE_W,
    tag("{%p for p in row.paragraphs %}")
    + para("{{ p }}", "TableText")
    + tag("{%p endfor %}")
    + tag("{%p for item in row.entries %}")
    + para("{{ item }}", "ListNumber")
    + tag("{%p endfor %}"),
)

TABLE = (
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
    f'<w:tblW w:w="{TEXT_W}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
    '<w:tblLook w:val="0080" w:firstRow="0" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    '<w:tblCaption w:val="{{ title }}"/>'
    f'</w:tblPr><w:tblGrid><w:gridCol w:w="{LABEL_W}"/><w:gridCol w:w="{VALUE_W}"/></w:tblGrid>'
    + tag_row("{%tr if header_row %}")
    + row(
        cell(LABEL_W, para("{{ table_header.label }}", "TableLabel"), header=True)
        + cell(VALUE_W, para("{{ table_header.value }}", "TableLabel"), header=True),
        header=True,
        split=False,
    )
    + tag_row("{%tr endif %}")
    + tag_row("{%tr for row in rows %}")
    + tag_row("{%tr if row.keep %}")
    + row(ROW_CELLS, split=False)
    + tag_row("{%tr else %}")
    + row(ROW_CELLS)
    + tag_row("{%tr endif %}")
    + tag_row("{%tr endfor %}")
    + "</w:tbl>"
    + para(style="AfterTable")  # Word wants a paragraph after a table; 1 pt, never a page
)

PARAGRAPHS = "".join(
    [
        tag("{%p if rows and paragraphs %}"),
        para(),  # a line between the table and the text below it
        tag("{%p endif %}"),
        tag("{%p for p in paragraphs %}"),
        para("{{ p }}", "BodyText"),
        tag("{%p endfor %}"),
    ]
)

# The signature: two lines of space above it (spacing, not empty paragraphs, which
# screen readers announce as "blank"), two more for a handwritten signature — one
# paragraph of that height, kept with the signature so the signature never starts
# a page alone below a gap left at the foot of the page before.
SIGNATURE = "".join(
    [
        tag("{%p if signature %}"),
        tag("{%p if not e_signed %}"),
        para(style="SignatureGap"),
        tag("{%p endif %}"),
        tag("{%p if signature.acting %}"),
        para("{{ signature.position }}", "Signature"),
        para("{{ signature.acting }}", "SignatureNext", TAB + run("{{ signature.name }}")),
        tag("{%p else %}"),
        para("{{ signature.position }}", "Signature", TAB + run("{{ signature.name }}")),
        tag("{%p endif %}"),
        tag("{%p endif %}"),
        tag("{%p if e_signed %}"),
        para("{{ e_signature_mark }}", "ESignature"),
        tag("{%p endif %}"),
    ]
)

BLOCKS = "".join(
    [
        tag("{%p for block in blocks %}"),
        tag("{%p if block.bullets %}"),
        tag("{%p for item in block.bullets %}"),
        para("{{ item }}", "ListBullet"),
        tag("{%p endfor %}"),
        tag("{%p else %}"),
        para("{{ block.text }}", "BodyText"),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
        para("{{ disclaimer }}", "Disclaimer"),
    ]
)

SECTION = (
    '<w:sectPr><w:headerReference w:type="default" r:id="rId4"/>'
    f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
    f'<w:pgMar w:top="{TOP}" w:right="{RIGHT}" w:bottom="{BOTTOM}" w:left="{LEFT}" '
    'w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>'
)


def table_kind() -> str:
    """The table kind (issue 16): columns and rows from the data, the page turns to fit.

    A valid Word document a clerk can open and adapt in Word (docs/templates.md):
    Jinja only in text — values in runs, ``{%tr %}`` row loops in rows of their
    own, ``{%tc %}`` column loops in cells of their own, as docxtpl documents
    them. What Word keeps in attributes — column widths, the numbers' right
    alignment, the „Kopā” label spanning the columns before the first total, the
    page turned to landscape, the table's caption — is not templated: the
    render pipeline's layout step (:mod:`annexgen.word.layout`) applies it from
    the context's ``table`` and ``page``, whatever template is used. The widths
    here only make the template look right in Word.

    The header row repeats on every page (``tblHeader``, EN 301 549 table
    headers), rows do not break across pages, the „Kopā” row is bold.
    """
    third = TEXT_W // 3
    widths = (third, TEXT_W - 2 * third, third)

    def loop_row(first: str, middle: str, last: str, *, header: bool = False) -> str:
        """A row whose middle cell repeats for each column (``{%tc for %}`` … ``{%tc endfor %}``)."""
        # the repeated body cell has no width of its own: cells take the grid's, which
        # the layout step sets (hundreds of cells, nothing to rewrite in each)
        repeated = cell(widths[1], middle, header=True) if header else f"<w:tc>{middle}</w:tc>"
        return row(
            cell(widths[0], tag(first), header=header)
            + repeated
            + cell(widths[2], tag(last), header=header),
            header=header,
            split=False,
        )

    def tag_row3(text: str) -> str:
        return row(cell(widths[0], tag(text)) + cell(widths[1], para()) + cell(widths[2], para()))

    bold = '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">{{ cell }}</w:t></w:r>'
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{TEXT_W}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="1" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f'<w:tblCaption w:val="Tabula"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        + loop_row(
            "{%tc for column in table.columns %}",
            para("{{ column.label }}", "TableHeading"),
            "{%tc endfor %}",
            header=True,
        )
        + tag_row3("{%tr for row in table.rows %}")
        + loop_row("{%tc for cell in row %}", para("{{ cell }}", "TableCell"), "{%tc endfor %}")
        + tag_row3("{%tr endfor %}")
        + tag_row3("{%tr if table.total %}")
        + loop_row(
            "{%tc for cell in table.total.cells %}",
            para(style="TableCell", extra_runs=bold),
            "{%tc endfor %}",
        )
        + tag_row3("{%tr endif %}")
        + "</w:tbl>"
    )
    intro = tag("{%p for p in table.intro %}") + para("{{ p }}", "BodyText") + tag("{%p endfor %}")
    words = (
        tag("{%p if table.words %}") + para("{{ table.words }}", "TableWords") + tag("{%p endif %}")
    )
    return MARK + TITLE + intro + table + para() + words + PARAGRAPHS + SIGNATURE + SECTION


#: Styles only the table kind uses: 11 pt cells, a bold centred header.
TABLE_STYLES = """<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="Normal"/>
<w:pPr><w:keepNext/><w:spacing w:before="20" w:after="20"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableCell"><w:name w:val="Table Cell"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableWords"><w:name w:val="Table Total In Words"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:before="120" w:after="120"/><w:jc w:val="both"/></w:pPr></w:style>
"""

#: Styles a kind adds to the shared ones.
EXTRA_STYLES = {"table": TABLE_STYLES}

TEMPLATES = {
    "project-description": ("Projekta apraksts", MARK + TITLE + TABLE + SIGNATURE),
    "generic": (
        "Pielikums",
        MARK + TITLE + tag("{%p if rows %}") + TABLE + tag("{%p endif %}") + PARAGRAPHS + SIGNATURE,
    ),
    "project-announcement": ("Paziņojums par projektu", MARK + TITLE + BLOCKS + SIGNATURE),
    "table": ("Tabula", table_kind()),
}


def document(body: str) -> str:
    section = "" if "<w:sectPr>" in body else SECTION  # a kind may lay out its own page
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}{section}</w:body></w:document>'
    )


def build(kind: str, out_dir: Path = HERE) -> Path:
    title, body = TEMPLATES[kind]
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "docProps/app.xml": APP,
        "docProps/core.xml": CORE.format(title=esc(title)),
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": document(body),
        "word/header1.xml": HEADER,
        "word/numbering.xml": NUMBERING,
        "word/settings.xml": SETTINGS,
        "word/styles.xml": STYLES.replace(
            "</w:styles>", EXTRA_STYLES.get(kind, "") + "</w:styles>"
        ),
    }
    path = out_dir / f"{kind}.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, xml.encode("utf-8"))
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for kind in TEMPLATES:
        print(build(kind, out))
