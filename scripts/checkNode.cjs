// Stops at once, with one line, on a Node too old for Scrollback (run before install, test, start and the
// CLI). CommonJS and plain syntax on purpose: it must run on the old Node it refuses.
'use strict';
var needed = [22, 18];
var parts = process.versions.node.split('.').map(Number);
if (parts[0] < needed[0] || (parts[0] === needed[0] && parts[1] < needed[1])) {
  process.stderr.write(
    'Scrollback needs Node ' +
      needed.join('.') +
      ' or newer (this is Node ' +
      process.versions.node +
      '): install it from nodejs.org or your version manager (nvm install 22), or run this once with `npx -y -p node@22 -- npm …`.\n',
  );
  process.exit(1);
}
