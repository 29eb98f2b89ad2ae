/**
 * The environment of a Node child process a test spawns. tap hands its own to every child through NODE_OPTIONS
 * (`--import @tapjs/processinfo`), whose hooks look up the source map and line lengths of every module the child
 * loads, for the coverage report: about 1 s of CPU for the CLI bundle, three times the CLI's own start. Without
 * coverage (`npm test` runs with --disable-coverage; `npm run test:coverage` sets NODE_V8_COVERAGE) nothing reads
 * what they record, so the children start without them.
 */
const PROCESSINFO = /\s*"?--(?:import|require|loader)[= ]\S*@tapjs[\\/]processinfo\S*?"?(?=\s|$)/g;

export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (env.NODE_V8_COVERAGE === undefined && env.NODE_OPTIONS !== undefined) {
    env.NODE_OPTIONS = env.NODE_OPTIONS.replace(PROCESSINFO, '').trim();
  }
  return env;
}
