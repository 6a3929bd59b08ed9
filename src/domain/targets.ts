/**
 * 年度指标值 and 实际完成值 are free text ("≥95%", "1300 家", "120亿元", "12月底前", "提高").
 * This parser reads comparator, number, unit, direction and kind (SPEC section 6). It never throws:
 * text it cannot read comes back as kind "unreadable" with the reason in Chinese.
 */
import { Dec, decimalProblemText, excerpt, readDecimal } from "./decimal";
import { ratio, type Rate } from "./rates";
import { DIRECTION_CUES, type DirectionCue } from "./vocabulary";

export type Comparator = ">=" | "<=" | ">" | "<" | "=";
/** positive: more is better (actual/target); negative: less is better (target/actual). */
export type Direction = "positive" | "negative";
export type MeasureKind = "quantitative" | "qualitative" | "time" | "empty" | "unreadable";
/**
 * What in the text itself states a direction: a comparator (≥, 不超过, 控制在, 预算内), a deadline, a bare
 * 0 ("0起": none at all) or a ranking ("第35位").
 */
export type StatedDirection = "comparator" | "deadline" | "zero" | "ranking";

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
  /** What in the text states the direction; null when nothing does (then the indicator may: `directionOf`). */
  readonly directionBasis: StatedDirection | null;
  /** The date of a time text; null for a dateless one ("按期完成", "延期完成"). */
  readonly time: TimePoint | null;
  /** A dateless statement about the schedule: true for 按期/按时/如期/提前完成, false for 延期/逾期/未按期. */
  readonly onTime: boolean | null;
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
  // "3个亿" (seed 000: 技术交易额大于等于3个亿) is spoken for 3亿元.
  个亿: ["万元", "10000"],
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

/**
 * Units that measure the same thing although they are spelled differently. A unit keeps its spelling
 * (the table's text), and two units agree when they are equal or in one family here.
 *
 * - 计数: a classifier (量词) only says "so many"; what is counted is named by the indicator, the same for
 *   the target and the actual of one row, so "≥10个" and "12家" compare. Things and events alike:
 *   个 家 户 项 件 次 所 座 台 套 处 起 宗 场 条 篇 份 辆 栋 批 期 轮 届.
 * - 人员: 人 名 位 (persons). Not 人次: 100 人 at 3 sessions are 300 人次, so 人 ≠ 人次 and 次 ≠ 人次
 *   (sessions vs attendances); nor 户 ≠ 人 (households vs persons).
 * - 天 and 日 are calendar days; 工作日 and 个工作日 are working days; the two do not agree.
 * Money converts instead (元, 千元, 亿元 → 万元), as does ‰ → %.
 */
export const UNIT_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  计数: [..."个家户项件次所座台套处起宗场条篇份辆栋批期轮届"],
  人员: ["人", "名", "位"],
  天数: ["天", "日"],
  工作日: ["工作日", "个工作日"],
};

function familyOf(unit: string): string | null {
  return Object.keys(UNIT_FAMILIES).find((family) => UNIT_FAMILIES[family]!.includes(unit)) ?? null;
}

/** Whether a target's and an actual's units measure the same thing (UNIT_FAMILIES). */
export function unitsAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const family = familyOf(a);
  return family !== null && family === familyOf(b);
}

/** 万/亿 before a counting unit multiply ("1.2万人" = 12000 人); 万元/亿元 are money units above. */
const MULTIPLIERS: Record<string, string> = { 万: "10000", 亿: "100000000" };

const UNIT_SPELLINGS = Object.keys(UNIT_ALIASES).sort((a, b) => b.length - a.length);

const UNIT_PATTERN = /^(?:[%‰]|[a-zA-Z²]{1,4}|[\u4e00-\u9fff]{1,3})/;

/**
 * Deadlines. One deadline may be written many ways; these all read as the same point:
 * "2023年内", "2023年内全部完成", "在2023年内全部完成", "2023年底前完成", "2023年度" → 2023年12月;
 * "年内", "年底前", "年内完成", "本年度内", "当年", "全年" → 12月 of the year evaluated (no year);
 * "12月底前全部完成" → 12月. A trailing statement of completion (完成, 全部完成, 如期完成…) adds nothing.
 */
const DONE = "(?:(?:已|均|全部|全面|如期|按期|按时|顺利)*(?:完成|完工|建成|办结|结束|完毕)(?:任务|工作)?)?";
const BEFORE = "(?:前|之前|以前|内|以内|之内)?";

