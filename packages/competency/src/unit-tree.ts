import { compareText } from './compare';
import { CompetencyError } from './errors';

/** A work unit (unit kerja / OPD) as far as aggregation needs it. */
export interface UnitNode {
  id: string;
  parentId: string | null;
}

export interface UnitTree {
  /** Every unit in pre-order (a parent before its children), siblings by id. */
  order: string[];
  parentOf: ReadonlyMap<string, string | null>;
  childrenOf: ReadonlyMap<string, readonly string[]>;
  depthOf: ReadonlyMap<string, number>;
}

/** Throws `DUPLICATE_RECORD`, `UNKNOWN_UNIT` (a parent that is not in the list) or `UNIT_CYCLE`. */
export function buildUnitTree(units: readonly UnitNode[]): UnitTree {
  const parentOf = new Map<string, string | null>();
  for (const unit of units) {
    if (parentOf.has(unit.id)) throw new CompetencyError('DUPLICATE_RECORD', `Unit ${unit.id} is listed twice`, { unitId: unit.id });
    parentOf.set(unit.id, unit.parentId);
  }
  const childrenOf = new Map<string, string[]>(units.map((unit) => [unit.id, []]));
  const roots: string[] = [];
  for (const unit of units) {
    if (unit.parentId === null) roots.push(unit.id);
    else if (!childrenOf.has(unit.parentId)) {
      throw new CompetencyError('UNKNOWN_UNIT', `Parent ${unit.parentId} of unit ${unit.id} is not in the tree`, { ...unit });
    } else childrenOf.get(unit.parentId)!.push(unit.id);
  }
  for (const children of childrenOf.values()) children.sort(compareText);
  roots.sort(compareText);

  const order: string[] = [];
  const depthOf = new Map<string, number>();
  const stack = roots.map((id) => ({ id, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { id, depth } = stack.pop()!;
    order.push(id);
    depthOf.set(id, depth);
    const children = childrenOf.get(id)!;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ id: children[i], depth: depth + 1 });
  }
  // Units on a cycle are never reached from a root.
  if (order.length !== units.length) {
    const stuck = units.filter((unit) => !depthOf.has(unit.id)).map((unit) => unit.id);
    throw new CompetencyError('UNIT_CYCLE', 'The unit tree has a cycle', { unitIds: stuck });
  }
  return { order, parentOf, childrenOf, depthOf };
}

/** The unit's parent, grandparent, … up to the root. */
export function ancestorsOf(tree: UnitTree, unitId: string): string[] {
  const ancestors: string[] = [];
  for (let parent = tree.parentOf.get(unitId) ?? null; parent !== null; parent = tree.parentOf.get(parent) ?? null) {
    ancestors.push(parent);
  }
  return ancestors;
}

/** The unit and everything below it, in pre-order. */
export function subtreeOf(tree: UnitTree, unitId: string): string[] {
  const result: string[] = [];
  const stack = [unitId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    result.push(id);
    const children = tree.childrenOf.get(id) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return result;
}

/**
 * Adds every unit's own value to all of its ancestors: the result for a unit is its own value
 * combined with the rolled-up values of its children. `combine` must not mutate its arguments.
 */
export function rollUp<T>(
  tree: UnitTree,
  own: (unitId: string) => T,
  combine: (a: T, b: T) => T,
): Map<string, T> {
  const result = new Map<string, T>();
  // Reverse pre-order visits every child before its parent.
  for (let i = tree.order.length - 1; i >= 0; i--) {
    const id = tree.order[i];
    let value = own(id);
    for (const child of tree.childrenOf.get(id) ?? []) value = combine(value, result.get(child)!);
    result.set(id, value);
  }
  return result;
}
