/**
 * Writes the zh-CN custom functions metadata from the generated (en-US) functions.json: same ids,
 * parameters and types, with the Chinese function and parameter names of the catalogue. Run by the
 * webpack build; the manifest points Chinese Excel at the result (functions.zh-cn.json).
 */
import { FUNCTION_CATALOGUE, type FunctionInfo } from "./catalogue";

export interface MetadataParameter {
  name: string;
  description?: string;
  [field: string]: unknown;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  [field: string]: unknown;
}

export interface FunctionsMetadata {
  functions: MetadataFunction[];
  [field: string]: unknown;
}

/** Throws when functions.ts and the catalogue disagree, so a build can never ship drifting metadata. */
export function localizeMetadata(
  metadata: FunctionsMetadata,
  catalogue: readonly FunctionInfo[] = FUNCTION_CATALOGUE,
): FunctionsMetadata {
  const byId = new Map(catalogue.map((fn) => [fn.id, fn]));
  const ids = new Set(metadata.functions.map((fn) => fn.id));
  if (ids.size !== metadata.functions.length) throw new Error("functions.json lists an id twice");
  if (metadata.functions.length !== catalogue.length) {
    throw new Error(`functions.json has ${metadata.functions.length} functions, the catalogue ${catalogue.length}`);
  }
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => {
      const info = byId.get(fn.id);
      if (!info) throw new Error(`${fn.id} is not in src/functions/catalogue.ts`);
      const names = fn.parameters.map((p) => p.name).join();
      if (names !== info.params.map((p) => p.name).join()) {
        throw new Error(
          `${fn.id}: parameters (${names}) differ from the catalogue (${info.params.map((p) => p.name).join()})`,
        );
      }
      return {
        ...fn,
        name: info.zhName,
        parameters: fn.parameters.map((parameter, i) => ({ ...parameter, name: info.params[i]!.zhName })),
      };
    }),
  };
}