const MONTH_DEADLINE = new RegExp(
  `^(?:(\\d{4})年)?(\\d{1,2})月(?:(\\d{1,2})[日号])?(?:份)?(?:底|末|中旬|上旬|下旬)?${BEFORE}${DONE}$`,
);
const YEAR_DEADLINE = new RegExp(`^(\\d{4})年(?:度)?(?:底|末)?${BEFORE}${DONE}$`);
const THIS_YEAR_DEADLINE = new RegExp(`^(?:本|当|今)?(?:全年|年度|年)(?:底|末)?${BEFORE}${DONE}$`);
// 2024-12-31, 2024/12, 2024.12.31 (a dot needs the day: "2000.5" is a number)
const NUMERIC_DATE = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?|\.(\d{1,2})\.(\d{1,2}))(?:前|之前|以前)?$/;

/**
 * Dateless statements about the schedule. "按期完成" as a target is a deadline the table does not date:
 * met when the actual says 按期/按时/如期/提前完成. As an actual it proves no date, so against "12月" it
 * cannot be scored. A statement of delay or of no completion ("未按期完成", "延期完成", "未完成") is a miss
 * against any deadline.
 */
const ON_TIME =
  /^(?:已|均|全部|全面|顺利)*(?:按期|按时|如期|按计划|按进度|及时|提前)(?:完成|完工|办结|实施|建成|交付|到位|推进|开展)?(?:任务|工作)?$/;
const LATE =
  /^(?:(?:尚|仍)?未能?|没有|没能)(?:按期|按时|如期|及时|按计划)?(?:完成|完工|办结|建成|交付)$|^(?:延期|逾期|滞后|推迟|延迟|超期)(?:完成|完工|办结|建成|交付)?$/;

/**
 * "控制在预算内", "预算内", "不超预算", "不超支": a cap at the budget with no amount. The target states
 * less-is-better; the actual meets it when it says so (BUDGET_KEPT), misses it when it says it overran
 * (BUDGET_OVERRUN), and compares with 100% when it is a share of the budget ("98%").
 */
const BUDGET_WORD = "预算(?:数|金额|额度)?(?:范围)?";
const BUDGET = `(?:年度|项目)?${BUDGET_WORD}`;
const WITHIN = "(?:以内|之内|内)";
const BUDGET_CAP = new RegExp(
  `^(?:(?:控制在|在|不超过|不超出|不超|不突破|未超)${BUDGET}${WITHIN}?|${BUDGET}${WITHIN}|不超支|无超支|零超支|未超支)$`,
);
const OVERRUN = "(?:超支|超出预算|超预算|突破预算|超过预算)";
const BUDGET_KEPT = new RegExp(`(?:未|没有|无|不|零)${OVERRUN}|${BUDGET_WORD}${WITHIN}`);
const BUDGET_OVERRUN = new RegExp(OVERRUN);

