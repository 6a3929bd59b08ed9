/** Reading back what src/docx/report.ts wrote: the data fingerprint in a report's custom properties. */
import JSZip from "jszip";
import { FINGERPRINT_PROPERTY } from "./report";

export class ReportReadError extends Error {}

/** The fingerprint a report carries in its custom document properties. */
export async function reportFingerprint(docx: Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(docx);
  } catch (error) {
    throw new ReportReadError(`不是有效的 .docx 文档（${(error as Error).message}）`);
  }
  const custom = await zip.file("docProps/custom.xml")?.async("string");
  const match =
    custom && new RegExp(`name="${FINGERPRINT_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([0-9a-f]{64})</vt:lpwstr>`).exec(custom);
  if (!match) throw new ReportReadError("文档中没有绩效自评助手的数据指纹：它不是由本工具生成的报告");
  return match[1]!;
}
