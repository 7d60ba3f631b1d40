// A real OpenID provider for the browser suite (npm oidc-provider, certified by the OpenID
// Foundation), on a local port, with one test client and a few accounts. Its development login
// form accepts any password for a known account id; the tests choose who signs in.
//
//   node tests/browser/oidc_provider.mjs PORT REDIRECT_URI CLIENT_SECRET ACCOUNTS_JSON
//
// ACCOUNTS_JSON: {"account-id": {"email": "...", "name": "..."}, ...}. Prints "ready" once listening.
import Provider from 'oidc-provider';

const [port, redirectUri, clientSecret, accountsJson] = process.argv.slice(2);
const accounts = JSON.parse(accountsJson);

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'matra-test',
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: account.email, email_verified: true, name: account.name };
      },
    };
  },
  cookies: { keys: ['matra-browser-suite-only'] },
  // Put the scope's claims (email, name) in the ID token, as the usual providers do: st.user reads it.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
});
provider.proxy = false;

provider.listen(Number(port), '127.0.0.1');
console.log('ready');
