/** A batch of events from the mobile app. */
export interface EventBatch {
  deviceId: string;
  events: { name: string; at: number; props?: Record<string, unknown> }[];
}

/** Forwards one batch to the ingest service; throws when it is not accepted. */
export async function forwardBatch(ingestUrl: string, batch: EventBatch, ip?: string): Promise<void> {
  const res = await fetch(ingestUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...batch, ip }),
  });
  if (!res.ok) throw new Error(`ingest answered ${res.status}`);
}

/** One line per request for the metrics pipeline. */
export async function recordRequest(ingestUrl: string, method: string, path: string, status: number): Promise<void> {
  await fetch(`${ingestUrl}/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method, path, status, at: Date.now() }),
  });
}
