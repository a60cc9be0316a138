/**
 * One digit system per page: a number a UI string shows as a plain argument (`{done}/{total}`)
 * is formatted for the locale, as plural `#` and `{n, number}` already are (Persian ۱۳ از ۳۰,
 * not 13 از 30). Arguments a message formats itself (plural, select, number, date) stay numbers.
 * Shared by the build (compiler/ui-strings/ui-catalog.ts) and the learner runtime.
 */

/** A message compiled by Lingui: a string, or tokens (text, or [name, type?, format?]). */
type Compiled = unknown;

const typedByMessage = new WeakMap<object, Set<string>>();

/** Names of the arguments a compiled message formats itself. */
function typedArguments(tokens: Compiled, names = new Set<string>()): Set<string> {
  if (!Array.isArray(tokens)) return names;
  for (const token of tokens) {
    if (!Array.isArray(token)) continue;
    const [name, type, format] = token as [string, string?, unknown?];
    if (type) names.add(name);
    if (format && typeof format === 'object')
      for (const branch of Object.values(format)) typedArguments(branch, names);
  }
  return names;
}

export function formatPlainNumbers(
  message: Compiled,
  values: Record<string, unknown> | undefined,
  format: (n: number) => string,
): Record<string, unknown> | undefined {
  if (!values || !Array.isArray(message)) return values;
  let typed = typedByMessage.get(message);
  if (!typed) typedByMessage.set(message, (typed = typedArguments(message)));
  let out: Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(values))
    if (typeof value === 'number' && !typed.has(name))
      (out ??= { ...values })[name] = format(value);
  return out ?? values;
}
