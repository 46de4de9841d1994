import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to the PostgreSQL queue backend without REDIS_URL', () => {
    const config = loadConfig({});
    expect(config.queue.backend).toBe('postgres');
    expect(config.http.port).toBe(3000);
    expect(config.pipeline.committeeQuorum).toBe(3);
  });
  it('defaults to Redis when REDIS_URL is set', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).queue.backend).toBe('redis');
  });
  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', QUEUE_BACKEND: 'kafka', DATABASE_URL: 'mysql://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('QUEUE_BACKEND');
    expect(message).toContain('DATABASE_URL');
  });
  it('requires REDIS_URL for QUEUE_BACKEND=redis', () => {
    expect(() => loadConfig({ QUEUE_BACKEND: 'redis' })).toThrow(/REDIS_URL/);
  });
});
