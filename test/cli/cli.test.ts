import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, runAsync } from "../../src/cli/main";
import { CONTRACT } from "../../src/domain";
import { projectEntries } from "../../src/domain/projects/contract";

const SAMPLE = join(__dirname, "../../samples/zhuzhou-kjj-2024.json");
const dir = mkdtempSync(join(tmpdir(), "jxzp-cli-"));

function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = run(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("jxzp contract", () => {
  test("--json lists every key with its sheet, name, address, kind and role", () => {
    const { code, out } = cli("contract", "--json");
    expect(code).toBe(0);
    const entries = JSON.parse(out) as Array<Record<string, unknown>>;
    // The three sheets' keys, then 附件3's once, as the pattern of project n (projects[n]…, 项目n_…).
    const projects = projectEntries(1).map((e) => e.key.replace("projects[1]", "projects[n]"));
    expect(entries.map((e) => e.key)).toEqual([...CONTRACT.map((e) => e.key), ...projects]);
    expect(entries.find((e) => e.key === "projects[n].funds.executed")).toEqual({
      key: "projects[n].funds.executed",
      label: "全年执行数",
      sheet: "附件3-n 项目支出绩效自评表",
      name: "项目n_全年执行数",
      address: "E5",
      kind: "amount",
      role: "input",
    });
    expect(entries.find((e) => e.key === "projects[n].indicators")).toMatchObject({
      name: "项目n_绩效指标",
      table: "项目n_绩效指标",
      headerRow: 12,
      defaultRows: 10,
    });
    expect(entries.find((e) => e.key === "basic.staff.controlRate")).toEqual({
      key: "basic.staff.controlRate",
      label: "在职人员控制率",
      sheet: "附件1 基础数据表",
      name: "基础_人员控制率",
      address: "D5",
      kind: "rate",
      role: "computed",
    });
    const indicators = entries.find((e) => e.key === "eval.indicators")!;
    expect(indicators.kind).toBe("table");
    expect((indicators.columns as unknown[]).length).toBe(11);
  });

  test("without --json prints a readable table", () => {
    const { code, out } = cli("contract");
    expect(code).toBe(0);
    expect(out).toContain("基础_编制数");
    expect(out).toContain("eval.indicators[].weight");
    expect(out).toContain("项目n_总分");
    expect(out).toContain("n 为项目表的序号");
  });
});

describe("jxzp schema", () => {
  test("prints a JSON Schema that describes the model", () => {
    const { code, out } = cli("schema");
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.$schema).toContain("json-schema.org");
    expect(Object.keys(schema.properties)).toEqual([
      "$schema",
      "basic",
      "eval",
      "projects",
      "report",
      "form",
      "review",
    ]);
    expect(schema.properties.projects.type).toBe("array");
  });
});

