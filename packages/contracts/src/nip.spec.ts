import { checkNip, formatNip, normaliseNip, ZNip } from './nip';

const problemOf = (nip: string) => {
  const result = checkNip(nip);
  return result.ok ? 'ok' : result.problem;
};

describe('checkNip', () => {
  it('reads a PNS NIP: birth date, start of service, sex and sequence', () => {
    expect(checkNip('198609262015051001')).toEqual({
      ok: true,
      nip: { birthDate: '1986-09-26', serviceStart: '2015-05', pppk: false, sex: 'male', sequence: 1 },
    });
  });

  it('reads a PPPK NIP, which has 21 where the month of service would be', () => {
    expect(checkNip('199308082022212003')).toEqual({
      ok: true,
      nip: { birthDate: '1993-08-08', serviceStart: '2022', pppk: true, sex: 'female', sequence: 3 },
    });
  });

  it('accepts the reading spaces (and dots or dashes) people copy from a printed NIP', () => {
    expect(problemOf('19860926 201505 1 001')).toBe('ok');
    expect(problemOf('19860926.201505.1.001')).toBe('ok');
    expect(problemOf('19860926-201505-1-001')).toBe('ok');
  });

  it.each([
    ['17 digits', '19860926201505100', 'NIP_FORMAT'],
    ['19 digits', '1986092620150510011', 'NIP_FORMAT'],
    ['a letter', '19860926201505100I', 'NIP_FORMAT'],
    ['empty', '', 'NIP_FORMAT'],
    ['31 February', '198602312015051001', 'NIP_BIRTH_DATE'],
    ['31 April', '198604312015051001', 'NIP_BIRTH_DATE'],
    ['month 13', '198613012015051001', 'NIP_BIRTH_DATE'],
    ['day 00', '198609002015051001', 'NIP_BIRTH_DATE'],
    ['born before 1900', '189912312015051001', 'NIP_BIRTH_DATE'],
    ['29 February of a non-leap year', '198702292010011001', 'NIP_BIRTH_DATE'],
    ['29 February 1900 (not a leap year)', '190002291920011001', 'NIP_BIRTH_DATE'],
    ['service month 00', '198609262015001001', 'NIP_SERVICE_START'],
    ['service month 13', '198609262015131001', 'NIP_SERVICE_START'],
    ['service month 22 (neither a month nor PPPK)', '198609262015221001', 'NIP_SERVICE_START'],
    ['service at age 14', '199001012004011001', 'NIP_SERVICE_START'],
    ['service before birth', '199001011985011001', 'NIP_SERVICE_START'],
    ['PPPK service at age 14', '199001012004211001', 'NIP_SERVICE_START'],
    ['sex digit 0', '198609262015050001', 'NIP_SEX_DIGIT'],
    ['sex digit 3', '198609262015053001', 'NIP_SEX_DIGIT'],
    ['sequence 000', '198609262015051000', 'NIP_SEQUENCE'],
  ])('refuses a NIP with %s', (_case, nip, problem) => {
    expect(problemOf(nip)).toBe(problem);
  });

  it.each([
    ['29 February of a leap year', '198802292010011001'],
    ['29 February 2000 (a leap year)', '200002292020011001'],
    ['service starting the year of the 15th birthday', '199012312005121001'],
    ['sequence 999', '198609262015052999'],
  ])('accepts a NIP with %s', (_case, nip) => {
    expect(problemOf(nip)).toBe('ok');
  });
});

describe('normaliseNip', () => {
  it('keeps only the digits people meant', () => {
    expect(normaliseNip(' 19860926 201505 1 001 ')).toBe('198609262015051001');
  });
});

describe('formatNip', () => {
  it('groups 8-6-1-3 as printed on an ASN card', () => {
    expect(formatNip('198609262015051001')).toBe('19860926 201505 1 001');
  });

  it('regroups a NIP typed with odd spacing', () => {
    expect(formatNip('1986 0926 2015 0510 01')).toBe('19860926 201505 1 001');
  });

  it('leaves anything that is not 18 digits as it was', () => {
    expect(formatNip('12345')).toBe('12345');
  });
});

describe('ZNip', () => {
  it('yields the bare 18 digits of a NIP typed with spaces', () => {
    expect(ZNip.parse('19860926 201505 1 001')).toBe('198609262015051001');
  });

  it('reports the NIP problem as the issue code, for the portals to translate', () => {
    const result = ZNip.safeParse('198602312015051001');
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0] as { params?: { code?: string }; message: string };
    expect(issue.params?.code).toBe('NIP_BIRTH_DATE');
    expect(issue.message).toMatch(/birth date/);
  });

  it('refuses what is not text', () => {
    expect(ZNip.safeParse(198609262015051001).success).toBe(false);
  });
});
