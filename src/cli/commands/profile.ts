/**
 * jxzp profile list | show ID | check FILE | schema: the scoring profiles (评分口径) and their sources, every
 * rule of one in words with its basis, a bureau's own profile file checked with Chinese errors, and the JSON
 * Schema such a file follows.
 */
import { z } from "zod";
import {
  basisText,
  customLabel,
  findProfile,
  PROFILES,
  profileHash,
  profileSchema,
  RULE_IDS,
  ruleText,
  unknownProfileMessage,
  type ScoringProfile,
} from "../../domain";
import { EXIT, InputError } from "../errors";
import { printedIo, type CliIo } from "../io";
import { RULE_NAMES, readProfileFile } from "../profiles";
import { inputName } from "../read-file";

function sourcesJson(profile: ScoringProfile) {
  return profile.sources.map(({ id, title, where }) => ({ id, title, where }));
}

/** Every rule of a profile: id, short name, in words, and its basis. */
function rulesJson(profile: ScoringProfile) {
  return RULE_IDS.map((id) => ({
    id,
    name: RULE_NAMES[id],
    text: ruleText(profile, id),
    basis: basisText(profile, id),
    confirmed: profile.basis[id].confirmed,
  }));
}

/** "  10号  财政部《…》（财政部网站；…）": a profile's sources, one a line. */
const sourceLines = (profile: ScoringProfile, indent: string) =>
  profile.sources.map((s) => `${indent}${s.id}：${s.title}（${s.where}）`);

/** Every rule in words, each with its basis on the next line. */
const ruleLines = (profile: ScoringProfile) =>
  RULE_IDS.flatMap((id) => [`  ${RULE_NAMES[id]}（${id}）：${ruleText(profile, id)}`, `    ${basisText(profile, id)}`]);

export function profileListCommand(options: { json?: boolean }, rawIo: CliIo): number {
  const io = printedIo(rawIo);
  const profiles = Object.values(PROFILES);
  if (options.json) {
    io.out(
      JSON.stringify(
        profiles.map((p) => ({ id: p.id, name: p.name, description: p.description, sources: sourcesJson(p) })),
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const blocks = profiles.map((p) =>
    [`${p.id}  ${p.name}`, `  ${p.description}`, "  出处：", ...sourceLines(p, "    ")].join("\n"),
  );
  io.out(
    [
      ...blocks,
      "每条规则及其依据：jxzp profile show <口径>；自定义口径文件：jxzp profile schema、jxzp profile check <文件>",
    ].join("\n\n"),
  );
  return EXIT.ok;
}

export function profileShowCommand(id: string, options: { json?: boolean }, rawIo: CliIo): number {
  const io = printedIo(rawIo);
  // findProfile takes an empty choice for the default; here it names none.
  const profile = id.trim() === "" ? null : findProfile(id);
  if (!profile) throw new InputError(unknownProfileMessage(id));
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          id: profile.id,
          name: profile.name,
          description: profile.description,
          confirmed: profile.confirmed,
          unconfirmed: profile.unconfirmed,
          sources: sourcesJson(profile),
          rules: rulesJson(profile),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  io.out(
    [
      `${profile.name}（${profile.id}）`,
      profile.description,
      "",
      "规则",
      ...ruleLines(profile),
      "",
      `出处已确认：${profile.confirmed}`,
      `出处未明文规定（本口径的取舍）：${profile.unconfirmed}`,
      "",
      "出处",
      ...sourceLines(profile, "  "),
    ].join("\n"),
  );
  return EXIT.ok;
}

/** Valid: its name, hash and rules (exit 0). JSON but not a profile: every problem (exit 1). Else exit 2. */
export function profileCheckCommand(file: string, rawIo: CliIo): number {
  const io = printedIo(rawIo);
  const read = readProfileFile(file, io);
  const name = inputName(file);
  if ("problems" in read) {
    io.out(
      [
        `${name}：不是有效的评分口径文件，有 ${read.problems.length} 处问题（格式见 jxzp profile schema）：`,
        ...read.problems.map((problem) => `  ✗ ${problem}`),
      ].join("\n"),
    );
    return EXIT.dataErrors;
  }
  const { profile } = read;
  const shadows = Object.hasOwn(PROFILES, profile.id)
    ? `（与内置口径 ${profile.id} 同名 id；按文件使用时仍是自定义口径）`
    : "";
  io.out(
    [
      `${name}：有效的评分口径文件`,
      `名称：${profile.name}（id ${profile.id}）${shadows}`,
      `指纹：${profileHash(profile)}（工作簿的评分口径记为「${customLabel(profile)}」）`,
      profile.description,
      "",
      "规则",
      ...ruleLines(profile),
      "",
      `用法：jxzp validate 单位.xlsx --profile-file ${file === "-" ? "口径.json" : file}`,
    ].join("\n"),
  );
  return EXIT.ok;
}

/** The JSON Schema of a profile file (what jxzp profile check reads). */
export function profileJsonSchema() {
  return z.toJSONSchema(profileSchema, { io: "input", unrepresentable: "throw" });
}

export function profileSchemaCommand(io: CliIo): number {
  io.out(JSON.stringify(profileJsonSchema(), null, 2));
  return EXIT.ok;
}
