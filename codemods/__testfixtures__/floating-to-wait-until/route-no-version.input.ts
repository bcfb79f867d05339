export async function DELETE() {
  fetch('https://example.com/purge', { method: 'POST' });
  return new Response(null, { status: 204 });
}
