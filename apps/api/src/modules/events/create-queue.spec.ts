import { createQueue } from './create-queue';

const raced = (code: string) => Object.assign(new Error('lost a race'), { code });
const noPause = async () => undefined;

describe('createQueue', () => {
  it('tries again after a deadlock or a duplicate, then succeeds', async () => {
    const calls: string[] = [];
    const outcomes = [raced('40P01'), raced('23505'), null];
    const boss = {
      createQueue: async (name: string) => {
        calls.push(name);
        const outcome = outcomes.shift();
        if (outcome) throw outcome;
      },
    };
    await createQueue(boss, 'mail', undefined, noPause);
    expect(calls).toEqual(['mail', 'mail', 'mail']);
  });

  it('does not retry other errors, and gives up after five races', async () => {
    let calls = 0;
    const broken = { createQueue: async () => { calls += 1; throw raced('42P01'); } };
    await expect(createQueue(broken, 'mail', undefined, noPause)).rejects.toMatchObject({ code: '42P01' });
    expect(calls).toBe(1);

    calls = 0;
    const alwaysRacing = { createQueue: async () => { calls += 1; throw raced('40P01'); } };
    await expect(createQueue(alwaysRacing, 'mail', undefined, noPause)).rejects.toMatchObject({ code: '40P01' });
    expect(calls).toBe(5);
  });
});
