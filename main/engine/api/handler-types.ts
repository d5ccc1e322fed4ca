import type { Contract, MethodName, MethodOutput, MethodParsedInput } from '../../../shared/contract.js';
import type { EngineContext } from './engine-context.js';

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, ctx: EngineContext) => Promise<MethodOutput<M>>;

/** One typed handler map per domain; combined, they must cover the whole contract. */
export type Handlers<K extends MethodName = MethodName> = { [M in K]: Handler<M> };

export type MethodsOf<Prefix extends string> = Extract<keyof Contract, `${Prefix}.${string}`>;
