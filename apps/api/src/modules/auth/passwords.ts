import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id (`Algorithm.Argon2id` is a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

export const hashPassword = (password: string) => hash(password, { algorithm: ARGON2ID });

export const verifyPassword = (hashed: string, password: string) => verify(hashed, password).catch(() => false);

/**
 * A hash of a random password, verified against when the account does not exist so that a failed
 * login takes the same time whether or not the NIP or email is known.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(`decoy-${randomInt(1e9)}`));

/** Readable temporary passwords: no 0/O or 1/l/I to misread when an admin dictates one. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
export function generateTemporaryPassword(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