describe("jxzp compute", () => {
  test("the 株洲 sample: every computed value, as JSON", () => {
    const { code, out } = cli("compute", SAMPLE, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.computed["basic.staff.controlRate"]).toEqual({ value: "0.8205", display: "82.05%" });
    expect(json.computed["eval.funds.executionRate"]).toEqual({ value: "1.0000", display: "100.00%" });
    expect(json.computed["eval.total"]).toEqual({ value: "98.00", display: "98.00" });
    expect(json.computed["basic.buildings.areaControlRate"]).toEqual({ value: null, display: "不适用" });
    expect(json.indicators).toHaveLength(15);
    expect(json.indicators[11]).toMatchObject({
      row: 12,
      kind: "quantitative",
      completion: { value: "0.9275", display: "92.75%" },
      suggestedScore: "4.64",
    });
  });

  test("readable output shows the summary line", () => {
    const { code, out } = cli("compute", SAMPLE);
    expect(code).toBe(0);
    expect(out).toContain("株洲市科学技术局 2024年度");
    expect(out).toContain("总分 98.00，绩效等次：优");
  });

  test("--profile platform applies the platform rules", () => {
    const json = JSON.parse(cli("compute", SAMPLE, "--json", "--profile", "platform").out);
    expect(json.profile).toBe("platform");
    expect(json.indicators[1].suggestedScore).toBe("8.00");
  });

  test("exit 1 when the data keeps something from being computed", () => {
    const path = file(
      "incomplete.json",
      JSON.stringify({ eval: { indicators: [{ name: "满意度", target: "≥95%", actual: "120 家", weight: 10 }] } }),
    );
    const { code, out } = cli("compute", path);
    expect(code).toBe(1);
    expect(out).toContain("单位不一致");
    expect(out).toContain("预算执行率无法计算：分母未填写");
  });

  test.each([
    ["a missing file", () => join(dir, "nope.json"), "文件不存在"],
    ["bad JSON", () => file("bad.json", "{ basic: "), "不是有效的 JSON"],
    [
      "a field of the wrong type",
      () => file("wrong.json", JSON.stringify({ basic: { staff: { actual: "三十二" } } })),
      "basic.staff.actual（实际在职人数）：应为整数",
    ],
  ])("exit 2 on %s, with one Chinese message and no stack trace", (_, path, message) => {
    const { code, err } = cli("compute", path());
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  test("exit 2 on an unknown profile or command", () => {
    expect(cli("compute", SAMPLE, "--profile", "mars").err).toContain("未知的评分口径「mars」");
    expect(cli("compute", SAMPLE, "--profile", "mars").code).toBe(2);
    expect(cli("frobnicate").code).toBe(2);
    expect(cli("frobnicate").err).toContain("未知命令 frobnicate");
  });
});

test("the package bin runs as a real process", () => {
  const result = spawnSync(process.execPath, [join(__dirname, "../../bin/jxzp.js"), "compute", SAMPLE, "--json"], {
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout).computed["eval.grade"].display).toBe("优");
}, 30000);

test("schema/model.schema.json (referenced by the samples' $schema) is the schema the CLI prints", () => {
  const committed = JSON.parse(readFileSync(join(__dirname, "../../schema/model.schema.json"), "utf8"));
  expect(committed).toEqual(JSON.parse(cli("schema").out));
});

describe("jxzp fn", () => {
  test("calls the cell implementation: numbers, text and JSON ranges", () => {
    expect(cli("fn", "EXECRATE", "1387.53", "1387.53")).toMatchObject({ code: 0, out: "1\n" });
    expect(cli("fn", "控制率", "32", "39").out).toBe("0.8205\n");
    expect(cli("fn", "INDICATORSCORE", "5", "120亿元", "115.49亿元").out).toBe("4.81\n");
    expect(cli("fn", "TOTALSCORE", "10", "[[40],[30],[18]]", "[[10],[40],[30],[20]]").out).toBe("98\n");
    expect(cli("fn", "grade", "98").out).toBe("优\n");
    expect(cli("fn", "CONTROLRATE", "0", "0").out).toBe("不适用\n");
  });

  test("a refused argument prints the Excel error and the reason, exit 1", () => {
    const { code, err } = cli("fn", "EXECRATE", "abc", "10");
    expect(code).toBe(1);
    expect(err).toBe("#VALUE! 全年执行数应为数字，实际为「abc」\n");
    expect(cli("fn", "CHANGERATE", "10", "-5").err).toContain("上期数不能为负数");
  });

  test("unknown functions and wrong argument counts are bad input, exit 2", () => {
    expect(cli("fn", "FOO").code).toBe(2);
    expect(cli("fn", "FOO").err).toContain("EXECRATE(全年执行数, 全年预算数)");
    expect(cli("fn", "EXECRATE", "1").err).toContain("需要 2–2 个参数");
    expect(cli("fn", "TOTALSCORE", "10", "[[1],").err).toContain("区域参数应为 JSON 数组");
  });
});

describe("jxzp template / import / export", () => {
  async function cliAsync(...argv: string[]) {
    let out = "";
    let err = "";
    const code = await runAsync(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
    return { code, out, err };
  }

  test("import writes the 株洲 workbook and export reads the same model back", async () => {
    const xlsx = join(dir, "zz.xlsx");
    expect((await cliAsync("import", SAMPLE, "--out", xlsx)).code).toBe(0);
    const exported = await cliAsync("export", xlsx, "--json");
    expect(exported.code).toBe(0);
    const model = JSON.parse(exported.out);
    expect(model.basic.staff).toEqual({ authorized: 39, actual: 32, controlRate: "0.8205" });
    expect(model.eval.indicators).toHaveLength(15);
    expect(model.eval.total).toBe("98");
  });

  test("template writes a blank workbook that exports as empty", async () => {
    const xlsx = join(dir, "blank.xlsx");
    expect((await cliAsync("template", "--out", xlsx)).code).toBe(0);
    const model = JSON.parse((await cliAsync("export", xlsx)).out);
    expect(model.basic.unit).toBeNull();
    expect(model.eval.indicators).toEqual([]);
  });

  test("export of a file that is not a workbook: exit 2, saying what it is", async () => {
    const path = file("fake.xlsx", "not a workbook");
    const { code, err } = await cliAsync("export", path);
    expect(code).toBe(2);
    expect(err).toContain(`${path} 是文本文件，不是工作簿：export 需要 .xlsx 工作簿`);
  });
});
