// The test runner's defaults, minus the copies of the tree StrykerJS makes while `npm run mutation` runs.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'],
  },
});
