/**
 * A policy file checked as `lint-policy` shows it: IAM's verdict, then where the problem is (line, column, what was
 * meant), then the lint warnings of whatever can still be read, so one run shows everything that needs fixing.
 * Kept apart from `loadPolicy` so the server never loads the tolerant JSON parser.
 */
import type { CompiledPolicy } from './compile.js';
import { MalformedPolicyDocumentError, formatPolicyProblem, type PolicyProblem } from './errors.js';
import { loadPolicy } from './index.js';
import type { PolicyWarning } from './lint.js';
import type { PolicyKind } from './policy-types.js';
import { describeJsonSyntax, locate } from './validation/json-syntax.js';

export interface PolicyTextFinding {
  /** 1-based; absent when the finding has no single place. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface PolicyTextReport {
  /** IAM's `MalformedPolicyDocument` message, when IAM would refuse the document. */
  readonly malformed?: string;
  /** Where and what, beyond IAM's terse message (our words, not IAM's). */
  readonly findings: readonly PolicyTextFinding[];
  /** For a malformed document, the warnings of the document read past its syntax errors, when it can be. */
  readonly warnings: readonly PolicyWarning[];
  /** The document compiled, when IAM accepts it as written (lint-policy --operations reads it). */
  readonly policy?: CompiledPolicy;
}

export function checkPolicyText(text: string, name: string, kind: PolicyKind): PolicyTextReport {
  try {
    const { policy, warnings } = loadPolicy(text, name, kind);
    return { findings: [], warnings, policy };
  } catch (err) {
    if (!(err instanceof MalformedPolicyDocumentError)) throw err;
    if (isJson(text)) return { malformed: err.message, findings: problemFindings(text, err.problem), warnings: [] };
    const syntax = describeJsonSyntax(text);
    const findings: PolicyTextFinding[] = [...syntax.problems];
    if (!('recovered' in syntax)) return { malformed: err.message, findings, warnings: [] };
    try {
      return { malformed: err.message, findings, warnings: loadPolicy(syntax.recovered, name, kind).warnings };
    } catch (further) {
      if (!(further instanceof MalformedPolicyDocumentError)) throw further;
      findings.push({ message: `with the syntax fixed, IAM would still refuse it: ${further.message}` });
      findings.push(...problemFindings(text, further.problem));
      return { malformed: err.message, findings, warnings: [] };
    }
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function problemFindings(text: string, problem: PolicyProblem | undefined): PolicyTextFinding[] {
  if (!problem) return [];
  const at = locate(text, problem.path);
  const message = formatPolicyProblem(problem);
  return [at ? { ...at, message } : { message }];
}
