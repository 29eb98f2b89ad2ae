/** A template named by path (JSON or YAML file) or given as a document, with the stack name it deploys as. */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseTemplate, TemplateSyntaxError } from './parse-template.js';
import { depthExceeds } from '../json-depth.js';
import { MAX_DEPTH, TemplateLoadError } from './template-error.js';

export interface TemplateSource {
  /** The file, or a label such as `cloudformation[0]` or `POST /_emulator/cloudformation`, for errors. */
  source: string;
  template: unknown;
  stackName: string;
}

/** `cdk.out/MyStack.template.json` deploys as stack `MyStack`, as `cdk deploy` names it. */
export function stackNameOf(file: string): string {
  const name = basename(file)
    .replace(/(\.template)?\.(json|ya?ml|jsonc)$/i, '')
    .replace(/[^A-Za-z0-9-]/g, '-');
  return /^[A-Za-z]/.test(name) ? name.slice(0, 128) : `stack-${name}`.slice(0, 128);
}

export function readTemplateFile(file: string): TemplateSource {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new TemplateLoadError(path, '$', `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return { source: path, template: parseText(text, path), stackName: stackNameOf(path) };
}

/** A template document given as an object (library option, or a body already parsed). */
export function templateSource(template: Record<string, unknown>, source: string, stackName: string): TemplateSource {
  if (depthExceeds(template, MAX_DEPTH)) throw new TemplateLoadError(source, '$', `the template nests deeper than ${MAX_DEPTH} levels`);
  return { source, template, stackName };
}

/**
 * A template that arrived as text (POST /_emulator/cloudformation): JSON or YAML, and it must be a document: a
 * bare string is refused, never read as a path on the server.
 */
export function templateDocument(text: string, source: string): Record<string, unknown> {
  const value = parseText(text, source);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TemplateLoadError(
      source,
      '$',
      'a template document (a JSON or YAML object) is expected; paths to files on the server are not accepted over HTTP',
    );
  }
  return value as Record<string, unknown>;
}

function parseText(text: string, source: string): unknown {
  try {
    return parseTemplate(text);
  } catch (err) {
    if (err instanceof TemplateSyntaxError) throw new TemplateLoadError(source, '$', err.message);
    throw err;
  }
}
