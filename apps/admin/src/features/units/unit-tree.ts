import type { TUnit } from '@asah/contracts/units';

export interface UnitNode {
  unit: TUnit;
  depth: number;
  children: UnitNode[];
  /** Employees of this unit and every unit below it. */
  totalEmployees: number;
  /** Names from the top unit down to this one. */
  path: string[];
}

const byName = (a: UnitNode, b: UnitNode) => a.unit.name.localeCompare(b.unit.name, 'id');

/** Builds the tree from the flat list. A unit whose parent is missing is shown as a root. */
export function buildUnitTree(units: readonly TUnit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, depth: 0, children: [], totalEmployees: 0, path: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const finish = (node: UnitNode, parentPath: string[]): number => {
    node.path = [...parentPath, node.unit.name];
    node.depth = parentPath.length;
    node.children.sort(byName);
    node.totalEmployees = node.unit.employeeCount + node.children.reduce((sum, child) => sum + finish(child, node.path), 0);
    return node.totalEmployees;
  };
  roots.sort(byName);
  for (const root of roots) finish(root, []);
  return roots;
}

/** Depth-first order, the order of the tree table and of the indented unit selects. */
export function flattenTree(roots: readonly UnitNode[], isOpen: (id: string) => boolean = () => true): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (node: UnitNode) => {
    out.push(node);
    if (isOpen(node.unit.id)) node.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

/** The unit and everything below it: none of these may become its parent. */
export function subtreeIds(roots: readonly UnitNode[], id: string): Set<string> {
  const found = flattenTree(roots).find((node) => node.unit.id === id);
  return new Set(found ? flattenTree([found]).map((node) => node.unit.id) : []);
}
