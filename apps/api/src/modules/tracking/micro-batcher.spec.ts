import { MicroBatcher } from './micro-batcher';

/** A batcher whose runs are recorded and answered when the test says so. */
function recorder(options?: ConstructorParameters<typeof MicroBatcher<string, string>>[2]) {
  const runs: { items: string[]; finish: () => void }[] = [];
  const batcher = new MicroBatcher<string, string>(
    (items) =>
      new Promise((resolve) => {
        runs.push({ items, finish: () => resolve(items.map((i) => `${i}!`)) });
      }),
    (item) => item.split(':')[0]!,
    options,
  );
  return { runs, batcher };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MicroBatcher', () => {
  it('sends an item at once when idle, and gathers the ones that arrive meanwhile into the next batch', async () => {
    const { runs, batcher } = recorder({ maxInFlight: 1 });
    const first = batcher.submit('a');
    expect(runs.map((r) => r.items)).toEqual([['a']]);
    const later = [batcher.submit('b'), batcher.submit('c')];
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await expect(first).resolves.toBe('a!');
    await tick();
    expect(runs.map((r) => r.items)).toEqual([['a'], ['b', 'c']]);
    runs[1]!.finish();
    await expect(Promise.all(later)).resolves.toEqual(['b!', 'c!']);
  });

  it('never puts two items with the same key in one batch, nor one whose key is in flight', async () => {
    const { runs, batcher } = recorder({ maxInFlight: 2 });
    void batcher.submit('k:1');
    void batcher.submit('k:2');
    void batcher.submit('x:1');
    expect(runs.map((r) => r.items)).toEqual([['k:1'], ['x:1']]);
    runs[0]!.finish();
    await tick();
    expect(runs.map((r) => r.items)).toEqual([['k:1'], ['x:1'], ['k:2']]);
  });

  it('with lingerMs, waits for more items up to that long, and sends a full batch at once', async () => {
    const { runs, batcher } = recorder({ lingerMs: 30, maxBatch: 3 });
    const started = performance.now();
    const gathered = [batcher.submit('a'), batcher.submit('b')];
    expect(runs).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    void batcher.submit('c');
    // The third item filled the batch: sent without waiting for the rest of the 30 ms.
    expect(runs.map((r) => r.items)).toEqual([['a', 'b', 'c']]);
    runs[0]!.finish();
    await Promise.all(gathered);
    const alone = batcher.submit('d');
    await tick();
    expect(runs).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(runs.map((r) => r.items)).toEqual([['a', 'b', 'c'], ['d']]);
    runs[1]!.finish();
    await expect(alone).resolves.toBe('d!');
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
  });

  it('rejects every item of a failed batch and goes on with the next', async () => {
    let fail = true;
    const batcher = new MicroBatcher<string, string>(
      async (items) => {
        if (fail) throw new Error('database down');
        return items;
      },
      (i) => i,
    );
    await expect(batcher.submit('a')).rejects.toThrow('database down');
    fail = false;
    await expect(batcher.submit('b')).resolves.toBe('b');
  });
});
