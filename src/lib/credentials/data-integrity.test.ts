import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  hashData,
  privateKeyFromSeed,
  rawPublicKey,
  signDocument,
  verifyDocument,
  type JsonObject,
} from './data-integrity.ts';
import {
  didKeyFromPublicKey,
  multibaseEncode,
  privateKeyFromMultibase,
  publicKeyFromDidKey,
  publicKeyFromMultibase,
  verificationMethodOf,
} from './multibase.ts';

// Reference data written outside this project, vendored unmodified (test/fixtures/README.md).
const DATA = resolve(import.meta.dirname, '../../../test/fixtures');
const read = (path: string) => readFileSync(join(DATA, path), 'utf8');
const json = (path: string) => JSON.parse(read(path)) as JsonObject;

describe('RFC 8785 JSON Canonicalization Scheme (cyberphone test data)', () => {
  for (const name of readdirSync(join(DATA, 'jcs/input')))
    it(name, () => {
      const canonical = canonicalJson(JSON.parse(read(`jcs/input/${name}`)));
      expect(canonical).toBe(read(`jcs/output/${name}`));
      const hex = read(`jcs/outhex/${name.replace('.json', '.txt')}`).replace(/\s+/g, '');
      expect(Buffer.from(canonical, 'utf8').toString('hex')).toBe(hex);
    });
});

describe('W3C vc-di-eddsa test vectors, eddsa-jcs-2022', () => {
  const keyPair = json('vc-di-eddsa/keyPair.json') as {
    publicKeyMultibase: string;
    privateKeyMultibase: string;
  };
  const unsigned = json('vc-di-eddsa/unsigned.json');
  const expectedConfig = json('vc-di-eddsa/eddsa-jcs-2022/proofConfigJCS.json');
  const signedVector = json('vc-di-eddsa/eddsa-jcs-2022/signedJCS.json');
  const seed = privateKeyFromMultibase(keyPair.privateKeyMultibase);
  const privateKey = privateKeyFromSeed(seed);

  it('derives their public key from their private key', () => {
    expect(multibaseEncode(Uint8Array.from([0xed, 0x01, ...rawPublicKey(privateKey)]))).toBe(
      keyPair.publicKeyMultibase,
    );
  });

  it('reproduces the canonical forms, each hash, and the signature', () => {
    expect(canonicalJson(unsigned)).toBe(read('vc-di-eddsa/eddsa-jcs-2022/canonDocJCS.txt').trim());
    expect(canonicalJson(expectedConfig)).toBe(
      read('vc-di-eddsa/eddsa-jcs-2022/proofCanonJCS.txt').trim(),
    );
    const combined = hashData(unsigned, expectedConfig).toString('hex');
    expect(combined.slice(0, 64)).toBe(read('vc-di-eddsa/eddsa-jcs-2022/proofHashJCS.txt').trim());
    expect(combined.slice(64)).toBe(read('vc-di-eddsa/eddsa-jcs-2022/docHashJCS.txt').trim());
    expect(combined).toBe(read('vc-di-eddsa/eddsa-jcs-2022/combinedHashJCS.txt').trim());
    const signed = signDocument(unsigned, {
      privateKey,
      verificationMethod: expectedConfig.verificationMethod as string,
      created: expectedConfig.created as string,
    });
    expect(signed.proof.proofValue).toBe(read('vc-di-eddsa/eddsa-jcs-2022/sigBTC58JCS.txt').trim());
    expect(Buffer.from(publicKeyFromMultibase(keyPair.publicKeyMultibase)).length).toBe(32);
    expect(signed).toEqual(signedVector);
  });

  it('verifies their signed credential', () => {
    expect(verifyDocument(signedVector)).toMatchObject({ ok: true });
  });

  it('fails when any character of any field, the date or the verification method changes', () => {
    const strings: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      if (typeof value === 'string') strings.push(path);
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(signedVector, []);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 0xffff }), (which, at, code) => {
        const path = strings[which % strings.length]!;
        if (path.at(-1) === 'proofValue') return; // a changed signature is the signature test below
        const copy = structuredClone(signedVector) as Record<string, unknown>;
        let node = copy;
        for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
        const key = path.at(-1)!;
        const text = node[key] as string;
        const i = at % text.length;
        const replacement = String.fromCharCode(code);
        if (replacement === text[i]) return;
        node[key] = text.slice(0, i) + replacement + text.slice(i + 1);
        expect(verifyDocument(copy).ok, path.join('.')).toBe(false);
      }),
      { numRuns: 400 },
    );
    const badSignature = structuredClone(signedVector) as { proof: { proofValue: string } };
    badSignature.proof.proofValue = badSignature.proof.proofValue.slice(0, -2) + 'aa';
    expect(verifyDocument(badSignature)).toMatchObject({ ok: false });
    const otherDate = structuredClone(signedVector) as { proof: { created: string } };
    otherDate.proof.created = '2023-02-24T23:36:39Z';
    expect(verifyDocument(otherDate)).toMatchObject({ ok: false, code: 'signature' });
  });
});

describe('credentials of any issuer with a did:key', () => {
  it('signs and verifies with a freshly made key, and names a forged issuer', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(publicKey);
    const did = didKeyFromPublicKey(raw);
    expect(publicKeyFromDidKey(verificationMethodOf(raw)).did).toBe(did);
    const credential: JsonObject = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: did,
      validFrom: '2026-06-30T00:00:00Z',
      credentialSubject: { name: 'Nguyễn Thị Ánh', birthDate: '2008-03-15' },
    };
    const signed = signDocument(credential, {
      privateKey,
      verificationMethod: verificationMethodOf(raw),
      created: '2026-07-01T08:00:00Z',
    });
    expect(verifyDocument(signed)).toEqual({
      ok: true,
      issuer: did,
      verificationMethod: verificationMethodOf(raw),
    });
    const other = didKeyFromPublicKey(rawPublicKey(generateKeyPairSync('ed25519').publicKey));
    expect(verifyDocument({ ...signed, issuer: other })).toMatchObject({
      ok: false,
      code: 'issuer_mismatch',
    });
  });
});
