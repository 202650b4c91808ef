import { failOnScriptErrors } from './script-errors.js';

failOnScriptErrors();
