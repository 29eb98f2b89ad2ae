/** Types for gate.mjs (a plain module: the emulator imports Lambda handlers as they are). */
export declare function arm(): { entered: Promise<void>; open(): void };
export declare function handler(event: unknown): Promise<unknown>;
