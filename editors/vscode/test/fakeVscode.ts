// The little of the `vscode` module that src/settings.ts uses, backed by a
// map the tests fill in. Bundled in place of `vscode` for the unit tests.
export const configuration = new Map<string, unknown>();
export const requestedKeys = new Set<string>();

export const workspace = {
  getConfiguration(section: string) {
    return {
      get<T>(key: string): T | undefined {
        requestedKeys.add(`${section}.${key}`);
        return configuration.get(`${section}.${key}`) as T | undefined;
      },
    };
  },
};
