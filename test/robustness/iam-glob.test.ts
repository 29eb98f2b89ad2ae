/**
 * The IAM glob matchers (src/iam/wildcard.ts, src/iam/arn-pattern.ts) against the RegExp translation they replace,
 * on a seeded random corpus of patterns and texts with `*`, `?`, colons, line breaks and case variants; then the
 * inputs that froze the RegExp version (several `*` against a long run of one character), which must now answer.
 * ROBUSTNESS_SEED=<seed> replays the corpus.
 */
import t from 'tap';
import { compileArnMatcher } from '../../src/iam/arn-pattern.js';
import { patternMayMatchTemplate } from '../../src/iam/template-overlap.js';
import { compileGlob, compileGlobs, matchGlobCodes, pushGlobCodes } from '../../src/iam/wildcard.js';
import { createRandom, seedFromEnv, type Random } from './prng.js';

const seed = seedFromEnv();
t.comment(`seed ${seed} (replay with ROBUSTNESS_SEED=${seed})`);
const CASES = 4000;

/** The old translation: `*` → `.*` (`[^:]*` in an ARN's first five parts), `?` → one char, the rest literal. */
function oracleSource(glob: string, anyChar = '.'): string {
  let out = '';
  for (const ch of glob) {
    if (ch === '*') out += `${anyChar}*`;
    else if (ch === '?') out += anyChar;
    else out += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return out;
}
const oracle = (globs: string[]) => new RegExp(`^(?:${globs.map((g) => oracleSource(g)).join('|')})$`, 's');

function oracleArn(patterns: string[]): (arn: string) => boolean {
  if (patterns.includes('*')) return () => true;
  const sources = patterns.flatMap((pattern) => {
    const parts = splitSix(pattern);
    return parts ? [parts.map((part, i) => oracleSource(part, i < 5 ? '[^:]' : '.')).join(':')] : [];
  });
  if (sources.length === 0) return () => false;
  const re = new RegExp(`^(?:${sources.join('|')})$`, 's');
  return (arn) => re.test(arn);
}

function splitSix(text: string): string[] | undefined {
  const parts = text.split(':');
  return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(':')];
}

const PATTERN_CHARS = ['a', 'a', 'b', 'A', 'B', '*', '*', '?', '.', '\n', '/', '$'];
const TEXT_CHARS = ['a', 'a', 'a', 'b', 'A', 'B', '*', '?', '.', '\n', '/', '$', 'é'];
const word = (rnd: Random, chars: readonly string[], max: number) =>
  Array.from({ length: rnd.int(max + 1) }, () => rnd.pick(chars)).join('');

/** A text built to match more often than chance: the pattern with its wildcards filled in. */
function near(rnd: Random, pattern: string): string {
  let out = '';
  for (const ch of pattern) out += ch === '*' ? word(rnd, TEXT_CHARS, 3) : ch === '?' ? rnd.pick(TEXT_CHARS) : ch;
  return rnd.int(4) === 0 ? out.toUpperCase() : out;
}

t.test('compileGlob, compileGlobs and matchGlobCodes agree with the RegExp translation', async (t) => {
  const rnd = createRandom(seed);
  let matched = 0;
  for (let i = 0; i < CASES; i++) {
    const globs = Array.from({ length: 1 + rnd.int(3) }, () => word(rnd, PATTERN_CHARS, 8));
    const text = rnd.int(2) === 0 ? near(rnd, rnd.pick(globs)) : word(rnd, TEXT_CHARS, 10);
    const expected = oracle(globs).test(text);
    const single = oracle([globs[0]!]).test(text);
    const codes: number[] = [];
    pushGlobCodes(codes, globs[0]!, true);
    if (compileGlobs(globs)(text) !== expected || compileGlob(globs[0]!)(text) !== single || matchGlobCodes(codes, text) !== single) {
      t.fail('differs from the RegExp translation', { globs, text, expected, single });
      return;
    }
    if (expected) matched++;
  }
  t.ok(matched > CASES / 10, `the corpus matches often enough to mean something (${matched} of ${CASES})`);
});

t.test('static ARN patterns agree with the per-part RegExp translation', async (t) => {
  const rnd = createRandom(seed + 1);
  const partChars = ['a', 'b', 'A', '*', '?', ':', '/'];
  const arnPattern = () => (rnd.int(20) === 0 ? '*' : Array.from({ length: 5 + rnd.int(3) }, () => word(rnd, partChars, 3)).join(':'));
  let matched = 0;
  for (let i = 0; i < CASES; i++) {
    const patterns = Array.from({ length: 1 + rnd.int(3) }, arnPattern);
    const text = rnd.int(2) === 0 ? near(rnd, rnd.pick(patterns)) : arnPattern().replace(/[*?]/g, 'a');
    const expected = oracleArn(patterns)(text);
    if (compileArnMatcher(patterns, () => undefined)(text, {} as never) !== expected) {
      t.fail('differs from the RegExp translation', { patterns, text, expected });
      return;
    }
    if (expected) matched++;
  }
  t.ok(matched > CASES / 20, `the corpus matches often enough to mean something (${matched} of ${CASES})`);
});

t.test('many stars against a long run of one character answer (the RegExp version backtracked for minutes)', async (t) => {
  const run = 'a'.repeat(5000);
  t.equal(compileGlob('a*a*a*a*a*a*b')(run), false);
  t.equal(compileGlob('a*a*a*a*a*a*a')(run), true);
  t.equal(compileGlob('*a?a*a?a*a?a*a?a*b')(run), false);
  t.equal(compileGlob('*a?a*a?a*a?a*a?a*a')(run), true);
  t.equal(compileGlobs(['x*', 'a*a*a*a*a*a*b', '*?*?*?*?*?*?c'])(run), false);
  const arn = `arn:aws:s3:::${run}`;
  t.equal(compileArnMatcher(['arn:aws:s3:::a*a*a*a*a*a*b', 'arn:*:*:*:*:*a?*a?*a?*a?*b'], () => undefined)(arn, {} as never), false);
  t.equal(compileArnMatcher(['arn:aws:s3:::a*a*a*a*a*a*a'], () => undefined)(arn, {} as never), true);
});

t.test('lint: a Resource pattern of 40,000 characters is checked against resource types without exhausting the stack', async (t) => {
  const flow = 'arn:${Partition}:bedrock:${Region}:${Account}:flow/${FlowId}';
  const long = `arn:aws:bedrock:*:*:flow/${'*a'.repeat(20_000)}`;
  t.equal(patternMayMatchTemplate(long, flow), true);
  t.equal(patternMayMatchTemplate(`${long}/x`, flow), false, 'a flow id holds no slash');
  t.equal(patternMayMatchTemplate(`arn:aws:s3:::${'a?'.repeat(20_000)}`, flow), false, 'no room for :bedrock:');
  t.equal(patternMayMatchTemplate('arn:aws:bedrock:us-?ast-1:*:flow/F*', flow), true);
  t.equal(patternMayMatchTemplate('arn:aws:bedrock:*:*:agent/*', flow), false);
});
