import { jest } from '@jest/globals';

// A journey drives a browser through several pages and waits on real workers: minutes, not seconds.
jest.setTimeout(180_000);
