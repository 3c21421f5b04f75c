import type { CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { createPartsService } from './service';

export function partsHandlers(deps: CoreDeps) {
  const service = createPartsService(deps);
  return defineHandlers('parts', {
    list: (input) => service.list(input.includeInactive),
    save: (input) => service.save(input),
  });
}
