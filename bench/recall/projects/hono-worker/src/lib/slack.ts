export async function notifySlack(webhook: string, text: string): Promise<Response> {
  return fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
}
