export const exitCodes = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}
