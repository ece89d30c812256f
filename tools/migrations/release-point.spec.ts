import { RELEASE, migrationName, splitAtRelease } from './release-point';
import { SERVICE_MIGRATIONS, Service } from './schema-snapshot';

// release.json is edited by hand at a release: a misspelt name or a timestamp that is not the name's would make the
// upgrade test start from a release that never was.
describe('release point', () => {
  const services = Object.keys(SERVICE_MIGRATIONS) as Service[];

  it('names a point for every service and no other', () => {
    expect(Object.keys(RELEASE.services).sort()).toEqual([...services].sort());
  });

  it.each(services)('%s: names one of its migrations, with that migration timestamp', (service) => {
    const { released } = splitAtRelease(service);
    const point = RELEASE.services[service];
    expect(migrationName(released[released.length - 1])).toBe(point.name);
    expect(point.name.endsWith(String(point.timestamp))).toBe(true);
  });
});
