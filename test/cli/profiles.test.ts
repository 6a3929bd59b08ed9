/**
 * Scoring profiles on the command line: compute --profile a,b,c side by side, --profile-file (a custom profile
 * file, good and broken) on every command that takes --profile, jxzp profile list/show/check/schema, and the
 * rule and basis each score and finding carries.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stringWidth from "string-width";
import {
  basisText,
  compareProfiles,
  compute,
  customLabel,
  formatAmount,
  PROFILES,
  profileHash,
  RULE_IDS,
  ruleText,
  type Dec,
  type RuleId,
} from "../../src/domain";
import { cli, cliWith, sampleWorkbook, type Json } from "../support/cli";
import { loadSample, SAMPLE_PATH } from "../support/model-inputs";

jest.setTimeout(60000);

const dir = mkdtempSync(join(tmpdir(), "jxzp-profiles-"));
const national = JSON.parse(readFileSync(join(__dirname, "../../src/domain/profiles/data/national.json"), "utf8"));
const platform80 = JSON.parse(readFileSync(join(__dirname, "../../src/domain/profiles/data/platform-80.json"), "utf8"));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
}

/** National with platform-80's grades (优 ≥ 80): a custom profile file. */
const CITY = { ...national, id: "test-city", name: "测试市口径", grades: platform80.grades };
const cityFile = file("city-profile.json", CITY);
/** A grade the sample's 98 cannot reach: where the profile is applied shows in the grade. */
const STRICT = {
  ...national,
  id: "strict",
  name: "从严口径",
  grades: [
    { grade: "甲", minTotal: "99" },
    { grade: "乙", minTotal: "-Infinity" },
  ],
};
const strictFile = file("strict-profile.json", STRICT);

const amount = (value: Dec | null) => (value ? formatAmount(value) : null);
const words = (profileId: string, rule: RuleId | null) =>
  rule === null
    ? { rule, ruleText: null, ruleBasis: null }
    : { rule, ruleText: ruleText(PROFILES[profileId]!, rule), ruleBasis: basisText(PROFILES[profileId]!, rule) };

