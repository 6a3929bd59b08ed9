/**
 * How a JXZP function is defined: once, with everything Excel, the CLI and the task pane need (id,
 * Chinese name, parameters with their kinds, help, example) and an implementation over typed arguments.
 * `invoke` coerces Excel's raw values by the parameters' kinds (arguments.ts) before the implementation
 * runs, so a parameter's Chinese name is written once: in its definition.
 */
import { getProfile } from "../domain/profiles";
import { coerce, invalid, type ArgumentKind, type ArgumentTypes, type CellResult } from "./arguments";

export interface ParamDefinition<K extends ArgumentKind = ArgumentKind, N extends string = string> {
  /** The en-US metadata's parameter name, and the key the implementation reads the argument by. */
  readonly name: N;
  /** The zh-CN metadata's parameter name, and the argument's name in error messages. */
  readonly zhName: string;
  readonly type: K;
  readonly optional?: boolean;
  /** Excel's help for the argument in Chinese Excel (functions.zh-cn.json), the task pane and the help page. */
  readonly description: string;
  /** Excel's help for the argument in English Excel (functions.json). */
  readonly descriptionEn: string;
}

/** The typed arguments of an implementation, by parameter name. */
export type ArgumentsOf<P extends readonly ParamDefinition[]> = {
  readonly [Q in P[number] as Q["name"]]: ArgumentTypes[Q["type"]];
};

export interface FunctionDefinition<Id extends string, P extends readonly ParamDefinition[]> {
  /** Stable (saved workbooks call it) and the en-US name. */
  readonly id: Id;
  /** The name Chinese Excel shows (functions.zh-cn.json). */
  readonly zhName: string;
  /** Excel's help for the function in Chinese Excel (functions.zh-cn.json), also shown in the task pane. */
  readonly description: string;
  /** Excel's help for the function in English Excel (functions.json). */
  readonly descriptionEn: string;
  readonly params: P;
  /** What the cell shows. */
  readonly result: string;
  /** An example call's arguments and the result a cell shows. */
  readonly example: { readonly args: string; readonly result: string };
  readonly implement: (args: ArgumentsOf<P>) => CellResult;
}

/** A defined function, its parameters' kinds erased: what Excel, the CLI and the metadata generator use. */
export interface JxzpFunction<Id extends string = string> extends Omit<
  FunctionDefinition<Id, readonly ParamDefinition[]>,
  "implement"
> {
  /**
   * Computes from raw values as Excel passes them (positional; missing ones empty, extra ones such as
   * Excel's invocation object ignored). Throws FunctionInputError for a bad argument, or for a result
   * that is not a finite number (never returned: Excel cannot show Infinity or NaN).
   */
  readonly invoke: (args: readonly unknown[]) => CellResult;
}

/**
 * A JXZP function from its definition. A band depends on the scoring profile, so a profile argument is
 * read first; every other argument in order.
 */
export function defineFunction<const Id extends string, const P extends readonly ParamDefinition[]>(
  definition: FunctionDefinition<Id, P>,
): JxzpFunction<Id> {
  const { implement, ...info } = definition;
  const params: readonly ParamDefinition[] = definition.params;
  const profileAt = params.findIndex((param) => param.type === "profile");
  const profileLabel = params[profileAt]?.zhName ?? "";
  const defaultProfile = getProfile();
  return {
    ...info,
    invoke(raw) {
      const profile = profileAt < 0 ? defaultProfile : coerce("profile", raw[profileAt], profileLabel);
      const args: Record<string, unknown> = {};
      for (let i = 0; i < params.length; i++) {
        const param = params[i]!;
        args[param.name] = i === profileAt ? profile : coerce(param.type, raw[i], param.zhName, profile);
      }
      return cellValue(implement(args as ArgumentsOf<P>));
    },
  };
}

/**
 * What a cell may show: never Infinity or NaN (Excel has no such values and would show #NUM! without a
 * word; #VALUE! carries our message, #NUM! cannot), and 0 rather than −0. The arguments are bounded
 * (arguments.ts), so this is the last guard.
 */
function cellValue(result: CellResult): CellResult {
  if (typeof result !== "number") return result;
  if (!Number.isFinite(result)) throw invalid("结果超出 Excel 能表示的范围，请检查参数");
  return result === 0 ? 0 : result;
}

export type Language = "zh" | "en";

/** The name Excel shows: Chinese in Chinese Excel (functions.zh-cn.json), the id elsewhere. */
export function nameOf(fn: JxzpFunction, language: Language = "zh"): string {
  return language === "zh" ? fn.zhName : fn.id;
}

/**
 * The anchor of a function's section on help.html ("fn-execrate"), where its metadata's helpUrl points
 * (metadata.ts) and the help page puts its section.
 */
export const helpAnchor = (fn: Pick<JxzpFunction, "id">): string => `fn-${fn.id.toLowerCase()}`;

/** "全年执行数, 全年预算数" (optional parameters in brackets). */
export function paramsOf(fn: JxzpFunction, language: Language = "zh"): string {
  return fn.params
    .map((param) => {
      const name = language === "zh" ? param.zhName : param.name;
      return param.optional ? `[${name}]` : name;
    })
    .join(", ");
}

/** "EXECRATE(全年执行数, 全年预算数)": the id as typed on the command line, with Chinese parameter names. */
export function signatureOf(fn: JxzpFunction): string {
  return `${fn.id}(${paramsOf(fn)})`;
}

/** "=JXZP.执行率(1387.53, 1387.53) → 100.00%". */
export function exampleOf(fn: JxzpFunction, language: Language = "zh"): string {
  return `=JXZP.${nameOf(fn, language)}(${fn.example.args}) → ${fn.example.result}`;
}
