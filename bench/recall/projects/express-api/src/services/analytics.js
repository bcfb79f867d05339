export class Analytics {
  constructor(endpoint) {
    this.endpoint = endpoint;
  }

  async track(event, properties) {
    await fetch(this.endpoint, { method: 'POST', body: JSON.stringify({ event, properties }) });
  }
}

export const analytics = new Analytics(process.env.ANALYTICS_URL ?? 'https://analytics.example.com/events');
