/**
 * The vitest configuration `npm run mutation` (StrykerJS) runs: only the unit tests of the
 * mutated files, in forks (canvas in threads crashed Stryker's workers with SIGSEGV).
 * stryker.config.json's `tsconfigFile` names a file that does not exist on purpose: Stryker
 * reads a tsconfig through the TypeScript JS API, which TypeScript 7 does not have, and skips
 * that step when the file is missing. Not run in CI: it takes minutes.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/quiz/check.test.ts', 'test/quiz/tolerance.test.ts', 'test/quiz/parse-answer.test.ts', 'test/core/scalar/ops.test.ts', 'test/core/scalar/value.test.ts'],
    pool: 'forks',
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
