// A queue consumer, not a route module: its `handle` is no SvelteKit hook.
export async function handle(job: { id: string; url: string }) {
  fetch(job.url, { method: 'POST', body: job.id }); // expect-none
}
