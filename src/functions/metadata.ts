/**
 * The custom functions metadata Excel loads, generated from the definitions: functions.json (en-US:
 * the ids as names, English help) and functions.zh-cn.json (Chinese function and parameter names and
 * help), in the shape custom-functions-metadata produces from JSDoc. Each function's helpUrl opens its
 * section of help.html under the add-in's base URL. The webpack build writes both; the manifest points
 * Chinese Excel at the second.
 */
import { MATRIX_KINDS } from "./arguments";
import { helpAnchor, type JxzpFunction } from "./define";
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
  /** help.html#fn-<id>: Excel's "help on this function" link. */
  readonly helpUrl: string;
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly MetadataParameter[];
  /** Empty: a scalar of any type (a number, or text such as 不适用). */
  readonly result: Record<string, never>;
}

/**
 * Only `functions`: no `allowCustomDataForDataTypeAny` (a data-types flag for entity values, which the
 * functions neither take nor return; tied to #VALUE! reports in Office 2021).
 */
export interface FunctionsMetadata {
  readonly functions: readonly MetadataFunction[];
}

/** Where the development build is served (webpack.config.js passes the production URL). */
export const DEFAULT_BASE_URL = "https://localhost:3000/";

/**
 * Microsoft's naming rules (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming, and
 * what custom-functions-metadata enforces): a function's id and name start with a letter, are at least
 * three and at most 128 characters; an id uses only A–Z, 0–9, "_" and "."; a name any Unicode letter,
 * digits, "_" and "."; a parameter name starts with a letter and uses the same characters as a name.
 */
export const NAMING_RULES = {
  id: /^[A-Z][A-Z0-9._]{2,127}$/,
  name: /^\p{L}[\p{L}0-9._]{2,127}$/u,
  parameter: /^\p{L}[\p{L}0-9._]{0,127}$/u,
} as const;

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

/** "https://host/path/help.html#fn-execrate" (a base URL without its trailing "/" gets one). */
export function helpUrlOf(fn: Pick<JxzpFunction, "id">, baseUrl: string = DEFAULT_BASE_URL): string {
  return new URL(`help.html#${helpAnchor(fn)}`, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).href;
}

/** The metadata for one language. Throws on an id or name Excel would refuse, or on a duplicate. */
export function metadataFor(
  language: MetadataLanguage,
  functions: readonly JxzpFunction[] = JXZP_FUNCTIONS,
  baseUrl: string = DEFAULT_BASE_URL,
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
    functions: functions.map((fn) => {
      unique(
        fn.params.map((p) => (zh ? p.zhName : p.name)),
        `${fn.id} parameter`,
      );
      return {
        description: zh ? fn.description : fn.descriptionEn,
        helpUrl: helpUrlOf(fn, baseUrl),
        id: checked(fn.id, NAMING_RULES.id, "function id"),
        name: checked(zh ? fn.zhName : fn.id, NAMING_RULES.name, "function name"),
        parameters: fn.params.map((param) => ({
          description: zh ? param.description : param.descriptionEn,
          ...(MATRIX_KINDS.has(param.type) ? { dimensionality: "matrix" as const } : {}),
          name: checked(zh ? param.zhName : param.name, NAMING_RULES.parameter, `${fn.id} parameter name`),
          ...(param.optional ? { optional: true as const } : {}),
          type: "any" as const,
        })),
        result: {},
      };
    }),
  };
}

/** The file's text, as the build writes it; help links under `baseUrl` (where the add-in is served). */
export function metadataJson(language: MetadataLanguage, baseUrl: string = DEFAULT_BASE_URL): string {
  return `${JSON.stringify(metadataFor(language, JXZP_FUNCTIONS, baseUrl), null, 2)}\n`;
}
