/** Reading an input file, with a Chinese message naming it when that fails. */
import { readFileSync } from "node:fs";
import { InputError } from "./errors";

export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT"
        ? `${file}：文件不存在`
        : code === "EISDIR"
          ? `${file}：是目录，不是文件`
          : `${file}：无法读取（${code}）`,
    );
  }
}
