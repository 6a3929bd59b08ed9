/**
 * A report written in a city's table form (issue 18; the 岳阳 form of 岳阳市财政局（制）) as a Word document: the
 * cover on a page of its own (title, fields, the issuer at the foot), then the numbered parts — tables with their
 * merged cells and signature blocks, and the narrative in the part the layout gives it — on A4 with the report's
 * fonts, page numbers, 草稿 mark and fingerprint. Pure rendering of a FormDocument and the narrative's content.
 */
import { AlignmentType, Packer, Paragraph, Table, type Document, type ISectionOptions } from "docx";
import type { FormDocument } from "../domain/forms/layout";
import type { ReportContent } from "../domain/report/content";
import type { Grid, GridCell } from "../domain/report/grid";
import {
  blockParagraphs,
  bodySpacing,
  commonSection,
  draftParagraphs,
  exactly,
  fingerprintParagraph,
  FONTS,
  gridTable,
  LINE_PITCH,
  MARGIN,
  mm,
  ourDocument,
  PAGE,
  run,
  SIZE,
} from "./parts";

/** The width tables take: the 版心. */
const TABLE_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** One character of the tables' font (五号, 10.5 pt) in twentieths of a point. */
const TABLE_CHARACTER = SIZE.table * 10;
/** The narrative's title in its part: 小二 (18 pt), below the cover's 二号. */
const NARRATIVE_TITLE = 36;
/** A row is at least this high, as a printed form leaves room to write. */
const ROW_HEIGHT = mm(7.5);
/** Characters a row may hold and still be kept whole on one page; a longer row may break across pages. */
const SHORT_ROW = 160;
/** A table of short rows with at most this many rows is kept on one page. */
const SHORT_TABLE = 16;

const ALIGNMENT = {
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  // Not justified: a long number in a narrow column would spread the line before it across the cell.
  left: AlignmentType.LEFT,
} as const;

/**
 * A cell's lines as paragraphs. Spaces a line of the layout starts with become its indent (an ASCII space half a
 * character, an ideographic one a whole): the form's signature blocks set 签章 and 年 月 日 toward the right that
 * way, and an indent holds where runs of spaces would shift with the font.
 */
function cellParagraphs(cell: GridCell, keepNext: boolean): Paragraph[] {
  return cell.text.split(/\r?\n/).map((line) => {
    const lead = /^[ \u3000]*/.exec(line)![0];
    const indent = [...lead].reduce((sum, c) => sum + (c === " " ? TABLE_CHARACTER / 2 : TABLE_CHARACTER), 0);
    return new Paragraph({
      spacing: exactly(15),
      keepNext,
      alignment: ALIGNMENT[cell.align],
      ...(indent > 0 ? { indent: { left: indent } } : {}),
      children: [run(line.slice(lead.length), FONTS.table, SIZE.table, { bold: cell.header })],
    });
  });
}

/**
 * One table of the form: the layout's widths over the 版心, merged cells as Word merges them (w:gridSpan,
 * w:vMerge), rows at least a written line high. A short row is kept whole; a row of long text (职能职责, a
 * 完成情况 of a paragraph) may break across pages rather than leave half a page blank. A short table is kept on
 * one page; a longer one keeps its header with its first row, as the layout's blocks say.
 */
function formTable(grid: Grid): Table {
  const short = grid.rows.map((row) => row.reduce((sum, cell) => sum + (cell?.text.length ?? 0), 0) <= SHORT_ROW);
  const whole = grid.rows.length <= SHORT_TABLE && short.every(Boolean);
  return gridTable(grid, TABLE_WIDTH, {
    fontSize: SIZE.table,
    cellPadding: 40,
    // A long row is never kept with the next: it would pull both onto a page of their own.
    row: (r) => ({
      cantSplit: short[r]!,
      keepNext: r < grid.rows.length - 1 && (whole || (short[r]! && grid.keepWithNext[r] === true)),
      minHeight: ROW_HEIGHT,
    }),
    paragraphs: cellParagraphs,
  });
}

function cover(form: FormDocument): Paragraph[] {
  const titles = form.cover.filter((line) => line.style === "title");
  const fields = form.cover.filter((line) => line.style === "field");
  const issuer = form.cover.filter((line) => line.style === "issuer");
  return [
    ...titles.map(
      (line, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { ...exactly(40), before: i === 0 ? LINE_PITCH * 2 : 0 },
          children: [run(line.text, FONTS.title, SIZE.title)],
        }),
    ),
    ...fields.map(
      (line, i) =>
        new Paragraph({
          spacing: { ...bodySpacing, before: i === 0 ? LINE_PITCH * 3 : Math.round(LINE_PITCH / 3) },
          indent: { left: 640 * 2 },
          children: [run(line.text, FONTS.body, SIZE.body)],
        }),
    ),
    ...issuer.map(
      (line, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { ...bodySpacing, before: i === 0 ? LINE_PITCH * 3 : 0 },
          children: [run(line.text, FONTS.heading1, SIZE.body)],
        }),
    ),
  ];
}

function parts(form: FormDocument, content: ReportContent): Array<Paragraph | Table> {
  const children: Array<Paragraph | Table> = [];
  form.parts.forEach((part, p) => {
    children.push(
      new Paragraph({
        spacing: { ...bodySpacing, before: p === 0 ? 0 : LINE_PITCH / 2 },
        keepNext: true,
        children: [run(part.heading, FONTS.heading1, SIZE.body)],
      }),
    );
    for (const item of part.items) {
      if (item.kind === "narrative") {
        // The narrative's own title first, as the printed form's 文字部分 begins, then its headings and paragraphs.
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            spacing: { ...exactly(28), before: LINE_PITCH / 2, after: LINE_PITCH / 2 },
            children: content.title
              .split("\n")
              .map((line, i) => run(line, FONTS.title, NARRATIVE_TITLE, { break: i > 0 ? 1 : 0 })),
          }),
          ...blockParagraphs(content.blocks),
        );
        continue;
      }
      if (item.kind === "paragraph") {
        children.push(new Paragraph({ spacing: { before: 120 }, children: [run(item.text, FONTS.table, SIZE.table)] }));
        continue;
      }
      if (item.grid.title)
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            spacing: { before: 120, after: 60 },
            children: [run(item.grid.title, FONTS.table, SIZE.table, { bold: true })],
          }),
        );
      children.push(formTable(item.grid));
    }
  });
  return children;
}

/** The Word document of a report in a table form. */
export function formDocument(form: FormDocument, content: ReportContent): Document {
  const common = commonSection(content.draft !== null);
  const page = { page: { size: PAGE, margin: MARGIN } };
  const sections: ISectionOptions[] = [
    { ...common, properties: page, children: cover(form) },
    {
      ...common,
      properties: page,
      children: [...parts(form, content), ...draftParagraphs(content), fingerprintParagraph(content)],
    },
  ];
  const title = form.cover
    .filter((line) => line.style === "title")
    .map((line) => line.text)
    .join("");
  return ourDocument(content, title, sections, form.id);
}

export async function formBytes(form: FormDocument, content: ReportContent): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(formDocument(form, content)));
}
