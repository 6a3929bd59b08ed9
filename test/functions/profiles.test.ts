/**
 * The JXZP functions under the profiles of SPEC §12 (issue 20): by id or name as before, and a custom
 * profile through the workbook — the cell holding its file's JSON passed as the profile argument.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JXZP } from "../../src/functions/definitions";
import { refusal } from "../support/refusal";

const national = JSON.parse(readFileSync(join(__dirname, "../../src/domain/profiles/data/national.json"), "utf8"));

test("执行率得分 under 河北's 20 points; grades under 80/70/60 and as 岳阳 writes them", () => {
  expect(JXZP.BUDGETSCORE(10, 76, 100)).toBe(7.6);
  expect(JXZP.BUDGETSCORE(10, 76, 100, "hebei")).toBe(15.2);
  expect(JXZP.GRADE(85)).toBe("良");
  expect(JXZP.GRADE(85, "platform-80")).toBe("优");
  expect(JXZP.GRADE(92, "岳阳")).toBe("优秀");
});

test("less-is-better at 1.25 × the target: 8 nationally, 7.5 on the platform", () => {
  expect(JXZP.INDICATORSCORE(10, "≤100万元", "125万元")).toBe(8);
  expect(JXZP.INDICATORSCORE(10, "≤100万元", "125万元", null, "platform")).toBe(7.5);
});

test("a custom profile from a cell's JSON text; a broken one is refused naming the field", () => {
  const own = JSON.stringify({
    ...national,
    id: "zz-city",
    name: "某市口径",
    grades: [
      { grade: "A", minTotal: "85" },
      { grade: "B", minTotal: "70" },
      { grade: "C", minTotal: "-Infinity" },
    ],
  });
  expect(JXZP.GRADE(86, own)).toBe("A");
  expect(JXZP.GRADE(80, own)).toBe("B");
  // The label a workbook keeps for a custom profile: the helper columns score under the default.
  expect(JXZP.GRADE(85, "某市口径（自定义 1a2b3c4d）")).toBe("良");
  const broken = JSON.stringify({ ...national, lessIsBetter: "log" });
  expect(refusal(() => JXZP.GRADE(80, broken))).toEqual({
    code: "invalidValue",
    message: "自定义评分口径：lessIsBetter：lessIsBetter 只能是 ratio 或 linear",
  });
});
