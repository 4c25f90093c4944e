import { UNIT_PATH_SEPARATOR } from '@asah/ui/unit-path';
import type { UnitNode } from '../unit-tree';

/**
 * <option>s in tree order, each named by its full path ("Dinas Kesehatan › Sekretariat"): many
 * offices have a unit of the same name, and a native select cannot show nesting any other way.
 */
export function UnitOptions({ nodes }: { nodes: readonly UnitNode[] }) {
  return (
    <>
      {nodes.map((node) => (
        <option key={node.unit.id} value={node.unit.id}>
          {node.path.join(UNIT_PATH_SEPARATOR)}
        </option>
      ))}
    </>
  );
}
