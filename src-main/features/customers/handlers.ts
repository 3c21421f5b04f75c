import type { CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { lookup, possibleDuplicates, products, serviceSummary } from './service';

export function customersHandlers(deps: CoreDeps) {
  return defineHandlers('customers', {
    lookup: (input) => lookup(deps.db, input.text, input.limit),
    products: () => products(deps.db),
    possibleDuplicates: (input) => possibleDuplicates(deps.db, input),
    serviceSummary: (input) => serviceSummary(deps.db, input.customerId, deps.clock.now()),
  });
}
