import { roleHas } from '../../../src-shared/domain/roles';
import { requireUser, type CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { deskToday } from '../settings/queries';
import { createAssetService } from './assets';
import { customer360, customerTimeline } from './customer360';
import { lookup, possibleDuplicates, products, saveProduct, serviceSummary } from './service';

export function customersHandlers(deps: CoreDeps) {
  const assets = createAssetService(deps);
  return defineHandlers('customers', {
    lookup: (input) => lookup(deps.db, input.text, input.limit),
    products: () => products(deps.db),
    saveProduct: (input) => saveProduct(deps.db, input),
    possibleDuplicates: (input) => possibleDuplicates(deps.db, input),
    serviceSummary: (input) => serviceSummary(deps.db, input.customerId, deps.clock.now()),
    get: async (input) => {
      const now = deps.clock.now();
      return customer360(deps.db, input.customerId, now, await deskToday(deps.db, now));
    },
    timeline: (input) => customerTimeline(deps.db, input),
    saveAsset: (input, ctx) => assets.save(input, roleHas(requireUser(ctx).role, 'sla.manage')),
    removeAsset: (input) => assets.remove(input.id),
  });
}
