import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SessionUser } from '../../../src-shared/contract';
import { MAX_ATTACHMENT_BYTES } from '../../../src-shared/contract/tickets';
import { AppError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { insertEvent, rowForChange } from './queries';
import { assertTicketInScope } from '../users/scope';

// Files are stored once per content (SHA-256) under <data>/attachments, written to a
// temporary name and renamed, so a crash never leaves a half file under a real hash. The
// app only stores and returns bytes: it never opens, previews or runs an attachment.

export function fileOf(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

export function createAttachments(deps: CoreDeps) {
  const { db, clock, events, dataDir } = deps;

  async function attach(input: { id: number; fileName: string; mimeType: string; contentBase64: string }, actor: SessionUser): Promise<void> {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError('VALIDATION', 'Attachment too large', { fields: [{ path: 'contentBase64', code: 'tooLarge', message: 'too large', max: MAX_ATTACHMENT_BYTES }] });
    }
    if (bytes.length === 0) throw new AppError('VALIDATION', 'Empty attachment', { fields: [{ path: 'contentBase64', code: 'required', message: 'empty' }] });
    if (!(await rowForChange(db, input.id))) throw new AppError('NOT_FOUND', `Service request ${input.id} not found`);
    await assertTicketInScope(db, input.id, actor);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const target = fileOf(dataDir, sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(temp, bytes, { flag: 'wx' });
      fs.renameSync(temp, target);
    }
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const row = await rowForChange(trx, input.id);
      if (!row) throw new AppError('NOT_FOUND', `Service request ${input.id} not found`);
      const inserted = await trx
        .insertInto('attachments')
        .values({ ticket_id: row.id, sha256, file_name: input.fileName, mime_type: input.mimeType, size: bytes.length, uploaded_by: actor.id, uploaded_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.updateTable('tickets').set({ updated_at: now }).where('id', '=', row.id).execute();
      await insertEvent(trx, {
        ticket_id: row.id,
        at: now,
        actor_id: actor.id,
        kind: 'attachment',
        from_status: null,
        to_status: null,
        note: input.fileName,
        details: JSON.stringify({ attachmentId: inserted.id, size: bytes.length }),
      });
    });
    events.emit('tickets.changed', { ids: [input.id] });
  }

  async function read(attachmentId: number, viewer: SessionUser): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
    const row = await db.selectFrom('attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `Attachment ${attachmentId} not found`);
    await assertTicketInScope(db, row.ticket_id, viewer);
    const file = fileOf(dataDir, row.sha256);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'The attachment file is missing from the data folder', { reason: 'fileMissing' });
    return { fileName: row.file_name, mimeType: row.mime_type, contentBase64: fs.readFileSync(file).toString('base64') };
  }

  function list(ticketId: number) {
    return db
      .selectFrom('attachments as a')
      .innerJoin('users as u', 'u.id', 'a.uploaded_by')
      .select(['a.id', 'a.file_name', 'a.mime_type', 'a.size', 'a.uploaded_at', 'u.display_name'])
      .where('a.ticket_id', '=', ticketId)
      .orderBy('a.id')
      .execute();
  }

  return { attach, read, list };
}
