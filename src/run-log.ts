/**
 * The little of a pino logger that a run writes to, at debug: each node's progress, and what a Lambda handler
 * prints. Domain code depends on this shape, not on the server's logger. A leaf of its own: the executor and the
 * fakes it calls both write to it (ARCHITECTURE.md, "No cycles between folders").
 */
export interface RunLog {
  isLevelEnabled(level: string): boolean;
  debug(fields: object, message: string): void;
}

/** Milliseconds to a tenth, as the request log writes them. */
export const tenths = (ms: number) => Math.round(ms * 10) / 10;
