/**
 * The 评分口径 the pane and the page use: shipped profiles then the files the user picked, one entry per
 * content, a file read with its problems in Chinese (and a file far too large refused unread).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { customLabel, PROFILES, profileHash, type ScoringProfile } from "../../src/domain/profiles";
import {
  choiceFor,
  customValue,
  FROM_WORKBOOK,
  PROFILE_FILE_BYTES,
  profileOptions,
  readProfileFile,
  valueOf,
  withCustom,
} from "../../src/taskpane/profile-choice";

const NATIONAL = readFileSync(join(__dirname, "../../src/domain/profiles/data/national.json"), "utf8");
const fileOf = (name: string, text: string) => ({ name, size: text.length, text: async () => text });

async function custom(name: string, changes: Record<string, unknown> = {}): Promise<ScoringProfile> {
  const result = await readProfileFile(
    fileOf(`${name}.json`, JSON.stringify({ ...JSON.parse(NATIONAL), id: "zz-city", name, ...changes })),
  );
  if (!("profile" in result)) throw new Error(result.problems.join("\n"));
  return result.profile;
}

test("the shipped profiles by name, then the custom ones by the label a workbook keeps", async () => {
  const city = await custom("某市口径");
  const options = profileOptions([city]);
  expect(options.map((o) => o.label)).toEqual([
    ...Object.values(PROFILES).map((p) => p.name),
    `某市口径（自定义 ${profileHash(city)}）`,
  ]);
  expect(options.at(-1)).toMatchObject({ value: `custom:${profileHash(city)}`, custom: true, profile: city });
  expect(options.filter((o) => o.custom)).toHaveLength(1);
  expect(choiceFor(FROM_WORKBOOK, options)).toBeUndefined();
  expect(choiceFor("platform-80", options)).toBe(PROFILES["platform-80"]);
  expect(choiceFor(customValue(city), options)).toBe(city);
  expect(choiceFor("custom:00000000", options)).toBeUndefined();
});

test("the same content picked again is one entry; a changed file with the same name is another", async () => {
  const city = await custom("某市口径");
  const again = await custom("某市口径");
  const changed = await custom("某市口径", { grades: PROFILES["platform-80"]!.grades });
  const customs = withCustom(withCustom(withCustom([], city), again), changed);
  expect(customs).toEqual([again, changed]);
  expect(new Set(profileOptions(customs).map((o) => o.value)).size).toBe(profileOptions(customs).length);
  expect(customLabel(changed)).not.toBe(customLabel(city));
});

test("a validation's profile is found among the options: shipped by id, a file by its content", async () => {
  // A bureau's file may reuse a shipped id: it is still its own entry.
  const lookalike = await custom("全国通用", { id: "national" });
  expect(valueOf(PROFILES.national!)).toBe("national");
  expect(valueOf(lookalike)).toBe(customValue(lookalike));
});

test("a broken file: its problems in Chinese, naming the field; a file too large is not read", async () => {
  const broken = await readProfileFile(fileOf("坏.json", JSON.stringify({ ...JSON.parse(NATIONAL), grades: [] })));
  expect("problems" in broken && broken.problems.join("\n")).toMatch(/^坏\.json：grades/m);
  expect(await readProfileFile(fileOf("坏.json", "{"))).toEqual({
    problems: [expect.stringMatching(/^坏\.json 不是有效的 JSON/)],
  });
  let read = false;
  const huge = {
    name: "大.json",
    size: PROFILE_FILE_BYTES + 1,
    text: async () => ((read = true), NATIONAL),
  };
  expect(await readProfileFile(huge)).toEqual({ problems: ["大.json：文件过大（1025 KB），不是评分口径文件"] });
  expect(read).toBe(false);
});
