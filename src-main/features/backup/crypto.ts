import crypto from 'node:crypto';
import fs from 'node:fs';

// Backup encryption: a key derived from an administrator's passphrase with scrypt, and the
// file encrypted with AES-256-GCM in 1 MiB chunks, each authenticated (its index and whether
// it is the last one go into the tag, so chunks cannot be reordered, dropped or cut off).
//
//   header: "SLBKENC1" | salt (16) | base nonce (12) | key check (16)
//   then per chunk: ciphertext (up to 1 MiB) | tag (16)

const MAGIC = Buffer.from('SLBKENC1');
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const CHECK_BYTES = 16;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + SALT_BYTES + NONCE_BYTES + CHECK_BYTES;
const CHUNK = 1024 * 1024;
/** scrypt cost: about 0.1 s and 32 MB per derivation, once per passphrase. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function newSalt(): Buffer {
  return crypto.randomBytes(SALT_BYTES);
}

export function deriveKey(passphrase: string, salt: Buffer): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);
}

function keyCheck(key: Buffer): Buffer {
  return crypto.createHmac('sha256', key).update('serviceloop backup key').digest().subarray(0, CHECK_BYTES);
}

function nonce(base: Buffer, index: number): Buffer {
  const n = Buffer.from(base);
  n.writeUInt32BE((n.readUInt32BE(NONCE_BYTES - 4) ^ index) >>> 0, NONCE_BYTES - 4);
  return n;
}

function aad(index: number, last: boolean): Buffer {
  const a = Buffer.alloc(5);
  a.writeUInt32BE(index, 0);
  a[4] = last ? 1 : 0;
  return a;
}

/** True when the file starts like an encrypted backup. */
export function isEncrypted(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    return fs.readSync(fd, head, 0, MAGIC.length, 0) === MAGIC.length && head.equals(MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/** The salt an encrypted backup's key was derived with. */
export function saltOf(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const salt = Buffer.alloc(SALT_BYTES);
    fs.readSync(fd, salt, 0, SALT_BYTES, MAGIC.length);
    return salt;
  } finally {
    fs.closeSync(fd);
  }
}

export function encryptFile(source: string, target: string, key: Buffer, salt: Buffer): void {
  const base = crypto.randomBytes(NONCE_BYTES);
  const input = fs.openSync(source, 'r');
  const output = fs.openSync(target, 'w');
  try {
    fs.writeSync(output, Buffer.concat([MAGIC, salt, base, keyCheck(key)]));
    const size = fs.fstatSync(input).size;
    const buffer = Buffer.allocUnsafe(CHUNK);
    let index = 0;
    let position = 0;
    do {
      const n = fs.readSync(input, buffer, 0, CHUNK, position);
      position += n;
      const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce(base, index));
      cipher.setAAD(aad(index, position >= size));
      fs.writeSync(output, Buffer.concat([cipher.update(buffer.subarray(0, n)), cipher.final(), cipher.getAuthTag()]));
      index += 1;
    } while (position < size);
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}

/**
 * Decrypts an encrypted backup into `target`. Throws 'wrongKey' when the key is not the
 * backup's, 'damaged' when any chunk fails its tag (or the file was cut short).
 */
export function decryptFile(source: string, target: string, key: Buffer): void {
  const input = fs.openSync(source, 'r');
  const output = fs.openSync(target, 'w');
  try {
    const size = fs.fstatSync(input).size;
    const header = Buffer.alloc(HEADER_BYTES);
    if (fs.readSync(input, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('damaged');
    const base = header.subarray(MAGIC.length + SALT_BYTES, MAGIC.length + SALT_BYTES + NONCE_BYTES);
    const check = header.subarray(HEADER_BYTES - CHECK_BYTES);
    if (!crypto.timingSafeEqual(check, keyCheck(key))) throw new Error('wrongKey');
    const buffer = Buffer.allocUnsafe(CHUNK + TAG_BYTES);
    let position = HEADER_BYTES;
    let index = 0;
    while (position < size) {
      const n = fs.readSync(input, buffer, 0, CHUNK + TAG_BYTES, position);
      position += n;
      if (n < TAG_BYTES) throw new Error('damaged');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce(base, index));
      decipher.setAAD(aad(index, position >= size));
      decipher.setAuthTag(buffer.subarray(n - TAG_BYTES, n));
      try {
        fs.writeSync(output, Buffer.concat([decipher.update(buffer.subarray(0, n - TAG_BYTES)), decipher.final()]));
      } catch {
        throw new Error('damaged');
      }
      index += 1;
    }
    if (index === 0) throw new Error('damaged');
  } catch (error) {
    fs.closeSync(output);
    fs.rmSync(target, { force: true });
    throw error;
  } finally {
    fs.closeSync(input);
    try {
      fs.closeSync(output);
    } catch {
      // closed above
    }
  }
}
