// oidc-provider ships no type declarations; the tests and the demo use its documented constructor and
// Koa's callback().
declare module 'oidc-provider' {
  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (request: unknown, response: unknown) => void;
  }
}
