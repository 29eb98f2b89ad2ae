/** The compiled `match` of a fixture rule (models, agents). Rules live as long as their fixture; so does the regex. */
const compiled = new WeakMap<{ readonly match: string }, RegExp>();

export function ruleRegex(rule: { readonly match: string }): RegExp {
  let regex = compiled.get(rule);
  if (!regex) compiled.set(rule, (regex = new RegExp(rule.match)));
  return regex;
}
