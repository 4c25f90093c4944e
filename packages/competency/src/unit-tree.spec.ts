import { CompetencyError } from './errors';
import { ancestorsOf, buildUnitTree, rollUp, subtreeOf } from './unit-tree';

// Pemerintah Kota Semarang, a small part of it.
const units = [
  { id: 'dinkes.yankes', parentId: 'dinkes' },
  { id: 'dinkes', parentId: null },
  { id: 'dinkes.p2p', parentId: 'dinkes' },
  { id: 'dinkes.yankes.rujukan', parentId: 'dinkes.yankes' },
  { id: 'bkpsdm', parentId: null },
];

describe('buildUnitTree', () => {
  it('orders units parent first, siblings by id, with their depth', () => {
    const tree = buildUnitTree(units);
    expect(tree.order).toEqual(['bkpsdm', 'dinkes', 'dinkes.p2p', 'dinkes.yankes', 'dinkes.yankes.rujukan']);
    expect(tree.depthOf.get('dinkes.yankes.rujukan')).toBe(2);
    expect(tree.childrenOf.get('dinkes')).toEqual(['dinkes.p2p', 'dinkes.yankes']);
  });

  it('refuses duplicates, unknown parents and cycles', () => {
    expect(() => buildUnitTree([...units, { id: 'dinkes', parentId: null }])).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_RECORD' }),
    );
    expect(() => buildUnitTree([{ id: 'a', parentId: 'x' }])).toThrow(expect.objectContaining({ code: 'UNKNOWN_UNIT' }));
    const cycle = () =>
      buildUnitTree([
        { id: 'root', parentId: null },
        { id: 'a', parentId: 'b' },
        { id: 'b', parentId: 'a' },
      ]);
    expect(cycle).toThrow(CompetencyError);
    expect(cycle).toThrow(expect.objectContaining({ code: 'UNIT_CYCLE', details: { unitIds: ['a', 'b'] } }));
  });
});

describe('tree walks', () => {
  const tree = buildUnitTree(units);

  it('lists ancestors nearest first and a subtree in pre-order', () => {
    expect(ancestorsOf(tree, 'dinkes.yankes.rujukan')).toEqual(['dinkes.yankes', 'dinkes']);
    expect(ancestorsOf(tree, 'bkpsdm')).toEqual([]);
    expect(subtreeOf(tree, 'dinkes')).toEqual(['dinkes', 'dinkes.p2p', 'dinkes.yankes', 'dinkes.yankes.rujukan']);
  });

  it('rolls values up to every ancestor', () => {
    const own: Record<string, number> = { dinkes: 1, 'dinkes.p2p': 10, 'dinkes.yankes': 100, 'dinkes.yankes.rujukan': 1000, bkpsdm: 5 };
    const total = rollUp(tree, (id) => own[id], (a, b) => a + b);
    expect(Object.fromEntries(total)).toEqual({
      bkpsdm: 5,
      dinkes: 1111,
      'dinkes.p2p': 10,
      'dinkes.yankes': 1100,
      'dinkes.yankes.rujukan': 1000,
    });
  });
});
