/**
 * The transform registry: every transform name (SPEC section 3), loaded on demand so that
 * `--help` and `list` stay fast and a run loads only the transform it needs.
 * A transform is `codemods/<name>.ts`, default-exporting the transform and exporting `meta`
 * (see ./utils/contract.ts). Its fixtures live in `__testfixtures__/<name>/`.
 */
import type { TransformModule } from './utils/contract.js';

export const TRANSFORM_NAMES = [
  'wait-until-to-after',
  'geo-ip-to-functions',
  'edge-to-functions',
  'oidc-env-to-helper',
  'await-oidc-token',
  'env-to-get-env',
  'oidc-imports',
  'floating-to-wait-until',
  'unstable-after-to-after',
] as const;

export type TransformName = (typeof TRANSFORM_NAMES)[number];

export function isTransformName(name: string): name is TransformName {
  return (TRANSFORM_NAMES as readonly string[]).includes(name);
}

export class TransformLoadError extends Error {
  constructor(
    readonly transform: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransformLoadError';
  }
}

const loaded = new Map<string, Promise<TransformModule>>();

/** Loads a transform module and checks it honours the contract. */
export function loadTransform(name: TransformName): Promise<TransformModule> {
  let pending = loaded.get(name);
  if (!pending) {
    pending = (async () => {
      let mod: Partial<TransformModule>;
      try {
        // The name comes from TRANSFORM_NAMES; the module sits beside this file.
        mod = (await import(/* @vite-ignore */ `./${name}.js`)) as Partial<TransformModule>;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ERR_MODULE_NOT_FOUND') {
          throw new TransformLoadError(name, `the ${name} transform is not part of this build`);
        }
        throw error;
      }
      if (typeof mod.default !== 'function' || mod.meta?.name !== name || typeof mod.meta.textFilter !== 'function') {
        throw new TransformLoadError(name, `codemods/${name} does not export a transform and its meta`);
      }
      return mod as TransformModule;
    })();
    loaded.set(name, pending);
  }
  return pending;
}
