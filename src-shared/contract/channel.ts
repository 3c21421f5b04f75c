import type { z } from 'zod';
import type { Access } from '../domain/roles';

/**
 * One channel of the contract: its input schema, the permission it needs and (as a
 * phantom type) its output. Declared once, used by dispatch in main, by the preload's
 * allow-list and by the renderer's typed client.
 */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly access: Access;
  /** Never set at run time; carries the output type. */
  readonly output?: O;
}

/** `channel<Output>()({ input, access })`: curried so the output type is explicit and the input inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access }): ChannelDef<I, O> => def;
}

export type InputOf<C> = C extends ChannelDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ChannelDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C> = C extends ChannelDef<z.ZodType, infer O> ? O : never;
