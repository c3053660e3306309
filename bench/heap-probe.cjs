// Preloaded into the language server the bench measures for memory (node --expose-gc -r):
// on SIGUSR2 it collects garbage and writes one line of heap numbers to stderr, so the bench
// can tell what the open documents keep from what the collector has not reclaimed yet.
process.on('SIGUSR2', () => {
  const before = process.memoryUsage();
  globalThis.gc?.();
  const after = process.memoryUsage();
  const mb = (x) => +(x / 2 ** 20).toFixed(1);
  const probe = {
    rssBefore: mb(before.rss),
    heapUsedBefore: mb(before.heapUsed),
    rss: mb(after.rss),
    heapUsed: mb(after.heapUsed),
    heapTotal: mb(after.heapTotal),
    external: mb(after.external),
  };
  process.stderr.write(`HEAP-PROBE ${JSON.stringify(probe)}\n`);
});
