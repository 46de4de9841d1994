// Jest (before Node 24.9) cannot require() an ES module; content-disposition 3 is ESM-only and @fastify/static 10
// (loaded by @bull-board/fastify for the queue dashboard) requires it at load time, for `reply.download()` alone,
// which the dashboard never calls. Node itself loads the real module (require(esm)); only Jest gets this stand-in.
'use strict';

function unavailable() {
  throw new Error('content-disposition is not available under Jest (test/support/cjs-shims)');
}

module.exports = { create: unavailable, parse: unavailable };
