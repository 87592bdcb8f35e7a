// For the start-up test (`node --import` this file): prints each file module as it is
// resolved, so a test can see what a command loads.
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url);
