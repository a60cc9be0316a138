/**
 * Compare a result with a reference computed by another package: numbers within 1e-9 (relative
 * above 1), p-values (keys `p`, `p_holm`) within 1e-6; every other value exactly.
 */
/** Every difference beyond the tolerance, as `path: actual ≠ expected` (empty when equal). */
export function differences(actual: unknown, expected: unknown, where = ''): string[] {
  if (expected === null || typeof expected !== 'object') {
    if (typeof expected === 'number' && typeof actual === 'number') {
      const tolerance = /(^|\.)(p|p_holm)$/.test(where) ? 1e-6 : 1e-9;
      return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected))
        ? []
        : [`${where}: ${actual} ≠ ${expected}`];
    }
    return actual === expected
      ? []
      : [`${where}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
  }
  if (actual === null || typeof actual !== 'object') return [`${where}: missing (${actual})`];
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].flatMap((key) =>
    differences(
      (actual as Record<string, unknown>)[key],
      (expected as Record<string, unknown>)[key],
      where ? `${where}.${key}` : key,
    ),
  );
}
