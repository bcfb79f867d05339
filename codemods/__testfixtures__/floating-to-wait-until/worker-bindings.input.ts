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
