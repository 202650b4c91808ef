// Node globals that mailparser and its stream polyfills reference as free identifiers; esbuild
// injects these wherever the bundle uses them.
export { Buffer } from 'buffer';
export { default as process } from 'process';
export { setImmediate } from './set-immediate.js';
