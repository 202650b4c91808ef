// What mailparser costs the background bundle: the output bytes of every module that is reachable
// from the entry only through mailparser (its own code plus the Node polyfills nothing else needs).
const isMailparser = (path) => path.includes('node_modules/mailparser/');

function reachable(inputs, from, skip) {
  const seen = new Set();
  const stack = [...from];
  while (stack.length) {
    const path = stack.pop();
    if (seen.has(path) || skip(path)) continue;
    seen.add(path);
    for (const imp of inputs[path]?.imports ?? []) if (!imp.external) stack.push(imp.path);
  }
  return seen;
}

export function mailparserCost(metafile) {
  const [output] = Object.values(metafile.outputs).filter((o) => o.entryPoint);
  const entry = output.entryPoint;
  const injected = Object.keys(metafile.inputs).filter((p) => p.includes('shims/globals'));
  const all = reachable(metafile.inputs, [entry, ...injected], () => false);
  // The injected Buffer/process globals stay reachable from the injection itself; they count as
  // mailparser's cost when nothing outside mailparser imports them.
  const kept = reachable(metafile.inputs, [entry], isMailparser);
  const cost = [...all].filter((p) => !kept.has(p));
  const bytes = cost.reduce((sum, p) => sum + (output.inputs[p]?.bytesInOutput ?? 0), 0);
  return { bytes, inputs: cost.length };
}
