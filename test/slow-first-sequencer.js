// Jest's test order: the suites known to take minutes start first, so two workers end together instead of one
// finishing a browser spec alone at the end. Jest's own order (failed first, then the longest of the last run) needs
// its cache, which a fresh clone (CI) does not have: it then falls back to file size, which puts the 50-line chaos
// spec (minutes) last. Measured on CI's two cores: the browser specs take 2-4 minutes each, the chaos and bad-input
// suites about 3, the security suites about 1; everything else seconds.
const Sequencer = require('@jest/test-sequencer').default;

const SLOW_FIRST = [
  /\/test\/console\/(contract-desk|samples|approvals|salesperson-walk)\./,
  /\/test\/ops\/chaos\./,
  /\/test\/console\/(admin-setup|dashboards|admin-ops)\./,
  /\/test\/security\/bad-input\./,
  /\/test\/console\//,
  /\/test\/security\//,
];

const rank = (path) => {
  const index = SLOW_FIRST.findIndex((pattern) => pattern.test(path));
  return index === -1 ? SLOW_FIRST.length : index;
};

class SlowFirstSequencer extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    // Array.prototype.sort is stable: within a rank, Jest's own order holds.
    return [...ordered].sort((a, b) => rank(a.path) - rank(b.path));
  }
}

module.exports = SlowFirstSequencer;
