import { DomainError } from '../errors/domain-error';
import { Actor, canSeeAgency, scopeAgency } from './actor';

const SEMARANG = '11111111-1111-4111-8111-111111111111';
const AMBON = '22222222-2222-4222-8222-222222222222';

const platformAdmin: Actor = { userId: 'p', sessionId: 's', roles: ['platform_admin'], agencyId: null };
const semarangAdmin: Actor = { userId: 'a', sessionId: 's', roles: ['agency_admin', 'learner'], agencyId: SEMARANG };
const agencyless: Actor = { userId: 'x', sessionId: 's', roles: ['agency_admin'], agencyId: null };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  return 'no error';
};

describe('scopeAgency', () => {
  it('[agency admin] without naming an agency acts on their own', () => {
    expect(scopeAgency(semarangAdmin, undefined)).toBe(SEMARANG);
    expect(scopeAgency(semarangAdmin, undefined, true)).toBe(SEMARANG);
  });

  it('[agency admin] naming their own agency acts on it', () => {
    expect(scopeAgency(semarangAdmin, SEMARANG, true)).toBe(SEMARANG);
  });

  it('[agency admin] naming another agency is told it does not exist', () => {
    expect(codeOf(() => scopeAgency(semarangAdmin, AMBON))).toBe('NOT_FOUND');
    expect(codeOf(() => scopeAgency(semarangAdmin, AMBON, true))).toBe('NOT_FOUND');
  });

  it('[platform admin] acts on the agency they name', () => {
    expect(scopeAgency(platformAdmin, AMBON, true)).toBe(AMBON);
    expect(scopeAgency(platformAdmin, SEMARANG)).toBe(SEMARANG);
  });

  it('[platform admin] may leave the agency out where every agency is meant', () => {
    expect(scopeAgency(platformAdmin, undefined)).toBeUndefined();
  });

  it('[platform admin] must name the agency where one is required, and is told the field', () => {
    try {
      scopeAgency(platformAdmin, undefined, true);
      throw new Error('expected a DomainError');
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'agencyId' })] });
    }
  });

  it('[a non-platform user without agency] is refused rather than given every agency', () => {
    expect(codeOf(() => scopeAgency(agencyless, undefined))).toBe('FORBIDDEN');
    expect(codeOf(() => scopeAgency(agencyless, AMBON))).toBe('FORBIDDEN');
  });
});

describe('canSeeAgency', () => {
  it('lets agency people see their own agency\'s records only', () => {
    expect(canSeeAgency(semarangAdmin, SEMARANG)).toBe(true);
    expect(canSeeAgency(semarangAdmin, AMBON)).toBe(false);
    expect(canSeeAgency(semarangAdmin, null)).toBe(false);
    expect(canSeeAgency(agencyless, null)).toBe(false);
  });

  it('lets platform admins see every record, agency or not', () => {
    expect(canSeeAgency(platformAdmin, AMBON)).toBe(true);
    expect(canSeeAgency(platformAdmin, null)).toBe(true);
  });
});
