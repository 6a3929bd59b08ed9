/**
 * The custom functions metadata Excel loads, generated from the definitions: functions.json (en-US:
 * the ids as names) and functions.zh-cn.json (Chinese function and parameter names), in the shape
 * custom-functions-metadata produces from JSDoc. The webpack build writes both; the manifest points
 * Chinese Excel at the second.
 */
import { MATRIX_KINDS } from "./arguments";
import type { JxzpFunction } from "./define";
import { JXZP_FUNCTIONS } from "./definitions";

export type MetadataLanguage = "en-US" | "zh-CN";

/** The file Excel loads for a language (the manifest names both). */
export const METADATA_FILES: Readonly<Record<MetadataLanguage, string>> = {
  "en-US": "functions.json",
  "zh-CN": "functions.zh-cn.json",
};

export interface MetadataParameter {
  readonly description: string;
  /** Absent for a single value (scalar). */
  readonly dimensionality?: "matrix";
  readonly name: string;
  /** Absent when required. */
  readonly optional?: true;
  /** "any": Excel passes the raw value, so the function can say in Chinese what is wrong with it. */
  readonly type: "any";
}

export interface MetadataFunction {
  readonly description: string;
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly MetadataParameter[];
  /** Empty: a scalar of any type (a number, or text such as 不适用). */
  readonly result: Record<string, never>;
}

export interface FunctionsMetadata {
  readonly allowCustomDataForDataTypeAny: true;
  readonly functions: readonly MetadataFunction[];
}

// The rules custom-functions-metadata enforces on ids and names.
const ID = /^[A-Za-z0-9._]{1,128}$/;
const NAME = /^\p{L}[\p{L}0-9._]{0,127}$/u;

function checked(name: string, pattern: RegExp, what: string): string {
  if (!pattern.test(name)) throw new Error(`${what} "${name}" is not allowed in custom functions metadata`);
  return name;
}

function unique(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`${what} "${name}" appears twice`);
    seen.add(name);
  }
}

/** The metadata for one language. Throws on an id or name Excel would refuse, or on a duplicate. */
export function metadataFor(
  language: MetadataLanguage,
  functions: readonly JxzpFunction[] = JXZP_FUNCTIONS,
): FunctionsMetadata {
  const zh = language === "zh-CN";
  unique(
    functions.map((fn) => fn.id),
    "function id",
  );
  unique(
    functions.map((fn) => (zh ? fn.zhName : fn.id)),
    `${language} function name`,
  );
  return {
    allowCustomDataForDataTypeAny: true,
    functions: functions.map((fn) => {
      unique(
        fn.params.map((p) => (zh ? p.zhName : p.name)),
        `${fn.id} parameter`,
      );
      return {
        description: fn.description,
        id: checked(fn.id, ID, "function id"),
        name: checked(zh ? fn.zhName : fn.id, NAME, "function name"),
        parameters: fn.params.map((param) => ({
          description: param.description,
          ...(MATRIX_KINDS.has(param.type) ? { dimensionality: "matrix" as const } : {}),
          name: checked(zh ? param.zhName : param.name, NAME, `${fn.id} parameter name`),
          ...(param.optional ? { optional: true as const } : {}),
          type: "any" as const,
        })),
        result: {},
      };
    }),
  };
}

/** The file's text, as the build writes it. */
export function metadataJson(language: MetadataLanguage): string {
  return `${JSON.stringify(metadataFor(language), null, 2)}\n`;
}
