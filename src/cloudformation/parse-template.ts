/**
 * A template's text: JSON, or YAML with CloudFormation's short forms (`!Ref`, `!Sub`, `!GetAtt A.B`, …) read as the
 * long forms they stand for (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
 */
import { createRequire } from 'node:module';
import type { Tags } from 'yaml';

type Yaml = typeof import('yaml');
let yaml: Yaml | undefined;

/**
 * The YAML parser is loaded on first need, not with the emulator: importing it costs ~15 ms of every start
 * (measured bundled, as the CLI ships it), and most starts load no template. The async entry points (start-up,
 * loadTemplate) call this first; in a bundle the dynamic import is bundled and only initialized here.
 */
export async function loadYamlParser(): Promise<void> {
  yaml ??= await import('yaml');
}

/** A synchronous caller that did not load it first (`new Emulator` directly) gets it from node_modules. */
const yamlParser = (): Yaml => (yaml ??= createRequire(import.meta.url)('yaml') as Yaml);

const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Equals',
  'Not',
  'And',
  'Or',
  'Transform',
] as const;

/** `!GetAtt Flow.Arn` is `{ "Fn::GetAtt": ["Flow", "Arn"] }`; the first dot splits (attribute names may hold dots). */
const getAtt = (s: string) => {
  const dot = s.indexOf('.');
  return { 'Fn::GetAtt': dot < 0 ? [s] : [s.slice(0, dot), s.slice(dot + 1)] };
};

function tagsFor(tag: string, long: (value: unknown) => unknown): Tags {
  return [
    { tag, identify: () => false, resolve: (s: string) => long(s) },
    { tag, collection: 'seq', identify: () => false, resolve: (seq) => long(seq.toJSON()) as never },
    { tag, collection: 'map', identify: () => false, resolve: (map) => long(map.toJSON()) as never },
  ];
}

let tags: Tags | undefined;
const shortForms = (): Tags =>
  (tags ??= [
    ...tagsFor('!Ref', (v) => ({ Ref: v })),
    ...tagsFor('!Condition', (v) => ({ Condition: v })),
    ...tagsFor('!GetAtt', (v) => (typeof v === 'string' ? getAtt(v) : { 'Fn::GetAtt': v })),
    ...FUNCTIONS.flatMap((name) => tagsFor(`!${name}`, (v) => ({ [`Fn::${name}`]: v }))),
  ]);

export class TemplateSyntaxError extends Error {}

/** The template document; JSON when the text starts with `{`, YAML otherwise (YAML is a superset of JSON anyway). */
export function parseTemplate(text: string): unknown {
  if (/^\s*\{/.test(text)) {
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new TemplateSyntaxError(`invalid JSON: ${(err as Error).message}`);
    }
  }
  try {
    // maxAliasCount bounds alias expansion ("billion laughs"): a template is data that may come over HTTP.
    return yamlParser().parse(text, { customTags: shortForms(), maxAliasCount: 100, prettyErrors: false });
  } catch (err) {
    throw new TemplateSyntaxError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}
