/** Types of input-signatures.mjs for test/helpers/cli-bundle.ts. */
export declare function signature(file: string): string;
export declare function signaturesOf(root: string, inputs: string[]): Record<string, string>;
export declare function inputsUnchanged(root: string, metaFile: string): boolean;
