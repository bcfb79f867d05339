/**
 * Questions about the catalog's library table (catalog/libraries.ts) in AST-free terms, for
 * both AST flavours and the project index: what an imported library export is (a function
 * with a known result, a ready-made client), how a client is made from it, and what a call
 * path on a client gives.
 */
import {
  LIBRARIES,
  PLATFORM_BINDINGS,
  clientCallResult,
  clientOfExport,
  libraryOfModule,
  type CallResult,
  type ClientFacts,
  type LibraryFacts,
} from './catalog.js';
import type { ClientRef } from './project-index/types.js';

export function clientRef(library: LibraryFacts, client: ClientFacts): ClientRef {
  return { library: library.name, client: library.clients?.indexOf(client) ?? -1 };
}

export function clientOfRef(ref: ClientRef): ClientFacts | undefined {
  return LIBRARIES.find((lib) => lib.name === ref.library)?.clients?.[ref.client];
}

/** How a library export is used to make a client: `new X()`, `x()`, `X.from()`, or `x` itself. */
export type ClientMake = ClientFacts['make'];

/** The client `module`'s export `name` makes when used as `make`, if the catalog knows it. */
export function libraryClient(module: string, name: string, make: ClientMake): ClientRef | undefined {
  const library = libraryOfModule(module);
  const client = library && clientOfExport(library, name, make);
  return library && client ? clientRef(library, client) : undefined;
}

/** What calling `module`'s exported function `name` gives (`put` of @vercel/blob: a promise). */
export function libraryFunctionResult(module: string, name: string): CallResult | undefined {
  const functions = libraryOfModule(module)?.functions;
  return functions && Object.hasOwn(functions, name) ? functions[name] : undefined;
}

/** What a call `steps` deep into a client gives (`['from', 'insert']` on Supabase: lazy). */
export function clientCall(ref: ClientRef, steps: readonly string[], lastArgIsFunction: boolean): CallResult | undefined {
  const client = clientOfRef(ref);
  return client ? clientCallResult(client, steps, lastArgIsFunction) : undefined;
}

/** The method names the catalog's bindings rules name, all of them or only those giving `result`. */
function bindingMethodNames(result?: CallResult): ReadonlySet<string> {
  return new Set(
    PLATFORM_BINDINGS.calls
      .filter((rule) => result === undefined || rule.result === result)
      .flatMap((rule) => rule.path.split(' ').slice(1))
      .flatMap((segment) => segment.split('|'))
      .filter((name) => name !== '*' && name !== '**'),
  );
}

/** Every method a call on a binding may end in for the catalog to know its result (`put`, `writeDataPoint`, …). */
export const PLATFORM_BINDING_METHODS = bindingMethodNames();
/** The methods that give a promise on a binding (`put`, `send`, `run`, …). */
export const PLATFORM_BINDING_PROMISE_METHODS = bindingMethodNames('promise');

/** What a call on the host's bindings object gives: `['LINKS', 'put']` of `c.env.LINKS.put(k, v)`: a promise. */
export function platformBindingsCall(steps: readonly string[], lastArgIsFunction: boolean): CallResult | undefined {
  return clientCallResult(PLATFORM_BINDINGS, steps, lastArgIsFunction);
}

/** The library's name, for messages ("a Supabase query builder"). */
export function libraryName(ref: ClientRef): string {
  return ref.library;
}

export { libraryOfModule };
