import {
  EMPTY_ALLOW_LIST,
  addressRange,
  destinationVerdict,
  hostNameRefused,
  normalizeHost,
  parseWebhookAllowList,
} from './webhook-destination';

const allow = (text: string) => {
  const { list, invalid } = parseWebhookAllowList(text);
  expect(invalid).toEqual([]);
  return list;
};

describe('webhook destination policy', () => {
  // The probes of issue #16 and their neighbours: each is a host as the URL gives it and the addresses it resolves to.
  it.each<[string, string, string[]]>([
    ['loopback', '127.0.0.1', ['127.0.0.1']],
    ['loopback, elsewhere in 127/8', '127.1.2.3', ['127.1.2.3']],
    ['localhost by name', 'localhost', ['127.0.0.1', '::1']],
    ['a .localhost name', 'api.localhost', ['127.0.0.1']],
    ['IPv6 loopback', '[::1]', ['::1']],
    ['unspecified IPv4', '0.0.0.0', ['0.0.0.0']],
    ['unspecified IPv6', '[::]', ['::']],
    ['private 10/8', '10.0.0.1', ['10.0.0.1']],
    ['private 172.16/12', '172.31.255.254', ['172.31.255.254']],
    ['private 192.168/16', '192.168.1.1', ['192.168.1.1']],
    ['cloud metadata (AWS, GCP, Azure)', '169.254.169.254', ['169.254.169.254']],
    ['link-local IPv4', '169.254.1.1', ['169.254.1.1']],
    ['GCP metadata by name', 'metadata.google.internal', ['169.254.169.254']],
    ['GCP metadata by name, unresolvable here', 'metadata.google.internal', []],
    ['any .internal name', 'db.internal', ['203.0.113.10']],
    ['AWS metadata over IPv6 (unique local)', '[fd00:ec2::254]', ['fd00:ec2::254']],
    ['unique-local IPv6', '[fc00::1]', ['fc00::1']],
    ['link-local IPv6', '[fe80::1]', ['fe80::1']],
    ['carrier-grade NAT (Alibaba metadata 100.100.100.200)', '100.100.100.200', ['100.100.100.200']],
    ['IPv4-mapped IPv6 loopback', '[::ffff:127.0.0.1]', ['::ffff:127.0.0.1']],
    ['IPv4-mapped IPv6 metadata, hex form', '[::ffff:a9fe:a9fe]', ['::ffff:a9fe:a9fe']],
    ['NAT64 of the metadata address', '[64:ff9b::a9fe:a9fe]', ['64:ff9b::a9fe:a9fe']],
    ['6to4 of loopback', '[2002:7f00:1::1]', ['2002:7f00:1::1']],
    ['multicast IPv4', '224.0.0.1', ['224.0.0.1']],
    ['multicast IPv6', '[ff02::1]', ['ff02::1']],
    ['broadcast', '255.255.255.255', ['255.255.255.255']],
    ['documentation range (reserved)', '192.0.2.1', ['192.0.2.1']],
    ['a public name with one private address among public ones', 'hooks.example.com', ['93.184.216.34', '10.0.0.7']],
    ['a public name resolving to loopback (DNS rebinding)', 'rebind.example.com', ['127.0.0.1']],
    ['a name that resolves to nothing', 'nowhere.example.com', []],
    ['an address that is not an address', 'hooks.example.com', ['not-an-ip']],
  ])('refuses %s', (_label, host, addresses) => {
    expect(destinationVerdict(host, addresses, EMPTY_ALLOW_LIST).allowed).toBe(false);
  });

  it.each<[string, string, string[]]>([
    ['a public IPv4 address', '93.184.216.34', ['93.184.216.34']],
    [
      'a public name with public addresses of both families',
      'hooks.example.com',
      ['93.184.216.34', '2606:2800:220:1::1'],
    ],
    ['a public IPv6 address', '[2606:4700::1111]', ['2606:4700::1111']],
    ['172.32/16, just past the private range', '172.32.0.1', ['172.32.0.1']],
  ])('allows %s', (_label, host, addresses) => {
    expect(destinationVerdict(host, addresses, EMPTY_ALLOW_LIST)).toEqual({ allowed: true });
  });

  it('says why: an internal name before any address, then a refused address, then no address', () => {
    expect(destinationVerdict('localhost', ['93.184.216.34'], EMPTY_ALLOW_LIST)).toEqual({
      allowed: false,
      reason: 'internal_name',
    });
    expect(destinationVerdict('a.example.com', ['10.1.1.1'], EMPTY_ALLOW_LIST)).toEqual({
      allowed: false,
      reason: 'internal_address',
    });
    expect(destinationVerdict('a.example.com', [], EMPTY_ALLOW_LIST)).toEqual({ allowed: false, reason: 'no_address' });
  });

  it('classifies an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(addressRange('::ffff:10.0.0.1')).toBe('private');
    expect(addressRange('::ffff:8.8.8.8')).toBe('unicast');
    expect(addressRange('nonsense')).toBeNull();
  });

  describe('the allow-list (WEBHOOK_ALLOW_HOSTS)', () => {
    it('parses host names, *.suffix names, addresses and CIDR ranges, and lists what is none of them', () => {
      const { list, invalid } = parseWebhookAllowList(
        ' ERP.corp.example , *.hooks.corp , 10.20.0.0/16,::1,, bad host!,1.2.3.4/40',
      );
      expect(list.hosts).toEqual(['erp.corp.example']);
      expect(list.suffixes).toEqual(['.hooks.corp']);
      expect(list.ranges).toHaveLength(2);
      expect(invalid).toEqual(['bad host!', '1.2.3.4/40']);
      expect(parseWebhookAllowList(undefined)).toEqual({ list: EMPTY_ALLOW_LIST, invalid: [] });
    });

    it.each<[string, string, string, string[], boolean]>([
      ['an address in an allowed CIDR', '10.20.0.0/16', '10.20.3.4', ['10.20.3.4'], true],
      ['a neighbour of the allowed CIDR', '10.20.0.0/16', '10.21.0.1', ['10.21.0.1'], false],
      ['the IPv4-mapped form of an allowed address', '127.0.0.1', '[::ffff:127.0.0.1]', ['::ffff:127.0.0.1'], true],
      ['a single allowed address, not its /24', '127.0.0.1', '127.0.0.2', ['127.0.0.2'], false],
      ['an allowed IPv6 range', 'fd12:3456::/32', '[fd12:3456::9]', ['fd12:3456::9'], true],
      ['localhost through its allowed address', '127.0.0.1/32,::1', 'localhost', ['127.0.0.1', '::1'], false],
      ['localhost named on the list', 'localhost', 'localhost', ['127.0.0.1', '::1'], true],
      ['an allowed name resolving to private addresses', 'erp.corp.example', 'erp.corp.example', ['10.0.0.5'], true],
      ['an allowed name, any case, trailing dot', 'erp.corp.example', 'ERP.Corp.Example.', ['10.0.0.5'], true],
      ['an allowed *.suffix name', '*.corp.example', 'crm.eu.corp.example', ['192.168.4.4'], true],
      ['the bare suffix is not its subdomain', '*.corp.example', 'corp.example', ['192.168.4.4'], false],
      [
        'an allowed name resolving to the metadata address',
        'erp.corp.example',
        'erp.corp.example',
        ['169.254.169.254'],
        false,
      ],
      ['an allowed name resolving to multicast', 'erp.corp.example', 'erp.corp.example', ['224.0.0.1'], false],
      [
        'the metadata address opened by an explicit CIDR',
        '169.254.169.254/32',
        '169.254.169.254',
        ['169.254.169.254'],
        true,
      ],
      [
        'another name resolving to the allowed name’s private address',
        'erp.corp.example',
        'evil.example.com',
        ['10.0.0.5'],
        false,
      ],
      ['an allowed .internal name', 'erp.internal', 'erp.internal', ['10.0.0.5'], true],
    ])('%s', (_label, setting, host, addresses, allowed) => {
      expect(destinationVerdict(host, addresses, allow(setting)).allowed).toBe(allowed);
    });

    it('refuses internal names before any lookup unless the list names them', () => {
      expect(hostNameRefused('metadata.google.internal', EMPTY_ALLOW_LIST)).toBe(true);
      expect(hostNameRefused('Metadata.Google.Internal.', EMPTY_ALLOW_LIST)).toBe(true);
      expect(hostNameRefused('hooks.example.com', EMPTY_ALLOW_LIST)).toBe(false);
      expect(hostNameRefused('localhost', allow('localhost'))).toBe(false);
    });
  });

  it('normalizes a host as the URL gives it', () => {
    expect(normalizeHost('[FD00:EC2::254]')).toBe('fd00:ec2::254');
    expect(normalizeHost(' Hooks.Example.COM. ')).toBe('hooks.example.com');
  });
});
