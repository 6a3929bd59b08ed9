/** The narrative report as content (no file format): sentences from the tables, attachments, fingerprint. */
export * from "./content";
export * from "./facts";
export * from "./fingerprint";
export * from "./grid";
