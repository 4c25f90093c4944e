import type { TFunction } from 'i18next';
import { NIP_PROBLEM_MESSAGES, type NipProblem } from '@asah/contracts/nip';
import type { z } from 'zod';

type ParseOptions = { error: z.core.$ZodErrorMap };

/** What react-hook-form keeps of a field's error (array fields included). */
export interface FieldProblem {
  type?: string;
  message?: string;
}

/**
 * Per-parse error map for zodResolver: standard Zod issues become translated sentences.
 * Usage: `zodResolver(ZSomething, zodMessages(t))`.
 */
export function zodMessages(t: TFunction): ParseOptions {
  return {
    error: (issue) => {
      switch (issue.code) {
        case 'too_small': {
          const min = Number(issue.minimum);
          if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooFew', { count: min });
          if (issue.origin === 'string') {
            return min <= 1 ? t('validation.required') : t('validation.tooShort', { count: min });
          }
          return t('validation.invalid');
        }
        case 'too_big':
          return issue.origin === 'string'
            ? t('validation.tooLong', { count: Number(issue.maximum) })
            : t('validation.invalid');
        case 'invalid_format':
          if (issue.input === '') return t('validation.required');
          return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
        case 'invalid_value':
          return t('validation.choose');
        case 'invalid_union':
          // A discriminated union (e.g. an activity's type) with no or an unknown choice.
          return 'discriminator' in issue ? t('validation.choose') : undefined;
        case 'invalid_type':
          return issue.input === undefined || issue.input === null || issue.input === ''
            ? t('validation.required')
            : t('validation.invalid');
        case 'custom':
          // Form-only refinements name their translation key: `params: { i18n: 'validation.x' }`.
          return typeof issue.params?.i18n === 'string' ? t(issue.params.i18n) : undefined;
        default:
          return undefined;
      }
    },
  };
}

/** Refinement messages written in English into the contract schemas, and their translation keys. */
const SCHEMA_MESSAGES = new Map<string, string>([
  ['This competency is listed twice', 'validation.competencyTwice'],
  ['At most two decimals', 'validation.twoDecimals'],
  ['An activity is listed twice', 'validation.listedTwice'],
  ['A user is listed twice', 'validation.listedTwice'],
]);

const NIP_PROBLEM_BY_MESSAGE = new Map<string, NipProblem>(
  Object.entries(NIP_PROBLEM_MESSAGES).map(([problem, message]) => [message, problem as NipProblem]),
);

/**
 * Messages written into the shared schemas (refinements, the code pattern) win over the error map,
 * so they arrive in English; this turns the known ones into translated text.
 */
export function fieldErrorText(t: TFunction, name: string, error: FieldProblem): string {
  const message = error.message ?? '';
  if (error.type === 'server') return message;
  const nipProblem = NIP_PROBLEM_BY_MESSAGE.get(message);
  if (nipProblem) return t(`validation.${nipProblem}`);
  const field = name.split('.').at(-1);
  const schemaKey = SCHEMA_MESSAGES.get(message);
  if (schemaKey) return t(schemaKey);
  if (error.type === 'custom') {
    if (field === 'nip') return t('validation.learnerNeedsNip');
    if (field === 'newPassword') return t('validation.passwordMustDiffer');
    if (field === 'functionalLevel') return t('validation.functionalLevelRule');
  }
  if (error.type === 'invalid_format' && field === 'code') return t('validation.codeFormat');
  return message || t('validation.invalid');
}
