// Cloudflare's types, declared here: the fixture type-checks without @cloudflare/workers-types.
interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  run(): Promise<unknown>;
}
interface D1Database {
  prepare(query: string): D1PreparedStatement;
}
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}
interface Env {
  DB: D1Database;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    env.DB.prepare('insert into hits (path) values (?)').bind(new URL(request.url).pathname).run();
    env.DB.prepare('select 1');
    return new Response('ok');
  },
};
