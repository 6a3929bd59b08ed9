/**
 * 年度指标值 and 实际完成值 are free text ("≥95%", "1300 家", "120亿元", "12月底前", "提高").
 * This parser reads comparator, number, unit, direction and kind (SPEC section 6). It never throws:
 * text it cannot read comes back as kind "unreadable" with the reason in Chinese.
 */
import { Dec } from "./decimal";
import { ratio, type Rate } from "./rates";

export type Comparator = ">=" | "<=" | ">" | "<" | "=";
/** positive: more is better (actual/target); negative: less is better (target/actual). */
export type Direction = "positive" | "negative";
export type MeasureKind = "quantitative" | "qualitative" | "time" | "empty" | "unreadable";

/** A point in time: year may be absent ("12月"); day absent means the end of the month. */
export interface TimePoint {
  readonly year: number | null;
  readonly month: number;
  readonly day: number | null;
}

export interface Measure {
  readonly text: string;
  readonly kind: MeasureKind;
  readonly comparator: Comparator | null;
  /** The number in `unit` (120亿元 → 1200000 万元). */
  readonly value: Dec | null;
  /** Canonical unit: 亿元/元 → 万元, ‰ → %, 平方米/㎡ → m². */
  readonly unit: string | null;
  readonly direction: Direction;
  /** true when the direction comes from a comparator word or symbol, not the default. */
  readonly directionStated: boolean;
  readonly time: TimePoint | null;
  /** Why an "unreadable" text could not be read. */
  readonly problem: string | null;
}

const COMPARATOR_PREFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  [">=", ">="],
  ["<=", "<="],
  ["≥", ">="],
  ["≤", "<="],
  ["⩾", ">="],
  ["⩽", "<="],
  ["≧", ">="],
  ["≦", "<="],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
  ["不低于", ">="],
  ["不少于", ">="],
  ["不小于", ">="],
  ["至少", ">="],
  ["大于等于", ">="],
  ["高于", ">"],
  ["大于", ">"],
  ["超过", ">"],
  ["多于", ">"],
  ["不超过", "<="],
  ["不高于", "<="],
  ["不大于", "<="],
  ["不多于", "<="],
  ["小于等于", "<="],
  ["至多", "<="],
  ["控制在", "<="],
  ["不晚于", "<="],
  ["不迟于", "<="],
  ["截至", "<="],
  ["截止", "<="],
  ["最多", "<="],
  ["≯", "<="],
  ["最少", ">="],
  ["≮", ">="],
  ["不到", "<"],
  ["低于", "<"],
  ["小于", "<"],
  ["少于", "<"],
  ["等于", "="],
];

const COMPARATOR_SUFFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ["及以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
  ["内", "<="],
];

/** Words before a number that change nothing ("达到95%", "完成8次"). */
const NEUTRAL_PREFIX = /^(达到|完成|实现|累计|全年|新增|约|保持|稳定在|为|是|于|在)+/;

/** Unit spellings → [canonical unit, factor into the canonical unit]. Longest spelling wins. */
const UNIT_ALIASES: Record<string, readonly [string, string]> = {
  "%": ["%", "1"],
  "‰": ["%", "0.1"],
  亿元: ["万元", "10000"],
  万元: ["万元", "1"],
  千元: ["万元", "0.1"],
  元: ["万元", "0.0001"],
  平方米: ["m²", "1"],
  // Multi-character counting units that the generic pattern would cut or over-read.
  个工作日: ["个工作日", "1"],
  工作日: ["工作日", "1"],
  万人次: ["人次", "10000"],
  人次: ["人次", "1"],
  个月: ["个月", "1"],
  小时: ["小时", "1"],
};

/** 万/亿 before a counting unit multiply ("1.2万人" = 12000 人); 万元/亿元 are money units above. */
const MULTIPLIERS: Record<string, string> = { 万: "10000", 亿: "100000000" };

const UNIT_SPELLINGS = Object.keys(UNIT_ALIASES).sort((a, b) => b.length - a.length);

const UNIT_PATTERN = /^(?:[%‰]|[a-zA-Z²]{1,4}|[\u4e00-\u9fff]{1,3})/;

const TIME_PATTERNS: ReadonlyArray<RegExp> = [
  // 2024年12月31日前, 12月底前完成, 12月, 2024年12月
  /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?(?:份)?(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前|内|以内)?(?:完成)?$/,
  // 2023年内, 2024年底前完成, 2024年度
  /^(\d{4})年(?:度)?(?:底|末)?(?:内|以内|前|之前)?(?:完成)?$/,
  // 2024-12-31, 2024/12, 2024.12.31 (a dot needs the day: "2000.5" is a number)
  /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?|\.(\d{1,2})\.(\d{1,2}))(?:前|之前|以前)?$/,
];

