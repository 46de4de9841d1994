import { driveApplications } from '../../bench/pipeline.bench.js';
import { sleep, waitFor } from '../../bench/cluster.js';
import {
  APPS,
  auditTrailSettled,
  sequencerLeader,
  diagnose,
  FULL,
  currentAssessments,
  duplicateEffects,
  duplicateExecutions,
  harness,
  supervise,
  writeReport,
  type Harness,
} from './support/reliability.js';

/** Two worker processes under a supervisor, SIGKILLed again and again while applications are screened and scored. */
describe('worker SIGKILL, repeatedly, under load', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('sigkill');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('ends with every application screened and exactly one current assessment, no duplicate effect', async () => {
    const { cluster } = h;
    const api = await cluster.startApi();
    const supervisor = supervise(cluster, 2);
    let chaos = true;
    let kills = 0;
    let sequencerKills = 0;
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Fault injection paced at 0.5–1.5 s (pacing, not synchronisation): a live worker gets SIGKILL. Every other kill,
    // starting with the first while submissions still stream in, goes to the worker whose audit sequencer holds the
    // lock, i.e. is placing a batch (issue 18.6). The pipeline can finish 120 applications within a few seconds,
    // so the sequencer kill comes first: a run that ended before a second kill must still have exercised it.
    const chaosLoop = (async () => {
      while (chaos) {
        await sleep(500 + random() * 1000);
        const live = supervisor.ready();
        if (!chaos || live.length === 0) continue;
        if (kills % 2 === 0) {
          const leader = await sequencerLeader(cluster, live, 3000);
          if (leader) {
            leader.child.kill('SIGKILL');
            kills += 1;
            sequencerKills += 1;
            continue;
          }
        }
        live[Math.floor(random() * live.length)]!.child.kill('SIGKILL');
        kills += 1;
      }
    })();

    const run = await driveApplications(cluster, [api], APPS, { waitProcessed: false, sponsors: 4 });
    // Keep killing for a while after the last submission (or until everything is done).
    await waitFor(
      'chaos window',
      async () => (await cluster.processedCount(run.ids)) >= run.ids.length,
      10_000,
      200,
    ).catch(() => 0);
    chaos = false;
    await chaosLoop;
    const recoveryMs = await waitFor(
      'every application screened and scored after the last kill',
      async () => (await cluster.processedCount(run.ids)) >= run.ids.length,
      FULL ? 300_000 : 90_000,
      200,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await diagnose(cluster, h.redis.url))}`);
    });
    const completed = await cluster.processedCount(run.ids);
    const sponsorToken = (await cluster.createUser(['officer'])).token;
    const current = await currentAssessments(cluster, api, sponsorToken, run.ids);
    const effects = await duplicateEffects(cluster);
    const executions = await duplicateExecutions(cluster, h.redis.url);
    const trail = await auditTrailSettled(cluster);
    await supervisor.stop();

    writeReport({
      fault: 'worker-sigkill',
      applications: APPS,
      accepted: run.ids.length,
      rejectedFast: run.httpErrors,
      completed,
      lost: run.ids.length - completed,
      duplicateEffects: effects.total,
      duplicateExecutions: executions,
      recoveryMs,
      notes: {
        kills,
        sequencerKills,
        auditTrail: trail,
        restarts: supervisor.restarts,
        currentAssessments: current,
        duplicates: effects.detail,
      },
    });
    expect(run.ids.length).toBe(APPS);
    expect(completed).toBe(run.ids.length);
    expect(current).toBe(run.ids.length);
    expect(effects.total).toBe(0);
    expect(kills).toBeGreaterThan(0);
    expect(sequencerKills).toBeGreaterThan(0);
    // Every event placed once, gap-free, the chain valid: no half-committed batch survived a kill.
    expect(trail).toMatchObject({ pending: 0, valid: true, firstInvalidSeq: null });
    expect(trail.length).toBe(trail.events);
  });
});
