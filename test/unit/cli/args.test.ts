import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../../src/cli/args.js';

describe('parseCommand', () => {
  it('reads analyze with its options, turning "-" and no file into standard input', () => {
    expect(parseCommand(['analyze', 'm.eml', '--json', '--resolver', 'google', '--timeout', '2500', '--origin-hop', '3'])).toEqual({
      kind: 'analyze',
      file: 'm.eml',
      json: true,
      csv: null,
      resolver: 'google',
      noDns: false,
      timeoutMs: 2500,
      deadlineMs: null,
      originHop: 3,
      embedded: null,
    });
    expect(parseCommand(['analyze', '-'])).toMatchObject({ file: null, csv: null });
    expect(parseCommand(['analyze', 'm.eml', '--csv', 'checklist'])).toMatchObject({ file: 'm.eml', csv: 'checklist', json: false });
    expect(parseCommand(['analyze', '--csv', 'hops'])).toMatchObject({ csv: 'hops' });
    expect(parseCommand(['analyze', '--no-dns'])).toMatchObject({ file: null, noDns: true });
    expect(parseCommand(['analyze', '--deadline', '5000'])).toMatchObject({ deadlineMs: 5000 });
    expect(() => parseCommand(['analyze', '--no-dns', '--deadline', '5000'])).toThrow('--no-dns and --deadline contradict each other');
    expect(parseCommand(['check-dmarc', 'example.com', '--deadline', '5000'])).toMatchObject({ deadlineMs: 5000 });
    expect(() => parseCommand(['check-ip', '203.0.113.25', '--deadline', '0'])).toThrow('--deadline');
  });

  it('reads check-ip', () => {
    expect(parseCommand(['check-ip', '203.0.113.25'])).toEqual({
      kind: 'check-ip',
      ip: '203.0.113.25',
      json: false,
      resolver: null,
      timeoutMs: null,
      deadlineMs: null,
    });
  });

  it('reads check-arc like check-dkim: a file, or standard input for - or none', () => {
    expect(parseCommand(['check-arc', 'm.eml', '--json', '--deadline', '5000'])).toEqual({
      kind: 'check-arc',
      file: 'm.eml',
      json: true,
      resolver: null,
      timeoutMs: null,
      deadlineMs: 5000,
    });
    expect(parseCommand(['check-arc', '-'])).toMatchObject({ kind: 'check-arc', file: null });
    expect(parseCommand(['check-arc'])).toMatchObject({ kind: 'check-arc', file: null });
  });

  it('gives help for no command and for --help', () => {
    expect(parseCommand([])).toEqual({ kind: 'help' });
    expect(parseCommand(['analyze', '--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['analyze', 'a.eml', 'b.eml'], /one file/],
    [['analyze', '--timeout', 'soon'], /--timeout wants a whole number/],
    [['analyze', '--origin-hop', '0'], /--origin-hop wants a whole number of 1 or more/],
    [['analyze', '--no-dns', '--resolver', 'google'], /contradict/],
    [['check-ip'], /exactly one IP/],
    [['analyze', '--colour'], /^unknown option --colour \(try hoplens --help\)$/],
    [['--bogus'], /^unknown option --bogus \(try hoplens --help\)$/],
    [['analyze', '--resolver'], /^--resolver needs a value \(try hoplens --help\)$/],
    [['analyze', '--json=yes'], /^--json takes no value/],
    [['check-ip', '203.0.113.25', '--no-dns'], /^check-ip does not take --no-dns \(try hoplens --help\)$/],
    [['check-ip', '203.0.113.25', '--origin-hop', '2'], /^check-ip does not take --origin-hop/],
    [['check-ip', '203.0.113.25', '--embedded', '1'], /^check-ip does not take --embedded/],
    [['check-dkim', 'm.eml', '--no-dns'], /^check-dkim does not take --no-dns/],
    [['analyze', '--no-dns', '--timeout', '100'], /contradict/],
    [['analyze', '--csv', 'routes'], /^--csv takes hops or checklist, not routes/],
    [['analyze', '--csv', 'hops', '--json'], /--csv and --json contradict/],
    [['check-dkim', 'm.eml', '--csv', 'hops'], /^check-dkim does not take --csv/],
    [['check-arc', 'a.eml', 'b.eml'], /^check-arc takes one file, got 2/],
    [['check-arc', 'm.eml', '--origin-hop', '2'], /^check-arc does not take --origin-hop/],
  ])('refuses %j with a one-line reason', (argv, reason) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(reason);
  });
});
