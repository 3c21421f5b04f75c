import type { CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { readSettings, updateSettings } from './service';

export function settingsHandlers(deps: CoreDeps) {
  return defineHandlers('settings', {
    get: () => readSettings(deps),
    update: (input) => updateSettings(deps, input),
  });
}
