/**
 * What every document of ours is made of (the narrative report and the table forms): GB/T 9704 page and
 * fonts, body paragraphs, headings, tables of Grids, page numbers, the 草稿 mark, the draft appendix and the
 * document properties jxzp verify reads. One look, one place.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  PageNumber,
  Paragraph,
  Tab,
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
import type { Grid, GridCell } from "../domain/report/grid";
import type { Block, ReportContent } from "../domain/report/content";
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
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21, tableSmall: 18, fingerprint: 18 } as const;

export const mm = (value: number) => Math.round((value * 1440) / 25.4);
/** 225 mm of 版心 / 22 lines. */
export const LINE_PITCH = Math.floor(mm(225) / 22);
/**
 * 28 characters in 156 mm: a 15.8 pt pitch for the 16 pt body font, so body runs are condensed by
 * 0.2 pt (w:spacing, in twentieths of a point). Set on the runs rather than through a character grid,
 * which LibreOffice and WPS lay out differently from Word.
 */
export const BODY_CONDENSE = Math.round((mm(156) / 20 / 28 - 16) * 20);

export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) };

/**
 * Every text of the document goes through here or `safe`: the docx library writes text as it gets it, and
 * a character XML 1.0 refuses (U+FFFE, a lone surrogate, a control character pasted into a cell) would make
 * a .docx that Word and LibreOffice cannot open.
 */
export const safe = (text: string) => xmlText(text);

export const run = (text: string, font: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({
    text: safe(text),
    size,
    font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: font, cs: FONTS.latin },
    ...extra,
  });

export const exactly = (points: number) => ({ line: Math.round(points * 20), lineRule: LineRuleType.EXACT });
export const bodySpacing = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** One character of the body (16 pt) in twentieths of a point. */
const CHARACTER = 320;

export function bodyParagraph(
  inlines: ReadonlyArray<{ text: string; placeholder?: boolean }>,
  layout: Pick<Extract<Block, { kind: "paragraph" }>, "indent" | "wrapIndent" | "spaceBefore"> = {},
): Paragraph {
  const first = layout.indent ?? 2;
  return new Paragraph({
    spacing: { ...bodySpacing, before: (layout.spaceBefore ?? 0) * LINE_PITCH },
    // 2 characters of 16 pt, or the paragraph's own; with a hanging indent (the list of attachments) a tab in
    // the text goes to where the wrapped lines start, which Word and LibreOffice take as a tab stop.
    indent:
      layout.wrapIndent === undefined
        ? { firstLine: first * CHARACTER }
        : { left: layout.wrapIndent * CHARACTER, hanging: (layout.wrapIndent - first) * CHARACTER },
    alignment: AlignmentType.JUSTIFIED,
    // A line break typed in a cell (Alt+Enter) stays a line break.
    children: inlines.flatMap((inline) => {
      const look: Partial<IRunOptions> = {
        characterSpacing: BODY_CONDENSE,
        ...(inline.placeholder ? { highlight: "yellow" } : {}),
      };
      return safe(inline.text)
        .split(/\r?\n/)
        .flatMap((line, i) =>
          // A tab in the text is a tab of the paragraph (a run of its own: Word does not read one inside w:t).
          line
            .split("\t")
            .flatMap((part, j) => [
              ...(j > 0 ? [run("", FONTS.body, SIZE.body, { ...look, children: [new Tab()] })] : []),
              run(part, FONTS.body, SIZE.body, { ...look, break: i > 0 && j === 0 ? 1 : 0 }),
            ]),
        );
    }),
  });
}

/** "— 1 —" at the outside edge: right on odd pages, left on even ones. */
export function pageNumberFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
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

