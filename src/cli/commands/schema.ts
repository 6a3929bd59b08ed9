import { z } from "zod";
import { workbookModel } from "../../domain";
import type { CliIo } from "../io";

/** The JSON Schema of the model's input (what a JSON file may contain). */
export function modelJsonSchema() {
  return z.toJSONSchema(workbookModel, { io: "input", unrepresentable: "throw" });
}

export function schemaCommand(io: CliIo): number {
  io.out(JSON.stringify(modelJsonSchema(), null, 2));
  return 0;
}
