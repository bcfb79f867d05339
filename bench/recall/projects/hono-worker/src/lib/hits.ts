type Bindings = { HITS: KVNamespace };

/** Counts a redirect; called with the route's bindings. */
export function recordHit(env: Bindings, slug: string): void {
  env.HITS.put(`hit:${slug}:${Date.now()}`, '1');
}
