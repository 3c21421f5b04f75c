import { UPLOAD_CHUNK_BYTES } from '../../../src-shared/contract';

// Files travel to main and back as base64 pieces: an upload in UPLOAD_CHUNK_BYTES slices
// (File.slice), an export's zip in whatever pieces exports.chunk hands out.

export interface ByteRange {
  offset: number;
  end: number;
}

/** The slices a file of `size` bytes goes up in, in order; none for an empty file. */
export function chunkRanges(size: number, chunkBytes: number = UPLOAD_CHUNK_BYTES): ByteRange[] {
  if (!Number.isSafeInteger(size) || size <= 0) return [];
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes <= 0) throw new RangeError('chunkBytes must be a positive integer');
  const out: ByteRange[] = [];
  for (let offset = 0; offset < size; offset += chunkBytes) out.push({ offset, end: Math.min(size, offset + chunkBytes) });
  return out;
}

/** Bytes as base64, built in blocks so a 4 MB slice does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const BLOCK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += BLOCK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + BLOCK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** What an upload needs from the api: imports.begin and imports.chunk. */
export interface UploadCalls {
  begin(input: { fileName: string; bytes: number }): Promise<{ uploadId: string }>;
  chunk(input: { uploadId: string; offset: number; dataBase64: string }): Promise<{ received: number }>;
}

/**
 * Sends a file to main piece by piece, in order, reporting the bytes sent after each one.
 * Stops between pieces once `signal` is aborted (throwing its reason).
 */
export async function uploadFile(
  file: Blob & { name: string },
  calls: UploadCalls,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
  chunkBytes: number = UPLOAD_CHUNK_BYTES,
): Promise<string> {
  const { uploadId } = await calls.begin({ fileName: file.name, bytes: file.size });
  onProgress(0, file.size);
  for (const range of chunkRanges(file.size, chunkBytes)) {
    signal?.throwIfAborted();
    const bytes = new Uint8Array(await file.slice(range.offset, range.end).arrayBuffer());
    const { received } = await calls.chunk({ uploadId, offset: range.offset, dataBase64: bytesToBase64(bytes) });
    onProgress(Math.min(file.size, Math.max(received, range.end)), file.size);
  }
  return uploadId;
}

/** What a download needs from the api: exports.chunk. */
export type ChunkReader = (input: { jobId: string; offset: number }) => Promise<{ dataBase64: string; bytes: number; done: boolean }>;

/**
 * Reads a finished export's bytes from offset 0 until main says done, reporting the bytes
 * read so far. A piece that brings nothing without being the last one is a fault (it would loop).
 */
export async function downloadPieces(jobId: string, read: ChunkReader, onProgress: (received: number) => void, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>[]> {
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    signal?.throwIfAborted();
    const piece = await read({ jobId, offset });
    const bytes = base64ToBytes(piece.dataBase64);
    if (bytes.length > 0) pieces.push(bytes);
    offset += bytes.length;
    onProgress(offset);
    if (piece.done) return pieces;
    if (bytes.length === 0) throw new Error(`exports.chunk returned no bytes at offset ${offset} before the end`);
  }
}

/** A whole percentage of `done` out of `total` (0 when nothing is known yet). */
export function percent(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

/** Hands bytes to the browser as a download named `fileName`. */
export function saveFile(pieces: Uint8Array<ArrayBuffer>[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(pieces, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
