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
import { assertCustomerInScope, customerOwnerScope, ticketScope } from '../users/scope';
import { lookup, nextCustomerNo, possibleDuplicates, products, saveProduct, serviceSummary } from './service';

export function customersHandlers(deps: CoreDeps) {
  const { db, clock, events } = deps;
  const assets = createAssetService(deps);
  const changed = (ids: number[]) => events.emit('customers.changed', { ids });
  const deskTimeZone = async () => (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
  return defineHandlers('customers', {
    lookup: (input, ctx) => lookup(db, input.text, input.limit, customerOwnerScope(requireUser(ctx))),
    list: async (input, ctx) => {
      // An account manager's list holds their own customers, whatever the owner filter says.
      const owner = customerOwnerScope(requireUser(ctx));
      return listCustomers(db, owner === undefined ? input : { ...input, ownerId: owner }, clock.now(), await lifecycleThresholds(db));
    },
    save: async (input, ctx) => {
      const user = requireUser(ctx);
      const owner = customerOwnerScope(user);
      const now = clock.now();
      const saved = await db.transaction().execute(async (trx) => {
        if (input.id !== undefined) await assertCustomerInScope(trx, input.id, user);
        const timeZone = (await getSettings(trx)).timeZone ?? DEFAULT_TIME_ZONE;
        // An account manager's customers stay theirs.
        return saveCustomer(trx, deps.sqlite, owner === undefined ? input : { ...input, ownerId: owner }, now, () => nextCustomerNo(trx, now, timeZone));
      });
      changed([saved.id]);
      return saved;
    },
    tags: () => allTags(db),
    saveContact: async (input, ctx) => {
      const user = requireUser(ctx);
      const contact = await db.transaction().execute(async (trx) => {
        await assertCustomerInScope(trx, input.customerId, user);
        return saveContact(trx, deps.sqlite, input, clock.now());
      });
      changed([input.customerId]);
      return contact;
    },
    removeContact: async (input, ctx) => {
      const user = requireUser(ctx);
      const customerId = await db.transaction().execute(async (trx) => {
        const of = await removeContact(trx, input.id);
        await assertCustomerInScope(trx, of, user);
        return of;
      });
      changed([customerId]);
      return null;
    },
    merge: (input, ctx) => mergeCustomers(deps, input.fromId, input.intoId, requireUser(ctx).id),
    saveOrder: async (input, ctx) => {
      const user = requireUser(ctx);
      const timeZone = await deskTimeZone();
      const order = await db.transaction().execute(async (trx) => {
        await assertCustomerInScope(trx, input.customerId, user);
        return saveOrder(trx, input, clock.now(), timeZone);
      });
      changed([input.customerId]);
      return order;
    },
    removeOrder: async (input, ctx) => {
      const user = requireUser(ctx);
      const customerId = await db.transaction().execute(async (trx) => {
        const of = await removeOrder(trx, input.id);
        await assertCustomerInScope(trx, of, user);
        return of;
      });
      changed([customerId]);
      return null;
    },
    products: () => products(db),
    saveProduct: (input) => saveProduct(db, input),
    possibleDuplicates: (input, ctx) => possibleDuplicates(db, input, customerOwnerScope(requireUser(ctx))),
    serviceSummary: async (input, ctx) => {
      await assertCustomerInScope(db, input.customerId, requireUser(ctx));
      return serviceSummary(db, input.customerId, clock.now());
    },
    get: async (input, ctx) => {
      await assertCustomerInScope(db, input.customerId, requireUser(ctx));
      const now = clock.now();
      return customer360(db, input.customerId, now, await deskToday(db, now));
    },
    timeline: async (input, ctx) => {
      const user = requireUser(ctx);
      await assertCustomerInScope(db, input.customerId, user);
      // A team-scoped agent sees the customer's history with the team's requests only.
      return customerTimeline(db, input, await deskTimeZone(), ticketScope(user));
    },
    saveAsset: async (input, ctx) => {
      const user = requireUser(ctx);
      await assertCustomerInScope(db, input.customerId, user);
      return assets.save(input, roleHas(user.role, 'sla.manage'));
    },
    removeAsset: async (input, ctx) => {
      const asset = await db.selectFrom('assets').select('customer_id').where('id', '=', input.id).executeTakeFirst();
      if (asset) await assertCustomerInScope(db, asset.customer_id, requireUser(ctx));
      return assets.remove(input.id);
    },
  });
}
