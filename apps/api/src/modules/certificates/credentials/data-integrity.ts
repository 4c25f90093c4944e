import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import canonicalize from 'canonicalize';

/**
 * Ed25519 keys as Multikey, AES-256-GCM at rest, and Data Integrity proofs with the
 * `eddsa-jcs-2022` cryptosuite (W3C VC Data Integrity EdDSA Cryptosuites v1.0, §3.3): JSON
 * Canonicalization Scheme (RFC 8785, `canonicalize`) + SHA-256 + Ed25519, with node:crypto.
 */

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_INDEX = new Map([...B58].map((c, i) => [c, i]));

export function base58btc(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i];
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j] << 8;
      digits[j] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  return '1'.repeat(zeros) + digits.reverse().map((d) => B58[d]).join('');
}

export function fromBase58btc(text: string): Buffer {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  const bytes: number[] = [];
  for (let i = zeros; i < text.length; i++) {
    const value = B58_INDEX.get(text[i]);
    if (value === undefined) throw new Error('not base58btc');
    let carry = value;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j] * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  return Buffer.from([...new Array(zeros).fill(0), ...bytes.reverse()]);
}

/** Multicodec prefix of an Ed25519 public key (0xed, varint-encoded). */
const ED25519_PUB = Buffer.from([0xed, 0x01]);

export interface GeneratedKey {
  publicKeyMultibase: string;
  privateKeyDer: Buffer;
}

export function generateEd25519(): GeneratedKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKeyMultibase: toMultibase(publicKey), privateKeyDer: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

export function toMultibase(publicKey: KeyObject): string {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return `z${base58btc(Buffer.concat([ED25519_PUB, raw]))}`;
}

export function publicKeyFromMultibase(multibase: string): KeyObject {
  if (!multibase.startsWith('z')) throw new Error('not a base58btc multibase value');
  const bytes = fromBase58btc(multibase.slice(1));
  if (bytes.length !== 34 || !bytes.subarray(0, 2).equals(ED25519_PUB)) throw new Error('not an Ed25519 Multikey');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.subarray(2).toString('base64url') }, format: 'jwk' });
}

/** iv (12 bytes) | tag (16) | ciphertext. */
export function encryptPrivateKey(der: Buffer, secret: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  const body = Buffer.concat([cipher.update(der), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptPrivateKey(sealed: Buffer, secret: Buffer): KeyObject {
  const decipher = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  const der = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-jcs-2022';
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
  '@context'?: unknown;
}

type Json = Record<string, unknown>;

function hashData(document: Json, proofConfig: Json): Buffer {
  const sha = (value: unknown) => createHash('sha256').update(canonicalize(value)!, 'utf8').digest();
  return Buffer.concat([sha(proofConfig), sha(document)]);
}

/** Adds an `eddsa-jcs-2022` proof to `document` (which must not carry one yet). */
export function signDocument<T extends Json>(document: T, privateKey: KeyObject, verificationMethod: string, created: Date): T & { proof: DataIntegrityProof } {
  const proofConfig: Json = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod,
    proofPurpose: 'assertionMethod',
  };
  // §3.3.5: the proof configuration carries the document's context.
  if (document['@context']) proofConfig['@context'] = document['@context'];
  const signature = sign(null, hashData(document, proofConfig), privateKey);
  const { '@context': _context, ...proof } = proofConfig;
  return { ...document, proof: { ...proof, proofValue: `z${base58btc(signature)}` } as DataIntegrityProof };
}

/** Checks the proof of a secured document; `resolveKey` maps the verification method to a public key (or null). */
export function verifyDocument(secured: Json, resolveKey: (verificationMethod: string) => KeyObject | null): { ok: boolean; message: string } {
  const proof = secured.proof as Partial<DataIntegrityProof> | undefined;
  if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return { ok: false, message: 'no proof' };
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-jcs-2022') return { ok: false, message: 'unsupported proof type or cryptosuite' };
  if (proof.proofPurpose !== 'assertionMethod') return { ok: false, message: 'unexpected proof purpose' };
  if (typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith('z')) return { ok: false, message: 'malformed proofValue' };
  if (typeof proof.verificationMethod !== 'string') return { ok: false, message: 'no verificationMethod' };
  const key = resolveKey(proof.verificationMethod);
  if (!key) return { ok: false, message: 'unknown verification method' };
  const { proof: _proof, ...document } = secured;
  const { proofValue, ...config } = proof as DataIntegrityProof;
  if (config['@context'] !== undefined && canonicalize(config['@context']) !== canonicalize(document['@context'])) return { ok: false, message: 'proof context differs from the document' };
  const proofConfig: Json = { ...config };
  if (document['@context']) proofConfig['@context'] = document['@context'];
  let signature: Buffer;
  try {
    signature = fromBase58btc(proofValue.slice(1));
  } catch {
    return { ok: false, message: 'malformed proofValue' };
  }
  const ok = signature.length === 64 && verify(null, hashData(document, proofConfig), key, signature);
  return ok ? { ok: true, message: 'signature valid' } : { ok: false, message: 'signature does not match' };
}

/** The spec's minimum length (16 KiB), which keeps a holder's index from standing out. */
export const STATUS_LIST_BITS = 131_072;

/** Multibase base64url (no padding) of the GZIP of the bitstring; index 0 is the first byte's most significant bit. */
export function encodeStatusList(setIndexes: Iterable<number>, bits = STATUS_LIST_BITS): string {
  const size = Math.max(bits, 8 * Math.ceil((Math.max(-1, ...setIndexes) + 1) / 8));
  const bytes = Buffer.alloc(Math.ceil(size / 8));
  for (const i of setIndexes) bytes[i >> 3] |= 0x80 >> (i & 7);
  return `u${gzipSync(bytes).toString('base64url')}`;
}

export function statusBit(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('encodedList is not multibase base64url');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (index < 0 || index >= bytes.length * 8) throw new Error('status index out of range');
  return (bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
}
