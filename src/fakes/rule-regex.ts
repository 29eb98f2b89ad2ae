/**
 * The compiled `match` of a fixture rule (models, agents), run by RE2 (re2js) rather than RegExp: the text is a
 * flow input, and a backtracking engine let a rule such as `(\w+\s?)+$` take minutes on 22 letters and a `!`.
 * RE2 matches in time linear in the text and refuses what it cannot do so (lookaround, backreferences):
 * https://github.com/google/re2/wiki/Syntax. The pattern is given to RE2 as written, not translated from
 * JavaScript: RE2JS.translateRegExp turns `\k<name>` into a literal `k<name>`, and a rule that silently means
 * something else is worse than one refused at load. Like a RegExp without flags, a rule is case-sensitive and
 * searches anywhere in the text. Rules live as long as their fixture; so does the compiled regex.
 */
import { RE2JS } from 're2js';

export interface RuleRegex {
  test(text: string): boolean;
}

const compiled = new WeakMap<{ readonly match: string }, RuleRegex>();

export function ruleRegex(rule: { readonly match: string }): RuleRegex {
  let regex = compiled.get(rule);
  if (!regex) compiled.set(rule, (regex = RE2JS.compile(rule.match)));
  return regex;
}

/** Compiles a rule at fixture load: the reason it is refused (RE2's syntax error), or undefined. */
export function ruleRegexProblem(rule: { readonly match: string }): string | undefined {
  try {
    ruleRegex(rule);
    return undefined;
  } catch (err) {
    return `invalid regular expression (RE2 syntax: no lookaround or backreferences): ${(err as Error).message}`;
  }
}
