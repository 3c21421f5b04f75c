import { requireUser } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import type { BackupService } from './service';

export function backupHandlers(service: BackupService) {
  return defineHandlers('backup', {
    settings: () => service.settings(),
    saveSettings: (input, ctx) => service.saveSettings(input, requireUser(ctx)),
    list: () => service.overview(),
    run: (_input, ctx) => service.start('manual', requireUser(ctx).id),
    job: ({ jobId }) => service.job(jobId),
    restore: ({ file, passphrase }, ctx) => service.restore(file, requireUser(ctx), passphrase),
  });
}
