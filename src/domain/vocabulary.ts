/** The fixed vocabulary of 一级/二级指标 (SPEC section 3). Level 2 belongs to its level 1. */
export const INDICATOR_LEVELS: Readonly<Record<string, readonly string[]>> = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
};

export const LEVEL1 = Object.keys(INDICATOR_LEVELS);

export function isLevel2Of(level1: string, level2: string): boolean {
  return INDICATOR_LEVELS[level1]?.includes(level2) ?? false;
}
