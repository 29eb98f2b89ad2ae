/** Types of scripts/bundle-ui.mjs for the TypeScript tests that build the workbench. */
export declare function buildWorkbench(out?: string): Promise<Record<string, number>>;
