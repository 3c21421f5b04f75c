import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptFile, deriveKey, encryptFile, isEncrypted, newSalt, saltOf } from './crypto';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-crypto-'));
const file = (name: string) => path.join(dir, name);

describe('backup encryption (scrypt + AES-256-GCM in chunks)', () => {
  const salt = newSalt();
  const key = deriveKey('一段足够长的备份口令 2026', salt);

  it.each([0, 1, 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024 - 7])('round-trips %i bytes', (bytes) => {
    const plain = crypto.randomBytes(bytes);
    fs.writeFileSync(file('plain'), plain);
    encryptFile(file('plain'), file('enc'), key, salt);
    expect(isEncrypted(file('enc'))).toBe(true);
    expect(saltOf(file('enc')).equals(salt)).toBe(true);
    if (bytes >= 64) expect(fs.readFileSync(file('enc')).includes(plain.subarray(0, 64))).toBe(false);
    decryptFile(file('enc'), file('back'), deriveKey('一段足够长的备份口令 2026', saltOf(file('enc'))));
    expect(fs.readFileSync(file('back')).equals(plain)).toBe(true);
  });

  it('tells a wrong passphrase from a damaged file, and leaves nothing behind', () => {
    fs.writeFileSync(file('plain'), crypto.randomBytes(2 * 1024 * 1024 + 10));
    encryptFile(file('plain'), file('enc'), key, salt);
    expect(() => decryptFile(file('enc'), file('out'), deriveKey('another passphrase entirely', salt))).toThrow('wrongKey');
    expect(fs.existsSync(file('out'))).toBe(false);

    const bytes = fs.readFileSync(file('enc'));
    const flipped = Buffer.from(bytes);
    flipped[100_000] = flipped[100_000]! ^ 1;
    fs.writeFileSync(file('flipped'), flipped);
    expect(() => decryptFile(file('flipped'), file('out'), key)).toThrow('damaged');
    // Cut after the first chunk: the chunk that now ends the file was not written as the last.
    fs.writeFileSync(file('cut'), bytes.subarray(0, 56 + 1024 * 1024 + 16));
    expect(() => decryptFile(file('cut'), file('out'), key)).toThrow('damaged');
    expect(fs.existsSync(file('out'))).toBe(false);
    expect(isEncrypted(file('plain'))).toBe(false);
  });
});
