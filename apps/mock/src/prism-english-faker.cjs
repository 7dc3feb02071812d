// Preloaded into the Prism child process (`node --require`). Prism's schema generator requires
// `@faker-js/faker`, whose entry point loads all 57 of faker's locales: about 0.7 s of every
// Prism start on a 2-core machine, for data Prism never uses (its faker is always English; the
// locale is not configurable, stoplightio/prism#1160). Faker's own docs advise importing one locale
// for start-up time, so Prism is handed faker's English-only instance, the same generator and data
// as the English locale it would use. Anything else asking for faker gets the real entry point.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const prismHttp = `${path.sep}@stoplight${path.sep}prism-http${path.sep}`;
const load = Module._load;

Module._load = function loadEnglishFakerForPrism(request, parent, isMain) {
  if (request === '@faker-js/faker' && typeof parent?.filename === 'string' && parent.filename.includes(prismHttp)) {
    // Resolved from Prism's own module, so it is the faker version Prism depends on. Prism reads
    // `.default` (compiled without an interop helper).
    const english = load.call(this, '@faker-js/faker/locale/en', parent, isMain);
    return { default: english, faker: english };
  }
  return load.apply(this, arguments);
};
