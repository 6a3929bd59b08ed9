/**
 * The Fluent UI theme for the pane and the page: Office's light or dark theme as Excel reports it (the
 * page follows the system's colour scheme), with a font stack that has a Chinese face on every system —
 * Segoe UI for Latin, then 微软雅黑 on Windows, 苹方 on macOS, Noto/思源黑体 or 文泉驿 on Linux and the
 * domestic systems.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export const CHINESE_FONT_STACK =
  '"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", ' +
  '"Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** Whether a CSS colour (#rgb or #rrggbb, as Office.context.officeTheme gives it) is dark. */
export function isDark(color: string | undefined): boolean {
  const hex = color?.trim().replace(/^#/, "");
  if (!hex || !/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) return false;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  // Relative luminance (sRGB weights), close enough to tell Office's dark grey and black from its white and greys.
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 0.5;
}

export function themeFor(dark: boolean): Theme {
  const base = dark ? webDarkTheme : webLightTheme;
  return { ...base, fontFamilyBase: CHINESE_FONT_STACK };
}
