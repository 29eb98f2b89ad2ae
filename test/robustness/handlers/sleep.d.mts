/** Types for sleep.mjs (a plain module: the emulator imports Lambda handlers as they are). */
export declare const counters: { started: number; finished: number };
export declare function handler(event: unknown): Promise<{ sleepMs: number; slept: true }>;
