import { getVercelOidcTokenSync } from '@vercel/oidc';

export class Client {
  token = getVercelOidcTokenSync();

  async call(t = getVercelOidcTokenSync()) {
    return [t, this.token];
  }
}