function measure(text: string, fields: Partial<Measure>): Measure {
  return Object.freeze({
    text,
    kind: "unreadable",
    comparator: null,
    value: null,
    unit: null,
    direction: "positive",
    directionStated: false,
    time: null,
    problem: null,
    ...fields,
  });
}

/** NFKC turns full-width digits, ％ and ＞ into ASCII; thousands separators and spaces go. */
function normalise(text: string): string {
  return text
    .replace(/㎡|[mM]²|[mM]2(?!\d)/g, "平方米") // before NFKC, which would turn ² into a second number
    .normalize("NFKC")
    .replace(/(\d)[,，](?=\d{3}(?!\d))/g, "$1")
    .replace(/\s+/g, "")
    .trim();
}

function directionOf(comparator: Comparator | null): { direction: Direction; directionStated: boolean } {
  if (comparator === "<=" || comparator === "<") return { direction: "negative", directionStated: true };
  if (comparator === ">=" || comparator === ">") return { direction: "positive", directionStated: true };
  return { direction: "positive", directionStated: false };
}

function parseTime(text: string): TimePoint | null {
  for (const pattern of TIME_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const year = match[1] ? Number(match[1]) : null;
    if (year !== null && (year < 1990 || year > 2100)) return null;
    if (pattern === TIME_PATTERNS[1]) return { year, month: 12, day: null };
    const month = Number(match[2] ?? match[4]);
    const dayText = match[3] ?? match[5];
    const day = dayText ? Number(dayText) : null;
    if (!(month >= 1 && month <= 12) || (day !== null && (day < 1 || day > 31))) return null;
    return { year, month, day };
  }
  return null;
}

function stripComparator(text: string): { rest: string; comparator: Comparator | null } {
  let rest = text.replace(NEUTRAL_PREFIX, "");
  let comparator: Comparator | null = null;
  for (const [word, comp] of COMPARATOR_PREFIXES) {
    if (rest.startsWith(word)) {
      comparator = comp;
      rest = rest.slice(word.length);
      break;
    }
  }
  rest = rest.replace(NEUTRAL_PREFIX, "");
  for (const [word, comp] of COMPARATOR_SUFFIXES) {
    if (rest.endsWith(word)) {
      comparator = comparator ?? comp;
      rest = rest.slice(0, -word.length);
      break;
    }
  }
  return { rest, comparator };
}

function readUnit(afterNumber: string): { unit: string | null; factor: Dec } {
  const alias = UNIT_SPELLINGS.find((spelling) => afterNumber.startsWith(spelling));
  if (alias) {
    const [unit, factor] = UNIT_ALIASES[alias]!;
    return { unit, factor: new Dec(factor) };
  }
  const multiplier = MULTIPLIERS[afterNumber[0] ?? ""];
  if (multiplier && afterNumber.length > 1) {
    const rest = readUnit(afterNumber.slice(1));
    return { unit: rest.unit, factor: rest.factor.times(multiplier) };
  }
  if (multiplier) return { unit: null, factor: new Dec(multiplier) };
  const match = UNIT_PATTERN.exec(afterNumber);
  return { unit: match ? match[0] : null, factor: new Dec(1) };
}

/** Parsed texts: a sheet repeats the same few texts ("100%", "12月") and Excel recalculates in batches. */
const CACHE_LIMIT = 10000;
const cache = new Map<string, Measure>();

/** Reads one 年度指标值 or 实际完成值. Never throws. Results are immutable and cached by text. */
export function parseMeasure(input: unknown): Measure {
  const original = input == null ? "" : String(input);
  const cached = cache.get(original);
  if (cached) return cached;
  const parsed = parseUncached(original);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(original, parsed);
  return parsed;
}

