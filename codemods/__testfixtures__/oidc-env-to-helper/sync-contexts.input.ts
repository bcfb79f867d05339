export class Client {
  token = process.env.VERCEL_OIDC_TOKEN;

  async call(t = process.env.VERCEL_OIDC_TOKEN) {
    return [t, this.token];
  }
}
