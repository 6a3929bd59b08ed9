/** The validator (SPEC §7): rules as small units, one catalogue, one entry point. */
export * from "./types";
export * from "./validate";
export { valueAtPath } from "./paths";
