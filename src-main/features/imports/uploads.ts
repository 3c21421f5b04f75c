import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fieldError } from '../../../src-shared/errors';

interface Upload {
  id: string;
  fileName: string;
  bytes: number;
  received: number;
  userId: number;
  filePath: string;
  startedAt: number;
}

/** How long an unused upload is kept before its file is removed. */
const KEEP_MS = 24 * 3_600_000;

/**
 * Files on their way into the import wizard: written to `<data folder>/imports/` a chunk at a
 * time, in order, by the user who began the upload; removed a day after they were begun.
 */
export function createUploads(dataDir: string, now: () => number) {
  const folder = path.join(dataDir, 'imports');
  const uploads = new Map<string, Upload>();

  function sweep(): void {
    for (const u of uploads.values()) {
      if (now() - u.startedAt > KEEP_MS) {
        uploads.delete(u.id);
        fs.rmSync(u.filePath, { force: true });
      }
    }
  }

  return {
    begin(fileName: string, bytes: number, userId: number): { uploadId: string } {
      sweep();
      fs.mkdirSync(folder, { recursive: true });
      const id = randomUUID();
      // The name as typed is only shown; the file on disk is named by the upload's id.
      const filePath = path.join(folder, `${id}.upload`);
      fs.writeFileSync(filePath, new Uint8Array());
      uploads.set(id, { id, fileName: path.basename(fileName), bytes, received: 0, userId, filePath, startedAt: now() });
      return { uploadId: id };
    },

    chunk(uploadId: string, offset: number, dataBase64: string, userId: number): { received: number } {
      const upload = this.get(uploadId, userId, false);
      if (offset !== upload.received) throw fieldError('offset', 'invalid');
      const data = Buffer.from(dataBase64, 'base64');
      if (data.length === 0 || upload.received + data.length > upload.bytes) throw fieldError('dataBase64', 'invalid');
      fs.appendFileSync(upload.filePath, data);
      upload.received += data.length;
      return { received: upload.received };
    },

    /** The caller's upload; `complete`: every byte has arrived. */
    get(uploadId: string, userId: number, complete = true): Upload {
      const upload = uploads.get(uploadId);
      if (!upload || upload.userId !== userId) throw new AppError('NOT_FOUND', `Upload ${uploadId} not found`);
      if (complete && upload.received !== upload.bytes) throw fieldError('uploadId', 'incomplete');
      return upload;
    },
  };
}
