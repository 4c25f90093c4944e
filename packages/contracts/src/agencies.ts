import { z } from 'zod';
import { ZCode, ZName, ZPage, ZPageQuery } from './common';

export const ZAgency = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type TAgency = z.infer<typeof ZAgency>;

export const ZAgencyPage = ZPage(ZAgency);

export const ZAgencyListQuery = ZPageQuery;
export type TAgencyListQuery = z.infer<typeof ZAgencyListQuery>;

export const ZCreateAgencyRequest = z.strictObject({ code: ZCode, name: ZName });
export type TCreateAgencyRequest = z.infer<typeof ZCreateAgencyRequest>;

export const ZUpdateAgencyRequest = z.strictObject({
  name: ZName.optional(),
  active: z.boolean().optional(),
});
export type TUpdateAgencyRequest = z.infer<typeof ZUpdateAgencyRequest>;
