/**
 * Assessments per second of the pure FORGE-RRS function `assess(riskInputs, params)` over the
 * sample portfolio (17 applications, cycled). Risk inputs are extracted once, before timing; the
 * timed loop includes everything `assess` does (validation, credits, canonical JSON + SHA-256 of
 * the inputs). Run: `node dist/bench/scoring-pure.bench.js [iterations]` → one JSON line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  assess,
  extractRiskInputs,
  FORGE_RRS_1_0_0,
  type ApplicationInput,
  type FinancingStructure,
  type RiskInputs,
} from '@forge/domain';

export interface ScoringPureBenchResult {
  name: string;
  opsPerSec: number;
  iterations: number;
  durationMs: number;
  meanMicros: number;
  applications: number;
  modelVersion: string;
}

interface Sample {
  input: ApplicationInput;
  financing?: FinancingStructure;
}
interface Country {
  code: string;
  oecdCrc: number | null;
  eitiImplementing: boolean;
}

/** Walks up from this file to the repository root (works from `bench/` and `dist/bench/`). */
function referenceFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'config', 'reference', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`config/reference/${name} not found`);
}

function loadPortfolio(): RiskInputs[] {
  const portfolio = JSON.parse(readFileSync(referenceFile('sample-portfolio.json'), 'utf8')) as {
    applications: Sample[];
    negatives: Sample[];
  };
  const { countries } = JSON.parse(readFileSync(referenceFile('countries.json'), 'utf8')) as {
    countries: Country[];
  };
  return [...portfolio.applications, ...portfolio.negatives].map((sample) => {
    const country = countries.find((c) => c.code === sample.input.country);
    return extractRiskInputs(sample.input, sample.financing ?? null, country);
  });
}

export async function benchScoringPure(iterations: number): Promise<ScoringPureBenchResult> {
  const inputs = loadPortfolio();
  const count = Math.max(1, Math.trunc(iterations));
  let sink = 0;
  const warmup = Math.min(count, 1000);
  for (let i = 0; i < warmup; i++)
    sink += assess(inputs[i % inputs.length] as RiskInputs, FORGE_RRS_1_0_0).gross.score;

  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    sink += assess(inputs[i % inputs.length] as RiskInputs, FORGE_RRS_1_0_0).residual.score;
  }
  const elapsedNs = Number(process.hrtime.bigint() - start);
  if (sink <= 0) throw new Error('unexpected scores');

  return {
    name: 'scoring-pure',
    opsPerSec: Math.round((count * 1e9) / elapsedNs),
    iterations: count,
    durationMs: Math.round(elapsedNs / 1e4) / 100,
    meanMicros: Math.round(elapsedNs / count / 10) / 100,
    applications: inputs.length,
    modelVersion: FORGE_RRS_1_0_0.version,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const iterations = Number(process.argv[2] ?? 20000);
  console.log(JSON.stringify(await benchScoringPure(Number.isFinite(iterations) ? iterations : 20000)));
}
