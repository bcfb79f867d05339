// A small seeded PRNG so every generated tree and every sample is the same on every run.

/** mulberry32: a fast 32-bit generator; good enough for picking templates and names. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

/** A stable 32-bit hash of a string (FNV-1a), for order-independent deterministic sampling. */
export function hashString(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The `count` items whose hash (salted) is smallest: the same sample whatever the input order. */
export function stableSample(items, count, salt = 'sample', key = (item) => String(item)) {
  if (items.length <= count) return [...items].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return items
    .map((item) => ({ item, rank: hashString(`${salt}:${key(item)}`) }))
    .sort((a, b) => a.rank - b.rank || (key(a.item) < key(b.item) ? -1 : 1))
    .slice(0, count)
    .map((entry) => entry.item)
    .sort((a, b) => (key(a) < key(b) ? -1 : 1));
}
