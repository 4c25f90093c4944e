import { z } from 'zod';
import { ZCode, ZName, ZPage, ZPageQuery } from './common';

export const POSITION_TYPES = [
  'jpt_madya',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'pelaksana',
  'fungsional',
] as const;
export const ZPositionType = z.enum(POSITION_TYPES);
export type TPositionType = z.infer<typeof ZPositionType>;

export const FUNCTIONAL_LEVELS = [
  'ahli_utama',
  'ahli_madya',
  'ahli_muda',
  'ahli_pertama',
  'penyelia',
  'mahir',
  'terampil',
  'pemula',
] as const;
export const ZFunctionalLevel = z.enum(FUNCTIONAL_LEVELS);
export type TFunctionalLevel = z.infer<typeof ZFunctionalLevel>;

/** A position (jabatan). Functional positions carry a level; the others never do. */
export const ZPosition = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: ZPositionType,
  functionalLevel: ZFunctionalLevel.nullable(),
  employeeCount: z.number().int(),
});
export type TPosition = z.infer<typeof ZPosition>;
export const ZPositionPage = ZPage(ZPosition);

export const ZPositionListQuery = ZPageQuery.extend({
  agencyId: z.uuid().optional(),
  type: ZPositionType.optional(),
});
export type TPositionListQuery = z.infer<typeof ZPositionListQuery>;

const levelRule = (v: { type?: TPositionType; functionalLevel?: TFunctionalLevel | null }) =>
  v.type === undefined || (v.type === 'fungsional') === Boolean(v.functionalLevel);
const levelRuleMessage = {
  path: ['functionalLevel'],
  message: 'Functional positions need a level; other types have none',
};

export const ZCreatePositionRequest = z
  .strictObject({
    agencyId: z.uuid().optional(),
    code: ZCode,
    name: ZName,
    type: ZPositionType,
    functionalLevel: ZFunctionalLevel.nullable().optional(),
  })
  .refine(levelRule, levelRuleMessage);
export type TCreatePositionRequest = z.infer<typeof ZCreatePositionRequest>;

export const ZUpdatePositionRequest = z
  .strictObject({
    code: ZCode.optional(),
    name: ZName.optional(),
    type: ZPositionType.optional(),
    functionalLevel: ZFunctionalLevel.nullable().optional(),
  })
  .refine(levelRule, levelRuleMessage);
export type TUpdatePositionRequest = z.infer<typeof ZUpdatePositionRequest>;
