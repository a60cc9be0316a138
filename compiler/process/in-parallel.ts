/**
 * Run `work` on every item, `limit` at a time; after a failure start no more, then throw it.
 * Written by hand: it is a dozen lines, and p-limit (the usual library) goes on starting queued
 * work after one fails. This is the one way the compiler bounds concurrent work (image reads,
 * object-storage uploads).
 */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  let failure: unknown;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        await work(items[index], index);
      } catch (error) {
        if (!failed) failure = error;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw failure;
}
