import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, chunkRanges, downloadPieces, percent, uploadFile, type UploadCalls } from './transfer';

function bytes(n: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What Node's Buffer would say, written out for the three-byte groups of the standard alphabet. */
const KNOWN = [
  [new TextEncoder().encode('客户'), '5a6i5oi3'],
  [Uint8Array.from([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xff, 0x00]), 'v827pyz/AA=='],
  [Uint8Array.from([0xfb, 0xff]), '+/8='],
] as const;

describe('chunkRanges', () => {
  it('cuts a file into pieces of the chunk size, the last one shorter', () => {
    expect(chunkRanges(10, 4)).toEqual([
      { offset: 0, end: 4 },
      { offset: 4, end: 8 },
      { offset: 8, end: 10 },
    ]);
    expect(chunkRanges(8, 4)).toEqual([
      { offset: 0, end: 4 },
      { offset: 4, end: 8 },
    ]);
    expect(chunkRanges(3, 4)).toEqual([{ offset: 0, end: 3 }]);
  });

  it('has nothing to send for an empty file and refuses a chunk size of zero', () => {
    expect(chunkRanges(0, 4)).toEqual([]);
    expect(() => chunkRanges(10, 0)).toThrow(RangeError);
  });

  it('uses the contract size by default: 4 MB before base64', () => {
    const ranges = chunkRanges(9 * 1024 * 1024);
    expect(ranges.map((r) => r.end - r.offset)).toEqual([4 * 1024 * 1024, 4 * 1024 * 1024, 1024 * 1024]);
  });
});

describe('base64', () => {
  it('round-trips any bytes, including a block larger than one String.fromCharCode call', () => {
    for (const n of [0, 1, 2, 3, 4, 0x8000 - 1, 0x8000, 0x8000 + 1, 200_000]) {
      const b = bytes(n);
      expect(same(base64ToBytes(bytesToBase64(b)), b), `${n} bytes`).toBe(true);
    }
  });

  it('writes standard base64 (with + / and padding) for UTF-8 and GBK bytes alike', () => {
    for (const [input, expected] of KNOWN) {
      expect(bytesToBase64(input)).toBe(expected);
      expect(same(base64ToBytes(expected), input)).toBe(true);
    }
  });

  it('a full chunk encodes within the contract limit', () => {
    expect(bytesToBase64(bytes(4 * 1024 * 1024)).length).toBeLessThanOrEqual(Math.ceil((4 * 1024 * 1024) / 3) * 4);
  });
});

describe('uploadFile', () => {
  it('begins, then sends every piece in order with its offset, reporting progress', async () => {
    const content = bytes(10);
    const file = Object.assign(new Blob([content]), { name: '客户.csv' });
    const calls: unknown[] = [];
    const received: Uint8Array[] = [];
    const api: UploadCalls = {
      begin: async (input) => {
        calls.push(['begin', input]);
        return { uploadId: 'u-1' };
      },
      chunk: async (input) => {
        calls.push(['chunk', input.uploadId, input.offset]);
        received.push(base64ToBytes(input.dataBase64));
        return { received: input.offset + base64ToBytes(input.dataBase64).length };
      },
    };
    const progress: [number, number][] = [];
    const id = await uploadFile(file, api, (sent, total) => progress.push([sent, total]), undefined, 4);
    expect(id).toBe('u-1');
    expect(calls).toEqual([
      ['begin', { fileName: '客户.csv', bytes: 10 }],
      ['chunk', 'u-1', 0],
      ['chunk', 'u-1', 4],
      ['chunk', 'u-1', 8],
    ]);
    expect(same(Uint8Array.from(received.flatMap((r) => [...r])), content)).toBe(true);
    expect(progress).toEqual([
      [0, 10],
      [4, 10],
      [8, 10],
      [10, 10],
    ]);
  });

  it('stops between pieces once aborted', async () => {
    const file = Object.assign(new Blob([bytes(12)]), { name: 'a.csv' });
    const controller = new AbortController();
    let chunks = 0;
    const api: UploadCalls = {
      begin: async () => ({ uploadId: 'u-2' }),
      chunk: async (input) => {
        chunks++;
        controller.abort();
        return { received: input.offset + 4 };
      },
    };
    await expect(uploadFile(file, api, () => {}, controller.signal, 4)).rejects.toThrow();
    expect(chunks).toBe(1);
  });
});

describe('downloadPieces', () => {
  it('reads from each next offset until main says done', async () => {
    const content = bytes(10);
    const offsets: number[] = [];
    const pieces = await downloadPieces(
      'job-1',
      async ({ offset }) => {
        offsets.push(offset);
        const piece = content.subarray(offset, offset + 4);
        return { dataBase64: bytesToBase64(piece), bytes: piece.length, done: offset + 4 >= content.length };
      },
      () => {},
    );
    expect(offsets).toEqual([0, 4, 8]);
    expect(same(Uint8Array.from(pieces.flatMap((p) => [...p])), content)).toBe(true);
  });

  it('refuses an empty piece that is not the last (it would loop for ever)', async () => {
    await expect(downloadPieces('job-1', async () => ({ dataBase64: '', bytes: 0, done: false }), () => {})).rejects.toThrow(/no bytes/);
  });
});

describe('percent', () => {
  it('is a whole number from 0 to 100, 0 while the total is unknown', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(3, 3)).toBe(100);
    expect(percent(5, 3)).toBe(100);
  });
});
