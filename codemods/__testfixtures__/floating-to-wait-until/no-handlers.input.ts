export async function load(url: string) {
  fetch(url);
  return Promise.resolve(url);
}
