/** IAM's `MalformedPolicyDocument` error (HTTP 400); `message` is IAM's own wording. */
export class MalformedPolicyDocumentError extends Error {
  readonly code = 'MalformedPolicyDocument';
  override readonly name = 'MalformedPolicyDocumentError';

  constructor(
    message: string,
    /** What IAM's terse message leaves out: where in the document, and what we think was meant. Ours, not IAM's. */
    readonly problem?: PolicyProblem,
  ) {
    super(message);
  }
}

export interface PolicyProblem {
  /** JSON path to the offending element, e.g. `['Statement', 0, 'Condition', 'StringEqual']`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** `Statement[0].Condition.StringEqual`: a path as people write it. */
export function formatPolicyPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : text ? `${text}.${step}` : step), '');
}

/** `Statement[0].Condition: "StringEqual" is not a condition operator (...)`: the message names the last step. */
export function formatPolicyProblem(problem: PolicyProblem): string {
  const where = formatPolicyPath(problem.path.slice(0, -1));
  return where ? `${where}: ${problem.message}` : problem.message;
}
