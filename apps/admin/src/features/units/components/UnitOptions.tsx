import type { UnitNode } from '../unit-tree';

/** <option>s in tree order, indented so the hierarchy reads inside a native select. */
export function UnitOptions({ nodes }: { nodes: readonly UnitNode[] }) {
  return (
    <>
      {nodes.map((node) => (
        <option key={node.unit.id} value={node.unit.id}>
          {'\u00a0\u00a0\u00a0'.repeat(node.depth)}
          {node.depth > 0 ? '└ ' : ''}
          {node.unit.name}
        </option>
      ))}
    </>
  );
}
