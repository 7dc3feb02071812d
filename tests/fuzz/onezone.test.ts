import { fuzzSuite } from './fuzz-suite.ts';

await fuzzSuite('onezone');
