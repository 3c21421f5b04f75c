import type { Contract, Domain, OutputOf, ParsedInputOf } from '../../src-shared/contract';
import type { CallContext } from './context';

export type Handler<C> = (input: ParsedInputOf<C>, ctx: CallContext) => Promise<OutputOf<C>> | OutputOf<C>;

/** One handler per channel of a domain: a missing or extra handler fails to compile. */
export type DomainHandlers<D extends Domain> = {
  [V in keyof Contract[D]]: Handler<Contract[D][V]>;
};

export type Handlers = { [D in Domain]: DomainHandlers<D> };

export function defineHandlers<D extends Domain>(_domain: D, handlers: DomainHandlers<D>): DomainHandlers<D> {
  return handlers;
}
