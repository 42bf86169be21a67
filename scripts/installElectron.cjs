// `npm start` first: the Electron binary, fetched once on a machine with internet. Where it cannot be
// fetched, one line says so and offers the same app in a browser, instead of a download stack trace.
'use strict';
var spawnSync = require('node:child_process').spawnSync;
var path = require('node:path');

var installer = path.join(__dirname, '..', 'node_modules', 'electron', 'install.js');
var run = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
if (run.status !== 0) {
  // The error's own line, not the stack frames under it.
  var lines = (run.stderr || '').split('\n').filter(function (line) {
    return line.trim() !== '' && !/^\s+at /.test(line);
  });
  var reason = (lines[0] || 'no reason given').trim().slice(0, 160);
  // Say in words what most often happened; the raw reason follows for whoever needs it.
  var offline = /fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|getaddrinfo/i.test(reason);
  var what = offline ? 'this computer could not reach the download server (offline, or behind a proxy or firewall)' : 'the download failed';
  process.stderr.write(
    'The Electron binary could not be downloaded: ' +
      what +
      ' (' +
      reason +
      '). Try again once online, or run Scrollback in your browser now with `npm run preview:web` (same app, same data).\n',
  );
  process.exit(1);
}

// The binary is here: on a Linux that restricts the sandbox's namespaces, say what to run before Electron aborts.
var linuxSandbox = require('./linuxSandboxHint.cjs');
var hint = linuxSandbox.sandboxHint(linuxSandbox.machineFacts());
if (hint) process.stderr.write(hint);
