// The app binary's entry: the `scrollback` command when given a sub-command (the installed app has no
// separate Node to run it), otherwise the window.
import { app } from 'electron';
import { cliArgumentsOf } from './cliArgumentsOf.ts';
import { runCliInApp } from './runCliInApp.ts';
import { startWindowApp } from './startWindowApp.ts';

const cliArguments = cliArgumentsOf(process.argv, app.isPackaged);
if (cliArguments) await runCliInApp(cliArguments);
else startWindowApp();
