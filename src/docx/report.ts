/**
 * The report as a Word document in the form of GB/T 9704-2012 (党政机关公文格式), as far as a report
 * follows it: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm with 22 lines of 28 characters; title in
 * 方正小标宋简体 二号, body 仿宋_GB2312 三号 with a 2-character first-line indent, 一、 headings in 黑体,
 * （一） in 楷体_GB2312; page numbers "— 1 —" in 宋体 四号 at the outside edge. East-Asian font names are
 * set on every run so Word picks them (Word substitutes 仿宋/楷体 where the GB2312 fonts are missing).
 * 22 lines per page come from the section's line grid, 28 characters per line from the runs' spacing.
 * The list of attachments (附件说明) closes the text; the attachments follow in their own sections (附件1;
 * 附件2 and each project's 附件3-n landscape). The document's title and author (the unit) are set in its
 * properties, the data's full fingerprint in a custom property (jxzp verify reads it); only a short form is
 * printed. Pure rendering of ReportContent.
 */
import {
  AlignmentType,
  DocumentGridType,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  type Document,
  type ISectionOptions,
} from "docx";
import type { Attachment, ReportContent } from "../domain/report/content";
import { fill, SENTENCES } from "../domain/report/content";
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

function attachmentSection(
  grid: Attachment,
  content: ReportContent,
  last: boolean,
  common: Partial<ISectionOptions>,
): ISectionOptions {
  const landscape = grid.landscape;
  const width = landscape ? PAGE.height - mm(20) - mm(20) : PAGE.width - MARGIN.left - MARGIN.right;
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      children: [run(fill(SENTENCES.attachmentTitle, { n: grid.number }), FONTS.heading1, SIZE.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 120 },
      children: [run(grid.title, FONTS.title, landscape ? 32 : 36)],
    }),
    gridTable(grid, width, { fontSize: landscape ? SIZE.tableSmall : SIZE.table }),
  ];
  if (last) children.push(fingerprintParagraph(content));
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
  const common = commonSection(content.draft !== null);
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
  body.push(...blockParagraphs(content.blocks), ...draftParagraphs(content));

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
      attachmentSection(grid, content, i === content.attachments.length - 1, common),
    ),
  ];

  return ourDocument(content, content.title, sections);
}

export { DRAFT_PROPERTY, FINGERPRINT_PROPERTY, FONTS, PRODUCT } from "./parts";

export async function reportBytes(content: ReportContent): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(content)));
}
