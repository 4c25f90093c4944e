import { EntityManager } from 'typeorm';

/**
 * Rows of a statement with RETURNING. TypeORM answers UPDATE and DELETE as `[rows, rowCount]` but
 * INSERT and SELECT as `rows`; this evens them out.
 */
export async function returning<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await manager.query(sql, params);
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

/** Collects positional parameters while a query is assembled: `where.push(\`x = ${q.add(v)}\`)`. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
