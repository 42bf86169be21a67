import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';

/**
 * The server side of Telegram's two-step verification (SRP-2048 with the documented KDF), so the client
 * code under test runs its real computeCheck against a fake that only accepts the right password.
 */
const P_HEX =
  'c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b';
const P = BigInt(`0x${P_HEX}`);
const G = 3n;

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const toBig = (buffer: Buffer) => BigInt(`0x${buffer.toString('hex') || '0'}`);
const toBuffer = (value: bigint) => Buffer.from(value.toString(16).padStart(512, '0'), 'hex');

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

export function createSrpServer(password: string) {
  const salt1 = randomBytes(40);
  const salt2 = randomBytes(16);
  const hash1 = sha256(salt1, Buffer.from(password, 'utf8'), salt1);
  const hash2 = sha256(salt2, hash1, salt2);
  const x = toBig(sha256(salt2, pbkdf2Sync(hash2, salt1, 100_000, 64, 'sha512'), salt2));
  const v = modPow(G, x, P);
  const k = toBig(sha256(toBuffer(P), toBuffer(G)));
  let b = 0n;
  let B = 0n;
  return {
    salt1,
    salt2,
    p: toBuffer(P),
    g: Number(G),
    /** A fresh server secret and its public B for one check. */
    challenge(): Buffer {
      b = toBig(randomBytes(256));
      B = (k * v + modPow(G, b, P)) % P;
      return toBuffer(B);
    },
    verify(A: Buffer, M1: Buffer): boolean {
      const a = toBig(A);
      const u = toBig(sha256(toBuffer(a), toBuffer(B)));
      const S = modPow((a * modPow(v, u, P)) % P, b, P);
      const K = sha256(toBuffer(S));
      const pSha = sha256(toBuffer(P));
      const gSha = sha256(toBuffer(G));
      const xor = Buffer.from(pSha.map((byte, i) => byte ^ gSha[i]!));
      const expected = sha256(xor, sha256(salt1), sha256(salt2), toBuffer(a), toBuffer(B), K);
      return expected.equals(M1);
    },
  };
}
