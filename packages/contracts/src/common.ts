import { z } from 'zod';

export const ZUuid = z.uuid();

/** Query strings arrive as text; numbers and booleans are coerced here, once. */
export const ZPageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(200).optional(),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

export const ZQueryBoolean = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true');

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface TPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const ZIdParam = z.strictObject({ id: ZUuid });

/** Trimmed non-empty text, the usual shape of a name or title field. */
export const ZName = z.string().trim().min(1).max(200);
export const ZCode = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'Use letters, digits, dot, dash or underscore' });
