// A real OpenID Connect provider for Nolan's sign-in tests: the certified `oidc-provider` package, on loopback.
//
//   node server.mjs --port-file FILE [--port N]
//
// Prints nothing useful; writes the port it listens on to FILE once it is ready. The issuer is
// http://127.0.0.1:PORT. Tests register their own client (dynamic registration, /reg) with their own redirect
// address, then sign in through the provider's login form. The login typed there names the person:
//
//   alice@council.test                   sub "sub-alice@council.test", email verified
//   alice@council.test;sub=entra-42      that subject instead
//   alice@council.test;unverified        email_verified: false
//
// The subject in the id token is the person's `sub`, whatever the email. The provider asks no consent (a
// first-party client): the grant is made at sign-in.
import { writeFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const portFile = option('--port-file');
const port = Number(option('--port') ?? 0);

function person(login) {
  const [email, ...flags] = String(login).split(';');
  const sub = flags.find((f) => f.startsWith('sub='))?.slice(4) ?? `sub-${email}`;
  return { sub, email, email_verified: !flags.includes('unverified'), name: email.split('@')[0] };
}

const server = (await import('node:http')).createServer();
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

// Everyone who has signed in, by subject.
const people = new Map();

const provider = new Provider(issuer, {
  async findAccount(ctx, sub) {
    const p = people.get(sub);
    return p && {
      accountId: sub,
      async claims() {
        return { sub: p.sub, email: p.email, email_verified: p.email_verified, name: p.name };
      },
    };
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The id token carries the person's claims, as Microsoft Entra ID's does (Nolan reads no userinfo endpoint).
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    registration: { enabled: true },
  },
  // First-party client: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, IdToken: 3600, AccessToken: 3600 },
});
// The login page: any login is accepted (this provider stands in for the council's), as the person it names.
const callback = provider.callback();
server.on('request', async (req, res) => {
  const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url, issuer).pathname);
  if (!match) {
    callback(req, res);
    return;
  }
  try {
    if (req.method === 'GET') {
      await provider.interactionDetails(req, res);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>Sign in</title><form method="post" action="/interaction/${match[1]}">`
        + '<input name="login"><input name="password" type="password"><button>Sign in</button></form>');
      return;
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    const p = person(new URLSearchParams(body).get('login'));
    people.set(p.sub, p);
    await provider.interactionFinished(req, res, { login: { accountId: p.sub } }, { mergeWithLastSubmission: false });
  } catch (err) {
    res.statusCode = 400;
    res.end(String(err));
  }
});
if (portFile) {
  writeFileSync(portFile, String(server.address().port));
}
process.on('SIGTERM', () => server.close(() => process.exit(0)));
console.log(`oidc-provider listening on ${issuer}`);
