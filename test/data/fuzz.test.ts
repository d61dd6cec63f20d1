/**
 * Whatever bytes arrive, ingest ends in a Dataset without infinities or in a UserInputError:
 * never a TypeError, a stack trace or a hang. Inputs are seeded, so a failure reproduces.
 */
import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { ingestCsv } from '../../src/data/index.js';

const PIECES = [',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', ' ', '1', '2.5', '3,14', '-7', 'NA', '', 'inf', 'a', 'b', 'x y', 'я', 'é', 'label', 'sep=;\n', '#N/A', '1e999', '0'];

function randomCsv(rng: Rng): Uint8Array {
  if (rng.next() < 0.1) return new Uint8Array(Array.from({ length: rng.int(0, 64) }, () => rng.int(0, 255)));
  const parts: string[] = [];
  const n = rng.int(0, 400);
  for (let i = 0; i < n; i++) parts.push(rng.choice(PIECES));
  return new TextEncoder().encode(parts.join(''));
}

/** Structured but damaged: a valid table with random cells knocked out or replaced. */
function damagedTable(rng: Rng): Uint8Array {
  const rows = rng.int(5, 40);
  const cols = rng.int(1, 5);
  const lines = [Array.from({ length: cols }, (_, j) => (rng.next() < 0.1 ? '' : `c${j}`)).join(',')];
  for (let i = 0; i < rows; i++) {
    lines.push(Array.from({ length: cols }, () => (rng.next() < 0.2 ? rng.choice(PIECES) : String(rng.int(0, 3)))).join(','));
  }
  return new TextEncoder().encode(lines.join(rng.choice(['\n', '\r\n', '\r'])));
}

describe('ingest never crashes', () => {
  it('on 300 seeded random and damaged inputs', () => {
    const rng = new Rng('csv-fuzz');
    let ok = 0;
    for (let k = 0; k < 300; k++) {
      const bytes = k % 2 ? randomCsv(rng) : damagedTable(rng);
      try {
        const d = ingestCsv(bytes, { limits: { minRows: 2, minRowsPerClass: 1 } });
        ok++;
        for (const row of d.features) for (const v of row) expect(v === Infinity || v === -Infinity).toBe(false);
        expect(d.features).toHaveLength(d.y.length);
      } catch (e) {
        if (!isUserInputError(e)) throw new Error(`input #${k} crashed: ${String(e)}\n${JSON.stringify(new TextDecoder().decode(bytes))}`);
      }
    }
    // The damaged tables must mostly still be readable, or this test checks only refusals.
    expect(ok).toBeGreaterThan(30);
  });
});