export function draftHeader(): Header {
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

/** How a table's rows and cells are set (the report's attachments keep every row whole; a form's long rows break). */
export interface TableLook {
  readonly fontSize: number;
  /** Whether row `r` is kept whole on a page and with the next row, and its least height (twips). */
  readonly row?: (r: number) => {
    readonly cantSplit: boolean;
    readonly keepNext: boolean;
    readonly minHeight?: number;
  };
  /** A cell's paragraphs; by default its text, its line breaks kept, aligned as the cell says, bold in a header. */
  readonly paragraphs?: (cell: GridCell, keepNext: boolean) => Paragraph[];
  /** Space above and below a cell's text (twips). */
  readonly cellPadding?: number;
}

const ALIGNMENT = { center: AlignmentType.CENTER, right: AlignmentType.RIGHT, left: AlignmentType.LEFT } as const;

/** A cell's text as one paragraph, a line break typed in it (Alt+Enter) kept as a line break. */
function cellParagraph(cell: GridCell, keepNext: boolean, fontSize: number): Paragraph[] {
  return [
    new Paragraph({
      spacing: exactly(fontSize / 2 + 4),
      keepNext,
      alignment: ALIGNMENT[cell.align],
      children: cell.text
        .split(/\r?\n/)
        .map((line, i) => run(line, FONTS.table, fontSize, { bold: cell.header, break: i > 0 ? 1 : 0 })),
    }),
  ];
}

/** A Grid as a Word table over `widthTwips`: the grid's relative widths, merged cells as Word merges them. */
export function gridTable(grid: Grid, widthTwips: number, look: TableLook): Table {
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const columnWidths = grid.widths.map((w) => Math.floor((w / total) * widthTwips));
  // Word keeps a row with the next one when every paragraph in it keeps with the next.
  const rowLook: NonNullable<TableLook["row"]> =
    look.row ?? ((r) => ({ cantSplit: true, keepNext: grid.keepWithNext[r] === true }));
  const paragraphs = look.paragraphs ?? ((cell, keepNext) => cellParagraph(cell, keepNext, look.fontSize));
  const padding = look.cellPadding ?? 20;
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
    rows: grid.rows.map((row, r) => {
      const { cantSplit, keepNext, minHeight } = rowLook(r);
      return new TableRow({
        cantSplit,
        ...(minHeight ? { height: { value: minHeight, rule: HeightRule.ATLEAST } } : {}),
        children: row.flatMap((cell, c) =>
          cell === null
            ? []
            : [
                new TableCell({
                  columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
                  rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
                  width: {
                    size: columnWidths.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0),
                    type: WidthType.DXA,
                  },
                  verticalAlign: VerticalAlign.CENTER,
                  margins: { left: 60, right: 60, top: padding, bottom: padding },
                  children: paragraphs(cell, keepNext),
                }),
              ],
        ),
      });
    }),
  });
}

/** The sections' page numbers, and the 草稿 mark on every page of a draft. */
export function commonSection(draft: boolean): Partial<ISectionOptions> {
  return {
    footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
    ...(draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {}),
  };
}

/** The narrative's headings and paragraphs (一、 in 黑体, （一） in 楷体). */
export function blockParagraphs(blocks: readonly Block[]): Paragraph[] {
  return blocks.map((block) =>
    block.kind === "heading"
      ? new Paragraph({
          spacing: bodySpacing,
          indent: { firstLine: 640 },
          keepNext: true,
          children: [
            run(block.text, block.level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE.body, {
              characterSpacing: BODY_CONDENSE,
            }),
          ],
        })
      : bodyParagraph(block.inlines, block),
  );
}

/** A draft's appendix: its open findings, on a page of their own. */
export function draftParagraphs(content: ReportContent): Paragraph[] {
  if (!content.draft) return [];
  return [
    new Paragraph({
      spacing: bodySpacing,
      pageBreakBefore: true,
      children: [run(SENTENCES.draftAppendix, FONTS.heading1, SIZE.body)],
    }),
    ...content.draft.findings.map((finding) =>
      bodyParagraph([
        {
          text: fill(SENTENCES.draftFinding, {
            severity: SEVERITY_NAMES[finding.severity],
            where: finding.where,
            message: finding.message,
          }),
        },
      ]),
    ),
  ];
}

/** The small print with the short fingerprint. */
export const fingerprintParagraph = (content: ReportContent) =>
  new Paragraph({
    spacing: { before: 240 },
    children: [run(content.fingerprintLine, FONTS.table, SIZE.fingerprint, { color: "595959" })],
  });

/** The document's author when the tables name no unit. */
export const PRODUCT = "绩效自评助手";

/** The custom document property that carries the data's full fingerprint (docProps/custom.xml). */
export const FINGERPRINT_PROPERTY = "绩效自评助手数据指纹";

/** The custom property that says whether the report was generated as a draft (是/否): jxzp verify regenerates alike. */
export const DRAFT_PROPERTY = "绩效自评助手草稿";

/** The custom property naming the table form a report was written in (yueyang); absent for the narrative form. */
export const FORM_PROPERTY = "绩效自评助手报告表式";

/** A document of ours: author and title from the content, the fingerprint and draft flag for jxzp verify. */
export function ourDocument(
  content: ReportContent,
  title: string,
  sections: ISectionOptions[],
  form: string | null = null,
): Document {
  const author = safe(content.unit?.trim() || PRODUCT);
  return new Document({
    creator: author,
    lastModifiedBy: author,
    title: safe(title.replace(/\n/g, "")),
    description: safe(content.fingerprintLine),
    evenAndOddHeaderAndFooters: true,
    customProperties: [
      { name: FINGERPRINT_PROPERTY, value: safe(content.fingerprint) },
      { name: DRAFT_PROPERTY, value: content.draft ? "是" : "否" },
      ...(form ? [{ name: FORM_PROPERTY, value: form }] : []),
    ],
    styles: {
      default: {
        document: { run: { font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.body }, size: SIZE.body } },
      },
    },
    sections,
  });
}
