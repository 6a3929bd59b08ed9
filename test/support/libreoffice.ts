/**
 * LibreOffice for tests: where soffice is (null when it is not on the PATH: the tests that need it are skipped
 * and say so), and one headless conversion of several files with a throwaway user profile — a start costs
 * about a second, so a test converts all its files in one call.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

export const soffice: string | null =
  (process.env.PATH ?? "")
    .split(delimiter)
    .map((dir) => join(dir, "soffice"))
    .find((path) => existsSync(path)) ?? null;

/** Converts `files` to `format` (xlsx, csv, pdf …) into `outDir`, with the user profile in `profileDir`. */
export async function convertWithLibreOffice(
  files: readonly string[],
  format: string,
  outDir: string,
  profileDir: string,
  timeout: number,
): Promise<void> {
  if (!soffice) throw new Error("soffice (LibreOffice) is not on the PATH");
  await promisify(execFile)(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...files,
    ],
    { timeout },
  );
}
