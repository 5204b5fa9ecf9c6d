// A local OpenID Connect provider for trying the site's real sign-in and for its tests: panva/oidc-provider (certified)
// with in-memory storage. Staff and residents are two clients of this one provider, as Entra ID and the DigiD broker
// would be two providers in a municipality. Any password works; the login name picks a demo account below.
//   PORT=7080 APP_URLS=http://127.0.0.1:7071 node provider.mjs
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 7080);
const issuer = `http://127.0.0.1:${port}`;
const apps = (process.env.APP_URLS ?? 'http://127.0.0.1:7071').split(',').map((url) => url.replace(/\/$/, ''));
const staffSecret = process.env.STAFF_CLIENT_SECRET ?? 'local-staff-secret';
const residentSecret = process.env.RESIDENT_CLIENT_SECRET ?? 'local-resident-secret';

// Officials as the demo municipality's routing knows them; residents with a made-up BSN as subject.
const accounts = {
  'fatima.bakker': { name: 'Fatima Bakker', roles: ['official', 'teamlead'], neighbourhood: ['oosterpark', 'noorderkwartier'], team: ['groen-oost'] },
  'anouk.devries': { name: 'Anouk de Vries', roles: ['official'], neighbourhood: ['oosterpark', 'noorderkwartier'], team: ['groen-oost'] },
  'lotte.smit': { name: 'Lotte Smit', roles: ['official'], neighbourhood: ['binnenstad', 'westhaven'], team: ['gebied-zuidwest'] },
  'agent-noor': { name: 'Noor Hendriks', roles: ['agent'], team: ['frontoffice'] },
  'council-jeroen': { name: 'Jeroen de Wit', roles: ['council'] },
  'admin-ingrid': { name: 'Ingrid Bakker', roles: ['admin'] },
  '999990019': { name: 'Sanne Jansen' },
  '999990020': { name: 'Milan de Groot' },
  // A residents' provider that wrongly (or maliciously) sends staff roles: the platform must grant nothing for them.
  '999990032': { name: 'Mallory', roles: ['admin', 'official'], neighbourhood: ['oosterpark'], team: ['groen-oost'] },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'participation-staff',
      client_secret: staffSecret,
      redirect_uris: apps.map((app) => `${app}/signin-oidc`),
      post_logout_redirect_uris: apps.map((app) => `${app}/signout-callback-oidc`),
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
    {
      client_id: 'participation-residents',
      client_secret: residentSecret,
      redirect_uris: apps.map((app) => `${app}/signin-oidc-inwoner`),
      post_logout_redirect_uris: apps.map((app) => `${app}/signout-callback-oidc-inwoner`),
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
    // A resident's app (public client, PKCE) calling the API with bearer tokens, as a municipality's app would.
    {
      client_id: 'participation-resident-app',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://127.0.0.1/app-callback'],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  claims: { openid: ['sub', 'name', 'roles', 'neighbourhood', 'team'] },
  // The site reads the id token only (no userinfo call), as it does with Entra ID's app roles.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ['local-oidc-cookie-key-not-a-secret'] },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  // First-party clients: no consent screen, as with an admin-consented Entra ID app.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    await grant.save();
    return grant;
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // Sign out without the confirmation click, like Entra ID for a known client.
      async logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Signing out</title></head><body>${form}`
          + '<input type="hidden" name="logout" value="yes" form="op.logoutForm">'
          + '<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>'
          + '<script>document.getElementById("op.logoutForm").submit()</script></body></html>';
      },
    },
  },
  ttl: { AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`local-oidc ready ${issuer}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
