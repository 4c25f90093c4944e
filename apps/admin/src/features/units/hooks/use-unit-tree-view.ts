import { useMemo, useState } from 'react';
import type { TUnit } from '@asah/contracts/units';
import { buildUnitTree, flattenTree } from '../unit-tree';

/**
 * Expand/collapse state and the client-side name/code filter of the unit tree. Filtering keeps
 * each match's ancestors, so a match is always seen in its place.
 */
export function useUnitTreeView(units: readonly TUnit[] | undefined, filter: string) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const tree = useMemo(() => buildUnitTree(units ?? []), [units]);

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (!needle) return flattenTree(tree, (id) => !collapsed.has(id));
    const byId = new Map((units ?? []).map((unit) => [unit.id, unit]));
    const keep = new Set<string>();
    for (const unit of units ?? []) {
      if (!unit.name.toLowerCase().includes(needle) && !unit.code.toLowerCase().includes(needle)) continue;
      for (let cur: TUnit | undefined = unit; cur && !keep.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
        keep.add(cur.id);
      }
    }
    return flattenTree(tree).filter((node) => keep.has(node.unit.id));
  }, [tree, units, filter, collapsed]);

  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const collapseAll = () =>
    setCollapsed(new Set(flattenTree(tree).filter((node) => node.children.length > 0).map((node) => node.unit.id)));
  const expandAll = () => setCollapsed(new Set());

  return { tree, rows, isOpen: (id: string) => !collapsed.has(id), toggle, collapseAll, expandAll };
}
