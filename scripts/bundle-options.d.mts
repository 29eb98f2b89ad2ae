/** Types for bundle-options.mjs (a plain module: scripts/bundle.mjs runs under node without a TypeScript loader). */
import type { BuildOptions } from 'esbuild';
export declare const CLI_BUNDLE_OPTIONS: BuildOptions;
