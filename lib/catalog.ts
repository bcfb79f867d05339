// The tools read the API catalog from the runtime package, so both ship the same facts.
export * from '@fn-kit/functions/catalog';
