// Vitest set-up for every console unit test: Mantine reads the colour scheme from matchMedia, which jsdom lacks.
// eslint-disable-next-line @typescript-eslint/unbound-method -- only asks whether it exists
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
})) as unknown as typeof window.matchMedia;
