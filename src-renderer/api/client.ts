import { contract, type Contract, type Domain, type InputOf, type OutputOf } from '../../src-shared/contract';
import type { EventMap, EventName } from '../../src-shared/events';
import { ApiError } from './ApiError';
import { createTransport, type Transport } from './transport';

type Args<C> = Record<never, never> extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>];
type Call<C> = (...args: Args<C>) => Promise<OutputOf<C>>;

/** `api.tickets.list(input)`: one typed function per contract channel. */
export type Api = { [D in Domain]: { [V in keyof Contract[D]]: Call<Contract[D][V]> } };

export function createApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [domain, channels] of Object.entries(contract)) {
    const calls: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const verb of Object.keys(channels)) {
      const name = `${domain}.${verb}`;
      calls[verb] = async (input?: unknown) => {
        const result = await transport.invoke(name, input ?? {});
        if (!result.ok) throw new ApiError(result.error);
        return result.data;
      };
    }
    api[domain] = calls;
  }
  return api as unknown as Api;
}

let transport: Transport | null = null;
function getTransport(): Transport {
  transport ??= createTransport();
  return transport;
}

export const api: Api = createApi({
  get kind() {
    return getTransport().kind;
  },
  invoke: (channel, input) => getTransport().invoke(channel, input),
  on: (event, cb) => getTransport().on(event, cb),
});

/** Typed push events; returns the unsubscribe function. */
export function onEvent<N extends EventName>(name: N, cb: (payload: EventMap[N]) => void): () => void {
  return getTransport().on(name, (payload) => cb(payload as EventMap[N]));
}
