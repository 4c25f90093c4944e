import { randomBytes } from 'node:crypto';
import { base58btc, decryptPrivateKey, encodeStatusList, encryptPrivateKey, fromBase58btc, generateEd25519, publicKeyFromMultibase, signDocument, statusBit, verifyDocument } from './data-integrity';

describe('data integrity (eddsa-jcs-2022)', () => {
  const key = generateEd25519();
  const secret = randomBytes(32);
  const sealed = encryptPrivateKey(key.privateKeyDer, secret);
  const privateKey = decryptPrivateKey(sealed, secret);
  const vm = 'https://asah.example/api/credentials/keys/k1';
  const resolve = (id: string) => (id === vm ? publicKeyFromMultibase(key.publicKeyMultibase) : null);
  const doc = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], credentialSubject: { name: 'Đặng Thị Ánh' }, validFrom: '2026-01-01T00:00:00Z' };

  it('base58btc round-trips, leading zeros included', () => {
    for (const bytes of [Buffer.from([0, 0, 1, 2, 255]), randomBytes(34), Buffer.alloc(0)]) expect(fromBase58btc(base58btc(bytes)).equals(bytes)).toBe(true);
    expect(base58btc(Buffer.from('hello world'))).toBe('StV1DL6CwTryKyV');
  });

  it('publishes the key as an Ed25519 Multikey (z6Mk…)', () => {
    expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
  });

  it('signs and verifies; key order does not matter (JCS)', () => {
    const signed = signDocument(doc, privateKey, vm, new Date('2026-01-02T03:04:05.678Z'));
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: '2026-01-02T03:04:05Z', proofPurpose: 'assertionMethod' });
    expect(verifyDocument(signed, resolve)).toEqual({ ok: true, message: 'signature valid' });
    const reordered = JSON.parse(JSON.stringify({ validFrom: signed.validFrom, proof: signed.proof, credentialSubject: signed.credentialSubject, type: signed.type, '@context': signed['@context'] }));
    expect(verifyDocument(reordered, resolve).ok).toBe(true);
  });

  it('rejects a tampered document, a tampered proof, an unknown key and a wrong secret', () => {
    const signed = signDocument(doc, privateKey, vm, new Date());
    expect(verifyDocument({ ...signed, credentialSubject: { name: 'Dang Thi Anh' } }, resolve)).toEqual({ ok: false, message: 'signature does not match' });
    expect(verifyDocument({ ...signed, proof: { ...signed.proof, created: '2020-01-01T00:00:00Z' } }, resolve).ok).toBe(false);
    expect(verifyDocument({ ...signed, proof: { ...signed.proof, verificationMethod: 'https://evil/k' } }, resolve).message).toBe('unknown verification method');
    expect(verifyDocument({ ...doc }, resolve).message).toBe('no proof');
    expect(() => decryptPrivateKey(sealed, randomBytes(32))).toThrow();
  });

  it('encodes a status list whose bits read back', () => {
    const list = encodeStatusList([0, 7, 9, 131_071]);
    for (const i of [0, 7, 9, 131_071]) expect(statusBit(list, i)).toBe(true);
    for (const i of [1, 8, 10, 5000]) expect(statusBit(list, i)).toBe(false);
  });
});
