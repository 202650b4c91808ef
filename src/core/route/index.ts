export { buildRoute } from './build.js';
export { chooseOrigin } from './origin.js';
