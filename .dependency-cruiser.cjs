// The arrows of docs/ARCHITECTURE.md as rules: `npm run lint` fails on an import that runs
// against them. Data flows one way through src/core (each layer below may import only layers
// before it); the extension's and the CLI's glue sits at the edges and the core never reaches it.

/** src/core in data-flow order. A module may import its own layer and the ones before it. */
const CORE_LAYERS = [
  // Leaves: facts about addresses, names and DNS messages that every stage may use.
  ['version', 'src/core/version\\.ts$'],
  ['text', 'src/core/text/'],
  ['net', 'src/core/net/'],
  ['hostnames', 'src/core/hostnames/'],
  ['dns', 'src/core/dns/'],
  // source → message → received → route
  ['message', 'src/core/message/'],
  ['received', 'src/core/received/'],
  ['claims', 'src/core/claims/'],
  ['route', 'src/core/route/'],
  ['analyze-headers', 'src/core/(analyze-headers|header-analysis)\\.ts$'],
  // → checks (and the helpers only checks use) → report
  [
    'checks',
    '(src/core/checks/|src/core/dkim/|src/core/arc/|src/core/dmarc/|src/core/lookups/|src/core/software/|src/core/advice/|src/core/completion-order\\.ts$|src/core/run-checks\\.ts$)',
  ],
  ['report', 'src/core/report/'],
  ['analyze', 'src/core/analyze\\.ts$'],
  ['library', 'src/core/index\\.ts$'],
];

// Backward arrows excused one import at a time, while a change that removes them is under way.
const KNOWN_VIOLATIONS = [];
const exact = (file) => `^${file.replace(/\./g, '\\.')}$`;

const layerRules = CORE_LAYERS.slice(0, -1).flatMap(([name, path], i) => {
  const rule = {
    name: `core-order-${name}`,
    comment: `${name} comes before ${CORE_LAYERS.slice(i + 1)
      .map(([n]) => n)
      .join(', ')} and may not import them (docs/ARCHITECTURE.md)`,
    severity: 'error',
    from: { path: `^${path}` },
    to: {
      path: `^(${CORE_LAYERS.slice(i + 1)
        .map(([, p]) => p)
        .join('|')})`,
    },
  };
  const excused = KNOWN_VIOLATIONS.filter((v) => new RegExp(`^${path}`).test(v.from));
  return [
    { ...rule, from: { ...rule.from, pathNot: excused.map((v) => exact(v.from)) } },
    ...excused.map((v) => ({ ...rule, from: { path: exact(v.from) }, to: { ...rule.to, pathNot: exact(v.to) } })),
  ];
});

/** DNS transports: only the library surface and the edges pick one; checks see a Resolver. */
const DNS_TRANSPORTS = '^src/core/dns/(doh|wire|cache|memory|endpoint|builtin)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'core-in-a-layer',
      comment: 'every file in src/core belongs to a layer of .dependency-cruiser.cjs, so that a new folder takes a place in the data flow on purpose',
      severity: 'error',
      from: { path: '^src/core/', pathNot: CORE_LAYERS.map(([, p]) => `^${p}`) },
      to: {},
    },
    ...layerRules,
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing from the browser, the DOM, Node or the edge folders',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '^node_modules/(ipaddr\\.js|@dnsquery/dns-packet|mailparser)/'] },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'Node built-ins are for the CLI; the core runs in a browser worker too',
      severity: 'error',
      from: { path: '^src/(core|ui|sources|protocol|i18n|settings)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'dns-through-resolver',
      comment: "checks and the pipeline ask a Resolver; which transport answers is the caller's choice",
      severity: 'error',
      from: { path: '^src/core/', pathNot: ['^src/core/dns/', '^src/core/index\\.ts$'] },
      to: { path: DNS_TRANSPORTS },
    },
    {
      name: 'ui-not-worker',
      comment: 'pages talk to the worker through messages (src/protocol), never by importing its code',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/(background|sources|cli)/' },
    },
    {
      name: 'sources-at-the-edge',
      comment: 'the worker imports the sources, not the other way round',
      severity: 'error',
      from: { path: '^src/sources/' },
      to: { path: '^src/(background|ui|cli)/' },
    },
    {
      name: 'worker-not-ui',
      comment: 'the worker bundle carries no views',
      severity: 'error',
      from: { path: '^src/background/' },
      to: { path: '^src/(ui|cli)/' },
    },
    {
      name: 'cli-is-node-only',
      comment: 'the CLI uses the core; extension glue (webextension-polyfill, Preact, the worker) is not for it',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: ['^src/(ui|sources|background|protocol|i18n|settings)', '^node_modules/(preact|webextension-polyfill)/'] },
    },
    {
      name: 'protocol-is-types-and-names',
      comment: 'the page-worker protocol is shared by both sides, so it imports neither',
      severity: 'error',
      from: { path: '^src/protocol/' },
      to: { path: '^src/(ui|sources|background|cli)/' },
    },
    {
      name: 'pages-without-mailparser',
      comment: 'mailparser stays in the worker: the popup, report and options bundles send raw text instead',
      severity: 'error',
      from: { path: '^src/ui/(popup|report|options)/main\\.tsx$' },
      to: { path: '^node_modules/mailparser/', reachable: true },
    },
    {
      name: 'no-circular',
      comment: 'a cycle has no direction to read it in',
      severity: 'error',
      from: { pathNot: KNOWN_VIOLATIONS.flatMap((v) => [exact(v.from), exact(v.to)]) },
      to: { circular: true },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/.*\\.d\\.ts$' },
  },
};
