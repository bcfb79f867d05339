/** The Worker's bindings (wrangler.toml), as Hono's `c.env` sees them. */
export type Env = {
  Bindings: {
    INGEST_URL: string;
    SLACK_WEBHOOK: string;
    DB: D1Database;
  };
};
