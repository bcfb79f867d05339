// Drains the outbox from a timer, outside any request: nothing here is request-handling code.
export function handle(message) {
  fetch(message.url, { method: 'POST', body: message.body }); // expect-none
}
