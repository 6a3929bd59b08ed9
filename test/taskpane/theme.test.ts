import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { CHINESE_FONT_STACK, isDark, themeFor } from "../../src/taskpane/theme";

test.each([
  ["#FFFFFF", false], // Office 白色 / 彩色
  ["#E6E6E6", false], // 浅灰色
  ["#666666", true], // 深灰色
  ["#262626", true], // 深色
  ["#000000", true], // 黑色
  ["#000", true],
  ["fff", false],
  [undefined, false],
  ["", false],
  ["red", false],
])("the Office body background %s is dark: %s", (color, dark) => {
  expect(isDark(color)).toBe(dark);
});

test("the dark theme is Fluent's, with a Chinese face in the font stack", () => {
  expect(themeFor(true).colorNeutralBackground1).toBe(webDarkTheme.colorNeutralBackground1);
  expect(themeFor(false).colorNeutralBackground1).toBe(webLightTheme.colorNeutralBackground1);
  expect(themeFor(true).fontFamilyBase).toBe(CHINESE_FONT_STACK);
  expect(CHINESE_FONT_STACK).toMatch(/Microsoft YaHei UI.*PingFang SC.*Noto Sans CJK SC/);
});
