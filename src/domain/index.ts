/**
 * The pure domain core: no Office.js, no React, no file formats. Runs in Node, the browser and the
 * functions runtime.
 */
export * from "./decimal";
export * from "./rates";
export * from "./model";
export * from "./targets";
export * from "./profiles";
export * from "./scoring";
export * from "./contract";
export * from "./compute";
export * from "./model-errors";
export * from "./vocabulary";
export * from "./validation";
export * from "./report";
export * from "./layout";
export * from "./compare";