function measure(text: string, fields: Partial<Measure>): Measure {
  return Object.freeze({
    text,
    kind: "unreadable",
    comparator: null,
    value: null,
    unit: null,
    direction: "positive",
    directionStated: false,
    directionBasis: null,
    time: null,
    onTime: null,
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

function comparatorDirection(
  comparator: Comparator | null,
): Pick<Measure, "direction" | "directionStated" | "directionBasis"> {
  if (comparator === "<=" || comparator === "<")
    return { direction: "negative", directionStated: true, directionBasis: "comparator" };
  if (comparator === ">=" || comparator === ">")
    return { direction: "positive", directionStated: true, directionBasis: "comparator" };
  return { direction: "positive", directionStated: false, directionBasis: null };
}

const STATED = (basis: StatedDirection) =>
  ({ direction: "negative", directionStated: true, directionBasis: basis }) as const;

function parseTime(text: string): TimePoint | null {
  const checked = (year: number | null, month: number, day: number | null): TimePoint | null => {
    if (year !== null && (year < 1990 || year > 2100)) return null;
    if (!(month >= 1 && month <= 12) || (day !== null && (day < 1 || day > 31))) return null;
    return { year, month, day };
  };
  let match = MONTH_DEADLINE.exec(text);
  if (match) return checked(match[1] ? Number(match[1]) : null, Number(match[2]), match[3] ? Number(match[3]) : null);
  match = YEAR_DEADLINE.exec(text);
  if (match) return checked(Number(match[1]), 12, null);
  if (THIS_YEAR_DEADLINE.test(text)) return { year: null, month: 12, day: null };
  match = NUMERIC_DATE.exec(text);
  if (match) {
    const dayText = match[3] ?? match[5];
    return checked(Number(match[1]), Number(match[2] ?? match[4]), dayText ? Number(dayText) : null);
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

/** A user's text in a message, in 「」 and cut short: a hostile cell never floods one. */
const quote = (text: string) => `「${excerpt(text, 100)}」`;

/** The longest run of digits read as a number (a cell holds 32,767 characters; an amount needs 20 or so). */
const MAX_DIGITS = 200;

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
    // "全年" loses its words to the neutral prefix, so the whole text is tried too.
    const time = parseTime(rest) ?? parseTime(text.replace(/^(?:在|于)/, ""));
    if (time) {
      // A deadline: on or before it is met, so earlier is better.
      return measure(original, { kind: "time", comparator: comparator ?? "<=", time, ...STATED("deadline") });
    }
    const onTime = ON_TIME.test(text) ? true : LATE.test(text) ? false : null;
    if (onTime !== null) {
      return measure(original, { kind: "time", comparator: "<=", onTime, ...STATED("deadline") });
    }
    if (BUDGET_CAP.test(text)) {
      return measure(original, { kind: "qualitative", comparator: "<=", ...STATED("comparator") });
    }

    const numbers: string[] = rest.match(/[+-]?\d+(?:\.\d+)?/g) ?? [];
    const [numberText] = numbers;
    if (numberText === undefined)
      return measure(original, { kind: "qualitative", ...comparatorDirection(comparator), comparator });
    if (numbers.length > 1) {
      return measure(original, {
        kind: "unreadable",
        problem: `含有多个数字（${excerpt(numbers.join("、"))}），无法判断以哪个为准`,
      });
    }

    const at = rest.indexOf(numberText);
    const { unit, factor } = readUnit(rest.slice(at + numberText.length));
    // Within decimal.ts's MAGNITUDE, as every amount: a 400-digit target would make a rate past what a
    // cell holds (Infinity). Digits beyond MAX_DIGITS are not read at all.
    const read = numberText.length > MAX_DIGITS ? null : readDecimal(new Dec(numberText).times(factor));
    if (read === null || "problem" in read) {
      const why = read === null ? "数字过长" : decimalProblemText(read.problem);
      return measure(original, { kind: "unreadable", problem: `${why}，无法比较` });
    }
    const value = read.dec;
    // A ranking ("第35位") is better when lower; a bare 0 target ("0起", "0%", "=0") means none at all.
    const ranking = rest.slice(0, at).endsWith("第") && (unit === "位" || unit === "名");
    if (ranking) {
      return measure(original, {
        kind: "quantitative",
        comparator: comparator ?? "<=",
        value,
        unit,
        ...STATED("ranking"),
      });
    }
    if ((comparator === null || comparator === "=") && value.isZero()) {
      return measure(original, {
        kind: "quantitative",
        comparator: comparator ?? "<=",
        value,
        unit,
        ...STATED("zero"),
      });
    }
    return measure(original, { kind: "quantitative", comparator, value, unit, ...comparatorDirection(comparator) });
  } catch (error) {
    return measure(original, { kind: "unreadable", problem: `无法识别：${(error as Error).message}` });
  }
}

/** The row an indicator's texts belong to: its 一级/二级指标 and its name (三级指标). */
export interface IndicatorContext {
  readonly level1?: unknown;
  readonly level2?: unknown;
  readonly name?: unknown;
}

/** Where a direction came from: the target text itself, the indicator's name or level, or the default. */
export type DirectionSource = StatedDirection | "name" | "level" | "default";

export interface DirectionDecision {
  readonly direction: Direction;
  readonly source: DirectionSource;
  /** Why, in Chinese: "三级指标「项目成本」含“成本”：成本不超过年度指标值为达成". */
  readonly why: string;
  /**
   * An indicator cue that the target's explicit comparator overrode ("成本" named, "≥" typed), in
   * Chinese; null when none. The comparator wins; this is there for a finding that asks.
   */
  readonly overridden: string | null;
}

/** Names and levels repeat across rows and workbooks: each normalised once (bounded, like the parse cache). */
const cueTexts = new Map<string, string>();

function cueText(value: unknown): string {
  if (value == null) return "";
  const text = String(value);
  const known = cueTexts.get(text);
  if (known !== undefined) return known;
  if (cueTexts.size >= CACHE_LIMIT) cueTexts.clear();
  const normalised = normalise(text);
  cueTexts.set(text, normalised);
  return normalised;
}

interface CueMatch {
  readonly direction: Direction;
  readonly field: DirectionCue["field"];
  readonly why: string;
}

/**
 * Cue matches by what decides them (the row's normalised name and levels, whether the target is money):
 * a batch repeats the same few rows, and trying every cue's pattern on each is most of scoring a row.
 */
const cueMatches = new Map<string, CueMatch | null>();

/** The first DIRECTION_CUES entry the indicator's name or level matches, with the words it matched. */
function indicatorCue(indicator: IndicatorContext | null | undefined, target: Measure): CueMatch | null {
  if (!indicator) return null;
  // Normalised once per row, not once per cue: this runs for every indicator of every workbook.
  const [name, level1, level2] = [cueText(indicator.name), cueText(indicator.level1), cueText(indicator.level2)];
  const money = target.unit === "万元";
  // The lengths keep the key unambiguous whatever the texts hold.
  const key = `${money ? "万元" : ""}|${name.length}|${level1.length}|${name}${level1}${level2}`;
  const known = cueMatches.get(key);
  if (known !== undefined) return known;
  const match = firstCue(name, [level1, level2], money);
  if (cueMatches.size >= CACHE_LIMIT) cueMatches.clear();
  cueMatches.set(key, match);
  return match;
}

function firstCue(name: string, [level1, level2]: readonly [string, string], money: boolean): CueMatch | null {
  const fieldTexts: Record<DirectionCue["field"], ReadonlyArray<readonly [label: string, text: string]>> = {
    name: [["三级指标", name]],
    level: [
      ["一级指标", level1],
      ["二级指标", level2],
    ],
  };
  for (const cue of DIRECTION_CUES) {
    if (cue.moneyOnly && !money) continue;
    for (const [label, text] of fieldTexts[cue.field]) {
      const match = text === "" ? null : cue.pattern.exec(text);
      if (match)
        return { direction: cue.direction, field: cue.field, why: `${label}「${text}」含“${match[0]}”：${cue.why}` };
    }
  }
  return null;
}

function statedWhy(target: Measure, basis: StatedDirection): string {
  const text = `年度指标值${quote(target.text)}`;
  switch (basis) {
    case "deadline":
      return `${text}是期限：按期或提前为完成`;
    case "zero":
      return `${text}为 0：不发生为完成，越低越好`;
    case "ranking":
      return `${text}是名次：越靠前越好`;
    case "comparator":
      return target.direction === "negative" ? `${text}写明了上限：越低越好` : `${text}写明了下限：越高越好`;
  }
}

/**
 * The one place a direction is decided (SPEC section 12: a direction belongs to the indicator, not only
 * to its comparator). In order:
 * 1. what the target text states wins: a comparator (≥ stays more-is-better even on an indicator named
 *    成本; `overridden` then names the cue it beat), a deadline, a bare 0, a ranking, "控制在预算内";
 * 2. the indicator's name, then its level, by DIRECTION_CUES (控制率, 调整率, 结转结余率, 控制额, 成本,
 *    事故, 投诉, 差错, 超支 … less is better; 节约率, 处理率, 满意度, 投入 … more is better; a 成本指标
 *    level only for an amount of money: "项目成本 297.55万元" is a cap);
 * 3. otherwise more is better.
 */
export function directionOf(indicator: IndicatorContext | null | undefined, target: Measure): DirectionDecision {
  if (target.directionBasis) {
    // A cue matters here only as one a comparator overrode.
    const cue = target.directionBasis === "comparator" ? indicatorCue(indicator, target) : null;
    const overridden = cue !== null && cue.direction !== target.direction ? cue.why : null;
    return {
      direction: target.direction,
      source: target.directionBasis,
      why: statedWhy(target, target.directionBasis),
      overridden,
    };
  }
  const cue = indicatorCue(indicator, target);
  if (cue) return { direction: cue.direction, source: cue.field, why: cue.why, overridden: null };
  return { direction: "positive", source: "default", why: "未写明方向：越高越好", overridden: null };
}

/** The target as the indicator reads it: its direction decided by `directionOf`. */
export function withDirection(target: Measure, decision: DirectionDecision): Measure {
  return decision.direction === target.direction ? target : Object.freeze({ ...target, direction: decision.direction });
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
  | {
      readonly kind: "qualitative";
      /**
       * Set only where the actual's words answer the target's own ("控制在预算内" / "未超支"): whether it
       * was met, and why in Chinese. Otherwise the band the user picks decides.
       */
      readonly met?: boolean;
      readonly reason?: string;
    }
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

const HUNDRED_PERCENT = new Dec(100);

/**
 * "控制在预算内" compares the actual with the budget. The row holds no budget amount, so: an actual that
 * says it kept within (在预算内, 未超支) is met and one that says it overran (超支, 超出预算) is missed; a
 * share of the budget ("98%") compares with 100%; anything else (an amount in 万元, other words) is left
 * to the band the user picks, as a qualitative indicator.
 */
function budgetCompletion(actual: Measure): Completion {
  const text = normalise(actual.text);
  const nothingOver = actual.kind === "quantitative" && actual.value !== null && actual.value.isZero(); // "超支0万元"
  if (BUDGET_KEPT.test(text) || (nothingOver && BUDGET_OVERRUN.test(text)))
    return { kind: "qualitative", met: true, reason: `实际完成值${quote(actual.text)}表明控制在预算内` };
  if (BUDGET_OVERRUN.test(text))
    return { kind: "qualitative", met: false, reason: `实际完成值${quote(actual.text)}表明超出预算` };
  if (actual.kind === "quantitative" && actual.unit === "%" && actual.value !== null) {
    return {
      kind: "quantitative",
      met: actual.value.lessThanOrEqualTo(HUNDRED_PERCENT),
      direction: "negative",
      rate: ratio(HUNDRED_PERCENT, actual.value),
      unit: "%",
    };
  }
  return { kind: "qualitative" };
}

function timeCompletion(target: Measure, actual: Measure): Completion {
  if (actual.kind === "time" && actual.onTime === false) return { kind: "time", met: false };
  if (actual.kind !== "time") {
    return {
      kind: "unscorable",
      reason: `年度指标值${quote(target.text)}是时间，实际完成值${quote(actual.text)}不是时间，无法比较`,
    };
  }
  if (!actual.time || !target.time) {
    return {
      kind: "unscorable",
      reason: `实际完成值${quote(actual.text)}没有写明完成时间，无法与年度指标值${quote(target.text)}比较`,
    };
  }
  const withYear = target.time.year !== null && actual.time.year !== null;
  return { kind: "time", met: timeOrdinal(actual.time, withYear) <= timeOrdinal(target.time, withYear) };
}

/**
 * Compares an actual with its target: met or not, and the completion rate of SPEC section 4. The
 * direction is `directionOf(indicator, target)`: without an indicator, what the target text says.
 */
export function completionOf(target: Measure, actual: Measure, indicator?: IndicatorContext | null): Completion {
  return compare(target, actual, () => directionOf(indicator, target).direction);
}

/** completionOf for a row whose direction `directionOf` has decided already (scoreIndicator): decided once. */
export function completionIn(target: Measure, actual: Measure, direction: Direction): Completion {
  return compare(target, actual, () => direction);
}

/** completionOf's comparison; `directed` is asked only where a direction matters (quantitative texts). */
function compare(target: Measure, actual: Measure, directed: () => Direction): Completion {
  if (target.kind === "empty") return { kind: "unscorable", reason: "年度指标值未填写" };
  if (target.kind === "unreadable")
    return { kind: "unscorable", reason: `年度指标值${quote(target.text)}${target.problem}` };
  if (target.kind === "qualitative") {
    return BUDGET_CAP.test(normalise(target.text)) ? budgetCompletion(actual) : { kind: "qualitative" };
  }
  if (target.kind === "time" && target.time === null) {
    // A deadline the table does not date ("按期完成"): the actual's words decide, else the band does.
    return actual.kind === "time" && actual.onTime !== null
      ? { kind: "time", met: actual.onTime }
      : { kind: "qualitative" };
  }
  if (actual.kind === "empty") return { kind: "unscorable", reason: "实际完成值未填写" };
  if (actual.kind === "unreadable")
    return { kind: "unscorable", reason: `实际完成值${quote(actual.text)}${actual.problem}` };

  if (target.kind === "time") return timeCompletion(target, actual);

  if (actual.kind !== "quantitative" || actual.value === null || target.value === null) {
    return {
      kind: "unscorable",
      reason: `年度指标值${quote(target.text)}是数值，实际完成值${quote(actual.text)}没有可比较的数值`,
    };
  }
  // An actual written without a unit ("95" against "≥95%") takes the target's.
  if (actual.unit !== null && target.unit !== null && !unitsAgree(actual.unit, target.unit)) {
    return {
      kind: "unscorable",
      reason: `单位不一致：年度指标值${quote(target.text)}单位为「${target.unit}」，实际完成值${quote(actual.text)}单位为「${actual.unit}」`,
    };
  }
  const direction = directed();
  return {
    kind: "quantitative",
    met: meets(actual.value, target.value, target.comparator, direction),
    direction,
    rate: direction === "positive" ? ratio(actual.value, target.value) : ratio(target.value, actual.value),
    unit: target.unit ?? actual.unit,
  };
}
