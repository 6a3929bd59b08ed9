/**
 * The report as a Word document in the form of GB/T 9704-2012 (党政机关公文格式), as far as a report
 * follows it: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm with 22 lines of 28 characters; title in
 * 方正小标宋简体 二号, body 仿宋_GB2312 三号 with a 2-character first-line indent, 一、 headings in 黑体,
 * （一） in 楷体_GB2312; page numbers "— 1 —" in 宋体 四号 at the outside edge. East-Asian font names are
 * set on every run so Word picks them (Word substitutes 仿宋/楷体 where the GB2312 fonts are missing).
 * 22 lines per page come from the section's line grid, 28 characters per line from the runs' spacing.
 * The attachments follow in their own sections, 附件2 landscape. The document's title and author (the
 * unit) are set in its properties, the data's full fingerprint in a custom property (jxzp verify reads
 * it); only a short form is printed. Pure rendering of ReportContent.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from "docx";
import type { Grid } from "../domain/report/grid";
import type { ReportContent } from "../domain/report/content";
import { fill, SENTENCES } from "../domain/report/content";
import { xmlText } from "../domain/text-safety";
import { SEVERITY_NAMES } from "../domain/validation";

export const FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  pageNumber: "宋体",
  table: "宋体",
  latin: "Times New Roman",
} as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21, tableSmall: 18, fingerprint: 18 } as const;

const mm = (value: number) => Math.round((value * 1440) / 25.4);
/** 225 mm of 版心 / 22 lines. */
const LINE_PITCH = Math.floor(mm(225) / 22);
/**
 * 28 characters in 156 mm: a 15.8 pt pitch for the 16 pt body font, so body runs are condensed by
 * 0.2 pt (w:spacing, in twentieths of a point). Set on the runs rather than through a character grid,
 * which LibreOffice and WPS lay out differently from Word.
 */
const BODY_CONDENSE = Math.round((mm(156) / 20 / 28 - 16) * 20);

const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) };

/**
 * Every text of the document goes through here or `safe`: the docx library writes text as it gets it, and
 * a character XML 1.0 refuses (U+FFFE, a lone surrogate, a control character pasted into a cell) would make
 * a .docx that Word and LibreOffice cannot open.
 */
const safe = (text: string) => xmlText(text);

const run = (text: string, font: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({
    text: safe(text),
    size,
    font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: font, cs: FONTS.latin },
    ...extra,
  });

const exactly = (points: number) => ({ line: Math.round(points * 20), lineRule: LineRuleType.EXACT });
const bodySpacing = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function bodyParagraph(inlines: ReadonlyArray<{ text: string; placeholder?: boolean }>): Paragraph {
  return new Paragraph({
    spacing: bodySpacing,
    indent: { firstLine: 640 }, // 2 characters of 16 pt
    alignment: AlignmentType.JUSTIFIED,
    // A line break typed in a cell (Alt+Enter) stays a line break.
    children: inlines.flatMap((inline) =>
      safe(inline.text)
        .split(/\r?\n/)
        .map((text, i) =>
          run(text, FONTS.body, SIZE.body, {
            characterSpacing: BODY_CONDENSE,
            break: i > 0 ? 1 : 0,
            ...(inline.placeholder ? { highlight: "yellow" } : {}),
          }),
        ),
    ),
  });
}

/** "— 1 —" at the outside edge: right on odd pages, left on even ones. */
function pageNumberFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 }, // 一字 from the edge
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            size: SIZE.pageNumber,
            font: { ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber, eastAsia: FONTS.pageNumber },
          }),
        ],
      }),
    ],
  });
}

function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [run(SENTENCES.draftMark, FONTS.heading1, 36, { color: "C00000", bold: true })],
      }),
    ],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function gridTable(grid: Grid, widthTwips: number, fontSize: number): Table {
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const columnWidths = grid.widths.map((w) => Math.floor((w / total) * widthTwips));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widthTwips, type: WidthType.DXA },
    columnWidths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: grid.rows.map(
      (row, r) =>
        new TableRow({
          cantSplit: true,
          children: row.flatMap((cell, c) => {
            if (cell === null) return [];
            const width = columnWidths.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0);
            return [
              new TableCell({
                columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
                rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
                width: { size: width, type: WidthType.DXA },
                verticalAlign: VerticalAlign.CENTER,
                margins: { left: 60, right: 60, top: 20, bottom: 20 },
                children: [
                  new Paragraph({
                    spacing: exactly(fontSize / 2 + 4),
                    // Word keeps a row with the next one when every paragraph in it keeps with the next.
                    keepNext: grid.keepWithNext[r] === true,
                    alignment:
                      cell.align === "center"
                        ? AlignmentType.CENTER
                        : cell.align === "right"
                          ? AlignmentType.RIGHT
                          : AlignmentType.LEFT,
                    children: [run(cell.text, FONTS.table, fontSize, { bold: cell.header })],
                  }),
                ],
              }),
            ];
          }),
        }),
    ),
  });
}