describe("compute --profile a,b,c: the profiles side by side", () => {
  const ids = ["national", "platform", "platform-80"];
  const comparison = compareProfiles(loadSample(), ids);

  test("--json: per profile 执行率得分, 总分 and 等次 entered and suggested; the rows scored differently", async () => {
    const { code, out, err } = await cli("compute", SAMPLE_PATH, "--profile", ids.join(","), "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.profiles).toEqual(ids);
    expect(json.columns.map((c: Json) => [c.profile, c.executionScore, c.total, c.grade, c.suggestedTotal])).toEqual(
      comparison.columns.map((c) => [
        c.profile.id,
        amount(c.executionScore),
        formatAmount(c.total),
        c.grade,
        formatAmount(c.suggestedTotal),
      ]),
    );
    expect(json.columns.map((c: Json) => c.suggestedGrade)).toEqual(comparison.columns.map((c) => c.suggestedGrade));
    expect(json.columns[0].rules.grades).toEqual(words("national", "grades"));
    // The platform's 指标偏离 (−2 points at ≥ 130%) tells the profiles apart on these rows, and only these.
    expect(json.rows.map((r: Json) => r.row)).toEqual(comparison.rows.map((r) => r.row));
    expect(json.rows.map((r: Json) => r.row)).toEqual([2, 8, 9, 15]);
    const second = comparison.rows[0]!;
    expect(json.rows[0]).toEqual({
      row: 2,
      name: "新增省级以上科技创新平台",
      weight: amount(second.weight),
      enteredScore: amount(second.entered),
      scores: second.scores.map((score, i) => ({
        profile: ids[i],
        suggestedScore: amount(score.suggested),
        ...words(ids[i]!, score.rule),
        note: score.note,
      })),
    });
    expect(json.rows[0].scores.map((s: Json) => [s.suggestedScore, s.rule])).toEqual([
      ["10.00", "proportional"],
      ["8.00", "overAchievement"],
      ["8.00", "overAchievement"],
    ]);
  });

  test("text: the totals table and each differing row with every profile's score and rule in words", async () => {
    const { code, out } = await cli("compute", SAMPLE_PATH, "--profile", "national，预算管理一体化平台、platform-80");
    expect(code).toBe(0);
    expect(out).toContain(
      "株洲市科学技术局 2024年度 · 评分口径对比：全国通用、预算管理一体化平台、一体化平台（后期等次）",
    );
    for (const column of comparison.columns) {
      const cells = [
        column.profile.name,
        amount(column.executionScore),
        formatAmount(column.total),
        column.grade,
        formatAmount(column.suggestedTotal),
        column.suggestedGrade,
      ];
      expect(out).toMatch(new RegExp(`\\n${cells.map((c) => c!.replace(/[()（）]/g, "\\$&")).join(" +")}\\n`));
    }
    expect(out).toContain(`建议得分不同的指标（${comparison.rows.length} 项）`);
    expect(out).toContain("第 2 行 新增省级以上科技创新平台 · 分值 10.00 · 填报得分 10.00");
    const platform = PROFILES.platform!;
    expect(out).toMatch(new RegExp(` {2}预算管理一体化平台 +8\\.00 {2}${ruleText(platform, "overAchievement")}\\n`));
    expect(out).toMatch(new RegExp(` {2}全国通用 +10\\.00 {2}${ruleText(PROFILES.national!, "proportional")}\\n`));
  });

  test("one profile keeps the single output; an unknown or repeated one is a usage error", async () => {
    const single = JSON.parse((await cli("compute", SAMPLE_PATH, "--profile", "platform", "--json")).out);
    expect(single.profile).toBe("platform");
    expect(single.computed).toBeDefined();
    const unknown = await cli("compute", SAMPLE_PATH, "--profile", "national,mars");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("选项 --profile 的值「national,mars」无效：未知的评分口径「mars」");
    const repeated = await cli("compute", SAMPLE_PATH, "--profile", "national,全国通用");
    expect(repeated.code).toBe(2);
    expect(repeated.err).toContain("评分口径「全国通用」重复");
    const several = await cli("validate", "单位.xlsx", "--profile", "national,platform");
    expect(several.code).toBe(2);
    expect(several.err).toContain("选项 --profile：只能给一个评分口径，实际为「national,platform」");
  });
});

describe("each suggested score and finding names its rule and basis", () => {
  test("compute: each indicator's rule in words (JSON: rule, ruleText, basis; null where no rule)", async () => {
    const computation = compute(loadSample(), "platform");
    const json = JSON.parse((await cli("compute", SAMPLE_PATH, "--profile", "platform", "--json")).out);
    expect(json.indicators.map((i: Json) => [i.rule, i.ruleText, i.ruleBasis])).toEqual(
      computation.indicators.map((i) => Object.values(words("platform", i.rule))),
    );
    expect(json.indicators[1]).toMatchObject({ basis: "overAchievement", rule: "overAchievement" });
    expect(json.indicators[1].ruleBasis).toMatch(/^依据：预算管理一体化平台 操作手册/);

    const { out } = await cli("compute", SAMPLE_PATH, "--profile", "platform");
    expect(out).toContain("评分规则（预算管理一体化平台）");
    expect(out).toContain(`  指标第 2、8、9、15 行：${ruleText(PROFILES.platform!, "overAchievement")}\n`);
    expect(out).toContain(`    ${basisText(PROFILES.platform!, "overAchievement")}\n`);
    expect(out).toContain(`  ${ruleText(PROFILES.platform!, "grades")}\n`);
  });

  test("an indicator without a rule (its score cannot be computed) has nulls", async () => {
    const model = file(
      "unscorable.json",
      JSON.stringify({ eval: { indicators: [{ name: "满意度", target: "≥95%", actual: "120 家", weight: 10 }] } }),
    );
    const json = JSON.parse((await cli("compute", model, "--json")).out);
    expect(json.indicators[0]).toMatchObject({ basis: "unscorable", rule: null, ruleText: null, ruleBasis: null });
  });

  test("validate: findings carry their basis where a profile rule made them; indicators their rule", async () => {
    const workbook = await sampleWorkbook(dir, "zhuzhou");
    const { code, out } = await cli("validate", workbook, "--profile", "platform", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const suggested = json.findings.find((f: Json) => f.rule === "score.suggested" && f.cell === "G15");
    const rule = PROFILES.platform!;
    expect(suggested.basis).toBe(
      `按“${rule.name}”：${ruleText(rule, "overAchievement")}。${basisText(rule, "overAchievement")}`,
    );
    expect(json.findings.find((f: Json) => f.rule === "cross.projects")).not.toHaveProperty("basis");
    expect(json.indicators).toHaveLength(15);
    expect(json.indicators[1]).toMatchObject(words("platform", "overAchievement"));

    const text = (await cli("validate", workbook, "--profile", "platform")).out;
    const lines = text.split("\n");
    const at = lines.findIndex((line) => / {2}G15 {2}score\.suggested/.test(line));
    expect(lines[at + 1]!.trim()).toBe(suggested.basis);
    // Indented to the message's column.
    const column = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
    expect(column(lines[at + 1]!, "按")).toBe(column(lines[at]!, "绩效指标"));
    const cross = lines.findIndex((line) => / {2}D13 {2}cross\.projects/.test(line));
    expect(lines[cross + 1]).not.toMatch(/^ +按“/);
  });
});

describe("--profile-file: a custom profile file", () => {
  test("compute: the file's rules (platform-80's grades), named with its hash", async () => {
    const { code, out } = await cli("compute", SAMPLE_PATH, "--profile-file", cityFile, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.profile).toBe(customLabel(CITY));
    expect(json.indicators[0].ruleBasis).toBe(basisText(CITY, "proportional"));
    const text = (await cli("compute", SAMPLE_PATH, "--profile-file", cityFile)).out;
    expect(text).toContain(`评分口径：${customLabel(CITY)}`);
    expect(text).toContain(`  ${ruleText(CITY, "grades")}\n`);
    expect(ruleText(CITY, "grades")).toBe("等次：优 ≥ 80，良 ≥ 70，中 ≥ 60，差 < 60");
  });

  test("validate, summary (on worker threads), report and verify use it", async () => {
    const workbook = await sampleWorkbook(dir, "strict");
    const validated = JSON.parse((await cli("validate", workbook, "--profile-file", strictFile, "--json")).out);
    expect(validated.profile).toBe(`从严口径（自定义 ${profileHash(STRICT)}）`);
    expect(validated.score).toMatchObject({ total: "98.00", grade: "乙" });
    expect((await cli("validate", workbook, "--profile-file", strictFile)).out).toContain(
      `评分口径：从严口径（自定义 ${profileHash(STRICT)}） · 总分：98.00 · 等次：乙`,
    );

    const summary = JSON.parse((await cli("summary", workbook, "--json", "--profile-file", strictFile)).out);
    expect(summary.rows.map((r: Json) => r.grade)).toEqual(["乙"]);
    // A shipped profile still crosses by name.
    const shipped = JSON.parse((await cli("summary", workbook, "--json", "--profile", "platform-80")).out);
    expect(shipped.rows.map((r: Json) => r.grade)).toEqual(["优"]);

    // The sheet's 等次 cell is its (default) formula's 优 and is not an error under another profile; the report
    // writes the profile's own grade.
    const docx = join(dir, "city.docx");
    expect((await cli("report", workbook, "--out", join(dir, "strict.docx"), "--profile-file", strictFile)).code).toBe(
      0,
    );
    expect((await cli("report", workbook, "--out", docx, "--profile-file", cityFile)).code).toBe(0);
    expect((await cli("verify", docx, workbook, "--profile-file", cityFile)).code).toBe(0);
    const other = await cli("verify", docx, workbook);
    expect(other.code).toBe(1);
    expect(other.out).toContain("或生成报告时用了另一种评分口径（--profile 或 --profile-file）");
  });

  test("a broken file: exit 2, every problem in Chinese naming the file and the field", async () => {
    const broken = file("broken.json", { ...CITY, id: "Bad ID", lessIsBetter: undefined, zeroTarget: "sometimes" });
    for (const argv of [
      ["compute", SAMPLE_PATH],
      ["validate", "单位.xlsx"],
      ["summary", dir, "--json"],
    ]) {
      const { code, out, err } = await cli(...argv, "--profile-file", broken);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toContain(`错误：评分口径文件 ${broken} 有 3 处问题，逐项说明见 jxzp profile check ${broken}：\n`);
      expect(err).toContain(`  ${broken}：id：id 只能用小写字母、数字和连字符，如 yueyang\n`);
      expect(err).toContain(`  ${broken}：lessIsBetter：缺少这一项\n`);
      expect(err).toContain(`  ${broken}：zeroTarget：zeroTarget 只能是 entered 或 allOrNothing\n`);
    }
    const notJson = await cli("compute", SAMPLE_PATH, "--profile-file", file("not.json", "{ id: "));
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/^错误：.*not\.json：不是有效的 JSON（/);
    const missing = await cli("compute", SAMPLE_PATH, "--profile-file", join(dir, "nope.json"));
    expect(missing.err).toBe(`错误：${join(dir, "nope.json")}：文件不存在\n`);
  });

  test("with --profile: a Chinese usage error", async () => {
    for (const command of ["compute", "validate", "report", "verify", "summary", "import"]) {
      const argv = command === "verify" ? [command, "报告.docx", "单位.xlsx"] : [command, "x"];
      const out = command === "report" || command === "import" ? ["--out", "y"] : [];
      const result = await cli(...argv, ...out, "--profile", "platform", "--profile-file", cityFile);
      expect(result.code).toBe(2);
      expect(result.err).toBe(
        `错误：选项 --profile-file 与 --profile 不能同时使用，只能用其一。用 jxzp ${command} --help 查看用法\n`,
      );
    }
  });

  test("from standard input, unless the input is there too", async () => {
    const stdin = Buffer.from(JSON.stringify(CITY));
    const json = JSON.parse((await cliWith({ stdin }, "compute", SAMPLE_PATH, "--profile-file", "-", "--json")).out);
    expect(json.profile).toBe(customLabel(CITY));
    const both = await cliWith({ stdin }, "compute", "-", "--profile-file", "-");
    expect(both.code).toBe(2);
    expect(both.err).toContain("评分口径文件和输入文件不能都从标准输入（-）读取");
  });
});

describe("jxzp profile", () => {
  test("list: every profile with its description and sources (--json too)", async () => {
    const json = JSON.parse((await cli("profile", "list", "--json")).out);
    expect(json.map((p: Json) => p.id)).toEqual(Object.keys(PROFILES));
    expect(json[0]).toEqual({
      id: "national",
      name: "全国通用",
      description: national.description,
      sources: national.sources,
    });
    const { code, out } = await cli("profile", "list");
    expect(code).toBe(0);
    for (const profile of Object.values(PROFILES)) {
      expect(out).toContain(`${profile.id}  ${profile.name}\n  ${profile.description}\n  出处：\n`);
      for (const source of profile.sources)
        expect(out).toContain(`    ${source.id}：${source.title}（${source.where}）`);
    }
  });

  test("show: every rule in words with its basis, what the sources confirm and what they do not", async () => {
    const hebei = PROFILES.hebei!;
    for (const id of ["hebei", hebei.name]) {
      const { code, out } = await cli("profile", "show", id);
      expect(code).toBe(0);
      expect(out).toMatch(/^河北（执行率20分）（hebei）\n/);
      for (const rule of RULE_IDS)
        expect(out).toContain(`（${rule}）：${ruleText(hebei, rule)}\n    ${basisText(hebei, rule)}\n`);
      expect(out).toContain(`出处已确认：${hebei.confirmed}\n`);
      expect(out).toContain(`出处未明文规定（本口径的取舍）：${hebei.unconfirmed}\n`);
    }
    expect(ruleText(hebei, "executionRate")).toBe("执行率得分 = 20 分 × min(执行率, 100%)");
    const json = JSON.parse((await cli("profile", "show", "hebei", "--json")).out);
    expect(json.rules.map((r: Json) => r.id)).toEqual([...RULE_IDS]);
    expect(json.rules[0]).toMatchObject({ text: ruleText(hebei, "executionRate") });
    const unknown = await cli("profile", "show", "mars");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("未知的评分口径「mars」");
  });

  test("check: valid (name, hash, rules; exit 0), invalid (exit 1), not JSON or missing (exit 2)", async () => {
    const valid = await cli("profile", "check", cityFile);
    expect(valid.code).toBe(0);
    expect(valid.out).toContain(`${cityFile}：有效的评分口径文件\n名称：测试市口径（id test-city）\n`);
    expect(valid.out).toContain(`指纹：${profileHash(CITY)}（工作簿的评分口径记为「${customLabel(CITY)}」）`);
    expect(valid.out).toContain(`（grades）：等次：优 ≥ 80，良 ≥ 70，中 ≥ 60，差 < 60\n`);

    const bad = file("bad.json", { ...CITY, sources: [], grades: [{ grade: "", minTotal: "八十" }] });
    const invalid = await cli("profile", "check", bad);
    expect(invalid.code).toBe(1);
    expect(invalid.out).toContain(`${bad}：不是有效的评分口径文件，有 `);
    expect(invalid.out).toContain(`  ✗ ${bad}：sources：至少列出一个出处（sources）\n`);
    expect(invalid.out).toContain(`  ✗ ${bad}：grades[1].grade：等次不能为空\n`);
    expect(invalid.out).toContain(`  ✗ ${bad}：grades[1].minTotal：等次下限应写成不小于 0 的数字文本，如 "0.8"\n`);

    const unordered = file("unordered.json", { ...CITY, grades: [...CITY.grades].reverse() });
    expect((await cli("profile", "check", unordered)).out).toContain(`${unordered}：grades：等次应按下限从高到低排列`);

    const notJson = await cli("profile", "check", file("not-json.json", "{ 不是 JSON"));
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain("不是有效的 JSON");
    const missing = await cli("profile", "check", join(dir, "missing.json"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("文件不存在");
    const workbook = await cli("profile", "check", await sampleWorkbook(dir, "not-a-profile"));
    expect(workbook.code).toBe(2);
    expect(workbook.err).toContain("是 Excel 工作簿（.xlsx），不是评分口径文件");
  });

  test("schema: the JSON Schema of a profile file, from the profiles' schema", async () => {
    const { code, out } = await cli("profile", "schema");
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.$schema).toContain("json-schema.org");
    expect(schema.required).toEqual(expect.arrayContaining(["id", "name", "sources", "grades", "basis"]));
    expect(Object.keys(schema.properties.basis.properties)).toEqual([...RULE_IDS]);
    expect(schema.properties.lessIsBetter.enum).toEqual(["ratio", "linear"]);
  });

  test("usage errors are Chinese too", async () => {
    const unknown = await cli("profile", "lst");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe("错误：未知命令 lst。是不是 list？用 jxzp profile --help 查看用法\n");
    const missing = await cli("profile", "check");
    expect(missing.err).toContain("缺少参数 <文件>");
    const alone = await cli("profile");
    expect(alone.code).toBe(2);
    expect(alone.err).toContain("用法：jxzp profile [选项] <命令>");
  });
});
