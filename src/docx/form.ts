/**
 * A report written in a city's table form (issue 18; the 岳阳 form of 岳阳市财政局（制）) as a Word document: the
 * cover on a page of its own (title, fields, the issuer at the foot), then the numbered parts — tables with their
 * merged cells and signature blocks, and the narrative in the part the layout gives it — on A4 with the report's
 * fonts, page numbers, 草稿 mark and fingerprint. Pure rendering of a FormDocument and the narrative's content.
 */
import { AlignmentType, Packer, Paragraph, Table, type Document, type ISectionOptions } from "docx";
import type { FormDocument } from "../domain/forms/layout";
import type { ReportContent } from "../domain/report/content";
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
  ourDocument,
  PAGE,
  run,
  SIZE,
} from "./parts";

/** The width tables take: the 版心. */
const TABLE_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

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
        children.push(...blockParagraphs(content.blocks));
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
      children.push(gridTable(item.grid, TABLE_WIDTH, SIZE.table));
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