function attachmentSection(
  grid: Grid,
  n: number,
  content: ReportContent,
  last: boolean,
  common: Partial<ISectionOptions>,
): ISectionOptions {
  const landscape = grid.landscape;
  const width = landscape ? PAGE.height - mm(20) - mm(20) : PAGE.width - MARGIN.left - MARGIN.right;
  const children: Array<Paragraph | Table> = [
    new Paragraph({ children: [run(fill(SENTENCES.attachmentTitle, { n }), FONTS.heading1, SIZE.body)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 120 },
      children: [run(grid.title, FONTS.title, landscape ? 32 : 36)],
    }),
    gridTable(grid, width, landscape ? SIZE.tableSmall : SIZE.table),
  ];
  if (last) {
    children.push(
      new Paragraph({
        spacing: { before: 240 },
        children: [run(content.fingerprintLine, FONTS.table, SIZE.fingerprint, { color: "595959" })],
      }),
    );
  }
  return {
    ...common,
    properties: {
      page: {
        size: {
          width: PAGE.width,
          height: PAGE.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: landscape
          ? { top: mm(20), bottom: mm(20), left: mm(20), right: mm(20), header: mm(10), footer: mm(10) }
          : MARGIN,
      },
    },
    children,
  };
}

/** The Word document of a report. */
export function reportDocument(content: ReportContent): Document {
  const common: Partial<ISectionOptions> = {
    footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
    ...(content.draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {}),
  };
  const body: Paragraph[] = [
    // The title's lines as the sentences file breaks them (a long title is set on two lines).
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exactly(36), after: LINE_PITCH },
      children: content.title
        .split("\n")
        .map((line, i) => run(line, FONTS.title, SIZE.title, { break: i > 0 ? 1 : 0 })),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: bodySpacing,
      children: [run(content.unitLine, FONTS.body, SIZE.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...bodySpacing, after: LINE_PITCH },
      children: [run(content.dateLine, FONTS.body, SIZE.body)],
    }),
  ];
  for (const block of content.blocks) {
    if (block.kind === "heading") {
      body.push(
        new Paragraph({
          spacing: bodySpacing,
          indent: { firstLine: 640 },
          keepNext: true,
          children: [
            run(block.text, block.level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE.body, {
              characterSpacing: BODY_CONDENSE,
            }),
          ],
        }),
      );
    } else {
      body.push(bodyParagraph(block.inlines));
    }
  }
  if (content.draft) {
    body.push(
      new Paragraph({
        spacing: bodySpacing,
        pageBreakBefore: true,
        children: [run(SENTENCES.draftAppendix, FONTS.heading1, SIZE.body)],
      }),
    );
    for (const finding of content.draft.findings) {
      body.push(
        bodyParagraph([
          {
            text: fill(SENTENCES.draftFinding, {
              severity: SEVERITY_NAMES[finding.severity],
              where: finding.where,
              message: finding.message,
            }),
          },
        ]),
      );
    }
  }

  const sections: ISectionOptions[] = [
    {
      ...common,
      properties: {
        page: { size: PAGE, margin: MARGIN },
        grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
      },
      children: body,
    },
    ...content.attachments.map((grid, i) =>
      attachmentSection(grid, i + 1, content, i === content.attachments.length - 1, common),
    ),
  ];

  const author = safe(content.unit?.trim() || PRODUCT);
  return new Document({
    creator: author,
    lastModifiedBy: author,
    title: safe(content.title.replace(/\n/g, "")),
    description: safe(content.fingerprintLine),
    evenAndOddHeaderAndFooters: true,
    customProperties: [
      { name: FINGERPRINT_PROPERTY, value: safe(content.fingerprint) },
      { name: DRAFT_PROPERTY, value: content.draft ? "是" : "否" },
    ],
    styles: {
      default: {
        document: { run: { font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.body }, size: SIZE.body } },
      },
    },
    sections,
  });
}

/** The document's author when the tables name no unit. */
export const PRODUCT = "绩效自评助手";

/** The custom document property that carries the data's full fingerprint (docProps/custom.xml). */
export const FINGERPRINT_PROPERTY = "绩效自评助手数据指纹";

/** The custom property that says whether the report was generated as a draft (是/否): jxzp verify regenerates alike. */
export const DRAFT_PROPERTY = "绩效自评助手草稿";

export async function reportBytes(content: ReportContent): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(content)));
}
