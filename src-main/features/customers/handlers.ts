import { roleHas } from '../../../src-shared/domain/roles';
import { requireUser, type CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { deskToday, getSettings, lifecycleThresholds } from '../settings/queries';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { createAssetService } from './assets';
import { customer360, customerTimeline } from './customer360';
import { mergeCustomers } from './merge';
import { removeOrder, saveOrder } from './orders';
import { allTags, listCustomers, removeContact, saveContact, saveCustomer } from './profiles';
import { lookup, nextCustomerNo, possibleDuplicates, products, saveProduct, serviceSummary } from './service';

export function customersHandlers(deps: CoreDeps) {
  const { db, clock, events } = deps;
  const assets = createAssetService(deps);
  const changed = (ids: number[]) => events.emit('customers.changed', { ids });
  const deskTimeZone = async () => (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
  return defineHandlers('customers', {
    lookup: (input) => lookup(db, input.text, input.limit),
    list: async (input) => listCustomers(db, input, clock.now(), await lifecycleThresholds(db)),
    save: async (input) => {
      const now = clock.now();
      const saved = await db.transaction().execute(async (trx) => {
        const timeZone = (await getSettings(trx)).timeZone ?? DEFAULT_TIME_ZONE;
        return saveCustomer(trx, deps.sqlite, input, now, () => nextCustomerNo(trx, now, timeZone));
      });
      changed([saved.id]);
      return saved;
    },
    tags: () => allTags(db),
    saveContact: async (input) => {
      const contact = await db.transaction().execute((trx) => saveContact(trx, deps.sqlite, input, clock.now()));
      changed([input.customerId]);
      return contact;
    },
    removeContact: async (input) => {
      const customerId = await db.transaction().execute((trx) => removeContact(trx, input.id));
      changed([customerId]);
      return null;
    },
    merge: (input, ctx) => mergeCustomers(deps, input.fromId, input.intoId, requireUser(ctx).id),
    saveOrder: async (input) => {
      const timeZone = await deskTimeZone();
      const order = await db.transaction().execute((trx) => saveOrder(trx, input, clock.now(), timeZone));
      changed([input.customerId]);
      return order;
    },
    removeOrder: async (input) => {
      const customerId = await db.transaction().execute((trx) => removeOrder(trx, input.id));
      changed([customerId]);
      return null;
    },
    products: () => products(db),
    saveProduct: (input) => saveProduct(db, input),
    possibleDuplicates: (input) => possibleDuplicates(db, input),
    serviceSummary: (input) => serviceSummary(db, input.customerId, clock.now()),
    get: async (input) => {
      const now = clock.now();
      return customer360(db, input.customerId, now, await deskToday(db, now));
    },
    timeline: async (input) => customerTimeline(db, input, await deskTimeZone()),
    saveAsset: (input, ctx) => assets.save(input, roleHas(requireUser(ctx).role, 'sla.manage')),
    removeAsset: (input) => assets.remove(input.id),
  });
}
