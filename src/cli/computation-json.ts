/**
 * The computation as JSON, for `jxzp compute --json`: exact values as text (rates as 4-decimal fractions)
 * beside their display. Presentation of the CLI's, so it lives here and not in the domain.
 */
import {
  formatAmount,
  formatRate,
  rateValueText,
  type Computation,
  type ComputedIndicator,
  type ComputedValue,
  type Dec,
  type MeasureKind,
} from "../domain";

/** A computed value as JSON: the exact value as text (rates as 4-decimal fractions) and its display. */
export function valueJson(value: ComputedValue): { value: string | null; display: string } {
  switch (value.type) {
    case "rate":
      return { value: rateValueText(value.rate), display: formatRate(value.rate) };
    case "amount":
      return {
        value: value.amount ? formatAmount(value.amount) : null,
        display: value.amount ? formatAmount(value.amount) : "",
      };
    case "text":
      return { value: value.text, display: value.text };
  }
}

export interface IndicatorJson {
  row: number;
  name: string | null;
  kind: MeasureKind;
  target: {
    text: string;
    kind: MeasureKind;
    comparator: string | null;
    value: string | null;
    unit: string | null;
    direction: string;
  };
  actual: { text: string; kind: MeasureKind; comparator: string | null; value: string | null; unit: string | null };
  met: boolean | null;
  completion: { value: string | null; display: string } | null;
  weight: string | null;
  enteredScore: string | null;
  suggestedScore: string | null;
  basis: string;
  note: string;
}

export function indicatorJson(indicator: ComputedIndicator): IndicatorJson {
  const { target, actual, completion } = indicator;
  const amount = (value: Dec | null) => (value ? formatAmount(value) : null);
  return {
    row: indicator.row,
    name: indicator.name,
    kind: target.kind,
    target: {
      text: target.text,
      kind: target.kind,
      comparator: target.comparator,
      value: target.value?.toString() ?? null,
      unit: target.unit,
      direction: target.direction,
    },
    actual: {
      text: actual.text,
      kind: actual.kind,
      comparator: actual.comparator,
      value: actual.value?.toString() ?? null,
      unit: actual.unit,
    },
    // A qualitative row is judged only for budget texts (控制在预算内 against 未超支); otherwise null.
    met:
      completion.kind === "qualitative"
        ? (completion.met ?? null)
        : completion.kind === "unscorable"
          ? null
          : completion.met,
    completion:
      completion.kind === "quantitative"
        ? { value: rateValueText(completion.rate), display: formatRate(completion.rate) }
        : null,
    weight: amount(indicator.weight),
    enteredScore: amount(indicator.entered),
    suggestedScore: amount(indicator.suggested),
    basis: indicator.basis,
    note: indicator.note,
  };
}

/** The JSON printed by `jxzp compute --json`. */
export function computationJson(computation: Computation) {
  return {
    profile: computation.profile.id,
    computed: Object.fromEntries(computation.values.map((value) => [value.key, valueJson(value)])),
    indicators: computation.indicators.map(indicatorJson),
    problems: computation.problems,
  };
}