function parseUncached(original: string): Measure {
  try {
    const text = normalise(original);
    if (text === "") return measure(original, { kind: "empty", problem: "未填写" });

    const { rest, comparator } = stripComparator(text);
    const time = parseTime(rest);
    if (time) {
      // A deadline: on or before it is met, so earlier is better.
      return measure(original, {
        kind: "time",
        comparator: comparator ?? "<=",
        direction: "negative",
        directionStated: true,
        time,
      });
    }

    const numbers: string[] = rest.match(/[+-]?\d+(?:\.\d+)?/g) ?? [];
    const [numberText] = numbers;
    if (numberText === undefined)
      return measure(original, { kind: "qualitative", ...directionOf(comparator), comparator });
    if (numbers.length > 1) {
      return measure(original, {
        kind: "unreadable",
        problem: `含有多个数字（${numbers.join("、")}），无法判断以哪个为准`,
      });
    }

    const at = rest.indexOf(numberText);
    const { unit, factor } = readUnit(rest.slice(at + numberText.length));
    const value = new Dec(numberText).times(factor);
    // A ranking ("第35位") is better when lower; a bare 0 target ("0起", "0%") means none at all.
    const ranking = rest.slice(0, at).endsWith("第") && (unit === "位" || unit === "名");
    const noneAtAll = comparator === null && value.isZero();
    if (ranking || noneAtAll) {
      return measure(original, {
        kind: "quantitative",
        comparator: comparator ?? "<=",
        value,
        unit,
        direction: "negative",
        directionStated: true,
      });
    }
    return measure(original, { kind: "quantitative", comparator, value, unit, ...directionOf(comparator) });
  } catch (error) {
    return measure(original, { kind: "unreadable", problem: `无法识别：${(error as Error).message}` });
  }
}

export type Completion =
  | {
      readonly kind: "quantitative";
      readonly met: boolean;
      readonly direction: Direction;
      /** actual/target (positive) or target/actual (negative); 不适用 on a 0 denominator. */
      readonly rate: Rate;
      readonly unit: string | null;
    }
  | { readonly kind: "time"; readonly met: boolean }
  | { readonly kind: "qualitative" }
  | { readonly kind: "unscorable"; readonly reason: string };

function timeOrdinal(point: TimePoint, withYear: boolean): number {
  return (withYear ? (point.year ?? 0) * 10000 : 0) + point.month * 100 + (point.day ?? 31);
}

function meets(actual: Dec, target: Dec, comparator: Comparator | null, direction: Direction): boolean {
  switch (comparator) {
    case ">":
      return actual.greaterThan(target);
    case "<":
      return actual.lessThan(target);
    case "<=":
      return actual.lessThanOrEqualTo(target);
    case ">=":
      return actual.greaterThanOrEqualTo(target);
    default:
      return direction === "positive" ? actual.greaterThanOrEqualTo(target) : actual.lessThanOrEqualTo(target);
  }
}

/** Compares an actual with its target: met or not, and the completion rate of SPEC section 4. */
export function completionOf(target: Measure, actual: Measure): Completion {
  if (target.kind === "empty") return { kind: "unscorable", reason: "年度指标值未填写" };
  if (target.kind === "unreadable")
    return { kind: "unscorable", reason: `年度指标值「${target.text}」${target.problem}` };
  if (target.kind === "qualitative") return { kind: "qualitative" };
  if (actual.kind === "empty") return { kind: "unscorable", reason: "实际完成值未填写" };
  if (actual.kind === "unreadable")
    return { kind: "unscorable", reason: `实际完成值「${actual.text}」${actual.problem}` };

  if (target.kind === "time") {
    if (actual.kind !== "time" || !actual.time || !target.time) {
      return {
        kind: "unscorable",
        reason: `年度指标值「${target.text}」是时间，实际完成值「${actual.text}」不是时间，无法比较`,
      };
    }
    const withYear = target.time.year !== null && actual.time.year !== null;
    return { kind: "time", met: timeOrdinal(actual.time, withYear) <= timeOrdinal(target.time, withYear) };
  }

  if (actual.kind !== "quantitative" || actual.value === null || target.value === null) {
    return {
      kind: "unscorable",
      reason: `年度指标值「${target.text}」是数值，实际完成值「${actual.text}」没有可比较的数值`,
    };
  }
  // An actual written without a unit ("95" against "≥95%") takes the target's.
  if (actual.unit !== null && target.unit !== null && actual.unit !== target.unit) {
    return {
      kind: "unscorable",
      reason: `单位不一致：年度指标值「${target.text}」单位为「${target.unit}」，实际完成值「${actual.text}」单位为「${actual.unit}」`,
    };
  }
  const { direction } = target;
  return {
    kind: "quantitative",
    met: meets(actual.value, target.value, target.comparator, direction),
    direction,
    rate: direction === "positive" ? ratio(actual.value, target.value) : ratio(target.value, actual.value),
    unit: target.unit ?? actual.unit,
  };
}
