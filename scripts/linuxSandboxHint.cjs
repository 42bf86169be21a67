// `npm start` on Linux: Chromium's sandbox needs unprivileged user namespaces, or else the setuid helper
// node_modules/electron/dist/chrome-sandbox owned by root with mode 4755. Ubuntu 23.10 and later restrict user
// namespaces with AppArmor (kernel.apparmor_restrict_unprivileged_userns=1), and a fresh npm install leaves the
// helper owned by the user, so Electron aborts with "The SUID sandbox helper binary was found, but is not
// configured correctly". This says beforehand, in words, what to run. It never stops the start (an AppArmor
// profile for Electron may allow the namespaces anyway).
'use strict';
var fs = require('node:fs');
var path = require('node:path');

/**
 * The hint for this machine, or null when the sandbox can start: `restrictUserns` and `usernsClone` are the
 * contents of /proc/sys/kernel/apparmor_restrict_unprivileged_userns and .../unprivileged_userns_clone (null:
 * absent), `helper` the chrome-sandbox file's owner and mode (null: absent).
 */
function sandboxHint(facts) {
  if (facts.platform !== 'linux') return null;
  var restricted = (facts.restrictUserns || '').trim() === '1' || (facts.usernsClone || '').trim() === '0';
  if (!restricted || !facts.helper) return null;
  var helperReady = facts.helper.uid === 0 && (facts.helper.mode & 0o4000) !== 0;
  if (helperReady) return null;
  var helper = JSON.stringify(facts.helperPath);
  return [
    'This Linux restricts the user namespaces that Electron’s sandbox uses (AppArmor, as on Ubuntu 23.10 and later), and',
    'Electron’s fallback sandbox helper is not set up, so the window would not open. Run once:',
    '',
    '  sudo chown root:root ' + helper + ' && sudo chmod 4755 ' + helper,
    '',
    'then `npm start` again. (The deb package sets up its own helper and AppArmor profile.)',
    'Or run Scrollback in your browser now with `npm run preview:web` (same app, same data).',
    '',
  ].join('\n');
}

function readOrNull(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (_error) {
    return null;
  }
}

/** The facts of this machine, for sandboxHint. */
function machineFacts() {
  var helperPath = path.join(__dirname, '..', 'node_modules', 'electron', 'dist', 'chrome-sandbox');
  var helper;
  try {
    var stat = fs.statSync(helperPath);
    helper = { uid: stat.uid, mode: stat.mode };
  } catch (_error) {
    helper = null;
  }
  return {
    platform: process.platform,
    restrictUserns: readOrNull('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    usernsClone: readOrNull('/proc/sys/kernel/unprivileged_userns_clone'),
    helper: helper,
    helperPath: helperPath,
  };
}

module.exports = { sandboxHint: sandboxHint, machineFacts: machineFacts };
